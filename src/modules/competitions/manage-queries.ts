import { and, asc, count, desc, eq, inArray, sql } from 'drizzle-orm';
import type { Actor } from '../../core/auth/actor.ts';
import { userRoles, users } from '../../core/auth/schema.ts';
import type { Executor } from '../../core/db/client.ts';
import type { AppContext } from '../../core/module.ts';
import { organisationMembers, organisations } from '../organisations/index.ts';
import { quorumFor } from './commission.ts';
import type { CompetitionRow, LotRow, OrganisationRow, RuleVersionRow } from './records.ts';
import { applications, commissionMembers, competitions, conflictDeclarations, lots, mciValues, ruleVersions, scores } from './schema.ts';

/** Received applications: submitted and not withdrawn, whether decided yet or not. */
const RECEIVED = ['submitted', 'admitted', 'refused'] as const;
const NO_ID = '00000000-0000-0000-0000-000000000000';

/** The state bodies the actor runs competitions for: staff of a state organisation who hold the organiser role. */
export async function organiserBodies(ctx: AppContext, actor: Actor): Promise<OrganisationRow[]> {
  const ids = actor.memberships.map((m) => m.organisationId);
  if (!ids.length) return [];
  const rows = await ctx.db
    .select()
    .from(organisations)
    .where(and(inArray(organisations.id, ids), eq(organisations.kind, 'state')))
    .orderBy(asc(organisations.nameKk));
  return rows.filter((org) => ctx.policy.can(actor, 'competition.create', org));
}

export type DeskListItem = {
  competition: CompetitionRow;
  organiser: Pick<OrganisationRow, 'nameKk' | 'nameRu' | 'nameEn'>;
  lots: number;
  received: number;
  undecided: number;
};

/** Every competition of the given bodies, newest first, with how many applications came in and how many await admission. */
export async function competitionsOfBodies(db: Executor, bodyIds: string[]): Promise<DeskListItem[]> {
  if (!bodyIds.length) return [];
  const rows = await db
    .select({ competition: competitions, nameKk: organisations.nameKk, nameRu: organisations.nameRu, nameEn: organisations.nameEn })
    .from(competitions)
    .innerJoin(organisations, eq(organisations.id, competitions.organiserId))
    .where(inArray(competitions.organiserId, bodyIds))
    .orderBy(desc(competitions.announcedAt), desc(competitions.number));
  const ids = rows.map((r) => r.competition.id).concat(NO_ID);
  const lotCounts = await db.select({ id: lots.competitionId, n: count() }).from(lots).where(inArray(lots.competitionId, ids)).groupBy(lots.competitionId);
  const appCounts = await db
    .select({
      id: lots.competitionId,
      received: sql<number>`count(*) filter (where ${applications.status} in ('submitted','admitted','refused'))`.mapWith(Number),
      undecided: sql<number>`count(*) filter (where ${applications.status} = 'submitted')`.mapWith(Number),
    })
    .from(applications)
    .innerJoin(lots, eq(lots.id, applications.lotId))
    .where(inArray(lots.competitionId, ids))
    .groupBy(lots.competitionId);
  return rows.map(({ competition, ...organiser }) => {
    const apps = appCounts.find((a) => a.id === competition.id);
    return {
      competition,
      organiser,
      lots: lotCounts.find((l) => l.id === competition.id)?.n ?? 0,
      received: apps?.received ?? 0,
      undecided: apps?.undecided ?? 0,
    };
  });
}

/** The rule versions a competition may be announced under, oldest instrument first. */
export const ruleVersionList = (db: Executor): Promise<RuleVersionRow[]> =>
  db.select().from(ruleVersions).orderBy(asc(ruleVersions.instrument), desc(ruleVersions.validFrom));

/** The monthly calculation index of a year, in tiyn, if the reference data has it. */
export async function mciOf(db: Executor, year: number): Promise<number | null> {
  const [row] = await db.select().from(mciValues).where(eq(mciValues.year, year));
  return row?.amountTiyn ?? null;
}

export type Person = { id: string; name: string; email: string };

