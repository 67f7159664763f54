import { type Actor, isAdmin } from '../../core/auth/actor.ts';
import { recordAudit } from '../../core/audit/audit-log.ts';
import type { AppContext } from '../../core/module.ts';
import type { OrganisationFields } from './inputs.ts';
import { organisationMembers } from './schema.ts';
import { saveOrganisation } from './save-organisation.ts';
import { type FieldRefusal, findByBin, isUniqueViolation } from './write-helpers.ts';

/** A signed-in user enters a new NGO in the register and becomes its first admin. */
export async function registerOrganisation(ctx: AppContext, actor: Actor, fields: OrganisationFields): Promise<{ ok: true; bin: string } | FieldRefusal> {
  ctx.policy.authorize(actor, 'organisation.create');
  // The form offers «state body» to platform administrators only; a hand-made request gets no more.
  if (fields.legalForm === 'state-body' && !isAdmin(actor)) return { ok: false, field: 'legalForm', key: 'organisations.error.legal-form' };
  try {
    return await ctx.db.transaction(async (tx) => {
      if (await findByBin(tx, fields.bin)) return { ok: false, field: 'bin', key: 'organisations.error.bin-taken' } as const;
      const { id } = await saveOrganisation(tx, { ...fields, kind: 'ngo' }, { actorId: actor.userId, action: 'organisation.create' });
      await tx.insert(organisationMembers).values({ organisationId: id, userId: actor.userId!, role: 'admin' });
      await recordAudit(tx, { actorId: actor.userId, action: 'organisation.add-member', entityType: 'organisation', entityId: id, changes: { userId: actor.userId, role: 'admin' } });
      return { ok: true, bin: fields.bin } as const;
    });
  } catch (err) {
    if (isUniqueViolation(err)) return { ok: false, field: 'bin', key: 'organisations.error.bin-taken' };
    throw err;
  }
}
