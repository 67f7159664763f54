import { type Actor, isAdmin, membershipRole } from '../../core/auth/actor.ts';
import type { Rules } from '../../core/policy/policy.ts';
import { organises } from '../competitions/index.ts';

/** A project, as its rules need it: whose it is, and whose competition paid for it. */
export type ProjectRef = { organisationId: string; organiserId: string };

const member = (actor: Actor, p: ProjectRef) => membershipRole(actor, p.organisationId) !== null;
const orgAdmin = (actor: Actor, p: ProjectRef) => membershipRole(actor, p.organisationId) === 'admin';
const organiserOf = (actor: Actor, p: ProjectRef) => organises(actor, { organiserId: p.organiserId });

export const projectPolicies: Rules = {
  /** Funded projects are public, and so is leaving a comment on one (published after moderation). */
  'project.view': () => true,
  'feedback.leave': () => true,
  /** The organiser makes and amends the agreement; both sides confirm it. */
  'agreement.make': organiserOf,
  'agreement.amend': organiserOf,
  'agreement.confirm-as-organiser': organiserOf,
  'agreement.confirm-as-organisation': orgAdmin,
  /** The organisation's members write and submit reports; the organiser accepts or returns them. */
  'report.edit': member,
  'report.decide': organiserOf,
  /** What only the two sides see: drafts, financial documents, the organiser's notes. */
  'project.inside': (actor, p: ProjectRef) => member(actor, p) || organiserOf(actor, p),
  'project.monitor': organiserOf,
  'feedback.moderate': (actor, p: ProjectRef) => organiserOf(actor, p) || isAdmin(actor),
};
