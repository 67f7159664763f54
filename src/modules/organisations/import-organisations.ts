import { inArray } from 'drizzle-orm';
import type { z } from 'zod';
import { DISTRICTS } from '../../core/geo/districts.ts';
import type { Tx } from '../../core/db/client.ts';
import type { AppContext } from '../../core/module.ts';
import { OrganisationFields } from './inputs.ts';
import { ImportRefusedError, readTable, type Table } from './read-table.ts';
import { fieldOfHeader, REGISTER_FIELDS, REQUIRED_FIELDS, type RegisterField, restoreNeutralised } from './register-columns.ts';
import { type SaveOutcome, saveOrganisations } from './save-organisation.ts';
import { organisations } from './schema.ts';

export { ImportRefusedError } from './read-table.ts';

export type ImportError = { row: number; column: string; code: string };
/** What an import did; printed as JSON by `ortaq import organisations --json`. */
export type ImportSummary = { created: number; updated: number; unchanged: number; rejected: number; errors: ImportError[] };
export type ImportResult = ImportSummary & {
  /** Whether the rows were written: false when an all-or-nothing file had a rejected row. */
  written: boolean;
  /** Field → the header the file gave it, to show errors in the file's own words. */
  headers: Partial<Record<RegisterField, string>>;
  encoding: Table['encoding'];
};

export type ImportInput = {
  bytes: Buffer;
  fileName: string;
  /** Write every row or none: one transaction, nothing written if any row is rejected. */
  allOrNothing: boolean;
  actorId: string | null;
  onProgress?: (progress: { done: number; total: number }) => void;
};

export const IMPORT_BATCH_SIZE = 500;
export const IMPORT_MAX_ROWS = 100_000;

/** Message keys a row's problem can carry; each one's code is its last part in capitals. */
const ROW_ERROR_KEYS = [
  'organisations.error.bin-invalid',
  'organisations.error.legal-form',
  'organisations.error.name-kk',
  'organisations.error.name-ru',
  'organisations.error.region',
  'organisations.error.district',
  'organisations.error.district-region',
  'organisations.error.settlement',
  'organisations.error.status',
  'organisations.error.area',
  'organisations.error.date',
  'organisations.error.phone',
  'organisations.error.website',
  'organisations.error.count',
  'organisations.import.error.bin-duplicate',
  'organisations.import.error.characters-lost',
  'accounts.error.email',
  'form.error.too-long',
] as const;

/** `organisations.error.bin-invalid` → `BIN_INVALID`. */
const errorCodeOfKey = (key: string): string => key.slice(key.lastIndexOf('.') + 1).replace(/-/g, '_').toUpperCase();

const KEY_BY_CODE = new Map<string, string>(ROW_ERROR_KEYS.map((k) => [errorCodeOfKey(k), k]));
/** The message explaining a row error's code; `INVALID` and anything unknown get the generic one. */
export const rowErrorMessageKey = (code: string): string => KEY_BY_CODE.get(code) ?? 'form.error.invalid';
export const refusalMessageKey = (code: string): string => `organisations.import.refused.${code.toLowerCase().replace(/_/g, '-')}`;

/** A zod issue's code: from its message key, or `INVALID` for zod's own English messages. */
function codeOfIssue(message: string): string {
  if (!/^[a-z][\w-]*(\.[\w-]+)+$/.test(message)) return 'INVALID';
  const code = errorCodeOfKey(message);
  // A key added to the schema later still gets its own code and message.
  if (!KEY_BY_CODE.has(code)) KEY_BY_CODE.set(code, message);
  return code;
}

type Fields = z.infer<typeof OrganisationFields>;
type Valid = { row: number; fields: Fields };

/** Maps the header to fields; refuses unknown-encoding headers, missing required and repeated columns. */
function columnsOf(table: Table): { index: Map<RegisterField, number>; headers: Partial<Record<RegisterField, string>> } {
  const index = new Map<RegisterField, number>();
  const headers: Partial<Record<RegisterField, string>> = {};
  let unknown = 0;
  table.header.forEach((header, i) => {
    if (!header.trim()) return;
    const field = fieldOfHeader(header);
    if (!field) {
      unknown++;
      return;
    }
    if (index.has(field)) throw new ImportRefusedError('COLUMN_DUPLICATE', { column: header.trim() });
    index.set(field, i);
    headers[field] = header.trim();
  });
  // Windows-1251 is a guess: believe it only if the decoded header is exactly our layout.
  if (table.encoding === 'windows-1251' && (unknown > 0 || index.size === 0)) throw new ImportRefusedError('ENCODING');
  const missing = REQUIRED_FIELDS.filter((f) => !index.has(f));
  if (missing.length > 0) throw new ImportRefusedError('COLUMNS_MISSING', { columns: missing.join(', ') });
  return { index, headers };
}

