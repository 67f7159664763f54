import { eq } from 'drizzle-orm';
import type { Actor } from '../../core/auth/actor.ts';
import { recordAudit } from '../../core/audit/audit-log.ts';
import type { Executor } from '../../core/db/client.ts';
import { AppError } from '../../core/errors/app-error.ts';
import type { AppContext } from '../../core/module.ts';
import { plannedMinutes } from './confirm-hours.ts';
import { loadSignup, type SignupRecord } from './records.ts';
import { signups } from './schema.ts';

const HOUR = 3_600_000;

/** The sign-up a check-in code belongs to; unknown codes are not found. */
export async function signupByCode(db: Executor, code: string, opts: { lock?: boolean } = {}): Promise<SignupRecord> {
  if (!/^[2-9A-Z]{10}$/.test(code)) throw new AppError('NOT_FOUND');
  const [row] = await db.select({ id: signups.id }).from(signups).where(eq(signups.checkInCode, code));
  if (!row) throw new AppError('NOT_FOUND');
  return loadSignup(db, row.id, opts);
}

/**
 * A coordinator scans the volunteer's QR at the place: the volunteer is checked in and the
 * shift's length is recorded as their hours, to be confirmed (or corrected) by the organisation.
 * Scanning twice changes nothing.
 */
export async function checkIn(ctx: AppContext, actor: Actor, code: string): Promise<{ ok: true; record: SignupRecord } | { ok: false; key: string }> {
  return ctx.db.transaction(async (tx) => {
    const record = await signupByCode(tx, code, { lock: true });
    ctx.policy.authorize(actor, 'signup.coordinate', record.ref);
    const { signup, shift } = record;
    if (signup.status !== 'accepted') return { ok: false, key: 'volunteers.error.not-accepted' };
    if (signup.checkedInAt) return { ok: true, record };
    const now = ctx.clock.now();
    if (now.getTime() < shift.startsAt.getTime() - HOUR || now > shift.endsAt) return { ok: false, key: 'volunteers.error.check-in-window' };
    const minutes = plannedMinutes(shift);
    await tx.update(signups).set({ checkedInAt: now, checkedInBy: actor.userId, minutes, hoursStatus: 'recorded' }).where(eq(signups.id, signup.id));
    await recordAudit(tx, { actorId: actor.userId, action: 'volunteer.check-in', entityType: 'volunteer_shift', entityId: shift.id, changes: { signupId: signup.id, minutes } });
    return { ok: true, record };
  });
}
