import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import type { Actor } from '../../src/core/auth/actor.ts';
import { createSession, SESSION_COOKIE } from '../../src/core/auth/sessions.ts';
import { type Role, userRoles, users } from '../../src/core/auth/schema.ts';
import type { AppContext } from '../../src/core/module.ts';
import { attachDocument } from '../../src/modules/competitions/attach-document.ts';
import { type CompetitionInput, insertCompetition, type LotInput } from '../../src/modules/competitions/announce-competition.ts';
import { type ApplicationContent, lots } from '../../src/modules/competitions/schema.ts';
import { saveApplication } from '../../src/modules/competitions/save-application.ts';
import { startApplication } from '../../src/modules/competitions/start-application.ts';
import { makeBin } from '../../src/modules/organisations/index.ts';
import { ngoDatabaseReports, organisationMembers, organisations } from '../../src/modules/organisations/schema.ts';
import { TestClient, type TestApp } from './app.ts';

/**
 * Factories for competition tests: each makes what it needs and nothing shared, so tests can
 * run in any order against one database.
 */
let serial = 0;
const unique = () => `${Date.now().toString(36)}${(serial++).toString(36)}${randomUUID().slice(0, 4)}`;
const DAY = 86_400_000;

export async function makeUser(ctx: AppContext, opts: { roles?: Role[]; email?: string; locale?: 'kk' | 'ru' | 'en'; name?: string } = {}) {
  const email = opts.email ?? `user-${unique()}@test.kz`;
  const [user] = await ctx.db
    .insert(users)
    .values({ email, name: opts.name ?? email.split('@')[0]!, passwordHash: 'x', emailVerifiedAt: new Date(), locale: opts.locale ?? 'en' })
    .returning();
  for (const role of opts.roles ?? []) await ctx.db.insert(userRoles).values({ userId: user!.id, role });
  return user!;
}

/** Steps of ten: makeBin moves to the next serial when a check digit is impossible, so neighbours could collide. */
let binSerial = Math.floor(Math.random() * 9000) * 10;
export async function makeOrganisation(
  ctx: AppContext,
  opts: { kind?: 'ngo' | 'state'; members?: { userId: string; role: 'admin' | 'staff' }[]; ngoDatabaseYears?: number[]; status?: 'active' | 'inactive'; name?: string } = {},
) {
  const kind = opts.kind ?? 'ngo';
  // A BIN nobody holds yet: the demo register may hold one of this series.
  let bin: string;
  do {
    binSerial += 10;
    bin = makeBin(kind === 'state' ? '9901' : '1905', binSerial % 100000);
  } while ((await ctx.db.select({ id: organisations.id }).from(organisations).where(eq(organisations.bin, bin))).length > 0);
  const name = opts.name ?? `Test ${kind} ${unique()}`;
  const [org] = await ctx.db
    .insert(organisations)
    .values({
      bin,
      kind,
      legalForm: kind === 'state' ? 'state-body' : 'public-association',
      nameKk: `${name} (kk)`,
      nameRu: `${name} (ru)`,
      nameEn: name,
      regionCode: 'KZ-33',
      status: opts.status ?? 'active',
      searchKey: name.toLowerCase(),
    })
    .returning();
  for (const m of opts.members ?? []) await ctx.db.insert(organisationMembers).values({ organisationId: org!.id, userId: m.userId, role: m.role });
  for (const year of opts.ngoDatabaseYears ?? []) await ctx.db.insert(ngoDatabaseReports).values({ organisationId: org!.id, year, submittedOn: `${year + 1}-03-01` });
  return org!;
}

/** The actor a signed-in user would be, for calling use cases directly. */
export async function actorOf(ctx: AppContext, userId: string): Promise<Actor> {
  const [user] = await ctx.db.select().from(users).where(eq(users.id, userId));
  const roles = await ctx.db.select().from(userRoles).where(eq(userRoles.userId, userId));
  const memberships = await ctx.db
    .select({ organisationId: organisationMembers.organisationId, role: organisationMembers.role })
    .from(organisationMembers)
    .where(eq(organisationMembers.userId, userId));
  return { userId, email: user!.email, name: user!.name, roles: new Set(roles.map((r) => r.role)), memberships, sessionId: null };
}

/** A browser stand-in signed in as the user. */
export async function clientOf(t: TestApp, userId: string): Promise<TestClient> {
  const client = new TestClient(t.app);
  client.setCookie(SESSION_COOKIE, (await createSession(t.ctx.db, userId, {})).token);
  return client;
}

export const sampleLot = (over: Partial<LotInput> = {}): LotInput => ({
  titleKk: 'Жастар саясаты',
  titleRu: 'Молодёжная политика',
  titleEn: 'Youth policy',
  area: 'youth',
  regionCode: 'KZ-33',
  budgetTiyn: 300_000_000,
  durationType: 'short',
  indicators: [{ name: { kk: 'Дөңгелек үстел', ru: 'Круглый стол' }, unit: { kk: 'дана', ru: 'шт.' }, target: 3 }],
  ...over,
});

