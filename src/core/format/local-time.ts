import { TIME_ZONE } from './intl.ts';

/** Wall-clock time in Kazakhstan, for `datetime-local` inputs: read and shown in Asia/Almaty. */
const wallClock = new Intl.DateTimeFormat('en-US', {
  timeZone: TIME_ZONE,
  hourCycle: 'h23',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
});

/** How far Kazakhstan's wall clock is ahead of UTC at an instant, in milliseconds (read from Intl, not assumed). */
function zoneOffset(instant: number): number {
  const parts = Object.fromEntries(wallClock.formatToParts(new Date(instant)).map((p) => [p.type, p.value]));
  const wall = Date.UTC(Number(parts.year), Number(parts.month) - 1, Number(parts.day), Number(parts.hour), Number(parts.minute), Number(parts.second));
  return wall - Math.floor(instant / 1000) * 1000;
}

/**
 * A `datetime-local` value (`2026-03-01T18:00`, seconds optional; a space instead of the `T`
 * from a browser that shows a plain text box) read as Kazakhstan time; null if it is not one.
 */
export function parseLocalDateTime(raw: string): Date | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2}))?$/.exec(raw.trim());
  if (!m) return null;
  const [y, mo, d, h, mi, s] = m.slice(1).map((v) => Number(v ?? 0)) as [number, number, number, number, number, number];
  const wall = Date.UTC(y, mo - 1, d, h, mi, s);
  const check = new Date(wall);
  if (check.getUTCFullYear() !== y || check.getUTCMonth() !== mo - 1 || check.getUTCDate() !== d || h > 23 || mi > 59 || s > 59) return null;
  const first = wall - zoneOffset(wall);
  return new Date(wall - zoneOffset(first));
}

/** An instant as a `datetime-local` value in Kazakhstan time, for a form's starting values. */
export function localDateTimeValue(instant: Date): string {
  return new Date(instant.getTime() + zoneOffset(instant.getTime())).toISOString().slice(0, 16);
}

/** The calendar year in Kazakhstan at an instant. */
export const localYear = (instant: Date) => Number(localDateTimeValue(instant).slice(0, 4));
