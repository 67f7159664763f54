import { type Actor, isAdmin } from '../../core/auth/actor.ts';
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
    // What the form offers platform administrators only (the kind, «state body») stays as it was for anyone else.
    const admin = isAdmin(actor);
    const kind = admin ? fields.kind : org.kind;
    const legalForm = admin || fields.legalForm !== 'state-body' || org.legalForm === 'state-body' ? fields.legalForm : org.legalForm;
    const saved = await saveOrganisation(tx, { ...fields, bin: org.bin, kind, legalForm }, { actorId: actor.userId, action: 'organisation.update' });
    return { changed: saved.fields };
  });
}
