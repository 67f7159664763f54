import { eq } from 'drizzle-orm';
import { users } from '../../core/auth/schema.ts';
import type { Executor } from '../../core/db/client.ts';
import type { Lang } from '../../core/i18n/langs.ts';
import type { MessageParams } from '../../core/i18n/messages.ts';
import { enqueueMail } from '../../core/mail/outbox.ts';
import type { AppContext } from '../../core/module.ts';
import { organisationName } from '../organisations/index.ts';
import type { ApplicationRecord } from './records.ts';
import { localised } from './records.ts';

/**
 * Writes to the outbox, in the deciding transaction, a letter to whoever submitted the
 * application (or opened it), in their own language.
 */
export async function mailApplicant(
  ctx: AppContext,
  tx: Executor,
  record: ApplicationRecord,
  mail: { subject: string; body: string },
  extra: (lang: Lang) => MessageParams = () => ({}),
): Promise<void> {
  const userId = record.application.submittedBy ?? record.application.createdBy;
  if (!userId) return;
  const [user] = await tx.select({ email: users.email, locale: users.locale }).from(users).where(eq(users.id, userId));
  if (!user) return;
  const lang = user.locale as Lang;
  const t = ctx.messages.translator(lang);
  const params: MessageParams = {
    number: record.application.receiptNumber ?? '—',
    organisation: organisationName(record.organisation, lang),
    lot: localised(record.lot, lang),
    competition: localised(record.competition, lang),
    url: `${ctx.config.publicUrl}/${lang}/competitions/${record.competition.id}`,
    ...extra(lang),
  };
  await enqueueMail(tx, { to: user.email, subject: t(mail.subject, params), text: t(mail.body, params) });
}
