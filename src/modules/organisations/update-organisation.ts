import type { Actor } from '../../core/auth/actor.ts';
import { AppError } from '../../core/errors/app-error.ts';
import type { AppContext } from '../../core/module.ts';
import type { OrganisationFields } from './inputs.ts';
import { saveOrganisation } from './save-organisation.ts';

import { findByBin } from './write-helpers.ts';

/** An organisation's admin (or a platform admin) corrects its public record; the BIN never changes. */
export async function updateOrganisation(ctx: AppContext, actor: Actor, bin: string, fields: OrganisationFields): Promise<{ changed: string[] }> {
  return ctx.db.transaction(async (tx) => {
    const org = await findByBin(tx, bin);
    if (!org) throw new AppError('NOT_FOUND');
    ctx.policy.authorize(actor, 'organisation.edit', org);
    const kind = actor.roles.has('admin') ? fields.kind : org.kind;
    const saved = await saveOrganisation(tx, { ...fields, bin: org.bin, kind }, { actorId: actor.userId, action: 'organisation.update' });
    return { changed: saved.fields };
  });
}
