import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { sql } from 'drizzle-orm';
import pg from 'pg';
import tar from 'tar-stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildContext } from '../../src/app.ts';
import { loadConfig } from '../../src/config.ts';
import { recordAudit, verifyAuditChain } from '../../src/core/audit/audit-log.ts';
import { auditLog } from '../../src/core/audit/schema.ts';
import { BackupError } from '../../src/core/backup/backup-error.ts';
import { loadOrder } from '../../src/core/backup/catalog.ts';
import { createBackup } from '../../src/core/backup/create-backup.ts';
import { restoreBackup } from '../../src/core/backup/restore-backup.ts';
import { type Database, type Db, openDatabase, queryRows } from '../../src/core/db/client.ts';
import { seedDemo } from '../../src/core/demo/seed.ts';
import { files } from '../../src/core/files/schema.ts';
import { storeUpload } from '../../src/core/files/store-upload.ts';
import type { AppContext } from '../../src/core/module.ts';
import { runOrtaq } from '../support/cli.ts';
import { engineUnderTest, freshDatabase, freshPostgresDatabase } from '../support/database.ts';
import { type PostgresServer, startPostgres } from '../support/postgres-server.ts';

/**
 * Backups from and into both engines: the engine under test, and the other one (an in-memory
 * PGlite, or a throwaway PostgreSQL server), so a region can move from one to the other.
 */
type Place = { ctx: AppContext; dataDir: string; close(): Promise<void> };

const work = fs.mkdtempSync(path.join(os.tmpdir(), 'ortaq-backup-test-'));
const places: Place[] = [];
let server: PostgresServer | undefined;

async function place(database: Database, close: () => Promise<void> = () => database.close()): Promise<Place> {
  const dataDir = fs.mkdtempSync(path.join(work, 'data-'));
  const ctx = await buildContext(loadConfig({ NODE_ENV: 'test', DATA_DIR: dataDir, LOG_LEVEL: 'silent' }), database);
  const p = { ctx, dataDir, close };
  places.push(p);
  return p;
}

/** A fresh database of the engine under test. */
const sameEngine = async () => place(await freshDatabase());

/** A fresh, migrated database of the other engine. */
async function otherEngine(): Promise<Place> {
  if (engineUnderTest() === 'postgres') return place(await openDatabase({ memory: true }));
  server ??= await startPostgres();
  const name = `backup_${places.length}`;
  const admin = new pg.Client({ connectionString: server.url('postgres') });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  return place(await openDatabase({ databaseUrl: server.url(name), poolSize: 2 }));
}

/** Every application table, row by row in primary-key order, as JSON. */
async function tablesOf(db: Db): Promise<Record<string, unknown[]>> {
  return db.transaction(async (tx) => {
    await tx.execute(sql`set local timezone = 'UTC'`);
    const tables = await queryRows<{ name: string; pk: string[] }>(
      tx,
      sql`select c.relname as name,
            array(select quote_ident(a.attname) || case when a.attcollation <> 0 then ' collate "C"' else '' end
                  from pg_index i join pg_attribute a on a.attrelid = i.indrelid and a.attnum = any(i.indkey)
                  where i.indrelid = c.oid and i.indisprimary order by array_position(i.indkey::int2[], a.attnum)) as pk
          from pg_class c join pg_namespace n on n.oid = c.relnamespace
          where n.nspname = 'public' and c.relkind = 'r' order by c.relname collate "C"`,
    );
    const out: Record<string, unknown[]> = {};
    for (const t of tables) {
      expect(t.pk.length, `${t.name} has a primary key`).toBeGreaterThan(0);
      const rows = await queryRows<{ j: string }>(tx, sql.raw(`select row_to_json(t)::text as j from "${t.name}" t order by ${t.pk.join(', ')}`));
      out[t.name] = rows.map((r) => JSON.parse(r.j));
    }
    return out;
  });
}

async function blobBytes(ctx: AppContext, sha256: string): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of ctx.blobs.open(sha256) as AsyncIterable<Buffer>) chunks.push(chunk);
  return Buffer.concat(chunks);
}

