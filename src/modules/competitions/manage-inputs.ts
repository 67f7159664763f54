import { z } from 'zod';
import { parseLocalDateTime } from '../../core/format/local-time.ts';
import { REGIONS } from '../../core/geo/regions.ts';
import type { FieldError, FormErrors, FormState, FormValues } from '../../core/http/forms.ts';
import type { Lang } from '../../core/i18n/langs.ts';
import { AREAS } from '../organisations/index.ts';
import type { AnnounceProblem, CompetitionInput, LotInput } from './announce-competition.ts';
import { parseTenge } from './inputs.ts';
import { localised } from './records.ts';
import { DURATION_TYPES, INSTRUMENTS, type LotIndicator, NATIONAL_REGION } from './schema.ts';

/** The five dates of a competition, in the order they must follow each other. */
export const DATE_FIELDS = ['announcedAt', 'deadlineAt', 'admissionUntil', 'evaluationUntil', 'resultsDueAt'] as const;
export type DateField = (typeof DATE_FIELDS)[number];
export type CompetitionDates = Record<DateField, Date>;

/** The fields of one lot row on the announcement form; row `i`'s are named `lot<i>.<field>`. */
export const LOT_FIELDS = ['titleKk', 'titleRu', 'area', 'regionCode', 'budget', 'durationType', 'indicators'] as const;
export type LotField = (typeof LOT_FIELDS)[number];
export const lotField = (row: number, field: LotField) => `lot${row}.${field}`;
/** How many lot rows a fresh form offers, how many "add rows" adds, and the most a form may carry. */
export const BLANK_LOT_ROWS = 3;
export const MAX_LOT_ROWS = 200;



const str = (v: FormValues[string]) => (typeof v === 'string' ? v : Array.isArray(v) ? (v[0] ?? '') : '').trim();

/** Reads the five dates; each one that is missing or malformed gets its own error. */
export function parseDates(body: FormValues, errors: FormErrors): CompetitionDates | null {
  const out: Partial<CompetitionDates> = {};
  for (const field of DATE_FIELDS) {
    const raw = str(body[field]);
    const date = raw ? parseLocalDateTime(raw) : null;
    if (!raw) errors[field] = { key: 'form.error.required' };
    else if (!date) errors[field] = { key: 'competitions.manage.error.datetime' };
    else out[field] = date;
  }
  return DATE_FIELDS.every((f) => out[f]) ? (out as CompetitionDates) : null;
}

/**
 * The expected indicators of a lot, one per line: `name | unit | target`, where the name and the
 * unit may be given in Kazakh and Russian as `Kazakh / Russian` (one text serves both otherwise).
 */
export function parseIndicators(text: string): { ok: true; indicators: LotIndicator[] } | { ok: false; line: number } {
  const indicators: LotIndicator[] = [];
  const lines = text.split(/\r?\n/);
  for (const [i, line] of lines.entries()) {
    if (line.trim() === '') continue;
    const cells = line.split('|').map((c) => c.trim());
    const target = Number((cells[2] ?? '').replace(/[\s\u00a0\u202f]/g, ''));
    if (cells.length !== 3 || !cells[0] || !cells[1] || !Number.isInteger(target) || target < 1 || target > 1_000_000_000) return { ok: false, line: i + 1 };
    const both = (cell: string) => {
      const [kk, ru] = cell.split(' / ').map((s) => s.trim());
      return { kk: kk!, ru: ru || kk! };
    };
    indicators.push({ name: both(cells[0]), unit: both(cells[1]), target });
  }
  return { ok: true, indicators };
}

/** Indicators back as the textarea's lines, for a form filled from a lot. */
export const indicatorLines = (indicators: readonly LotIndicator[]) =>
  indicators
    .map((i) => `${i.name.kk === i.name.ru ? i.name.kk : `${i.name.kk} / ${i.name.ru}`} | ${i.unit.kk === i.unit.ru ? i.unit.kk : `${i.unit.kk} / ${i.unit.ru}`} | ${i.target}`)
    .join('\n');

