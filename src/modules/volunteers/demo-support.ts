import { createHash } from 'node:crypto';
import type { PgTable } from 'drizzle-orm/pg-core';
import type { Executor } from '../../core/db/client.ts';
import { TIME_ZONE } from '../../core/format/intl.ts';

/*
 * Building blocks of the volunteers' demo: a deterministic hash instead of Math.random, ids made
 * from names (so bulk rows can point at each other before they are written, and a second seeding
 * finds the first), and local dates in Asia/Almaty. The projects module has the same few lines; a
 * module may not import another's internals.
 */

/** FNV-1a over the parts: the same parts always give the same number. */
export function mix(...parts: (string | number)[]): number {
  let h = 0x811c9dc5;
  for (const ch of parts.join('|')) {
    h ^= ch.codePointAt(0)!;
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h >>> 0;
}

export const pickOf = <T>(list: readonly T[], ...parts: (string | number)[]): T => list[mix(...parts) % list.length]!;
/** True for about `share` of the part combinations. */
export const chance = (share: number, ...parts: (string | number)[]) => mix(...parts) / 4294967296 < share;

/** A UUID made from a name: the same demo row always gets the same id. */
export function demoId(...parts: (string | number)[]): string {
  const h = createHash('sha256').update(['ortaq-demo-volunteers', ...parts].join('|')).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-8${h.slice(13, 16)}-${((Number.parseInt(h[16]!, 16) & 3) | 8).toString(16)}${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

// ---------------------------------------------------------------- time, in Kazakhstan

const wallClock = new Intl.DateTimeFormat('en-US', { timeZone: TIME_ZONE, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit' });
const calendarDay = new Intl.DateTimeFormat('en-CA', { timeZone: TIME_ZONE, year: 'numeric', month: '2-digit', day: '2-digit' });

function offsetMs(instant: number): number {
  const p = Object.fromEntries(wallClock.formatToParts(new Date(instant)).map((x) => [x.type, x.value]));
  const local = Date.UTC(Number(p.year), Number(p.month) - 1, Number(p.day), Number(p.hour), Number(p.minute), Number(p.second));
  return local - Math.floor(instant / 1000) * 1000;
}

/** The instant of a local date and time in Asia/Almaty. */
export function almaty(date: string, time = '10:00'): Date {
  const guess = Date.parse(`${date}T${time}:00Z`);
  return new Date(guess - offsetMs(guess));
}

/** The local date, YYYY-MM-DD, of an instant in Asia/Almaty. */
export const almatyDay = (instant: Date) => calendarDay.format(instant);

export function shiftDay(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

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

export const chunks = <T>(rows: readonly T[], size = 500): T[][] => Array.from({ length: Math.ceil(rows.length / size) }, (_, i) => rows.slice(i * size, (i + 1) * size));

/** Inserts rows in batches of 500; `ignoreConflicts` for rows a second seeding may find there (accounts, profiles). */
export async function insertAll<T extends PgTable>(db: Executor, table: T, rows: readonly T['$inferInsert'][], opts: { ignoreConflicts?: boolean } = {}): Promise<void> {
  for (const batch of chunks(rows)) {
    const insert = db.insert(table).values(batch as never);
    await (opts.ignoreConflicts ? insert.onConflictDoNothing() : insert);
  }
}
