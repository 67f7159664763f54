import { pipeline } from 'node:stream/promises';
import { Readable } from 'node:stream';
import { from as copyFrom } from 'pg-copy-streams';
import type { Database } from './client.ts';

/** A value COPY can take: null, text, number, boolean, a date, an array of text, or JSON. */
export type CopyValue = string | number | boolean | Date | null | readonly string[] | { json: unknown };

const escapeText = (s: string) => s.replace(/\\/g, '\\\\').replace(/\t/g, '\\t').replace(/\n/g, '\\n').replace(/\r/g, '\\r');
const arrayLiteral = (items: readonly string[]) => `{${items.map((i) => `"${i.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`).join(',')}}`;

function field(value: CopyValue): string {
  if (value === null) return '\\N';
  if (typeof value === 'string') return escapeText(value);
  if (typeof value === 'number') return String(value);
  if (typeof value === 'boolean') return value ? 't' : 'f';
  if (value instanceof Date) return value.toISOString();
  if (Array.isArray(value)) return escapeText(arrayLiteral(value));
  return escapeText(JSON.stringify((value as { json: unknown }).json));
}

const line = (row: readonly CopyValue[]) => `${row.map(field).join('\t')}\n`;

/** Rows per COPY statement into the embedded database, whose input is one blob in memory. */
const PGLITE_CHUNK = 20_000;

/**
 * Writes rows with COPY … FROM STDIN (text format), the bulk path of both engines: a stream
 * through pg-copy-streams on a server, a blob on PGlite. Column names are trusted code, never input.
 */
export async function copyRows(database: Database, table: string, columns: readonly string[], rows: readonly (readonly CopyValue[])[]): Promise<void> {
  if (rows.length === 0) return;
  const target = `${table} (${columns.map((c) => `"${c}"`).join(', ')})`;
  if (database.pglite) {
    for (let i = 0; i < rows.length; i += PGLITE_CHUNK) {
      const blob = new Blob([rows.slice(i, i + PGLITE_CHUNK).map(line).join('')]);
      await database.pglite.query(`COPY ${target} FROM '/dev/blob'`, [], { blob });
    }
    return;
  }
  const client = await database.pool!.connect();
  try {
    async function* text() {
      let batch = '';
      for (const row of rows) {
        batch += line(row);
        if (batch.length > 1 << 20) {
          yield batch;
          batch = '';
        }
      }
      if (batch) yield batch;
    }
    await pipeline(Readable.from(text()), client.query(copyFrom(`COPY ${target} FROM STDIN`)));
  } finally {
    client.release();
  }
}
