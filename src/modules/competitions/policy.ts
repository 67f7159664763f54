import { type Actor, hasRole, isSignedIn, membershipRole } from '../../core/auth/actor.ts';
import type { Rules } from '../../core/policy/policy.ts';
import type { ApplicationStatus, CompetitionStage } from './schema.ts';

type CompetitionRef = { organiserId: string; stage: CompetitionStage };
type OrganisationRef = { id: string; kind: 'ngo' | 'state' };
type ApplicationRef = { organisationId: string; status: ApplicationStatus; competition: CompetitionRef };
/** What scoring an application depends on, worked out by the caller from the commission and declarations. */
export type ScoringRef = { onCommission: boolean; recused: boolean; stage: CompetitionStage };

/** Staff of a state body who hold the organiser role run that body's competitions, and no one else's. */
export const organises = (actor: Actor, competition: { organiserId: string }) =>
  hasRole(actor, 'organiser') && membershipRole(actor, competition.organiserId) !== null;

const memberOf = (actor: Actor, organisationId: string) => membershipRole(actor, organisationId) !== null;

export const competitionPolicies: Rules = {
  /** Announced competitions are public; a draft only for its organiser. */
  'competition.view': (actor, c: CompetitionRef) => c.stage !== 'draft' || organises(actor, c),
  'competition.create': (actor, org: OrganisationRef) => org.kind === 'state' && organises(actor, { organiserId: org.id }),
  'competition.manage': organises,
  /** Any member of an organisation applies on its behalf. */
  'application.apply': (actor, org: { id: string }) => isSignedIn(actor) && memberOf(actor, org.id),
  'application.edit': (actor, a: ApplicationRef) => memberOf(actor, a.organisationId),
  /**
   * The applicant's members read their application; the competition's organiser once it is
   * submitted (a draft is the applicant's own); experts through `application.score`.
   */
  'application.view': (actor, a: ApplicationRef) => memberOf(actor, a.organisationId) || (a.status !== 'draft' && organises(actor, a.competition)),
  'application.decide': (actor, a: ApplicationRef) => organises(actor, a.competition),
  /** An expert on the commission declares conflicts on any application of it. */
  'application.declare': (actor, s: ScoringRef) => hasRole(actor, 'expert') && s.onCommission && s.stage === 'evaluation',
  /** …and scores only those they are not recused from, while the commission sits. */
  'application.score': (actor, s: ScoringRef) => hasRole(actor, 'expert') && s.onCommission && !s.recused && s.stage === 'evaluation',
  /** A commission member reads back their own scores, also once they are locked. */
  'application.review-own-scores': (actor, s: ScoringRef) => hasRole(actor, 'expert') && s.onCommission,
  'expert.assignments': (actor) => hasRole(actor, 'expert'),
};
