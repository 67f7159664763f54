import path from 'node:path';
import { migrate as migrateNodePg } from 'drizzle-orm/node-postgres/migrator';
import type { NodePgDatabase } from 'drizzle-orm/node-postgres';
import type { PgliteDatabase } from 'drizzle-orm/pglite';
import { sql } from 'drizzle-orm';
import type { Database } from './client.ts';
import { ROOT } from '../paths/root.ts';

export const migrationsFolder = path.join(ROOT, 'drizzle');

/** Applies the generated migrations in code; a second run is a no-op. */
export async function migrateDatabase(database: Database): Promise<void> {
  if (database.engine === 'pglite') {
    const { migrate: migratePglite } = await import('drizzle-orm/pglite/migrator');
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
