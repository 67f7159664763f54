import { kazakhOrder } from '../../core/format/intl.ts';
import { createHash } from 'node:crypto';
import { and, asc, count, desc, eq, inArray, ne, or, type SQL, sql } from 'drizzle-orm';
import { z } from 'zod';
import { users } from '../../core/auth/schema.ts';
import { type Db, type Executor, queryRows } from '../../core/db/client.ts';
import { recent } from '../../core/db/recent.ts';
import { isUuid } from '../../core/db/uuid.ts';
import { REGION_CODES } from '../../core/geo/regions.ts';
import { organisations } from '../organisations/index.ts';
import { quorumFor } from './commission.ts';
import { competitionPhase, type Phase } from './phase.ts';
import type { CompetitionRow, LotRow, RuleVersionRow } from './records.ts';
import { maxScore } from './results.ts';
import { applications, commissionMembers, competitions, type FailureReason, INSTRUMENTS, lots, ruleVersions, scores } from './schema.ts';

/** The phases a visitor may filter by: a draft is never public. */
export const PUBLIC_PHASES = ['upcoming', 'accepting', 'admission', 'evaluation', 'results'] as const;
export type PublicPhase = (typeof PUBLIC_PHASES)[number];

/** An empty (or blank) value from a form means "any". */
const optional = <T extends z.ZodType>(schema: T) => z.preprocess((v) => (typeof v === 'string' && v.trim() === '' ? undefined : v), schema.optional());

/** The list's filters, as a query string: the same for the page and the API. */
export const CompetitionListParams = z.object({
  instrument: optional(z.enum(INSTRUMENTS)),
  status: optional(z.enum(PUBLIC_PHASES)),
  region: optional(z.enum(REGION_CODES)),
  year: optional(z.coerce.number().int().min(2000).max(2100)),
  page: optional(z.coerce.number().int().min(1).max(10_000)).default(1),
  pageSize: optional(z.coerce.number().int().min(1).max(100)).default(20),
});
export type CompetitionListParams = z.infer<typeof CompetitionListParams>;

export type OrganisationRef = { id: string; bin: string; nameKk: string; nameRu: string; nameEn: string | null };
const organisationRef = { id: organisations.id, bin: organisations.bin, nameKk: organisations.nameKk, nameRu: organisations.nameRu, nameEn: organisations.nameEn };

/** The server clock's instant as an SQL value: every phase is read against it, never against the database's clock. */
const at = (now: Date) => sql`${now.toISOString()}::timestamptz`;

/** Where a competition stands, in SQL: the same reading of stage and dates as phase.ts. */
export function phaseSql(now: Date): SQL<Phase> {
  return sql<Phase>`case ${competitions.stage}
    when 'draft' then 'draft' when 'evaluation' then 'evaluation' when 'published' then 'results'
    else case when ${competitions.announcedAt} > ${at(now)} then 'upcoming' when ${competitions.deadlineAt} > ${at(now)} then 'accepting' else 'admission' end
  end`;
}

/** The condition that a competition is in a phase at `now`. */
export function inPhase(phase: PublicPhase, now: Date): SQL {
  switch (phase) {
    case 'upcoming':
      return sql`(${competitions.stage} = 'announced' and ${competitions.announcedAt} > ${at(now)})`;
    case 'accepting':
      return sql`(${competitions.stage} = 'announced' and ${competitions.announcedAt} <= ${at(now)} and ${competitions.deadlineAt} > ${at(now)})`;
    case 'admission':
      return sql`(${competitions.stage} = 'announced' and ${competitions.announcedAt} <= ${at(now)} and ${competitions.deadlineAt} <= ${at(now)})`;
    case 'evaluation':
      return eq(competitions.stage, 'evaluation');
    case 'results':
      return eq(competitions.stage, 'published');
  }
}

/** A competition of a region: announced for it, or with a lot in it. */
const inRegion = (code: string) =>
  or(eq(competitions.regionCode, code), sql`exists (select 1 from ${lots} where ${lots.competitionId} = ${competitions.id} and ${lots.regionCode} = ${code})`)!;

type Filter = 'instrument' | 'status' | 'region' | 'year';

