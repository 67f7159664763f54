import { and, asc, desc, eq, inArray, isNull, lt, lte, ne, or, sql } from 'drizzle-orm';
import type { Actor } from '../../core/auth/actor.ts';
import { recordAudit, recordAudits } from '../../core/audit/audit-log.ts';
import { type Role, userRoles, users } from '../../core/auth/schema.ts';
import type { Db, Executor } from '../../core/db/client.ts';
import type { AppContext } from '../../core/module.ts';
import { foldForSearch } from '../../core/search/fold.ts';
import { DEMO_ACCOUNTS } from '../accounts/index.ts';
import { ngoDatabaseReports, organisationMembers, organisations } from '../organisations/index.ts';
import { announceCompetition } from './announce-competition.ts';
import { contentFingerprint } from './content.ts';
import { declareConflict } from './declare-conflict.ts';
import { OPEN_TITLE_RU, openCompetition, SITTING_TITLE_RU, sittingCompetition } from './demo-current.ts';
import { GRANTS_2018_DATES, GRANTS_2018_TITLE_RU, grants2018, NAMED_2018, type NamedKey, type Pools } from './demo-grants-2018.ts';
import { KOKSU_DATES, KOKSU_DEPARTMENT, KOKSU_KATO, KOKSU_ORGANISER, KOKSU_TITLE_RU, koksuCompetition } from './demo-koksu.ts';
import {
  almaty,
  almatyDay,
  type DemoApplicant,
  type DemoApplication,
  type DemoCompetition,
  expertComment,
  expertPoints,
  mix,
  requestedOf,
  shiftDay,
} from './demo-support.ts';
import { nameCommission } from './name-commission.ts';
import { publishResults } from './publish-results.ts';
import { loadRule } from './records.ts';
import { applications, competitions, conflictDeclarations, lots, mciValues, scores } from './schema.ts';
import { scoreApplication } from './score-application.ts';
import { startEvaluation } from './start-evaluation.ts';

/**
 * The demo's competitions, from the seeds (shared/SEED_FACTS.md): Koksu district's state social
 * order of 2019 (seed 002), the operator's 86 grant themes of 2018 (seed 003), one competition
 * open now and one whose commission is sitting. Historical applications, conflict declarations and
 * scores are written as data, in bulk; admission, the commission, the evaluation and every lot's
 * outcome, rank, score and award go through the use cases, so the results are computed, not typed.
 * Each part is skipped when its competition exists, so running the seed again changes nothing.
 */
export async function seedDemoCompetitions(ctx: AppContext): Promise<void> {
  const people = await inTransaction(ctx, seedPeople);
  if (!people) return;
  await inTransaction(ctx, (c) => seedKoksu(c, people));
  await inTransaction(ctx, (c) => seedGrants2018(c, people));
  await inTransaction(ctx, (c) => seedOpen(c, people));
  await inTransaction(ctx, (c) => seedSitting(c, people));
}

/** Four experts more, so that commissions of five can sit with expert@ortaq.kz. */
export const DEMO_EXPERTS = [
  { email: 'expert2@ortaq.kz', name: 'Ақмарал Төлегенова' },
  { email: 'expert3@ortaq.kz', name: 'Бауыржан Сұлтанов' },
  { email: 'expert4@ortaq.kz', name: 'Сәуле Ибраимова' },
  { email: 'expert5@ortaq.kz', name: 'Ержан Мұхамеджанов' },
] as const;

const accountWith = (role: Role) => DEMO_ACCOUNTS.find((a) => a.roles.includes(role))?.email;
const NGO_ADMIN = 'ngo-admin@ortaq.kz';
const NGO_STAFF = 'ngo-staff@ortaq.kz';

/**
 * One transaction per part, so a part is written whole or not at all; the use cases it calls run
 * inside it (their own transactions become savepoints).
 */
function inTransaction<T>(ctx: AppContext, part: (ctx: AppContext) => Promise<T>): Promise<T> {
  return ctx.db.transaction((tx) => part({ ...ctx, db: tx as unknown as Db }));
}

/** Maps one item after another: a transaction's statements share one connection, which runs one at a time. */
async function inTurn<T, R>(items: readonly T[], read: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = [];
  for (const item of items) results.push(await read(item));
  return results;
}

