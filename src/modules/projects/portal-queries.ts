import { and, asc, count, desc, eq, ilike, inArray, or, type SQL, sql } from 'drizzle-orm';
import { z } from 'zod';
import { type Db, type Executor, queryRows } from '../../core/db/client.ts';
import { listFigures } from '../../core/db/recent.ts';
import { isUuid } from '../../core/db/uuid.ts';
import { files } from '../../core/files/schema.ts';
import { REGION_CODES } from '../../core/geo/regions.ts';
import { foldForSearch } from '../../core/search/fold.ts';
import { competitions, INSTRUMENTS, type Instrument, NATIONAL_REGION } from '../competitions/index.ts';
import { AREAS, organisations } from '../organisations/index.ts';
import type { ProjectRef } from './policy.ts';
import {
  agreements,
  type Beneficiaries,
  indicatorTargets,
  PROJECT_STATUSES,
  type ProjectStatus,
  projectFeedback,
  projectIndicators,
  projectPeriods,
  projects,
  projectStatusChanges,
  reportFiles,
  reports,
  reportValues,
  tranches,
} from './schema.ts';

/** An empty (or blank) value from a form means "any". */
const optional = <T extends z.ZodType>(schema: T) => z.preprocess((v) => (typeof v === 'string' && v.trim() === '' ? undefined : v), schema.optional());

/** Where a project works: a region or city, or the whole country (`KZ`, a national lot). */
export const PROJECT_REGIONS = [...REGION_CODES, NATIONAL_REGION] as [string, ...string[]];

/** The portal's filters, as a query string: the same for the page and the API. */
export const ProjectListParams = z.object({
  q: optional(z.string().trim().max(200)),
  region: optional(z.enum(PROJECT_REGIONS)),
  year: optional(z.coerce.number().int().min(2000).max(2100)),
  instrument: optional(z.enum(INSTRUMENTS)),
  area: optional(z.enum(AREAS)),
  status: optional(z.enum(PROJECT_STATUSES)),
  page: optional(z.coerce.number().int().min(1).max(10_000)).default(1),
  pageSize: optional(z.coerce.number().int().min(1).max(100)).default(20),
});
export type ProjectListParams = z.infer<typeof ProjectListParams>;

export const PROJECT_FACETS = ['region', 'year', 'instrument', 'area', 'status'] as const;
export type ProjectFacet = (typeof PROJECT_FACETS)[number];

export type OrganisationRef = { id: string; bin: string; nameKk: string; nameRu: string; nameEn: string | null };
const organisationRef = { id: organisations.id, bin: organisations.bin, nameKk: organisations.nameKk, nameRu: organisations.nameRu, nameEn: organisations.nameEn };