/**
 * Imports organisations from a CSV or XLSX file (docs/import-organisations.md). Every row is
 * validated; valid rows are created or updated by BIN through `saveOrganisations` (the batch
 * form of `saveOrganisation`: same outcomes, same audit entries), so importing
 * the same file twice changes nothing. Rows are written in batches of 500, each batch one
 * transaction, so an import stopped half-way leaves whole batches and converges when run again.
 * With `allOrNothing`, one transaction, and nothing is written if any row is rejected.
 * A column missing from the file leaves that field of existing organisations as it is.
 * Throws `ImportRefusedError` for a file it cannot read as the layout (type, encoding, columns).
 */
export async function importOrganisations(ctx: Pick<AppContext, 'db'>, input: ImportInput): Promise<ImportResult> {
  const table = await readTable(input.bytes, input.fileName, {
    maxRows: IMPORT_MAX_ROWS,
    binColumn: (header) => header.findIndex((h) => fieldOfHeader(h) === 'bin'),
  });
  const { index, headers } = columnsOf(table);
  const errors: ImportError[] = [];
  const rejectedRows = new Set<number>();
  const reject = (row: number, column: string, code: string) => {
    errors.push({ row, column, code });
    rejectedRows.add(row);
  };

  // 1. Validate every row, with no database work.
  const valid: Valid[] = [];
  const firstRowOfBin = new Map<string, number>();
  for (const { row, cells } of table.rows) {
    const raw: Record<string, string> = {};
    for (const [field, i] of index) {
      const value = restoreNeutralised(cells[i] ?? '').trim();
      if (value !== '') raw[field] = field === 'registeredOn' ? isoDate(value) : value;
    }
    if (table.encoding === 'windows-1251') {
      // Windows-1251 has no Ә, Ғ, Қ, Ң, Ө, Ұ, Ү, Һ: Excel wrote "?" in their place. Never store that.
      for (const [field, value] of Object.entries(raw)) if (/\?\p{L}/u.test(value)) reject(row, field, 'CHARACTERS_LOST');
    }
    const parsed = OrganisationFields.safeParse(raw);
    const bin = parsed.success ? parsed.data.bin : OrganisationFields.shape.bin.safeParse(raw.bin ?? '').data;
    if (bin !== undefined) {
      const first = firstRowOfBin.get(bin);
      if (first === undefined) firstRowOfBin.set(bin, row);
      else reject(row, 'bin', 'BIN_DUPLICATE');
    }
    if (!parsed.success) {
      const seen = new Set<string>();
      for (const issue of parsed.error.issues) {
        const column = issue.path.length ? String(issue.path[0]) : '';
        if (seen.has(column)) continue;
        seen.add(column);
        reject(row, column, codeOfIssue(issue.message));
      }
    }
    if (parsed.success && !rejectedRows.has(row)) valid.push({ row, fields: parsed.data });
  }

  // 2. Write the valid rows: in batches, or all in one transaction.
  const absent = REGISTER_FIELDS.filter((f) => !index.has(f));
  const counts = { created: 0, updated: 0, unchanged: 0 };
  const tally = (outcomes: SaveOutcome[]) => {
    for (const { outcome } of outcomes) counts[outcome]++;
  };
  const batches: Valid[][] = [];
  for (let i = 0; i < valid.length; i += IMPORT_BATCH_SIZE) batches.push(valid.slice(i, i + IMPORT_BATCH_SIZE));
  const total = valid.length;
  input.onProgress?.({ done: 0, total });

  /** Writes one batch in `tx`. Rows that contradict the record on file (see keepAbsent) come back unwritten. */
  const writeBatch = async (tx: Tx, batch: Valid[]) => {
    const existing = absent.length ? await existingByBin(tx, batch) : new Map<string, Existing>();
    const late: ImportError[] = [];
    const ready: Fields[] = [];
    for (const item of batch) {
      const before = existing.get(item.fields.bin);
      const fields = before ? keepAbsent(item.fields, before, absent) : item.fields;
      if (fields.districtKato && DISTRICTS.find((d) => d.kato === fields.districtKato)?.regionCode !== fields.regionCode) {
        late.push({ row: item.row, column: index.has('districtKato') ? 'districtKato' : 'regionCode', code: 'DISTRICT_REGION' });
        continue;
      }
      ready.push(fields);
    }
    return { outcomes: await saveOrganisations(tx, ready, { actorId: input.actorId, action: 'organisation.import' }), late };
  };

  let written = true;
  if (input.allOrNothing) {
    if (rejectedRows.size > 0) written = false;
    else {
      const outcomes = await retryOnConflict(() =>
        ctx.db.transaction(async (tx) => {
          const all: SaveOutcome[] = [];
          const late: ImportError[] = [];
          for (const [i, batch] of batches.entries()) {
            const r = await writeBatch(tx, batch);
            all.push(...r.outcomes);
            late.push(...r.late);
            input.onProgress?.({ done: Math.min(total, (i + 1) * IMPORT_BATCH_SIZE), total });
          }
          if (late.length > 0) throw new RolledBack(late);
          return all;
        }),
      ).catch((err: unknown) => {
        if (!(err instanceof RolledBack)) throw err;
        for (const e of err.late) reject(e.row, e.column, e.code);
        return null;
      });
      if (outcomes) tally(outcomes);
      else written = false;
    }
  } else {
    let done = 0;
    for (const batch of batches) {
      const r = await retryOnConflict(() => ctx.db.transaction((tx) => writeBatch(tx, batch)));
      tally(r.outcomes);
      for (const e of r.late) reject(e.row, e.column, e.code);
      done += batch.length;
      input.onProgress?.({ done, total });
    }
  }

  const order = new Map<string, number>(REGISTER_FIELDS.map((f, i) => [f, i]));
  errors.sort((a, b) => a.row - b.row || (order.get(a.column) ?? -1) - (order.get(b.column) ?? -1));
  return { ...counts, rejected: rejectedRows.size, errors, written, headers, encoding: table.encoding };
}

