import { and, desc, eq, inArray } from 'drizzle-orm';
import { auditLog } from '../../core/audit/schema.ts';
import type { Db } from '../../core/db/client.ts';

/** The actions on an organisation's record that its public history tells. */
export const HISTORY_ACTIONS = ['organisation.create', 'organisation.update', 'organisation.import'];

export type HistoryEntry = { at: Date; action: string; fields: string[] };

/** The public history of an organisation's record: what changed and when (not who, nor old values). */
export async function organisationHistory(db: Db, organisationId: string, limit = 50): Promise<HistoryEntry[]> {
  const rows = await db
    .select({ at: auditLog.at, action: auditLog.action, changes: auditLog.changes })
    .from(auditLog)
    .where(and(eq(auditLog.entityType, 'organisation'), eq(auditLog.entityId, organisationId), inArray(auditLog.action, HISTORY_ACTIONS)))
    .orderBy(desc(auditLog.id))
    .limit(limit);
  return rows.map((r) => ({ at: r.at, action: r.action, fields: Array.isArray(r.changes.fields) ? (r.changes.fields as string[]) : [] }));
}
