import { execFileSync } from 'node:child_process';
import jsQR from 'jsqr';

/** The QR code printed on a PDF's first page, read back: the page rendered in grey by poppler, then searched. */
export function qrOfPdf(bytes: Buffer): string | null {
  const pgm = execFileSync('/usr/bin/pdftoppm', ['-gray', '-r', '150', '-f', '1', '-l', '1', '-'], { input: bytes, maxBuffer: 64 * 1024 * 1024 });
  const header = /^P5\s+(\d+)\s+(\d+)\s+255\s/.exec(pgm.subarray(0, 40).toString('latin1'));
  if (!header) throw new Error('pdftoppm did not give a PGM');
  const [width, height] = [Number(header[1]), Number(header[2])];
  const grey = pgm.subarray(header[0].length);
  const rgba = new Uint8ClampedArray(width * height * 4);
  for (let i = 0; i < width * height; i++) rgba.set([grey[i]!, grey[i]!, grey[i]!, 255], i * 4);
  return jsQR(rgba, width, height)?.data ?? null;
}
