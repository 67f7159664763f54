import { and, eq, inArray } from 'drizzle-orm';
import type { Actor } from '../../core/auth/actor.ts';
import { type AuditEntry, recordAudits } from '../../core/audit/audit-log.ts';
import type { AppContext } from '../../core/module.ts';
import { loadShift } from './records.ts';
import { signups } from './schema.ts';

export const MAX_SHIFT_MINUTES = 24 * 60;

/** A shift's length in minutes. */
export const plannedMinutes = (shift: { startsAt: Date; endsAt: Date }) => Math.round((shift.endsAt.getTime() - shift.startsAt.getTime()) / 60_000);

/**
 * The coordinator confirms the hours of accepted volunteers of a shift, many at once, each with
 * the minutes given (the recorded ones, or the shift's length, where none are given), once the
 * shift has started. Confirmed and disputed hours are left alone: a dispute is resolved on its own.
 */
export async function confirmHours(
  ctx: AppContext,
  actor: Actor,
  shiftId: string,
  entries: readonly { signupId: string; minutes: number | null }[],
): Promise<{ ok: true; confirmed: number } | { ok: false; key: string }> {
  return ctx.db.transaction(async (tx) => {
    const record = await loadShift(tx, shiftId, { lock: true });
    ctx.policy.authorize(actor, 'volunteer-organisation.coordinate', record.host);
    if (record.shift.startsAt > ctx.clock.now()) return { ok: false, key: 'volunteers.error.hours-before-shift' };
    if (entries.length === 0) return { ok: true, confirmed: 0 };
    const rows = await tx
      .select({ id: signups.id, minutes: signups.minutes, hoursStatus: signups.hoursStatus })
      .from(signups)
      .where(and(eq(signups.shiftId, shiftId), eq(signups.status, 'accepted'), inArray(signups.id, entries.map((e) => e.signupId))))
      .for('update');
    const now = ctx.clock.now();
    const audits: AuditEntry[] = [];
    for (const row of rows) {
      if (row.hoursStatus === 'confirmed' || row.hoursStatus === 'disputed') continue;
      const given = entries.find((e) => e.signupId === row.id)!.minutes;
      const minutes = Math.min(MAX_SHIFT_MINUTES, Math.max(0, given ?? row.minutes ?? plannedMinutes(record.shift)));
      await tx.update(signups).set({ minutes, hoursStatus: 'confirmed', hoursConfirmedBy: actor.userId, hoursConfirmedAt: now }).where(eq(signups.id, row.id));
      audits.push({ actorId: actor.userId, action: 'volunteer.hours-confirm', entityType: 'volunteer_shift', entityId: shiftId, changes: { signupId: row.id, recorded: row.minutes, confirmed: minutes } });
    }
    await recordAudits(tx, audits);
    return { ok: true, confirmed: audits.length };
  });
}
