import yauzl from 'yauzl';

/** How far a zip archive (an XLSX, DOCX, ODS…) may unpack before we refuse to open it. */
export type ZipLimits = {
  /** The most bytes all entries together may unpack to. */
  maxUnpackedBytes: number;
  maxEntries: number;
  /** The most the archive may grow when unpacked (unpacked ÷ packed), once it unpacks past `ratioFloorBytes`. */
  maxRatio: number;
  /** Below this many unpacked bytes any ratio is harmless (small XML compresses very well). */
  ratioFloorBytes: number;
};

export const DEFAULT_ZIP_LIMITS: ZipLimits = {
  maxUnpackedBytes: 200 * 1024 * 1024,
  maxEntries: 10_000,
  maxRatio: 100,
  ratioFloorBytes: 10 * 1024 * 1024,
};

export type ZipRefusal = 'TOO_LARGE' | 'TOO_MANY_ENTRIES' | 'RATIO' | 'INVALID';

export class ZipRefusedError extends Error {
  constructor(
    readonly reason: ZipRefusal,
    detail: string,
  ) {
    super(`Zip archive refused (${reason}): ${detail}`);
  }
}

const EOCD_SIGNATURE = Buffer.from([0x50, 0x4b, 0x05, 0x06]);
const EOCD_SIZE = 22;

/**
 * Checks, before anything unpacks a zip archive into memory, that it cannot exhaust it (a "zip
 * bomb"). First what the central directory declares: the number of entries, their total unpacked
 * size and the compression ratio. Then, because declared sizes can lie, every entry is really
 * inflated as a stream and thrown away, counting bytes: yauzl stops an entry that inflates past
 * its declared size, and we stop when the total passes the limit. Memory stays at a few zlib
 * buffers whatever the archive holds.
 *
 * The archive must also end with its end-of-central-directory record and carry no comment, so
 * that every zip reader (exceljs uses JSZip, which takes the last signature it finds) sees the
 * same central directory as this check did. Files written by Excel, LibreOffice and exceljs do.
 */
export async function checkZipArchive(bytes: Buffer, limits: ZipLimits = DEFAULT_ZIP_LIMITS): Promise<void> {
  if (bytes.length < EOCD_SIZE || bytes.lastIndexOf(EOCD_SIGNATURE) !== bytes.length - EOCD_SIZE) {
    throw new ZipRefusedError('INVALID', 'the archive does not end with its central directory');
  }
  let zip: yauzl.ZipFile;
  try {
    zip = await yauzl.fromBufferPromise(bytes, { lazyEntries: true, validateEntrySizes: true, strictFileNames: false });
  } catch (err) {
    throw new ZipRefusedError('INVALID', (err as Error).message);
  }
  if (zip.entryCount > limits.maxEntries) throw new ZipRefusedError('TOO_MANY_ENTRIES', `${zip.entryCount} entries`);

  const entries: yauzl.Entry[] = [];
  let declared = 0;
  try {
    for await (const entry of zip.eachEntry()) {
      entries.push(entry);
      declared += entry.uncompressedSize;
      if (entries.length > limits.maxEntries) throw new ZipRefusedError('TOO_MANY_ENTRIES', `more than ${limits.maxEntries} entries`);
      if (declared > limits.maxUnpackedBytes) throw new ZipRefusedError('TOO_LARGE', `declares more than ${limits.maxUnpackedBytes} bytes`);
    }
  } catch (err) {
    if (err instanceof ZipRefusedError) throw err;
    throw new ZipRefusedError('INVALID', (err as Error).message);
  }
  if (declared > limits.ratioFloorBytes && declared > bytes.length * limits.maxRatio) {
    throw new ZipRefusedError('RATIO', `declares ${declared} bytes in ${bytes.length}`);
  }

  let inflated = 0;
  for (const entry of entries) {
    if (!entry.canDecodeFileData()) throw new ZipRefusedError('INVALID', `${entry.fileName}: encrypted or unknown compression`);
    let stream: NodeJS.ReadableStream;
    try {
      stream = await zip.openReadStreamPromise(entry);
    } catch (err) {
      throw new ZipRefusedError('INVALID', (err as Error).message);
    }
    try {
      for await (const chunk of stream) {
        inflated += (chunk as Buffer).length;
        if (inflated > limits.maxUnpackedBytes) throw new ZipRefusedError('TOO_LARGE', `unpacks to more than ${limits.maxUnpackedBytes} bytes`);
      }
    } catch (err) {
      (stream as unknown as { destroy(): void }).destroy();
      if (err instanceof ZipRefusedError) throw err;
      // Inflating past (or short of) the declared size, or a broken deflate stream.
      throw new ZipRefusedError('INVALID', (err as Error).message);
    }
  }
  if (inflated > limits.ratioFloorBytes && inflated > bytes.length * limits.maxRatio) {
    throw new ZipRefusedError('RATIO', `unpacks to ${inflated} bytes from ${bytes.length}`);
  }
}