/** The list's conditions, leaving one filter out so its own choices keep their counts. */
function conditions(p: CompetitionListParams, now: Date, except?: Filter): SQL {
  const c: SQL[] = [ne(competitions.stage, 'draft')];
  if (p.instrument && except !== 'instrument') c.push(eq(competitions.instrument, p.instrument));
  if (p.status && except !== 'status') c.push(inPhase(p.status, now));
  if (p.region && except !== 'region') c.push(inRegion(p.region));
  if (p.year && except !== 'year') c.push(eq(competitions.year, p.year));
  return and(...c)!;
}

const lotBudget = sql<number>`(select coalesce(sum(${lots.budgetTiyn}), 0) from ${lots} where ${lots.competitionId} = ${competitions.id})`.mapWith(Number);
const lotCount = sql<number>`(select count(*) from ${lots} where ${lots.competitionId} = ${competitions.id})`.mapWith(Number);

export type CompetitionListItem = {
  id: string;
  number: string;
  titleKk: string;
  titleRu: string;
  titleEn: string | null;
  instrument: CompetitionRow['instrument'];
  year: number;
  regionCode: string | null;
  announcedAt: Date;
  deadlineAt: Date;
  phase: PublicPhase;
  budgetTiyn: number;
  lotCount: number;
  organiser: OrganisationRef;
};

export type FacetCount = { key: string; count: number };
export type CompetitionList = {
  items: CompetitionListItem[];
  total: number;
  page: number;
  pageSize: number;
  facets: Record<Filter, FacetCount[]>;
};

async function facet(db: Executor, p: CompetitionListParams, now: Date, filter: Filter): Promise<FacetCount[]> {
  const where = conditions(p, now, filter);
  if (filter === 'region') {
    // A competition counts once for its own region and once for each other region one of its lots is in.
    const rows = await queryRows<{ key: string; count: number | string }>(
      db,
      sql`select r.code as key, count(distinct ${competitions.id}) as count
          from ${competitions}
          cross join lateral (select ${competitions.regionCode} as code union select ${lots.regionCode} from ${lots} where ${lots.competitionId} = ${competitions.id}) as r
          where r.code is not null and ${where}
          group by r.code`,
    );
    return rows.map((r) => ({ key: r.key, count: Number(r.count) }));
  }
  const column = filter === 'instrument' ? competitions.instrument : filter === 'year' ? competitions.year : phaseSql(now);
  // By position: the phase is an expression with parameters, which PostgreSQL would not match to its copy in GROUP BY.
  const rows = await db.select({ key: column, count: count() }).from(competitions).where(where).groupBy(sql`1`);
  return rows.map((r) => ({ key: String(r.key), count: r.count }));
}

type Figures = { total: number } & Record<Filter, FacetCount[]>;

/** Whether the list is narrowed by a filter other than `except`. */
const narrowed = (p: CompetitionListParams, except?: Filter) => (['instrument', 'status', 'region', 'year'] as const).some((f) => f !== except && p[f] !== undefined);

/**
 * The number of competitions listed and each filter's choices with their counts. Those that do not
 * depend on the clock or on another filter (all the competitions, by instrument, region and year)
 * are the same for every visitor: kept for a short while (`recent`). The phases are counted on
 * each request, against the server clock.
 */
async function figures(db: Db, p: CompetitionListParams, now: Date, withFacets: boolean): Promise<Figures> {
  let kept: Promise<Omit<Figures, 'status'>> | undefined;
  const whole = () =>
    (kept ??= recent(db, 'competitions:list-figures', async () => {
      const all: CompetitionListParams = { page: 1, pageSize: 1 };
      const [[counted], instrument, region, year] = await Promise.all([
        db.select({ n: count() }).from(competitions).where(conditions(all, now)),
        facet(db, all, now, 'instrument'),
        facet(db, all, now, 'region'),
        facet(db, all, now, 'year'),
      ]);
      return { total: counted?.n ?? 0, instrument, region, year };
    }));
  const fromWhole = (f: Filter) => f !== 'status' && !narrowed(p, f);
  const [total, ...lists] = await Promise.all([
    narrowed(p) ? db.select({ n: count() }).from(competitions).where(conditions(p, now)).then(([r]) => r?.n ?? 0) : whole().then((w) => w.total),
    ...(['instrument', 'status', 'region', 'year'] as const).map((f) =>
      !withFacets ? Promise.resolve([]) : fromWhole(f) ? whole().then((w) => w[f as Exclude<Filter, 'status'>]) : facet(db, p, now, f),
    ),
  ]);
  const [instrument, status, region, year] = lists as FacetCount[][];
  return { total, instrument: instrument!, status: status!, region: region!, year: year! };
}

