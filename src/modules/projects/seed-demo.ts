import { and, eq } from 'drizzle-orm';
import { type AuditEntry, recordAudits } from '../../core/audit/audit-log.ts';
import { userRoles, users } from '../../core/auth/schema.ts';
import type { Db, Executor } from '../../core/db/client.ts';
import type { AppContext } from '../../core/module.ts';
import { foldForSearch } from '../../core/search/fold.ts';
import { DEMO_ACCOUNTS } from '../accounts/index.ts';
import { organisationMembers, organisations } from '../organisations/index.ts';
import { AKTOBE_DEPARTMENT, AKTOBE_ORGANISER, AKTOBE_TITLE_RU, AKTOBE_YEAR, aktobeCompetition, aktobeProjects } from './demo-aktobe.ts';
import { activeNgos, applicantById, findCompetition, groupBy, writeCompetition } from './demo-competitions.ts';
import { CURRENT_TITLE_RU, currentCompetition, currentProjects } from './demo-current.ts';
import { grants2018Projects } from './demo-grants-2018.ts';
import { GRANTS_2025_TITLE_RU, GRANTS_2025_YEAR, grants2025Competition, grants2025Projects, REGIONS_2025 } from './demo-grants-2025.ts';
import { koksuFeedback, koksuProjects } from './demo-koksu.ts';
import { almatyDay, demoId } from './demo-support.ts';
import { type ProjectSpec, writeProjects } from './demo-writer.ts';
import { projectFeedback } from './schema.ts';

/**
 * The demo's funded projects, from the seeds (shared/SEED_FACTS.md): the Koksu social order of 2019
 * (seed 002), the operator's 2018 grants with the «Астана Банкі» suspension and a three-year
 * project (seed 003), the Aktobe region's state social order of 2025 — 86 projects, about 2.1
 * billion tenge, 9 long-term (seed 001) — the operator's 2025 grants in twelve other regions, and
 * this year's small grants running now. History is written as data in bulk (demo-writer.ts); each
 * part runs in its own transaction and is skipped when it exists, so seeding again changes nothing.
 */
export async function seedDemoProjects(ctx: AppContext): Promise<void> {
  const people = await peopleOf(ctx.db);
  if (!people) return;
  const now = ctx.clock.now();
  const today = almatyDay(now);
  const part = (run: (db: Executor) => Promise<void>) => ctx.db.transaction((tx) => run(tx as unknown as Db));
  await part((db) => seedKoksu(db, people, today));
  await part((db) => seedGrants2018(db, today));
  await part((db) => seedAktobe(db, people, today, now));
  await part((db) => seedGrants2025(db, people, today));
  await part((db) => seedCurrent(db, people, today));
}

type Member = { userId: string; organisationId: string };
type People = { operatorUser: string; operatorOrg: string; passwordHash: string; ngoAdmin: Member | null; ngoStaff: Member | null };

const NGO_ADMIN = 'ngo-admin@ortaq.kz';
const NGO_STAFF = 'ngo-staff@ortaq.kz';

async function memberOf(db: Executor, email: string, kind: 'ngo' | 'state'): Promise<Member | null> {
  const [row] = await db
    .select({ userId: users.id, organisationId: organisationMembers.organisationId })
    .from(users)
    .innerJoin(organisationMembers, eq(organisationMembers.userId, users.id))
    .innerJoin(organisations, eq(organisations.id, organisationMembers.organisationId))
    .where(and(eq(users.email, email), eq(organisations.kind, kind)))
    .orderBy(organisations.bin)
    .limit(1);
  return row ?? null;
}

