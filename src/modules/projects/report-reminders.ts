import { and, asc, eq, gte, isNotNull, isNull, lt, lte, notExists, sql } from 'drizzle-orm';
import { type AuditEntry, recordAudits } from '../../core/audit/audit-log.ts';
import { users } from '../../core/auth/schema.ts';
import { formatters } from '../../core/format/intl.ts';
import { LANGS, type Lang } from '../../core/i18n/langs.ts';
import { enqueueMail } from '../../core/mail/outbox.ts';
import type { AppContext } from '../../core/module.ts';
import { localised } from '../competitions/index.ts';
import { organisationMembers } from '../organisations/index.ts';
import { isoDay } from './records.ts';
import { projectPeriods, projects, reports } from './schema.ts';

/** How many days before a report is due its organisation is reminded. */
export const REMINDER_DAYS = 7;

/** A calendar day moved by whole days (`YYYY-MM-DD`, as the database keeps dates). */
export const addDays = (day: string, days: number) => new Date(Date.parse(`${day}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

/** A report counts as handed in once it is submitted or accepted; a draft or a returned report does not. */
const notHandedIn = sql`not exists (select 1 from ${reports} where ${reports.periodId} = ${projectPeriods.id} and ${reports.status} in ('submitted', 'accepted'))`;

export type ReminderRun = { reminded: number; flagged: number; cleared: number };

/**
 * The hourly look at report deadlines, for active projects only:
 * - a period whose report is due within REMINDER_DAYS and is not handed in: its organisation's
 *   admins get one e-mail (the period's `remindedAt` makes it once, also with several processes);
 * - a period whose due date has passed without a report handed in flags its project overdue
 *   (`overdueSince`: the day after the earliest missed date), and the flag goes once nothing is
 *   overdue any more.
 * Running it again changes nothing; every flag and unflag is audited.
 */
export async function remindReports(ctx: AppContext): Promise<ReminderRun> {
  const now = ctx.clock.now();
  const today = isoDay(now);
  let reminded = 0;

  const due = await ctx.db
    .select({ periodId: projectPeriods.id })
    .from(projectPeriods)
    .innerJoin(projects, eq(projects.id, projectPeriods.projectId))
    .where(
      and(
        eq(projects.status, 'active'),
        isNull(projectPeriods.remindedAt),
        gte(projectPeriods.reportDueOn, today),
        lte(projectPeriods.reportDueOn, addDays(today, REMINDER_DAYS)),
        notHandedIn,
      ),
    )
    .orderBy(asc(projectPeriods.reportDueOn));
  for (const { periodId } of due) {
    // One transaction per period: the mark and its letters commit together, or not at all.
    const sent = await ctx.db.transaction(async (tx) => {
      const [period] = await tx
        .update(projectPeriods)
        .set({ remindedAt: now })
        .where(and(eq(projectPeriods.id, periodId), isNull(projectPeriods.remindedAt)))
        .returning();
      if (!period) return false;
      const [project] = await tx.select().from(projects).where(eq(projects.id, period.projectId));
      const admins = await tx
        .select({ email: users.email, locale: users.locale })
        .from(organisationMembers)
        .innerJoin(users, eq(users.id, organisationMembers.userId))
        .where(and(eq(organisationMembers.organisationId, project!.organisationId), eq(organisationMembers.role, 'admin'), isNull(users.disabledAt)));
      for (const admin of admins) {
        const lang: Lang = (LANGS as readonly string[]).includes(admin.locale) ? (admin.locale as Lang) : 'kk';
        const t = ctx.messages.translator(lang);
        const params = {
          project: localised(project!, lang),
          period: period.number,
          due: formatters(lang).date(new Date(`${period.reportDueOn}T12:00:00+05:00`)),
          // The organisation's report form for this period.
          url: `${ctx.config.publicUrl}/${lang}/work/projects/${project!.id}/reports/${period.number}`,
        };
        await enqueueMail(tx, { to: admin.email, subject: t('projects.monitor.mail.reminder.subject', params), text: t('projects.monitor.mail.reminder.body', params) });
      }
      return true;
    });
    if (sent) reminded++;
  }

  const { flagged, cleared } = await ctx.db.transaction(async (tx) => {
    const missed = await tx
      .select({ projectId: projectPeriods.projectId, firstMissed: sql<string>`min(${projectPeriods.reportDueOn})::text` })
      .from(projectPeriods)
      .innerJoin(projects, eq(projects.id, projectPeriods.projectId))
      .where(and(eq(projects.status, 'active'), lt(projectPeriods.reportDueOn, today), notHandedIn))
      .groupBy(projectPeriods.projectId);
    const audits: AuditEntry[] = [];
    let flagged = 0;
    for (const m of missed) {
      const since = addDays(String(m.firstMissed), 1);
      const [row] = await tx
        .update(projects)
        .set({ overdueSince: since })
        .where(and(eq(projects.id, m.projectId), eq(projects.status, 'active'), isNull(projects.overdueSince)))
        .returning({ id: projects.id });
      if (!row) continue;
      flagged++;
      audits.push({ actorId: null, action: 'project.overdue', entityType: 'project', entityId: row.id, changes: { since } });
    }
    // A project whose late reports have all come in is no longer overdue.
    const lateNoMore = await tx
      .update(projects)
      .set({ overdueSince: null })
      .where(
        and(
          isNotNull(projects.overdueSince),
          eq(projects.status, 'active'),
          notExists(
            tx
              .select({ one: sql`1` })
              .from(projectPeriods)
              .where(and(eq(projectPeriods.projectId, projects.id), lt(projectPeriods.reportDueOn, today), notHandedIn)),
          ),
        ),
      )
      .returning({ id: projects.id });
    for (const row of lateNoMore) audits.push({ actorId: null, action: 'project.overdue-cleared', entityType: 'project', entityId: row.id });
    await recordAudits(tx, audits);
    return { flagged, cleared: lateNoMore.length };
  });

  return { reminded, flagged, cleared };
}