/**
 * Announced and past competitions, filtered by instrument, phase (read against the server clock
 * `now`), region and year. Competitions taking applications come first, soonest deadline first;
 * then the others, latest deadline first.
 */
export async function listCompetitions(db: Db, p: CompetitionListParams, now: Date, options: { facets?: boolean } = {}): Promise<CompetitionList> {
  const where = conditions(p, now);
  const phase = phaseSql(now);
  const accepting = inPhase('accepting', now);
  const [rows, counts] = await Promise.all([
    db
      .select({
        id: competitions.id,
        number: competitions.number,
        titleKk: competitions.titleKk,
        titleRu: competitions.titleRu,
        titleEn: competitions.titleEn,
        instrument: competitions.instrument,
        year: competitions.year,
        regionCode: competitions.regionCode,
        announcedAt: competitions.announcedAt,
        deadlineAt: competitions.deadlineAt,
        phase,
        budgetTiyn: lotBudget,
        lotCount,
        organiser: organisationRef,
      })
      .from(competitions)
      .innerJoin(organisations, eq(organisations.id, competitions.organiserId))
      .where(where)
      .orderBy(
        sql`case when ${accepting} then 0 else 1 end`,
        sql`case when ${accepting} then ${competitions.deadlineAt} end asc`,
        desc(competitions.deadlineAt),
        asc(competitions.number),
      )
      .limit(p.pageSize)
      .offset((p.page - 1) * p.pageSize),
    figures(db, p, now, options.facets !== false),
  ]);
  const { total, instrument, status, region, year } = counts;
  return {
    items: rows.map((r) => ({ ...r, phase: r.phase as PublicPhase })),
    total,
    page: p.page,
    pageSize: p.pageSize,
    facets: { instrument, status, region, year },
  };
}

/** A lot elsewhere that this one is linked to: the one it replaces, or one that replaces it. */
export type LotLink = { lotId: string; lotNumber: number; competitionId: string; competitionNumber: string };

/** One per-criterion score sheet of one expert, who is known only by their number. */
export type ExpertSheet = { expert: number; points: Record<string, number> };

export type RankedApplication = {
  applicationId: string;
  rank: number;
  score: number;
  winner: boolean;
  awardTiyn: number | null;
  organisation: OrganisationRef;
  sheets: ExpertSheet[];
};

export type PublicLot = {
  lot: LotRow;
  reannouncedFrom: LotLink | null;
  reannouncedAs: LotLink[];
  /** Applications received (submitted, then admitted or refused; not drafts nor withdrawn). */
  received: number;
  admitted: number;
  winner: OrganisationRef | null;
  /** Set once the results are published. */
  ranking: RankedApplication[];
  notAdmitted: { applicationId: string; organisation: OrganisationRef; reason: string | null }[];
};

export type PublicCompetition = {
  competition: CompetitionRow;
  phase: Phase;
  organiser: OrganisationRef;
  customer: OrganisationRef | null;
  rule: RuleVersionRow;
  maxScore: number;
  budgetTiyn: number;
  lots: PublicLot[];
  /** The commission, once the results are published: names, and its quorum. */
  commission: { members: string[]; quorum: number; scored: number } | null;
};

/**
 * The number an expert is known by in a competition's published scores: the commission's members
 * ordered by a hash of the competition and the expert, so the order says nothing about who they
 * are (not their name, nor when they were named) and is the same on every page and document.
 */
export function expertNumbers(competitionId: string, expertIds: string[]): Map<string, number> {
  const key = (id: string) => createHash('sha256').update(`${competitionId}:${id}`).digest('hex');
  const sorted = [...new Set(expertIds)].sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
  return new Map(sorted.map((id, i) => [id, i + 1]));
}

async function lotLinks(db: Executor, where: SQL): Promise<(LotLink & { from: string | null })[]> {
  return db
    .select({ lotId: lots.id, lotNumber: lots.number, competitionId: competitions.id, competitionNumber: competitions.number, from: lots.reannouncedFromId })
    .from(lots)
    .innerJoin(competitions, eq(competitions.id, lots.competitionId))
    .where(and(where, ne(competitions.stage, 'draft')));
}

/**
 * Everything the public page, the protocol and the API show about one competition. Rankings,
 * refusals and scores are included only once the results are published; the counts of received
 * and admitted applications are always computed (the views decide when to show them).
 * Returns null when there is no such competition; whether the reader may see a draft is the caller's.
 */
