import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import zlib from 'node:zlib';
import tar from 'tar-stream';
import { z } from 'zod';
import { BackupError } from './backup-error.ts';

/**
 * A backup is one gzipped tar file:
 *
 *   manifest.json          what follows, with a row count and a SHA-256 for every part
 *   tables/<table>.copy    each table's rows in PostgreSQL's COPY text format, in primary-key order
 *   files/<sha256>         each uploaded file that a row of `files` refers to
 */
export const BACKUP_FORMAT = 'ortaq-backup';
export const BACKUP_FORMAT_VERSION = 1;
export const MANIFEST_ENTRY = 'manifest.json';
const MAX_MANIFEST_BYTES = 64 * 1024 * 1024;

const sha256Hex = z.string().regex(/^[0-9a-f]{64}$/);

export const manifestSchema = z.object({
  format: z.literal(BACKUP_FORMAT),
  formatVersion: z.literal(BACKUP_FORMAT_VERSION),
  ortaqVersion: z.string(),
  createdAt: z.string(),
  engine: z.enum(['pglite', 'postgres']),
  serverVersion: z.string(),
  migrations: z.array(z.object({ hash: z.string(), createdAt: z.string() })),
  tables: z.array(
    z.object({
      name: z.string().min(1),
      file: z.string().min(1),
      columns: z.array(z.string().min(1)).min(1),
      rows: z.number().int().nonnegative(),
      bytes: z.number().int().nonnegative(),
      sha256: sha256Hex,
    }),
  ),
  sequences: z.array(z.object({ name: z.string().min(1), lastValue: z.string().regex(/^-?\d+$/), isCalled: z.boolean() })),
  files: z.array(z.object({ sha256: sha256Hex, size: z.number().int().nonnegative() })),
});

export type Manifest = z.infer<typeof manifestSchema>;

export const tableEntry = (table: string) => `tables/${encodeURIComponent(table)}.copy`;
const fileEntry = (sha256: string) => `files/${sha256}`;

/** SHA-256, size and number of lines (rows, in COPY text format) of a file. */
export async function digestFile(file: string): Promise<{ sha256: string; bytes: number; lines: number }> {
  const hash = createHash('sha256');
  let bytes = 0;
  let lines = 0;
  for await (const chunk of fs.createReadStream(file) as AsyncIterable<Buffer>) {
    hash.update(chunk);
    bytes += chunk.length;
    for (let i = chunk.indexOf(10); i !== -1; i = chunk.indexOf(10, i + 1)) lines++;
  }
  return { sha256: hash.digest('hex'), bytes, lines };
}

export type BlobSource = { sha256: string; size: number; open(): Readable };

/**
 * Writes the archive to `file` through a temporary name, so a failure leaves no partial backup.
 * Uploaded files are checked against their SHA-256 as they are copied.
 */
export async function writeArchive(file: string, manifest: Manifest, tableFiles: ReadonlyMap<string, string>, blobs: readonly BlobSource[]): Promise<void> {
  const partial = `${file}.${process.pid}.partial`;
  const pack = tar.pack();
  // Password hashes, sessions and the cookie secret are inside: readable by the owner only.
  const out = fs.createWriteStream(partial, { flags: 'wx', mode: 0o600 });
  const written = pipeline(pack, zlib.createGzip(), out);
  const mtime = new Date(manifest.createdAt);
  try {
    await addBuffer(pack, MANIFEST_ENTRY, Buffer.from(`${JSON.stringify(manifest, null, 1)}\n`), mtime);
    for (const table of manifest.tables) {
      await addStream(pack, table.file, table.bytes, fs.createReadStream(tableFiles.get(table.name)!), mtime);
    }
    for (const blob of blobs) {
      const hash = createHash('sha256');
      let source: Readable;
      try {
        source = blob.open();
        await addStream(pack, fileEntry(blob.sha256), blob.size, source, mtime, (chunk) => hash.update(chunk));
      } catch (err) {
        const code = (err as NodeJS.ErrnoException).code;
        if (code === 'ENOENT') throw new BackupError('FILE_MISSING', `The uploaded file ${blob.sha256} is referenced by the files table but missing from the file store.`);
        if (err instanceof BackupError) throw err;
        throw new BackupError('FILE_DAMAGED', `The uploaded file ${blob.sha256} in the file store is not ${blob.size} bytes long, as the files table says (${(err as Error).message}).`);
      }
      if (hash.digest('hex') !== blob.sha256) {
        throw new BackupError('FILE_DAMAGED', `The uploaded file ${blob.sha256} in the file store does not match its SHA-256: it is damaged.`);
      }
    }
    pack.finalize();
    await written;
    const handle = await fs.promises.open(partial, 'r');
    try {
      await handle.sync();
    } finally {
      await handle.close();
    }
    await fs.promises.rename(partial, file);
  } catch (err) {
    pack.destroy();
    await written.catch(() => undefined);
    await fs.promises.rm(partial, { force: true });
    throw err;
  }
}

function addBuffer(pack: tar.Pack, name: string, content: Buffer, mtime: Date): Promise<void> {
  return new Promise((resolve, reject) => {
    pack.entry({ name, size: content.length, mode: 0o644, mtime }, content, (err) => (err ? reject(err) : resolve()));
  });
}

function addStream(pack: tar.Pack, name: string, size: number, source: Readable, mtime: Date, onChunk?: (chunk: Buffer) => void): Promise<void> {
  return new Promise((resolve, reject) => {
    const entry = pack.entry({ name, size, mode: 0o644, mtime }, (err) => (err ? reject(err) : resolve()));
    entry.on('error', reject);
    (async () => {
      for await (const chunk of source as AsyncIterable<Buffer>) {
        onChunk?.(chunk);
        if (!entry.write(chunk)) await new Promise<void>((drained) => entry.once('drain', () => drained()));
      }
      entry.end(undefined);
    })().catch((err: unknown) => {
      source.destroy();
      entry.destroy(err as Error);
      reject(err);
    });
  });
}

