import { and, eq } from 'drizzle-orm';
import type { Actor } from '../../core/auth/actor.ts';
import { recordAudit } from '../../core/audit/audit-log.ts';
import type { AppContext } from '../../core/module.ts';
import { expertStanding } from './commission.ts';
import { loadApplication } from './records.ts';
import { conflictDeclarations, scores } from './schema.ts';

/** The note on a conflict the system recorded itself: the expert is a member or staff of the applicant. */
export const FOUND_BY_SYSTEM = 'member-of-applicant';

/**
 * An expert declares, for one application, whether they have a conflict of interest. The system
 * refuses a "no conflict" from a member or staff of the applicant, and records the conflict
 * itself. A declared conflict is final and removes any score the expert gave.
 */
export async function declareConflict(
  ctx: AppContext,
  actor: Actor,
  applicationId: string,
  input: { hasConflict: boolean; note?: string },
): Promise<{ ok: true } | { ok: false; key: string }> {
  const outcome = await ctx.db.transaction(async (tx) => {
    const record = await loadApplication(tx, applicationId, { lock: true });
    const standing = await expertStanding(tx, actor, record);
    ctx.policy.authorize(actor, 'application.declare', standing);
    if (standing.declared?.hasConflict || (standing.memberOfApplicant && standing.declared)) return { ok: false as const, key: 'competitions.error.conflict-final' };
    const found = standing.memberOfApplicant && !input.hasConflict;
    const hasConflict = input.hasConflict || standing.memberOfApplicant;
    const note = found ? FOUND_BY_SYSTEM : (input.note ?? null);
    const expertId = actor.userId!;
    await tx
      .insert(conflictDeclarations)
      .values({ applicationId, expertId, hasConflict, note, declaredAt: ctx.clock.now() })
      .onConflictDoUpdate({ target: [conflictDeclarations.applicationId, conflictDeclarations.expertId], set: { hasConflict, note, declaredAt: ctx.clock.now() } });
    if (hasConflict) await tx.delete(scores).where(and(eq(scores.applicationId, applicationId), eq(scores.expertId, expertId)));
    await recordAudit(tx, {
      actorId: actor.userId,
      action: hasConflict ? 'application.recuse' : 'application.declare-no-conflict',
      entityType: 'application',
      entityId: applicationId,
      changes: { note, foundBySystem: found },
    });
    return found ? { ok: false as const, key: 'competitions.error.member-of-applicant' } : { ok: true as const };
  });
  return outcome;
}
