import { count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seededRandom } from '../../src/core/synthetic/random.ts';
import { applications } from '../../src/modules/competitions/schema.ts';
import { generateNgos, isValidBin, organisations } from '../../src/modules/organisations/index.ts';
import { projects } from '../../src/modules/projects/schema.ts';
import { DatabaseNotEmptyError, proportionalScale, seedSyntheticCountry } from '../../src/synthetic-country.ts';
import { TestClient, type TestApp, testApp } from '../support/app.ts';

let t: TestApp;
const scale = proportionalScale(400);
beforeAll(async () => {
  t = await testApp();
  await seedSyntheticCountry(t.ctx, scale, 42);
});
afterAll(() => t.close());

describe('the synthetic country', () => {
  it('is the same for the same seed, and another for another seed', () => {
    const names = (seed: number) => generateNgos(seededRandom(seed).fork('register').fork('ngos'), 300).map((o) => `${o.bin} ${o.nameKk} ${o.nameRu}`);
    expect(names(42)).toEqual(names(42));
    expect(names(43)).not.toEqual(names(42));
  });

  it('writes what it generated: the seed-42 organisations, with valid, unique BINs, in every region', async () => {
    const rows = await t.ctx.db.select({ bin: organisations.bin, nameKk: organisations.nameKk, regionCode: organisations.regionCode }).from(organisations).where(eq(organisations.kind, 'ngo'));
    const generated = generateNgos(seededRandom(42).fork('register').fork('ngos'), scale.organisations);
    expect(rows.map((r) => r.bin).sort()).toEqual(generated.map((o) => o.bin).sort());
    expect(rows.every((r) => isValidBin(r.bin))).toBe(true);
    expect(new Set(rows.map((r) => r.regionCode)).size).toBe(20);
  });

  it('has competitions with applications, projects, and complete drafts for the surge', async () => {
    const [apps] = await t.ctx.db.select({ n: count() }).from(applications);
    const [drafts] = await t.ctx.db.select({ n: count() }).from(applications).where(eq(applications.status, 'draft'));
    const [funded] = await t.ctx.db.select({ n: count() }).from(projects);
    expect(apps!.n).toBeGreaterThan(scale.competitions);
    expect(drafts!.n).toBe(scale.surgeApplicants);
    expect(funded!.n).toBeGreaterThan(0);
  });

  it('is found in the register by name, and its pages render', async () => {
    const client = new TestClient(t.app);
    const [org] = await t.ctx.db.select().from(organisations).where(eq(organisations.status, 'active')).orderBy(organisations.bin).limit(1);
    const search = await client.get(`/kk/organisations?q=${encodeURIComponent(org!.nameKk)}&pageSize=100`);
    expect(search.statusCode).toBe(200);
    expect(search.body).toContain(`/kk/organisations/${org!.bin}`);
    expect((await client.get(`/kk/organisations/${org!.bin}`)).statusCode).toBe(200);
    const [project] = await t.ctx.db.select({ id: projects.id }).from(projects).limit(1);
    expect((await client.get(`/kk/projects/${project!.id}`)).statusCode).toBe(200);
    for (const path of ['/kk/', '/kk/projects', '/kk/competitions']) expect((await client.get(path)).statusCode, path).toBe(200);
  });

  it('refuses a database that already has accounts', async () => {
    await expect(seedSyntheticCountry(t.ctx, scale, 42)).rejects.toBeInstanceOf(DatabaseNotEmptyError);
  });
});
