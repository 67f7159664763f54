import { and, asc, desc, eq, inArray, isNull, or } from 'drizzle-orm';
import { type Actor, membershipRole } from '../../core/auth/actor.ts';
import { users } from '../../core/auth/schema.ts';
import type { Executor } from '../../core/db/client.ts';
import { isUuid } from '../../core/db/uuid.ts';
import { AppError } from '../../core/errors/app-error.ts';
import { files } from '../../core/files/schema.ts';
import { type ApplicationRecord, applications, competitions, loadApplication, lots, organises } from '../competitions/index.ts';
import { organisations } from '../organisations/index.ts';
import type { ProjectRef } from './policy.ts';
import type { AgreementRow, PeriodRow, ProjectRow, ReportRow } from './records.ts';
import {
  agreementAmendments,
  agreements,
  indicatorTargets,
  projectBudgetLines,
  projectIndicators,
  projectPeriods,
  projects,
  reportFiles,
  reports,
  reportSpending,
  reportValues,
  tranches,
} from './schema.ts';

/**
 * Reads for agreements and reports on the web, always scoped by who asks: an organiser sees the
 * competitions of the state bodies they organise for, a member the records of their organisations.
 */

export type Names = { nameKk: string; nameRu: string; nameEn: string | null };
export type Titles = { titleKk: string; titleRu: string; titleEn?: string | null };
export type TrancheRow = typeof tranches.$inferSelect;
export type AmendmentRow = typeof agreementAmendments.$inferSelect;

const organisationNames = { nameKk: organisations.nameKk, nameRu: organisations.nameRu, nameEn: organisations.nameEn };

/** The state bodies whose competitions the actor runs. */
export const organisedBodyIds = (actor: Actor): string[] =>
  actor.memberships.map((m) => m.organisationId).filter((id) => organises(actor, { organiserId: id }));

export type WinnerToContract = {
  applicationId: string;
  organisation: Names;
  lot: Titles & { number: number };
  competition: Titles & { id: string; number: string };
  awardTiyn: number;
};

export type PendingAgreement = {
  id: string;
  number: string;
  amountTiyn: number;
  organisationId: string;
  organisation: Names;
  organiserConfirmedAt: Date | null;
  organisationConfirmedAt: Date | null;
};

export type ProjectListItem = {
  id: string;
  agreementId: string;
  titleKk: string;
  titleRu: string;
  status: ProjectRow['status'];
  startsOn: string;
  endsOn: string;
  overdueSince: string | null;
  organisationId: string;
  organisation: Names;
};

export type ReportToDecide = {
  reportId: string;
  projectId: string;
  project: { titleKk: string; titleRu: string };
  organisation: Names;
  periodNumber: number;
  round: number;
  submittedAt: Date | null;
};

export type PeriodReport = {
  projectId: string;
  periodNumber: number;
  startsOn: string;
  endsOn: string;
  reportDueOn: string;
  final: boolean;
  reportId: string | null;
  status: ReportRow['status'] | null;
};

export type OrganiserDesk = { winners: WinnerToContract[]; agreements: PendingAgreement[]; reports: ReportToDecide[]; projects: ProjectListItem[] };
export type MemberDesk = { agreements: PendingAgreement[]; projects: ProjectListItem[]; periods: PeriodReport[] };

const NO_ID = '00000000-0000-0000-0000-000000000000';

async function pendingAgreements(db: Executor, where: ReturnType<typeof and>): Promise<PendingAgreement[]> {
  return db
    .select({
      id: agreements.id,
      number: agreements.number,
      amountTiyn: agreements.amountTiyn,
      organisationId: applications.organisationId,
      organisation: organisationNames,
      organiserConfirmedAt: agreements.organiserConfirmedAt,
      organisationConfirmedAt: agreements.organisationConfirmedAt,
    })
    .from(agreements)
    .innerJoin(applications, eq(applications.id, agreements.applicationId))
    .innerJoin(lots, eq(lots.id, applications.lotId))
    .innerJoin(competitions, eq(competitions.id, lots.competitionId))
    .innerJoin(organisations, eq(organisations.id, applications.organisationId))
    .where(and(where, or(isNull(agreements.organiserConfirmedAt), isNull(agreements.organisationConfirmedAt))))
    .orderBy(desc(agreements.createdAt));
}