type People = {
  operator: Actor;
  operatorId: string;
  koksu: Actor;
  koksuDepartmentId: string;
  /** expert@ortaq.kz first, then expert2@ … expert5@. */
  experts: Actor[];
  ngoAdmin: { userId: string; organisationId: string | null };
  ngoStaff: { userId: string; organisationId: string | null };
};

async function actorOf(db: Executor, email: string): Promise<Actor | null> {
  const [user] = await db.select().from(users).where(eq(users.email, email));
  if (!user) return null;
  const roles = await db.select({ role: userRoles.role }).from(userRoles).where(eq(userRoles.userId, user.id));
  const memberships = await db
    .select({ organisationId: organisationMembers.organisationId, role: organisationMembers.role })
    .from(organisationMembers)
    .where(eq(organisationMembers.userId, user.id));
  return { userId: user.id, email: user.email, name: user.name, roles: new Set(roles.map((r) => r.role)), memberships, sessionId: null };
}

/** The first NGO the account is a member of. */
async function ngoOf(db: Executor, actor: Actor | null): Promise<string | null> {
  const ids = actor?.memberships.map((m) => m.organisationId) ?? [];
  if (!ids.length) return null;
  const [org] = await db
    .select({ id: organisations.id })
    .from(organisations)
    .where(and(inArray(organisations.id, ids), eq(organisations.kind, 'ngo')))
    .orderBy(asc(organisations.bin))
    .limit(1);
  return org?.id ?? null;
}

async function seedPeople(ctx: AppContext): Promise<People | null> {
  const { db } = ctx;
  const now = ctx.clock.now();
  const expertEmail = accountWith('expert');
  const organiserEmail = accountWith('organiser');
  if (!expertEmail || !organiserEmail) return null;
  // The demo accounts share one password; the new ones take the same hash as expert@ortaq.kz.
  const [model] = await db.select({ passwordHash: users.passwordHash }).from(users).where(eq(users.email, expertEmail));
  const operator = await actorOf(db, organiserEmail);
  if (!model || !operator) return null;
  const [operatorBody] = await db
    .select({ id: organisations.id })
    .from(organisations)
    .where(and(inArray(organisations.id, operator.memberships.map((m) => m.organisationId).concat(['00000000-0000-0000-0000-000000000000'])), eq(organisations.kind, 'state')));
  if (!operatorBody) return null;

  const account = async (email: string, name: string, role: Role) => {
    await db.insert(users).values({ email, name, passwordHash: model.passwordHash, emailVerifiedAt: now, locale: 'kk' }).onConflictDoNothing();
    const [user] = await db.select({ id: users.id }).from(users).where(eq(users.email, email));
    await db.insert(userRoles).values({ userId: user!.id, role }).onConflictDoNothing();
    return user!.id;
  };
  for (const e of DEMO_EXPERTS) await account(e.email, e.name, 'expert');

  let [department] = await db.select({ id: organisations.id }).from(organisations).where(eq(organisations.bin, KOKSU_DEPARTMENT.bin));
  if (!department) {
    const names = [KOKSU_DEPARTMENT.nameKk, KOKSU_DEPARTMENT.nameRu, KOKSU_DEPARTMENT.nameEn].join(' ');
    [department] = await db
      .insert(organisations)
      .values({ ...KOKSU_DEPARTMENT, searchKey: `${foldForSearch(names)} ${KOKSU_DEPARTMENT.bin}` })
      .returning({ id: organisations.id });
    await recordAudit(db, { actorId: null, action: 'organisation.create', entityType: 'organisation', entityId: department!.id, changes: { via: 'demo' } });
  }
  const koksuUserId = await account(KOKSU_ORGANISER.email, KOKSU_ORGANISER.name, 'organiser');
  await db.insert(organisationMembers).values({ organisationId: department!.id, userId: koksuUserId, role: 'staff' }).onConflictDoNothing();

  const experts = await inTurn([expertEmail, ...DEMO_EXPERTS.map((e) => e.email)], (email) => actorOf(db, email));
  const koksu = await actorOf(db, KOKSU_ORGANISER.email);
  const ngoAdmin = await actorOf(db, NGO_ADMIN);
  const ngoStaff = await actorOf(db, NGO_STAFF);
  return {
    operator,
    operatorId: operatorBody.id,
    koksu: koksu!,
    koksuDepartmentId: department!.id,
    experts: experts.filter((e): e is Actor => e !== null),
    ngoAdmin: { userId: ngoAdmin?.userId ?? '', organisationId: await ngoOf(db, ngoAdmin) },
    ngoStaff: { userId: ngoStaff?.userId ?? '', organisationId: await ngoOf(db, ngoStaff) },
  };
}

