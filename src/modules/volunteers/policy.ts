import { type Actor, isAdmin, isSignedIn, membershipRole } from '../../core/auth/actor.ts';
import type { Rules } from '../../core/policy/policy.ts';

/** A volunteer organisation, as its rules need it: the register's organisation (if any) and its coordinators. */
export type VolunteerOrganisationRef = { id: string; organisationId: string | null; coordinatorIds: readonly string[] };

/** A sign-up, as its rules need it: whose it is and which volunteer organisation runs the shift. */
export type SignupRef = { volunteerId: string; host: VolunteerOrganisationRef };

/** Coordinators run the volunteer work; the admins of a registered organisation always may. */
export const coordinates = (actor: Actor, host: VolunteerOrganisationRef) =>
  isSignedIn(actor) && (host.coordinatorIds.includes(actor.userId) || (host.organisationId !== null && membershipRole(actor, host.organisationId) === 'admin'));

const own = (actor: Actor, s: SignupRef) => isSignedIn(actor) && actor.userId === s.volunteerId;

export const volunteerPolicies: Rules = {
  /** Opportunities, campaigns, volunteer organisations and certificates' verification are public. */
  'volunteering.view': () => true,
  /** Anyone signed in may keep a volunteer profile, sign up for shifts and start an informal group. */
  'volunteer.profile': isSignedIn,
  'volunteer.sign-up': isSignedIn,
  'volunteer-group.create': isSignedIn,
  /** A registered organisation becomes a volunteer organisation by one of its admins. */
  'volunteer-organisation.enable': (actor, organisationId: string) => membershipRole(actor, organisationId) === 'admin',
  'volunteer-organisation.coordinate': coordinates,
  /** The volunteer cancels, accepts an invitation, disputes hours; the coordinator decides, checks in, confirms. */
  'signup.own': own,
  'signup.coordinate': (actor, s: SignupRef) => coordinates(actor, s.host),
  /** Platform admins run campaigns. */
  'campaign.manage': isAdmin,
};
