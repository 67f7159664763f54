import { eq } from 'drizzle-orm';
import { recordAudit } from '../../core/audit/audit-log.ts';
import { hashPassword } from '../../core/auth/password.ts';
import { sessions, users } from '../../core/auth/schema.ts';
import type { Lang } from '../../core/i18n/langs.ts';
import type { AppContext } from '../../core/module.ts';
import { mailTokenLink } from './links.ts';
import { useToken } from './use-token.ts';

/** Mails a reset link if the address has an account; the caller shows the same answer either way. */
export async function requestPasswordReset(ctx: AppContext, input: { email: string; lang: Lang }): Promise<void> {
  await ctx.db.transaction(async (tx) => {
    const [user] = await tx.select().from(users).where(eq(users.email, input.email));
    if (!user || user.disabledAt) return;
    await mailTokenLink(ctx, tx, user, 'reset-password', (user.locale as Lang) ?? input.lang);
  });
}

/** Sets the new password and ends every session of the account; the token works once. */
export async function resetPassword(ctx: AppContext, input: { token: string; password: string }): Promise<boolean> {
  const passwordHash = await hashPassword(input.password);
  return ctx.db.transaction(async (tx) => {
    const userId = await useToken(tx, input.token, 'reset-password');
    if (!userId) return false;
    // Following the mailed link proves the address too.
    const [user] = await tx.select({ verified: users.emailVerifiedAt }).from(users).where(eq(users.id, userId));
    await tx
      .update(users)
      .set({ passwordHash, emailVerifiedAt: user?.verified ?? new Date() })
      .where(eq(users.id, userId));
    await tx.delete(sessions).where(eq(sessions.userId, userId));
    await recordAudit(tx, { actorId: userId, action: 'user.reset-password', entityType: 'user', entityId: userId });
    return true;
  });
}