/** Thrown inside the all-or-nothing transaction to roll it back. */
class RolledBack extends Error {
  constructor(readonly late: ImportError[]) {
    super('rolled back');
  }
}

/**
 * Another import (or a person) may insert the same new BIN between our read and our insert; the
 * unique index then refuses our transaction (or two imports deadlock on each other's rows). Run it
 * once more: the row is found and updated.
 */
async function retryOnConflict<T>(run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (err) {
    if (!isConflict(err)) throw err;
    return run();
  }
}

function isConflict(err: unknown): boolean {
  let e = err;
  for (let depth = 0; depth < 5 && e && typeof e === 'object'; depth++) {
    const code = (e as { code?: unknown }).code;
    if (code === '23505' || code === '40P01') return true;
    e = (e as { cause?: unknown }).cause;
  }
  return false;
}

/** Excel with Kazakh or Russian settings writes dates as DD.MM.YYYY in CSV; the layout's form is YYYY-MM-DD. */
function isoDate(value: string): string {
  const dotted = /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/.exec(value);
  return dotted ? `${dotted[3]}-${dotted[2]!.padStart(2, '0')}-${dotted[1]!.padStart(2, '0')}` : value;
}

type Existing = typeof organisations.$inferSelect;

async function existingByBin(tx: Tx, batch: Valid[]): Promise<Map<string, Existing>> {
  const rows = await tx
    .select()
    .from(organisations)
    .where(
      inArray(
        organisations.bin,
        batch.map((v) => v.fields.bin),
      ),
    )
    .for('update');
  return new Map(rows.map((r) => [r.bin, r]));
}

/** The file's values, with the fields of columns the file does not have kept from the existing record. */
function keepAbsent(fields: Fields, existing: Existing, absent: readonly RegisterField[]): Fields {
  const merged: Record<string, unknown> = { ...fields };
  for (const field of absent) merged[field] = existing[field] ?? undefined;
  return merged as Fields;
}

/** The summary as `--json` prints it: exactly these five fields. */
export function summaryJson(result: ImportSummary): ImportSummary {
  return { created: result.created, updated: result.updated, unchanged: result.unchanged, rejected: result.rejected, errors: result.errors };
}
