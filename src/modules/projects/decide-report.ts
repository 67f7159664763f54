import { and, eq, isNull } from 'drizzle-orm';
import type { Actor } from '../../core/auth/actor.ts';
import { type AuditEntry, recordAudits } from '../../core/audit/audit-log.ts';
import { organisationMembers } from '../organisations/index.ts';
import { users } from '../../core/auth/schema.ts';
import type { Lang } from '../../core/i18n/langs.ts';
import { formatters } from '../../core/format/intl.ts';
import { enqueueMail } from '../../core/mail/outbox.ts';
import type { AppContext } from '../../core/module.ts';
import { loadReport } from './records.ts';
import { projects, reports, tranches } from './schema.ts';

export type ReportDecision = { accept: true } | { accept: false; comments: string };

/**
 * The organiser accepts a submitted report, which releases the tranches tied to its period
 * (recorded with date and amount), or returns it with comments to be corrected. The
 * organisation's admins are told by e-mail; the decision and each release are audited.
 */
export async function decideReport(ctx: AppContext, actor: Actor, reportId: string, decision: ReportDecision): Promise<{ ok: true; releasedTiyn: number } | { ok: false; key: string }> {
  return ctx.db.transaction(async (tx) => {
    const record = await loadReport(tx, reportId, { lock: true });
    ctx.policy.authorize(actor, 'report.decide', record.ref);
    const { report, period, agreement, project } = record;
    if (report.status !== 'submitted') return { ok: false, key: 'projects.error.not-submitted' };
    const now = ctx.clock.now();
    const audits: AuditEntry[] = [];
    let releasedTiyn = 0;
    if (decision.accept) {
      await tx.update(reports).set({ status: 'accepted', decidedAt: now, decidedBy: actor.userId, comments: null, updatedAt: now }).where(eq(reports.id, reportId));
      audits.push({ actorId: actor.userId, action: 'report.accept', entityType: 'report', entityId: reportId, changes: { round: report.round, period: period.number } });
      const due = await tx
        .select()
        .from(tranches)
        .where(and(eq(tranches.agreementId, agreement.id), eq(tranches.periodNumber, period.number), isNull(tranches.releasedAt)));
      for (const t of due) {
        await tx.update(tranches).set({ releasedAt: now, releasedBy: actor.userId }).where(eq(tranches.id, t.id));
        releasedTiyn += t.amountTiyn;
        audits.push({ actorId: actor.userId, action: 'tranche.release', entityType: 'agreement', entityId: agreement.id, changes: { tranche: t.number, amountTiyn: t.amountTiyn } });
      }
      if (project.overdueSince) await tx.update(projects).set({ overdueSince: null }).where(eq(projects.id, project.id));
    } else {
      await tx.update(reports).set({ status: 'returned', decidedAt: now, decidedBy: actor.userId, comments: decision.comments, updatedAt: now }).where(eq(reports.id, reportId));
      audits.push({ actorId: actor.userId, action: 'report.return', entityType: 'report', entityId: reportId, changes: { round: report.round, comments: decision.comments } });
    }
    await recordAudits(tx, audits);

    const admins = await tx
      .select({ email: users.email, locale: users.locale })
      .from(organisationMembers)
      .innerJoin(users, eq(users.id, organisationMembers.userId))
      .where(and(eq(organisationMembers.organisationId, project.organisationId), eq(organisationMembers.role, 'admin')));
    for (const admin of admins) {
      const lang = admin.locale as Lang;
      const t = ctx.messages.translator(lang);
      const params = {
        project: lang === 'ru' ? project.titleRu : project.titleKk,
        period: String(period.number),
        comments: decision.accept ? '' : decision.comments,
        released: formatters(lang).money(releasedTiyn),
        url: `${ctx.config.publicUrl}/${lang}/projects/${project.id}`,
      };
      await enqueueMail(tx, {
        to: admin.email,
        subject: t(decision.accept ? 'projects.mail.accepted.subject' : 'projects.mail.returned.subject', params),
        text: t(decision.accept ? 'projects.mail.accepted.body' : 'projects.mail.returned.body', params),
      });
    }
    return { ok: true, releasedTiyn };
  });
}
