import { parseLocalDateTime } from '../../../core/format/local-time.ts';

/**
 * The identifiers of the open data (docs/open-data.md). They are part of what the files promise
 * to their readers: once published, a prefix is never changed.
 */

/** Organisations by their 12-digit BIN (business identification number) from the state register. */
export const ORGANISATION_PREFIX = 'KZ-BIN';
/** A grant is an agreement; its id is this prefix and the agreement's UUID. */
export const GRANT_PREFIX = '360G-ortaq';
/** A contracting process is a competition; its ocid is this prefix and the competition's public number. */
export const OCID_PREFIX = 'ocds-ortaq';

/** The languages the data's texts are kept in: a download gives one of them, Kazakh by default. */
export const DATA_LANGS = ['kk', 'ru'] as const;
export type DataLang = (typeof DATA_LANGS)[number];

/** Where the files are served (root routes, outside the language prefix). */
export const OPEN_DATA_PATHS = {
  threeSixtyGivingJson: '/open-data/360giving.json',
  threeSixtyGivingCsv: '/open-data/360giving.csv',
  ocds: '/open-data/ocds.json',
  indicatorResults: '/open-data/indicator-results.json',
} as const;

export const LICENCE_URL = 'https://creativecommons.org/licenses/by/4.0/';
export const CURRENCY = 'KZT';

export const organisationId = (bin: string) => `${ORGANISATION_PREFIX}-${bin}`;
export const grantId = (agreementId: string) => `${GRANT_PREFIX}-${agreementId}`;
export const ocid = (competitionNumber: string) => `${OCID_PREFIX}-${competitionNumber}`;

/** Amounts are kept in tiyn; the standards want the currency's unit (1 tenge = 100 tiyn). */
export const tenge = (tiyn: number) => tiyn / 100;

/** The start of a calendar day in Kazakhstan, as a UTC instant (`2027-02-01` → `2027-01-31T19:00:00.000Z`). */
export function dayStart(day: string): string {
  return parseLocalDateTime(`${day}T00:00:00`)!.toISOString();
}

/** The last second of a calendar day in Kazakhstan, as a UTC instant. */
export function dayEnd(day: string): string {
  return parseLocalDateTime(`${day}T23:59:59`)!.toISOString();
}

/** Whole months from the first day to the last (both included), rounded: `2027-02-01`..`2027-11-30` → 10. */
export function durationMonths(first: string, last: string): number {
  const [y1, m1, d1] = first.split('-').map(Number) as [number, number, number];
  const [ly, lm, ld] = last.split('-').map(Number) as [number, number, number];
  const after = new Date(Date.UTC(ly, lm - 1, ld) + 86_400_000);
  const [y2, m2, d2] = [after.getUTCFullYear(), after.getUTCMonth() + 1, after.getUTCDate()];
  const months = (y2 - y1) * 12 + (m2 - m1) + (d2 - d1) / 30;
  return Math.max(0, Math.round(months));
}
