import type { RenderedChart } from '../../../core/charts/plot-svg.ts';
import type { Formatters } from '../../../core/format/intl.ts';
import { REGIONS, regionName } from '../../../core/geo/regions.ts';
import type { Lang } from '../../../core/i18n/langs.ts';
import type { Translate } from '../../../core/i18n/messages.ts';
import { SelectField } from '../../../core/views/components.tsx';
import { usePage } from '../../../core/views/page-context.ts';
import type { FigureRow, RegisterFigures } from '../figures-query.ts';
import { CompilationLinks } from './compilation-links.tsx';

function CountTable<K extends string>(props: {
  id: string;
  caption: string;
  rowHeader: string;
  columns: readonly K[];
  columnLabel: (k: K) => string;
  cell: (row: FigureRow, k: K) => number | undefined;
  rows: FigureRow[];
  totals: (k: K) => number | undefined;
  total: number;
}) {
  const { t, f } = usePage();
  const n = (v: number | undefined) => f.number(v ?? 0);
  return (
    <section class="table-scroll" aria-labelledby={`${props.id}-caption`} tabindex={0}>
      <table class="figures-table" id={props.id}>
        <caption id={`${props.id}-caption`}>{props.caption}</caption>
        <thead>
          <tr>
            <th scope="col">{props.rowHeader}</th>
            {props.columns.map((k) => (
              <th scope="col" class="num" key={k}>
                {props.columnLabel(k)}
              </th>
            ))}
            <th scope="col" class="num">
              {t('organisations.figures.total')}
            </th>
          </tr>
        </thead>
        <tbody>
          {props.rows.map((row) => (
            <tr key={row.key}>
              <th scope="row">{row.label}</th>
              {props.columns.map((k) => (
                <td class="num" key={k}>
                  {n(props.cell(row, k))}
                </td>
              ))}
              <td class="num total">{n(row.total)}</td>
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row">{t('organisations.figures.total')}</th>
            {props.columns.map((k) => (
              <td class="num" key={k}>
                {n(props.totals(k))}
              </td>
            ))}
            <td class="num total">{n(props.total)}</td>
          </tr>
        </tfoot>
      </table>
    </section>
  );
}

const byFormTitle = (figures: RegisterFigures, t: Translate, lang: Lang) =>
  figures.region ? t('organisations.figures.by-form.region', { region: regionName(figures.region, lang) }) : t('organisations.figures.by-form');

/** The chart's id, accessible name and description, for `figuresChart` to draw before the page is rendered. */
export function figuresChartText(figures: RegisterFigures, t: Translate, f: Formatters, lang: Lang) {
  const largest = [...figures.rows].sort((a, b) => b.total - a.total)[0];
  return {
    id: 'figures-chart',
    title: byFormTitle(figures, t, lang),
    description: t('organisations.figures.chart.desc', { largest: largest?.label ?? '—', count: f.number(largest?.total ?? 0) }),
  };
}

/** NGOs counted by region (or district) × legal form and × status: a chart and the tables behind it. */
export function FiguresPage({ figures, chart, at }: { figures: RegisterFigures; chart: RenderedChart; at: Date }) {
  const { t, f, lang, href } = usePage();
  const region = figures.region;
  const place = region ? regionName(region, lang) : undefined;
  const byForm = byFormTitle(figures, t, lang);
  const byStatus = region ? t('organisations.figures.by-status.region', { region: place! }) : t('organisations.figures.by-status');
  const rowHeader = region ? t('organisations.field.district') : t('organisations.field.region');
  return (
    <section class="register-figures">
      <h1>{region ? t('organisations.figures.title.region', { region: place! }) : t('organisations.figures.title')}</h1>
      <p>{t('organisations.figures.intro', { date: f.dateTime(at) })}</p>
      <form method="get" action={href('/organisations/figures')} class="figures-filter">
        <SelectField
          name="region"
          label={t('organisations.field.region')}
          value={region}
          anyLabel={t('organisations.figures.all-regions')}
          choices={REGIONS.map((r) => ({ value: r.code, label: r.name[lang] }))}
        />
        <button type="submit" class="button button--secondary">
          {t('organisations.figures.show')}
        </button>
      </form>
      <p class="figures-summary">
        {t('organisations.figures.summary', { total: f.number(figures.totals.total), active: f.number(figures.totals.byStatus.active ?? 0) })}
      </p>
      {region ? (
        <p>
          {t('organisations.compilation.for-region', { region: place! })} <CompilationLinks regionCode={region} />
        </p>
      ) : null}

      <figure class="chart" aria-labelledby="figures-chart-caption">
        <figcaption id="figures-chart-caption">{byForm}</figcaption>
        <ul class="chart-legend" aria-label={t('organisations.figures.legend')}>
          {chart.legend.map((item) => (
            <li key={item.label}>
              <svg class="chart-swatch" width="14" height="14" viewBox="0 0 14 14" aria-hidden="true" focusable="false">
                <rect width="14" height="14" fill={item.color} />
              </svg>
              {item.label}
            </li>
          ))}
        </ul>
        {/* Raw markup, opt-in: the SVG is built on the server by renderPlotSvg, its text escaped by linkedom. */}
        <div class="chart-image" dangerouslySetInnerHTML={{ __html: chart.svg }} />
        <p class="note">{t('organisations.figures.table-note')}</p>
      </figure>

      <h2>{t('organisations.figures.tables')}</h2>
      <CountTable
        id="figures-by-form"
        caption={byForm}
        rowHeader={rowHeader}
        columns={figures.forms}
        columnLabel={(k) => t(`organisations.legal-form.${k}`)}
        cell={(row, k) => row.byForm[k]}
        rows={figures.rows}
        totals={(k) => figures.totals.byForm[k]}
        total={figures.totals.total}
      />
      <CountTable
        id="figures-by-status"
        caption={byStatus}
        rowHeader={rowHeader}
        columns={figures.statuses}
        columnLabel={(k) => t(`organisations.status.${k}`)}
        cell={(row, k) => row.byStatus[k]}
        rows={figures.rows}
        totals={(k) => figures.totals.byStatus[k]}
        total={figures.totals.total}
      />

      {region ? null : (
        <section>
          <h2>{t('organisations.figures.compilations')}</h2>
          <p>{t('organisations.figures.compilations.intro')}</p>
          <section class="table-scroll" aria-labelledby="compilations-caption" tabindex={0}>
            <table class="compilations-table">
              <caption id="compilations-caption" class="visually-hidden">
                {t('organisations.figures.compilations')}
              </caption>
              <thead>
                <tr>
                  <th scope="col">{t('organisations.field.region')}</th>
                  <th scope="col" class="num">
                    {t('organisations.figures.ngos')}
                  </th>
                  <th scope="col">{t('organisations.figures.compilation')}</th>
                </tr>
              </thead>
              <tbody>
                {figures.rows.map((row) => (
                  <tr key={row.key}>
                    <th scope="row">
                      <a href={href(`/organisations/figures?region=${row.key}`)}>{row.label}</a>
                    </th>
                    <td class="num">{f.number(row.total)}</td>
                    <td>
                      <CompilationLinks regionCode={row.key} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </section>
        </section>
      )}
    </section>
  );
}
