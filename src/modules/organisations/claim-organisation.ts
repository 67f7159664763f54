import { and, eq } from 'drizzle-orm';
import type { Actor } from '../../core/auth/actor.ts';
import { recordAudit } from '../../core/audit/audit-log.ts';
import { users } from '../../core/auth/schema.ts';
import type { Executor } from '../../core/db/client.ts';
import type { Lang } from '../../core/i18n/langs.ts';
import { enqueueMail } from '../../core/mail/outbox.ts';
import type { AppContext } from '../../core/module.ts';
import { organisationName } from './queries.ts';
import { organisationClaims, organisationMembers } from './schema.ts';
import { type FieldRefusal, findByBin, isUniqueViolation } from './write-helpers.ts';

/** Tells an organisation's admins something, each in their own language. */
async function mailAdmins(_ctx: AppContext, tx: Executor, organisationId: string, message: (lang: Lang) => { subject: string; text: string }) {
  const admins = await tx
    .select({ email: users.email, locale: users.locale })
    .from(organisationMembers)
    .innerJoin(users, eq(users.id, organisationMembers.userId))
    .where(and(eq(organisationMembers.organisationId, organisationId), eq(organisationMembers.role, 'admin')));
  for (const admin of admins) await enqueueMail(tx, { to: admin.email, ...message(admin.locale as Lang) });
}

/** A signed-in user asks to join an organisation found by its BIN; its admins are told by mail. */
export async function claimOrganisation(ctx: AppContext, actor: Actor, input: { bin: string; message?: string }): Promise<{ ok: true } | FieldRefusal> {
  ctx.policy.authorize(actor, 'organisation.claim');
  try {
    return await ctx.db.transaction(async (tx) => {
      const org = await findByBin(tx, input.bin);
      if (!org) return { ok: false, field: 'bin', key: 'organisations.error.claim-not-found' } as const;
      if (actor.memberships.some((m) => m.organisationId === org.id)) return { ok: false, field: 'bin', key: 'organisations.error.claim-member' } as const;
      const [claim] = await tx
        .insert(organisationClaims)
        .values({ organisationId: org.id, userId: actor.userId!, message: input.message })
        .returning({ id: organisationClaims.id });
      await recordAudit(tx, { actorId: actor.userId, action: 'organisation.claim', entityType: 'organisation', entityId: org.id, changes: { claimId: claim!.id } });
      await mailAdmins(ctx, tx, org.id, (lang) => {
        const t = ctx.messages.translator(lang);
        return {
          subject: t('organisations.mail.claim.subject', { organisation: organisationName(org, lang) }),
          text: t('organisations.mail.claim.body', {
            name: actor.name ?? '',
            email: actor.email ?? '',
            organisation: organisationName(org, lang),
            link: `${ctx.config.publicUrl}/${lang}/organisations/${org.bin}/members`,
          }),
        };
      });
      return { ok: true } as const;
    });
  } catch (err) {
    if (isUniqueViolation(err)) return { ok: false, field: 'bin', key: 'organisations.error.claim-pending' };
    throw err;
  }
}
