import { accountTokens } from '../../core/auth/schema.ts';
import { newToken } from '../../core/auth/tokens.ts';
import type { Executor } from '../../core/db/client.ts';
import type { Lang } from '../../core/i18n/langs.ts';
import { enqueueMail } from '../../core/mail/outbox.ts';
import type { AppContext } from '../../core/module.ts';

/** Absolute links for e-mails, in the recipient's language. */
export const accountLink = (publicUrl: string, lang: Lang, path: string, token?: string) =>
  `${publicUrl}/${lang}${path}${token ? `?token=${encodeURIComponent(token)}` : ''}`;

/** What each kind of e-mailed link opens, how long it works, and the mail that carries it. */
const LINKS = {
  'confirm-email': { ttlMs: 48 * 3600 * 1000, path: '/confirm', subject: 'accounts.mail.confirm.subject', body: 'accounts.mail.confirm.body' },
  'reset-password': { ttlMs: 3600 * 1000, path: '/password/reset', subject: 'accounts.mail.reset.subject', body: 'accounts.mail.reset.body' },
} as const;

/** Creates a single-use token and mails its link, in the caller's transaction. */
export async function mailTokenLink(
  ctx: AppContext,
  tx: Executor,
  user: { id: string; email: string; name: string },
  purpose: keyof typeof LINKS,
  lang: Lang,
): Promise<void> {
  const link = LINKS[purpose];
  const { token, id } = newToken();
  await tx.insert(accountTokens).values({ id, userId: user.id, purpose, expiresAt: new Date(Date.now() + link.ttlMs) });
  const t = ctx.messages.translator(lang);
  await enqueueMail(tx, {
    to: user.email,
    subject: t(link.subject),
    text: t(link.body, { name: user.name, link: accountLink(ctx.config.publicUrl, lang, link.path, token) }),
  });
}