export async function publicCompetition(db: Executor, id: string, now: Date): Promise<PublicCompetition | null> {
  if (!isUuid(id)) return null;
  const [competition] = await db.select().from(competitions).where(eq(competitions.id, id));
  if (!competition) return null;
  const [[rule], lotRows] = await Promise.all([
    db.select().from(ruleVersions).where(eq(ruleVersions.id, competition.ruleVersionId)),
    db.select().from(lots).where(eq(lots.competitionId, id)).orderBy(asc(lots.number)),
  ]);
  const lotIds = lotRows.map((l) => l.id);
  const published = competition.stage === 'published';
  const apps = lotIds.length
    ? await db
        .select({
          id: applications.id,
          lotId: applications.lotId,
          status: applications.status,
          decisionReason: applications.decisionReason,
          score: applications.score,
          rank: applications.rank,
          organisation: organisationRef,
        })
        .from(applications)
        .innerJoin(organisations, eq(organisations.id, applications.organisationId))
        .where(and(inArray(applications.lotId, lotIds), inArray(applications.status, ['submitted', 'admitted', 'refused'])))
    : [];
  const orgIds = [competition.organiserId, ...(competition.customerId ? [competition.customerId] : [])];
  const orgs = await db.select(organisationRef).from(organisations).where(inArray(organisations.id, orgIds));
  const fromIds = lotRows.map((l) => l.reannouncedFromId).filter((x): x is string => x !== null);
  const [previous, next] = await Promise.all([
    fromIds.length ? lotLinks(db, inArray(lots.id, fromIds)) : Promise.resolve([]),
    lotIds.length ? lotLinks(db, inArray(lots.reannouncedFromId, lotIds)) : Promise.resolve([]),
  ]);

  let commission: PublicCompetition['commission'] = null;
  const sheets = new Map<string, ExpertSheet[]>();
  if (published) {
    const members = await db
      .select({ id: users.id, name: users.name })
      .from(commissionMembers)
      .innerJoin(users, eq(users.id, commissionMembers.expertId))
      .where(eq(commissionMembers.competitionId, id));
    const ranked = apps.filter((a) => a.rank !== null).map((a) => a.id);
    const scoreRows = ranked.length ? await db.select().from(scores).where(inArray(scores.applicationId, ranked)) : [];
    const numbers = expertNumbers(id, [...members.map((m) => m.id), ...scoreRows.map((s) => s.expertId)]);
    for (const s of scoreRows) {
      const list = sheets.get(s.applicationId) ?? [];
      const expert = numbers.get(s.expertId)!;
      let sheet = list.find((x) => x.expert === expert);
      if (!sheet) {
        sheet = { expert, points: {} };
        list.push(sheet);
      }
      sheet.points[s.criterion] = s.points;
      sheets.set(s.applicationId, list);
    }
    for (const list of sheets.values()) list.sort((a, b) => a.expert - b.expert);
    commission = {
      members: members.map((m) => m.name).sort(kazakhOrder),
      quorum: quorumFor(members.length, 0),
      scored: new Set(scoreRows.map((s) => s.expertId)).size,
    };
  }

  const byName = (a: { organisation: OrganisationRef }, b: { organisation: OrganisationRef }) => kazakhOrder(a.organisation.nameKk, b.organisation.nameKk);
  const publicLots: PublicLot[] = lotRows.map((lot) => {
    const own = apps.filter((a) => a.lotId === lot.id);
    const winner = lot.winnerApplicationId ? (own.find((a) => a.id === lot.winnerApplicationId)?.organisation ?? null) : null;
    const from = lot.reannouncedFromId ? previous.find((p) => p.lotId === lot.reannouncedFromId) : undefined;
    return {
      lot,
      reannouncedFrom: from ? { lotId: from.lotId, lotNumber: from.lotNumber, competitionId: from.competitionId, competitionNumber: from.competitionNumber } : null,
      reannouncedAs: next
        .filter((n) => n.from === lot.id)
        .map((n) => ({ lotId: n.lotId, lotNumber: n.lotNumber, competitionId: n.competitionId, competitionNumber: n.competitionNumber })),
      received: own.length,
      admitted: own.filter((a) => a.status === 'admitted').length,
      winner,
      ranking: published
        ? own
            .filter((a) => a.status === 'admitted' && a.rank !== null)
            .sort((a, b) => a.rank! - b.rank!)
            .map((a) => ({
              applicationId: a.id,
              rank: a.rank!,
              score: a.score ?? 0,
              winner: a.id === lot.winnerApplicationId,
              awardTiyn: a.id === lot.winnerApplicationId ? lot.awardTiyn : null,
              organisation: a.organisation,
              sheets: sheets.get(a.id) ?? [],
            }))
        : [],
      notAdmitted: published
        ? own
            .filter((a) => a.status === 'refused')
            .sort(byName)
            .map((a) => ({ applicationId: a.id, organisation: a.organisation, reason: a.decisionReason }))
        : [],
    };
  });

  return {
    competition,
    phase: competitionPhase(competition, now),
    organiser: orgs.find((o) => o.id === competition.organiserId)!,
    customer: competition.customerId ? (orgs.find((o) => o.id === competition.customerId) ?? null) : null,
    rule: rule!,
    maxScore: maxScore(rule!.definition.criteria),
    budgetTiyn: lotRows.reduce((sum, l) => sum + l.budgetTiyn, 0),
    lots: publicLots,
    commission,
  };
}

