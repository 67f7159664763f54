import { count } from 'drizzle-orm';
import { users } from '../auth/schema.ts';
import type { AppContext } from '../module.ts';

/** Loads every module's demo data, in module order; each module's seed is idempotent. */
export async function seedDemo(ctx: AppContext): Promise<void> {
  for (const mod of ctx.modules) await mod.seedDemo?.(ctx);
}

/** A database nobody has used yet: no accounts at all. */
export async function isEmptyDatabase(ctx: AppContext): Promise<boolean> {
  const [row] = await ctx.db.select({ n: count() }).from(users);
  return (row?.n ?? 0) === 0;
}
