import { usePage } from '../../../core/views/page-context.ts';
import type { IndicatorProgress } from '../portal-queries.ts';
import { formatPercent } from './portal-parts.tsx';

const WIDTH = 640;
const LABEL_W = 150;
const VALUE_W = 110;
const ROW_H = 30;
const BAR_W = WIDTH - LABEL_W - VALUE_W;

/**
 * One indicator, planned against actual, per period and in total: a bullet chart. The planned
 * value is an outlined bar, the actual one a filled bar inside it; the figures are written at the
 * end of each row, so the chart is read without telling colours apart.
 */
function IndicatorChart({ indicator, index }: { indicator: IndicatorProgress; index: number }) {
  const { t, f } = usePage();
  const rows = [
    ...indicator.periods.map((p) => ({ label: t('projects.portal.indicators.period', { number: String(p.number) }), planned: p.planned, actual: p.actual })),
    { label: t('projects.portal.indicators.total'), planned: indicator.planned, actual: indicator.actual as number | null },
  ];
  const max = Math.max(1, ...rows.map((r) => Math.max(r.planned, r.actual ?? 0)));
  const scale = (v: number) => (v / max) * BAR_W;
  const id = `indicator-chart-${index}`;
  const title = t('projects.portal.indicators.chart-title', { name: indicator.name, unit: indicator.unit });
  const description = t('projects.portal.indicators.chart-desc', {
    actual: f.number(indicator.actual),
    planned: f.number(indicator.planned),
    unit: indicator.unit,
    periods: rows
      .slice(0, -1)
      .map((r) =>
        r.actual === null
          ? t('projects.portal.indicators.period-desc-none', { period: r.label, planned: f.number(r.planned) })
          : t('projects.portal.indicators.period-desc', { period: r.label, actual: f.number(r.actual), planned: f.number(r.planned) }),
      )
      .join('; '),
  });
  const height = rows.length * ROW_H + 6;
  return (
    <figure class="indicator-chart">
      <figcaption>
        {indicator.name}, {indicator.unit}
      </figcaption>
      <svg class="chart-svg indicator-chart__svg" viewBox={`0 0 ${WIDTH} ${height}`} width={WIDTH} height={height} role="img" aria-labelledby={`${id}-title`} aria-describedby={`${id}-desc`} font-size="12">
        <title id={`${id}-title`}>{title}</title>
        <desc id={`${id}-desc`}>{description}</desc>
        {rows.map((r, i) => {
          const y = 3 + i * ROW_H;
          const isTotal = i === rows.length - 1;
          return (
            <g key={r.label}>
              <text x="0" y={y + 18} fill="currentColor" font-weight={isTotal ? '700' : undefined}>
                {r.label}
              </text>
              <rect class="indicator-chart__planned" x={LABEL_W} y={y + 2} width={Math.max(scale(r.planned), 1)} height={ROW_H - 8} fill="#ffffff" stroke="#4a5561" stroke-width="1.5" />
              {r.actual !== null && r.actual > 0 ? (
                <rect class="indicator-chart__actual" x={LABEL_W} y={y + 8} width={scale(r.actual)} height={ROW_H - 20} fill="#0b5d8a" />
              ) : null}
              <text x={LABEL_W + BAR_W + 8} y={y + 18} fill="currentColor" font-weight={isTotal ? '700' : undefined}>
                {r.actual === null ? '—' : f.number(r.actual)} / {f.number(r.planned)}
              </text>
            </g>
          );
        })}
      </svg>
    </figure>
  );
}

/** A dash that says "not reported yet" to a screen reader. */
function NotReported() {
  const { t } = usePage();
  return (
    <>
      <span aria-hidden="true">—</span>
      <span class="visually-hidden">{t('projects.portal.indicators.not-reported')}</span>
    </>
  );
}

/** Every indicator's progress: a chart each, then the same figures as one table. */
export function IndicatorProgressSection({ indicators }: { indicators: IndicatorProgress[] }) {
  const { t, f, lang } = usePage();
  return (
    <section class="project-indicators" aria-labelledby="indicators-heading">
      <h2 id="indicators-heading">{t('projects.portal.indicators.title')}</h2>
      {indicators.length === 0 ? (
        <p>{t('projects.portal.indicators.none')}</p>
      ) : (
        <>
          <p class="note">{t('projects.portal.indicators.intro')}</p>
          <ul class="chart-legend" aria-label={t('projects.portal.indicators.legend')}>
            <li>
              <svg class="chart-swatch" width="14" height="14" viewBox="0 0 14 14" aria-hidden="true" focusable="false">
                <rect x="0.75" y="0.75" width="12.5" height="12.5" fill="#ffffff" stroke="#4a5561" stroke-width="1.5" />
              </svg>
              {t('projects.portal.indicators.planned')}
            </li>
            <li>
              <svg class="chart-swatch" width="14" height="14" viewBox="0 0 14 14" aria-hidden="true" focusable="false">
                <rect y="3" width="14" height="8" fill="#0b5d8a" />
              </svg>
              {t('projects.portal.indicators.actual')}
            </li>
          </ul>
          {indicators.map((indicator, i) => (
            <IndicatorChart key={indicator.id} indicator={indicator} index={i + 1} />
          ))}
          <section class="table-scroll" aria-labelledby="indicators-caption" tabindex={0}>
            <table class="indicators-table">
              <caption id="indicators-caption">{t('projects.portal.indicators.caption')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('projects.portal.indicators.indicator')}</th>
                  <th scope="col">{t('projects.portal.indicators.unit')}</th>
                  <th scope="col">{t('projects.portal.indicators.period-column')}</th>
                  <th scope="col" class="num">
                    {t('projects.portal.indicators.planned')}
                  </th>
                  <th scope="col" class="num">
                    {t('projects.portal.indicators.actual')}
                  </th>
                  <th scope="col" class="num">
                    {t('projects.portal.indicators.reached')}
                  </th>
                </tr>
              </thead>
              {indicators.map((indicator) => (
                <tbody key={indicator.id}>
                  {[...indicator.periods.map((p) => ({ ...p, total: false })), { number: 0, planned: indicator.planned, actual: indicator.actual as number | null, total: true }].map((row) => (
                    <tr key={row.number} class={row.total ? 'total' : undefined}>
                      <th scope="row">{indicator.name}</th>
                      <td>{indicator.unit}</td>
                      <td>{row.total ? t('projects.portal.indicators.total') : t('projects.portal.indicators.period', { number: String(row.number) })}</td>
                      <td class="num">{f.number(row.planned)}</td>
                      <td class="num">{row.actual === null ? <NotReported /> : f.number(row.actual)}</td>
                      <td class="num">{row.actual === null || row.planned <= 0 ? '—' : formatPercent(row.actual / row.planned, lang)}</td>
                    </tr>
                  ))}
                </tbody>
              ))}
            </table>
          </section>
          <p class="note">{t('projects.portal.indicators.note')}</p>
        </>
      )}
    </section>
  );
}
