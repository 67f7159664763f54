import type { AppContext } from '../../core/module.ts';

export async function seedDemoCompetitions(_ctx: AppContext): Promise<void> {}
