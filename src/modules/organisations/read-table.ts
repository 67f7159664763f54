import { parse } from 'csv-parse/sync';
import type ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { checkZipArchive, DEFAULT_ZIP_LIMITS, type ZipLimits, ZipRefusedError } from '../../core/files/zip-guard.ts';

/** Why a whole file is refused before any of its rows is looked at; each has a translated message. */
export type RefusalCode =
  | 'FILE_TYPE'
  | 'FILE_UNREADABLE'
  | 'FILE_EMPTY'
  | 'ENCODING'
  | 'COLUMNS_MISSING'
  | 'COLUMN_DUPLICATE'
  | 'TOO_MANY_ROWS'
  | 'UNPACKS_TOO_LARGE';

export class ImportRefusedError extends Error {
  constructor(
    readonly code: RefusalCode,
    readonly params: Record<string, string | number> = {},
  ) {
    super(`Import refused: ${code}`);
  }
}

/** One line of a file: `row` is its number as a spreadsheet shows it (the header is row 1). */
export type TableRow = { row: number; cells: string[] };
export type Table = {
  format: 'csv' | 'xlsx';
  encoding: 'utf-8' | 'windows-1251' | null;
  /** CSV only: the delimiter found in the header line. */
  delimiter: ',' | ';' | null;
  header: string[];
  rows: TableRow[];
};

const ZIP_MAGIC = Buffer.from([0x50, 0x4b, 0x03, 0x04]);
const UTF8_BOM = Buffer.from([0xef, 0xbb, 0xbf]);

function formatOf(bytes: Buffer, fileName: string): 'csv' | 'xlsx' {
  const ext = /\.([^.]+)$/.exec(fileName)?.[1]?.toLowerCase() ?? '';
  const zip = bytes.subarray(0, 4).equals(ZIP_MAGIC);
  if (ext === 'xlsx' && zip) return 'xlsx';
  if ((ext === 'csv' || ext === 'txt') && !zip) return 'csv';
  throw new ImportRefusedError('FILE_TYPE');
}

/** Characters that are neither letters nor ASCII but are common in Russian and Kazakh text. */
const NEUTRAL = /[\u00a0\u00ab\u00bb\u00b7\u2013\u2014\u2018\u2019\u201c\u201d\u201e\u2026\u2116]/u;

/**
 * Whether text decoded as Windows-1251 reads as Cyrillic rather than as another encoding's bytes:
 * nearly every non-ASCII character is a Cyrillic letter, and words do not switch from lower to
 * upper case inside (which is how KOI8-R read as Windows-1251 looks).
 */
export function looksLikeCyrillic(text: string): boolean {
  let other = 0;
  let cyrillic = 0;
  let caseFlips = 0;
  let previousLower = false;
  for (const ch of text) {
    const code = ch.codePointAt(0)!;
    const isCyrillic = code >= 0x400 && code <= 0x4ff;
    if (isCyrillic) {
      cyrillic++;
      const lower = ch !== ch.toUpperCase();
      if (previousLower && !lower) caseFlips++;
      previousLower = lower;
      continue;
    }
    previousLower = false;
    if (code >= 0x80 && !NEUTRAL.test(ch)) other++;
  }
  if (cyrillic === 0) return false;
  return other <= cyrillic * 0.05 && caseFlips <= cyrillic * 0.02;
}

function decodeText(bytes: Buffer): { text: string; encoding: 'utf-8' | 'windows-1251' } {
  const body = bytes.subarray(0, 3).equals(UTF8_BOM) ? bytes.subarray(3) : bytes;
  // A text file never holds a NUL byte: this is UTF-16 or binary, whatever it decodes to.
  if (body.includes(0)) throw new ImportRefusedError('ENCODING');
  try {
    return { text: new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(body), encoding: 'utf-8' };
  } catch {
    // Not UTF-8. Officials' Excel on a Russian Windows saves "CSV" in Windows-1251; accept that only
    // when the result reads as Cyrillic (the header is checked against the layout afterwards).
    const text = iconv.decode(body, 'win1251');
    if (!looksLikeCyrillic(text)) throw new ImportRefusedError('ENCODING');
    return { text, encoding: 'windows-1251' };
  }
}

/** The delimiter of the header line: the one of `;` and `,` that appears more often outside quotes. */
function delimiterOf(text: string): ',' | ';' {
  let semicolons = 0;
  let commas = 0;
  let quoted = false;
  for (const ch of text) {
    if (ch === '"') quoted = !quoted;
    else if (!quoted && (ch === '\n' || ch === '\r')) break;
    else if (!quoted && ch === ';') semicolons++;
    else if (!quoted && ch === ',') commas++;
  }
  return semicolons > commas ? ';' : ',';
}

const isBlank = (cells: string[]) => cells.every((c) => c.trim() === '');

function splitHeader(records: TableRow[], maxRows: number): { header: string[]; rows: TableRow[] } {
  const first = records.findIndex((r) => !isBlank(r.cells));
  if (first < 0) throw new ImportRefusedError('FILE_EMPTY');
  const rows = records.slice(first + 1).filter((r) => !isBlank(r.cells));
  if (rows.length === 0) throw new ImportRefusedError('FILE_EMPTY');
  if (rows.length > maxRows) throw new ImportRefusedError('TOO_MANY_ROWS', { max: maxRows });
  return { header: records[first]!.cells, rows };
}

