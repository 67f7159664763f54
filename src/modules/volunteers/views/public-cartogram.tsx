import { TILES } from '../../../core/geo/tiles.ts';
import { usePage } from '../../../core/views/page-context.ts';
import { shadeIndex, TileLegend, TileMap } from '../../../core/views/tile-map.tsx';
import type { RegionFigures } from '../public-queries.ts';
import { placeName } from './public-parts.tsx';

/** Four shades of green by open opportunities; the two darkest carry white text (each pair above 4.5:1). */
const SHADES = ['#e4f2e8', '#a9d6b6', '#2e8a4f', '#1d5c34'] as const;
const DARK_FROM = 2;

/** The counts each shade stands for (shade i holds the n with i < n·S/max ≤ i + 1); shades no count can have are left out. */
function legend(max: number) {
  return SHADES.map((shade, i) => ({ shade, from: Math.floor((i * max) / SHADES.length) + 1, to: Math.floor(((i + 1) * max) / SHADES.length) })).filter((s) => s.from <= s.to);
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
        <TileLegend
          label={t('volunteers.public.map.legend')}
          items={legend(max).map(({ shade, from, to }) => ({ shade, text: from === to ? f.number(from) : t('volunteers.public.map.range', { from: f.number(from), to: f.number(to) }) }))}
          none={t('volunteers.public.map.none')}
        />
        <TileMap
          name="volunteer-map"
          title={t('volunteers.public.map.title')}
          description={t('volunteers.public.map.desc', { regions: active, opportunities: sum('opportunities'), organisations: sum('organisations') })}
          shades={SHADES}
          darkFrom={DARK_FROM}
          shadeOf={(code) => shadeIndex(byCode.get(code)?.opportunities ?? 0, max, SHADES.length)}
          figureOf={(code) => {
            const r = byCode.get(code);
            return r ? `${f.number(r.opportunities)} · ${f.number(r.organisations)}` : '—';
          }}
          country={t('volunteers.national')}
          selected={selected}
        />
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