function projectList(db: Executor, where: ReturnType<typeof and>): Promise<ProjectListItem[]> {
  return db
    .select({
      id: projects.id,
      agreementId: projects.agreementId,
      titleKk: projects.titleKk,
      titleRu: projects.titleRu,
      status: projects.status,
      startsOn: projects.startsOn,
      endsOn: projects.endsOn,
      overdueSince: projects.overdueSince,
      organisationId: projects.organisationId,
      organisation: organisationNames,
    })
    .from(projects)
    .innerJoin(competitions, eq(competitions.id, projects.competitionId))
    .innerJoin(organisations, eq(organisations.id, projects.organisationId))
    .where(where)
    .orderBy(desc(projects.startsOn), asc(projects.titleKk));
}

/** What waits for an organiser: winners without an agreement, agreements to confirm, reports to decide, running projects. */
export async function organiserDesk(db: Executor, actor: Actor): Promise<OrganiserDesk> {
  const bodies = organisedBodyIds(actor);
  if (!bodies.length) return { winners: [], agreements: [], reports: [], projects: [] };
  const winners = await db
    .select({
      applicationId: applications.id,
      organisation: organisationNames,
      lot: { number: lots.number, titleKk: lots.titleKk, titleRu: lots.titleRu, titleEn: lots.titleEn },
      competition: { id: competitions.id, number: competitions.number, titleKk: competitions.titleKk, titleRu: competitions.titleRu, titleEn: competitions.titleEn },
      awardTiyn: lots.awardTiyn,
    })
    .from(lots)
    .innerJoin(competitions, eq(competitions.id, lots.competitionId))
    .innerJoin(applications, eq(applications.id, lots.winnerApplicationId))
    .innerJoin(organisations, eq(organisations.id, applications.organisationId))
    .leftJoin(agreements, eq(agreements.applicationId, applications.id))
    .where(and(inArray(competitions.organiserId, bodies), eq(competitions.stage, 'published'), eq(lots.outcome, 'awarded'), isNull(agreements.id)))
    .orderBy(desc(competitions.publishedAt), asc(competitions.number), asc(lots.number));
  const decide = await db
    .select({
      reportId: reports.id,
      projectId: projects.id,
      project: { titleKk: projects.titleKk, titleRu: projects.titleRu },
      organisation: organisationNames,
      periodNumber: projectPeriods.number,
      round: reports.round,
      submittedAt: reports.submittedAt,
    })
    .from(reports)
    .innerJoin(projects, eq(projects.id, reports.projectId))
    .innerJoin(projectPeriods, eq(projectPeriods.id, reports.periodId))
    .innerJoin(competitions, eq(competitions.id, projects.competitionId))
    .innerJoin(organisations, eq(organisations.id, projects.organisationId))
    .where(and(inArray(competitions.organiserId, bodies), eq(reports.status, 'submitted')))
    .orderBy(asc(reports.submittedAt));
  return {
    winners: winners.map((w) => ({ ...w, awardTiyn: w.awardTiyn ?? 0 })),
    agreements: await pendingAgreements(db, inArray(competitions.organiserId, bodies)),
    reports: decide,
    projects: await projectList(db, and(inArray(competitions.organiserId, bodies), inArray(projects.status, ['active', 'suspended']))),
  };
}

/** The organisations the actor belongs to other than the bodies they organise for: those that carry out projects. */
export const memberOrganisationIds = (actor: Actor): string[] => {
  const bodies = new Set(organisedBodyIds(actor));
  return actor.memberships.map((m) => m.organisationId).filter((id) => !bodies.has(id));
};

