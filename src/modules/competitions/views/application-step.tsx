import type { FormState, FormValues } from '../../../core/http/forms.ts';
import { Field, Form, FormSelect, TextareaField } from '../../../core/views/components.tsx';
import { usePage } from '../../../core/views/page-context.ts';
import { type ContentStep, STEPS, type Step } from '../content.ts';
import type { ApplicationContent, BudgetLine } from '../schema.ts';
import { tengeOf } from '../inputs.ts';
import {
  ApplicationContext,
  type ApplicationState,
  applicationPath,
  clockTime,
  LockedNote,
  problemsOf,
  Problems,
  StepNav,
  stepPath,
} from './application-parts.tsx';
import { BudgetFigures, ReadOnlySection } from './application-read-only.tsx';

type Column = { name: string; label: string; kind?: 'date' | 'number' | 'amount' | 'budget-kind' };

/** The repeated rows of each step that has them: the field names the form posts, in order. */
export const ROW_COLUMNS: Partial<Record<ContentStep, Column[]>> = {
  plan: [
    { name: 'activity', label: 'competitions.apply.field.activity' },
    { name: 'from', label: 'competitions.apply.field.from', kind: 'date' },
    { name: 'to', label: 'competitions.apply.field.to', kind: 'date' },
  ],
  indicators: [
    { name: 'name', label: 'competitions.apply.field.indicator' },
    { name: 'unit', label: 'competitions.apply.field.unit' },
    { name: 'target', label: 'competitions.apply.field.target', kind: 'number' },
  ],
  budget: [
    { name: 'item', label: 'competitions.apply.field.item' },
    { name: 'kind', label: 'competitions.apply.field.kind', kind: 'budget-kind' },
    { name: 'amount', label: 'competitions.apply.field.amount', kind: 'amount' },
  ],
  team: [
    { name: 'name', label: 'competitions.apply.field.name' },
    { name: 'role', label: 'competitions.apply.field.role' },
  ],
};

/** The single fields of the other steps, with their labels. */
const FIELD_LABELS: Record<string, string> = {
  title: 'competitions.apply.field.title',
  summary: 'competitions.apply.field.summary',
  language: 'competitions.apply.field.language',
  goal: 'competitions.apply.field.goal',
  tasks: 'competitions.apply.field.tasks',
  description: 'competitions.apply.field.description',
  count: 'competitions.apply.field.count',
};

/** The label key of a field of a step, for the error summary. */
export function fieldLabel(step: ContentStep, field: string): string {
  return ROW_COLUMNS[step]?.find((c) => c.name === field)?.label ?? FIELD_LABELS[field] ?? 'competitions.apply.field.value';
}

/** A step's saved content as the values of its form. */
export function stepValues(step: ContentStep, content: ApplicationContent, language: 'kk' | 'ru'): FormValues {
  switch (step) {
    case 'summary':
      return { title: content.summary.title, summary: content.summary.summary, language };
    case 'goals':
      return { goal: content.goals.goal, tasks: content.goals.tasks };
    case 'beneficiaries':
      return { description: content.beneficiaries.description, count: content.beneficiaries.count === null ? '' : String(content.beneficiaries.count) };
    case 'plan':
      return columnsOf(content.plan.map((p) => ({ activity: p.activity, from: p.from, to: p.to })));
    case 'indicators':
      return columnsOf(content.indicators.map((x) => ({ name: x.name, unit: x.unit, target: String(x.target) })));
    case 'budget':
      return columnsOf(content.budget.map((l: BudgetLine) => ({ item: l.item, kind: l.kind, amount: tengeOf(l.amountTiyn) })));
    case 'team':
      return columnsOf(content.team.map((m) => ({ name: m.name, role: m.role })));
  }
}

/** Rows of named values as the repeated fields a form posts. */
export function columnsOf(rows: Record<string, string>[]): FormValues {
  const values: Record<string, string[]> = {};
  for (const row of rows) {
    for (const [k, v] of Object.entries(row)) {
      values[k] ??= [];
      values[k].push(v);
    }
  }
  return values;
}

const list = (v: string | string[] | undefined): string[] => (v === undefined ? [] : Array.isArray(v) ? v : [v]);

