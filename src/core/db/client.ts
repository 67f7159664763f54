import path from 'node:path';
import type { PGlite } from '@electric-sql/pglite';
import type { ExtractTablesWithRelations, SQL } from 'drizzle-orm';
import { drizzle as drizzleNodePg } from 'drizzle-orm/node-postgres';
import type { PgDatabase, PgQueryResultHKT, PgTransaction } from 'drizzle-orm/pg-core';
import pg from 'pg';
import { lockDataDir } from './lock.ts';
import { PreparingClient } from './prepared-client.ts';

/** The one database type the code sees, whichever engine is underneath. */
export type Db = PgDatabase<PgQueryResultHKT, Record<string, never>>;
export type Tx = PgTransaction<PgQueryResultHKT, Record<string, never>, ExtractTablesWithRelations<Record<string, never>>>;
/** Anything that can run a query: the database itself or an open transaction. */
export type Executor = Db | Tx;

export type Engine = 'pglite' | 'postgres';

export type Database = {
  db: Db;
  engine: Engine;
  /** The raw PGlite instance (embedded engine only), for COPY and dumps. */
  pglite?: PGlite;
  /** The raw pool (server engine only). */
  pool?: pg.Pool;
  close(): Promise<void>;
};

export type DatabaseOptions =
  | { databaseUrl: string; poolSize?: number }
  | { dataDir: string; loadDataDir?: Blob }
  | { memory: true; loadDataDir?: Blob };

export async function openDatabase(options: DatabaseOptions): Promise<Database> {
  if ('databaseUrl' in options) {
    const pool = new pg.Pool({ connectionString: options.databaseUrl, max: options.poolSize ?? 10, Client: PreparingClient });
    pool.on('error', () => {
      // An idle client lost its connection; the pool replaces it. Queries in flight still reject.
    });
    return {
      db: drizzleNodePg({ client: pool }) as unknown as Db,
      engine: 'postgres',
      pool,
      close: () => pool.end(),
    };
  }
  let release: (() => void) | undefined;
  let dataDir: string | undefined;
  if ('dataDir' in options) {
    release = lockDataDir(options.dataDir);
    dataDir = path.join(options.dataDir, 'pgdata');
  }
  try {
    // The embedded engine is loaded only when it is the one used: it weighs ~35 MB resident.
    const [{ PGlite }, { pg_trgm }, { unaccent }, { drizzle: drizzlePglite }] = await Promise.all([
      import('@electric-sql/pglite'),
      import('@electric-sql/pglite/contrib/pg_trgm'),
      import('@electric-sql/pglite/contrib/unaccent'),
      import('drizzle-orm/pglite'),
    ]);
    const client = await PGlite.create({
      dataDir,
      extensions: { pg_trgm, unaccent },
      loadDataDir: options.loadDataDir,
    });
    return {
      db: drizzlePglite({ client }) as unknown as Db,
      engine: 'pglite',
      pglite: client,
      close: async () => {
        await client.close();
        release?.();
      },
    };
  } catch (err) {
    release?.();
    throw err;
  }
}

/** Runs raw SQL and returns its rows, typed by the caller; both engines answer with `{ rows }`. */
export async function queryRows<T>(db: Executor, query: SQL): Promise<T[]> {
  const result = (await db.execute(query)) as unknown as { rows: T[] };
  return result.rows;
}
