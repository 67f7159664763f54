import { and, eq } from 'drizzle-orm';
import type { Actor } from '../../core/auth/actor.ts';
import { recordAudit } from '../../core/audit/audit-log.ts';
import type { AppContext } from '../../core/module.ts';
import { AGE_REFUSALS, type Refusal } from './eligibility.ts';
import { mailVolunteer } from './notify.ts';
import { loadShift } from './records.ts';
import { signups, volunteerProfiles } from './schema.ts';
import { refusalFor } from './sign-up.ts';

/** The coordinator invites a volunteer who is open to invitations and may take the shift; the volunteer answers. */
export async function inviteVolunteer(ctx: AppContext, actor: Actor, shiftId: string, volunteerId: string): Promise<{ ok: true } | { ok: false; refusal: Refusal }> {
  return ctx.db.transaction(async (tx) => {
    const record = await loadShift(tx, shiftId, { lock: true });
    ctx.policy.authorize(actor, 'volunteer-organisation.coordinate', record.host);
    const [profile] = await tx.select({ open: volunteerProfiles.openToInvitations }).from(volunteerProfiles).where(eq(volunteerProfiles.userId, volunteerId));
    if (!profile?.open) return { ok: false, refusal: { key: 'volunteers.error.not-open-to-invitations' } };
    const [existing] = await tx.select().from(signups).where(and(eq(signups.shiftId, shiftId), eq(signups.volunteerId, volunteerId)));
    if (existing && existing.status !== 'cancelled') return { ok: false, refusal: { key: 'volunteers.error.already-on-shift' } };
    const refusal = await refusalFor(ctx, tx, volunteerId, record);
    // The age refusals speak to the volunteer ("you are 12"); the coordinator is told only that the rules forbid it.
    if (refusal) return { ok: false, refusal: AGE_REFUSALS.has(refusal.key) ? { key: 'volunteers.error.invite-age' } : refusal };
    const values = { status: 'invited' as const, queuedAt: ctx.clock.now(), invitedBy: actor.userId, decidedBy: null, decidedAt: null, checkInCode: null };
    if (existing) await tx.update(signups).set(values).where(eq(signups.id, existing.id));
    else await tx.insert(signups).values({ shiftId, volunteerId, ...values });
    await mailVolunteer(ctx, tx, volunteerId, record, { subject: 'volunteers.mail.invited.subject', body: 'volunteers.mail.invited.body' });
    await recordAudit(tx, { actorId: actor.userId, action: 'volunteer.invite', entityType: 'volunteer_shift', entityId: shiftId, changes: { volunteerId } });
    return { ok: true };
  });
}