/**
 * A competition announced by a fresh state body whose organiser is made too, open for
 * `openForMs` more (negative: its deadline has passed), with the given lots.
 */
export async function makeCompetition(
  ctx: AppContext,
  opts: {
    openForMs?: number;
    lots?: LotInput[];
    instrument?: CompetitionInput['instrument'];
    ruleVersionId?: string;
    year?: number;
    stage?: 'draft' | 'announced';
    /** An existing state body (and one of its organisers) instead of fresh ones. */
    organiser?: { body: { id: string }; user: { id: string } };
  } = {},
) {
  const organiser = opts.organiser?.user ?? (await makeUser(ctx, { roles: ['organiser'] }));
  const body = opts.organiser
    ? (await ctx.db.select().from(organisations).where(eq(organisations.id, opts.organiser.body.id)))[0]!
    : await makeOrganisation(ctx, { kind: 'state', members: [{ userId: organiser.id, role: 'staff' }] });
  const now = ctx.clock.now().getTime();
  const deadline = now + (opts.openForMs ?? 7 * DAY);
  const instrument = opts.instrument ?? 'grant';
  const year = opts.year ?? new Date(deadline).getUTCFullYear();
  const id = await ctx.db.transaction((tx) =>
    insertCompetition(
      tx,
      {
        organiserId: body.id,
        instrument,
        ruleVersionId: opts.ruleVersionId ?? (instrument === 'grant' ? 'grant-2022' : instrument === 'prize' ? 'prize-2016' : 'social-order-2016'),
        year,
        regionCode: 'KZ-33',
        titleKk: 'Сынақ конкурсы',
        titleRu: 'Тестовый конкурс',
        titleEn: 'Test competition',
        announcedAt: new Date(Math.min(now, deadline) - 30 * DAY),
        deadlineAt: new Date(deadline),
        admissionUntil: new Date(deadline + 10 * DAY),
        evaluationUntil: new Date(deadline + 25 * DAY),
        resultsDueAt: new Date(deadline + 30 * DAY),
        lots: opts.lots ?? [sampleLot()],
      },
      organiser.id,
      opts.stage ?? 'announced',
    ),
  );
  const lotRows = await ctx.db.select().from(lots).where(eq(lots.competitionId, id)).orderBy(lots.number);
  return { competitionId: id, lots: lotRows, organiser, organiserBody: body, year };
}

/** An NGO with an admin who may apply to competitions of `year` (it reported to the NGO database for the year before). */
export async function makeApplicant(ctx: AppContext, year: number) {
  const admin = await makeUser(ctx);
  const organisation = await makeOrganisation(ctx, { members: [{ userId: admin.id, role: 'admin' }], ngoDatabaseYears: [year - 1] });
  return { admin, organisation };
}

/** Opens and completes an application (every step valid, required documents attached), ready to submit. */
export async function completeApplication(ctx: AppContext, userId: string, organisationId: string, lotId: string, opts: { requestedTiyn?: number } = {}) {
  const actor = await actorOf(ctx, userId);
  const started = await startApplication(ctx, actor, { lotId, organisationId, language: 'kk' });
  if (!started.ok) throw new Error(`could not start: ${started.key}`);
  const id = started.applicationId;
  const amount = opts.requestedTiyn ?? 200_000_000;
  const parts: Record<string, Partial<ApplicationContent>> = {
    summary: { summary: { title: 'Жастар үні', summary: 'Ауыл жастарымен жұмыс' } },
    goals: { goals: { goal: 'Жастарды қоғамдық өмірге тарту', tasks: 'Дөңгелек үстелдер, кездесулер' } },
    plan: { plan: [{ activity: 'Дөңгелек үстел', from: '2026-02-01', to: '2026-03-01' }] },
    indicators: { indicators: [{ name: 'Дөңгелек үстел', unit: 'дана', target: 3 }] },
    beneficiaries: { beneficiaries: { description: 'Ауыл жастары', count: 500 } },
    budget: {
      budget: [
        { item: 'Іс-шаралар', kind: 'direct' as const, amountTiyn: Math.round(amount * 0.9) },
        { item: 'Әкімшілік', kind: 'administrative' as const, amountTiyn: amount - Math.round(amount * 0.9) },
      ],
    },
    team: { team: [{ name: 'Қуаныш Дүйсембаев', role: 'Жетекші' }] },
  };
  for (const [step, part] of Object.entries(parts)) {
    const saved = await saveApplication(ctx, actor, id, { step: step as never, part, version: null });
    if (!saved.ok) throw new Error(`could not save ${step}: ${saved.key}`);
  }
  const pdf = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');
  for (const code of ['charter', 'budget-justification']) {
    const attached = await attachDocument(ctx, actor, id, { documentCode: code, name: `${code}.pdf`, bytes: pdf });
    if (!attached.ok && attached.key !== 'competitions.error.document-kind') throw new Error(`could not attach: ${attached.key}`);
  }
  return id;
}
