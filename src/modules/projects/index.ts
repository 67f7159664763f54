import { hasRole, isAdmin, isSignedIn } from '../../core/auth/actor.ts';
import type { ModuleManifest } from '../../core/module.ts';
import { PROFILE_EXTENSION } from '../organisations/index.ts';
import { projectsMessages } from './messages.ts';
import { projectPolicies } from './policy.ts';
import { projectsSection } from './profile-section.tsx';
import { projectRootRoutes } from './root-routes.ts';
import { projectRoutes } from './routes.tsx';
import { remindReports } from './report-reminders.ts';
import { seedDemoProjects } from './seed-demo.ts';

export const projectsModule: ModuleManifest = {
  name: 'projects',
  messages: projectsMessages,
  routes: projectRoutes,
  rootRoutes: projectRootRoutes,
  navigation: [
    { path: '/projects', label: 'projects.nav', area: 'main' },
    { path: '/open-data', label: 'projects.nav.open-data', area: 'main' },
    { path: '/work/projects', label: 'projects.nav.work', area: 'account', visible: (a) => isSignedIn(a) && (a.memberships.length > 0 || hasRole(a, 'organiser')) },
    { path: '/manage/projects', label: 'projects.nav.monitor', area: 'account', visible: (a) => hasRole(a, 'organiser') },
    { path: '/manage/projects', label: 'projects.nav.moderation', area: 'admin', visible: isAdmin },
  ],
  policies: projectPolicies,
  jobs: [{ name: 'report reminders', everyMs: 3600 * 1000, run: remindReports }],
  seedDemo: seedDemoProjects,
  extensions: { [PROFILE_EXTENSION]: projectsSection },
};
export { type SyntheticProjects, seedSyntheticProjects } from './synthetic.ts';
