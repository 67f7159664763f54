import type { FieldError, FormErrors, FormValues } from '../../core/http/forms.ts';
import type { AmendmentInput } from './amend-agreement.ts';
import type { AgreementInput, AgreementProblem, PeriodInput, TrancheInput } from './make-agreement.ts';
import { AGE_GROUPS, type AgeGroup, type Beneficiaries } from './schema.ts';
import type { ReportInput } from './save-report.ts';
import type { AgreementDetail, ReportSheet } from './work-queries.ts';

/**
 * The forms of agreements and reports, read into the use cases' inputs. Each field that is
 * missing or malformed gets its own error, named as the form names it, so the form comes back
 * with every value kept and each error beside its field.
 */

export const str = (v: FormValues[string]) => (typeof v === 'string' ? v : Array.isArray(v) ? (v[0] ?? '') : '').trim();

/** Tenge as people type it — `428 571`, `428571,50` — into tiyn; anything else is null. */
export function parseTenge(raw: string): number | null {
  const s = raw.replace(/[\s\u00a0\u202f]/g, '').replace(',', '.');
  if (!/^\d{1,13}(\.\d{1,2})?$/.test(s)) return null;
  const [whole, frac = ''] = s.split('.');
  return Number(whole) * 100 + Number(frac.padEnd(2, '0'));
}

/** Tiyn as tenge for an input's value: `1500000`, or `1500000.50`. */
export const tengeOf = (tiyn: number) => (tiyn % 100 === 0 ? String(tiyn / 100) : (tiyn / 100).toFixed(2));

/** A calendar date as a date input sends it, `YYYY-MM-DD`, and a real one. */
export function isDay(raw: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(raw);
  if (!m) return false;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.getUTCFullYear() === Number(m[1]) && d.getUTCMonth() === Number(m[2]) - 1 && d.getUTCDate() === Number(m[3]);
}

// ---- Rows -----------------------------------------------------------------------------------

export const PERIOD_FIELDS = ['startsOn', 'endsOn', 'reportDueOn'] as const;
export type PeriodField = (typeof PERIOD_FIELDS)[number];
export const periodField = (row: number, field: PeriodField) => `period${row}.${field}`;
export const trancheField = (row: number, field: 'amount' | 'period') => `tranche${row}.${field}`;
/** The value of a tranche's "released by" choice for the advance, paid before any report. */
export const ADVANCE = 'advance';

export const BLANK_PERIOD_ROWS = 2;
export const BLANK_TRANCHE_ROWS = 3;
/** Three years of monthly reports is the most a project could have. */
export const MAX_ROWS = 36;

function rowCount(body: FormValues, name: string, blank: number): number {
  const n = Number(str(body[name]));
  return Number.isInteger(n) && n >= 1 ? Math.min(n, MAX_ROWS) : blank;
}
export const periodRowCount = (body: FormValues) => rowCount(body, 'periodRows', BLANK_PERIOD_ROWS);
export const trancheRowCount = (body: FormValues) => rowCount(body, 'trancheRows', BLANK_TRANCHE_ROWS);
export const moreRows = (n: number) => Math.min(n + 2, MAX_ROWS);

/** The form as it was sent, for a re-render: every value kept, the token and the buttons dropped. */
export function keptValues(body: FormValues): FormValues {
  const { _csrf: _token, addPeriods: _p, addTranches: _t, ...values } = body;
  return values;
}

const dayError = (raw: string): FieldError | null => (!raw ? { key: 'form.error.required' } : isDay(raw) ? null : { key: 'projects.work.error.date' });

/** The reporting periods of the agreement form; rows left blank are skipped. `numbers` maps a form row to its period's number. */
function parsePeriods(body: FormValues, errors: FormErrors) {
  const periods: PeriodInput[] = [];
  const numbers = new Map<number, number>();
  for (let i = 0; i < periodRowCount(body); i++) {
    const v = Object.fromEntries(PERIOD_FIELDS.map((f) => [f, str(body[periodField(i, f)])])) as Record<PeriodField, string>;
    if (!v.startsOn && !v.endsOn && !v.reportDueOn) continue;
    let ok = true;
    for (const f of PERIOD_FIELDS) {
      if (!isDay(v[f])) {
        errors[periodField(i, f)] = { key: 'projects.work.error.period-date', params: { row: i + 1 } };
        ok = false;
      }
    }
    if (ok) {
      periods.push(v);
      numbers.set(i, periods.length);
    }
  }
  return { periods, numbers };
}