function RowsTable({ step, form, blankRows }: { step: ContentStep; form: FormState; blankRows: number }) {
  const { t } = usePage();
  const columns = ROW_COLUMNS[step]!;
  const filled = Math.max(0, ...columns.map((c) => list(form.values[c.name]).length));
  const count = filled + blankRows;
  return (
    <div class="table-scroll">
      <table class="row-inputs">
        <caption class="visually-hidden">{t(`competitions.apply.step.${step}`)}</caption>
        <thead>
          <tr>
            <th scope="col" class="row-number">
              {t('competitions.apply.row-number')}
            </th>
            {columns.map((c) => (
              <th scope="col" key={c.name}>
                {t(c.label)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {Array.from({ length: count }, (_, i) => (
            <tr key={i}>
              <th scope="row" class="row-number">
                {i + 1}
              </th>
              {columns.map((c) => {
                const value = list(form.values[c.name])[i] ?? '';
                const error = form.errors[`${c.name}.${i}`];
                const id = `field-${c.name}-${i}`;
                const a11y = {
                  id,
                  name: c.name,
                  'aria-label': t('competitions.apply.cell', { field: t(c.label), row: i + 1 }),
                  'aria-invalid': error ? ('true' as const) : undefined,
                  'aria-describedby': error ? `${id}-error` : undefined,
                };
                return (
                  <td key={c.name} class={error ? 'field--error' : undefined}>
                    {error ? (
                      <p class="field-error" id={`${id}-error`}>
                        {t(error.key, error.params)}
                      </p>
                    ) : null}
                    {c.kind === 'budget-kind' ? (
                      <select {...a11y}>
                        {(['direct', 'administrative'] as const).map((k) => (
                          <option key={k} value={k} selected={value === k}>
                            {t(`competitions.apply.kind.${k}`)}
                          </option>
                        ))}
                      </select>
                    ) : c.kind === 'date' ? (
                      <input {...a11y} type="date" value={value} />
                    ) : c.kind === 'number' || c.kind === 'amount' ? (
                      <input {...a11y} type="text" inputmode={c.kind === 'number' ? 'numeric' : 'decimal'} value={value} autocomplete="off" />
                    ) : (
                      <input {...a11y} type="text" value={value} />
                    )}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function StepFields({ step, form, blankRows, state }: { step: ContentStep; form: FormState; blankRows: number; state: ApplicationState }) {
  const { t, lang } = usePage();
  const written = state.record.application.language;
  switch (step) {
    case 'summary':
      return (
        <>
          <Field form={form} name="title" label={t('competitions.apply.field.title')} lang={written} required />
          <TextareaField form={form} name="summary" label={t('competitions.apply.field.summary')} hint={t('competitions.apply.hint.summary')} lang={written} rows={8} required />
          <FormSelect
            form={form}
            name="language"
            label={t('competitions.apply.field.language')}
            choices={(['kk', 'ru'] as const).map((l) => ({ value: l, label: t(`competitions.apply.language.${l}`) }))}
          />
        </>
      );
    case 'goals':
      return (
        <>
          <TextareaField form={form} name="goal" label={t('competitions.apply.field.goal')} lang={written} rows={4} required />
          <TextareaField form={form} name="tasks" label={t('competitions.apply.field.tasks')} hint={t('competitions.apply.hint.tasks')} lang={written} rows={8} required />
        </>
      );
    case 'beneficiaries':
      return (
        <>
          <TextareaField
            form={form}
            name="description"
            label={t('competitions.apply.field.description')}
            hint={t('competitions.apply.hint.beneficiaries')}
            lang={written}
            rows={6}
            required
          />
          <Field form={form} name="count" type="number" label={t('competitions.apply.field.count')} required />
        </>
      );
    default: {
      const expected = step === 'indicators' ? state.record.lot.indicators : [];
      const side = lang === 'kk' ? 'kk' : 'ru';
      return (
        <>
          <p class="hint">{t(`competitions.apply.hint.${step}`)}</p>
          {expected.length > 0 ? (
            <div class="note">
              <p>{t('competitions.apply.expected-indicators')}</p>
              <ul>
                {expected.map((x) => (
                  <li key={x.name.kk}>
                    {x.name[side]}: {x.target} {x.unit[side]}
                  </li>
                ))}
              </ul>
            </div>
          ) : null}
          <RowsTable step={step} form={form} blankRows={blankRows} />
        </>
      );
    }
  }
}

/** The autosave's status line; its content is what the autosave answers. */
function AutosaveStatus({ appId, step, savedAt }: { appId: string; step: ContentStep; savedAt: Date }) {
  const { t, lang, href } = usePage();
  return (
    <p
      id="autosave-status"
      class="autosave-status note"
      role="status"
      aria-live="polite"
      hx-post={href(`${stepPath(appId, step)}/autosave`)}
      hx-trigger="input changed delay:1500ms from:#step-form"
      hx-include="#step-form"
      hx-sync="#step-form:drop"
      hx-target="this"
      hx-swap="innerHTML"
    >
      {t('competitions.apply.autosave.last', { time: clockTime(lang, savedAt) })}
    </p>
  );
}

export type StepPageProps = {
  state: ApplicationState;
  step: ContentStep;
  /** What the form shows: the saved content, or what was typed into a refused form, with its errors. */
  form: FormState;
  /** The version the form is based on; a save carrying an older one is refused as stale. */
  version: number;
  blankRows: number;
  done: ReadonlySet<Step>;
  /** The saved budget lines, for the computed figures on the budget step. */
  budgetLines: readonly BudgetLine[];
  /**
   * `edit` while the draft can change; `read` shows the saved step read-only; `refused` shows
   * what was typed into a form that can no longer be saved, so nothing typed is lost.
   */
  mode: 'edit' | 'read' | 'refused';
};

/** One step of the application form, with the step navigation, its errors and its buttons. */
export function ApplicationStepPage(props: StepPageProps) {
  const { t, href } = usePage();
  const { state, step, form, mode } = props;
  const { application: a } = state.record;
  const n = STEPS.indexOf(step) + 1;
  const rows = ROW_COLUMNS[step] !== undefined;
  return (
    <section class="application-step">
      <h1>{t('competitions.apply.step-title', { n, total: STEPS.length, step: t(`competitions.apply.step.${step}`) })}</h1>
      <ApplicationContext record={state.record} />
      <StepNav appId={a.id} current={step} done={props.done} />
      <LockedNote state={state} />
      <Problems problems={problemsOf(form.errors, (field) => t(fieldLabel(step, field)), t)} />
      {form.errors._form?.key === 'competitions.error.stale' ? (
        <p>
          <a href={href(stepPath(a.id, step))}>{t('competitions.apply.reload')}</a>
        </p>
      ) : null}
      {step === 'budget' ? (
        <div id="budget-figures">
          <BudgetFigures record={state.record} lines={props.budgetLines} />
        </div>
      ) : null}
      {mode === 'read' ? (
        <ReadOnlySection record={state.record} step={step} level={2} />
      ) : (
        <Form action={href(stepPath(a.id, step))} id="step-form" class="step-form" label={t(`competitions.apply.step.${step}`)}>
          <input type="hidden" name="version" id="application-version" value={String(props.version)} />
          {rows ? <input type="hidden" name="rows" value={String(props.blankRows)} /> : null}
          <StepFields step={step} form={form} blankRows={props.blankRows} state={state} />
          {mode === 'edit' ? (
            <div class="actions">
              <button type="submit" name="intent" value="next" class="button">
                {t('competitions.apply.save-next')}
              </button>
              <button type="submit" name="intent" value="save" class="button button--secondary">
                {t('competitions.apply.save')}
              </button>
              {rows ? (
                <button type="submit" name="intent" value="add-rows" class="button button--secondary">
                  {t('competitions.apply.add-rows')}
                </button>
              ) : null}
            </div>
          ) : null}
        </Form>
      )}
      {mode === 'edit' ? <AutosaveStatus appId={a.id} step={step} savedAt={a.updatedAt} /> : null}
      <p>
        <a href={href(applicationPath(a.id))}>{t('competitions.apply.back-to-overview')}</a>
      </p>
    </section>
  );
}

/**
 * What an autosave answers: the status line's new text, and out of band the form's new version
 * (so the next save is not taken for a stale one) and, on the budget step, the new figures.
 */
export function AutosaveResult(props: {
  state: ApplicationState;
  step: ContentStep;
  result: { ok: true; version: number; savedAt: Date; lines?: readonly BudgetLine[]; warning?: string } | { ok: false; reason: string };
}) {
  const { t, lang } = usePage();
  const { result } = props;
  if (!result.ok) return <span class="autosave-failed">{t('competitions.apply.autosave.not-saved', { reason: result.reason })}</span>;
  return (
    <>
      <span>
        {t('competitions.apply.autosave.saved', { time: clockTime(lang, result.savedAt) })}
        {result.warning ? ` ${result.warning}` : ''}
      </span>
      <input type="hidden" name="version" id="application-version" value={String(result.version)} hx-swap-oob="true" />
      {props.step === 'budget' && result.lines ? (
        <div id="budget-figures" hx-swap-oob="true">
          <BudgetFigures record={props.state.record} lines={result.lines} />
        </div>
      ) : null}
    </>
  );
}
