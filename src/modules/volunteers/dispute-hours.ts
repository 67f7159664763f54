import { eq } from 'drizzle-orm';
import type { Actor } from '../../core/auth/actor.ts';
import { recordAudit } from '../../core/audit/audit-log.ts';
import type { AppContext } from '../../core/module.ts';
import { MAX_SHIFT_MINUTES } from './confirm-hours.ts';
import { loadSignup } from './records.ts';
import { signups } from './schema.ts';

/** The volunteer disputes the hours recorded or confirmed for a shift, saying how many and why. */
export async function disputeHours(ctx: AppContext, actor: Actor, signupId: string, claim: { minutes: number; reason: string }): Promise<{ ok: boolean; key?: string }> {
  return ctx.db.transaction(async (tx) => {
    const record = await loadSignup(tx, signupId, { lock: true });
    ctx.policy.authorize(actor, 'signup.own', record.ref);
    const { signup } = record;
    if (signup.hoursStatus === null) return { ok: false, key: 'volunteers.error.hours-not-recorded' };
    // One dispute per shift: the coordinator's decision settles it.
    if (signup.disputeReason !== null) return { ok: false, key: 'volunteers.error.already-disputed' };
    const minutes = Math.min(MAX_SHIFT_MINUTES, Math.max(0, claim.minutes));
    await tx.update(signups).set({ hoursStatus: 'disputed', disputedMinutes: minutes, disputeReason: claim.reason }).where(eq(signups.id, signupId));
    await recordAudit(tx, {
      actorId: actor.userId,
      action: 'volunteer.hours-dispute',
      entityType: 'volunteer_shift',
      entityId: signup.shiftId,
      changes: { signupId, minutes: signup.minutes, claimed: minutes, reason: claim.reason },
    });
    return { ok: true };
  });
}

/** The coordinator settles a dispute: the hours become confirmed at the minutes decided, with the reason in the audit log. */
export async function resolveDispute(ctx: AppContext, actor: Actor, signupId: string, decision: { minutes: number; note: string }): Promise<{ ok: boolean; key?: string }> {
  return ctx.db.transaction(async (tx) => {
    const record = await loadSignup(tx, signupId, { lock: true });
    ctx.policy.authorize(actor, 'signup.coordinate', record.ref);
    const { signup } = record;
    if (signup.hoursStatus !== 'disputed') return { ok: false, key: 'volunteers.error.not-disputed' };
    const minutes = Math.min(MAX_SHIFT_MINUTES, Math.max(0, decision.minutes));
    const now = ctx.clock.now();
    await tx.update(signups).set({ minutes, hoursStatus: 'confirmed', hoursConfirmedBy: actor.userId, hoursConfirmedAt: now }).where(eq(signups.id, signupId));
    await recordAudit(tx, {
      actorId: actor.userId,
      action: 'volunteer.hours-dispute-resolve',
      entityType: 'volunteer_shift',
      entityId: signup.shiftId,
      changes: { signupId, before: signup.minutes, claimed: signup.disputedMinutes, decided: minutes, reason: signup.disputeReason, note: decision.note },
    });
    return { ok: true };
  });
}
