import type { Criterion, FailureReason } from './schema.ts';

export type ScoredApplication = {
  id: string;
  status: 'submitted' | 'admitted' | 'refused';
  submittedAt: Date;
  requestedTiyn: number;
  /** Per expert who scored it, their points per criterion code. */
  scores: Record<string, number>[];
};

export type RankedApplication = { id: string; score: number; rank: number; criterionMeans: Record<string, number> };

export type LotResult =
  | { outcome: 'failed'; reason: FailureReason; ranking: RankedApplication[]; maxScore: number }
  | { outcome: 'awarded'; winnerId: string; awardTiyn: number; ranking: RankedApplication[]; maxScore: number };

export const maxScore = (criteria: readonly Criterion[]) => criteria.reduce((sum, c) => sum + c.weight * c.maxPoints, 0);

/** One expert's weighted total for one application. */
const weightedTotal = (criteria: readonly Criterion[], points: Record<string, number>) =>
  criteria.reduce((sum, c) => sum + c.weight * (points[c.code] ?? 0), 0);

const mean = (values: number[]) => (values.length ? values.reduce((a, b) => a + b, 0) / values.length : 0);
/** Scores are compared at 1/10,000 of a point, so float noise never decides a tie. */
const round = (n: number) => Math.round(n * 10_000) / 10_000;

/**
 * The outcome of one lot, computed from what was received, admitted and scored (BRIEF.md; the
 * rules' failure grounds, research/domain_kz.md §3.1). The score of an application is the mean,
 * over the experts who scored it, of each expert's weighted total.
 *
 * Ties are broken, in order, by the higher mean on each criterion in the rule's order (the first
 * criterion is the most important), then by the earlier submission, which is unique per lot.
 */
export function computeLotResult(input: {
  criteria: readonly Criterion[];
  passPercent: number;
  applications: readonly ScoredApplication[];
  /** A prize pays the lot's budget; grants and social order pay what the winner asked for. */
  award: (winner: ScoredApplication) => number;
}): LotResult {
  const { criteria, applications } = input;
  const max = maxScore(criteria);
  const received = applications.length;
  const admitted = applications.filter((a) => a.status === 'admitted');
  const ranking = admitted
    .map((a) => ({
      app: a,
      score: round(mean(a.scores.map((s) => weightedTotal(criteria, s)))),
      criterionMeans: Object.fromEntries(criteria.map((c) => [c.code, round(mean(a.scores.map((s) => s[c.code] ?? 0)))])),
    }))
    .sort((x, y) => {
      if (y.score !== x.score) return y.score - x.score;
      for (const c of criteria) {
        const d = (y.criterionMeans[c.code] ?? 0) - (x.criterionMeans[c.code] ?? 0);
        if (d !== 0) return d;
      }
      return x.app.submittedAt.getTime() - y.app.submittedAt.getTime();
    })
    .map((r, i) => ({ id: r.app.id, score: r.score, rank: i + 1, criterionMeans: r.criterionMeans, app: r.app }));
  const publicRanking = ranking.map(({ app: _app, ...r }) => r);
  const failed = (reason: FailureReason): LotResult => ({ outcome: 'failed', reason, ranking: publicRanking, maxScore: max });

  // A lot that fails before evaluation ranks nobody: there was nothing to compare.
  const early = failureBeforeEvaluation(received, admitted.length);
  if (early) return { outcome: 'failed', reason: early, ranking: [], maxScore: max };
  const best = ranking[0]!;
  if (!(best.score > (max * input.passPercent) / 100)) return failed('low-scores');
  return { outcome: 'awarded', winnerId: best.id, awardTiyn: input.award(best.app), ranking: publicRanking, maxScore: max };
}

/** The grounds that are known once admission is decided, before any expert scores. */
export function failureBeforeEvaluation(received: number, admitted: number): FailureReason | null {
  if (received === 0) return 'no-applications';
  if (received === 1) return 'one-application';
  if (admitted === 0) return 'none-admitted';
  if (admitted === 1) return 'one-admitted';
  return null;
}