/** What waits for a member: their organisations' agreements to confirm, projects, and each period's report. */
export async function memberDesk(db: Executor, orgIds: string[]): Promise<MemberDesk> {
  if (!orgIds.length) return { agreements: [], projects: [], periods: [] };
  const list = await projectList(db, inArray(projects.organisationId, orgIds));
  const periods = await db
    .select({
      projectId: projectPeriods.projectId,
      periodNumber: projectPeriods.number,
      startsOn: projectPeriods.startsOn,
      endsOn: projectPeriods.endsOn,
      reportDueOn: projectPeriods.reportDueOn,
      final: projectPeriods.final,
      reportId: reports.id,
      status: reports.status,
    })
    .from(projectPeriods)
    .leftJoin(reports, eq(reports.periodId, projectPeriods.id))
    .where(inArray(projectPeriods.projectId, list.map((p) => p.id).concat(NO_ID)))
    .orderBy(asc(projectPeriods.reportDueOn), asc(projectPeriods.number));
  return {
    agreements: await pendingAgreements(db, inArray(applications.organisationId, orgIds)),
    projects: list,
    periods: periods.map((p) => ({ ...p, final: p.final === 1 })),
  };
}

/** Who may do what with an agreement or project: its organisation, and the body that organised its competition. */
export const refOf = (record: Pick<ApplicationRecord, 'organisation' | 'competition'>): ProjectRef => ({
  organisationId: record.organisation.id,
  organiserId: record.competition.organiserId,
});

export type AgreementDetail = {
  agreement: AgreementRow;
  record: ApplicationRecord;
  ref: ProjectRef;
  tranches: TrancheRow[];
  amendments: AmendmentRow[];
  projectId: string | null;
  projectStatus: ProjectRow['status'] | null;
  /** The report of each period, once the project runs. */
  periodReports: { number: number; reportId: string | null; status: ReportRow['status'] | null }[];
  confirmedBy: { organiser: string | null; organisation: string | null };
};

async function userName(db: Executor, id: string | null): Promise<string | null> {
  if (!id) return null;
  const [u] = await db.select({ name: users.name }).from(users).where(eq(users.id, id));
  return u?.name ?? null;
}

/** An agreement with its application, tranches, amendment history and project. The caller authorises with `ref`. */
export async function agreementDetail(db: Executor, id: string): Promise<AgreementDetail> {
  if (!isUuid(id)) throw new AppError('NOT_FOUND');
  const [agreement] = await db.select().from(agreements).where(eq(agreements.id, id));
  if (!agreement) throw new AppError('NOT_FOUND');
  const record = await loadApplication(db, agreement.applicationId);
  const [project] = await db.select({ id: projects.id, status: projects.status }).from(projects).where(eq(projects.agreementId, id));
  const periodReports = project
    ? await db
        .select({ number: projectPeriods.number, reportId: reports.id, status: reports.status })
        .from(projectPeriods)
        .leftJoin(reports, eq(reports.periodId, projectPeriods.id))
        .where(eq(projectPeriods.projectId, project.id))
        .orderBy(asc(projectPeriods.number))
    : [];
  return {
    agreement,
    record,
    ref: refOf(record),
    tranches: await db.select().from(tranches).where(eq(tranches.agreementId, id)).orderBy(asc(tranches.number)),
    amendments: await db.select().from(agreementAmendments).where(eq(agreementAmendments.agreementId, id)).orderBy(asc(agreementAmendments.number)),
    projectId: project?.id ?? null,
    projectStatus: project?.status ?? null,
    periodReports,
    confirmedBy: { organiser: await userName(db, agreement.organiserConfirmedBy), organisation: await userName(db, agreement.organisationConfirmedBy) },
  };
}

/** The agreement already made for an application, if any. */
export async function agreementIdOfApplication(db: Executor, applicationId: string): Promise<string | null> {
  const [row] = await db.select({ id: agreements.id }).from(agreements).where(eq(agreements.applicationId, applicationId));
  return row?.id ?? null;
}

/** Whether an agreement number is already used (numbers are unique across the platform). */
export async function agreementNumberTaken(db: Executor, number: string): Promise<boolean> {
  const [row] = await db.select({ id: agreements.id }).from(agreements).where(eq(agreements.number, number));
  return Boolean(row);
}

export type IndicatorLine = { id: string; position: number; name: string; unit: string; baseline: number; target: number | null };
export type BudgetLineRow = typeof projectBudgetLines.$inferSelect;
export type ReportFile = { fileId: string; name: string; size: number; mediaType: string; purpose: 'evidence' | 'finance'; createdAt: Date };

