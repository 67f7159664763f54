import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { openDatabase } from '../../src/core/db/client.ts';
import { migrateDatabase } from '../../src/core/db/migrate.ts';
import { startPostgres } from './postgres-server.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    engine: 'pglite' | 'postgres';
    pgliteTemplate: string;
    postgresUrl: string;
  }
}

/**
 * Migrates one template database per run; every test file then gets its own copy of it:
 * a PGlite loaded from the dumped data folder, or a server database created from the template.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const engine = process.env.TEST_DATABASE === 'postgres' ? 'postgres' : 'pglite';
  project.provide('engine', engine);
  if (engine === 'pglite') {
    const database = await openDatabase({ memory: true });
    await migrateDatabase(database);
    const dump = (await database.pglite!.dumpDataDir('none')) as Blob;
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'ortaq-test-')), 'template.tar');
    fs.writeFileSync(file, Buffer.from(await dump.arrayBuffer()));
    await database.close();
    project.provide('pgliteTemplate', file);
    project.provide('postgresUrl', '');
    return async () => fs.rmSync(path.dirname(file), { recursive: true, force: true });
  }
  const server = await startPostgres();
  const admin = new pg.Client({ connectionString: server.url('postgres') });
  await admin.connect();
  await admin.query('create database ortaq_template');
  await admin.end();
  const template = await openDatabase({ databaseUrl: server.url('ortaq_template'), poolSize: 2 });
  await migrateDatabase(template);
  await template.close();
  project.provide('pgliteTemplate', '');
  project.provide('postgresUrl', server.url('postgres'));
  return async () => server.stop();
}
