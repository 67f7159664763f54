import { eq } from 'drizzle-orm';
import { recordAudit } from '../../core/audit/audit-log.ts';
import { hashPassword } from '../../core/auth/password.ts';
import { users } from '../../core/auth/schema.ts';
import type { Lang } from '../../core/i18n/langs.ts';
import { enqueueMail } from '../../core/mail/outbox.ts';
import type { AppContext } from '../../core/module.ts';
import type { SignUpInput } from './inputs.ts';
import { accountLink, mailTokenLink } from './links.ts';

/**
 * Creates an unconfirmed account and mails the confirmation link. An address that already has an
 * account gets a warning mail instead, and the caller sees the same result either way, so the
 * form does not reveal who is registered.
 */
export async function signUp(ctx: AppContext, input: SignUpInput & { lang: Lang }): Promise<void> {
  const t = ctx.messages.translator(input.lang);
  const passwordHash = await hashPassword(input.password);
  await ctx.db.transaction(async (tx) => {
    const [existing] = await tx.select({ id: users.id }).from(users).where(eq(users.email, input.email));
    if (existing) {
      await enqueueMail(tx, {
        to: input.email,
        subject: t('accounts.mail.exists.subject'),
        text: t('accounts.mail.exists.body', {
          login: accountLink(ctx.config.publicUrl, input.lang, '/login'),
          reset: accountLink(ctx.config.publicUrl, input.lang, '/password/forgot'),
        }),
      });
      return;
    }
    const [user] = await tx
      .insert(users)
      .values({ email: input.email, name: input.name, passwordHash, locale: input.lang })
      .returning({ id: users.id });
    await mailTokenLink(ctx, tx, { id: user!.id, email: input.email, name: input.name }, 'confirm-email', input.lang);
    await recordAudit(tx, { actorId: user!.id, action: 'user.sign-up', entityType: 'user', entityId: user!.id, changes: { locale: input.lang } });
  });
}
