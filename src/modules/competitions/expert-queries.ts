import { FOUND_BY_SYSTEM } from './declare-conflict.ts';
import { and, asc, desc, eq, inArray } from 'drizzle-orm';
import type { Actor } from '../../core/auth/actor.ts';
import type { Executor } from '../../core/db/client.ts';
import { organisationMembers, organisations } from '../organisations/index.ts';
import type { ExpertStanding } from './commission.ts';
import type { CompetitionRow, LotRow, OrganisationRow } from './records.ts';
import { maxScore } from './results.ts';
import { applications, commissionMembers, competitions, conflictDeclarations, type Criterion, lots, ruleVersions, scores } from './schema.ts';

/** The note declare-conflict.ts writes when the system, not the expert, found the conflict. */

/** Why an expert may not score an application: they declared a conflict, or the register shows them in the applicant. */
export type RecusalReason = 'declared' | 'member';

/**
 * Why the expert is recused, once they have declared; null if they are not. An expert who has
 * not declared yet is asked to, even when the system already knows of a conflict: the
 * declaration records it, and the quorum counts only recorded conflicts.
 */
export function recusalReason(s: Pick<ExpertStanding, 'declared' | 'memberOfApplicant'>): RecusalReason | null {
  if (s.declared?.hasConflict) return s.declared.note === FOUND_BY_SYSTEM ? 'member' : 'declared';
  if (s.declared && s.memberOfApplicant) return 'member';
  return null;
}

/** What the expert wrote when declaring a conflict, unless it is the system's own mark. */
export const declaredNote = (s: Pick<ExpertStanding, 'declared'>) => (s.declared?.note && s.declared.note !== FOUND_BY_SYSTEM ? s.declared.note : null);

export type MyScore = { points: number; comment: string };

/** One expert's weighted total, or null unless every criterion has points. */
export function weightedTotal(criteria: readonly Criterion[], mine: Record<string, MyScore>): number | null {
  if (!criteria.every((c) => mine[c.code])) return null;
  return criteria.reduce((sum, c) => sum + c.weight * mine[c.code]!.points, 0);
}

/** The expert's own scores for one application, by criterion code. */
export async function myScores(db: Executor, actor: Actor, applicationId: string): Promise<Record<string, MyScore>> {
  if (!actor.userId) return {};
  const rows = await db
    .select({ criterion: scores.criterion, points: scores.points, comment: scores.comment })
    .from(scores)
    .where(and(eq(scores.applicationId, applicationId), eq(scores.expertId, actor.userId)));
  return Object.fromEntries(rows.map((r) => [r.criterion, { points: r.points, comment: r.comment }]));
}

/**
 * Where the expert stands on one application, as the desk shows it: to declare, recused, to
 * score or scored while the commission sits; after it closes, scored or not (locked either way).
 */
export type DeskStanding =
  | { kind: 'to-declare' }
  | { kind: 'recused'; reason: RecusalReason }
  | { kind: 'to-score' }
  | { kind: 'scored'; total: number }
  | { kind: 'not-scored' };

export type DeskApplication = {
  id: string;
  receiptNumber: string;
  organisation: Pick<OrganisationRow, 'nameKk' | 'nameRu' | 'nameEn'>;
  lot: Pick<LotRow, 'number' | 'titleKk' | 'titleRu' | 'titleEn'>;
  standing: DeskStanding;
};

export type DeskCompetition = {
  competition: CompetitionRow;
  maxScore: number;
  /** Empty until the commission starts sitting: admission is still being decided. */
  applications: DeskApplication[];
};

/**
 * The expert's desk: the competitions whose commission the actor sits on, newest first, each
 * with its admitted applications and the actor's standing on each. Only the actor's own
 * declarations and scores are read.
 */
export async function expertDesk(db: Executor, actor: Actor): Promise<DeskCompetition[]> {
  if (!actor.userId) return [];
  const me = actor.userId;
  const seats = await db
    .select({ competition: competitions, definition: ruleVersions.definition })
    .from(commissionMembers)
    .innerJoin(competitions, eq(competitions.id, commissionMembers.competitionId))
    .innerJoin(ruleVersions, eq(ruleVersions.id, competitions.ruleVersionId))
    .where(eq(commissionMembers.expertId, me))
    .orderBy(desc(competitions.deadlineAt), asc(competitions.number));
  const sitting = seats.filter((s) => s.competition.stage === 'evaluation' || s.competition.stage === 'published').map((s) => s.competition.id);
  const admitted = sitting.length
    ? await db
        .select({
          id: applications.id,
          receiptNumber: applications.receiptNumber,
          organisationId: applications.organisationId,
          competitionId: lots.competitionId,
          lot: { number: lots.number, titleKk: lots.titleKk, titleRu: lots.titleRu, titleEn: lots.titleEn },
          organisation: { nameKk: organisations.nameKk, nameRu: organisations.nameRu, nameEn: organisations.nameEn },
        })
        .from(applications)
        .innerJoin(lots, eq(lots.id, applications.lotId))
        .innerJoin(organisations, eq(organisations.id, applications.organisationId))
        .where(and(inArray(lots.competitionId, sitting), eq(applications.status, 'admitted')))
        .orderBy(asc(lots.number), asc(applications.receiptNumber))
    : [];
  const ids = admitted.map((a) => a.id);
  const declarations = ids.length
    ? await db
        .select({ applicationId: conflictDeclarations.applicationId, hasConflict: conflictDeclarations.hasConflict, note: conflictDeclarations.note })
        .from(conflictDeclarations)
        .where(and(eq(conflictDeclarations.expertId, me), inArray(conflictDeclarations.applicationId, ids)))
    : [];
  const given = ids.length
    ? await db
        .select({ applicationId: scores.applicationId, criterion: scores.criterion, points: scores.points, comment: scores.comment })
        .from(scores)
        .where(and(eq(scores.expertId, me), inArray(scores.applicationId, ids)))
    : [];
  const memberOf = new Set(
    (await db.select({ organisationId: organisationMembers.organisationId }).from(organisationMembers).where(eq(organisationMembers.userId, me))).map(
      (m) => m.organisationId,
    ),
  );

  return seats.map(({ competition, definition }) => {
    const criteria = definition.criteria;
    const open = competition.stage === 'evaluation';
    const apps = admitted
      .filter((a) => a.competitionId === competition.id)
      .map((a): DeskApplication => {
        const declaration = declarations.find((d) => d.applicationId === a.id);
        const mine = Object.fromEntries(given.filter((g) => g.applicationId === a.id).map((g) => [g.criterion, { points: g.points, comment: g.comment }]));
        const total = weightedTotal(criteria, mine);
        const reason = recusalReason({
          declared: declaration ? { hasConflict: declaration.hasConflict, note: declaration.note } : null,
          memberOfApplicant: memberOf.has(a.organisationId),
        });
        const standing: DeskStanding = reason
          ? { kind: 'recused', reason }
          : total !== null
            ? { kind: 'scored', total }
            : !open
              ? { kind: 'not-scored' }
              : declaration
                ? { kind: 'to-score' }
                : { kind: 'to-declare' };
        return { id: a.id, receiptNumber: a.receiptNumber ?? '', organisation: a.organisation, lot: a.lot, standing };
      });
    return { competition, maxScore: maxScore(criteria), applications: apps };
  });
}
