import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/core/db/client.ts';
import { auditLog } from '../../src/core/audit/schema.ts';
import { userRoles, users } from '../../src/core/auth/schema.ts';
import { runOrtaq } from '../support/cli.ts';
import { engineUnderTest, freshPostgresDatabase } from '../support/database.ts';

/** The real `ortaq` command, against the engine under test: a PGlite folder or a server database. */
let env: Record<string, string>;
let dataDir: string;
beforeAll(async () => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'ortaq-cli-'));
  env = { DATA_DIR: dataDir, LOG_LEVEL: 'silent' };
  if (engineUnderTest() === 'postgres') env.DATABASE_URL = (await freshPostgresDatabase()).url;
});
afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

const ortaq = (...args: string[]) => runOrtaq(args, env);

async function withDb<T>(run: (db: Awaited<ReturnType<typeof openDatabase>>['db']) => Promise<T>): Promise<T> {
  const database = env.DATABASE_URL ? await openDatabase({ databaseUrl: env.DATABASE_URL }) : await openDatabase({ dataDir });
  try {
    return await run(database.db);
  } finally {
    await database.close();
  }
}

describe('the ortaq command', { timeout: 120_000 }, () => {
  it('creates the first administrator, audited, and verifies the audit chain', async () => {
    const created = await ortaq('users', 'create-admin', '--email', 'Chief@Ortaq.kz', '--name', 'Бас әкімші', '--password', 'a very long admin passphrase');
    expect(created.stderr).toBe('');
    expect(created.code).toBe(0);
    expect(created.stdout).toContain('Administrator Chief@Ortaq.kz created.');

    const verified = await ortaq('audit', 'verify');
    expect(verified.code).toBe(0);
    expect(verified.stdout).toContain('Audit log intact: 1 entries verified.');

    await withDb(async (db) => {
      const [admin] = await db.select().from(users).where(eq(users.email, 'chief@ortaq.kz'));
      expect(admin?.emailVerifiedAt).not.toBeNull();
      expect(await db.select().from(userRoles).where(eq(userRoles.userId, admin!.id))).toEqual([expect.objectContaining({ role: 'admin' })]);
      await db.execute(sql`alter table audit_log disable trigger user`);
      await db.execute(sql`update audit_log set changes = '{"role":"volunteer"}'`);
      const [entry] = await db.select({ id: auditLog.id }).from(auditLog);
      expect(entry).toBeDefined();
    });
    const broken = await ortaq('audit', 'verify');
    expect(broken.code).toBe(1);
    expect(broken.stderr).toMatch(/Audit log broken at entry \d+: its content does not match its hash/);
  });

  it('refuses a weak password with a clear message and creates nothing', async () => {
    const res = await ortaq('users', 'create-admin', '--email', 'weak@ortaq.kz', '--password', 'short');
    expect(res.code).toBe(1);
    expect(res.stderr).toContain('The password must be 10 to 200 characters long and not easy to guess.');
    expect(await withDb((db) => db.select().from(users).where(eq(users.email, 'weak@ortaq.kz')))).toEqual([]);
  });

  it('loads the demo data on request, twice without duplicates', async () => {
    expect((await ortaq('seed', '--demo')).code).toBe(0);
    expect((await ortaq('seed', '--demo')).code).toBe(0);
    const count = await withDb(async (db) => (await db.select().from(users).where(eq(users.email, 'admin@ortaq.kz'))).length);
    expect(count).toBe(1);
  });
});
