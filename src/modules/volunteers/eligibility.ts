import type { Risk } from './schema.ts';

export type Refusal = { key: string; params?: Record<string, string | number> };

/** Full years of age on a day, both given as `YYYY-MM-DD`. */
export function ageOn(birthDate: string, day: string): number {
  const [by, bm, bd] = birthDate.split('-').map(Number) as [number, number, number];
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return y - by - (m < bm || (m === bm && d < bd) ? 1 : 0);
}

/**
 * Law 42-VI art. 12, applied on the shift's day: the opportunity's minimum age; no risky work under
 * 18; under 14 only with a parent's written consent on record. Null when the volunteer may take part.
 */
export function ageRefusal(volunteer: { birthDate: string; consentOnRecord: boolean }, opportunity: { minAge: number; risk: Risk }, shiftDay: string): Refusal | null {
  const age = ageOn(volunteer.birthDate, shiftDay);
  if (age < 18 && opportunity.risk !== 'none') return { key: 'volunteers.error.age-risk', params: { risk: `volunteers.risk.${opportunity.risk}` } };
  if (age < opportunity.minAge) return { key: 'volunteers.error.age-minimum', params: { minAge: opportunity.minAge, age } };
  if (age < 14 && !volunteer.consentOnRecord) return { key: 'volunteers.error.age-consent' };
  return null;
}

/** A refusal in words; a parameter that is itself a message key (a risk's name) is translated too. */
export function explain(t: (key: string, params?: Record<string, string | number>) => string, refusal: Refusal): string {
  const params = Object.fromEntries(Object.entries(refusal.params ?? {}).map(([k, v]) => [k, typeof v === 'string' && v.startsWith('volunteers.') ? t(v) : v]));
  return t(refusal.key, params);
}