// ---------------------------------------------------------------- finding applicants in the register

const applicantColumns = {
  id: organisations.id,
  bin: organisations.bin,
  nameKk: organisations.nameKk,
  nameRu: organisations.nameRu,
  headName: organisations.headName,
  regionCode: organisations.regionCode,
  areas: organisations.areas,
};

/** Active NGOs of the register matching the condition, registered before the given date, in BIN order. */
function ngos(db: Executor, registeredBefore: string, ...conditions: Parameters<typeof and>) {
  return db
    .select(applicantColumns)
    .from(organisations)
    .where(and(eq(organisations.kind, 'ngo'), eq(organisations.status, 'active'), lt(organisations.registeredOn, registeredBefore), ...conditions))
    .orderBy(asc(organisations.bin));
}

async function named(db: Executor, nameKk: string): Promise<DemoApplicant> {
  const [org] = await db.select(applicantColumns).from(organisations).where(eq(organisations.nameKk, nameKk));
  if (!org) throw new Error(`demo: the organisations seed has no ${nameKk}`);
  return org;
}

const exists = async (db: Executor, organiserId: string, titleRu: string) =>
  (await db.select({ id: competitions.id }).from(competitions).where(and(eq(competitions.organiserId, organiserId), eq(competitions.titleRu, titleRu)))).length > 0;

/**
 * Each organisation reported to the NGO database for the year before the competition, early in the
 * competition's year. Only for the current competitions: the register's demo reports begin with
 * 2024, and the historical applicants are written as they were admitted, not re-checked.
 */
async function reportedFor(db: Executor, year: number, organisationIds: string[], latest: string) {
  const ids = [...new Set(organisationIds)];
  if (!ids.length) return;
  await db
    .insert(ngoDatabaseReports)
    .values(ids.map((organisationId) => {
      const early = `${year}-01-${String(5 + (mix('report', organisationId) % 20)).padStart(2, '0')}`;
      return { organisationId, year: year - 1, submittedOn: early < latest ? early : latest };
    }))
    .onConflictDoNothing();
}

// ---------------------------------------------------------------- writing a competition

type Announced = { id: string; number: string; lotIds: string[] };
type Written = { id: string; lot: number; application: DemoApplication };

async function announce(ctx: AppContext, actor: Actor, c: DemoCompetition): Promise<Announced> {
  const result = await announceCompetition(ctx, actor, { ...c.input, lots: c.lots.map((l) => l.lot) });
  if (!result.ok) throw new Error(`demo: «${c.input.titleRu}» is refused: ${JSON.stringify(result.problems)}`);
  const [row] = await ctx.db.select({ number: competitions.number }).from(competitions).where(eq(competitions.id, result.id));
  const lotRows = await ctx.db.select({ id: lots.id }).from(lots).where(eq(lots.competitionId, result.id)).orderBy(asc(lots.number));
  return { id: result.id, number: row!.number, lotIds: lotRows.map((l) => l.id) };
}

/**
 * The applications as they stood after submission (and admission, when `decided` is given):
 * receipts numbered per lot in order of submission, each with the fingerprint of its content.
 */
