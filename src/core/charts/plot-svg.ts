import type * as PlotModule from '@observablehq/plot';

/** Observable Plot's module, handed to the function that builds a chart's options. */
export type Plot = typeof PlotModule;

export type ChartText = {
  /** A unique id on the page; the title and description get `<id>-title` and `<id>-desc`. */
  id: string;
  /** The chart's accessible name (also its `<title>`). */
  title: string;
  /** What the chart shows, in a sentence or two (its `<desc>`). */
  description: string;
};

export type LegendItem = { label: string; color: string };

export type RenderedChart = {
  /** A standalone `<svg>` element: no inline styles or `<style>` blocks, so a strict CSP allows it. */
  svg: string;
  /** The colour legend Plot drew, if any, for the page to show as text. */
  legend: LegendItem[];
};

const SVG_NS = 'http://www.w3.org/2000/svg';

/**
 * Renders an Observable Plot chart to SVG markup on the server (linkedom stands in for the
 * browser's DOM). The result is an accessible image: `role="img"` named by its `<title>`
 * (`aria-labelledby`) and described by its `<desc>`. Plot's `<style>` blocks and `style`
 * attributes are removed (style-src 'self' would refuse them), so the page's stylesheet styles
 * `svg.<className>`. When a title, caption or legend makes Plot return a `<figure>`, the chart's
 * own `<svg>` is taken out of it and the legend is returned as data. Plot and linkedom (~40 MB
 * resident) are loaded for the first chart drawn, not at start.
 */
export async function renderPlotSvg(
  options: (plot: Plot) => PlotModule.PlotOptions,
  text: ChartText,
  extra: { className?: string; fontSize?: number } = {},
): Promise<RenderedChart> {
  const [Plot, { parseHTML }] = await Promise.all([import('@observablehq/plot'), import('linkedom')]);
  const { document } = parseHTML('<!doctype html><html><head></head><body></body></html>');
  const node = Plot.plot({ ...options(Plot), document: document as unknown as Document }) as unknown as Element;
  const isSvg = (e: Element) => e.tagName.toLowerCase() === 'svg';
  const svg = isSvg(node) ? node : [...node.children].find(isSvg);
  if (!svg) throw new Error('Plot rendered no <svg>');

  const legend: LegendItem[] = [];
  if (!isSvg(node)) {
    for (const swatch of node.querySelectorAll('span')) {
      const cls = swatch.getAttribute('class') ?? '';
      if (!/-swatch(\s|$)/.test(cls)) continue;
      const color = swatch.querySelector('svg')?.getAttribute('fill');
      if (color) legend.push({ label: (swatch.textContent ?? '').trim(), color });
    }
  }

  for (const style of [...svg.querySelectorAll('style')]) style.remove();
  svg.removeAttribute('style');
  for (const el of [...svg.querySelectorAll('[style]')]) el.removeAttribute('style');
  // The image is named as a whole; Plot's labels on its groups are not allowed on them (axe).
  for (const el of [...svg.querySelectorAll('[aria-label], [aria-description]')]) {
    el.removeAttribute('aria-label');
    el.removeAttribute('aria-description');
  }

  svg.setAttribute('xmlns', SVG_NS);
  svg.setAttribute('class', extra.className ?? 'chart-svg');
  svg.setAttribute('role', 'img');
  // Named by its <title> rather than aria-label: linkedom escapes text nodes fully, attributes not.
  svg.setAttribute('aria-labelledby', `${text.id}-title`);
  svg.setAttribute('aria-describedby', `${text.id}-desc`);
  if (extra.fontSize) svg.setAttribute('font-size', String(extra.fontSize));
  const title = document.createElementNS(SVG_NS, 'title');
  title.setAttribute('id', `${text.id}-title`);
  title.textContent = text.title;
  const desc = document.createElementNS(SVG_NS, 'desc');
  desc.setAttribute('id', `${text.id}-desc`);
  desc.textContent = text.description;
  svg.insertBefore(desc, svg.firstChild);
  svg.insertBefore(title, desc);

  return { svg: svg.outerHTML, legend };
}
