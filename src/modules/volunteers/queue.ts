import { randomBytes } from 'node:crypto';
import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { Executor } from '../../core/db/client.ts';
import type { AppContext } from '../../core/module.ts';
import { mailVolunteer } from './notify.ts';
import type { ShiftRecord } from './records.ts';
import { refusalFor } from './sign-up.ts';
import { signups } from './schema.ts';

/** Sign-ups that hold a place: the organisation has accepted them or has yet to answer. */
export const HOLDS_PLACE = ['pending', 'accepted'] as const;

export async function placesTaken(tx: Executor, shiftId: string): Promise<number> {
  const [row] = await tx
    .select({ n: sql<number>`count(*)::int` })
    .from(signups)
    .where(and(eq(signups.shiftId, shiftId), inArray(signups.status, [...HOLDS_PLACE])));
  return row!.n;
}

/** A code for the volunteer's QR at the place: 10 letters and digits without look-alikes. */
export function newCheckInCode(): string {
  const alphabet = '23456789ABCDEFGHJKLMNPQRSTUVWXYZ';
  return [...randomBytes(10)].map((b) => alphabet[b % alphabet.length]).join('');
}

/**
 * Moves the waiting list up into the places that are free, first come first served, and tells
 * each volunteer moved up. Runs under the shift's row lock, in the transaction that freed a place.
 */
export async function moveWaitingListUp(ctx: AppContext, tx: Executor, record: ShiftRecord): Promise<string[]> {
  let free = record.shift.capacity - (await placesTaken(tx, record.shift.id));
  if (free <= 0 || record.shift.startsAt <= ctx.clock.now()) return [];
  const waiting = await tx
    .select({ id: signups.id, volunteerId: signups.volunteerId })
    .from(signups)
    .where(and(eq(signups.shiftId, record.shift.id), eq(signups.status, 'waitlisted')))
    .orderBy(asc(signups.queuedAt), asc(signups.id));
  const moved: string[] = [];
  for (const s of waiting) {
    if (free === 0) break;
    // Whoever has since taken an overlapping shift (or can no longer come) keeps waiting.
    if (await refusalFor(ctx, tx, s.volunteerId, record)) continue;
    await tx.update(signups).set({ status: 'pending' }).where(eq(signups.id, s.id));
    await mailVolunteer(ctx, tx, s.volunteerId, record, { subject: 'volunteers.mail.moved-up.subject', body: 'volunteers.mail.moved-up.body' });
    moved.push(s.id);
    free--;
  }
  return moved;
}
