import type { ComponentChildren } from 'preact';
import type { FormState, FormValues } from '../../../core/http/forms.ts';
import { Form } from '../../../core/views/components.tsx';
import { usePage } from '../../../core/views/page-context.ts';
import { AGE_GROUPS, type ReportStatus } from '../schema.ts';
import { ADVANCE, PERIOD_FIELDS, periodField, SEXES, trancheField } from '../work-inputs.ts';
import type { ReportFile, ReportSheet, TrancheRow } from '../work-queries.ts';

/** The addresses of the work pages, after the language prefix. */
export const workPath = {
  home: '/work/projects',
  agreement: (id: string) => `/work/agreements/${id}`,
  newAgreement: (applicationId: string) => `/work/applications/${applicationId}/agreement`,
  reportForm: (projectId: string, period: number) => `/work/projects/${projectId}/reports/${period}`,
  report: (reportId: string) => `/work/reports/${reportId}`,
  file: (reportId: string, fileId: string) => `/work/reports/${reportId}/files/${fileId}`,
  project: (projectId: string) => `/projects/${projectId}`,
};

/** Calendar dates (`YYYY-MM-DD`) in the reader's language; noon UTC is the same day in Kazakhstan. */
export function useDay(): (iso: string) => string {
  const { f } = usePage();
  return (iso) => f.date(new Date(`${iso}T12:00:00Z`));
}

export function ReportStatusTag({ status }: { status: ReportStatus | null }) {
  const { t } = usePage();
  return <span class={`work-status work-status--${status ?? 'none'}`}>{status ? t(`projects.report.status.${status}`) : t('projects.work.report.none')}</span>;
}

/** Which report releases a tranche: the advance comes first, before any report. */
export function TrancheWhen({ periodNumber }: { periodNumber: number | null }) {
  const { t } = usePage();
  return <>{periodNumber === null ? t('projects.work.tranche.advance') : t('projects.work.tranche.on-report', { period: periodNumber })}</>;
}

/** A text in which web addresses become links; everything else stays text. */
export function Linked({ text }: { text: string }) {
  const parts = text.split(/(\s+)/);
  return (
    <>
      {parts.map((p, i) =>
        /^https?:\/\/[^\s<>"]+$/i.test(p) ? (
          <a key={i} href={p} rel="nofollow noopener noreferrer">
            {p}
          </a>
        ) : (
          p
        ),
      )}
    </>
  );
}

const list = (v: FormValues[string]) => (typeof v === 'string' ? v : '');

/** An input in a table cell, labelled for assistive technology, with its error above it. */
export function CellInput(props: { form: FormState; name: string; label: string; type?: 'text' | 'date'; inputmode?: 'numeric' | 'decimal'; wide?: boolean }) {
  const { t } = usePage();
  const error = props.form.errors[props.name];
  const id = `field-${props.name}`;
  return (
    <td class={error ? 'field--error' : undefined}>
      {error ? (
        <p class="field-error" id={`${id}-error`}>
          {t(error.key, error.params)}
        </p>
      ) : null}
      <input
        id={id}
        name={props.name}
        type={(props.type ?? 'text') as 'text'}
        inputmode={props.inputmode}
        value={list(props.form.values[props.name])}
        aria-label={props.label}
        aria-invalid={error ? 'true' : undefined}
        aria-describedby={error ? `${id}-error` : undefined}
        autocomplete="off"
        class={props.wide ? 'work-wide' : undefined}
      />
    </td>
  );
}

/** An error about a whole group of rows (a fieldset whose id is `field-<name>`). */
export function GroupError({ form, name }: { form: FormState; name: string }) {
  const { t } = usePage();
  const error = form.errors[name];
  return error ? <p class="field-error">{t(error.key, error.params)}</p> : null;
}

