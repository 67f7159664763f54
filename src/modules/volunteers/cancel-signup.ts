import { eq } from 'drizzle-orm';
import type { Actor } from '../../core/auth/actor.ts';
import { recordAudit } from '../../core/audit/audit-log.ts';
import type { AppContext } from '../../core/module.ts';
import { moveWaitingListUp } from './queue.ts';
import { loadSignup } from './records.ts';
import { signups } from './schema.ts';
import { answerInvitation, type SignUpResult } from './sign-up.ts';

/** The volunteer withdraws before the shift starts; the freed place goes to the first on the waiting list. */
export async function cancelSignup(ctx: AppContext, actor: Actor, signupId: string): Promise<{ ok: boolean; key?: string }> {
  return ctx.db.transaction(async (tx) => {
    const record = await loadSignup(tx, signupId, { lock: true });
    ctx.policy.authorize(actor, 'signup.own', record.ref);
    const { signup, shift } = record;
    if (signup.status === 'cancelled') return { ok: true };
    if (signup.status === 'declined') return { ok: false, key: 'volunteers.error.not-cancellable' };
    if (shift.startsAt <= ctx.clock.now() || signup.checkedInAt) return { ok: false, key: 'volunteers.error.shift-over' };
    await tx.update(signups).set({ status: 'cancelled', checkInCode: null }).where(eq(signups.id, signupId));
    const movedUp = await moveWaitingListUp(ctx, tx, record);
    await recordAudit(tx, { actorId: actor.userId, action: 'volunteer.cancel', entityType: 'volunteer_shift', entityId: shift.id, changes: { signupId, was: signup.status, movedUp } });
    return { ok: true };
  });
}

/** The volunteer says yes or no to an organisation's invitation. */
export async function respondToInvitation(ctx: AppContext, actor: Actor, signupId: string, yes: boolean): Promise<SignUpResult> {
  return ctx.db.transaction(async (tx) => {
    const record = await loadSignup(tx, signupId, { lock: true });
    ctx.policy.authorize(actor, 'signup.own', record.ref);
    if (record.signup.status !== 'invited') return { ok: true, signupId, status: record.signup.status };
    return answerInvitation(ctx, tx, actor, record, signupId, yes);
  });
}