/** `%` and `_` typed by someone are letters, not wildcards. */
const containing = (text: string) => `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/** The columns the filters read: the tables' own, or those of the facets' common table. */
type FilterColumns = Record<ProjectFacet, SQL>;
const TABLE_COLUMNS: FilterColumns = {
  region: sql`${projects.regionCode}`,
  year: sql`${competitions.year}`,
  instrument: sql`${competitions.instrument}`,
  area: sql`${projects.area}`,
  status: sql`${projects.status}`,
};
const BASE_COLUMNS: FilterColumns = { region: sql`base.region`, year: sql`base.year`, instrument: sql`base.instrument`, area: sql`base.area`, status: sql`base.status` };

/**
 * The text search: a project's title, or its organisation's name folded to Latin by the register
 * («Көксу», "Koksu" and «Коксу» meet), or its BIN. The projects are found as the union of those
 * whose title matches (the titles' trigram indexes) and those of the organisations that match
 * (the register's key), so a rare word reads a few rows and a word in most names a hash join,
 * never every project against every organisation.
 */
function matchesText(q: string): SQL {
  const pattern = containing(q);
  const folded = foldForSearch(q);
  const bin = q.replace(/\s/g, '');
  const byTitle = sql`select ${projects.id} from ${projects} where ${or(ilike(projects.titleKk, pattern), ilike(projects.titleRu, pattern))}`;
  const byOrganisation = or(
    ...(folded ? [sql`${organisations.searchKey} like ${containing(folded)}`] : []),
    ...(/^\d{12}$/.test(bin) ? [eq(organisations.bin, bin)] : []),
  );
  if (!byOrganisation) return sql`${projects.id} in (${byTitle})`;
  return sql`${projects.id} in (${byTitle} union select ${projects.id} from ${projects} inner join ${organisations} on ${organisations.id} = ${projects.organisationId} where ${byOrganisation})`;
}

/** The choice filters, leaving one out (so its own choices keep their counts); `true` when none applies. */
function choices(p: ProjectListParams, columns: FilterColumns, except?: ProjectFacet): SQL {
  const c: SQL[] = [];
  for (const f of PROJECT_FACETS) {
    const value = p[f];
    if (value !== undefined && f !== except) c.push(sql`${columns[f]} = ${value}`);
  }
  return c.length ? and(...c)! : sql`true`;
}

/**
 * How far projects' indicators are: for each indicator with a planned total, the share of it
 * reached by the accepted reports (at most 1), averaged over the project's indicators; absent
 * when nothing is planned. One aggregate for all the projects of a page.
 */
async function progressOf(db: Executor, projectIds: string[]): Promise<Map<string, number>> {
  if (projectIds.length === 0) return new Map();
  const ids = sql.join(
    projectIds.map((id) => sql`${id}::uuid`),
    sql`, `,
  );
  const rows = await queryRows<{ project_id: string; progress: number | string | null }>(
    db,
    sql`select planned.project_id, avg(case when planned.total > 0 then least(coalesce(actual.total, 0) / planned.total, 1) end) as progress
        from (
          select ${projectIndicators.projectId} as project_id, ${projectIndicators.id} as indicator_id, coalesce(sum(${indicatorTargets.target}), 0) as total
          from ${projectIndicators} left join ${indicatorTargets} on ${indicatorTargets.indicatorId} = ${projectIndicators.id}
          where ${projectIndicators.projectId} in (${ids})
          group by ${projectIndicators.id}
        ) as planned
        left join (
          select ${reportValues.indicatorId} as indicator_id, sum(${reportValues.actual}) as total
          from ${reportValues} inner join ${reports} on ${reports.id} = ${reportValues.reportId}
          where ${reports.projectId} in (${ids}) and ${reports.status} = 'accepted'
          group by ${reportValues.indicatorId}
        ) as actual on actual.indicator_id = planned.indicator_id
        group by planned.project_id`,
  );
  return new Map(rows.filter((r) => r.progress !== null).map((r) => [r.project_id, Number(r.progress)]));
}

export type ProjectListItem = {
  id: string;
  titleKk: string;
  titleRu: string;
  regionCode: string;
  area: string;
  status: ProjectStatus;
  startsOn: string;
  endsOn: string;
  amountTiyn: number;
  agreementNumber: string;
  competition: { id: string; number: string; instrument: Instrument; year: number };
  organisation: OrganisationRef;
  /** Share of the planned indicators reached (0…1), or null when nothing is planned. */
  progress: number | null;
};

export type FacetCount = { key: string; count: number; amountTiyn: number };
export type ProjectList = {
  items: ProjectListItem[];
  total: number;
  amountTiyn: number;
  page: number;
  pageSize: number;
  /** For each filter, its choices with how many projects (and how much money) each would give. */
  facets: Record<ProjectFacet, FacetCount[]>;
};

type Figures = { total: FacetCount; facets: Record<ProjectFacet, FacetCount[]> };

/** Whether the list is narrowed, leaving one filter out: by a text, or by any other filter. */
const narrowed = (p: ProjectListParams, except?: ProjectFacet) => Boolean(p.q) || PROJECT_FACETS.some((f) => f !== except && p[f] !== undefined);

/**
 * The counts and sums of the list in one statement: the projects that the total or one of the
 * counted facets needs are read once (a materialised common table), then counted by each
 * counted filter's choices with the other filters applied, and in total with all of them.
 */
async function countFigures(db: Executor, p: ProjectListParams, counted: readonly ProjectFacet[]): Promise<Figures> {
  const perFacet = counted.map(
    (f) => sql`union all select ${f}::text as facet, ${BASE_COLUMNS[f]}::text as key, count(*) as n, coalesce(sum(base.amount), 0) as amount
          from base where ${choices(p, BASE_COLUMNS, f)} group by 2`,
  );
  // The projects of the total, and those each counted filter's choices need beside them (its own filter left out).
  const needed = or(choices(p, TABLE_COLUMNS), ...counted.filter((f) => p[f] !== undefined).map((f) => choices(p, TABLE_COLUMNS, f)));
  const rows = await queryRows<{ facet: string; key: string | null; n: number | string; amount: number | string }>(
    db,
    sql`with base as materialized (
          select ${projects.regionCode} as region, ${competitions.year} as year, ${competitions.instrument} as instrument,
                 ${projects.area} as area, ${projects.status} as status, ${agreements.amountTiyn} as amount
          from ${projects}
          inner join ${agreements} on ${agreements.id} = ${projects.agreementId}
          inner join ${competitions} on ${competitions.id} = ${projects.competitionId}
          where ${and(p.q ? matchesText(p.q) : undefined, needed)}
        )
        select 'total' as facet, null as key, count(*) as n, coalesce(sum(base.amount), 0) as amount from base where ${choices(p, BASE_COLUMNS)}
        ${sql.join(perFacet, sql` `)}`,
  );
  const facets = Object.fromEntries(PROJECT_FACETS.map((f) => [f, [] as FacetCount[]])) as Record<ProjectFacet, FacetCount[]>;
  let total: FacetCount = { key: 'total', count: 0, amountTiyn: 0 };
  for (const r of rows) {
    const figure = { key: r.key ?? '', count: Number(r.n), amountTiyn: Number(r.amount) };
    if (r.facet === 'total') total = figure;
    else facets[r.facet as ProjectFacet].push(figure);
  }
  return { total, facets };
}

/** The total and the filters' counts, those of all the projects kept a while (`listFigures`). */
function figures(db: Db, p: ProjectListParams, withFacets: boolean): Promise<Figures> {
  return listFigures(
    db,
    'projects:portal-figures',
    {
      narrowed: (except) => narrowed(p, except),
      count: (facets) => countFigures(db, p, facets),
      countWhole: () => countFigures(db, { page: 1, pageSize: 1 }, PROJECT_FACETS),
    },
    withFacets ? PROJECT_FACETS : [],
  );
}

/**
 * Funded projects, filtered by a text (title or organisation), region, competition year,
 * instrument, area and status; newest competitions first. Each filter's choices are counted
 * with the other filters applied, and the region's also sum the agreements' amounts (the map of
 * funding by region). Four statements, whatever the number of projects: the page's rows and the
 * figures, then the rows' indicators' progress and organisations.
 */
export async function listProjects(db: Db, p: ProjectListParams, options: { facets?: boolean } = {}): Promise<ProjectList> {
  const where = and(p.q ? matchesText(p.q) : undefined, choices(p, TABLE_COLUMNS));
  const withFacets = options.facets !== false;
  const page = db
    .select({
      id: projects.id,
      titleKk: projects.titleKk,
      titleRu: projects.titleRu,
      regionCode: projects.regionCode,
      area: projects.area,
      status: projects.status,
      startsOn: projects.startsOn,
      endsOn: projects.endsOn,
      amountTiyn: agreements.amountTiyn,
      agreementNumber: agreements.number,
      competition: { id: competitions.id, number: competitions.number, instrument: competitions.instrument, year: competitions.year },
      organisationId: projects.organisationId,
    })
    .from(projects)
    .innerJoin(agreements, eq(agreements.id, projects.agreementId))
    .innerJoin(competitions, eq(competitions.id, projects.competitionId));
  // The page's organisations are read after, for its rows only.
  const [rows, { total, facets }] = await Promise.all([
    page
      .where(where)
      .orderBy(desc(competitions.year), desc(agreements.signedOn), asc(projects.titleKk), asc(projects.id))
      .limit(p.pageSize)
      .offset((p.page - 1) * p.pageSize),
    // The figures do not depend on the page's rows: counted meanwhile (on another connection of the pool).
    figures(db, p, withFacets),
  ]);
  const [progress, organisationRows] = await Promise.all([
    progressOf(
      db,
      rows.map((r) => r.id),
    ),
    rows.length
      ? db
          .select(organisationRef)
          .from(organisations)
          .where(inArray(organisations.id, [...new Set(rows.map((r) => r.organisationId))]))
      : [],
  ]);
  const organisationById = new Map(organisationRows.map((o) => [o.id, o]));
  return {
    items: rows.map(({ organisationId, ...r }) => ({ ...r, organisation: organisationById.get(organisationId)!, progress: progress.get(r.id) ?? null })),
    total: total.count,
    amountTiyn: total.amountTiyn,
    page: p.page,
    pageSize: p.pageSize,
    facets: Object.fromEntries(PROJECT_FACETS.map((f) => [f, withFacets ? facets[f] : []])) as Record<ProjectFacet, FacetCount[]>,
  };
}

export type IndicatorProgress = {
  id: string;
  position: number;
  name: string;
  unit: string;
  baseline: number;
  /** Per period, in order: the target, and the actual value of the period's accepted report (null until then). */
  periods: { number: number; planned: number; actual: number | null }[];
  planned: number;
  actual: number;
};

export type EvidenceFile = { id: string; name: string; size: number; mediaType: string };

/** What the public sees of an accepted report. */
export type PublicReport = {
  id: string;
  period: { number: number; startsOn: string; endsOn: string; final: boolean };
  submittedAt: Date | null;
  acceptedAt: Date;
  narrative: string;
  beneficiaries: Beneficiaries;
  values: { indicatorId: string; actual: number; evidence: string }[];
  files: EvidenceFile[];
};

/** The dated facts of a project, for its timeline. */
export type TimelineEvent =
  | { kind: 'signed'; at: string; number: string }
  | { kind: 'confirmed'; at: Date }
  | { kind: 'status'; at: Date; from: ProjectStatus | null; to: ProjectStatus; reason: string }
  | { kind: 'report-submitted'; at: Date; period: number }
  | { kind: 'report-accepted'; at: Date; period: number }
  | { kind: 'tranche'; at: Date; number: number; amountTiyn: number };

export type PublicProject = {
  project: typeof projects.$inferSelect;
  agreement: Pick<typeof agreements.$inferSelect, 'id' | 'number' | 'signedOn' | 'amountTiyn' | 'startsOn' | 'endsOn' | 'organiserConfirmedAt' | 'organisationConfirmedAt'>;
  competition: { id: string; number: string; instrument: Instrument; year: number; titleKk: string; titleRu: string; titleEn: string | null; organiserId: string };
  organisation: OrganisationRef;
  ref: ProjectRef;
  periods: { id: string; number: number; startsOn: string; endsOn: string; reportDueOn: string; final: boolean; reportAcceptedAt: Date | null }[];
  tranches: { number: number; amountTiyn: number; periodNumber: number | null; releasedAt: Date | null }[];
  releasedTiyn: number;
  indicators: IndicatorProgress[];
  reports: PublicReport[];
  statusChanges: { from: ProjectStatus | null; to: ProjectStatus; reason: string; changedAt: Date }[];
  timeline: TimelineEvent[];
  feedback: { id: string; authorName: string; body: string; createdAt: Date }[];
};

const instant = (e: TimelineEvent) => (typeof e.at === 'string' ? new Date(`${e.at}T00:00:00Z`) : e.at).getTime();

/**
 * Everything the public may know of one project: its agreement, tranches, indicators (planned
 * against the actual values of accepted reports, per period), the public parts of its accepted
 * reports (a draft, submitted or returned report's content is never read here), its timeline and
 * its published comments. A fixed number of queries, whatever the project's size. Null when there
 * is no such project.
 */
export async function publicProject(db: Executor, id: string): Promise<PublicProject | null> {
  if (!isUuid(id)) return null;
  const [head] = await db
    .select({
      project: projects,
      agreement: {
        id: agreements.id,
        number: agreements.number,
        signedOn: agreements.signedOn,
        amountTiyn: agreements.amountTiyn,
        startsOn: agreements.startsOn,
        endsOn: agreements.endsOn,
        organiserConfirmedAt: agreements.organiserConfirmedAt,
        organisationConfirmedAt: agreements.organisationConfirmedAt,
      },
      competition: {
        id: competitions.id,
        number: competitions.number,
        instrument: competitions.instrument,
        year: competitions.year,
        titleKk: competitions.titleKk,
        titleRu: competitions.titleRu,
        titleEn: competitions.titleEn,
        organiserId: competitions.organiserId,
      },
      organisation: organisationRef,
    })
    .from(projects)
    .innerJoin(agreements, eq(agreements.id, projects.agreementId))
    .innerJoin(competitions, eq(competitions.id, projects.competitionId))
    .innerJoin(organisations, eq(organisations.id, projects.organisationId))
    .where(eq(projects.id, id));
  if (!head) return null;

  const [periodRows, trancheRows, indicatorRows, targetRows, reportRows, changeRows, feedbackRows] = await Promise.all([
    db.select().from(projectPeriods).where(eq(projectPeriods.projectId, id)).orderBy(asc(projectPeriods.number)),
    db
      .select({ number: tranches.number, amountTiyn: tranches.amountTiyn, periodNumber: tranches.periodNumber, releasedAt: tranches.releasedAt })
      .from(tranches)
      .where(eq(tranches.agreementId, head.agreement.id))
      .orderBy(asc(tranches.number)),
    db.select().from(projectIndicators).where(eq(projectIndicators.projectId, id)).orderBy(asc(projectIndicators.position)),
    db
      .select({ indicatorId: indicatorTargets.indicatorId, periodId: indicatorTargets.periodId, target: indicatorTargets.target })
      .from(indicatorTargets)
      .innerJoin(projectIndicators, eq(projectIndicators.id, indicatorTargets.indicatorId))
      .where(eq(projectIndicators.projectId, id)),
    // Only the status and dates of every report; the content is read below for accepted ones only.
    db
      .select({ id: reports.id, periodId: reports.periodId, status: reports.status, submittedAt: reports.submittedAt, decidedAt: reports.decidedAt })
      .from(reports)
      .where(eq(reports.projectId, id)),
    db
      .select({ from: projectStatusChanges.from, to: projectStatusChanges.to, reason: projectStatusChanges.reason, changedAt: projectStatusChanges.changedAt })
      .from(projectStatusChanges)
      .where(eq(projectStatusChanges.projectId, id))
      .orderBy(asc(projectStatusChanges.changedAt)),
    db
      .select({ id: projectFeedback.id, authorName: projectFeedback.authorName, body: projectFeedback.body, createdAt: projectFeedback.createdAt })
      .from(projectFeedback)
      .where(and(eq(projectFeedback.projectId, id), eq(projectFeedback.status, 'published')))
      .orderBy(asc(projectFeedback.createdAt)),
  ]);

  const accepted = reportRows.filter((r) => r.status === 'accepted');
  const acceptedIds = accepted.map((r) => r.id);
  const [contentRows, valueRows, fileRows] = acceptedIds.length
    ? await Promise.all([
        db.select({ id: reports.id, narrative: reports.narrative, beneficiaries: reports.beneficiaries }).from(reports).where(inArray(reports.id, acceptedIds)),
        db
          .select({ reportId: reportValues.reportId, indicatorId: reportValues.indicatorId, actual: reportValues.actual, evidence: reportValues.evidence })
          .from(reportValues)
          .where(inArray(reportValues.reportId, acceptedIds)),
        db
          .select({ reportId: reportFiles.reportId, id: files.id, name: files.name, size: files.size, mediaType: files.mediaType })
          .from(reportFiles)
          .innerJoin(files, eq(files.id, reportFiles.fileId))
          .where(and(inArray(reportFiles.reportId, acceptedIds), eq(reportFiles.purpose, 'evidence')))
          .orderBy(asc(files.name)),
      ])
    : [[], [], []];

  const periodById = new Map(periodRows.map((p) => [p.id, p]));
  const acceptedByPeriod = new Map(accepted.map((r) => [r.periodId, r]));
  const periods = periodRows.map((p) => ({
    id: p.id,
    number: p.number,
    startsOn: p.startsOn,
    endsOn: p.endsOn,
    reportDueOn: p.reportDueOn,
    final: p.final === 1,
    reportAcceptedAt: acceptedByPeriod.get(p.id)?.decidedAt ?? null,
  }));

  const target = new Map(targetRows.map((r) => [`${r.indicatorId}:${r.periodId}`, r.target]));
  const reportPeriod = new Map(accepted.map((r) => [r.id, r.periodId]));
  const actual = new Map(valueRows.map((v) => [`${v.indicatorId}:${reportPeriod.get(v.reportId)}`, v.actual]));
  const indicators: IndicatorProgress[] = indicatorRows.map((i) => {
    const byPeriod = periodRows.map((p) => ({ number: p.number, planned: target.get(`${i.id}:${p.id}`) ?? 0, actual: actual.get(`${i.id}:${p.id}`) ?? null }));
    return {
      id: i.id,
      position: i.position,
      name: i.name,
      unit: i.unit,
      baseline: i.baseline,
      periods: byPeriod,
      planned: byPeriod.reduce((s, x) => s + x.planned, 0),
      actual: byPeriod.reduce((s, x) => s + (x.actual ?? 0), 0),
    };
  });

  const content = new Map(contentRows.map((c) => [c.id, c]));
  const publicReports: PublicReport[] = accepted
    .map((r) => {
      const period = periodById.get(r.periodId)!;
      return {
        id: r.id,
        period: { number: period.number, startsOn: period.startsOn, endsOn: period.endsOn, final: period.final === 1 },
        submittedAt: r.submittedAt,
        acceptedAt: r.decidedAt ?? r.submittedAt ?? new Date(0),
        narrative: content.get(r.id)?.narrative ?? '',
        beneficiaries: content.get(r.id)?.beneficiaries ?? { female: {}, male: {} },
        values: valueRows
          .filter((v) => v.reportId === r.id)
          .map(({ indicatorId, actual, evidence }) => ({ indicatorId, actual, evidence }))
          .sort((a, b) => (indicators.find((i) => i.id === a.indicatorId)?.position ?? 0) - (indicators.find((i) => i.id === b.indicatorId)?.position ?? 0)),
        files: fileRows.filter((f) => f.reportId === r.id).map(({ id, name, size, mediaType }) => ({ id, name, size, mediaType })),
      };
    })
    .sort((a, b) => a.period.number - b.period.number);

  const a = head.agreement;
  const timeline: TimelineEvent[] = [{ kind: 'signed', at: a.signedOn, number: a.number }];
  const confirmedAt = a.organiserConfirmedAt && a.organisationConfirmedAt ? (a.organiserConfirmedAt > a.organisationConfirmedAt ? a.organiserConfirmedAt : a.organisationConfirmedAt) : null;
  if (confirmedAt) timeline.push({ kind: 'confirmed', at: confirmedAt });
  // The project starts when the second side confirms (its first status is written in that transaction, stamped a moment earlier).
  for (const c of changeRows) timeline.push({ kind: 'status', at: c.from === null && confirmedAt ? confirmedAt : c.changedAt, from: c.from, to: c.to, reason: c.reason });
  // A report's submission is a public fact once it stands (submitted or accepted); a returned one is the two sides' business.
  for (const r of reportRows) {
    const period = periodById.get(r.periodId)!.number;
    if ((r.status === 'submitted' || r.status === 'accepted') && r.submittedAt) timeline.push({ kind: 'report-submitted', at: r.submittedAt, period });
    if (r.status === 'accepted' && r.decidedAt) timeline.push({ kind: 'report-accepted', at: r.decidedAt, period });
  }
  for (const t of trancheRows) if (t.releasedAt) timeline.push({ kind: 'tranche', at: t.releasedAt, number: t.number, amountTiyn: t.amountTiyn });
  const order: Record<TimelineEvent['kind'], number> = { signed: 0, confirmed: 1, status: 2, 'report-submitted': 3, 'report-accepted': 4, tranche: 5 };
  timeline.sort((x, y) => instant(x) - instant(y) || order[x.kind] - order[y.kind]);

  return {
    project: head.project,
    agreement: a,
    competition: head.competition,
    organisation: head.organisation,
    ref: { organisationId: head.project.organisationId, organiserId: head.competition.organiserId },
    periods,
    tranches: trancheRows,
    releasedTiyn: trancheRows.reduce((s, t) => s + (t.releasedAt ? t.amountTiyn : 0), 0),
    indicators,
    reports: publicReports,
    statusChanges: changeRows,
    timeline,
    feedback: feedbackRows,
  };
}

export type ReportFileAccess = { purpose: 'evidence' | 'finance'; reportStatus: string; name: string; size: number; mediaType: string; sha256: string };

/** A file of one of the project's reports, with what decides who may download it; null if it is not one. */
export async function projectReportFile(db: Executor, projectId: string, fileId: string): Promise<ReportFileAccess | null> {
  if (!isUuid(projectId) || !isUuid(fileId)) return null;
  const rows = await db
    .select({ purpose: reportFiles.purpose, reportStatus: reports.status, name: files.name, size: files.size, mediaType: files.mediaType, sha256: files.sha256 })
    .from(reportFiles)
    .innerJoin(reports, eq(reports.id, reportFiles.reportId))
    .innerJoin(files, eq(files.id, reportFiles.fileId))
    .where(and(eq(reports.projectId, projectId), eq(reportFiles.fileId, fileId)));
  // The same file in two reports: the most open of its uses decides.
  return rows.find((r) => r.purpose === 'evidence' && r.reportStatus === 'accepted') ?? rows[0] ?? null;
}

/** The files the two sides see beside an accepted report: its financial documents. */
export async function financeFiles(db: Executor, reportIds: string[]): Promise<(EvidenceFile & { reportId: string })[]> {
  if (reportIds.length === 0) return [];
  return db
    .select({ reportId: reportFiles.reportId, id: files.id, name: files.name, size: files.size, mediaType: files.mediaType })
    .from(reportFiles)
    .innerJoin(files, eq(files.id, reportFiles.fileId))
    .where(and(inArray(reportFiles.reportId, reportIds), eq(reportFiles.purpose, 'finance')))
    .orderBy(asc(files.name));
}

export type OrganisationProject = {
  id: string;
  titleKk: string;
  titleRu: string;
  status: ProjectStatus;
  amountTiyn: number;
  year: number;
  instrument: Instrument;
  startsOn: string;
  endsOn: string;
};

/** How many of an organisation's projects its profile lists; the rest are in the portal's list, found by its BIN. */
export const PROFILE_PROJECTS = 50;

/** An organisation's funded projects, newest first, for its profile: the first ones, and how many there are. */
export async function organisationProjects(db: Executor, organisationId: string): Promise<{ rows: OrganisationProject[]; total: number }> {
  const [rows, [counted]] = await Promise.all([
    db
      .select({
        id: projects.id,
        titleKk: projects.titleKk,
        titleRu: projects.titleRu,
        status: projects.status,
        amountTiyn: agreements.amountTiyn,
        year: competitions.year,
        instrument: competitions.instrument,
        startsOn: projects.startsOn,
        endsOn: projects.endsOn,
      })
      .from(projects)
      .innerJoin(agreements, eq(agreements.id, projects.agreementId))
      .innerJoin(competitions, eq(competitions.id, projects.competitionId))
      .where(eq(projects.organisationId, organisationId))
      .orderBy(desc(projects.startsOn), asc(projects.titleKk), asc(projects.id))
      .limit(PROFILE_PROJECTS),
    db.select({ n: count() }).from(projects).where(eq(projects.organisationId, organisationId)),
  ]);
  return { rows, total: counted?.n ?? 0 };
}
