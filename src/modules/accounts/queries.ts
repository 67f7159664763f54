import { desc, eq } from 'drizzle-orm';
import type { Actor } from '../../core/auth/actor.ts';
import { sessions } from '../../core/auth/schema.ts';
import type { Db } from '../../core/db/client.ts';

export type SessionSummary = { id: string; createdAt: Date; lastSeenAt: Date; userAgent: string | null; current: boolean };

/** The signed-in user's own sessions; nobody else's are ever listed. */
export async function listOwnSessions(db: Db, actor: Actor): Promise<SessionSummary[]> {
  if (!actor.userId) return [];
  const rows = await db
    .select({ id: sessions.id, createdAt: sessions.createdAt, lastSeenAt: sessions.lastSeenAt, userAgent: sessions.userAgent })
    .from(sessions)
    .where(eq(sessions.userId, actor.userId))
    .orderBy(desc(sessions.lastSeenAt));
  return rows.map((r) => ({ ...r, current: r.id === actor.sessionId }));
}
