import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { verifyAuditChain } from '../audit/audit-log.ts';
import type { Database } from '../db/client.ts';
import type { BlobStore } from '../files/blob-store.ts';
import { type Manifest, digestFile, readArchive } from './archive.ts';
import { BackupError } from './backup-error.ts';
import {
  appliedMigrations,
  dumpQuery,
  listEnabledTriggers,
  listReferences,
  listSequences,
  listTables,
  loadOrder,
  quoteIdent,
  sequenceState,
} from './catalog.ts';
import { inTransaction } from './session.ts';

export type RestoreSummary = {
  file: string;
  backup: Pick<Manifest, 'createdAt' | 'engine' | 'ortaqVersion'>;
  engine: Database['engine'];
  replaced: boolean;
  tables: { name: string; rows: number }[];
  rows: number;
  files: number;
  auditEntries: number;
  /** Migrations this database has and the backup's database did not: their schema applies, their data changes did not run. */
  newerMigrations: number;
  ms: number;
};

/**
 * Loads a backup into this database and its file store. The database must hold no application
 * data, unless `force`, which first empties every application table. Everything is checked
 * before it is written, and the database part is one transaction: it lands whole or not at all.
 */
export async function restoreBackup(deps: { database: Database; blobs: BlobStore }, file: string, options: { force?: boolean } = {}): Promise<RestoreSummary> {
  const started = performance.now();
  const workDir = await fs.promises.mkdtemp(path.join(os.tmpdir(), 'ortaq-restore-'));
  try {
    const { manifest, tableFiles, blobFiles } = await readArchive(file, workDir);
    const result = await inTransaction(deps.database, 'write', async (s) => {
      const known = new Map((await appliedMigrations(s)).map((m) => [m.createdAt, m.hash]));
      const unknown = manifest.migrations.filter((m) => known.get(m.createdAt) !== m.hash);
      if (unknown.length > 0) {
        throw new BackupError(
          'BACKUP_NEWER_SCHEMA',
          `${file} comes from a database with ${unknown.length} migration(s) this Ortaq does not have (it was made by Ortaq ${manifest.ortaqVersion}). Restore it with that version of Ortaq or a newer one.`,
        );
      }
      const newerMigrations = known.size - manifest.migrations.length;

      const tables = await listTables(s);
      const byName = new Map(tables.map((t) => [t.name, t]));
      for (const t of manifest.tables) {
        const target = byName.get(t.name);
        if (!target) throw new BackupError('SCHEMA_MISMATCH', `The backup holds table ${t.name}, which this database does not have.`);
        const missing = t.columns.filter((c) => !target.columns.includes(c));
        if (missing.length > 0) throw new BackupError('SCHEMA_MISMATCH', `The backup holds column(s) ${missing.join(', ')} of table ${t.name}, which this database does not have.`);
      }

      // Nobody else may read or write while the tables are replaced.
      const all = tables.map((t) => quoteIdent(t.name)).join(', ');
      if (tables.length > 0) await s.query(`lock table ${all} in access exclusive mode`);
      const occupied: string[] = [];
      for (const t of tables.filter((x) => !x.reference)) {
        const [row] = await s.query<{ n: string }>(`select count(*)::text as n from ${quoteIdent(t.name)}`);
        if (row && row.n !== '0') occupied.push(`${t.name}: ${row.n} rows`);
      }
      if (occupied.length > 0 && !options.force) {
        throw new BackupError(
          'TARGET_NOT_EMPTY',
          `This database already holds data (${occupied.join(', ')}). Restore into an empty database, or add --force to replace everything in it.`,
        );
      }

      // Uploaded files first, as uploads do: a failure below leaves at most unreferenced files.
      for (const [sha256, extracted] of blobFiles) {
        if (await deps.blobs.has(sha256)) continue;
        const stored = await deps.blobs.put(await fs.promises.readFile(extracted));
        if (stored.sha256 !== sha256) throw new BackupError('FILE_DAMAGED', `The uploaded file ${sha256} changed while it was restored.`);
      }

      // User triggers (the audit log's refusal of TRUNCATE, and any that would rewrite rows) are
      // off while the rows go in, and on again before the commit. Foreign keys stay checked.
      const triggers = await listEnabledTriggers(s);
      for (const t of triggers) await s.query(`alter table ${quoteIdent(t.table)} disable trigger ${quoteIdent(t.name)}`);
      if (occupied.length > 0) await s.query(`truncate ${all} restart identity`);
      // Reference data the migrations loaded gives way to the backup's (the tables that refer to it are empty).
      const reference = tables.filter((t) => t.reference).map((t) => quoteIdent(t.name));
      if (occupied.length === 0 && reference.length > 0) await s.query(`truncate ${reference.join(', ')} restart identity cascade`);

      const planned = new Map(manifest.tables.map((t) => [t.name, t]));
      for (const name of loadOrder([...planned.keys()], await listReferences(s))) {
        const t = planned.get(name)!;
        if (t.rows > 0) await s.copyIn(`${quoteIdent(t.name)} (${t.columns.map(quoteIdent).join(', ')})`, tableFiles.get(t.name)!);
      }

      // Sequences continue from where they were, and never below the highest value in use.
      const savedSequences = new Map(manifest.sequences.map((q) => [q.name, q]));
      for (const seq of await listSequences(s)) {
        const saved = savedSequences.get(seq.name);
        if (saved) await s.query(`select setval($1::regclass, $2::bigint, $3)`, [quoteIdent(seq.name), saved.lastValue, saved.isCalled]);
        if (!seq.table || !seq.column) continue;
        const [top] = await s.query<{ max: string | null }>(`select max(${quoteIdent(seq.column)})::text as max from ${quoteIdent(seq.table)}`);
        if (top?.max == null) continue;
        const state = await sequenceState(s, seq.name);
        const next = BigInt(state.lastValue) + (state.isCalled ? 1n : 0n);
        if (BigInt(top.max) >= next) await s.query(`select setval($1::regclass, $2::bigint, true)`, [quoteIdent(seq.name), top.max]);
      }

      for (const t of triggers) await s.query(`alter table ${quoteIdent(t.table)} enable trigger ${quoteIdent(t.name)}`);

      // What the database now holds must be exactly what was backed up.
      for (const [i, t] of manifest.tables.entries()) {
        const check = path.join(workDir, `check-${i}`);
        await s.copyOut(dumpQuery(byName.get(t.name)!, t.columns), check);
        const got = await digestFile(check);
        await fs.promises.rm(check);
        if (got.sha256 !== t.sha256 || got.lines !== t.rows) {
          throw new BackupError('RESTORE_MISMATCH', `After loading, table ${t.name} does not read back as it was backed up (${got.lines} rows of ${t.rows}); nothing was restored.`);
        }
      }
      const chain = await verifyAuditChain(s.db);
      if (chain.firstBreak) {
        throw new BackupError(
          'AUDIT_CHAIN_BROKEN',
          `The audit log in the backup is broken at entry ${chain.firstBreak.id} (${chain.firstBreak.reason}); nothing was restored.`,
        );
      }
      return { replaced: occupied.length > 0, newerMigrations, auditEntries: chain.checked };
    });
    return {
      file,
      backup: { createdAt: manifest.createdAt, engine: manifest.engine, ortaqVersion: manifest.ortaqVersion },
      engine: deps.database.engine,
      ...result,
      tables: manifest.tables.map((t) => ({ name: t.name, rows: t.rows })),
      rows: manifest.tables.reduce((sum, t) => sum + t.rows, 0),
      files: blobFiles.size,
      ms: Math.round(performance.now() - started),
    };
  } finally {
    await fs.promises.rm(workDir, { recursive: true, force: true });
  }
}
