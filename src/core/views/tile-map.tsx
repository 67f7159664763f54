import { findRegion, REGIONS } from '../geo/regions.ts';
import { GAP, HEIGHT, TILE_H, TILE_W, TILES, WIDTH } from '../geo/tiles.ts';
import type { Lang } from '../i18n/langs.ts';
import { usePage } from './page-context.ts';

/** Where a value falls among `count` equal parts of the largest value; -1 for nothing. */
export const shadeIndex = (value: number, max: number, count: number) => (value <= 0 || max <= 0 ? -1 : Math.min(count - 1, Math.ceil((value / max) * count) - 1));

const SUFFIX: Record<Lang, RegExp> = { kk: / облысы$/, ru: / область$/, en: / Region$/ };

/** A region's name without "region" (unless a city has that name: Almaty), in at most two lines. */
function tileLines(code: string, lang: Lang, country: string): string[] {
  const full = findRegion(code)?.name[lang];
  const short = full?.replace(SUFFIX[lang], '');
  const name = full === undefined ? country : REGIONS.some((r) => r.code !== code && r.name[lang] === short) ? full : short!;
  if (name.length <= 12) return [name];
  const breaks = [...name.matchAll(/[- ]/g)].map((m) => m.index!);
  if (breaks.length === 0) return [name];
  const at = breaks.reduce((best, i) => (Math.abs(i - name.length / 2) < Math.abs(best - name.length / 2) ? i : best));
  return [name.slice(0, name[at] === '-' ? at + 1 : at), name.slice(at + 1)];
}

function Swatch({ fill, none }: { fill: string; none?: boolean }) {
  return (
    <svg class="chart-swatch" width="14" height="14" viewBox="0 0 14 14" aria-hidden="true" focusable="false">
      {none ? (
        <rect x="0.5" y="0.5" width="13" height="13" fill={fill} stroke="#4a5561" stroke-width="1" stroke-dasharray="2 2" />
      ) : (
        <rect width="14" height="14" fill={fill} stroke="#4a5561" stroke-width="1" />
      )}
    </svg>
  );
}

const EMPTY = '#f3f6f8';

/** The legend of a tile map: each shade with what it stands for, and the pale tile of nothing. */
export function TileLegend({ label, items, none }: { label: string; items: { shade: string; text: string }[]; none: string }) {
  return (
    <ul class="chart-legend" aria-label={label}>
      {items.map(({ shade, text }) => (
        <li key={shade}>
          <Swatch fill={shade} />
          {text}
        </li>
      ))}
      <li>
        <Swatch fill={EMPTY} none />
        {none}
      </li>
    </ul>
  );
}

/**
 * Kazakhstan's regions as an accessible SVG tile map (core/geo/tiles.ts): one image named by its
 * title and described by its desc, each tile shaded by its value with its figure written on it;
 * the two darkest shades carry white text. Pages give the same figures as a table too.
 */
export function TileMap(props: {
  /** Prefix of the map's ids and classes, e.g. `funding-map`. */
  name: string;
  title: string;
  description: string;
  /** Light to dark; from `darkFrom` on, the text on a tile is white. */
  shades: readonly string[];
  darkFrom: number;
  /** The shade of a region's tile (-1: nothing, pale with a dashed edge) and the figure written on it. */
  shadeOf: (code: string) => number;
  figureOf: (code: string) => string;
  /** The name of the last tile, the whole country. */
  country: string;
  selected?: string;
}) {
  const { lang } = usePage();
  return (
    <svg
      class={`chart-svg ${props.name}__svg`}
      viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
      width={WIDTH}
      height={HEIGHT}
      role="img"
      aria-labelledby={`${props.name}-title`}
      aria-describedby={`${props.name}-desc`}
      font-size="11"
    >
      <title id={`${props.name}-title`}>{props.title}</title>
      <desc id={`${props.name}-desc`}>{props.description}</desc>
      {TILES.map(([code, col, row]) => {
        const shade = props.shadeOf(code);
        const x = col * (TILE_W + GAP);
        const y = row * (TILE_H + GAP);
        const ink = shade >= props.darkFrom ? '#ffffff' : '#1b1f24';
        const isSelected = props.selected === code;
        return (
          <g key={code} class={`${props.name}__tile${isSelected ? ` ${props.name}__tile--selected` : ''}`}>
            <rect
              x={x + 0.5}
              y={y + 0.5}
              width={TILE_W - 1}
              height={TILE_H - 1}
              rx="4"
              fill={shade < 0 ? EMPTY : props.shades[shade]}
              stroke={isSelected ? '#f2b705' : '#4a5561'}
              stroke-width={isSelected ? 3 : 1}
              stroke-dasharray={shade < 0 && !isSelected ? '3 3' : undefined}
            />
            {tileLines(code, lang, props.country).map((line, i) => (
              <text key={line} x={x + 7} y={y + 15 + i * 13} fill={ink}>
                {line}
              </text>
            ))}
            <text x={x + 7} y={y + TILE_H - 10} fill={ink} font-weight="700" font-size="12">
              {props.figureOf(code)}
            </text>
          </g>
        );
      })}
    </svg>
  );
}