export type ExtractedBackup = {
  manifest: Manifest;
  /** Table name → the extracted file with its rows. */
  tableFiles: Map<string, string>;
  /** SHA-256 → the extracted, verified uploaded file. */
  blobFiles: Map<string, string>;
};

const damaged = (file: string, why: string) => new BackupError('BACKUP_DAMAGED', `${file} is not a usable Ortaq backup: ${why}.`);

/**
 * Unpacks a backup into `workDir` and checks all of it against its manifest — every table's
 * row count and SHA-256, every uploaded file's SHA-256 — before anything is written anywhere.
 */
export async function readArchive(file: string, workDir: string): Promise<ExtractedBackup> {
  let head: Buffer;
  try {
    const handle = await fs.promises.open(file, 'r');
    try {
      head = Buffer.alloc(2);
      await handle.read(head, 0, 2, 0);
    } finally {
      await handle.close();
    }
  } catch (err) {
    throw new BackupError('BACKUP_UNREADABLE', `Cannot read ${file} (${(err as NodeJS.ErrnoException).code ?? 'error'}).`);
  }
  const gzipped = head[0] === 0x1f && head[1] === 0x8b;
  const extract = tar.extract();
  const fed = gzipped ? pipeline(fs.createReadStream(file), zlib.createGunzip(), extract) : pipeline(fs.createReadStream(file), extract);
  fed.catch(() => undefined);

  let manifestBytes: Buffer | undefined;
  const entries = new Map<string, { path: string; sha256: string; bytes: number; lines: number }>();
  try {
    let n = 0;
    for await (const entry of extract) {
      const { name, type } = entry.header;
      if (type !== 'file') throw damaged(file, `it holds an entry of type ${type} (${name})`);
      if (name === MANIFEST_ENTRY) {
        const chunks: Buffer[] = [];
        let size = 0;
        for await (const chunk of entry as AsyncIterable<Buffer>) {
          size += chunk.length;
          if (size > MAX_MANIFEST_BYTES) throw damaged(file, 'its manifest is too large');
          chunks.push(chunk);
        }
        manifestBytes = Buffer.concat(chunks);
        continue;
      }
      if (!/^(tables\/[^/]+\.copy|files\/[0-9a-f]{64})$/.test(name)) throw damaged(file, `it holds an unexpected entry ${JSON.stringify(name)}`);
      if (entries.has(name)) throw damaged(file, `it holds ${name} twice`);
      // The entry's name never becomes a path: extracted files are numbered.
      const target = path.join(workDir, `part-${n++}`);
      await pipeline(entry, fs.createWriteStream(target, { flags: 'wx' }));
      entries.set(name, { path: target, ...(await digestFile(target)) });
    }
    await fed;
  } catch (err) {
    extract.destroy();
    await fed.catch(() => undefined);
    if (err instanceof BackupError) throw err;
    throw damaged(file, `the archive cannot be unpacked (${(err as Error).message})`);
  }
  if (!manifestBytes) throw damaged(file, `it has no ${MANIFEST_ENTRY}`);

  let raw: unknown;
  try {
    raw = JSON.parse(manifestBytes.toString('utf8'));
  } catch {
    throw damaged(file, `its ${MANIFEST_ENTRY} is not JSON`);
  }
  const header = raw as { format?: unknown; formatVersion?: unknown; ortaqVersion?: unknown };
  if (header?.format !== BACKUP_FORMAT) throw damaged(file, 'it is not an Ortaq backup');
  if (typeof header.formatVersion === 'number' && header.formatVersion > BACKUP_FORMAT_VERSION) {
    throw new BackupError(
      'BACKUP_FORMAT',
      `${file} was written by a newer Ortaq (${String(header.ortaqVersion)}, backup format ${header.formatVersion}); this Ortaq reads format ${BACKUP_FORMAT_VERSION}. Restore it with that version or a newer one.`,
    );
  }
  const parsed = manifestSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw damaged(file, `its manifest is invalid at ${issue.path.join('.') || '(top)'}: ${issue.message}`);
  }
  const manifest = parsed.data;

  const tableFiles = new Map<string, string>();
  const expected = new Set<string>();
  for (const table of manifest.tables) {
    if (table.file !== tableEntry(table.name) || tableFiles.has(table.name)) throw damaged(file, `the manifest names table ${table.name} wrongly or twice`);
    const got = entries.get(table.file);
    if (!got) throw damaged(file, `the data of table ${table.name} is missing`);
    if (got.sha256 !== table.sha256 || got.bytes !== table.bytes) throw damaged(file, `the data of table ${table.name} does not match its SHA-256 in the manifest`);
    if (got.lines !== table.rows) throw damaged(file, `table ${table.name} holds ${got.lines} rows, but the manifest says ${table.rows}`);
    tableFiles.set(table.name, got.path);
    expected.add(table.file);
  }
  const blobFiles = new Map<string, string>();
  for (const blob of manifest.files) {
    const name = fileEntry(blob.sha256);
    const got = entries.get(name);
    if (!got) throw damaged(file, `the uploaded file ${blob.sha256} is missing`);
    if (got.sha256 !== blob.sha256 || got.bytes !== blob.size) throw damaged(file, `the uploaded file ${blob.sha256} does not match its SHA-256`);
    blobFiles.set(blob.sha256, got.path);
    expected.add(name);
  }
  const extra = [...entries.keys()].find((name) => !expected.has(name));
  if (extra) throw damaged(file, `it holds ${extra}, which its manifest does not list`);
  return { manifest, tableFiles, blobFiles };
}
