import { and, eq, gt, inArray, lt, ne, sql } from 'drizzle-orm';
import type { Actor } from '../../core/auth/actor.ts';
import { recordAudit } from '../../core/audit/audit-log.ts';
import type { Executor } from '../../core/db/client.ts';
import { localDateTimeValue } from '../../core/format/local-time.ts';
import type { AppContext } from '../../core/module.ts';
import { ageRefusal, type Refusal } from './eligibility.ts';
import { HOLDS_PLACE, newCheckInCode, placesTaken } from './queue.ts';
import { loadShift, type ShiftRecord } from './records.ts';
import { opportunities, type SignupStatus, shifts, signups, volunteerProfiles } from './schema.ts';

export type SignUpResult = { ok: true; signupId: string; status: SignupStatus } | { ok: false; refusal: Refusal };

/** Whether this volunteer may take this shift at all: a profile, an open opportunity, a shift to come, the age rules, no clash. */
export async function refusalFor(ctx: AppContext, tx: Executor, volunteerId: string, record: ShiftRecord): Promise<Refusal | null> {
  const [profile] = await tx.select().from(volunteerProfiles).where(eq(volunteerProfiles.userId, volunteerId));
  if (!profile) return { key: 'volunteers.error.profile-needed' };
  if (record.opportunity.closedAt) return { key: 'volunteers.error.opportunity-closed' };
  if (record.shift.startsAt <= ctx.clock.now()) return { key: 'volunteers.error.shift-over' };
  const shiftDay = localDateTimeValue(record.shift.startsAt).slice(0, 10);
  const age = ageRefusal({ birthDate: profile.birthDate, consentOnRecord: profile.consentRecordedAt !== null }, record.opportunity, shiftDay);
  if (age) return age;
  const [clash] = await tx
    .select({ titleKk: opportunities.titleKk, titleRu: opportunities.titleRu })
    .from(signups)
    .innerJoin(shifts, eq(shifts.id, signups.shiftId))
    .innerJoin(opportunities, eq(opportunities.id, shifts.opportunityId))
    .where(
      and(
        eq(signups.volunteerId, volunteerId),
        ne(signups.shiftId, record.shift.id),
        inArray(signups.status, [...HOLDS_PLACE]),
        lt(shifts.startsAt, record.shift.endsAt),
        gt(shifts.endsAt, record.shift.startsAt),
      ),
    )
    .limit(1);
  if (clash) return { key: 'volunteers.error.overlap', params: { title: `${clash.titleKk} / ${clash.titleRu}` } };
  return null;
}

/**
 * A volunteer signs up for a shift: a free place makes the sign-up wait for the organisation's
 * answer; a full shift puts the volunteer on its waiting list. The shift's row lock orders
 * concurrent sign-ups, so the places are never overbooked.
 */
export async function signUp(ctx: AppContext, actor: Actor, shiftId: string): Promise<SignUpResult> {
  return ctx.db.transaction(async (tx) => {
    const record = await loadShift(tx, shiftId, { lock: true });
    ctx.policy.authorize(actor, 'volunteer.sign-up', record.host);
    const volunteerId = actor.userId!;
    const [existing] = await tx.select().from(signups).where(and(eq(signups.shiftId, shiftId), eq(signups.volunteerId, volunteerId))).for('update');
    if (existing && existing.status !== 'cancelled') {
      if (existing.status === 'invited') return answerInvitation(ctx, tx, actor, record, existing.id, true);
      return { ok: false, refusal: { key: existing.status === 'declined' ? 'volunteers.error.already-declined' : 'volunteers.error.already-signed-up' } };
    }
    const refusal = await refusalFor(ctx, tx, volunteerId, record);
    if (refusal) return { ok: false, refusal };
    const status: SignupStatus = (await placesTaken(tx, shiftId)) < record.shift.capacity ? 'pending' : 'waitlisted';
    const now = ctx.clock.now();
    const values = { status, queuedAt: now, decidedBy: null, decidedAt: null, checkInCode: null, invitedBy: null };
    const [row] = existing
      ? await tx.update(signups).set(values).where(eq(signups.id, existing.id)).returning({ id: signups.id })
      : await tx.insert(signups).values({ shiftId, volunteerId, ...values }).returning({ id: signups.id });
    await recordAudit(tx, { actorId: volunteerId, action: 'volunteer.sign-up', entityType: 'volunteer_shift', entityId: shiftId, changes: { signupId: row!.id, status } });
    return { ok: true, signupId: row!.id, status };
  });
}

/**
 * The volunteer answers an organisation's invitation. Yes takes a free place at once (the
 * organisation asked for them) or the waiting list; no cancels it.
 */
export async function answerInvitation(ctx: AppContext, tx: Executor, actor: Actor, record: ShiftRecord, signupId: string, yes: boolean): Promise<SignUpResult> {
  const volunteerId = actor.userId!;
  if (!yes) {
    await tx.update(signups).set({ status: 'cancelled' }).where(eq(signups.id, signupId));
    await recordAudit(tx, { actorId: volunteerId, action: 'volunteer.invitation-declined', entityType: 'volunteer_shift', entityId: record.shift.id, changes: { signupId } });
    return { ok: true, signupId, status: 'cancelled' };
  }
  const refusal = await refusalFor(ctx, tx, volunteerId, record);
  if (refusal) return { ok: false, refusal };
  const now = ctx.clock.now();
  const free = (await placesTaken(tx, record.shift.id)) < record.shift.capacity;
  const status: SignupStatus = free ? 'accepted' : 'waitlisted';
  await tx
    .update(signups)
    .set(free ? { status, queuedAt: now, decidedBy: sql`${signups.invitedBy}`, decidedAt: now, checkInCode: newCheckInCode() } : { status, queuedAt: now })
    .where(eq(signups.id, signupId));
  await recordAudit(tx, { actorId: volunteerId, action: 'volunteer.invitation-accepted', entityType: 'volunteer_shift', entityId: record.shift.id, changes: { signupId, status } });
  return { ok: true, signupId, status };
}
