/** The whole country, as a region code (ISO 3166-1 of Kazakhstan). */
export const COUNTRY = 'KZ';

/**
 * Kazakhstan's regions as a tile grid for cartograms: every region and city the same square,
 * placed roughly where it lies (column west → east, row north → south), so that small regions
 * count as much as large ones. The last tile, apart, is the whole country.
 */
export const TILES: readonly [code: string, col: number, row: number][] = [
  ['KZ-27', 0, 0],
  ['KZ-15', 1, 0],
  ['KZ-39', 2, 0],
  ['KZ-59', 3, 0],
  ['KZ-55', 4, 0],
  ['KZ-63', 5, 0],
  ['KZ-23', 0, 1],
  ['KZ-62', 1, 1],
  ['KZ-11', 2, 1],
  ['KZ-71', 3, 1],
  ['KZ-10', 4, 1],
  ['KZ-47', 0, 2],
  ['KZ-43', 1, 2],
  ['KZ-35', 2, 2],
  ['KZ-33', 3, 2],
  ['KZ-61', 1, 3],
  ['KZ-31', 2, 3],
  ['KZ-19', 3, 3],
  ['KZ-75', 4, 3],
  ['KZ-79', 1, 4],
  [COUNTRY, 5, 4],
];

export const TILE_W = 112;
export const TILE_H = 66;
export const GAP = 6;
/** The grid's size in SVG units: six columns, five rows. */
export const WIDTH = 6 * (TILE_W + GAP);
export const HEIGHT = 5 * (TILE_H + GAP);
