import { and, eq, inArray } from 'drizzle-orm';
import type { Actor } from '../../core/auth/actor.ts';
import { type AuditEntry, recordAudits } from '../../core/audit/audit-log.ts';
import type { AppContext } from '../../core/module.ts';
import { mailVolunteer } from './notify.ts';
import { moveWaitingListUp, newCheckInCode } from './queue.ts';
import { loadShift } from './records.ts';
import { signups } from './schema.ts';

/**
 * The coordinator accepts or declines sign-ups of one shift, one or many at once. Accepting
 * gives the volunteer a check-in code; declining frees the place for the waiting list. Only
 * sign-ups waiting for an answer (or on the waiting list, to decline) are touched.
 */
export async function decideSignups(ctx: AppContext, actor: Actor, shiftId: string, signupIds: readonly string[], decision: 'accept' | 'decline'): Promise<{ decided: number }> {
  return ctx.db.transaction(async (tx) => {
    const record = await loadShift(tx, shiftId, { lock: true });
    ctx.policy.authorize(actor, 'volunteer-organisation.coordinate', record.host);
    if (signupIds.length === 0) return { decided: 0 };
    const open = decision === 'accept' ? (['pending'] as const) : (['pending', 'waitlisted'] as const);
    const rows = await tx
      .select({ id: signups.id, volunteerId: signups.volunteerId, status: signups.status })
      .from(signups)
      .where(and(eq(signups.shiftId, shiftId), inArray(signups.id, [...signupIds]), inArray(signups.status, [...open])))
      .for('update');
    const now = ctx.clock.now();
    const audits: AuditEntry[] = [];
    for (const row of rows) {
      const set = decision === 'accept' ? { status: 'accepted' as const, checkInCode: newCheckInCode() } : { status: 'declined' as const };
      await tx.update(signups).set({ ...set, decidedBy: actor.userId, decidedAt: now }).where(eq(signups.id, row.id));
      const mail = decision === 'accept' ? 'accepted' : 'declined';
      await mailVolunteer(ctx, tx, row.volunteerId, record, { subject: `volunteers.mail.${mail}.subject`, body: `volunteers.mail.${mail}.body` });
      audits.push({ actorId: actor.userId, action: `volunteer.${decision}`, entityType: 'volunteer_shift', entityId: shiftId, changes: { signupId: row.id, was: row.status } });
    }
    if (decision === 'decline') await moveWaitingListUp(ctx, tx, record);
    await recordAudits(tx, audits);
    return { decided: rows.length };
  });
}