/** The restored place holds exactly what the source holds: every table and every file's bytes. */
async function expectSameContent(source: Place, target: Place): Promise<void> {
  const [want, got] = [await tablesOf(source.ctx.db), await tablesOf(target.ctx.db)];
  expect(Object.keys(got)).toEqual(Object.keys(want));
  for (const table of Object.keys(want)) expect(got[table], table).toEqual(want[table]);
  const stored = await source.ctx.db.select().from(files);
  expect(stored.length).toBeGreaterThan(0);
  for (const f of stored) expect((await blobBytes(target.ctx, f.sha256)).equals(await blobBytes(source.ctx, f.sha256))).toBe(true);
  expect(await verifyAuditChain(target.ctx.db)).toEqual({ checked: want.audit_log!.length, firstBreak: null });
}

async function refusal(promise: Promise<unknown>): Promise<BackupError> {
  try {
    await promise;
  } catch (err) {
    if (err instanceof BackupError) return err;
    throw err;
  }
  throw new Error('expected the backup to be refused');
}

/** What a freshly migrated database holds: the reference data its migrations load, and nothing else. */
let migratedOnly: Record<string, unknown[]> | undefined;
async function freshlyMigrated(): Promise<Record<string, unknown[]>> {
  if (!migratedOnly) {
    const database = await freshDatabase();
    try {
      migratedOnly = await tablesOf(database.db);
    } finally {
      await database.close();
    }
  }
  return migratedOnly;
}

/** Nothing at all was written: every table as the migrations left it, no uploaded file. */
async function expectUntouched(target: Place): Promise<void> {
  const fresh = await freshlyMigrated();
  for (const [table, rows] of Object.entries(await tablesOf(target.ctx.db))) expect(rows, table).toEqual(fresh[table] ?? []);
  expect(fs.readdirSync(target.dataDir)).toEqual([]);
}

/** Rewrites a backup's entries (unpacked), to make damaged or foreign backups. */
async function rewriteBackup(from: string, to: string, edit: (entries: Map<string, Buffer>) => void): Promise<void> {
  const entries = new Map<string, Buffer>();
  const extract = tar.extract();
  fs.createReadStream(from).pipe(zlib.createGunzip()).pipe(extract);
  for await (const entry of extract) {
    const chunks: Buffer[] = [];
    for await (const chunk of entry as AsyncIterable<Buffer>) chunks.push(chunk);
    entries.set(entry.header.name, Buffer.concat(chunks));
  }
  edit(entries);
  const pack = tar.pack();
  for (const [name, content] of entries) pack.entry({ name }, content);
  pack.finalize();
  const chunks: Buffer[] = [];
  for await (const chunk of pack as AsyncIterable<Buffer>) chunks.push(chunk);
  fs.writeFileSync(to, zlib.gzipSync(Buffer.concat(chunks)));
}

const editManifest = (entries: Map<string, Buffer>, edit: (m: { tables: { name: string; rows: number }[]; migrations: { hash: string; createdAt: string }[] }) => void) => {
  const manifest = JSON.parse(entries.get('manifest.json')!.toString('utf8'));
  edit(manifest);
  entries.set('manifest.json', Buffer.from(JSON.stringify(manifest)));
};

const PDF = Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');
const PNG = Buffer.from('89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d4944415478da63f8cfc0f01f0005000201e2216bc10000000049454e44ae426082', 'hex');

let source: Place;
let backupFile: string;
beforeAll(async () => {
  source = await sameEngine();
  await seedDemo(source.ctx);
  const [admin] = await queryRows<{ id: string }>(source.ctx.db, sql`select id from users where email = 'admin@ortaq.kz'`);
  for (const [bytes, name] of [
    [PDF, 'Жылдық есеп 2026.pdf'],
    [PNG, 'logo.png'],
  ] as const) {
    await source.ctx.db.transaction((tx) => storeUpload({ tx, blobs: source.ctx.blobs, maxBytes: 1 << 20 }, { bytes, name, uploadedBy: admin!.id, visibility: 'public' }));
  }
  backupFile = path.join(work, 'demo.tar.gz');
  const summary = await createBackup(source.ctx, backupFile);
  expect(summary.files).toBe(2);
}, 120_000);

