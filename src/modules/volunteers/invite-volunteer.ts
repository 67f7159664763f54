import { and, eq } from 'drizzle-orm';
import { recordAudit } from '../../core/audit/audit-log.ts';
import type { Actor } from '../../core/auth/actor.ts';
import { localDateTimeValue } from '../../core/format/local-time.ts';
import type { AppContext } from '../../core/module.ts';
import { ageOn, type Refusal } from './eligibility.ts';
import { mailVolunteer } from './notify.ts';
import { loadShift } from './records.ts';
import { signups, volunteerProfiles } from './schema.ts';
import { refusalFor } from './sign-up.ts';

/** The coordinator invites an adult volunteer who is open to invitations and may take the shift; the volunteer answers. */
export async function inviteVolunteer(ctx: AppContext, actor: Actor, shiftId: string, volunteerId: string): Promise<{ ok: true } | { ok: false; refusal: Refusal }> {
  return ctx.db.transaction(async (tx) => {
    const record = await loadShift(tx, shiftId, { lock: true });
    ctx.policy.authorize(actor, 'volunteer-organisation.coordinate', record.host);
    const [profile] = await tx.select({ open: volunteerProfiles.openToInvitations, birthDate: volunteerProfiles.birthDate }).from(volunteerProfiles).where(eq(volunteerProfiles.userId, volunteerId));
    if (!profile?.open) return { ok: false, refusal: { key: 'volunteers.error.not-open-to-invitations' } };
    const [existing] = await tx.select().from(signups).where(and(eq(signups.shiftId, shiftId), eq(signups.volunteerId, volunteerId)));
    if (existing && existing.status !== 'cancelled') return { ok: false, refusal: { key: 'volunteers.error.already-on-shift' } };
    // Children sign up themselves; nobody is offered or invited a child they do not know.
    const adult = ageOn(profile.birthDate, localDateTimeValue(record.shift.startsAt).slice(0, 10)) >= 18;
    const refusal = adult ? await refusalFor(ctx, tx, volunteerId, record) : { key: 'volunteers.error.cannot-invite' };
    // The refusals speak to the volunteer ("you are 12", "your other shift"); the coordinator learns only that they cannot come.
    if (refusal) return { ok: false, refusal: { key: 'volunteers.error.cannot-invite' } };
    const values = { status: 'invited' as const, queuedAt: ctx.clock.now(), invitedBy: actor.userId, decidedBy: null, decidedAt: null, checkInCode: null };
    if (existing) await tx.update(signups).set(values).where(eq(signups.id, existing.id));
    else await tx.insert(signups).values({ shiftId, volunteerId, ...values });
    await mailVolunteer(ctx, tx, volunteerId, record, { subject: 'volunteers.mail.invited.subject', body: 'volunteers.mail.invited.body' });
    await recordAudit(tx, { actorId: actor.userId, action: 'volunteer.invite', entityType: 'volunteer_shift', entityId: shiftId, changes: { volunteerId } });
    return { ok: true };
  });
}