/** The reporting period rows of the agreement form. */
export function PeriodRows({ form, rows }: { form: FormState; rows: number }) {
  const { t } = usePage();
  return (
    <div class="table-scroll">
      <table class="row-inputs work-rows">
        <caption class="visually-hidden">{t('projects.work.periods')}</caption>
        <thead>
          <tr>
            <th scope="col" class="row-number">
              {t('projects.work.period')}
            </th>
            {PERIOD_FIELDS.map((f) => (
              <th scope="col" key={f}>
                {t(`projects.work.period.${f}`)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {Array.from({ length: rows }, (_, i) => (
            <tr key={i}>
              <th scope="row" class="row-number">
                {i + 1}
              </th>
              {PERIOD_FIELDS.map((f) => (
                <CellInput key={f} form={form} name={periodField(i, f)} type="date" label={t('projects.work.cell', { field: t(`projects.work.period.${f}`), row: i + 1 })} />
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** The tranche rows of the agreement and amendment forms: an amount, and the report that releases it. */
export function TrancheRows({ form, rows, periods, first = 1 }: { form: FormState; rows: number; periods: number; first?: number }) {
  const { t } = usePage();
  const choices = [{ value: ADVANCE, label: t('projects.work.tranche.advance') }].concat(
    Array.from({ length: periods }, (_, i) => ({ value: String(i + 1), label: t('projects.work.tranche.on-report', { period: i + 1 }) })),
  );
  return (
    <div class="table-scroll">
      <table class="row-inputs work-rows">
        <caption class="visually-hidden">{t('projects.work.tranches')}</caption>
        <thead>
          <tr>
            <th scope="col" class="row-number">
              №
            </th>
            <th scope="col">{t('projects.work.tranche.amount')}</th>
            <th scope="col">{t('projects.work.tranche.when')}</th>
          </tr>
        </thead>
        <tbody>
          {Array.from({ length: rows }, (_, i) => {
            const name = trancheField(i, 'period');
            const error = form.errors[name];
            const value = list(form.values[name]);
            return (
              <tr key={i}>
                <th scope="row" class="row-number">
                  {first + i}
                </th>
                <CellInput form={form} name={trancheField(i, 'amount')} inputmode="decimal" label={t('projects.work.cell', { field: t('projects.work.tranche.amount'), row: first + i })} />
                <td class={error ? 'field--error' : undefined}>
                  {error ? (
                    <p class="field-error" id={`field-${name}-error`}>
                      {t(error.key, error.params)}
                    </p>
                  ) : null}
                  <select
                    id={`field-${name}`}
                    name={name}
                    aria-label={t('projects.work.cell', { field: t('projects.work.tranche.when'), row: first + i })}
                    aria-invalid={error ? 'true' : undefined}
                    aria-describedby={error ? `field-${name}-error` : undefined}
                  >
                    {choices.map((c) => (
                      <option key={c.value} value={c.value} selected={c.value === value}>
                        {c.label}
                      </option>
                    ))}
                  </select>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

/** The tranches of an agreement as they stand, with what was released and when. */
export function TrancheTable({ tranches }: { tranches: TrancheRow[] }) {
  const { t, f } = usePage();
  const total = tranches.reduce((s, x) => s + x.amountTiyn, 0);
  return (
    <>
      <h2 id="tranches">{t('projects.work.tranches')}</h2>
      <div class="table-scroll">
      <table class="work-table">
        <caption class="visually-hidden">{t('projects.work.tranches')}</caption>
        <thead>
          <tr>
            <th scope="col">№</th>
            <th scope="col" class="num">
              {t('projects.work.agreement.amount')}
            </th>
            <th scope="col">{t('projects.work.tranche.when')}</th>
            <th scope="col">{t('projects.work.tranche.state')}</th>
          </tr>
        </thead>
        <tbody>
          {tranches.map((x) => (
            <tr key={x.id}>
              <td>{x.number}</td>
              <td class="num">{f.money(x.amountTiyn)}</td>
              <td>
                <TrancheWhen periodNumber={x.periodNumber} />
              </td>
              <td>{x.releasedAt ? t('projects.work.tranche.released-at', { date: f.date(x.releasedAt) }) : t('projects.work.tranche.waiting')}</td>
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row">{t('projects.work.total')}</th>
            <td class="num">{f.money(total)}</td>
            <td colSpan={2} />
          </tr>
        </tfoot>
      </table>
      </div>
    </>
  );
}

/** Where a report stands and for which period: the heading lines of both report pages. */
export function ReportContext({ sheet }: { sheet: ReportSheet }) {
  const { t, lang } = usePage();
  const day = useDay();
  const { period, report } = sheet;
  return (
    <dl class="facts work-facts">
      <dt>{t('projects.work.organisation')}</dt>
      <dd>{lang === 'ru' ? sheet.organisation.nameRu : lang === 'en' ? (sheet.organisation.nameEn ?? sheet.organisation.nameKk) : sheet.organisation.nameKk}</dd>
      <dt>{t('projects.work.agreement')}</dt>
      <dd>{sheet.agreement.number}</dd>
      <dt>{t('projects.work.period')}</dt>
      <dd>
        {t('projects.work.period.span', { number: period.number, count: sheet.periodCount, from: day(period.startsOn), to: day(period.endsOn) })}
        {period.final ? ` — ${t('projects.work.period.final')}` : ''}
      </dd>
      <dt>{t('projects.work.period.reportDueOn')}</dt>
      <dd>{day(period.reportDueOn)}</dd>
      <dt>{t('projects.work.report.status')}</dt>
      <dd>
        <ReportStatusTag status={report?.status ?? null} />
        {report && report.round > 1 ? ` (${t('projects.work.report.round', { round: report.round })})` : ''}
      </dd>
    </dl>
  );
}

/** The organiser's comments on a returned report. */
export function ReturnedComments({ sheet }: { sheet: ReportSheet }) {
  const { t, f } = usePage();
  const r = sheet.report;
  if (r?.status !== 'returned' || !r.comments) return null;
  return (
    <section class="work-comments" aria-labelledby="work-comments-heading">
      <h2 id="work-comments-heading">{t('projects.work.report.comments')}</h2>
      {r.decidedAt ? <p class="note">{t('projects.work.report.returned-at', { date: f.dateTime(r.decidedAt) })}</p> : null}
      <p class="prose">{r.comments}</p>
    </section>
  );
}

const total = (o: Partial<Record<string, number>>) => Object.values(o).reduce<number>((s, n) => s + (n ?? 0), 0);

/** A report as written, read only: indicators against their targets, the narrative, people reached, spending. */
export function ReportBody({ sheet }: { sheet: ReportSheet }) {
  const { t, f } = usePage();
  const r = sheet.report;
  const reported = (id: string) => sheet.values.find((v) => v.indicatorId === id);
  const spentOf = (id: string) => sheet.spending.find((s) => s.budgetLineId === id)?.spentTiyn;
  const reached = r?.beneficiaries ?? { female: {}, male: {} };
  return (
    <>
      <h2>{t('projects.work.report.indicators')}</h2>
      <IndicatorTable sheet={sheet} cells={(id) => [<td key="a" class="num">{reported(id) ? f.number(reported(id)!.actual) : '—'}</td>, <td key="e">{reported(id)?.evidence ? <Linked text={reported(id)!.evidence} /> : '—'}</td>]} />
      <h2>{t('projects.work.report.narrative')}</h2>
      {r?.narrative ? <p class="prose">{r.narrative}</p> : <p class="note">{t('projects.work.report.empty')}</p>}
      <h2>{t('projects.work.report.beneficiaries')}</h2>
      <BeneficiaryTable cell={(sex, group) => <td key={group} class="num">{f.number(reached[sex][group] ?? 0)}</td>} totals={(sex) => f.number(total(reached[sex]))} />
      <h2>{t('projects.work.report.spending')}</h2>
      <SpendingTable sheet={sheet} cell={(id) => <td class="num">{spentOf(id) === undefined ? '—' : f.money(spentOf(id)!)}</td>} total={f.money(sheet.spending.reduce((s, x) => s + x.spentTiyn, 0))} />
    </>
  );
}

/** The indicators of a project for one period: name, unit, baseline and target, then the cells the caller gives. */
export function IndicatorTable({ sheet, cells }: { sheet: ReportSheet; cells: (indicatorId: string, name: string) => ComponentChildren }) {
  const { t, f } = usePage();
  if (sheet.indicators.length === 0) return <p class="note">{t('projects.work.report.no-indicators')}</p>;
  return (
    <div class="table-scroll">
      <table class="work-table work-indicators">
        <caption class="visually-hidden">{t('projects.work.report.indicators')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('projects.work.indicator')}</th>
            <th scope="col">{t('projects.work.indicator.unit')}</th>
            <th scope="col" class="num">
              {t('projects.work.indicator.target')}
            </th>
            <th scope="col" class="num">
              {t('projects.work.indicator.actual')}
            </th>
            <th scope="col">{t('projects.work.indicator.evidence')}</th>
          </tr>
        </thead>
        <tbody>
          {sheet.indicators.map((i) => (
            <tr key={i.id}>
              <th scope="row">{i.name}</th>
              <td>{i.unit}</td>
              <td class="num">{i.target === null ? '—' : f.number(i.target)}</td>
              {cells(i.id, i.name)}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** People reached: one row per sex, one column per age group, and the totals. */
export function BeneficiaryTable({ cell, totals }: { cell: (sex: (typeof SEXES)[number], group: (typeof AGE_GROUPS)[number]) => ComponentChildren; totals?: (sex: (typeof SEXES)[number]) => string }) {
  const { t } = usePage();
  return (
    <div class="table-scroll">
      <table class="work-table work-beneficiaries">
        <caption class="visually-hidden">{t('projects.work.report.beneficiaries')}</caption>
        <thead>
          <tr>
            <td />
            {AGE_GROUPS.map((g) => (
              <th scope="col" key={g} class="num">
                {t(`projects.work.age.${g}`)}
              </th>
            ))}
            {totals ? (
              <th scope="col" class="num">
                {t('projects.work.total')}
              </th>
            ) : null}
          </tr>
        </thead>
        <tbody>
          {SEXES.map((sex) => (
            <tr key={sex}>
              <th scope="row">{t(`projects.work.sex.${sex}`)}</th>
              {AGE_GROUPS.map((g) => cell(sex, g))}
              {totals ? <td class="num">{totals(sex)}</td> : null}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** The budget lines of a project with what was planned, then the spending cell the caller gives. */
export function SpendingTable({ sheet, cell, total }: { sheet: ReportSheet; cell: (budgetLineId: string, item: string) => ComponentChildren; total?: string }) {
  const { t, f } = usePage();
  if (sheet.budgetLines.length === 0) return <p class="note">{t('projects.work.report.no-budget')}</p>;
  return (
    <div class="table-scroll">
      <table class="work-table work-spending">
        <caption class="visually-hidden">{t('projects.work.report.spending')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('projects.work.budget.item')}</th>
            <th scope="col">{t('projects.work.budget.year')}</th>
            <th scope="col">{t('projects.work.budget.kind')}</th>
            <th scope="col" class="num">
              {t('projects.work.budget.planned')}
            </th>
            <th scope="col" class="num">
              {t('projects.work.budget.spent')}
            </th>
          </tr>
        </thead>
        <tbody>
          {sheet.budgetLines.map((l) => (
            <tr key={l.id}>
              <th scope="row">{l.item}</th>
              <td>{l.year}</td>
              <td>{t(`projects.work.budget.kind.${l.kind}`)}</td>
              <td class="num">{f.money(l.amountTiyn)}</td>
              {cell(l.id, l.item)}
            </tr>
          ))}
        </tbody>
        {total ? (
          <tfoot>
            <tr>
              <th scope="row" colSpan={3}>
                {t('projects.work.total')}
              </th>
              <td class="num">{f.money(sheet.budgetLines.reduce((s, l) => s + l.amountTiyn, 0))}</td>
              <td class="num">{total}</td>
            </tr>
          </tfoot>
        ) : null}
      </table>
    </div>
  );
}

/** The files of a report, each downloadable by the two sides; removable while the report may change. */
export function FileList({ reportId, files, removeAction }: { reportId: string; files: ReportFile[]; removeAction?: (fileId: string) => string }) {
  const { t, f, href } = usePage();
  if (files.length === 0) return <p class="note">{t('projects.work.files.none')}</p>;
  return (
    <div class="table-scroll">
      <table class="work-table">
        <caption class="visually-hidden">{t('projects.work.files')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('projects.work.files.file')}</th>
            <th scope="col">{t('projects.work.files.purpose')}</th>
            <th scope="col">{t('projects.work.files.added')}</th>
            {removeAction ? <th scope="col">{t('projects.work.files.actions')}</th> : null}
          </tr>
        </thead>
        <tbody>
          {files.map((x) => (
            <tr key={x.fileId}>
              <td>
                <a href={href(workPath.file(reportId, x.fileId))} hx-boost="false">
                  {x.name}
                </a>{' '}
                <span class="note">({t('projects.work.files.size', { size: f.number(Math.max(1, Math.ceil(x.size / 1024))) })})</span>
              </td>
              <td>{t(`projects.work.files.purpose.${x.purpose}`)}</td>
              <td>{f.dateTime(x.createdAt)}</td>
              {removeAction ? (
                <td>
                  <Form action={href(removeAction(x.fileId))} class="inline-form" label={t('projects.work.files.remove-named', { name: x.name })}>
                    <button type="submit" class="button button--secondary button--small">
                      {t('projects.work.files.remove')}
                      <span class="visually-hidden"> {x.name}</span>
                    </button>
                  </Form>
                </td>
              ) : null}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
