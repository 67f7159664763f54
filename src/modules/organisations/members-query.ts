import { and, eq, inArray, sql } from 'drizzle-orm';
import { users } from '../../core/auth/schema.ts';
import type { AppContext } from '../../core/module.ts';
import { organisationClaims, organisationMembers } from './schema.ts';

/** The organisation's members and its pending requests to join, for the members page. */
export async function membersOf(ctx: AppContext, organisationId: string) {
  const [members, claims] = await Promise.all([
    ctx.db
      .select({ userId: users.id, name: users.name, email: users.email, role: organisationMembers.role, since: organisationMembers.createdAt })
      .from(organisationMembers)
      .innerJoin(users, eq(users.id, organisationMembers.userId))
      .where(eq(organisationMembers.organisationId, organisationId))
      .orderBy(sql`${users.name} collate kazakh`),
    ctx.db
      .select({ id: organisationClaims.id, name: users.name, email: users.email, message: organisationClaims.message, createdAt: organisationClaims.createdAt })
      .from(organisationClaims)
      .innerJoin(users, eq(users.id, organisationClaims.userId))
      .where(and(eq(organisationClaims.organisationId, organisationId), inArray(organisationClaims.status, ['pending']))),
  ]);
  return { members, claims };
}
