import { asc, eq, inArray, max, type SQL, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { type Executor, queryRows } from '../../../core/db/client.ts';
import { applications, competitions, lots } from '../../competitions/index.ts';
import { organisations } from '../../organisations/index.ts';
import { agreementAmendments, agreements, projectPeriods, projects, projectStatusChanges, reports, tranches } from '../schema.ts';

/**
 * What the open data says about funded projects, read in batches. Only agreements that both
 * sides have confirmed (and so have a project) are published: until then nothing binds.
 */

const recipient = alias(organisations, 'recipient');
const funder = alias(organisations, 'funder');

const organisationColumns = (o: typeof recipient | typeof funder) => ({
  bin: o.bin,
  nameKk: o.nameKk,
  nameRu: o.nameRu,
  regionCode: o.regionCode,
  website: o.website,
  descriptionKk: o.descriptionKk,
  descriptionRu: o.descriptionRu,
});

const columns = {
  agreementId: agreements.id,
  agreementNumber: agreements.number,
  signedOn: agreements.signedOn,
  amountTiyn: agreements.amountTiyn,
  startsOn: agreements.startsOn,
  endsOn: agreements.endsOn,
  agreementCreatedAt: agreements.createdAt,
  organiserConfirmedAt: agreements.organiserConfirmedAt,
  organisationConfirmedAt: agreements.organisationConfirmedAt,
  projectId: projects.id,
  titleKk: projects.titleKk,
  titleRu: projects.titleRu,
  summary: projects.summary,
  regionCode: projects.regionCode,
  area: projects.area,
  status: projects.status,
  language: applications.language,
  competitionId: competitions.id,
  competitionNumber: competitions.number,
  competitionTitleKk: competitions.titleKk,
  competitionTitleRu: competitions.titleRu,
  instrument: competitions.instrument,
  publishedAt: competitions.publishedAt,
  lotNumber: lots.number,
  lotTitleKk: lots.titleKk,
  lotTitleRu: lots.titleRu,
  recipient: organisationColumns(recipient),
  funder: organisationColumns(funder),
};

type FundedBase = Awaited<ReturnType<typeof readBase>>[number];
export type FundedOrganisation = FundedBase['recipient'];
export type FundedTranche = { number: number; amountTiyn: number; periodNumber: number | null; releasedAt: Date | null };
export type FundedPeriod = {
  number: number;
  startsOn: string;
  endsOn: string;
  reportDueOn: string;
  final: boolean;
  /** The decision on the period's report, when it was accepted; other reports are not public. */
  acceptedAt: Date | null;
};
export type FundedProject = FundedBase & {
  tranches: FundedTranche[];
  periods: FundedPeriod[];
  /** The last change to anything published about it. */
  lastModified: Date;
};

function readBase(db: Executor, where: SQL | undefined, limit?: number) {
  const q = db
    .select(columns)
    .from(projects)
    .innerJoin(agreements, eq(agreements.id, projects.agreementId))
    .innerJoin(applications, eq(applications.id, agreements.applicationId))
    .innerJoin(competitions, eq(competitions.id, projects.competitionId))
    .innerJoin(lots, eq(lots.id, projects.lotId))
    .innerJoin(recipient, eq(recipient.id, projects.organisationId))
    .innerJoin(funder, eq(funder.id, competitions.organiserId))
    .where(where)
    .orderBy(asc(agreements.signedOn), asc(agreements.id));
  return limit === undefined ? q : q.limit(limit);
}

const latest = (...dates: (Date | null | undefined)[]) => new Date(Math.max(...dates.map((d) => d?.getTime() ?? 0)));

/** Adds each project's tranches, periods with their accepted reports, and the date of its last change. */
async function complete(db: Executor, base: FundedBase[]): Promise<FundedProject[]> {
  if (base.length === 0) return [];
  const agreementIds = base.map((b) => b.agreementId);
  const projectIds = base.map((b) => b.projectId);
  const [trancheRows, periodRows, amended, statusChanged] = await Promise.all([
    db
      .select({ agreementId: tranches.agreementId, number: tranches.number, amountTiyn: tranches.amountTiyn, periodNumber: tranches.periodNumber, releasedAt: tranches.releasedAt })
      .from(tranches)
      .where(inArray(tranches.agreementId, agreementIds))
      .orderBy(asc(tranches.agreementId), asc(tranches.number)),
    db
      .select({
        projectId: projectPeriods.projectId,
        number: projectPeriods.number,
        startsOn: projectPeriods.startsOn,
        endsOn: projectPeriods.endsOn,
        reportDueOn: projectPeriods.reportDueOn,
        final: projectPeriods.final,
        acceptedAt: sql<Date | null>`case when ${reports.status} = 'accepted' then ${reports.decidedAt} end`.mapWith(reports.decidedAt),
      })
      .from(projectPeriods)
      .leftJoin(reports, eq(reports.periodId, projectPeriods.id))
      .where(inArray(projectPeriods.projectId, projectIds))
      .orderBy(asc(projectPeriods.projectId), asc(projectPeriods.number)),
    db
      .select({ agreementId: agreementAmendments.agreementId, at: max(agreementAmendments.createdAt) })
      .from(agreementAmendments)
      .where(inArray(agreementAmendments.agreementId, agreementIds))
      .groupBy(agreementAmendments.agreementId),
    db
      .select({ projectId: projectStatusChanges.projectId, at: max(projectStatusChanges.changedAt) })
      .from(projectStatusChanges)
      .where(inArray(projectStatusChanges.projectId, projectIds))
      .groupBy(projectStatusChanges.projectId),
  ]);
  const amendedAt = new Map(amended.map((r) => [r.agreementId, r.at]));
  const changedAt = new Map(statusChanged.map((r) => [r.projectId, r.at]));
  return base.map((b) => {
    const own = trancheRows.filter((t) => t.agreementId === b.agreementId).map(({ agreementId: _, ...t }) => t);
    const periods = periodRows.filter((p) => p.projectId === b.projectId).map(({ projectId: _, final, ...p }) => ({ ...p, final: final === 1 }));
    const lastModified = latest(
      b.agreementCreatedAt,
      b.organiserConfirmedAt,
      b.organisationConfirmedAt,
      amendedAt.get(b.agreementId),
      changedAt.get(b.projectId),
      ...own.map((t) => t.releasedAt),
      ...periods.map((p) => p.acceptedAt),
    );
    return { ...b, tranches: own, periods, lastModified };
  });
}

export const FUNDED_BATCH_SIZE = 200;

/**
 * Every funded project, in the order the agreements were signed, a batch at a time: each batch
 * is read after the last one's position (keyset), so memory stays flat however many there are.
 */
export async function* fundedBatches(db: Executor, batchSize = FUNDED_BATCH_SIZE): AsyncGenerator<FundedProject[]> {
  let after: { signedOn: string; id: string } | undefined;
  for (;;) {
    const position = after ? sql`(${agreements.signedOn}, ${agreements.id}) > (${after.signedOn}::date, ${after.id}::uuid)` : undefined;
    const base = await readBase(db, position, batchSize);
    if (base.length > 0) yield await complete(db, base);
    if (base.length < batchSize) return;
    const last = base[base.length - 1]!;
    after = { signedOn: last.signedOn, id: last.agreementId };
  }
}

/** The funded projects of some competitions (a batch of them), in the order their agreements were signed. */
export async function fundedOfCompetitions(db: Executor, competitionIds: string[]): Promise<FundedProject[]> {
  if (competitionIds.length === 0) return [];
  return complete(db, await readBase(db, inArray(projects.competitionId, competitionIds)));
}

export type OpenDataSummary = {
  date: Date | null;
  projects: number;
  competitions: number;
  /** A real funded project's identifiers, to show the schemes by example; null before the first. */
  example: { bin: string; agreementId: string; competitionNumber: string } | null;
};

/** What the open-data page says about the files: their date, how much they hold, an example of each identifier. */
export async function openDataSummary(db: Executor): Promise<OpenDataSummary> {
  const [date, [projectCount], [competitionCount], [first]] = await Promise.all([
    openDataDate(db),
    db.select({ n: sql<number>`count(*)::int` }).from(projects),
    db.select({ n: sql<number>`count(*)::int` }).from(competitions).where(sql`${competitions.stage} <> 'draft'`),
    readBase(db, undefined, 1),
  ]);
  return {
    date,
    projects: projectCount?.n ?? 0,
    competitions: competitionCount?.n ?? 0,
    example: first ? { bin: first.recipient.bin, agreementId: first.agreementId, competitionNumber: first.competitionNumber } : null,
  };
}

/**
 * The date of the data: the last change to anything the open data publishes (a competition, an
 * agreement, a tranche released, a report accepted, a status change); null when there is none.
 */
export async function openDataDate(db: Executor): Promise<Date | null> {
  const [row] = await queryRows<{ at: string | Date | null }>(
    db,
    sql`select greatest(
      (select max(greatest(${competitions.updatedAt}, ${competitions.publishedAt})) from ${competitions} where ${competitions.stage} <> 'draft'),
      (select max(greatest(${agreements.createdAt}, ${agreements.organiserConfirmedAt}, ${agreements.organisationConfirmedAt})) from ${agreements}
         where exists (select 1 from ${projects} where ${projects.agreementId} = ${agreements.id})),
      (select max(${agreementAmendments.createdAt}) from ${agreementAmendments}),
      (select max(${tranches.releasedAt}) from ${tranches}),
      (select max(${reports.decidedAt}) from ${reports} where ${reports.status} = 'accepted'),
      (select max(${projectStatusChanges.changedAt}) from ${projectStatusChanges})
    ) as at`,
  );
  return row?.at ? new Date(row.at) : null;
}

/** Released tranches only: a tranche is money paid once its report is accepted. */
export const released = (p: FundedProject) => p.tranches.filter((t): t is FundedTranche & { releasedAt: Date } => t.releasedAt !== null);