/** How many lot rows the submitted form carried (its hidden `lotRows`), within bounds. */
export function lotRowCount(body: FormValues): number {
  const n = Number(str(body.lotRows));
  return Number.isInteger(n) && n >= 1 ? Math.min(n, MAX_LOT_ROWS) : BLANK_LOT_ROWS;
}

const optionalText = (max: number) =>
  z.preprocess((v) => (typeof v === 'string' && v.trim() === '' ? undefined : v), z.string().trim().max(max, 'form.error.too-long').optional());
const requiredText = (max: number) => z.string({ message: 'form.error.required' }).trim().min(1, 'form.error.required').max(max, 'form.error.too-long');

const Fields = z.object({
  organiserId: z.string({ message: 'form.error.required' }).min(1, 'form.error.required'),
  instrument: z.enum(INSTRUMENTS, { message: 'form.error.required' }),
  ruleVersionId: z.string({ message: 'form.error.required' }).min(1, 'form.error.required'),
  year: z.coerce.number({ message: 'competitions.manage.error.year' }).int('competitions.manage.error.year').min(2000, 'competitions.manage.error.year').max(2100, 'competitions.manage.error.year'),
  regionCode: z.preprocess(
    (v) => (v === '' ? null : v),
    z.enum(REGIONS.map((r) => r.code) as [string, ...string[]], { message: 'form.error.invalid' }).nullable().default(null),
  ),
  titleKk: requiredText(300),
  titleRu: requiredText(300),
  titleEn: optionalText(300),
  descriptionKk: optionalText(8000),
  descriptionRu: optionalText(8000),
});

export type AnnounceParse =
  | { ok: true; input: CompetitionInput; /** The form row each lot of the input came from. */ rows: number[] }
  | { ok: false; errors: FormErrors };

/**
 * Reads the announcement form into a competition, checking each field and each lot row; rows
 * left wholly blank are skipped, so the form can always offer empty ones. Whether the whole
 * fits its rule (dates in order, budgets within the MCI limits) is announceCompetition's to say.
 */
export function parseAnnounceForm(body: FormValues, allowed: { organiserIds: string[]; ruleVersions: { id: string; instrument: string }[] }): AnnounceParse {
  const errors: FormErrors = {};
  const fields = Fields.safeParse(body);
  if (!fields.success) {
    for (const issue of fields.error.issues) {
      const field = String(issue.path[0] ?? '_form');
      errors[field] ??= { key: issue.message.includes('.') && !issue.message.includes(' ') ? issue.message : 'form.error.invalid' };
    }
  }
  if (fields.success && !allowed.organiserIds.includes(fields.data.organiserId)) errors.organiserId = { key: 'form.error.invalid' };
  if (fields.success) {
    const rule = allowed.ruleVersions.find((r) => r.id === fields.data.ruleVersionId);
    if (!rule) errors.ruleVersionId = { key: 'form.error.invalid' };
    else if (rule.instrument !== fields.data.instrument) errors.ruleVersionId = { key: 'competitions.error.rule-instrument' };
  }
  const dates = parseDates(body, errors);

  const lots: LotInput[] = [];
  const rows: number[] = [];
  const competitionRegion = fields.success ? fields.data.regionCode : null;
  for (let i = 0; i < lotRowCount(body); i++) {
    const v = Object.fromEntries(LOT_FIELDS.map((f) => [f, str(body[lotField(i, f)])])) as Record<LotField, string>;
    if (!v.titleKk && !v.titleRu && !v.budget && !v.indicators) continue;
    const err = (f: LotField, key: string, params?: Record<string, string | number>) => {
      errors[lotField(i, f)] ??= { key, params: { lot: i + 1, ...params } };
    };
    if (!v.titleKk) err('titleKk', 'competitions.manage.error.lot-required');
    if (!v.titleRu) err('titleRu', 'competitions.manage.error.lot-required');
    if (v.titleKk.length > 300) err('titleKk', 'competitions.manage.error.lot-too-long');
    if (v.titleRu.length > 300) err('titleRu', 'competitions.manage.error.lot-too-long');
    if (!(AREAS as readonly string[]).includes(v.area)) err('area', 'competitions.manage.error.lot-area');
    // A lot left without a region takes the competition's, and in a national competition covers the country.
    const regionCode = v.regionCode || competitionRegion || NATIONAL_REGION;
    if (regionCode !== NATIONAL_REGION && !REGIONS.some((r) => r.code === regionCode)) err('regionCode', 'competitions.manage.error.lot-region');
    const budget = parseTenge(v.budget);
    if (budget === null || budget === 0) err('budget', 'competitions.manage.error.lot-budget');
    if (!(DURATION_TYPES as readonly string[]).includes(v.durationType)) err('durationType', 'competitions.manage.error.lot-duration');
    const indicators = parseIndicators(v.indicators);
    if (!indicators.ok) err('indicators', 'competitions.manage.error.lot-indicators', { line: indicators.line });
    if (LOT_FIELDS.some((f) => errors[lotField(i, f)])) continue;
    rows.push(i);
    lots.push({
      titleKk: v.titleKk,
      titleRu: v.titleRu,
      area: v.area,
      regionCode: regionCode!,
      budgetTiyn: budget!,
      durationType: v.durationType as LotInput['durationType'],
      indicators: indicators.ok ? indicators.indicators : [],
    });
  }
  const hadLotErrors = Object.keys(errors).some((k) => k.startsWith('lot'));
  if (lots.length === 0 && !hadLotErrors) errors[lotField(0, 'titleKk')] = { key: 'competitions.error.no-lots' };

  if (Object.keys(errors).length || !fields.success || !dates) return { ok: false, errors };
  const { titleEn, descriptionKk, descriptionRu, ...rest } = fields.data;
  return {
    ok: true,
    rows,
    input: { ...rest, titleEn: titleEn ?? null, descriptionKk: descriptionKk ?? null, descriptionRu: descriptionRu ?? null, ...dates, lots },
  };
}

