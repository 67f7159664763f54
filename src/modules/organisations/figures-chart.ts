import { type RenderedChart, renderPlotSvg } from '../../core/charts/plot-svg.ts';
import type { Formatters } from '../../core/format/intl.ts';
import type { Translate } from '../../core/i18n/messages.ts';
import type { RegisterFigures } from './figures-query.ts';
import type { LegalForm } from './schema.ts';

/**
 * One colour per legal form. The first four are Okabe and Ito's colour-blind-safe palette; every
 * colour has at least 3:1 contrast with the white page (WCAG 1.4.11), and white gaps separate
 * neighbouring segments.
 */
export const LEGAL_FORM_COLOURS: Record<LegalForm, string> = {
  'public-association': '#0072b2',
  'public-foundation': '#d55e00',
  'association-of-legal-entities': '#009e73',
  'private-institution': '#cc79a7',
  'non-commercial-joint-stock-company': '#8a6d00',
  'consumer-cooperative': '#00756a',
  'religious-association': '#7b3fa0',
  'state-body': '#0b5394',
  other: '#5f6b76',
};

/** Stacked horizontal bars: one per row (region or district), legal forms as colours, totals at the ends. */
export function figuresChart(figures: RegisterFigures, t: Translate, f: Formatters, text: { id: string; title: string; description: string }): Promise<RenderedChart> {
  const formLabel = (k: LegalForm) => t(`organisations.legal-form.${k}`);
  const data = figures.rows.flatMap((row) => figures.forms.filter((k) => row.byForm[k]).map((k) => ({ row: row.label, form: formLabel(k), count: row.byForm[k]! })));
  const totals = figures.rows.filter((r) => r.total > 0).map((r) => ({ row: r.label, total: r.total, text: f.number(r.total) }));
  const order = [...figures.rows].sort((a, b) => b.total - a.total).map((r) => r.label);
  const barHeight = 22;
  return renderPlotSvg(
    (Plot) => ({
      width: 760,
      height: 50 + order.length * barHeight,
      marginLeft: 230,
      marginRight: 50,
      marginTop: 10,
      marginBottom: 40,
      x: { label: t('organisations.figures.axis'), grid: true, tickFormat: (d: number) => f.number(d), labelAnchor: 'right' },
      y: { label: null, domain: order, padding: 0.25 },
      color: { domain: figures.forms.map(formLabel), range: figures.forms.map((k) => LEGAL_FORM_COLOURS[k]), legend: true },
      marks: [
        Plot.barX(data, { x: 'count', y: 'row', fill: 'form', stroke: 'white', strokeWidth: 1, order: figures.forms.map(formLabel) }),
        Plot.text(totals, { x: 'total', y: 'row', text: 'text', textAnchor: 'start', dx: 4, fill: 'currentColor' }),
        Plot.ruleX([0]),
      ],
    }),
    text,
    { className: 'chart-svg', fontSize: 12 },
  );
}
