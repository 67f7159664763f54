import { createHash } from 'node:crypto';
import canonicalize from 'canonicalize';
import { asc, desc, gt, sql } from 'drizzle-orm';
import type { Executor } from '../db/client.ts';
import { auditLog } from './schema.ts';

export const GENESIS_HASH = '0'.repeat(64);
const CHAIN_LOCK = 8723402;

export type AuditEntry = {
  actorId: string | null;
  action: string;
  entityType: string;
  entityId: string;
  changes?: Record<string, unknown>;
};

type HashedFields = {
  at: Date;
  actorId: string | null;
  action: string;
  entityType: string;
  entityId: string;
  changes: Record<string, unknown>;
  prevHash: string;
};

export function entryHash(e: HashedFields): string {
  const body = canonicalize({
    at: e.at.toISOString(),
    actorId: e.actorId,
    action: e.action,
    entityType: e.entityType,
    entityId: e.entityId,
    changes: e.changes,
    prevHash: e.prevHash,
  });
  return createHash('sha256').update(body ?? '').digest('hex');
}

/**
 * Appends one entry to the chain. Call it inside the use case's transaction, last, so the chain
 * lock (held until commit) is short; entries from concurrent processes queue on that lock.
 */
export function recordAudit(tx: Executor, entry: AuditEntry): Promise<void> {
  return recordAudits(tx, [entry]);
}

export type ChainBreak = {
  id: number;
  reason: 'hash-mismatch' | 'prev-hash-mismatch';
};

/** Walks the whole chain in order and reports the first entry that does not follow from the ones before. */
export async function verifyAuditChain(db: Executor, batchSize = 5000): Promise<{ checked: number; firstBreak: ChainBreak | null }> {
  let prevHash = GENESIS_HASH;
  let lastId = 0;
  let checked = 0;
  for (;;) {
    const rows = await db.select().from(auditLog).where(gt(auditLog.id, lastId)).orderBy(asc(auditLog.id)).limit(batchSize);
    if (rows.length === 0) return { checked, firstBreak: null };
    for (const row of rows) {
      if (row.prevHash !== prevHash) return { checked, firstBreak: { id: row.id, reason: 'prev-hash-mismatch' } };
      if (entryHash(row) !== row.hash) return { checked, firstBreak: { id: row.id, reason: 'hash-mismatch' } };
      prevHash = row.hash;
      lastId = row.id;
      checked++;
    }
  }
}

/**
 * Appends several entries, in the given order, under one lock and with few inserts: for bulk
 * use cases such as imports. The chain is the same as from calling `recordAudit` for each.
 */
export async function recordAudits(tx: Executor, entries: readonly AuditEntry[]): Promise<void> {
  if (entries.length === 0) return;
  await tx.execute(sql`select pg_advisory_xact_lock(${CHAIN_LOCK})`);
  const [last] = await tx.select({ hash: auditLog.hash }).from(auditLog).orderBy(desc(auditLog.id)).limit(1);
  let prevHash = last?.hash ?? GENESIS_HASH;
  const rows = entries.map((entry) => {
    const fields: HashedFields = {
      at: new Date(),
      actorId: entry.actorId,
      action: entry.action,
      entityType: entry.entityType,
      entityId: entry.entityId,
      // JSON round trip: what we hash is exactly what jsonb gives back (no undefined, no Dates).
      changes: JSON.parse(JSON.stringify(entry.changes ?? {})) as Record<string, unknown>,
      prevHash,
    };
    prevHash = entryHash(fields);
    return { ...fields, hash: prevHash };
  });
  // Ids follow the order of the rows in one INSERT, so the chain reads back in this order.
  for (let i = 0; i < rows.length; i += 1000) await tx.insert(auditLog).values(rows.slice(i, i + 1000));
}
