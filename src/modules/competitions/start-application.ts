import { and, eq, ne } from 'drizzle-orm';
import type { Actor } from '../../core/auth/actor.ts';
import { recordAudit } from '../../core/audit/audit-log.ts';
import { AppError } from '../../core/errors/app-error.ts';
import type { AppContext } from '../../core/module.ts';
import { organisations } from '../organisations/index.ts';
import { EMPTY_CONTENT } from './content.ts';
import { isAccepting } from './phase.ts';
import { loadLot } from './records.ts';
import { applications } from './schema.ts';

export type StartResult = { ok: true; applicationId: string; existing: boolean } | { ok: false; key: string };

/**
 * Opens an organisation's application to a lot as a draft, or returns the one it already has:
 * an organisation has at most one live application per lot.
 */
export async function startApplication(
  ctx: AppContext,
  actor: Actor,
  input: { lotId: string; organisationId: string; language: 'kk' | 'ru' },
): Promise<StartResult> {
  return ctx.db.transaction(async (tx) => {
    const { lot, competition } = await loadLot(tx, input.lotId, { lock: true });
    const [org] = await tx.select().from(organisations).where(eq(organisations.id, input.organisationId));
    if (!org) throw new AppError('NOT_FOUND');
    ctx.policy.authorize(actor, 'application.apply', org);
    const [existing] = await tx
      .select({ id: applications.id })
      .from(applications)
      .where(and(eq(applications.lotId, lot.id), eq(applications.organisationId, org.id), ne(applications.status, 'withdrawn')));
    if (existing) return { ok: true, applicationId: existing.id, existing: true };
    if (!isAccepting(competition, ctx.clock.now())) return { ok: false, key: 'competitions.error.lot-closed' };
    if (org.kind !== 'ngo') return { ok: false, key: 'competitions.check.ngo' };
    const [created] = await tx
      .insert(applications)
      .values({ lotId: lot.id, organisationId: org.id, createdBy: actor.userId, language: input.language, content: EMPTY_CONTENT })
      .returning({ id: applications.id });
    await recordAudit(tx, {
      actorId: actor.userId,
      action: 'application.start',
      entityType: 'application',
      entityId: created!.id,
      changes: { lotId: lot.id, organisationId: org.id },
    });
    return { ok: true, applicationId: created!.id, existing: false };
  });
}