/** Whether the counts of received and admitted applications are known to the public: after the deadline. */
export const countsArePublic = (phase: Phase) => phase === 'admission' || phase === 'evaluation' || phase === 'results';

export type DecidedApplication = {
  applicationId: string;
  status: 'admitted' | 'refused';
  reason: string | null;
  score: number | null;
  rank: number | null;
  competition: Pick<CompetitionRow, 'id' | 'number' | 'titleKk' | 'titleRu' | 'titleEn' | 'stage' | 'year' | 'instrument'>;
  lot: Pick<LotRow, 'id' | 'number' | 'titleKk' | 'titleRu' | 'titleEn' | 'outcome' | 'failureReason'>;
  won: boolean;
  awardTiyn: number | null;
  maxScore: number;
};

/**
 * An organisation's applications on which the organiser has decided (admitted or refused), with
 * their results where published; newest competitions first.
 */
export async function decidedApplications(db: Executor, organisationId: string): Promise<DecidedApplication[]> {
  const rows = await db
    .select({
      applicationId: applications.id,
      status: applications.status,
      reason: applications.decisionReason,
      score: applications.score,
      rank: applications.rank,
      competition: {
        id: competitions.id,
        number: competitions.number,
        titleKk: competitions.titleKk,
        titleRu: competitions.titleRu,
        titleEn: competitions.titleEn,
        stage: competitions.stage,
        year: competitions.year,
        instrument: competitions.instrument,
      },
      lot: { id: lots.id, number: lots.number, titleKk: lots.titleKk, titleRu: lots.titleRu, titleEn: lots.titleEn, outcome: lots.outcome, failureReason: lots.failureReason },
      winnerApplicationId: lots.winnerApplicationId,
      awardTiyn: lots.awardTiyn,
      ruleVersionId: competitions.ruleVersionId,
    })
    .from(applications)
    .innerJoin(lots, eq(lots.id, applications.lotId))
    .innerJoin(competitions, eq(competitions.id, lots.competitionId))
    .where(and(eq(applications.organisationId, organisationId), inArray(applications.status, ['admitted', 'refused']), ne(competitions.stage, 'draft')))
    .orderBy(desc(competitions.deadlineAt), asc(competitions.number), asc(lots.number));
  if (rows.length === 0) return [];
  const rules = await db
    .select()
    .from(ruleVersions)
    .where(inArray(ruleVersions.id, [...new Set(rows.map((r) => r.ruleVersionId))]));
  const max = new Map(rules.map((r) => [r.id, maxScore(r.definition.criteria)]));
  return rows.map(({ winnerApplicationId, ruleVersionId, awardTiyn, ...r }) => {
    const published = r.competition.stage === 'published';
    const won = published && winnerApplicationId === r.applicationId;
    return {
      ...r,
      status: r.status as 'admitted' | 'refused',
      score: published ? r.score : null,
      rank: published ? r.rank : null,
      lot: published || r.lot.outcome === 'failed' ? r.lot : { ...r.lot, outcome: null, failureReason: null },
      won,
      awardTiyn: won ? awardTiyn : null,
      maxScore: max.get(ruleVersionId) ?? 0,
    };
  });
}

export type { FailureReason };
