import type { ModuleManifest } from '../../core/module.ts';
import { homeMessages } from './messages.ts';
import { homeRoutes } from './routes.tsx';

/** The home page: what Ortaq is, and live figures that every module contributes. */
export const homeModule: ModuleManifest = {
  name: 'home',
  messages: homeMessages,
  routes: homeRoutes,
};
