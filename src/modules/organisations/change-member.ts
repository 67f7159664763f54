import { and, eq } from 'drizzle-orm';
import type { Actor } from '../../core/auth/actor.ts';
import { recordAudit } from '../../core/audit/audit-log.ts';
import { AppError } from '../../core/errors/app-error.ts';
import type { AppContext } from '../../core/module.ts';
import { organisationMembers, organisations } from './schema.ts';

/** Changes a member's role or removes them; an organisation always keeps at least one admin. */
export async function changeMember(
  ctx: AppContext,
  actor: Actor,
  input: { organisationId: string; userId: string; role: 'admin' | 'staff' | 'removed' },
): Promise<{ ok: true } | { ok: false; key: string }> {
  return ctx.db.transaction(async (tx) => {
    const [org] = await tx.select().from(organisations).where(eq(organisations.id, input.organisationId));
    if (!org) throw new AppError('NOT_FOUND');
    ctx.policy.authorize(actor, 'organisation.members.manage', org);
    // Lock the organisation's memberships so two admins demoting each other cannot leave none.
    const members = await tx.select().from(organisationMembers).where(eq(organisationMembers.organisationId, org.id)).for('update');
    const member = members.find((m) => m.userId === input.userId);
    if (!member) throw new AppError('NOT_FOUND');
    const adminsAfter = members.filter((m) => (m.userId === input.userId ? input.role === 'admin' : m.role === 'admin')).length;
    if (adminsAfter === 0) return { ok: false, key: 'organisations.error.last-admin' };
    if (input.role === 'removed') {
      await tx.delete(organisationMembers).where(and(eq(organisationMembers.organisationId, org.id), eq(organisationMembers.userId, input.userId)));
    } else {
      await tx
        .update(organisationMembers)
        .set({ role: input.role })
        .where(and(eq(organisationMembers.organisationId, org.id), eq(organisationMembers.userId, input.userId)));
    }
    await recordAudit(tx, {
      actorId: actor.userId,
      action: input.role === 'removed' ? 'organisation.remove-member' : 'organisation.change-member-role',
      entityType: 'organisation',
      entityId: org.id,
      changes: { userId: input.userId, from: member.role, to: input.role },
    });
    return { ok: true };
  });
}
