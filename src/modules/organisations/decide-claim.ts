import { eq } from 'drizzle-orm';
import type { Actor } from '../../core/auth/actor.ts';
import { recordAudit } from '../../core/audit/audit-log.ts';
import { users } from '../../core/auth/schema.ts';
import { AppError } from '../../core/errors/app-error.ts';
import type { Lang } from '../../core/i18n/langs.ts';
import { enqueueMail } from '../../core/mail/outbox.ts';
import type { AppContext } from '../../core/module.ts';
import { organisationName } from './queries.ts';
import { organisationClaims, organisationMembers, organisations } from './schema.ts';

/** The organisation's admin or a platform admin approves or refuses a request to join; the claimant is told. */
export async function decideClaim(ctx: AppContext, actor: Actor, claimId: string, decision: { approve: boolean; reason?: string }): Promise<void> {
  await ctx.db.transaction(async (tx) => {
    const [claim] = await tx.select().from(organisationClaims).where(eq(organisationClaims.id, claimId)).for('update');
    if (!claim) throw new AppError('NOT_FOUND');
    const [org] = await tx.select().from(organisations).where(eq(organisations.id, claim.organisationId));
    ctx.policy.authorize(actor, 'organisation.members.manage', org);
    if (claim.status !== 'pending') throw new AppError('CONFLICT');
    const status = decision.approve ? 'approved' : 'rejected';
    await tx
      .update(organisationClaims)
      .set({ status, decidedBy: actor.userId, decidedAt: new Date(), reason: decision.reason })
      .where(eq(organisationClaims.id, claimId));
    if (decision.approve) {
      await tx.insert(organisationMembers).values({ organisationId: claim.organisationId, userId: claim.userId, role: 'staff' }).onConflictDoNothing();
    }
    await recordAudit(tx, {
      actorId: actor.userId,
      action: decision.approve ? 'organisation.approve-claim' : 'organisation.reject-claim',
      entityType: 'organisation',
      entityId: claim.organisationId,
      changes: { claimId, userId: claim.userId, reason: decision.reason ?? null },
    });
    const [claimant] = await tx.select({ email: users.email, locale: users.locale }).from(users).where(eq(users.id, claim.userId));
    if (claimant && org) {
      const lang = claimant.locale as Lang;
      const t = ctx.messages.translator(lang);
      const organisation = organisationName(org, lang);
      await enqueueMail(tx, {
        to: claimant.email,
        subject: t(decision.approve ? 'organisations.mail.approved.subject' : 'organisations.mail.rejected.subject', { organisation }),
        text: t(decision.approve ? 'organisations.mail.approved.body' : 'organisations.mail.rejected.body', { organisation, reason: decision.reason ?? '—' }),
      });
    }
  });
}
