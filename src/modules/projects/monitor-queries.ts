import { aliasedTable, and, asc, count, desc, eq, inArray } from 'drizzle-orm';
import { type Actor, hasRole, isAdmin } from '../../core/auth/actor.ts';
import { users } from '../../core/auth/schema.ts';
import type { Executor } from '../../core/db/client.ts';
import { isUuid } from '../../core/db/uuid.ts';
import { AppError } from '../../core/errors/app-error.ts';
import type { AppContext } from '../../core/module.ts';
import { competitions } from '../competitions/index.ts';
import { organisations } from '../organisations/index.ts';
import { isEvaluable } from './evaluate-project.ts';
import type { ProjectRef } from './policy.ts';
import type { VisitRisk } from './record-visit.ts';
import { loadProject, type ProjectRecord, type ProjectRow } from './records.ts';
import { monitoringVisits, projectEvaluations, projectFeedback, projectPeriods, projectStatusChanges, projects, reports } from './schema.ts';

type OrganisationNames = { nameKk: string; nameRu: string; nameEn: string | null };
type Titles = { titleKk: string; titleRu: string };

export type MonitoredProject = {
  project: Pick<ProjectRow, 'id' | 'titleKk' | 'titleRu' | 'status' | 'overdueSince' | 'regionCode'>;
  organisation: OrganisationNames;
  competitionNumber: string;
  latestRisk: VisitRisk | null;
  latestVisitOn: string | null;
  awaitingDecision: number;
  pendingFeedback: number;
};

const RISK_RANK: Record<VisitRisk, number> = { high: 3, medium: 2, low: 1, none: 0 };

/**
 * The projects the actor monitors: those paid for by competitions of the state bodies they
 * organise for, as the `project.monitor` rule says. Overdue and risky ones first.
 */
export async function monitoredProjects(ctx: AppContext, actor: Actor): Promise<MonitoredProject[]> {
  const bodyIds = actor.memberships.map((m) => m.organisationId);
  if (!hasRole(actor, 'organiser') || bodyIds.length === 0) return [];
  const rows = await ctx.db
    .select({
      project: { id: projects.id, titleKk: projects.titleKk, titleRu: projects.titleRu, status: projects.status, overdueSince: projects.overdueSince, regionCode: projects.regionCode },
      organisation: { nameKk: organisations.nameKk, nameRu: organisations.nameRu, nameEn: organisations.nameEn },
      competitionNumber: competitions.number,
      organiserId: competitions.organiserId,
      organisationId: projects.organisationId,
    })
    .from(projects)
    .innerJoin(competitions, eq(competitions.id, projects.competitionId))
    .innerJoin(organisations, eq(organisations.id, projects.organisationId))
    .where(inArray(competitions.organiserId, bodyIds))
    .orderBy(desc(projects.createdAt));
  const mine = rows.filter((r) => ctx.policy.can(actor, 'project.monitor', { organisationId: r.organisationId, organiserId: r.organiserId } satisfies ProjectRef));
  if (!mine.length) return [];
  const ids = mine.map((r) => r.project.id);
  const [risks, awaiting, pending] = await Promise.all([
    ctx.db
      .selectDistinctOn([monitoringVisits.projectId], { projectId: monitoringVisits.projectId, risk: monitoringVisits.risk, visitedOn: monitoringVisits.visitedOn })
      .from(monitoringVisits)
      .where(inArray(monitoringVisits.projectId, ids))
      .orderBy(monitoringVisits.projectId, desc(monitoringVisits.visitedOn), desc(monitoringVisits.createdAt)),
    ctx.db
      .select({ projectId: reports.projectId, n: count() })
      .from(reports)
      .where(and(inArray(reports.projectId, ids), eq(reports.status, 'submitted')))
      .groupBy(reports.projectId),
    ctx.db
      .select({ projectId: projectFeedback.projectId, n: count() })
      .from(projectFeedback)
      .where(and(inArray(projectFeedback.projectId, ids), eq(projectFeedback.status, 'pending')))
      .groupBy(projectFeedback.projectId),
  ]);
  const items = mine.map(({ project, organisation, competitionNumber }) => {
    const visit = risks.find((r) => r.projectId === project.id);
    return {
      project,
      organisation,
      competitionNumber,
      latestRisk: visit?.risk ?? null,
      latestVisitOn: visit?.visitedOn ?? null,
      awaitingDecision: awaiting.find((a) => a.projectId === project.id)?.n ?? 0,
      pendingFeedback: pending.find((p) => p.projectId === project.id)?.n ?? 0,
    };
  });
  const weight = (i: MonitoredProject) => (i.project.overdueSince ? 10 : 0) + (i.latestRisk ? RISK_RANK[i.latestRisk] : 0);
  return items.sort((a, b) => weight(b) - weight(a));
}

export type PendingComment = {
  id: string;
  projectId: string;
  project: Titles;
  authorName: string;
  body: string;
  createdAt: Date;
  /** Whether the actor monitors the project (and so may open its desk), not only moderate. */
  monitors: boolean;
};

const QUEUE_LIMIT = 200;

/**
 * Comments waiting for moderation that the actor may publish or reject, oldest first: on the
 * projects they monitor, and on every project for a platform admin.
 */
