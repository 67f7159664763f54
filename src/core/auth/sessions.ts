import { and, eq, gt, sql } from 'drizzle-orm';
import type { Db, Executor } from '../db/client.ts';
import { ANONYMOUS, type Actor, type Membership } from './actor.ts';
import { type Role, sessions, userRoles, users } from './schema.ts';
import { newToken, tokenId } from './tokens.ts';

export const SESSION_COOKIE = 'ortaq_session';
export const SESSION_TTL_MS = 14 * 24 * 3600 * 1000;
const TOUCH_AFTER_MS = 3600 * 1000;

export type MembershipLoader = (db: Executor, userId: string) => Promise<Membership[]>;

export async function createSession(
  tx: Executor,
  userId: string,
  meta: { userAgent?: string; ip?: string },
): Promise<{ token: string; id: string; expiresAt: Date }> {
  const { token, id } = newToken();
  const expiresAt = new Date(Date.now() + SESSION_TTL_MS);
  await tx.insert(sessions).values({
    id,
    userId,
    expiresAt,
    userAgent: meta.userAgent?.slice(0, 300),
    ip: meta.ip,
  });
  return { token, id, expiresAt };
}

export async function deleteSessionByToken(db: Executor, token: string): Promise<void> {
  await db.delete(sessions).where(eq(sessions.id, tokenId(token)));
}

/** Resolves the cookie's token to an actor; an unknown, expired or disabled session is anonymous. */
export async function loadActor(db: Db, token: string | undefined, loadMemberships: MembershipLoader): Promise<Actor> {
  if (!token || token.length > 100) return ANONYMOUS;
  const id = tokenId(token);
  const [row] = await db
    .select({
      userId: users.id,
      email: users.email,
      name: users.name,
      disabledAt: users.disabledAt,
      lastSeenAt: sessions.lastSeenAt,
      roles: sql<Role[]>`coalesce((select array_agg(${userRoles.role}) from ${userRoles} where ${userRoles.userId} = ${users.id}), '{}')`,
    })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(and(eq(sessions.id, id), gt(sessions.expiresAt, new Date())));
  if (!row || row.disabledAt) return ANONYMOUS;
  if (Date.now() - row.lastSeenAt.getTime() > TOUCH_AFTER_MS) {
    await db
      .update(sessions)
      .set({ lastSeenAt: new Date(), expiresAt: new Date(Date.now() + SESSION_TTL_MS) })
      .where(eq(sessions.id, id));
  }
  return {
    userId: row.userId,
    email: row.email,
    name: row.name,
    roles: new Set(row.roles),
    memberships: await loadMemberships(db, row.userId),
    sessionId: id,
  };
}
