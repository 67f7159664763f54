import { isAdmin } from '../../core/auth/actor.ts';
import type { ModuleManifest } from '../../core/module.ts';
import { adminMessages } from './messages.ts';
import { adminPolicies } from './policy.ts';
import { adminRoutes } from './routes.tsx';

export const adminModule: ModuleManifest = {
  name: 'admin',
  messages: adminMessages,
  routes: adminRoutes,
  policies: adminPolicies,
  navigation: [{ path: '/admin/outbox', label: 'admin.nav.outbox', area: 'admin', visible: isAdmin }],
};
