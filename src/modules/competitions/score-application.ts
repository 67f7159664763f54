import { sql } from 'drizzle-orm';
import type { Actor } from '../../core/auth/actor.ts';
import { recordAudit } from '../../core/audit/audit-log.ts';
import type { AppContext } from '../../core/module.ts';
import { expertStanding } from './commission.ts';
import { loadApplication } from './records.ts';
import { scores } from './schema.ts';

export type CriterionScore = { criterion: string; points: number; comment: string };
export type ScoreResult = { ok: true } | { ok: false; errors: Record<string, string> };

/**
 * An expert scores every criterion of an admitted application, each with a comment. Scores can be
 * revised while the commission sits and lock when it closes.
 */
export async function scoreApplication(ctx: AppContext, actor: Actor, applicationId: string, given: CriterionScore[]): Promise<ScoreResult> {
  return ctx.db.transaction(async (tx) => {
    const record = await loadApplication(tx, applicationId, { lock: true });
    const standing = await expertStanding(tx, actor, record);
    ctx.policy.authorize(actor, 'application.score', standing);
    if (record.application.status !== 'admitted') return { ok: false, errors: { _form: 'competitions.error.not-admitted' } };
    const errors: Record<string, string> = {};
    const byCode = new Map(given.map((g) => [g.criterion, g]));
    for (const c of record.rule.definition.criteria) {
      const g = byCode.get(c.code);
      if (!g || !Number.isInteger(g.points) || g.points < 0 || g.points > c.maxPoints) errors[`points.${c.code}`] = 'competitions.score.error.points';
      if (!g || g.comment.trim() === '') errors[`comment.${c.code}`] = 'competitions.score.error.comment';
    }
    if (Object.keys(errors).length) return { ok: false, errors };
    const now = ctx.clock.now();
    const rows = record.rule.definition.criteria.map((c) => {
      const g = byCode.get(c.code)!;
      return { applicationId, expertId: actor.userId!, criterion: c.code, points: g.points, comment: g.comment.trim(), scoredAt: now };
    });
    await tx
      .insert(scores)
      .values(rows)
      .onConflictDoUpdate({
        target: [scores.applicationId, scores.expertId, scores.criterion],
        set: { points: sql`excluded.points`, comment: sql`excluded.comment`, scoredAt: now },
      });
    await recordAudit(tx, {
      actorId: actor.userId,
      action: 'application.score',
      entityType: 'application',
      entityId: applicationId,
      changes: { scores: Object.fromEntries(rows.map((r) => [r.criterion, r.points])) },
    });
    return { ok: true };
  });
}
