import { and, isNotNull, lt, or } from 'drizzle-orm';
import type { Executor } from '../db/client.ts';
import { accountTokens, loginAttempts, sessions } from './schema.ts';

const DAY_MS = 24 * 3600 * 1000;

/** Deletes what has stopped mattering: expired sessions, old login attempts, spent or expired tokens. */
export async function purgeExpiredAccountData(db: Executor, now = new Date()): Promise<void> {
  await db.delete(sessions).where(lt(sessions.expiresAt, now));
  await db.delete(loginAttempts).where(lt(loginAttempts.at, new Date(now.getTime() - DAY_MS)));
  const weekAgo = new Date(now.getTime() - 7 * DAY_MS);
  await db
    .delete(accountTokens)
    .where(or(lt(accountTokens.expiresAt, weekAgo), and(isNotNull(accountTokens.usedAt), lt(accountTokens.usedAt, weekAgo))));
}
