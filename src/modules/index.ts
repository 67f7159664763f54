import type { ModuleManifest } from '../core/module.ts';
import { accountsModule } from './accounts/index.ts';
import { adminModule } from './admin/index.ts';
import { competitionsModule } from './competitions/index.ts';
import { filesModule } from './files/index.ts';
import { homeModule } from './home/index.ts';
import { organisationsModule } from './organisations/index.ts';
import { projectsModule } from './projects/index.ts';
import { volunteersModule } from './volunteers/index.ts';

/** Every module of the platform, in the order their demo data is loaded. */
export const MODULES: ModuleManifest[] = [homeModule, accountsModule, organisationsModule, competitionsModule, projectsModule, volunteersModule, filesModule, adminModule];
