import fs from 'node:fs';
import { pipeline } from 'node:stream/promises';
import type { PGlite, Transaction } from '@electric-sql/pglite';
import { drizzle as drizzleNodePg } from 'drizzle-orm/node-postgres';
import type pg from 'pg';
import { from as copyFrom, to as copyTo } from 'pg-copy-streams';
import type { Database, Engine, Executor } from '../db/client.ts';

/**
 * One transaction on either engine, with COPY to and from files. Backups and restores go through
 * this so that the same statements run, and the same bytes come out, on PGlite and on a server.
 */
export type Session = {
  engine: Engine;
  /** Drizzle over this transaction, for code that takes an `Executor`. */
  db: Executor;
  query<T>(text: string, params?: unknown[]): Promise<T[]>;
  /** `COPY (query) TO …` in text format, into a file. */
  copyOut(query: string, file: string): Promise<void>;
  /** `COPY target FROM …` in text format, from a file; `target` is `"table" ("column", …)`. */
  copyIn(target: string, file: string): Promise<void>;
};

/**
 * Output settings that make COPY's text the same on every engine and server configuration:
 * instants in UTC, ISO dates, shortest exact floats, hex bytea.
 */
const STABLE_OUTPUT = [
  "set local timezone = 'UTC'",
  "set local datestyle = 'ISO, YMD'",
  "set local intervalstyle = 'postgres'",
  'set local extra_float_digits = 1',
  "set local bytea_output = 'hex'",
];

const COPY_OPTIONS = "(format text, encoding 'UTF8')";

/**
 * Runs `run` in one transaction and commits if it returns. `snapshot` is a read-only
 * REPEATABLE READ transaction: every query sees the same moment. `write` is an ordinary one.
 */
export async function inTransaction<T>(database: Database, mode: 'snapshot' | 'write', run: (session: Session) => Promise<T>): Promise<T> {
  if (database.engine === 'pglite') {
    // The embedded engine's driver is loaded only where it runs (it weighs ~35 MB resident).
    const { drizzle: drizzlePglite } = await import('drizzle-orm/pglite');
    return database.pglite!.transaction(async (tx) => {
      if (mode === 'snapshot') await tx.exec('set transaction isolation level repeatable read, read only');
      for (const statement of STABLE_OUTPUT) await tx.exec(statement);
      return run(pgliteSession(tx, drizzlePglite({ client: tx as unknown as PGlite }) as unknown as Executor));
    });
  }
  const client = await database.pool!.connect();
  let broken: Error | undefined;
  try {
    await client.query(mode === 'snapshot' ? 'begin isolation level repeatable read read only' : 'begin');
    try {
      for (const statement of STABLE_OUTPUT) await client.query(statement);
      const result = await run(serverSession(client));
      await client.query('commit');
      return result;
    } catch (err) {
      await client.query('rollback').catch((rollbackError: Error) => {
        broken = rollbackError;
      });
      throw err;
    }
  } finally {
    client.release(broken);
  }
}

function pgliteSession(tx: Transaction, db: Executor): Session {
  return {
    engine: 'pglite',
    db,
    async query<T>(text: string, params: unknown[] = []) {
      return (await tx.query<T>(text, params)).rows;
    },
    async copyOut(query, file) {
      const result = await tx.query(`copy (${query}) to '/dev/blob' ${COPY_OPTIONS}`);
      await fs.promises.writeFile(file, result.blob ? Buffer.from(await result.blob.arrayBuffer()) : Buffer.alloc(0));
    },
    async copyIn(target, file) {
      await tx.query(`copy ${target} from '/dev/blob' ${COPY_OPTIONS}`, [], { blob: await fs.openAsBlob(file) });
    },
  };
}

function serverSession(client: pg.PoolClient): Session {
  return {
    engine: 'postgres',
    db: drizzleNodePg({ client }) as unknown as Executor,
    async query<T>(text: string, params: unknown[] = []) {
      return (await client.query(text, params)).rows as T[];
    },
    async copyOut(query, file) {
      await pipeline(client.query(copyTo(`copy (${query}) to stdout ${COPY_OPTIONS}`)), fs.createWriteStream(file));
    },
    async copyIn(target, file) {
      await pipeline(fs.createReadStream(file), client.query(copyFrom(`copy ${target} from stdin ${COPY_OPTIONS}`)));
    },
  };
}
