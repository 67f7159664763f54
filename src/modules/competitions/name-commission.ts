import { and, eq, inArray } from 'drizzle-orm';
import type { Actor } from '../../core/auth/actor.ts';
import { recordAudit } from '../../core/audit/audit-log.ts';
import { userRoles } from '../../core/auth/schema.ts';
import type { AppContext } from '../../core/module.ts';
import { loadCompetition } from './records.ts';
import { commissionMembers } from './schema.ts';

export const MAX_COMMISSION = 15;

/** The commission: an odd number of experts from the register, three to fifteen, named before it starts. */
export async function nameCommission(ctx: AppContext, actor: Actor, competitionId: string, expertIds: string[]): Promise<{ ok: true } | { ok: false; key: string }> {
  const ids = [...new Set(expertIds)];
  if (ids.length < 3 || ids.length > MAX_COMMISSION || ids.length % 2 === 0) return { ok: false, key: 'competitions.error.commission-size' };
  return ctx.db.transaction(async (tx) => {
    const competition = await loadCompetition(tx, competitionId, { lock: true });
    ctx.policy.authorize(actor, 'competition.manage', competition);
    if (competition.stage !== 'announced' && competition.stage !== 'draft') return { ok: false, key: 'competitions.error.commission-sitting' };
    const experts = await tx
      .select({ id: userRoles.userId })
      .from(userRoles)
      .where(and(eq(userRoles.role, 'expert'), inArray(userRoles.userId, ids)));
    if (experts.length !== ids.length) return { ok: false, key: 'competitions.error.not-expert' };
    await tx.delete(commissionMembers).where(eq(commissionMembers.competitionId, competitionId));
    await tx.insert(commissionMembers).values(ids.map((expertId) => ({ competitionId, expertId })));
    await recordAudit(tx, {
      actorId: actor.userId,
      action: 'competition.name-commission',
      entityType: 'competition',
      entityId: competitionId,
      changes: { experts: [...ids].sort() },
    });
    return { ok: true };
  });
}
