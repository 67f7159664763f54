import type { AppContext } from '../../core/module.ts';

export async function seedDemoProjects(_ctx: AppContext): Promise<void> {}
