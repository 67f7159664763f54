import { isSignedIn } from '../../core/auth/actor.ts';
import type { ModuleManifest } from '../../core/module.ts';
import { volunteersMessages } from './messages.ts';
import { volunteerPolicies } from './policy.ts';
import { volunteerRootRoutes } from './root-routes.ts';
import { volunteerRoutes } from './routes.tsx';
import { seedDemoVolunteers } from './seed-demo.ts';
import { remindShifts } from './shift-reminders.ts';

export const volunteersModule: ModuleManifest = {
  name: 'volunteers',
  messages: volunteersMessages,
  routes: volunteerRoutes,
  rootRoutes: volunteerRootRoutes,
  navigation: [
    { path: '/volunteering', label: 'volunteers.nav', area: 'main' },
    { path: '/volunteer', label: 'volunteers.nav.desk', area: 'account', visible: isSignedIn },
    { path: '/certificates', label: 'volunteers.nav.verify', area: 'main' },
    { path: '/volunteering/manage', label: 'volunteers.nav.coordinate', area: 'account', visible: isSignedIn },
  ],
  policies: volunteerPolicies,
  seedDemo: seedDemoVolunteers,
  jobs: [{ name: 'shift reminders', everyMs: 15 * 60 * 1000, run: remindShifts }],
};

export { VOLUNTEER_DEMO_ACCOUNTS } from './seed-demo.ts';
