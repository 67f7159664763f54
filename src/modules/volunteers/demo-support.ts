import type { PgTable } from 'drizzle-orm/pg-core';
import type { Executor } from '../../core/db/client.ts';
import { almaty, almatyDay, chance, chunks, demoIds, mix, pickOf, shiftDay } from '../../core/demo/determinism.ts';

export { almaty, almatyDay, chance, chunks, mix, pickOf, shiftDay };

/** A UUID made from a name: the same demo row always gets the same id. */
export const demoId = demoIds('ortaq-demo-volunteers');

/*
 * Building blocks of the volunteers' demo, on top of core/demo/determinism.ts: ids made from names
 * in this module's namespace (so bulk rows can point at each other before they are written, and a
 * second seeding finds the first), weeks and shifts.
 */

// ---------------------------------------------------------------- time, in Kazakhstan

/** Day of the week, 1 (Monday) to 7 (Sunday). */
const weekday = (date: string) => ((new Date(`${date}T00:00:00Z`).getUTCDay() + 6) % 7) + 1;

/**
 * The date of a weekday counted in weeks from today: week 0 is its next occurrence after today,
 * week 1 the one after; week -1 is its last occurrence before today, week -2 the one before.
 * Today itself is never given, so a shift is clearly before or after the seeding.
 */
export function weekDate(today: string, week: number, dow: number): string {
  if (week >= 0) return shiftDay(today, ((dow - weekday(today) + 7) % 7 || 7) + 7 * week);
  return shiftDay(today, -((weekday(today) - dow + 7) % 7 || 7) + 7 * (week + 1));
}

export const minutesOf = (hours: number) => Math.round(hours * 60);
export const addMinutes = (at: Date, minutes: number) => new Date(at.getTime() + minutes * 60_000);

// ---------------------------------------------------------------- writing

/** Inserts rows in batches of 500; `ignoreConflicts` for rows a second seeding may find there (accounts, profiles). */
export async function insertAll<T extends PgTable>(db: Executor, table: T, rows: readonly T['$inferInsert'][], opts: { ignoreConflicts?: boolean } = {}): Promise<void> {
  for (const batch of chunks(rows)) {
    const insert = db.insert(table).values(batch as never);
    await (opts.ignoreConflicts ? insert.onConflictDoNothing() : insert);
  }
}
