/**
 * Draws the web app's icons once: public/icons/icon-192.png and icon-512.png. The brand's dark
 * blue filled to the edges (so the icon can be masked to any shape), a white ring and a yellow
 * dot kept inside the central safe zone. Run with `npx tsx scripts/make-icons.ts`; the PNGs are
 * committed.
 */
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

type Png = { data: Buffer };
type PngModule = { PNG: { new (o: { width: number; height: number }): Png; sync: { write(png: Png): Buffer } } };
const { PNG } = createRequire(import.meta.url)('pngjs') as PngModule;

const BACKGROUND = [0x08, 0x47, 0x6a] as const;
const RING = [0xff, 0xff, 0xff] as const;
const DOT = [0xf2, 0xb7, 0x05] as const;
/** Samples per pixel side: edges are smoothed by averaging. */
const SAMPLES = 4;

/** The colour at a point of the unit square (0…1 on both axes). */
function colourAt(x: number, y: number): readonly [number, number, number] {
  const r = Math.hypot(x - 0.5, y - 0.5);
  if (Math.hypot(x - 0.64, y - 0.36) < 0.075) return DOT;
  if (r > 0.2 && r < 0.3) return RING;
  return BACKGROUND;
}

function icon(size: number): Buffer {
  const png = new PNG({ width: size, height: size });
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      const sum = [0, 0, 0];
      for (let sy = 0; sy < SAMPLES; sy++) {
        for (let sx = 0; sx < SAMPLES; sx++) {
          const c = colourAt((px + (sx + 0.5) / SAMPLES) / size, (py + (sy + 0.5) / SAMPLES) / size);
          for (let i = 0; i < 3; i++) sum[i]! += c[i]!;
        }
      }
      const at = (py * size + px) * 4;
      for (let i = 0; i < 3; i++) png.data[at + i] = Math.round(sum[i]! / (SAMPLES * SAMPLES));
      png.data[at + 3] = 255;
    }
  }
  return PNG.sync.write(png);
}

const out = path.resolve(import.meta.dirname, '../public/icons');
fs.mkdirSync(out, { recursive: true });
for (const size of [192, 512]) fs.writeFileSync(path.join(out, `icon-${size}.png`), icon(size));