export type ReceivedApplication = {
  id: string;
  receiptNumber: string | null;
  status: (typeof RECEIVED)[number];
  submittedAt: Date | null;
  requestedTiyn: number;
  decisionReason: string | null;
  score: number | null;
  rank: number | null;
  organisation: Pick<OrganisationRow, 'id' | 'bin' | 'nameKk' | 'nameRu' | 'nameEn'>;
};

/** Where one commission member stands on one admitted application. */
export type Standing = 'scored' | 'recused' | 'pending';

export type ProgressRow = {
  application: ReceivedApplication;
  lot: LotRow;
  /** By expert id. */
  standing: Record<string, Standing>;
  scoredBy: number;
  /** As publishing counts it: two thirds of the members who have not declared a conflict. */
  needed: number;
  quorum: boolean;
  /** Whether the quorum matters: a lot with fewer than two admitted applications fails without scores. */
  decides: boolean;
};

/** A lot's place in a chain of re-announcements: the competition it came from, or the ones it went on to. */
export type LotLink = { lotId: string; competitionId: string; number: string; lotNumber: number };

export type Desk = {
  competition: CompetitionRow;
  /** By lot id: the failed lot this one re-announces. */
  reannouncedFrom: Record<string, LotLink>;
  /** By lot id: the lots that re-announce this failed one. */
  reannouncedAs: Record<string, LotLink[]>;
  organiser: OrganisationRow;
  rule: RuleVersionRow;
  lots: { lot: LotRow; applications: ReceivedApplication[] }[];
  commission: Person[];
  /** Everyone in the expert register, to name the commission from. */
  experts: Person[];
  undecided: number;
  progress: ProgressRow[];
};

