import { createHash } from 'node:crypto';
import { TIME_ZONE } from '../format/intl.ts';

/*
 * What every module's demo data is built from: a deterministic hash instead of Math.random, ids
 * made from names, and calendar days in Asia/Almaty. The same demo loads the same rows every time.
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

/** A number in [0, 1) from the parts. */
export const unit = (...parts: (string | number)[]) => mix(...parts) / 4294967296;
export const pickOf = <T>(list: readonly T[], ...parts: (string | number)[]): T => list[mix(...parts) % list.length]!;
/** True for about `share` of the part combinations. */
export const chance = (share: number, ...parts: (string | number)[]) => unit(...parts) < share;

/**
 * Ids made from names within a namespace: the same demo row always gets the same UUID, and rows
 * can be linked before they are inserted.
 */
export function demoIds(namespace: string): (...parts: (string | number)[]) => string {
  return (...parts) => {
    const h = createHash('sha256').update([namespace, ...parts].join('|')).digest('hex');
    return `${h.slice(0, 8)}-${h.slice(8, 12)}-8${h.slice(13, 16)}-${((Number.parseInt(h[16]!, 16) & 3) | 8).toString(16)}${h.slice(17, 20)}-${h.slice(20, 32)}`;
  };
}

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

/** A calendar day moved by a number of days. */
export function shiftDay(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** Rows in batches, for inserts that stay under the parameter limit. */
export const chunks = <T>(rows: readonly T[], size = 500): T[][] => Array.from({ length: Math.ceil(rows.length / size) }, (_, i) => rows.slice(i * size, (i + 1) * size));
