import { hasRole, isSignedIn } from '../../core/auth/actor.ts';
import type { ModuleManifest } from '../../core/module.ts';
import { PROFILE_EXTENSION } from '../organisations/index.ts';
import { competitionApi } from './api.ts';
import { competitionsMessages } from './messages.ts';
import { competitionPolicies } from './policy.ts';
import { decidedApplicationsSection } from './profile-section.tsx';
import { competitionRoutes } from './routes.tsx';
import { seedDemoCompetitions } from './seed-demo.ts';

export const competitionsModule: ModuleManifest = {
  name: 'competitions',
  messages: competitionsMessages,
  routes: competitionRoutes,
  rootRoutes: competitionApi,
  navigation: [
    { path: '/competitions', label: 'competitions.nav', area: 'main' },
    { path: '/applications', label: 'competitions.nav.applications', area: 'account', visible: (a) => isSignedIn(a) && a.memberships.length > 0 },
    { path: '/manage/competitions', label: 'competitions.nav.manage', area: 'account', visible: (a) => hasRole(a, 'organiser') },
    { path: '/expert', label: 'competitions.nav.expert', area: 'account', visible: (a) => hasRole(a, 'expert') },
  ],
  policies: competitionPolicies,
  seedDemo: seedDemoCompetitions,
  extensions: { [PROFILE_EXTENSION]: decidedApplicationsSection },
};

export { organises } from './policy.ts';
export { type ApplicationRecord, loadApplication, loadCompetition, localised } from './records.ts';
export {
  type ApplicationContent,
  applications,
  competitions,
  INSTRUMENTS,
  type Instrument,
  lots,
  NATIONAL_REGION,
} from './schema.ts';
export { type SyntheticAward, type SyntheticCompetitions, seedSyntheticCompetitions, surgeSessionToken } from './synthetic.ts';
