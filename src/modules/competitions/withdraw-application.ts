import { eq } from 'drizzle-orm';
import type { Actor } from '../../core/auth/actor.ts';
import { recordAudit } from '../../core/audit/audit-log.ts';
import type { AppContext } from '../../core/module.ts';
import { isAccepting } from './phase.ts';
import { applicationRef, loadApplication } from './records.ts';
import { applications } from './schema.ts';

/** Withdraws a draft or a submitted application; only before the deadline, after which nothing in it changes. */
export async function withdrawApplication(ctx: AppContext, actor: Actor, applicationId: string): Promise<{ ok: true } | { ok: false; key: string }> {
  return ctx.db.transaction(async (tx) => {
    const record = await loadApplication(tx, applicationId, { lock: true });
    ctx.policy.authorize(actor, 'application.edit', applicationRef(record));
    const { application: a } = record;
    if (a.status !== 'draft' && a.status !== 'submitted') return { ok: false, key: 'competitions.error.not-withdrawable' };
    const now = ctx.clock.now();
    if (!isAccepting(record.competition, now)) return { ok: false, key: 'competitions.error.lot-closed' };
    await tx.update(applications).set({ status: 'withdrawn', withdrawnAt: now, updatedAt: now }).where(eq(applications.id, a.id));
    await recordAudit(tx, {
      actorId: actor.userId,
      action: 'application.withdraw',
      entityType: 'application',
      entityId: a.id,
      changes: { receipt: a.receiptNumber, previousStatus: a.status },
    });
    return { ok: true };
  });
}