/**
 * Where on the form each of announceCompetition's problems belongs. A lot's problem names the lot
 * by its row and title, and the MCI limits also in tenge of the competition's year.
 */
export function problemErrors(
  problems: AnnounceProblem[],
  parsed: { rows: number[]; input: CompetitionInput },
  show: { lang: Lang; mciTiyn: number | null; money: (tiyn: number) => string; number: (n: number) => string },
): FormErrors {
  const errors: FormErrors = {};
  for (const p of problems) {
    if (p.lot !== undefined) {
      const row = parsed.rows[p.lot - 1] ?? 0;
      const lot = parsed.input.lots[p.lot - 1];
      const title = lot ? localised(lot, show.lang) : '';
      let error: FieldError = { key: p.key, params: { ...p.params, lot: row + 1, title } };
      if (p.key === 'competitions.error.lot-budget-mci' && p.params) {
        const min = Number(p.params.min);
        const max = p.params.max === '∞' ? null : Number(p.params.max);
        const tenge = (mci: number) => (show.mciTiyn ? show.money(mci * show.mciTiyn) : '');
        error =
          max === null
            ? { key: 'competitions.manage.error.lot-budget-mci-min', params: { lot: row + 1, title, min: show.number(min), minAmount: tenge(min) } }
            : {
                key: 'competitions.manage.error.lot-budget-mci',
                params: { lot: row + 1, title, min: show.number(min), max: show.number(max), minAmount: tenge(min), maxAmount: tenge(max) },
              };
      }
      errors[lotField(row, 'budget')] ??= error;
      continue;
    }
    const field =
      p.key === 'competitions.error.dates'
        ? 'deadlineAt'
        : p.key === 'competitions.error.rule-instrument'
          ? 'ruleVersionId'
          : p.key === 'competitions.error.no-mci'
            ? 'year'
            : p.key === 'competitions.error.no-lots'
              ? lotField(0, 'titleKk')
              : '_form';
    errors[field] ??= { key: p.key, params: p.params };
  }
  return errors;
}

/** The form as it was sent, for a re-render: every value kept, the CSRF token dropped. */
export function keptValues(body: FormValues): FormValues {
  const { _csrf: _token, addRows: _add, ...values } = body;
  return values;
}

export const failed = (values: FormValues, errors: FormErrors): FormState => ({ values, errors });