/** Everything the organiser's desk shows about one competition. The caller has checked that the actor manages it. */
export async function deskOf(db: Executor, competition: CompetitionRow): Promise<Desk> {
  const [organiser] = await db.select().from(organisations).where(eq(organisations.id, competition.organiserId));
  const [rule] = await db.select().from(ruleVersions).where(eq(ruleVersions.id, competition.ruleVersionId));
  const lotRows = await db.select().from(lots).where(eq(lots.competitionId, competition.id)).orderBy(asc(lots.number));
  const received: (ReceivedApplication & { lotId: string })[] = (
    await db
      .select({
        id: applications.id,
        lotId: applications.lotId,
        receiptNumber: applications.receiptNumber,
        status: applications.status,
        submittedAt: applications.submittedAt,
        requestedTiyn: applications.requestedTiyn,
        decisionReason: applications.decisionReason,
        score: applications.score,
        rank: applications.rank,
        organisation: { id: organisations.id, bin: organisations.bin, nameKk: organisations.nameKk, nameRu: organisations.nameRu, nameEn: organisations.nameEn },
      })
      .from(applications)
      .innerJoin(organisations, eq(organisations.id, applications.organisationId))
      .where(and(inArray(applications.lotId, lotRows.map((l) => l.id).concat(NO_ID)), inArray(applications.status, [...RECEIVED])))
      .orderBy(asc(applications.submittedAt))
  ).map((a) => ({ ...a, status: a.status as ReceivedApplication['status'] }));

  const commission = await db
    .select({ id: users.id, name: users.name, email: users.email })
    .from(commissionMembers)
    .innerJoin(users, eq(users.id, commissionMembers.expertId))
    .where(eq(commissionMembers.competitionId, competition.id))
    .orderBy(asc(users.name), asc(users.email));
  const experts = await db
    .select({ id: users.id, name: users.name, email: users.email })
    .from(userRoles)
    .innerJoin(users, eq(users.id, userRoles.userId))
    .where(and(eq(userRoles.role, 'expert'), sql`${users.disabledAt} is null`))
    .orderBy(asc(users.name), asc(users.email));

  const admitted = received.filter((a) => a.status === 'admitted');
  const progress: ProgressRow[] = [];
  if (admitted.length && commission.length && competition.stage !== 'announced' && competition.stage !== 'draft') {
    const appIds = admitted.map((a) => a.id);
    const memberIds = commission.map((m) => m.id);
    const criteria = rule!.definition.criteria.length;
    const declarations = await db.select().from(conflictDeclarations).where(inArray(conflictDeclarations.applicationId, appIds));
    const memberships = await db
      .select({ organisationId: organisationMembers.organisationId, userId: organisationMembers.userId })
      .from(organisationMembers)
      .where(and(inArray(organisationMembers.userId, memberIds), inArray(organisationMembers.organisationId, admitted.map((a) => a.organisation.id))));
    const scored = await db
      .select({ applicationId: scores.applicationId, expertId: scores.expertId, n: count() })
      .from(scores)
      .where(inArray(scores.applicationId, appIds))
      .groupBy(scores.applicationId, scores.expertId);
    for (const a of admitted) {
      const standing: Record<string, Standing> = {};
      for (const m of commission) {
        const declared = declarations.find((d) => d.applicationId === a.id && d.expertId === m.id);
        const member = memberships.some((x) => x.userId === m.id && x.organisationId === a.organisation.id);
        const full = (scored.find((s) => s.applicationId === a.id && s.expertId === m.id)?.n ?? 0) >= criteria;
        standing[m.id] = declared?.hasConflict || member ? 'recused' : full ? 'scored' : 'pending';
      }
      // Publishing counts as recused those who declared a conflict, and as scoring those who scored every criterion.
      const recused = new Set(declarations.filter((d) => d.applicationId === a.id && d.hasConflict).map((d) => d.expertId)).size;
      const scoredBy = scored.filter((s) => s.applicationId === a.id && s.n >= criteria).length;
      const needed = quorumFor(commission.length, recused);
      const decides = admitted.filter((x) => x.lotId === a.lotId).length >= 2;
      progress.push({ application: a, lot: lotRows.find((l) => l.id === a.lotId)!, standing, scoredBy, needed, quorum: scoredBy >= needed, decides });
    }
  }

  const lotIds = lotRows.map((l) => l.id).concat(NO_ID);
  const linkFields = { lotId: lots.id, from: lots.reannouncedFromId, competitionId: competitions.id, number: competitions.number, lotNumber: lots.number };
  const earlier = await db
    .select(linkFields)
    .from(lots)
    .innerJoin(competitions, eq(competitions.id, lots.competitionId))
    .where(inArray(lots.id, lotRows.flatMap((l) => (l.reannouncedFromId ? [l.reannouncedFromId] : [])).concat(NO_ID)));
  const later = await db.select(linkFields).from(lots).innerJoin(competitions, eq(competitions.id, lots.competitionId)).where(inArray(lots.reannouncedFromId, lotIds));
  const reannouncedFrom: Record<string, LotLink> = {};
  for (const l of lotRows) {
    const old = earlier.find((e) => e.lotId === l.reannouncedFromId);
    if (old) reannouncedFrom[l.id] = { lotId: old.lotId, competitionId: old.competitionId, number: old.number, lotNumber: old.lotNumber };
  }
  const reannouncedAs: Record<string, LotLink[]> = {};
  for (const n of later) {
    const list = reannouncedAs[n.from!] ?? [];
    list.push({ lotId: n.lotId, competitionId: n.competitionId, number: n.number, lotNumber: n.lotNumber });
    reannouncedAs[n.from!] = list;
  }

  return {
    competition,
    reannouncedFrom,
    reannouncedAs,
    organiser: organiser!,
    rule: rule!,
    lots: lotRows.map((lot) => ({ lot, applications: received.filter((a) => a.lotId === lot.id) })),
    commission,
    experts,
    undecided: received.filter((a) => a.status === 'submitted').length,
    progress,
  };
}

/** Whether any failed lot of the competition has already been announced again. */
export async function alreadyReannounced(db: Executor, competitionId: string): Promise<boolean> {
  const [row] = await db
    .select({ n: count() })
    .from(lots)
    .where(
      inArray(
        lots.reannouncedFromId,
        db
          .select({ id: lots.id })
          .from(lots)
          .where(and(eq(lots.competitionId, competitionId), eq(lots.outcome, 'failed'))),
      ),
    );
  return (row?.n ?? 0) > 0;
}
