import { eq } from 'drizzle-orm';
import type { Actor } from '../../core/auth/actor.ts';
import { recordAudit } from '../../core/audit/audit-log.ts';
import type { AppContext } from '../../core/module.ts';
import { mailApplicant } from './notify.ts';
import { competitionPhase } from './phase.ts';
import { applicationRef, loadApplication } from './records.ts';
import { applications } from './schema.ts';

export type AdmissionDecision = { admit: true } | { admit: false; reason: string };

/**
 * The organiser admits or refuses a submitted application once the deadline has passed; a
 * refusal carries its reason. The applicant is told by e-mail; the decision is audited.
 * It may be changed until the commission starts.
 */
export async function decideAdmission(ctx: AppContext, actor: Actor, applicationId: string, decision: AdmissionDecision): Promise<{ ok: true } | { ok: false; key: string }> {
  return ctx.db.transaction(async (tx) => {
    const record = await loadApplication(tx, applicationId, { lock: true });
    ctx.policy.authorize(actor, 'application.decide', applicationRef(record));
    const { application: a } = record;
    if (competitionPhase(record.competition, ctx.clock.now()) !== 'admission') return { ok: false, key: 'competitions.error.not-admission' };
    if (!['submitted', 'admitted', 'refused'].includes(a.status)) return { ok: false, key: 'competitions.error.not-submitted' };
    const status = decision.admit ? 'admitted' : 'refused';
    const reason = decision.admit ? null : decision.reason;
    const now = ctx.clock.now();
    await tx.update(applications).set({ status, decisionReason: reason, decidedBy: actor.userId, decidedAt: now, updatedAt: now }).where(eq(applications.id, a.id));
    await recordAudit(tx, {
      actorId: actor.userId,
      action: decision.admit ? 'application.admit' : 'application.refuse',
      entityType: 'application',
      entityId: a.id,
      changes: { receipt: a.receiptNumber, reason, previousStatus: a.status },
    });
    await mailApplicant(ctx, tx, record, decision.admit
        ? { subject: 'competitions.mail.admitted.subject', body: 'competitions.mail.admitted.body' }
        : { subject: 'competitions.mail.refused.subject', body: 'competitions.mail.refused.body' }, () => ({ reason: reason ?? '' }));
    return { ok: true };
  });
}
