import { and, eq } from 'drizzle-orm';
import type { Actor } from '../../core/auth/actor.ts';
import { recordAudit } from '../../core/audit/audit-log.ts';
import { users } from '../../core/auth/schema.ts';
import { AppError } from '../../core/errors/app-error.ts';
import type { AppContext } from '../../core/module.ts';
import { organisations } from '../organisations/index.ts';
import { hostRef } from './records.ts';
import { volunteerCoordinators, volunteerOrganisations } from './schema.ts';

/** An admin of a registered organisation makes it a volunteer organisation, and becomes its first coordinator. */
export async function enableOrganisation(ctx: AppContext, actor: Actor, input: { organisationId: string; city: string }): Promise<{ id: string }> {
  ctx.policy.authorize(actor, 'volunteer-organisation.enable', input.organisationId);
  return ctx.db.transaction(async (tx) => {
    const [existing] = await tx.select({ id: volunteerOrganisations.id }).from(volunteerOrganisations).where(eq(volunteerOrganisations.organisationId, input.organisationId));
    if (existing) return existing;
    const [org] = await tx.select({ regionCode: organisations.regionCode, email: organisations.email, phone: organisations.phone }).from(organisations).where(eq(organisations.id, input.organisationId));
    if (!org) throw new AppError('NOT_FOUND');
    const [row] = await tx
      .insert(volunteerOrganisations)
      .values({ organisationId: input.organisationId, regionCode: org.regionCode, city: input.city, email: org.email, phone: org.phone, createdBy: actor.userId })
      .returning({ id: volunteerOrganisations.id });
    await tx.insert(volunteerCoordinators).values({ volunteerOrganisationId: row!.id, userId: actor.userId! });
    await recordAudit(tx, { actorId: actor.userId, action: 'volunteer-organisation.enable', entityType: 'organisation', entityId: input.organisationId, changes: { volunteerOrganisationId: row!.id } });
    return row!;
  });
}

/** Anyone signed in may register an informal group of volunteers (no BIN, not a legal entity) and coordinate it. */
export async function startGroup(
  ctx: AppContext,
  actor: Actor,
  input: { groupNameKk: string; groupNameRu: string; regionCode: string; city: string; descriptionKk: string | null; descriptionRu: string | null; email: string | null },
): Promise<{ id: string }> {
  ctx.policy.authorize(actor, 'volunteer-group.create');
  return ctx.db.transaction(async (tx) => {
    const [row] = await tx
      .insert(volunteerOrganisations)
      .values({ ...input, createdBy: actor.userId })
      .returning({ id: volunteerOrganisations.id });
    await tx.insert(volunteerCoordinators).values({ volunteerOrganisationId: row!.id, userId: actor.userId! });
    await recordAudit(tx, { actorId: actor.userId, action: 'volunteer-group.start', entityType: 'volunteer_organisation', entityId: row!.id, changes: { name: input.groupNameRu } });
    return row!;
  });
}

/** A coordinator adds another person (by the e-mail of their account) as a coordinator. */
export async function addCoordinator(ctx: AppContext, actor: Actor, hostId: string, email: string): Promise<{ ok: boolean; key?: string }> {
  return ctx.db.transaction(async (tx) => {
    const host = await hostRef(tx, hostId);
    ctx.policy.authorize(actor, 'volunteer-organisation.coordinate', host);
    const [user] = await tx.select({ id: users.id }).from(users).where(eq(users.email, email));
    if (!user) return { ok: false, key: 'volunteers.manage.error.no-such-account' };
    await tx.insert(volunteerCoordinators).values({ volunteerOrganisationId: hostId, userId: user.id }).onConflictDoNothing();
    await recordAudit(tx, { actorId: actor.userId, action: 'volunteer-coordinator.add', entityType: 'volunteer_organisation', entityId: hostId, changes: { userId: user.id } });
    return { ok: true };
  });
}

/** A coordinator removes a coordinator; the last one stays, so the organisation is never left without one. */
export async function removeCoordinator(ctx: AppContext, actor: Actor, hostId: string, userId: string): Promise<{ ok: boolean; key?: string }> {
  return ctx.db.transaction(async (tx) => {
    const host = await hostRef(tx, hostId);
    ctx.policy.authorize(actor, 'volunteer-organisation.coordinate', host);
    if (!host.coordinatorIds.includes(userId)) return { ok: true };
    if (host.coordinatorIds.length === 1) return { ok: false, key: 'volunteers.manage.error.last-coordinator' };
    await tx.delete(volunteerCoordinators).where(and(eq(volunteerCoordinators.volunteerOrganisationId, hostId), eq(volunteerCoordinators.userId, userId)));
    await recordAudit(tx, { actorId: actor.userId, action: 'volunteer-coordinator.remove', entityType: 'volunteer_organisation', entityId: hostId, changes: { userId } });
    return { ok: true };
  });
}
