import { sql } from 'drizzle-orm';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Database, openDatabase, queryRows } from '../../src/core/db/client.ts';
import { engineUnderTest, freshPostgresDatabase } from '../support/database.ts';

describe.runIf(engineUnderTest() === 'postgres')('statements on a PostgreSQL connection', () => {
  let database: Database;
  let adminUrl: string;
  let name: string;
  beforeAll(async () => {
    const fresh = await freshPostgresDatabase();
    ({ adminUrl, name } = fresh);
    // One connection, so every statement below meets the same server session.
    database = await openDatabase({ databaseUrl: fresh.url, poolSize: 1 });
  });
  afterAll(async () => {
    await database.close();
    const admin = new pg.Client({ connectionString: adminUrl });
    await admin.connect();
    await admin.query(`drop database if exists ${name}`).finally(() => admin.end());
  });

  const prepared = () => queryRows<{ statement: string }>(database.db, sql`select statement from pg_prepared_statements`);

  it('prepares a statement with parameters once and reuses it, and leaves those without parameters unprepared', async () => {
    const read = (n: number) => queryRows<{ n: number }>(database.db, sql`select ${n}::int * 2 as n`);
    expect(await read(2)).toEqual([{ n: 4 }]);
    expect(await read(5)).toEqual([{ n: 10 }]);
    await queryRows(database.db, sql`select 'no parameters' as text`);
    const statements = (await prepared()).map((s) => s.statement);
    expect(statements.filter((s) => s.includes('* 2 as n'))).toHaveLength(1);
    expect(statements.some((s) => s.includes('no parameters'))).toBe(false);
  });

  it('sends a statement of more than a hundred parameters (a bulk write) unprepared', async () => {
    const terms = Array.from({ length: 101 }, (_, i) => sql`${i}::int`);
    const [row] = await queryRows<{ total: number }>(database.db, sql`select ${sql.join(terms, sql` + `)} as total`);
    expect(row!.total).toBe(5050);
    expect((await prepared()).some((s) => s.statement.includes('as total'))).toBe(false);
  });

  it('runs prepared statements inside a transaction that rolls back', async () => {
    await database.db.execute(sql`create table prepared_probe (n int)`);
    await expect(
      database.db.transaction(async (tx) => {
        await tx.execute(sql`insert into prepared_probe values (${1})`);
        throw new Error('undo');
      }),
    ).rejects.toThrow('undo');
    await database.db.execute(sql`insert into prepared_probe values (${2})`);
    expect(await queryRows(database.db, sql`select n from prepared_probe`)).toEqual([{ n: 2 }]);
  });

  it('keeps at most 256 statements prepared on a connection and still answers the ones beyond', async () => {
    for (let i = 0; i < 300; i++) {
      const [row] = await queryRows<{ n: number }>(database.db, sql`select ${i}::int + ${sql.raw(String(i))} as n`);
      expect(row!.n).toBe(2 * i);
    }
    expect(await prepared()).toHaveLength(256);
  });
});