/** The tranches of a form: an amount and which period's report releases it (or the advance). */
function parseTranches(body: FormValues, errors: FormErrors, periodOfRow: (value: string) => number | null | undefined): TrancheInput[] {
  const out: TrancheInput[] = [];
  for (let i = 0; i < trancheRowCount(body); i++) {
    const amountRaw = str(body[trancheField(i, 'amount')]);
    if (!amountRaw) continue;
    const amount = parseTenge(amountRaw);
    if (amount === null || amount === 0) errors[trancheField(i, 'amount')] = { key: 'projects.work.error.tranche-amount', params: { row: i + 1 } };
    const period = periodOfRow(str(body[trancheField(i, 'period')]));
    if (period === undefined) errors[trancheField(i, 'period')] = { key: 'projects.work.error.tranche-period', params: { row: i + 1 } };
    if (amount && period !== undefined) out.push({ amountTiyn: amount, periodNumber: period });
  }
  return out;
}

export type AgreementParse = { ok: true; input: AgreementInput } | { ok: false; errors: FormErrors };

/** Reads the agreement form. Whether its terms hold together (sums, periods, the award) is makeAgreement's to say. */
export function parseAgreementForm(body: FormValues): AgreementParse {
  const errors: FormErrors = {};
  const number = str(body.number);
  if (!number) errors.number = { key: 'form.error.required' };
  else if (number.length > 100) errors.number = { key: 'form.error.too-long' };
  const days = {} as Record<'signedOn' | 'startsOn' | 'endsOn', string>;
  for (const f of ['signedOn', 'startsOn', 'endsOn'] as const) {
    days[f] = str(body[f]);
    const error = dayError(days[f]);
    if (error) errors[f] = error;
  }
  const amount = parseTenge(str(body.amount));
  if (amount === null || amount === 0) errors.amount = { key: 'projects.work.error.amount' };
  const { periods, numbers } = parsePeriods(body, errors);
  // A tranche names a period by its row on the form; a row left blank is no period.
  const tranches = parseTranches(body, errors, (value) => {
    if (value === ADVANCE) return null;
    const row = /^\d{1,2}$/.test(value) ? Number(value) - 1 : -1;
    return numbers.get(row);
  });
  if (Object.keys(errors).length) return { ok: false, errors };
  return { ok: true, input: { number, ...days, amountTiyn: amount!, periods, tranches } };
}

/** Where each of makeAgreement's (and amendAgreement's) problems belongs on the form. */
export function agreementErrors(problems: AgreementProblem[]): FormErrors {
  const fieldOf: Record<string, string> = {
    'projects.error.amount': 'amount',
    'projects.error.term': 'endsOn',
    'projects.error.too-long': 'endsOn',
    'projects.work.amend.error.ends-on': 'endsOn',
    'projects.error.no-periods': 'periods',
    'projects.error.periods': 'periods',
    'projects.error.tranches-sum': 'tranches',
    'projects.error.tranche-period': 'tranches',
    'projects.work.amend.error.period-accepted': 'tranches',
    'projects.error.reason': 'reason',
  };
  const errors: FormErrors = {};
  for (const p of problems) errors[fieldOf[p.key] ?? '_form'] ??= { key: p.key, params: p.params };
  return errors;
}

export type AmendParse = { ok: true; input: AmendmentInput } | { ok: false; errors: FormErrors };

/** Reads the amendment form: the new amount, end date and unreleased tranches, and the reason. */
export function parseAmendForm(body: FormValues, periodCount: number): AmendParse {
  const errors: FormErrors = {};
  const amount = parseTenge(str(body.amount));
  if (amount === null || amount === 0) errors.amount = { key: 'projects.work.error.amount' };
  const endsOn = str(body.endsOn);
  const endError = dayError(endsOn);
  if (endError) errors.endsOn = endError;
  const tranches = parseTranches(body, errors, (value) => {
    if (value === ADVANCE) return null;
    const n = /^\d{1,2}$/.test(value) ? Number(value) : 0;
    return n >= 1 && n <= periodCount ? n : undefined;
  });
  const reason = str(body.reason);
  if (!reason) errors.reason = { key: 'projects.error.reason' };
  else if (reason.length > 4000) errors.reason = { key: 'form.error.too-long' };
  if (Object.keys(errors).length) return { ok: false, errors };
  return { ok: true, input: { amountTiyn: amount!, endsOn, tranches, reason } };
}

// ---- Reports --------------------------------------------------------------------------------

export const SEXES = ['female', 'male'] as const;
export const actualField = (indicatorId: string) => `actual.${indicatorId}`;
export const evidenceField = (indicatorId: string) => `evidence.${indicatorId}`;
export const reachedField = (sex: (typeof SEXES)[number], group: AgeGroup) => `${sex}.${group}`;
export const spentField = (budgetLineId: string) => `spent.${budgetLineId}`;

/** A measured value as people type it: `3`, `2,5`, `1 000`; never negative. */
export function parseQuantity(raw: string): number | null {
  const s = raw.replace(/[\s\u00a0\u202f]/g, '').replace(',', '.');
  return /^\d{1,12}(\.\d{1,4})?$/.test(s) ? Number(s) : null;
}