export type ReportSheet = {
  project: ProjectRow;
  agreement: AgreementRow;
  ref: ProjectRef;
  period: PeriodRow;
  periodCount: number;
  organisation: Names;
  indicators: IndicatorLine[];
  budgetLines: BudgetLineRow[];
  report: ReportRow | null;
  values: { indicatorId: string; actual: number; evidence: string }[];
  spending: { budgetLineId: string; spentTiyn: number }[];
  files: ReportFile[];
  /** The tranches that the acceptance of this period's report releases. */
  tranches: TrancheRow[];
};

/** Everything about one period's report of a project, whether the report exists yet or not. */
export async function reportSheet(db: Executor, project: ProjectRow, agreement: AgreementRow, ref: ProjectRef, period: PeriodRow): Promise<ReportSheet> {
  const [organisation] = await db.select(organisationNames).from(organisations).where(eq(organisations.id, project.organisationId));
  const periods = await db.select({ id: projectPeriods.id }).from(projectPeriods).where(eq(projectPeriods.projectId, project.id));
  const indicators = await db
    .select({
      id: projectIndicators.id,
      position: projectIndicators.position,
      name: projectIndicators.name,
      unit: projectIndicators.unit,
      baseline: projectIndicators.baseline,
      target: indicatorTargets.target,
    })
    .from(projectIndicators)
    .leftJoin(indicatorTargets, and(eq(indicatorTargets.indicatorId, projectIndicators.id), eq(indicatorTargets.periodId, period.id)))
    .where(eq(projectIndicators.projectId, project.id))
    .orderBy(asc(projectIndicators.position));
  const budgetLines = await db.select().from(projectBudgetLines).where(eq(projectBudgetLines.projectId, project.id)).orderBy(asc(projectBudgetLines.position));
  const [report] = await db.select().from(reports).where(eq(reports.periodId, period.id));
  const reportId = report?.id ?? NO_ID;
  return {
    project,
    agreement,
    ref,
    period,
    periodCount: periods.length,
    organisation: organisation!,
    indicators,
    budgetLines,
    report: report ?? null,
    values: await db.select({ indicatorId: reportValues.indicatorId, actual: reportValues.actual, evidence: reportValues.evidence }).from(reportValues).where(eq(reportValues.reportId, reportId)),
    spending: await db.select({ budgetLineId: reportSpending.budgetLineId, spentTiyn: reportSpending.spentTiyn }).from(reportSpending).where(eq(reportSpending.reportId, reportId)),
    files: await reportFilesOf(db, reportId),
    tranches: await db
      .select()
      .from(tranches)
      .where(and(eq(tranches.agreementId, agreement.id), eq(tranches.periodNumber, period.number)))
      .orderBy(asc(tranches.number)),
  };
}

/** The period of a project by its number, or 404. */
export async function periodOf(db: Executor, projectId: string, raw: string): Promise<PeriodRow> {
  if (!/^\d{1,3}$/.test(raw)) throw new AppError('NOT_FOUND');
  const [period] = await db
    .select()
    .from(projectPeriods)
    .where(and(eq(projectPeriods.projectId, projectId), eq(projectPeriods.number, Number(raw))));
  if (!period) throw new AppError('NOT_FOUND');
  return period;
}

export async function reportFilesOf(db: Executor, reportId: string): Promise<ReportFile[]> {
  return db
    .select({ fileId: files.id, name: files.name, size: files.size, mediaType: files.mediaType, purpose: reportFiles.purpose, createdAt: files.createdAt })
    .from(reportFiles)
    .innerJoin(files, eq(files.id, reportFiles.fileId))
    .where(eq(reportFiles.reportId, reportId))
    .orderBy(asc(files.createdAt), asc(files.name));
}

/** One file of a report, for download. */
export async function reportFile(db: Executor, reportId: string, fileId: string) {
  if (!isUuid(fileId)) return null;
  const [file] = await db
    .select({ name: files.name, size: files.size, mediaType: files.mediaType, sha256: files.sha256 })
    .from(reportFiles)
    .innerJoin(files, eq(files.id, reportFiles.fileId))
    .where(and(eq(reportFiles.reportId, reportId), eq(reportFiles.fileId, fileId)));
  return file ?? null;
}

/** Whether the actor is an admin of the organisation (for showing who may confirm). */
export const isOrgAdmin = (actor: Actor, organisationId: string) => membershipRole(actor, organisationId) === 'admin';