async function writeApplications(db: Executor, a: Announced, c: DemoCompetition, decided: { by: string | null; at: Date } | null): Promise<Written[]> {
  const planned = c.lots.flatMap((l, lot) =>
    [...l.applications].sort((x, y) => x.submittedAt.getTime() - y.submittedAt.getTime()).map((application, k) => ({ lot, application, k })),
  );
  if (!planned.length) return [];
  const rows = planned.map(({ lot, application: p, k }) => {
    const lotId = a.lotIds[lot]!;
    const status = !decided ? ('submitted' as const) : p.refusal ? ('refused' as const) : ('admitted' as const);
    return {
      lotId,
      organisationId: p.organisation.id,
      createdBy: p.createdBy ?? null,
      status,
      language: p.language,
      content: p.content,
      requestedTiyn: requestedOf(p.content),
      receiptNumber: `${a.number}-${String(lot + 1).padStart(2, '0')}-${String(k + 1).padStart(3, '0')}`,
      contentSha256: contentFingerprint({ lotId, organisationBin: p.organisation.bin, language: p.language, content: p.content, attachments: [] }),
      submittedAt: p.submittedAt,
      submittedBy: p.createdBy ?? null,
      decidedBy: decided?.by ?? null,
      decidedAt: decided?.at ?? null,
      decisionReason: decided ? (p.refusal ?? null) : null,
      createdAt: new Date(p.submittedAt.getTime() - 3 * 86_400_000),
      updatedAt: decided?.at ?? p.submittedAt,
    };
  });
  const ids = await db.insert(applications).values(rows).returning({ id: applications.id });
  return planned.map((p, i) => ({ id: ids[i]!.id, lot: p.lot, application: p.application }));
}

const CONFLICT_NOTES = ['Өтініш берушінің басшысымен туыстық байланысым бар.', 'Өткен жылы осы ұйыммен бірлескен жобада жұмыс істедім.'];

/**
 * The commission's historical work as data: in each lot with two or more admitted applications,
 * every expert declares on every admitted one (now and then a conflict, which recuses them) and
 * scores it on every criterion, following the application's quality.
 */
async function writeEvaluation(ctx: AppContext, competitionId: string, ruleVersionId: string, written: Written[], experts: Actor[], at: Date) {
  const { criteria } = (await loadRule(ctx.db, ruleVersionId)).definition;
  const admittedPerLot = new Map<number, number>();
  for (const w of written) if (!w.application.refusal) admittedPerLot.set(w.lot, (admittedPerLot.get(w.lot) ?? 0) + 1);
  const declarations: (typeof conflictDeclarations.$inferInsert)[] = [];
  const points: (typeof scores.$inferInsert)[] = [];
  for (const w of written) {
    if (w.application.refusal || (admittedPerLot.get(w.lot) ?? 0) < 2) continue;
    const key = `${competitionId}:${w.application.organisation.bin}:${w.lot}`;
    const recused = mix('conflict', key) % 15 === 0 ? mix('who', key) % experts.length : -1;
    experts.forEach((expert, e) => {
      const hasConflict = e === recused;
      declarations.push({ applicationId: w.id, expertId: expert.userId!, hasConflict, note: hasConflict ? CONFLICT_NOTES[mix(key) % 2]! : null, declaredAt: at });
      if (hasConflict) return;
      for (const c of criteria) {
        const p = expertPoints(w.application.quality, c.maxPoints, key, e, c.code);
        points.push({ applicationId: w.id, expertId: expert.userId!, criterion: c.code, points: p, comment: expertComment(c.code, p, c.maxPoints), scoredAt: at });
      }
    });
  }
  for (let i = 0; i < declarations.length; i += 1000) await ctx.db.insert(conflictDeclarations).values(declarations.slice(i, i + 1000));
  for (let i = 0; i < points.length; i += 1000) await ctx.db.insert(scores).values(points.slice(i, i + 1000));
  return { declarations: declarations.length, scores: points.length };
}

/**
 * A competition of the past, through to published results: announced, applications and their
 * admission written as they were, the commission named, its declarations and scores written,
 * evaluation started and the results published by the use cases; then the dates of the sitting
 * and of publication are set back to when they happened.
 */
