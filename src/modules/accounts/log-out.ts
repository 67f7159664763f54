import { and, eq, ne } from 'drizzle-orm';
import { sessions } from '../../core/auth/schema.ts';
import { deleteSessionByToken } from '../../core/auth/sessions.ts';
import type { AppContext } from '../../core/module.ts';

export async function logOut(ctx: AppContext, sessionToken: string | undefined): Promise<void> {
  if (sessionToken) await deleteSessionByToken(ctx.db, sessionToken);
}

/** Ends every session of the user except the one making the request. */
export async function revokeOtherSessions(ctx: AppContext, userId: string, currentSessionId: string): Promise<void> {
  await ctx.db.delete(sessions).where(and(eq(sessions.userId, userId), ne(sessions.id, currentSessionId)));
}
