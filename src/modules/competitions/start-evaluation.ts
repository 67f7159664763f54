import { and, count, eq, inArray } from 'drizzle-orm';
import type { Actor } from '../../core/auth/actor.ts';
import { recordAudit } from '../../core/audit/audit-log.ts';
import type { AppContext } from '../../core/module.ts';
import { competitionPhase } from './phase.ts';
import { loadCompetition } from './records.ts';
import { applications, commissionMembers, competitions, lots } from './schema.ts';

/** The commission starts sitting once every submitted application is admitted or refused and the commission is named. */
export async function startEvaluation(ctx: AppContext, actor: Actor, competitionId: string): Promise<{ ok: true } | { ok: false; key: string }> {
  return ctx.db.transaction(async (tx) => {
    const competition = await loadCompetition(tx, competitionId, { lock: true });
    ctx.policy.authorize(actor, 'competition.manage', competition);
    if (competitionPhase(competition, ctx.clock.now()) !== 'admission') return { ok: false, key: 'competitions.error.not-admission' };
    const [undecided] = await tx
      .select({ n: count() })
      .from(applications)
      .innerJoin(lots, eq(lots.id, applications.lotId))
      .where(and(eq(lots.competitionId, competitionId), inArray(applications.status, ['submitted'])));
    if ((undecided?.n ?? 0) > 0) return { ok: false, key: 'competitions.error.undecided' };
    const [seats] = await tx.select({ n: count() }).from(commissionMembers).where(eq(commissionMembers.competitionId, competitionId));
    if ((seats?.n ?? 0) < 3) return { ok: false, key: 'competitions.error.no-commission' };
    const now = ctx.clock.now();
    await tx.update(competitions).set({ stage: 'evaluation', evaluationStartedAt: now, updatedAt: now }).where(eq(competitions.id, competitionId));
    await recordAudit(tx, { actorId: actor.userId, action: 'competition.start-evaluation', entityType: 'competition', entityId: competitionId, changes: {} });
    return { ok: true };
  });
}
