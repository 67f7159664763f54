import { z } from 'zod';
import type { FormValues } from '../../core/http/forms.ts';
import type { ContentStep } from './content.ts';
import type { ApplicationContent, BudgetLine } from './schema.ts';

const text = (max: number) => z.string().trim().max(max, 'form.error.too-long');
const list = (v: unknown): string[] => (v === undefined ? [] : Array.isArray(v) ? v.map(String) : [String(v)]);

/** Tenge as people type it — `428 571`, `428571,50` — into tiyn; anything else is refused. */
export function parseTenge(raw: string): number | null {
  const s = raw.replace(/[\s\u00a0\u202f]/g, '').replace(',', '.');
  if (!/^\d{1,13}(\.\d{1,2})?$/.test(s)) return null;
  const [whole, frac = ''] = s.split('.');
  return Number(whole) * 100 + Number(frac.padEnd(2, '0'));
}

export const tengeOf = (tiyn: number) => (tiyn % 100 === 0 ? String(tiyn / 100) : (tiyn / 100).toFixed(2));

/**
 * Repeated fields (`activity`, `from`, `to`, …) zipped into rows; rows left wholly blank are
 * dropped (a select's default alone does not count), so a form can always offer empty rows to fill in.
 */
export function rowsOf<K extends string>(body: FormValues, keys: readonly K[], significant: readonly K[] = keys): Record<K, string>[] {
  const columns = keys.map((k) => list(body[k]));
  const n = Math.max(0, ...columns.map((c) => c.length));
  const rows: Record<K, string>[] = [];
  for (let i = 0; i < n; i++) {
    const row = Object.fromEntries(keys.map((k, j) => [k, (columns[j]![i] ?? '').trim()])) as Record<K, string>;
    if (significant.some((k) => row[k] !== '')) rows.push(row);
  }
  return rows;
}

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'competitions.form.error.date');

const PlanRow = z
  .object({ activity: text(300).min(1, 'form.error.required'), from: isoDate, to: isoDate })
  .refine((r) => r.from <= r.to, { message: 'competitions.form.error.date-order', path: ['to'] });
const IndicatorRow = z.object({
  name: text(200).min(1, 'form.error.required'),
  unit: text(50).min(1, 'form.error.required'),
  target: z.coerce.number({ message: 'competitions.form.error.number' }).int('competitions.form.error.number').min(1, 'competitions.form.error.number').max(10_000_000),
});
const BudgetRow = z.object({
  item: text(200).min(1, 'form.error.required'),
  kind: z.enum(['direct', 'administrative']),
  amount: z.string().transform((v, ctx) => {
    const tiyn = parseTenge(v);
    if (tiyn === null || tiyn === 0) {
      ctx.addIssue({ code: 'custom', message: 'competitions.form.error.amount' });
      return z.NEVER;
    }
    return tiyn;
  }),
});
const TeamRow = z.object({ name: text(200).min(1, 'form.error.required'), role: text(200).min(1, 'form.error.required') });

/** A row error names the field as `<field>.<row>` so the form can mark the right input. */
export type StepParse<T> = { ok: true; data: T } | { ok: false; errors: Record<string, string> };

function parseRows<S extends z.ZodType>(schema: S, rows: Record<string, string>[]): StepParse<z.infer<S>[]> {
  const out: z.infer<S>[] = [];
  const errors: Record<string, string> = {};
  rows.forEach((row, i) => {
    const r = schema.safeParse(row);
    if (r.success) out.push(r.data);
    else for (const issue of r.error.issues) errors[`${String(issue.path[0] ?? '_form')}.${i}`] ??= issue.message.includes('.') ? issue.message : 'form.error.invalid';
  });
  return Object.keys(errors).length ? { ok: false, errors } : { ok: true, data: out };
}

function parseObject<S extends z.ZodType>(schema: S, body: FormValues): StepParse<z.infer<S>> {
  const r = schema.safeParse(body);
  if (r.success) return { ok: true, data: r.data };
  const errors: Record<string, string> = {};
  for (const issue of r.error.issues) errors[String(issue.path[0] ?? '_form')] ??= issue.message.includes('.') ? issue.message : 'form.error.invalid';
  return { ok: false, errors };
}

const Summary = z.object({ title: text(300), summary: text(4000) });
const Goals = z.object({ goal: text(2000), tasks: text(4000) });
const Beneficiaries = z.object({
  description: text(2000),
  count: z.preprocess(
    (v) => (v === '' || v === undefined ? null : v),
    z.coerce
      .number({ message: 'competitions.form.error.number' })
      .int('competitions.form.error.number')
      .min(1, 'competitions.form.error.number')
      .max(100_000_000, 'competitions.form.error.number')
      .nullable(),
  ),
});

/** Reads one step of the application form into its part of the content. Drafts may be partial, never malformed. */
export function parseStep(step: ContentStep, body: FormValues): StepParse<Partial<ApplicationContent>> {
  switch (step) {
    case 'summary': {
      const r = parseObject(Summary, body);
      return r.ok ? { ok: true, data: { summary: r.data } } : r;
    }
    case 'goals': {
      const r = parseObject(Goals, body);
      return r.ok ? { ok: true, data: { goals: r.data } } : r;
    }
    case 'beneficiaries': {
      const r = parseObject(Beneficiaries, body);
      return r.ok ? { ok: true, data: { beneficiaries: { description: r.data.description, count: r.data.count ?? null } } } : r;
    }
    case 'plan': {
      const r = parseRows(PlanRow, rowsOf(body, ['activity', 'from', 'to']));
      return r.ok ? { ok: true, data: { plan: r.data } } : r;
    }
    case 'indicators': {
      const r = parseRows(IndicatorRow, rowsOf(body, ['name', 'unit', 'target']));
      return r.ok ? { ok: true, data: { indicators: r.data } } : r;
    }
    case 'budget': {
      const r = parseRows(BudgetRow, rowsOf(body, ['item', 'kind', 'amount'], ['item', 'amount']).map((row) => ({ ...row, kind: row.kind || 'direct' })));
      return r.ok ? { ok: true, data: { budget: r.data.map((l): BudgetLine => ({ item: l.item, kind: l.kind, amountTiyn: l.amount })) } } : r;
    }
    case 'team': {
      const r = parseRows(TeamRow, rowsOf(body, ['name', 'role']));
      return r.ok ? { ok: true, data: { team: r.data } } : r;
    }
  }
}
