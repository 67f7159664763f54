import { formatters } from '../../../core/format/intl.ts';
import type { Lang } from '../../../core/i18n/langs.ts';
import { usePage } from '../../../core/views/page-context.ts';
import { shadeIndex, TileLegend, TileMap } from '../../../core/views/tile-map.tsx';
import type { FacetCount } from '../portal-queries.ts';
import { placeName } from './portal-parts.tsx';

/**
 * Five shades of the brand's blue, light to dark; the two darkest carry white text, the others
 * dark text, each pair above 4.5:1. A region without funding is left pale, with a dashed edge.
 */
const SHADES = ['#e3eef7', '#b6d2ea', '#7fb0d6', '#2f78ad', '#08476a'] as const;
const DARK_FROM = 3;

/** Tenge, shortly: «2,1 млрд ₸». */
export function compactMoney(tiyn: number, lang: Lang): string {
  return `${formatters(lang).compact(tiyn / 100)} ₸`;
}

/**
 * Funding by region as an accessible SVG tile map: one image named by its title and described
 * by its desc; every tile's figures are also written on it, and the page gives them as a table.
 */
export function FundingCartogram({ regions, selected }: { regions: FacetCount[]; selected?: string }) {
  const { t, f, lang } = usePage();
  const byCode = new Map(regions.map((r) => [r.key, r]));
  const max = Math.max(0, ...regions.map((r) => r.amountTiyn));
  const top = [...regions].sort((a, b) => b.amountTiyn - a.amountTiyn)[0];
  const funded = regions.filter((r) => r.amountTiyn > 0).length;
  const description = top
    ? t('projects.portal.map.desc', { regions: funded, top: placeName(top.key, lang, t), amount: f.money(top.amountTiyn), count: top.count })
    : t('projects.portal.map.desc-empty');
  const step = max / SHADES.length;
  return (
    <figure class="chart funding-map" aria-labelledby="funding-map-caption">
      <figcaption id="funding-map-caption">{t('projects.portal.map.title')}</figcaption>
      <TileLegend
        label={t('projects.portal.map.legend')}
        items={SHADES.map((shade, i) => ({
          shade,
          text:
            max > 0
              ? t('projects.portal.map.range', { from: compactMoney(Math.round(step * i), lang), to: compactMoney(Math.round(step * (i + 1)), lang) })
              : t('projects.portal.map.range-none'),
        }))}
        none={t('projects.portal.map.none')}
      />
      <TileMap
        name="funding-map"
        title={t('projects.portal.map.title')}
        description={description}
        shades={SHADES}
        darkFrom={DARK_FROM}
        shadeOf={(code) => shadeIndex(byCode.get(code)?.amountTiyn ?? 0, max, SHADES.length)}
        figureOf={(code) => {
          const figures = byCode.get(code);
          return figures && figures.amountTiyn > 0 ? `${compactMoney(figures.amountTiyn, lang)} · ${f.number(figures.count)}` : '—';
        }}
        country={t('projects.portal.national')}
        selected={selected}
      />
      <p class="note">{t('projects.portal.map.note')}</p>
    </figure>
  );
}
