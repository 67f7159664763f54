import fs from 'node:fs';
import path from 'node:path';
import type { Database } from '../db/client.ts';
import type { BlobStore } from '../files/blob-store.ts';
import { files } from '../files/schema.ts';
import { BACKUP_FORMAT, BACKUP_FORMAT_VERSION, digestFile, type Manifest, tableEntry, writeArchive } from './archive.ts';
import { BackupError } from './backup-error.ts';
import { appliedMigrations, dumpQuery, listSequences, listTables, sequenceState, serverVersion } from './catalog.ts';
import { inTransaction } from './session.ts';
import { ROOT } from '../paths/root.ts';

export type BackupSummary = {
  file: string;
  bytes: number;
  createdAt: string;
  engine: Database['engine'];
  tables: { name: string; rows: number }[];
  rows: number;
  files: number;
  fileBytes: number;
  ms: number;
};

/** The running Ortaq's version, recorded in every backup. */
export function ortaqVersion(): string {
  const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { version: string };
  return pkg.version;
}

/**
 * Writes every application table and every uploaded file that a row refers to into one file.
 * All tables are read in one snapshot; the file appears only once it is complete.
 */
export async function createBackup(deps: { database: Database; blobs: BlobStore }, file: string): Promise<BackupSummary> {
  const started = performance.now();
  if (fs.existsSync(file)) throw new BackupError('BACKUP_EXISTS', `${file} already exists; choose another name or remove it first.`);
  const folder = path.dirname(path.resolve(file));
  try {
    await fs.promises.access(folder, fs.constants.W_OK);
  } catch (err) {
    throw new BackupError('BACKUP_UNWRITABLE', `Cannot write ${file}: the folder ${folder} does not exist or is not writable (${(err as NodeJS.ErrnoException).code ?? 'error'}).`);
  }
  // The tables are staged next to the backup, where there is room for it, not in a small /tmp.
  const workDir = await fs.promises.mkdtemp(path.join(folder, '.ortaq-backup-'));
  try {
    const tableFiles = new Map<string, string>();
    const manifest = await inTransaction(deps.database, 'snapshot', async (s): Promise<Manifest> => {
      const createdAt = new Date().toISOString();
      const tables: Manifest['tables'] = [];
      for (const [i, table] of (await listTables(s)).entries()) {
        const data = path.join(workDir, `table-${i}`);
        await s.copyOut(dumpQuery(table, table.columns), data);
        const { sha256, bytes, lines } = await digestFile(data);
        tableFiles.set(table.name, data);
        tables.push({ name: table.name, file: tableEntry(table.name), columns: table.columns, rows: lines, bytes, sha256 });
      }
      const sequences: Manifest['sequences'] = [];
      for (const seq of await listSequences(s)) sequences.push({ name: seq.name, ...(await sequenceState(s, seq.name)) });
      const referenced = await s.db.selectDistinct({ sha256: files.sha256, size: files.size }).from(files).orderBy(files.sha256);
      const blobs = [...new Map(referenced.map((f) => [f.sha256, f])).values()];
      return {
        format: BACKUP_FORMAT,
        formatVersion: BACKUP_FORMAT_VERSION,
        ortaqVersion: ortaqVersion(),
        createdAt,
        engine: s.engine,
        serverVersion: await serverVersion(s),
        migrations: await appliedMigrations(s),
        tables,
        sequences,
        files: blobs,
      };
    });
    // Uploaded files never change once written, so reading them after the snapshot is safe.
    await writeArchive(
      file,
      manifest,
      tableFiles,
      manifest.files.map((f) => ({ ...f, open: () => deps.blobs.open(f.sha256) })),
    );
    return {
      file,
      bytes: (await fs.promises.stat(file)).size,
      createdAt: manifest.createdAt,
      engine: manifest.engine,
      tables: manifest.tables.map((t) => ({ name: t.name, rows: t.rows })),
      rows: manifest.tables.reduce((sum, t) => sum + t.rows, 0),
      files: manifest.files.length,
      fileBytes: manifest.files.reduce((sum, f) => sum + f.size, 0),
      ms: Math.round(performance.now() - started),
    };
  } finally {
    await fs.promises.rm(workDir, { recursive: true, force: true });
  }
}
