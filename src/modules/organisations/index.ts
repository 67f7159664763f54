import { isAdmin } from '../../core/auth/actor.ts';
import type { ModuleManifest } from '../../core/module.ts';
import { organisationApi } from './api.ts';
import { organisationsMessages } from './messages.ts';
import { organisationPolicies } from './policy.ts';
import { membershipsOf, organisationFigures } from './queries.ts';
import { organisationRoutes } from './routes.tsx';
import { seedDemoOrganisations } from './seed-demo.ts';

export const organisationsModule: ModuleManifest = {
  name: 'organisations',
  messages: organisationsMessages,
  routes: organisationRoutes,
  rootRoutes: organisationApi,
  navigation: [
    { path: '/organisations', label: 'organisations.nav', area: 'main' },
    { path: '/admin/import/organisations', label: 'organisations.import.nav', area: 'admin', visible: isAdmin },
  ],
  policies: organisationPolicies,
  figures: organisationFigures,
  seedDemo: seedDemoOrganisations,
  membershipLoader: membershipsOf,
};

export { isValidBin, makeBin, normaliseBin } from './bin.ts';
export { PROFILE_EXTENSION, type ProfileSection } from './profile-sections.ts';
export { organisationName } from './queries.ts';
export { type Area, AREAS, ngoDatabaseReports, organisations, organisationMembers } from './schema.ts';
export {
  ImportRefusedError,
  type ImportResult,
  type ImportSummary,
  importOrganisations,
  refusalMessageKey,
  rowErrorMessageKey,
  summaryJson,
} from './import-organisations.ts';
export { generateNgos, seedSyntheticRegister, SYNTHETIC_EMAIL_DOMAIN, SYNTHETIC_PASSWORD, type SyntheticNgo, type SyntheticRegister } from './synthetic.ts';
