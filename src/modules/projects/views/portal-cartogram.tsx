import { findRegion, REGIONS } from '../../../core/geo/regions.ts';
import { GAP, HEIGHT, TILE_H, TILE_W, TILES, WIDTH } from '../../../core/geo/tiles.ts';
import { type Lang, LOCALE_TAGS } from '../../../core/i18n/langs.ts';
import { usePage } from '../../../core/views/page-context.ts';
import type { FacetCount } from '../portal-queries.ts';
import { placeName } from './portal-parts.tsx';

/**
 * Five shades of the brand's blue, light to dark; the two darkest carry white text, the others
 * dark text, each pair above 4.5:1. A region without funding is left pale, with a dashed edge.
 */
const SHADES = ['#e3eef7', '#b6d2ea', '#7fb0d6', '#2f78ad', '#08476a'] as const;
const DARK_FROM = 3;

/** The shade class of an amount: equal fifths of the largest amount. */
const shadeOf = (amount: number, max: number) => (amount <= 0 || max <= 0 ? -1 : Math.min(SHADES.length - 1, Math.ceil((amount / max) * SHADES.length) - 1));

const SUFFIX: Record<Lang, RegExp> = { kk: / облысы$/, ru: / область$/, en: / Region$/ };

/** A region's name without "region" (unless a city has that name: Almaty), in at most two lines. */
function tileLines(code: string, lang: Lang, national: string): string[] {
  const full = findRegion(code)?.name[lang];
  const short = full?.replace(SUFFIX[lang], '');
  const name = full === undefined ? national : REGIONS.some((r) => r.code !== code && r.name[lang] === short) ? full : short!;
  if (name.length <= 12) return [name];
  const breaks = [...name.matchAll(/[- ]/g)].map((m) => m.index!);
  if (breaks.length === 0) return [name];
  const at = breaks.reduce((best, i) => (Math.abs(i - name.length / 2) < Math.abs(best - name.length / 2) ? i : best));
  return [name.slice(0, name[at] === '-' ? at + 1 : at), name.slice(at + 1)];
}

/** Tenge, shortly: «2,1 млрд ₸». */
export function compactMoney(tiyn: number, lang: Lang): string {
  return `${new Intl.NumberFormat(LOCALE_TAGS[lang], { notation: 'compact', maximumFractionDigits: 1 }).format(tiyn / 100)} ₸`;
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
  const national = t('projects.portal.national');
  const description = top
    ? t('projects.portal.map.desc', { regions: funded, top: placeName(top.key, lang, t), amount: f.money(top.amountTiyn), count: top.count })
    : t('projects.portal.map.desc-empty');
  const step = max / SHADES.length;
  return (
    <figure class="chart funding-map" aria-labelledby="funding-map-caption">
      <figcaption id="funding-map-caption">{t('projects.portal.map.title')}</figcaption>
      <ul class="chart-legend" aria-label={t('projects.portal.map.legend')}>
        {SHADES.map((shade, i) => (
          <li key={shade}>
            <svg class="chart-swatch" width="14" height="14" viewBox="0 0 14 14" aria-hidden="true" focusable="false">
              <rect width="14" height="14" fill={shade} stroke="#4a5561" stroke-width="1" />
            </svg>
            {max > 0
              ? t('projects.portal.map.range', { from: compactMoney(Math.round(step * i), lang), to: compactMoney(Math.round(step * (i + 1)), lang) })
              : t('projects.portal.map.range-none')}
          </li>
        ))}
        <li>
          <svg class="chart-swatch" width="14" height="14" viewBox="0 0 14 14" aria-hidden="true" focusable="false">
            <rect x="0.5" y="0.5" width="13" height="13" fill="#f3f6f8" stroke="#4a5561" stroke-width="1" stroke-dasharray="2 2" />
          </svg>
          {t('projects.portal.map.none')}
        </li>
      </ul>
      <svg
        class="chart-svg funding-map__svg"
        viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
        width={WIDTH}
        height={HEIGHT}
        role="img"
        aria-labelledby="funding-map-title"
        aria-describedby="funding-map-desc"
        font-size="11"
      >
        <title id="funding-map-title">{t('projects.portal.map.title')}</title>
        <desc id="funding-map-desc">{description}</desc>
        {TILES.map(([code, col, row]) => {
          const figures = byCode.get(code);
          const amount = figures?.amountTiyn ?? 0;
          const shade = shadeOf(amount, max);
          const x = col * (TILE_W + GAP);
          const y = row * (TILE_H + GAP);
          const ink = shade >= DARK_FROM ? '#ffffff' : '#1b1f24';
          const lines = tileLines(code, lang, national);
          const isSelected = selected === code;
          return (
            <g key={code} class={`funding-map__tile${isSelected ? ' funding-map__tile--selected' : ''}`}>
              <rect
                x={x + 0.5}
                y={y + 0.5}
                width={TILE_W - 1}
                height={TILE_H - 1}
                rx="4"
                fill={shade < 0 ? '#f3f6f8' : SHADES[shade]}
                stroke={isSelected ? '#f2b705' : '#4a5561'}
                stroke-width={isSelected ? 3 : 1}
                stroke-dasharray={shade < 0 && !isSelected ? '3 3' : undefined}
              />
              {lines.map((line, i) => (
                <text key={line} x={x + 7} y={y + 15 + i * 13} fill={ink}>
                  {line}
                </text>
              ))}
              <text x={x + 7} y={y + TILE_H - 10} fill={ink} font-weight="700" font-size="12">
                {amount > 0 ? `${compactMoney(amount, lang)} · ${f.number(figures!.count)}` : '—'}
              </text>
            </g>
          );
        })}
      </svg>
      <p class="note">{t('projects.portal.map.note')}</p>
    </figure>
  );
}
