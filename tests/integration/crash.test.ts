import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { count, like } from 'drizzle-orm';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyAuditChain } from '../../src/core/audit/audit-log.ts';
import { openDatabase } from '../../src/core/db/client.ts';
import { makeBin } from '../../src/modules/organisations/bin.ts';
import { IMPORT_BATCH_SIZE } from '../../src/modules/organisations/import-organisations.ts';
import { organisations } from '../../src/modules/organisations/schema.ts';
import { runOrtaq } from '../support/cli.ts';
import { engineUnderTest, freshPostgresDatabase } from '../support/database.ts';

/**
 * An import killed with SIGKILL half-way leaves whole batches only, never half a batch, and
 * running it again completes it: the file ends up fully in, exactly as a clean import.
 */
const ROWS = 12_000;
let dir: string;
let env: Record<string, string>;
let file: string;

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ortaq-crash-'));
  env = { DATA_DIR: dir, LOG_LEVEL: 'silent', DEMO: '0' };
  if (engineUnderTest() === 'postgres') env.DATABASE_URL = (await freshPostgresDatabase()).url;
  const lines = ['bin,legalForm,nameKk,nameRu,regionCode'];
  for (let i = 0; i < ROWS; i++) {
    lines.push(`${makeBin('2301', 10_000 + i * 7)},public-association,«Сынақ ${i}» қоғамдық бірлестігі,ОО «Сынақ ${i}»,KZ-15`);
  }
  file = path.join(dir, 'crash.csv');
  fs.writeFileSync(file, `${lines.join('\n')}\n`);
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const ortaq = (args: string[], killWhen?: () => Promise<boolean>) => runOrtaq(args, env, killWhen);

async function countOnServer(): Promise<number> {
  const client = new pg.Client({ connectionString: env.DATABASE_URL });
  await client.connect();
  try {
    const { rows } = await client.query<{ n: string }>(`select count(*) as n from organisations where name_ru like 'ОО «Сынақ %'`);
    return Number(rows[0]?.n ?? 0);
  } finally {
    await client.end();
  }
}

async function imported(): Promise<{ rows: number; chainIntact: boolean }> {
  const database = env.DATABASE_URL ? await openDatabase({ databaseUrl: env.DATABASE_URL }) : await openDatabase({ dataDir: dir });
  try {
    const [row] = await database.db.select({ n: count() }).from(organisations).where(like(organisations.nameRu, 'ОО «Сынақ %'));
    return { rows: row?.n ?? 0, chainIntact: (await verifyAuditChain(database.db)).firstBreak === null };
  } finally {
    await database.close();
  }
}

describe('an import killed half-way', () => {
  it('keeps whole batches only, and a second run completes it', async () => {
    // The database exists before the import starts, as it would on a running installation.
    expect((await ortaq(['migrate'])).code).toBe(0);
    const importArgs = ['import', 'organisations', file, '--json'];
    // On a server the test watches the rows arrive and kills the import after the first batches;
    // the embedded database allows one process, so there the kill comes after a fixed time.
    const started = Date.now();
    const killWhen = env.DATABASE_URL
      ? async () => (await countOnServer()) >= IMPORT_BATCH_SIZE
      : async () => Date.now() - started > 5_000;
    const killed = await ortaq(importArgs, killWhen);
    const after = await imported();
    if (killed.signal === 'SIGKILL') {
      expect(after.rows % IMPORT_BATCH_SIZE).toBe(0);
      expect(after.rows).toBeLessThan(ROWS);
      if (env.DATABASE_URL) expect(after.rows).toBeGreaterThan(0);
    } else {
      expect(after.rows).toBe(ROWS);
    }
    expect(after.chainIntact).toBe(true);

    const resumed = await ortaq(importArgs);
    expect(resumed.code).toBe(0);
    const summary = JSON.parse(resumed.stdout) as { created: number; unchanged: number; rejected: number };
    expect(summary).toMatchObject({ created: ROWS - after.rows, unchanged: after.rows, rejected: 0 });
    expect(await imported()).toEqual({ rows: ROWS, chainIntact: true });
  }, 180_000);
});