afterAll(async () => {
  for (const p of places) await p.close();
  server?.stop();
  fs.rmSync(work, { recursive: true, force: true });
});

describe(`backup and restore on ${engineUnderTest()}`, { timeout: 60_000 }, () => {
  it('round-trips the demo data and the uploaded files into a fresh database', async () => {
    const target = await sameEngine();
    const summary = await restoreBackup(target.ctx, backupFile);
    expect(summary).toMatchObject({ engine: engineUnderTest(), replaced: false, files: 2, newerMigrations: 0 });
    expect(summary.tables.find((t) => t.name === 'organisations')?.rows).toBeGreaterThan(2000);
    await expectSameContent(source, target);

    // The audit log stays append-only, and its id sequence continues after the restored entries.
    await expect(target.ctx.db.execute(sql`delete from audit_log`)).rejects.toThrow();
    await expect(target.ctx.db.execute(sql`truncate audit_log`)).rejects.toThrow();
    const [before] = await queryRows<{ max: number }>(target.ctx.db, sql`select max(id)::int as max from audit_log`);
    await target.ctx.db.transaction((tx) => recordAudit(tx, { actorId: null, action: 'test.after-restore', entityType: 'test', entityId: '1' }));
    const [after] = await target.ctx.db.select({ id: auditLog.id }).from(auditLog).where(sql`${auditLog.action} = 'test.after-restore'`);
    expect(after!.id).toBeGreaterThan(before!.max);
    expect((await verifyAuditChain(target.ctx.db)).firstBreak).toBeNull();
  });

  it('refuses a database that holds data, and replaces it with force', async () => {
    const target = await sameEngine();
    await restoreBackup(target.ctx, backupFile);
    await target.ctx.db.execute(sql`update organisations set name_en = 'changed after the backup'`);
    await target.ctx.db.transaction((tx) => recordAudit(tx, { actorId: null, action: 'test.extra', entityType: 'test', entityId: '2' }));

    const refused = await refusal(restoreBackup(target.ctx, backupFile));
    expect(refused.code).toBe('TARGET_NOT_EMPTY');
    expect(refused.message).toMatch(/already holds data \(.*audit_log: \d+ rows.*\)\. Restore into an empty database, or add --force/);
    expect((await tablesOf(target.ctx.db)).organisations!.every((o) => (o as { name_en: string }).name_en === 'changed after the backup')).toBe(true);

    const forced = await restoreBackup(target.ctx, backupFile, { force: true });
    expect(forced.replaced).toBe(true);
    await expectSameContent(source, target);
    const triggers = await queryRows<{ tgname: string; tgenabled: string }>(
      target.ctx.db,
      sql`select tgname, tgenabled from pg_trigger where tgrelid = 'audit_log'::regclass and not tgisinternal order by tgname`,
    );
    expect(triggers).toEqual([
      { tgname: 'audit_log_append_only', tgenabled: 'O' },
      { tgname: 'audit_log_no_truncate', tgenabled: 'O' },
    ]);
  });

  it('refuses a damaged or foreign backup with a clear message, and writes nothing', async () => {
    const target = await sameEngine();
    const damaged = path.join(work, 'damaged.tar.gz');

    await rewriteBackup(backupFile, damaged, (entries) => {
      const users = entries.get('tables/users.copy')!;
      const at = users.indexOf('admin@ortaq.kz');
      users[at] = 'b'.charCodeAt(0);
    });
    let refused = await refusal(restoreBackup(target.ctx, damaged));
    expect(refused.code).toBe('BACKUP_DAMAGED');
    expect(refused.message).toBe(`${damaged} is not a usable Ortaq backup: the data of table users does not match its SHA-256 in the manifest.`);
    await expectUntouched(target);

    fs.rmSync(damaged);
    await rewriteBackup(backupFile, damaged, (entries) =>
      editManifest(entries, (m) => {
        m.tables.find((t) => t.name === 'organisations')!.rows += 1;
      }),
    );
    refused = await refusal(restoreBackup(target.ctx, damaged));
    expect(refused.message).toMatch(/: table organisations holds \d+ rows, but the manifest says \d+\.$/);
    await expectUntouched(target);

    fs.rmSync(damaged);
    await rewriteBackup(backupFile, damaged, (entries) => {
      const blob = [...entries.keys()].find((name) => name.startsWith('files/'))!;
      entries.get(blob)![0]! ^= 1;
    });
    refused = await refusal(restoreBackup(target.ctx, damaged));
    expect(refused.message).toMatch(/: the uploaded file [0-9a-f]{64} does not match its SHA-256\.$/);
    await expectUntouched(target);

    fs.rmSync(damaged);
    await rewriteBackup(backupFile, damaged, (entries) =>
      editManifest(entries, (m) => {
        m.migrations.push({ hash: 'f'.repeat(64), createdAt: '4102444800000' });
      }),
    );
    refused = await refusal(restoreBackup(target.ctx, damaged));
    expect(refused.code).toBe('BACKUP_NEWER_SCHEMA');
    expect(refused.message).toContain('with 1 migration(s) this Ortaq does not have');
    await expectUntouched(target);

    const cut = fs.readFileSync(backupFile);
    fs.writeFileSync(damaged, cut.subarray(0, Math.floor(cut.length / 2)));
    refused = await refusal(restoreBackup(target.ctx, damaged));
    expect(refused.message).toMatch(/is not a usable Ortaq backup: the archive cannot be unpacked/);
    fs.writeFileSync(damaged, 'not a backup at all');
    expect((await refusal(restoreBackup(target.ctx, damaged))).code).toBe('BACKUP_DAMAGED');
    expect((await refusal(restoreBackup(target.ctx, path.join(work, 'missing.tar.gz')))).code).toBe('BACKUP_UNREADABLE');
    await expectUntouched(target);

    expect((await refusal(createBackup(source.ctx, backupFile))).code).toBe('BACKUP_EXISTS');
    expect((await refusal(createBackup(source.ctx, path.join(work, 'no-such-folder', 'x.tar.gz')))).code).toBe('BACKUP_UNWRITABLE');

    // A backup from before the newest migration restores, and says so.
    await rewriteBackup(backupFile, damaged, (entries) =>
      editManifest(entries, (m) => {
        m.migrations.pop();
      }),
    );
    expect(await restoreBackup(target.ctx, damaged)).toMatchObject({ newerMigrations: 1 });
  });

  it('refuses to back up when an uploaded file is missing from the file store, and leaves nothing behind', async () => {
    const copy = await sameEngine();
    await restoreBackup(copy.ctx, backupFile);
    const [first] = await copy.ctx.db.select().from(files).orderBy(files.sha256);
    const sha = first!.sha256;
    fs.rmSync(path.join(copy.dataDir, 'files', sha.slice(0, 2), sha.slice(2, 4), sha));
    const out = fs.mkdtempSync(path.join(work, 'out-'));
    const refused = await refusal(createBackup(copy.ctx, path.join(out, 'backup.tar.gz')));
    expect(refused.code).toBe('FILE_MISSING');
    expect(refused.message).toBe(`The uploaded file ${sha} is referenced by the files table but missing from the file store.`);
    expect(fs.readdirSync(out)).toEqual([]);

    // Back in place but with other bytes: of the same length, then of another length.
    const original = await blobBytes(source.ctx, sha);
    const where = path.join(copy.dataDir, 'files', sha.slice(0, 2), sha.slice(2, 4), sha);
    fs.writeFileSync(where, Buffer.from(original).fill(0x20, 0, 4));
    expect((await refusal(createBackup(copy.ctx, path.join(out, 'backup.tar.gz')))).message).toBe(
      `The uploaded file ${sha} in the file store does not match its SHA-256: it is damaged.`,
    );
    fs.writeFileSync(where, original.subarray(1));
    expect((await refusal(createBackup(copy.ctx, path.join(out, 'backup.tar.gz')))).message).toMatch(
      new RegExp(`^The uploaded file ${sha} in the file store is not ${original.length} bytes long, as the files table says`),
    );
    expect(fs.readdirSync(out)).toEqual([]);
  });

  it('orders tables so that parents load before their children', () => {
    const refs = [
      { child: 'b', parent: 'a' },
      { child: 'c', parent: 'b' },
      { child: 'c', parent: 'c' },
      { child: 'a', parent: 'elsewhere' },
    ];
    expect(loadOrder(['c', 'b', 'a', 'd'], refs)).toEqual(['a', 'd', 'b', 'c']);
    expect(() => loadOrder(['a', 'b'], [...refs, { child: 'a', parent: 'b' }])).toThrow('Tables reference each other in a cycle, which restore cannot order: a, b');
  });

  it('moves between the embedded database and a server, both ways', async () => {
    const other = await otherEngine();
    expect(other.ctx.database.engine).not.toBe(engineUnderTest());
    await restoreBackup(other.ctx, backupFile);
    await expectSameContent(source, other);

    const back = path.join(work, 'from-other-engine.tar.gz');
    const summary = await createBackup(other.ctx, back);
    expect(summary.engine).toBe(other.ctx.database.engine);
    const returned = await sameEngine();
    await restoreBackup(returned.ctx, back);
    await expectSameContent(source, returned);
  }, 120_000);
});