export async function moderationQueue(ctx: AppContext, actor: Actor, monitored: string[]): Promise<PendingComment[]> {
  const admin = isAdmin(actor);
  if (!admin && monitored.length === 0) return [];
  const rows = await ctx.db
    .select({
      id: projectFeedback.id,
      projectId: projectFeedback.projectId,
      project: { titleKk: projects.titleKk, titleRu: projects.titleRu },
      authorName: projectFeedback.authorName,
      body: projectFeedback.body,
      createdAt: projectFeedback.createdAt,
    })
    .from(projectFeedback)
    .innerJoin(projects, eq(projects.id, projectFeedback.projectId))
    .where(and(eq(projectFeedback.status, 'pending'), admin ? undefined : inArray(projectFeedback.projectId, monitored)))
    .orderBy(asc(projectFeedback.createdAt))
    .limit(QUEUE_LIMIT);
  const mine = new Set(monitored);
  return rows.map((r) => ({ ...r, monitors: mine.has(r.projectId) }));
}

export type StatusChange = typeof projectStatusChanges.$inferSelect & { by: string | null };
export type Visit = typeof monitoringVisits.$inferSelect & { by: string | null };
export type Evaluation = typeof projectEvaluations.$inferSelect & { by: string | null };
export type PeriodState = typeof projectPeriods.$inferSelect & { reportId: string | null; reportStatus: (typeof reports.$inferSelect)['status'] | null };

export type MonitorDesk = {
  project: ProjectRow;
  ref: ProjectRef;
  agreement: ProjectRecord['agreement'];
  organisation: OrganisationNames;
  competition: { id: string; number: string } & Titles & { titleEn: string | null };
  history: StatusChange[];
  visits: Visit[];
  periods: PeriodState[];
  evaluation: Evaluation | null;
  evaluable: boolean;
  comments: PendingComment[];
};

/** Everything the monitoring desk of one project shows; the caller has checked `project.monitor`. */
export async function monitorDeskOf(db: Executor, record: ProjectRecord): Promise<MonitorDesk> {
  const { project } = record;
  const changer = aliasedTable(users, 'changer');
  const visitor = aliasedTable(users, 'visitor');
  const evaluator = aliasedTable(users, 'evaluator');
  const [organisation] = await db
    .select({ nameKk: organisations.nameKk, nameRu: organisations.nameRu, nameEn: organisations.nameEn })
    .from(organisations)
    .where(eq(organisations.id, project.organisationId));
  const [competition] = await db
    .select({ id: competitions.id, number: competitions.number, titleKk: competitions.titleKk, titleRu: competitions.titleRu, titleEn: competitions.titleEn })
    .from(competitions)
    .where(eq(competitions.id, project.competitionId));
  const history = await db
    .select({ change: projectStatusChanges, by: changer.name })
    .from(projectStatusChanges)
    .leftJoin(changer, eq(changer.id, projectStatusChanges.changedBy))
    .where(eq(projectStatusChanges.projectId, project.id))
    .orderBy(asc(projectStatusChanges.changedAt));
  const visits = await db
    .select({ visit: monitoringVisits, by: visitor.name })
    .from(monitoringVisits)
    .leftJoin(visitor, eq(visitor.id, monitoringVisits.createdBy))
    .where(eq(monitoringVisits.projectId, project.id))
    .orderBy(desc(monitoringVisits.visitedOn), desc(monitoringVisits.createdAt));
  const periods = await db
    .select({ period: projectPeriods, reportId: reports.id, reportStatus: reports.status })
    .from(projectPeriods)
    .leftJoin(reports, eq(reports.periodId, projectPeriods.id))
    .where(eq(projectPeriods.projectId, project.id))
    .orderBy(asc(projectPeriods.number));
  const [evaluation] = await db
    .select({ evaluation: projectEvaluations, by: evaluator.name })
    .from(projectEvaluations)
    .leftJoin(evaluator, eq(evaluator.id, projectEvaluations.evaluatedBy))
    .where(eq(projectEvaluations.projectId, project.id));
  const comments = await db
    .select({ id: projectFeedback.id, authorName: projectFeedback.authorName, body: projectFeedback.body, createdAt: projectFeedback.createdAt })
    .from(projectFeedback)
    .where(and(eq(projectFeedback.projectId, project.id), eq(projectFeedback.status, 'pending')))
    .orderBy(asc(projectFeedback.createdAt));
  return {
    project,
    ref: record.ref,
    agreement: record.agreement,
    organisation: organisation!,
    competition: competition!,
    history: history.map((h) => ({ ...h.change, by: h.by })),
    visits: visits.map((v) => ({ ...v.visit, by: v.by })),
    periods: periods.map((p) => ({ ...p.period, reportId: p.reportId, reportStatus: p.reportStatus })),
    evaluation: evaluation ? { ...evaluation.evaluation, by: evaluation.by } : null,
    evaluable: !evaluation && (await isEvaluable(db, project)),
    comments: comments.map((c) => ({ ...c, projectId: project.id, project: { titleKk: project.titleKk, titleRu: project.titleRu }, monitors: true })),
  };
}

/** The project a comment is on, for deciding who may moderate it. */
export async function feedbackProject(db: Executor, feedbackId: string): Promise<ProjectRecord> {
  if (!isUuid(feedbackId)) throw new AppError('NOT_FOUND');
  const [row] = await db.select({ projectId: projectFeedback.projectId }).from(projectFeedback).where(eq(projectFeedback.id, feedbackId));
  if (!row) throw new AppError('NOT_FOUND');
  return loadProject(db, row.projectId);
}
