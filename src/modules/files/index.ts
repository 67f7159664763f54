import { defineMessages } from '../../core/i18n/messages.ts';
import type { ModuleManifest } from '../../core/module.ts';
import { filePolicies } from './policy.ts';
import { fileRoutes } from './routes.ts';

/** Downloads of uploaded files, each authorised by policy. Uploading is part of the modules that own the records. */
export const filesModule: ModuleManifest = {
  name: 'files',
  messages: defineMessages({ en: {}, kk: {}, ru: {} }),
  rootRoutes: fileRoutes,
  policies: filePolicies,
};
