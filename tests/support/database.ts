import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import pg from 'pg';
import { inject } from 'vitest';
import { type Database, openDatabase } from '../../src/core/db/client.ts';

/** A fresh, migrated database of the engine under test, for one test file. */
export async function freshDatabase(): Promise<Database> {
  if (inject('engine') === 'pglite') {
    const bytes = fs.readFileSync(inject('pgliteTemplate'));
    return openDatabase({ memory: true, loadDataDir: new Blob([bytes]) });
  }
  const { url, name, adminUrl } = await freshPostgresDatabase();
  const database = await openDatabase({ databaseUrl: url, poolSize: 5 });
  return {
    ...database,
    async close() {
      await database.close();
      const cleanup = new pg.Client({ connectionString: adminUrl });
      await cleanup.connect();
      await cleanup.query(`drop database if exists ${name}`).finally(() => cleanup.end());
    },
  };
}

/** A new database on the test server, copied from the migrated template; for tests that open several pools. */
export async function freshPostgresDatabase(): Promise<{ url: string; name: string; adminUrl: string }> {
  const adminUrl = inject('postgresUrl');
  const name = `test_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    await admin.query(`create database ${name} template ortaq_template`);
  } finally {
    await admin.end();
  }
  return { url: adminUrl.replace(/\/postgres$/, `/${name}`), name, adminUrl };
}

export const engineUnderTest = () => inject('engine');
