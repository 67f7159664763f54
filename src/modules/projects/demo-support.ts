import { almaty, almatyDay, chunks, demoIds, mix, pickOf, shiftDay, unit } from '../../core/demo/determinism.ts';

export { almaty, almatyDay, chunks, mix, pickOf, shiftDay, unit };

/** A UUID made from a name: the same demo row always gets the same id. */
export const demoId = demoIds('ortaq-demo-projects');

/*
 * Building blocks of the demo projects, on top of core/demo/determinism.ts: ids made from names in
 * this module's namespace (so bulk rows can point at each other before they are written), times
 * of day, and amounts.
 */

// ---------------------------------------------------------------- time, in Kazakhstan

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