async function seedPublished(
  ctx: AppContext,
  actor: Actor,
  experts: Actor[],
  c: DemoCompetition,
  dates: { decidedAt: Date; evaluationStartedAt: Date; scoredAt: Date; publishedAt: Date },
) {
  const a = await announce(ctx, actor, c);
  const written = await writeApplications(ctx.db, a, c, { by: actor.userId, at: dates.decidedAt });
  const commission = await nameCommission(ctx, actor, a.id, experts.map((e) => e.userId!));
  if (!commission.ok) throw new Error(`demo: commission refused: ${commission.key}`);
  const evaluation = await writeEvaluation(ctx, a.id, c.input.ruleVersionId, written, experts, dates.scoredAt);
  await recordHistory(ctx.db, actor, a.id, { applications: written.length, conflictDeclarations: evaluation.declarations, scores: evaluation.scores });
  await started(ctx, actor, a.id);
  const published = await publishResults(ctx, actor, a.id);
  if (!published.ok) throw new Error(`demo: results refused: ${published.key} ${JSON.stringify(published.params)}`);
  await ctx.db
    .update(competitions)
    .set({ evaluationStartedAt: dates.evaluationStartedAt, publishedAt: dates.publishedAt, updatedAt: dates.publishedAt })
    .where(eq(competitions.id, a.id));
}

/** One audit entry for what the demo wrote as data rather than through the use cases. */
function recordHistory(db: Executor, actor: Actor, competitionId: string, counts: Record<string, number>) {
  return recordAudits(db, [{ actorId: actor.userId, action: 'competition.record-history', entityType: 'competition', entityId: competitionId, changes: { ...counts, via: 'demo' } }]);
}

async function started(ctx: AppContext, actor: Actor, competitionId: string) {
  const result = await startEvaluation(ctx, actor, competitionId);
  if (!result.ok) throw new Error(`demo: evaluation refused: ${result.key}`);
}

// ---------------------------------------------------------------- the four competitions

async function seedKoksu(ctx: AppContext, people: People) {
  const { db } = ctx;
  if (await exists(db, people.koksuDepartmentId, KOKSU_TITLE_RU)) return;
  const before = '2018-01-01';
  const [zhastary, ushUrpaq, nakhichivan] = await inTurn(['«Көксу Жастары» қоғамдық бірлестігі', '«Үш ұрпақ» қоғамдық бірлестігі', '«Нахичивань» этномәдени орталығы қоғамдық бірлестігі'], (n) =>
    named(db, n),
  );
  const namedIds = [zhastary!.id, ushUrpaq!.id, nakhichivan!.id];
  const district = await ngos(db, before, eq(organisations.districtKato, KOKSU_KATO), sql`${organisations.id} not in (${sql.join(namedIds.map((id) => sql`${id}`), sql`, `)})`);
  const region = await ngos(db, before, eq(organisations.regionCode, 'KZ-33'), or(isNull(organisations.districtKato), ne(organisations.districtKato, KOKSU_KATO)));
  const competition = koksuCompetition(people.koksuDepartmentId, { zhastary: zhastary!, ushUrpaq: ushUrpaq!, nakhichivan: nakhichivan!, district, region });
  await seedPublished(ctx, people.koksu, people.experts, competition, KOKSU_DATES);
}

async function seedGrants2018(ctx: AppContext, people: People) {
  const { db } = ctx;
  if (await exists(db, people.operatorId, GRANTS_2018_TITLE_RU)) return;
  const keys = Object.keys(NAMED_2018) as NamedKey[];
  const found = await inTurn(keys, (k) => named(db, NAMED_2018[k]));
  // Shuffled by a fixed hash, so that themes draw their applicants from all over the register.
  const all = (await ngos(db, '2017-01-01')).sort((a, b) => mix('pool', a.bin) - mix('pool', b.bin));
  const byRegion = new Map<string, DemoApplicant[]>();
  for (const org of all) byRegion.set(org.regionCode, [...(byRegion.get(org.regionCode) ?? []), org]);
  const pools: Pools = { named: Object.fromEntries(keys.map((k, i) => [k, found[i]!])) as Pools['named'], byRegion, all };
  await seedPublished(ctx, people.operator, people.experts, grants2018(people.operatorId, pools), GRANTS_2018_DATES);
}

/** The MCI of the year, or of the latest year known, in tenge. */
async function mciOf(db: Executor, year: number): Promise<number> {
  const [row] = await db.select().from(mciValues).where(lte(mciValues.year, year)).orderBy(desc(mciValues.year)).limit(1);
  return (row?.amountTiyn ?? 432_500) / 100;
}

