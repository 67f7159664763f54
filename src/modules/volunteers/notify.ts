import { eq } from 'drizzle-orm';
import { users } from '../../core/auth/schema.ts';
import type { Executor } from '../../core/db/client.ts';
import { formatters } from '../../core/format/intl.ts';
import type { Lang } from '../../core/i18n/langs.ts';
import { enqueueMail } from '../../core/mail/outbox.ts';
import type { AppContext } from '../../core/module.ts';
import { localised } from './names.ts';
import type { OpportunityRow, ShiftRow } from './records.ts';

/** Writes to the outbox, in the deciding transaction, a letter about a shift to a volunteer, in their language. */
export async function mailVolunteer(
  ctx: AppContext,
  tx: Executor,
  volunteerId: string,
  about: { shift: ShiftRow; opportunity: OpportunityRow },
  mail: { subject: string; body: string },
): Promise<void> {
  const [user] = await tx.select({ email: users.email, locale: users.locale }).from(users).where(eq(users.id, volunteerId));
  if (!user) return;
  const lang = user.locale as Lang;
  const t = ctx.messages.translator(lang);
  const params = {
    title: localised(about.opportunity.titleKk, about.opportunity.titleRu, lang),
    when: formatters(lang).dateTime(about.shift.startsAt),
    url: `${ctx.config.publicUrl}/${lang}/volunteer`,
  };
  await enqueueMail(tx, { to: user.email, subject: t(mail.subject, params), text: t(mail.body, params) });
}