/** The demo accounts the projects need: the operator's organiser, and the two NGO members. */
async function peopleOf(db: Executor): Promise<People | null> {
  const organiserEmail = DEMO_ACCOUNTS.find((a) => a.roles.includes('organiser'))?.email;
  if (!organiserEmail) return null;
  const operator = await memberOf(db, organiserEmail, 'state');
  const [model] = await db.select({ passwordHash: users.passwordHash }).from(users).where(eq(users.email, organiserEmail));
  if (!operator || !model) return null;
  return { operatorUser: operator.userId, operatorOrg: operator.organisationId, passwordHash: model.passwordHash, ngoAdmin: await memberOf(db, NGO_ADMIN, 'ngo'), ngoStaff: await memberOf(db, NGO_STAFF, 'ngo') };
}

/** One audit entry for the history the demo wrote as data rather than through the use cases. */
const history = (action: string, competitionId: string, counts: Record<string, number>): AuditEntry => ({
  actorId: null,
  action,
  entityType: 'competition',
  entityId: competitionId,
  changes: { ...counts, via: 'demo' },
});

/** Writes the projects and one audit entry for them (after any given ones). */
async function recordProjects(db: Executor, competitionId: string, specs: ProjectSpec[], today: string, audits: AuditEntry[] = []) {
  const w = await writeProjects(db, specs, today);
  await recordAudits(db, [...audits, history('project.record-history', competitionId, { projects: w.projects, reports: w.reports, tranchesReleased: w.released })]);
  return w;
}

// ---------------------------------------------------------------- the parts

async function seedKoksu(db: Executor, people: People, today: string) {
  const koksu = await koksuProjects(db, people.ngoStaff);
  if (!koksu) return;
  const w = await writeProjects(db, koksu.specs, today);
  const id = (key: string | undefined) => (key ? w.ids.get(key) : undefined);
  const feedback = koksuFeedback({ zhastary: id(koksu.keys.zhastary), ushUrpaq: id(koksu.keys.ushUrpaq) }, koksu.organiser, today);
  if (feedback.length) await db.insert(projectFeedback).values(feedback.map((f, i) => ({ id: demoId('koksu-feedback', i), ...f })));
  await recordAudits(db, [history('project.record-history', koksu.competitionId, { projects: w.projects, reports: w.reports, tranchesReleased: w.released, feedback: feedback.length })]);
}

async function seedGrants2018(db: Executor, today: string) {
  const specs = await grants2018Projects(db);
  if (!specs?.length) return;
  await recordProjects(db, specs[0]!.competitionId, specs, today);
}

/** A state body of the demo, created once (with its audit entry). */
async function stateBody(db: Executor, body: typeof AKTOBE_DEPARTMENT, audits: AuditEntry[]): Promise<string> {
  const [found] = await db.select({ id: organisations.id, kind: organisations.kind }).from(organisations).where(eq(organisations.bin, body.bin));
  if (found) {
    if (found.kind !== 'state') throw new Error(`demo: BIN ${body.bin} belongs to an NGO`);
    return found.id;
  }
  const names = [body.nameKk, body.nameRu, body.nameEn].join(' ');
  const [row] = await db
    .insert(organisations)
    .values({ ...body, searchKey: `${foldForSearch(names)} ${body.bin}` })
    .returning({ id: organisations.id });
  audits.push({ actorId: null, action: 'organisation.create', entityType: 'organisation', entityId: row!.id, changes: { via: 'demo' } });
  return row!.id;
}

/** An organiser account on the body's staff, with the demo password. */
async function organiserOf(db: Executor, account: { email: string; name: string }, bodyId: string, passwordHash: string, now: Date): Promise<string> {
  await db.insert(users).values({ email: account.email, name: account.name, passwordHash, emailVerifiedAt: now, locale: 'kk' }).onConflictDoNothing();
  const [user] = await db.select({ id: users.id }).from(users).where(eq(users.email, account.email));
  await db.insert(userRoles).values({ userId: user!.id, role: 'organiser' }).onConflictDoNothing();
  await db.insert(organisationMembers).values({ organisationId: bodyId, userId: user!.id, role: 'staff' }).onConflictDoNothing();
  return user!.id;
}

