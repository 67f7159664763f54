import { eq } from 'drizzle-orm';
import { recordAudit } from '../../core/audit/audit-log.ts';
import { hashPassword } from '../../core/auth/password.ts';
import { accountTokens, sessions, users } from '../../core/auth/schema.ts';
import { newToken } from '../../core/auth/tokens.ts';
import type { Lang } from '../../core/i18n/langs.ts';
import { enqueueMail } from '../../core/mail/outbox.ts';
import type { AppContext } from '../../core/module.ts';
import { accountLink } from './links.ts';
import { useToken } from './use-token.ts';

export const RESET_TTL_MS = 3600 * 1000;

/** Mails a reset link if the address has an account; the caller shows the same answer either way. */
export async function requestPasswordReset(ctx: AppContext, input: { email: string; lang: Lang }): Promise<void> {
  await ctx.db.transaction(async (tx) => {
    const [user] = await tx.select().from(users).where(eq(users.email, input.email));
    if (!user || user.disabledAt) return;
    const { token, id } = newToken();
    await tx.insert(accountTokens).values({ id, userId: user.id, purpose: 'reset-password', expiresAt: new Date(Date.now() + RESET_TTL_MS) });
    const lang = (user.locale as Lang) ?? input.lang;
    const t = ctx.messages.translator(lang);
    await enqueueMail(tx, {
      to: user.email,
      subject: t('accounts.mail.reset.subject'),
      text: t('accounts.mail.reset.body', { name: user.name, link: accountLink(ctx.config.publicUrl, lang, '/password/reset', token) }),
    });
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
