import { describe, expect, it } from 'vitest';
import { computeLotResult, maxScore, type ScoredApplication } from './results.ts';
import type { Criterion } from './schema.ts';

const texts = { kk: '', ru: '', en: '' };
const criteria: Criterion[] = [
  { code: 'relevance', title: texts, maxPoints: 10, weight: 2 },
  { code: 'plan', title: texts, maxPoints: 10, weight: 1 },
];
// Max = 2×10 + 10 = 30; passing needs strictly more than 15.
const at = (minute: number) => new Date(Date.UTC(2026, 10, 1, 10, minute));
const app = (id: string, status: ScoredApplication['status'], scores: Record<string, number>[], minute = 0, requestedTiyn = 100_000): ScoredApplication => ({
  id,
  status,
  submittedAt: at(minute),
  requestedTiyn,
  scores,
});
const result = (applications: ScoredApplication[], award = (w: ScoredApplication) => w.requestedTiyn) =>
  computeLotResult({ criteria, passPercent: 50, applications, award });

describe('a lot’s outcome', () => {
  it('is the weighted mean over experts, ranked, with the winner awarded what it asked for', () => {
    const r = result([
      app('a', 'admitted', [{ relevance: 8, plan: 6 }, { relevance: 6, plan: 8 }], 0, 42_857_100),
      app('b', 'admitted', [{ relevance: 9, plan: 9 }, { relevance: 9, plan: 7 }], 1, 55_714_300),
      app('c', 'refused', []),
    ]);
    expect(maxScore(criteria)).toBe(30);
    expect(r).toMatchObject({ outcome: 'awarded', winnerId: 'b', awardTiyn: 55_714_300 });
    // a: (22 + 20) / 2 = 21; b: (27 + 25) / 2 = 26.
    expect(r.ranking.map((x) => [x.id, x.score, x.rank])).toEqual([
      ['b', 26, 1],
      ['a', 21, 2],
    ]);
  });

  it('fails with no applications', () => {
    expect(result([])).toMatchObject({ outcome: 'failed', reason: 'no-applications' });
  });

  it('fails with only one application, even a good one', () => {
    expect(result([app('a', 'admitted', [{ relevance: 10, plan: 10 }])])).toMatchObject({ outcome: 'failed', reason: 'one-application' });
  });

  it('fails when none was admitted', () => {
    expect(result([app('a', 'refused', []), app('b', 'refused', [])])).toMatchObject({ outcome: 'failed', reason: 'none-admitted' });
  });

  it('fails when only one was admitted', () => {
    expect(result([app('a', 'admitted', [{ relevance: 10, plan: 10 }]), app('b', 'refused', [])])).toMatchObject({ outcome: 'failed', reason: 'one-admitted' });
  });

  it('fails when the best score is not above half of the maximum — exactly half is not enough', () => {
    const half = result([app('a', 'admitted', [{ relevance: 5, plan: 5 }]), app('b', 'admitted', [{ relevance: 4, plan: 4 }])]);
    expect(half).toMatchObject({ outcome: 'failed', reason: 'low-scores' });
    expect(half.ranking[0]).toMatchObject({ id: 'a', score: 15 });
    const justAbove = result([app('a', 'admitted', [{ relevance: 5, plan: 6 }]), app('b', 'admitted', [{ relevance: 4, plan: 4 }])]);
    expect(justAbove).toMatchObject({ outcome: 'awarded', winnerId: 'a' });
  });

  it('breaks a tie by the first criterion, then the next, then the earlier submission', () => {
    // Both 24 in total: a has 8 on relevance (weight 2) and 8 on plan; b has 9 and 6.
    const byCriterion = result([app('a', 'admitted', [{ relevance: 8, plan: 8 }], 0), app('b', 'admitted', [{ relevance: 9, plan: 6 }], 5)]);
    expect(byCriterion).toMatchObject({ outcome: 'awarded', winnerId: 'b' });
    const byTime = result([app('late', 'admitted', [{ relevance: 8, plan: 8 }], 9), app('early', 'admitted', [{ relevance: 8, plan: 8 }], 3)]);
    expect(byTime).toMatchObject({ outcome: 'awarded', winnerId: 'early' });
    expect(byTime.ranking.map((r) => r.rank)).toEqual([1, 2]);
  });

  it('does not let floating-point noise decide between equal means', () => {
    // 0.1-style sums: three experts whose means are equal in exact arithmetic.
    const r = result([
      app('x', 'admitted', [{ relevance: 7, plan: 7 }, { relevance: 7, plan: 8 }, { relevance: 8, plan: 6 }], 2),
      app('y', 'admitted', [{ relevance: 7, plan: 7 }, { relevance: 8, plan: 6 }, { relevance: 7, plan: 8 }], 1),
    ]);
    expect(r).toMatchObject({ outcome: 'awarded', winnerId: 'y' });
  });

  it('pays a prize its fixed amount through the award rule the caller gives', () => {
    const r = result([app('a', 'admitted', [{ relevance: 9, plan: 9 }]), app('b', 'admitted', [{ relevance: 1, plan: 1 }])], () => 1_000_000);
    expect(r).toMatchObject({ outcome: 'awarded', awardTiyn: 1_000_000 });
  });
});
