import { findRegion, REGIONS } from '../../../core/geo/regions.ts';
import { GAP, HEIGHT, TILE_H, TILE_W, TILES, WIDTH } from '../../../core/geo/tiles.ts';
import type { Lang } from '../../../core/i18n/langs.ts';
import { usePage } from '../../../core/views/page-context.ts';
import type { RegionFigures } from '../public-queries.ts';
import { placeName } from './public-parts.tsx';

/** Four shades of green by open opportunities; the two darkest carry white text (each pair above 4.5:1). */
const SHADES = ['#e4f2e8', '#a9d6b6', '#2e8a4f', '#1d5c34'] as const;
const DARK_FROM = 2;
const shadeOf = (n: number, max: number) => (n <= 0 || max <= 0 ? -1 : Math.min(SHADES.length - 1, Math.ceil((n / max) * SHADES.length) - 1));

/** The counts each shade stands for (shade i holds the n with i < n·S/max ≤ i + 1); shades no count can have are left out. */
function legend(max: number) {
  return SHADES.map((shade, i) => ({ shade, from: Math.floor((i * max) / SHADES.length) + 1, to: Math.floor(((i + 1) * max) / SHADES.length) })).filter((s) => s.from <= s.to);
}

const SUFFIX: Record<Lang, RegExp> = { kk: / облысы$/, ru: / область$/, en: / Region$/ };

/** A region's name without "region" (unless a city has that name), in at most two lines. */
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

/**
 * Volunteer organisations and open opportunities by region: an SVG tile map named by its title
 * and described by its desc, whose figures are written on each tile, and the same figures as a
 * table, each region a link that filters the list.
 */
export function VolunteerCartogram({ figures, selected, regionHref }: { figures: RegionFigures[]; selected?: string; regionHref: (code: string) => string }) {
  const { t, f, lang } = usePage();
  const byCode = new Map(figures.map((r) => [r.code, r]));
  const max = Math.max(0, ...figures.map((r) => r.opportunities));
  const sum = (k: 'organisations' | 'opportunities') => figures.reduce((n, r) => n + r[k], 0);
  const national = t('volunteers.national');
  const order = TILES.map(([code]) => code);
  const rows = TILES.map(([code]) => byCode.get(code) ?? { code, organisations: 0, opportunities: 0 }).sort(
    (a, b) => b.opportunities - a.opportunities || b.organisations - a.organisations || order.indexOf(a.code) - order.indexOf(b.code),
  );
  const active = figures.filter((r) => r.opportunities > 0).length;
  return (
    <section class="volunteer-map" aria-labelledby="volunteer-map-heading">
      <h2 id="volunteer-map-heading">{t('volunteers.public.map.heading')}</h2>
      <figure class="chart" aria-labelledby="volunteer-map-caption">
        <figcaption id="volunteer-map-caption">{t('volunteers.public.map.title')}</figcaption>
        <ul class="chart-legend" aria-label={t('volunteers.public.map.legend')}>
          {legend(max).map(({ shade, from, to }) => (
            <li key={shade}>
              <svg class="chart-swatch" width="14" height="14" viewBox="0 0 14 14" aria-hidden="true" focusable="false">
                <rect width="14" height="14" fill={shade} stroke="#4a5561" stroke-width="1" />
              </svg>
              {from === to ? f.number(from) : t('volunteers.public.map.range', { from: f.number(from), to: f.number(to) })}
            </li>
          ))}
          <li>
            <svg class="chart-swatch" width="14" height="14" viewBox="0 0 14 14" aria-hidden="true" focusable="false">
              <rect x="0.5" y="0.5" width="13" height="13" fill="#f3f6f8" stroke="#4a5561" stroke-width="1" stroke-dasharray="2 2" />
            </svg>
            {t('volunteers.public.map.none')}
          </li>
        </ul>
        <svg
          class="chart-svg volunteer-map__svg"
          viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
          width={WIDTH}
          height={HEIGHT}
          role="img"
          aria-labelledby="volunteer-map-title"
          aria-describedby="volunteer-map-desc"
          font-size="11"
        >
          <title id="volunteer-map-title">{t('volunteers.public.map.title')}</title>
          <desc id="volunteer-map-desc">{t('volunteers.public.map.desc', { regions: active, opportunities: sum('opportunities'), organisations: sum('organisations') })}</desc>
          {TILES.map(([code, col, row]) => {
            const r = byCode.get(code);
            const shade = shadeOf(r?.opportunities ?? 0, max);
            const x = col * (TILE_W + GAP);
            const y = row * (TILE_H + GAP);
            const ink = shade >= DARK_FROM ? '#ffffff' : '#1b1f24';
            const isSelected = selected === code;
            return (
              <g key={code}>
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
                {tileLines(code, lang, national).map((line, i) => (
                  <text key={line} x={x + 7} y={y + 15 + i * 13} fill={ink}>
                    {line}
                  </text>
                ))}
                <text x={x + 7} y={y + TILE_H - 10} fill={ink} font-weight="700" font-size="12">
                  {r ? `${f.number(r.opportunities)} · ${f.number(r.organisations)}` : '—'}
                </text>
              </g>
            );
          })}
        </svg>
        <p class="note">{t('volunteers.public.map.note')}</p>
      </figure>
      <section class="table-scroll" aria-labelledby="volunteer-map-table-caption" tabindex={0}>
        <table class="volunteer-map-table">
          <caption id="volunteer-map-table-caption">{t('volunteers.public.map.caption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('volunteers.public.field.region')}</th>
              <th scope="col" class="num">
                {t('volunteers.public.map.opportunities')}
              </th>
              <th scope="col" class="num">
                {t('volunteers.public.map.organisations')}
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.code} data-region={r.code} aria-current={selected === r.code ? 'true' : undefined}>
                <th scope="row">
                  <a href={regionHref(r.code)}>{placeName(r.code, lang, t)}</a>
                </th>
                <td class="num">{f.number(r.opportunities)}</td>
                <td class="num">{f.number(r.organisations)}</td>
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr>
              <th scope="row">{t('volunteers.public.map.total')}</th>
              <td class="num">{f.number(sum('opportunities'))}</td>
              <td class="num">{f.number(sum('organisations'))}</td>
            </tr>
          </tfoot>
        </table>
      </section>
    </section>
  );
}