describe('the ortaq backup and restore commands', () => {
  const ortaq = (env: Record<string, string>, ...args: string[]) => runOrtaq(args, { LOG_LEVEL: 'silent', ...env });

  it('restores into a new data folder or server database, backs it up again identically, and refuses to overwrite', async () => {
    const env: Record<string, string> = { DATA_DIR: fs.mkdtempSync(path.join(work, 'cli-')) };
    if (engineUnderTest() === 'postgres') env.DATABASE_URL = (await freshPostgresDatabase()).url;

    const restored = await ortaq(env, 'restore', backupFile);
    expect(restored.stderr).toBe('');
    expect(restored.code).toBe(0);
    expect(restored.stdout).toMatch(/^Restored .* into (pglite|postgres): \d+ tables, [\d,]+ rows, 2 uploaded files, in [\d.]+ s\. Every table matches the backup; audit log intact: \d+ entries verified\.\n$/);

    const again = path.join(work, 'cli-again.tar.gz');
    const backedUp = await ortaq(env, 'backup', again, '--json');
    expect(backedUp.code).toBe(0);
    expect(JSON.parse(backedUp.stdout)).toMatchObject({ files: 2, engine: engineUnderTest() });
    const manifestOf = async (file: string) => {
      let manifest: { tables: { name: string; rows: number; sha256: string }[]; files: unknown[] } | undefined;
      await rewriteBackup(file, path.join(work, 'scratch.tar.gz'), (entries) => {
        manifest = JSON.parse(entries.get('manifest.json')!.toString('utf8'));
      });
      return manifest!;
    };
    const [first, second] = [await manifestOf(backupFile), await manifestOf(again)];
    expect(second.tables.map(({ name, rows, sha256 }) => ({ name, rows, sha256 }))).toEqual(first.tables.map(({ name, rows, sha256 }) => ({ name, rows, sha256 })));
    expect(second.files).toEqual(first.files);

    const refused = await ortaq(env, 'restore', backupFile);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(/^This database already holds data \(.*\)\. Restore into an empty database, or add --force to replace everything in it\.\n$/);

    const forced = await ortaq(env, 'restore', again, '--force', '--json');
    expect(forced.code).toBe(0);
    expect(JSON.parse(forced.stdout)).toMatchObject({ replaced: true, files: 2 });
  }, 240_000);
});
