import { createHash } from 'node:crypto';
import { TIME_ZONE } from '../../core/format/intl.ts';

/*
 * Building blocks of the demo projects: a deterministic hash instead of Math.random, ids made from
 * names (so bulk rows can point at each other before they are written), and local dates in
 * Asia/Almaty. The competitions module has the same helpers for its demo; a module may not import
 * another's internals, so these few lines are repeated here.
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

/** A UUID made from a name: the same demo row gets the same id, and rows can be linked before they are inserted. */
export function demoId(...parts: (string | number)[]): string {
  const h = createHash('sha256').update(['ortaq-demo-projects', ...parts].join('|')).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-8${h.slice(13, 16)}-${((Number.parseInt(h[16]!, 16) & 3) | 8).toString(16)}${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

// ---------------------------------------------------------------- time, in Kazakhstan

const wallClock = new Intl.DateTimeFormat('en-US', { timeZone: TIME_ZONE, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit' });
const calendarDay = new Intl.DateTimeFormat('en-CA', { timeZone: TIME_ZONE, year: 'numeric', month: '2-digit', day: '2-digit' });

function offsetMs(instant: number): number {
  const parts = Object.fromEntries(wallClock.formatToParts(new Date(instant)).map((p) => [p.type, p.value]));
  const local = Date.UTC(Number(parts.year), Number(parts.month) - 1, Number(parts.day), Number(parts.hour), Number(parts.minute), Number(parts.second));
  return local - Math.floor(instant / 1000) * 1000;
}

/** The instant of a local date and time in Asia/Almaty. */
export function almaty(date: string, time = '10:00'): Date {
  const guess = Date.parse(`${date}T${time}:00Z`);
  return new Date(guess - offsetMs(guess));
}

/** A working-hours time of day, from the parts: 09:00–17:59. */
export const officeTime = (...parts: (string | number)[]) => {
  const h = mix('time', ...parts);
  return `${String(9 + (h % 9)).padStart(2, '0')}:${String((h >>> 8) % 60).padStart(2, '0')}`;
};

/** An afternoon time of day, from the parts: 14:00–17:59 (a side confirming after the morning's signing). */
export const afternoonTime = (...parts: (string | number)[]) => {
  const h = mix('afternoon', ...parts);
  return `${14 + (h % 4)}:${String((h >>> 8) % 60).padStart(2, '0')}`;
};

/** The local date, YYYY-MM-DD, of an instant in Asia/Almaty. */
export const almatyDay = (instant: Date) => calendarDay.format(instant);

export function shiftDay(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** Whole days from one date to another (positive when `to` is later). */
export const daysBetween = (from: string, to: string) => Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);

/** The last day of the month `months` after the month of `date` (0: its own month). */
export function monthEnd(date: string, months = 0): string {
  const d = new Date(`${date.slice(0, 7)}-01T00:00:00Z`);
  d.setUTCMonth(d.getUTCMonth() + months + 1, 0);
  return d.toISOString().slice(0, 10);
}

export const laterOf = (a: string, b: string) => (a > b ? a : b);

// ---------------------------------------------------------------- money and numbers

export const tiyn = (tenge: number) => Math.round(tenge * 100);
/** 1 000 000 with plain spaces, as people write it in both languages. */
export const grouped = (n: number) => String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ' ');

/** A name as it reads inside a sentence: its first letter small, unless it opens an abbreviation (ҮЕҰ, НПО). */
export const inSentence = (name: string) => (/^\p{Lu}\p{Lu}/u.test(name) ? name : name.charAt(0).toLowerCase() + name.slice(1));

/** A target as people plan it: whole, and round once it is large. */
export function roundTarget(n: number): number {
  if (n < 20) return Math.max(1, Math.round(n));
  if (n < 200) return Math.round(n / 5) * 5;
  if (n < 2000) return Math.round(n / 10) * 10;
  return Math.round(n / 100) * 100;
}

export const chunks = <T>(rows: readonly T[], size = 500): T[][] => Array.from({ length: Math.ceil(rows.length / size) }, (_, i) => rows.slice(i * size, (i + 1) * size));
