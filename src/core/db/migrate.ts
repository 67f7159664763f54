import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { migrate as migrateNodePg } from 'drizzle-orm/node-postgres/migrator';
import type { NodePgDatabase } from 'drizzle-orm/node-postgres';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import type { PgliteDatabase } from 'drizzle-orm/pglite';
import { sql } from 'drizzle-orm';
import type { Database } from './client.ts';

export const migrationsFolder = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../drizzle');

/** Applies the generated migrations in code; a second run is a no-op. */
export async function migrateDatabase(database: Database): Promise<void> {
  if (database.engine === 'pglite') {
    await migratePglite(database.db as unknown as PgliteDatabase, { migrationsFolder });
  } else {
    // Two app processes may boot at once against one server: let one migrate, the other wait.
    const client = await database.pool!.connect();
    try {
      await client.query('select pg_advisory_lock(8723401)');
      const { drizzle } = await import('drizzle-orm/node-postgres');
      await migrateNodePg(drizzle({ client }) as NodePgDatabase, { migrationsFolder });
    } finally {
      await client.query('select pg_advisory_unlock(8723401)').catch(() => undefined);
      client.release();
    }
  }
  await database.db.execute(sql`select 1`);
}
