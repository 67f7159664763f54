import { type Actor, isAdmin, isSignedIn, membershipRole } from '../../core/auth/actor.ts';
import type { Rules } from '../../core/policy/policy.ts';

/** An organisation's own admins, and platform admins (who moderate the register). */
const managesOrganisation = (actor: Actor, org: { id: string }) => isAdmin(actor) || membershipRole(actor, org.id) === 'admin';

export const organisationPolicies: Rules = {
  /** The register is public. */
  'organisation.list': () => true,
  /** Every organisation's profile is public. */
  'organisation.view': () => true,
  /** Anyone signed in may enter a new organisation, or ask to join one. */
  'organisation.create': isSignedIn,
  'organisation.claim': isSignedIn,
  'organisation.edit': managesOrganisation,
  'organisation.members.manage': managesOrganisation,
  /** Importing files into the register is for platform administrators. */
  'organisation.import': isAdmin,
};
