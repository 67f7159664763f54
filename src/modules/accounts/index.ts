import { isSignedIn } from '../../core/auth/actor.ts';
import type { ModuleManifest } from '../../core/module.ts';
import { accountsMessages } from './messages.ts';
import { accountRoutes } from './routes.tsx';
import { seedDemoAccounts } from './seed-demo.ts';

export const accountsModule: ModuleManifest = {
  name: 'accounts',
  messages: accountsMessages,
  routes: accountRoutes,
  navigation: [
    { path: '/login', label: 'accounts.nav.login', area: 'account', visible: (a) => !isSignedIn(a) },
    { path: '/signup', label: 'accounts.nav.signup', area: 'account', visible: (a) => !isSignedIn(a) },
    { path: '/account', label: 'accounts.nav.account', area: 'account', visible: isSignedIn },
  ],
  seedDemo: seedDemoAccounts,
};

export { DEMO_ACCOUNTS } from './seed-demo.ts';
export { createAdmin, CreateAdminError } from './create-admin.ts';
