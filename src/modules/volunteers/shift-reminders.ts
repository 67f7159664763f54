import { and, eq, gt, isNull, lte } from 'drizzle-orm';
import type { AppContext } from '../../core/module.ts';
import { mailVolunteer } from './notify.ts';
import { opportunities, shifts, signups } from './schema.ts';

const DAY = 86_400_000;

/** Reminds each accepted volunteer by e-mail a day before their shift, once. Idempotent: the reminder is marked in the same transaction. */
export async function remindShifts(ctx: AppContext): Promise<number> {
  const now = ctx.clock.now();
  return ctx.db.transaction(async (tx) => {
    const due = await tx
      .select({ signup: signups, shift: shifts, opportunity: opportunities })
      .from(signups)
      .innerJoin(shifts, eq(shifts.id, signups.shiftId))
      .innerJoin(opportunities, eq(opportunities.id, shifts.opportunityId))
      .where(and(eq(signups.status, 'accepted'), isNull(signups.remindedAt), gt(shifts.startsAt, now), lte(shifts.startsAt, new Date(now.getTime() + DAY))))
      .limit(500)
      .for('update', { of: signups, skipLocked: true });
    for (const row of due) {
      await mailVolunteer(ctx, tx, row.signup.volunteerId, row, { subject: 'volunteers.mail.reminder.subject', body: 'volunteers.mail.reminder.body' });
      await tx.update(signups).set({ remindedAt: now }).where(eq(signups.id, row.signup.id));
    }
    return due.length;
  });
}