async function seedOpen(ctx: AppContext, people: People) {
  const { db } = ctx;
  const today = almatyDay(ctx.clock.now());
  const year = Number(today.slice(0, 4));
  // The demo members' organisations may apply: they reported to the NGO database for last year.
  const members = [people.ngoAdmin.organisationId, people.ngoStaff.organisationId].filter((id): id is string => id !== null);
  await reportedFor(db, year, members, shiftDay(today, -1));
  if (await exists(db, people.operatorId, OPEN_TITLE_RU(year))) return;
  const skip = sql`${organisations.id} not in (${sql.join(members.concat(['00000000-0000-0000-0000-000000000000']).map((id) => sql`${id}`), sql`, `)})`;
  const [aktobe] = await ngos(db, `${year - 1}-01-01`, eq(organisations.regionCode, 'KZ-15'), skip).limit(1).offset(7);
  const national = await ngos(db, `${year - 1}-01-01`, eq(organisations.regionCode, 'KZ-71'), skip).limit(2);
  const c = openCompetition(people.operatorId, year, today, await mciOf(db, year), [aktobe, ...national].filter((o) => o !== undefined));
  const a = await announce(ctx, people.operator, c);
  const written = await writeApplications(db, a, c, null);
  await recordHistory(db, people.operator, a.id, { applications: written.length });
  await reportedFor(db, year, written.map((w) => w.application.organisation.id), shiftDay(today, -5));
}

async function seedSitting(ctx: AppContext, people: People) {
  const { db } = ctx;
  const today = almatyDay(ctx.clock.now());
  const year = Number(today.slice(0, 4));
  if (await exists(db, people.operatorId, SITTING_TITLE_RU(year))) return;
  const pool = await ngos(db, `${year - 1}-01-01`, eq(organisations.regionCode, 'KZ-15'), ne(organisations.id, people.ngoAdmin.organisationId ?? '00000000-0000-0000-0000-000000000000'));
  const association = people.ngoAdmin.organisationId
    ? (await db.select(applicantColumns).from(organisations).where(eq(organisations.id, people.ngoAdmin.organisationId)))[0]!
    : pool[0]!;
  const c = sittingCompetition(people.operatorId, year, today, await mciOf(db, year), {
    association,
    associationAdmin: people.ngoAdmin.organisationId ? people.ngoAdmin.userId : null,
    others: pool.filter((o) => o.id !== association.id).slice(12, 16),
  });
  const a = await announce(ctx, people.operator, c);
  const written = await writeApplications(db, a, c, { by: people.operator.userId, at: almaty(shiftDay(today, -7), '11:00') });
  await recordHistory(db, people.operator, a.id, { applications: written.length });
  await reportedFor(db, year, written.map((w) => w.application.organisation.id), shiftDay(today, -20));
  const commission = await nameCommission(ctx, people.operator, a.id, people.experts.map((e) => e.userId!));
  if (!commission.ok) throw new Error(`demo: commission refused: ${commission.key}`);
  await started(ctx, people.operator, a.id);

  // Part of the commission has done its work; expert@ortaq.kz and expert5@ have not scored yet.
  const { criteria } = (await loadRule(db, c.input.ruleVersionId)).definition;
  const [, second, third, fourth, fifth] = people.experts;
  const score = async (expert: Actor | undefined, w: Written, conflict?: string) => {
    if (!expert) return;
    const declared = await declareConflict(ctx, expert, w.id, conflict ? { hasConflict: true, note: conflict } : { hasConflict: false });
    if (!declared.ok || conflict) return;
    const key = `${a.id}:${w.application.organisation.bin}:${w.lot}`;
    await scoreApplication(
      ctx,
      expert,
      w.id,
      criteria.map((cr, k) => {
        const p = expertPoints(w.application.quality, cr.maxPoints, key, expert.email ?? '', k);
        return { criterion: cr.code, points: p, comment: expertComment(cr.code, p, cr.maxPoints) };
      }),
    );
  };
  for (const w of written) {
    await score(second, w);
    await score(third, w);
    if (w.application.organisation.id === association.id) await score(fourth, w, CONFLICT_NOTES[1]);
    else if (w.lot === 0) await score(fourth, w);
    if (w.lot === 0 && fifth) await declareConflict(ctx, fifth, w.id, { hasConflict: false });
  }
}
