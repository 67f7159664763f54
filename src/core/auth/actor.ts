import type { Role } from './schema.ts';

export type Membership = { organisationId: string; role: 'admin' | 'staff' };

/** Who is asking: the anonymous visitor, or a signed-in user with global roles and memberships. */
export type Actor = {
  userId: string | null;
  email: string | null;
  name: string | null;
  roles: ReadonlySet<Role>;
  memberships: readonly Membership[];
  sessionId: string | null;
};

export const ANONYMOUS: Actor = Object.freeze({
  userId: null,
  email: null,
  name: null,
  roles: new Set<Role>(),
  memberships: [],
  sessionId: null,
});

export const isSignedIn = (actor: Actor): actor is Actor & { userId: string } => actor.userId !== null;
export const hasRole = (actor: Actor, role: Role) => actor.roles.has(role);
export const isAdmin = (actor: Actor) => actor.roles.has('admin');

export function membershipRole(actor: Actor, organisationId: string): 'admin' | 'staff' | null {
  return actor.memberships.find((m) => m.organisationId === organisationId)?.role ?? null;
}
