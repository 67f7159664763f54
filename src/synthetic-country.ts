import { count, sql } from 'drizzle-orm';
import { hashPassword } from './core/auth/password.ts';
import { users } from './core/auth/schema.ts';
import type { AppContext } from './core/module.ts';
import { seededRandom } from './core/synthetic/random.ts';
import { seedSyntheticCompetitions } from './modules/competitions/index.ts';
import { seedSyntheticRegister, SYNTHETIC_PASSWORD } from './modules/organisations/index.ts';
import { seedSyntheticProjects } from './modules/projects/index.ts';

/**
 * A whole synthetic country for load tests, composed from the modules' generators (like cli.ts,
 * this file may see modules). Deterministic from the seed number; dates are relative to the
 * seeding day, so that some competitions are always open.
 */
export type SyntheticScale = {
  organisations: number;
  competitions: number;
  openCompetitions: number;
  projects: number;
  experts: number;
  surgeApplicants: number;
};

export const SCALES = {
  national: { organisations: 100_000, competitions: 20_000, openCompetitions: 300, projects: 50_000, experts: 300, surgeApplicants: 2_000 },
  region: { organisations: 10_000, competitions: 2_000, openCompetitions: 30, projects: 5_000, experts: 30, surgeApplicants: 200 },
} satisfies Record<string, SyntheticScale>;
export type ScaleName = keyof typeof SCALES;

/** A scale of `organisations` NGOs with everything else in the national proportions (for tests). */
export function proportionalScale(organisations: number): SyntheticScale {
  const f = organisations / SCALES.national.organisations;
  const n = (x: number, min: number) => Math.max(min, Math.round(x * f));
  return { organisations, competitions: n(20_000, 10), openCompetitions: n(300, 3), projects: n(50_000, 5), experts: n(300, 3), surgeApplicants: n(2_000, 5) };
}

export type SyntheticSummary = Record<string, number> & { ms: number };

export class DatabaseNotEmptyError extends Error {}

export async function seedSyntheticCountry(ctx: AppContext, scale: SyntheticScale, seed: number, log: (line: string) => void = () => {}): Promise<SyntheticSummary> {
  const [row] = await ctx.db.select({ n: count() }).from(users);
  if ((row?.n ?? 0) > 0) throw new DatabaseNotEmptyError('The synthetic country loads only into a database with no accounts (it would mix with real or demo data).');
  const started = Date.now();
  const lap = (what: string) => log(`${what} (${((Date.now() - started) / 1000).toFixed(1)} s)`);
  const rand = seededRandom(seed);
  const now = new Date(Math.floor(ctx.clock.now().getTime() / 86_400_000) * 86_400_000 + 6 * 3600_000);
  const register = await seedSyntheticRegister(ctx.database, rand.fork('register'), {
    count: scale.organisations,
    experts: scale.experts,
    passwordHash: await hashPassword(SYNTHETIC_PASSWORD),
    now,
  });
  lap(`${register.ngos.length} organisations and their accounts`);
  const competitions = await seedSyntheticCompetitions(ctx.database, rand.fork('competitions'), register, {
    count: scale.competitions,
    openCount: scale.openCompetitions,
    surgeApplicants: scale.surgeApplicants,
    seed,
    now,
  });
  lap(`${competitions.competitions} competitions, ${competitions.lots} lots, ${competitions.applications} applications`);
  const projects = await seedSyntheticProjects(ctx.database, rand.fork('projects'), competitions.awards, { count: scale.projects, now });
  lap(`${projects.projects} projects, ${projects.reports} reports`);
  await ctx.db.execute(sql`analyze`);
  lap('statistics updated');
  return {
    organisations: register.ngos.length,
    competitions: competitions.competitions,
    lots: competitions.lots,
    applications: competitions.applications,
    surgeDrafts: competitions.surgeDrafts,
    ...projects,
    ms: Date.now() - started,
  };
}