async function seedAktobe(db: Executor, people: People, today: string, now: Date) {
  const audits: AuditEntry[] = [];
  const departmentId = await stateBody(db, AKTOBE_DEPARTMENT, audits);
  const organiser = await organiserOf(db, AKTOBE_ORGANISER, departmentId, people.passwordHash, now);
  if (await findCompetition(db, departmentId, AKTOBE_YEAR, AKTOBE_TITLE_RU)) {
    await recordAudits(db, audits);
    return;
  }
  const association = await applicantById(db, people.ngoAdmin?.organisationId);
  const aktobeAssociation = association?.regionCode === 'KZ-15' ? association : null;
  const ngos = await activeNgos(db, ['KZ-15'], '2024-01-01', aktobeAssociation ? [aktobeAssociation.id] : []);
  const { competition, slots } = aktobeCompetition(departmentId, organiser, {
    byKato: groupBy(ngos, (o) => o.districtKato),
    association: aktobeAssociation,
    associationAdmin: aktobeAssociation ? (people.ngoAdmin?.userId ?? null) : null,
  });
  const c = await writeCompetition(db, competition);
  audits.push(history('competition.record-history', c.id, { lots: c.lots.length, applications: c.applications }));
  const specs = aktobeProjects({
    competitionId: c.id,
    number: c.number,
    written: c.lots,
    slots,
    organiser,
    associationId: aktobeAssociation?.id ?? null,
    associationAdmin: aktobeAssociation ? (people.ngoAdmin?.userId ?? null) : null,
    today,
  });
  await recordProjects(db, c.id, specs, today, audits);
}

async function seedGrants2025(db: Executor, people: People, today: string) {
  if (await findCompetition(db, people.operatorOrg, GRANTS_2025_YEAR, GRANTS_2025_TITLE_RU)) return;
  const ngos = await activeNgos(db, REGIONS_2025.map((r) => r.regionCode), '2024-01-01', [people.ngoAdmin?.organisationId, people.ngoStaff?.organisationId].filter((id): id is string => Boolean(id)));
  const { competition, slots } = grants2025Competition(people.operatorOrg, people.operatorUser, groupBy(ngos, (o) => o.regionCode));
  const c = await writeCompetition(db, competition);
  const specs = grants2025Projects({ competitionId: c.id, number: c.number, written: c.lots, slots, organiser: people.operatorUser });
  await recordProjects(db, c.id, specs, today, [history('competition.record-history', c.id, { lots: c.lots.length, applications: c.applications })]);
}

async function seedCurrent(db: Executor, people: People, today: string) {
  const year = Number(today.slice(0, 4));
  if (await findCompetition(db, people.operatorOrg, year, CURRENT_TITLE_RU(year))) return;
  const association = await applicantById(db, people.ngoAdmin?.organisationId);
  const zhastary = await applicantById(db, people.ngoStaff?.organisationId);
  const own = [association?.id, zhastary?.id].filter((id): id is string => Boolean(id));
  const ngos = await activeNgos(db, ['KZ-15', 'KZ-33', 'KZ-39', 'KZ-71', 'KZ-47', 'KZ-79'], `${year - 1}-01-01`, own);
  const pools = {
    association: association?.regionCode === 'KZ-15' ? association : null,
    associationAdmin: association?.regionCode === 'KZ-15' ? (people.ngoAdmin?.userId ?? null) : null,
    zhastary: zhastary?.regionCode === 'KZ-33' ? zhastary : null,
    zhastaryMember: zhastary?.regionCode === 'KZ-33' ? (people.ngoStaff?.userId ?? null) : null,
    byRegion: groupBy(ngos, (o) => o.regionCode),
  };
  const c = await writeCompetition(db, currentCompetition(people.operatorOrg, people.operatorUser, year, today, pools));
  const specs = currentProjects({ competitionId: c.id, number: c.number, written: c.lots, organiser: people.operatorUser, today, year, pools });
  await recordProjects(db, c.id, specs, today, [history('competition.record-history', c.id, { lots: c.lots.length, applications: c.applications })]);
}