function readCsv(bytes: Buffer, maxRows: number): Table {
  const { text, encoding } = decodeText(bytes);
  const delimiter = delimiterOf(text);
  let records: { record: string[]; info: { records: number } }[];
  try {
    // relax_quotes: a quote inside an unquoted cell (ОО "Ақ жол") is text, as Excel reads it.
    records = parse(text, { delimiter, relax_column_count: true, relax_quotes: true, skip_empty_lines: false, info: true, bom: true }) as unknown as typeof records;
  } catch (err) {
    const line = (err as { lines?: number }).lines;
    throw new ImportRefusedError('FILE_UNREADABLE', { line: line ?? 0 });
  }
  // A record is one row in a spreadsheet, even when a quoted cell spans several lines.
  const table = splitHeader(
    records.map((r) => ({ row: r.info.records, cells: r.record })),
    maxRows,
  );
  return { format: 'csv', encoding, delimiter, ...table };
}

const pad2 = (n: number) => String(n).padStart(2, '0');

/** A cell as the text a person sees in it; dates as YYYY-MM-DD. */
export function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return Number.isInteger(value) ? value.toFixed(0) : String(value);
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (value instanceof Date) {
    if (Number.isNaN(value.getTime())) return '';
    return `${value.getUTCFullYear()}-${pad2(value.getUTCMonth() + 1)}-${pad2(value.getUTCDate())}`;
  }
  if ('richText' in value) return value.richText.map((r) => r.text).join('');
  if ('hyperlink' in value) return typeof value.text === 'string' ? value.text : cellText(value.text as ExcelJS.CellValue);
  if ('formula' in value || 'sharedFormula' in value) return cellText((value as { result?: ExcelJS.CellValue }).result ?? null);
  if ('error' in value) return String(value.error);
  return '';
}

/**
 * exceljs unpacks the whole workbook into memory, so a small file that unpacks to gigabytes (a zip
 * bomb) would exhaust it: the archive is checked first, its declared and its real sizes.
 */
async function checkArchive(bytes: Buffer, limits: ZipLimits): Promise<void> {
  try {
    await checkZipArchive(bytes, limits);
  } catch (err) {
    if (!(err instanceof ZipRefusedError)) throw err;
    if (err.reason === 'INVALID') throw new ImportRefusedError('FILE_UNREADABLE', { line: 0 });
    throw new ImportRefusedError('UNPACKS_TOO_LARGE', { max: Math.floor(limits.maxUnpackedBytes / 1048576) });
  }
}

async function readXlsx(bytes: Buffer, options: ReadOptions): Promise<Table> {
  await checkArchive(bytes, options.zipLimits ?? DEFAULT_ZIP_LIMITS);
  // exceljs is ~30 MB resident: loaded when a spreadsheet is first read or written, not at start.
  const { default: Excel } = await import('exceljs');
  const workbook = new Excel.Workbook();
  try {
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch {
    throw new ImportRefusedError('FILE_UNREADABLE', { line: 0 });
  }
  const sheet = workbook.worksheets[0];
  if (!sheet) throw new ImportRefusedError('FILE_EMPTY');
  const records: { row: number; values: ExcelJS.CellValue[] }[] = [];
  sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const values: ExcelJS.CellValue[] = [];
    for (let i = 1; i <= row.cellCount; i++) values.push(row.getCell(i).value);
    records.push({ row: rowNumber, values });
  });
  const table = splitHeader(
    records.map((r) => ({ row: r.row, cells: r.values.map(cellText) })),
    options.maxRows,
  );
  // A BIN typed into Excel as a number has lost its leading zeros (BINs of 2000–2009 start with 0).
  const binIndex = options.binColumn?.(table.header) ?? -1;
  if (binIndex >= 0) {
    const raw = new Map(records.map((r) => [r.row, r.values[binIndex]]));
    for (const r of table.rows) {
      const value = raw.get(r.row);
      if (typeof value === 'number' && Number.isInteger(value) && value > 0 && value < 1e12) r.cells[binIndex] = value.toFixed(0).padStart(12, '0');
    }
  }
  return { format: 'xlsx', encoding: null, delimiter: null, ...table };
}

type ReadOptions = {
  maxRows: number;
  /** The 0-based index of the BIN column in a header, or -1. */
  binColumn?: (header: string[]) => number;
  /** How far an XLSX file may unpack; the defaults suit any register file. */
  zipLimits?: ZipLimits;
};

/**
 * Reads an import file into its header and rows. CSV: UTF-8 with or without BOM, or Windows-1251
 * that reads as Cyrillic; comma or semicolon. XLSX: the first worksheet. Refuses, with a code,
 * anything else.
 */
export async function readTable(bytes: Buffer, fileName: string, options: ReadOptions): Promise<Table> {
  const format = formatOf(bytes, fileName);
  return format === 'csv' ? readCsv(bytes, options.maxRows) : readXlsx(bytes, options);
}