/** A number for an input's value, without grouping, as it would be typed. */
export const quantityOf = (n: number) => String(n);

export type ReportParse = { ok: true; input: ReportInput } | { ok: false; errors: FormErrors };

/**
 * Reads the report form of a period: the actual value and evidence of each indicator, the
 * narrative, the people reached by sex and age group, and the spending per budget line. A draft
 * may leave values empty; submitReport checks that it is complete.
 */
export function parseReportForm(body: FormValues, shape: { indicatorIds: string[]; budgetLineIds: string[] }): ReportParse {
  const errors: FormErrors = {};
  const narrative = str(body.narrative);
  if (narrative.length > 20_000) errors.narrative = { key: 'form.error.too-long' };
  const values: ReportInput['values'] = [];
  for (const id of shape.indicatorIds) {
    const actualRaw = str(body[actualField(id)]);
    const evidence = str(body[evidenceField(id)]);
    if (evidence.length > 2000) errors[evidenceField(id)] = { key: 'form.error.too-long' };
    if (!actualRaw) {
      // Evidence is kept with its value: without one the row cannot be saved, so say so rather than drop it.
      if (evidence) errors[actualField(id)] = { key: 'projects.work.error.actual-missing' };
      continue;
    }
    const actual = parseQuantity(actualRaw);
    if (actual === null) errors[actualField(id)] = { key: 'projects.work.error.actual' };
    else values.push({ indicatorId: id, actual, evidence });
  }
  const beneficiaries: Beneficiaries = { female: {}, male: {} };
  for (const sex of SEXES) {
    for (const group of AGE_GROUPS) {
      const raw = str(body[reachedField(sex, group)]);
      if (!raw) continue;
      if (!/^\d{1,9}$/.test(raw.replace(/[\s\u00a0\u202f]/g, ''))) errors[reachedField(sex, group)] = { key: 'projects.work.error.count' };
      else beneficiaries[sex][group] = Number(raw.replace(/[\s\u00a0\u202f]/g, ''));
    }
  }
  const spending: ReportInput['spending'] = [];
  for (const id of shape.budgetLineIds) {
    const raw = str(body[spentField(id)]);
    if (!raw) continue;
    const tiyn = parseTenge(raw);
    if (tiyn === null) errors[spentField(id)] = { key: 'projects.work.error.spent' };
    else spending.push({ budgetLineId: id, spentTiyn: tiyn });
  }
  if (Object.keys(errors).length) return { ok: false, errors };
  return { ok: true, input: { narrative, beneficiaries, values, spending } };
}

export type DecisionParse = { ok: true; accept: true } | { ok: true; accept: false; comments: string } | { ok: false; errors: FormErrors };

/** The organiser's decision on a report: accept it, or return it with comments (required). */
export function parseDecision(body: FormValues): DecisionParse {
  const decision = str(body.decision);
  if (decision === 'accept') return { ok: true, accept: true };
  if (decision !== 'return') return { ok: false, errors: { _form: { key: 'projects.work.decision.error.choose' } } };
  const comments = str(body.comments);
  if (!comments) return { ok: false, errors: { comments: { key: 'projects.work.decision.error.comments' } } };
  if (comments.length > 8000) return { ok: false, errors: { comments: { key: 'form.error.too-long' } } };
  return { ok: true, accept: false, comments };
}

/** A saved report as the values of its form. */
export function reportFormValues(sheet: ReportSheet): FormValues {
  const values: FormValues = { narrative: sheet.report?.narrative ?? '' };
  for (const v of sheet.values) {
    values[actualField(v.indicatorId)] = quantityOf(v.actual);
    values[evidenceField(v.indicatorId)] = v.evidence;
  }
  const reached = sheet.report?.beneficiaries ?? { female: {}, male: {} };
  for (const sex of SEXES) for (const group of AGE_GROUPS) if (reached[sex]?.[group] !== undefined) values[reachedField(sex, group)] = String(reached[sex][group]);
  for (const s of sheet.spending) values[spentField(s.budgetLineId)] = tengeOf(s.spentTiyn);
  return values;
}

/** The amendment form as the agreement stands: its amount, end date, and the tranches not yet released. */
export function amendFormValues(detail: AgreementDetail): { values: FormValues; rows: number } {
  const values: FormValues = { amount: tengeOf(detail.agreement.amountTiyn), endsOn: detail.agreement.endsOn };
  const open = detail.tranches.filter((x) => !x.releasedAt);
  open.forEach((x, i) => {
    values[trancheField(i, 'amount')] = tengeOf(x.amountTiyn);
    values[trancheField(i, 'period')] = x.periodNumber === null ? ADVANCE : String(x.periodNumber);
  });
  return { values, rows: open.length + 1 };
}
