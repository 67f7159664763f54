import { and, count, eq, isNotNull } from 'drizzle-orm';
import type { Actor } from '../../core/auth/actor.ts';
import { recordAudit } from '../../core/audit/audit-log.ts';
import { users } from '../../core/auth/schema.ts';
import { files } from '../../core/files/schema.ts';
import { formatters } from '../../core/format/intl.ts';
import type { Lang } from '../../core/i18n/langs.ts';
import { enqueueMail } from '../../core/mail/outbox.ts';
import type { AppContext } from '../../core/module.ts';
import { organisationName } from '../organisations/index.ts';
import { contentFingerprint } from './content.ts';
import { allPass, type Check, checkApplication } from './eligibility.ts';
import { applicationRef, loadApplication, loadLot, localised } from './records.ts';
import { applicationAttachments, applications } from './schema.ts';

export type Receipt = { number: string; submittedAt: Date; sha256: string };
export type SubmitResult = { ok: true; receipt: Receipt; already: boolean } | { ok: false; key: string; failed?: Check[] };

/**
 * Submits a draft, exactly once: the lot row is locked, so a double click or a second tab waits
 * and then receives the same receipt. Only before the deadline by the server's clock.
 */
export async function submitApplication(ctx: AppContext, actor: Actor, applicationId: string): Promise<SubmitResult> {
  return ctx.db.transaction(async (tx) => {
    const peek = await loadApplication(tx, applicationId);
    ctx.policy.authorize(actor, 'application.edit', applicationRef(peek));
    await loadLot(tx, peek.lot.id, { lock: true });
    const record = await loadApplication(tx, applicationId, { lock: true });
    const { application: a, lot, competition, organisation } = record;
    if (a.status !== 'draft') {
      if (a.receiptNumber && a.submittedAt && a.contentSha256 && a.status !== 'withdrawn') {
        return { ok: true, already: true, receipt: { number: a.receiptNumber, submittedAt: a.submittedAt, sha256: a.contentSha256 } };
      }
      return { ok: false, key: 'competitions.error.not-draft' };
    }
    const now = ctx.clock.now();
    const checks = await checkApplication(tx, record, now);
    if (!allPass(checks)) {
      return { ok: false, key: 'competitions.error.not-ready', failed: [...checks.eligibility, ...checks.completeness].filter((c) => !c.ok) };
    }
    const attachments = await tx
      .select({ documentCode: applicationAttachments.documentCode, sha256: files.sha256 })
      .from(applicationAttachments)
      .innerJoin(files, eq(files.id, applicationAttachments.fileId))
      .where(eq(applicationAttachments.applicationId, a.id));
    const sha256 = contentFingerprint({ lotId: lot.id, organisationBin: organisation.bin, language: a.language, content: a.content, attachments });
    const [numbered] = await tx
      .select({ n: count() })
      .from(applications)
      .where(and(eq(applications.lotId, lot.id), isNotNull(applications.receiptNumber)));
    const number = `${competition.number}-${String(lot.number).padStart(2, '0')}-${String((numbered?.n ?? 0) + 1).padStart(3, '0')}`;
    await tx
      .update(applications)
      .set({ status: 'submitted', receiptNumber: number, contentSha256: sha256, submittedAt: now, submittedBy: actor.userId, updatedAt: now })
      .where(eq(applications.id, a.id));
    await recordAudit(tx, {
      actorId: actor.userId,
      action: 'application.submit',
      entityType: 'application',
      entityId: a.id,
      changes: { receipt: number, sha256, lotId: lot.id, organisationId: organisation.id, requestedTiyn: a.requestedTiyn },
    });
    const [submitter] = await tx.select({ email: users.email, locale: users.locale }).from(users).where(eq(users.id, actor.userId ?? ''));
    if (submitter) {
      const lang = submitter.locale as Lang;
      const t = ctx.messages.translator(lang);
      const params = {
        number,
        sha256,
        time: formatters(lang).dateTime(now),
        organisation: organisationName(organisation, lang),
        lot: localised(lot, lang),
        competition: localised(competition, lang),
      };
      await enqueueMail(tx, { to: submitter.email, subject: t('competitions.mail.receipt.subject', params), text: t('competitions.mail.receipt.body', params) });
    }
    return { ok: true, already: false, receipt: { number, submittedAt: now, sha256 } };
  });
}
