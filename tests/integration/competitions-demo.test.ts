import { and, asc, count, eq, inArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog } from '../../src/core/audit/schema.ts';
import { userRoles, users } from '../../src/core/auth/schema.ts';
import { seedDemo } from '../../src/core/demo/seed.ts';
import { TIME_ZONE } from '../../src/core/format/intl.ts';
import { mailOutbox } from '../../src/core/mail/schema.ts';
import { checkApplication } from '../../src/modules/competitions/eligibility.ts';
import { competitionPhase } from '../../src/modules/competitions/phase.ts';
import { loadApplication } from '../../src/modules/competitions/records.ts';
import {
  applications,
  commissionMembers,
  competitions,
  conflictDeclarations,
  lots,
  mciValues,
  ruleVersions,
  scores,
} from '../../src/modules/competitions/schema.ts';
import { startApplication } from '../../src/modules/competitions/start-application.ts';
import { ngoDatabaseReports, organisationMembers, organisations } from '../../src/modules/organisations/schema.ts';
import { type TestApp, testApp } from '../support/app.ts';
import { actorOf } from '../support/competitions.ts';

let t: TestApp;
beforeAll(async () => {
  t = await testApp();
  await seedDemo(t.ctx);
});
afterAll(() => t.close());

const tenge = (tiyn: number | null) => (tiyn ?? 0) / 100;
const byTitle = async (titleRu: string) => (await t.ctx.db.select().from(competitions).where(eq(competitions.titleRu, titleRu)))[0]!;
const lotsOf = (competitionId: string) => t.ctx.db.select().from(lots).where(eq(lots.competitionId, competitionId)).orderBy(asc(lots.number));
/** Who won each awarded lot, as the register names them, with the award in tenge. */
const winnersOf = async (competitionId: string) =>
  (
    await t.ctx.db
      .select({ lot: lots.number, name: organisations.nameKk, award: lots.awardTiyn, requested: applications.requestedTiyn, rank: applications.rank })
      .from(lots)
      .innerJoin(applications, eq(applications.id, lots.winnerApplicationId))
      .innerJoin(organisations, eq(organisations.id, applications.organisationId))
      .where(eq(lots.competitionId, competitionId))
      .orderBy(asc(lots.number))
  ).map((w) => ({ ...w, award: tenge(w.award), requested: tenge(w.requested) }));
const almatyDate = (d: Date) => new Intl.DateTimeFormat('en-CA', { timeZone: TIME_ZONE }).format(d);

describe('the demo competitions', () => {
  it('writes no letters: historical applicants have no accounts to mail', async () => {
    const [mail] = await t.ctx.db.select({ n: count() }).from(mailOutbox);
    expect(mail!.n).toBe(0);
  });

  it('has five experts, and the Koksu district department with its organiser', async () => {
    const experts = await t.ctx.db.select({ email: users.email, verified: users.emailVerifiedAt }).from(users).innerJoin(userRoles, eq(userRoles.userId, users.id)).where(eq(userRoles.role, 'expert'));
    expect(experts.map((e) => e.email).sort()).toEqual(['expert2@ortaq.kz', 'expert3@ortaq.kz', 'expert4@ortaq.kz', 'expert5@ortaq.kz', 'expert@ortaq.kz']);
    expect(experts.every((e) => e.verified !== null)).toBe(true);
    const [model] = await t.ctx.db.select().from(users).where(eq(users.email, 'expert@ortaq.kz'));
    const [other] = await t.ctx.db.select().from(users).where(eq(users.email, 'expert3@ortaq.kz'));
    expect(other!.passwordHash).toBe(model!.passwordHash);
    const [department] = await t.ctx.db.select().from(organisations).where(eq(organisations.nameRu, 'ГУ «Отдел внутренней политики акимата Коксуского района»'));
    expect(department).toMatchObject({ kind: 'state', regionCode: 'KZ-33', districtKato: '334200000' });
    const staff = await t.ctx.db.select().from(organisationMembers).where(eq(organisationMembers.organisationId, department!.id));
    expect(staff).toHaveLength(1);
  });

  it('Koksu 2019: 3,000,000 tenge in 3 lots, «Көксу Жастары» 428,571 and «Үш ұрпақ» 557,143 tenge, computed', async () => {
    const koksu = await byTitle('Конкурс государственного социального заказа Коксуского района на 2019 год');
    expect(koksu).toMatchObject({ instrument: 'social-order', ruleVersionId: 'social-order-2016', year: 2019, regionCode: 'KZ-33', stage: 'published' });
    expect(koksu.descriptionRu).toContain('Алматинскую область');
    expect(almatyDate(koksu.publishedAt!).slice(0, 4)).toBe('2019');
    const koksuLots = await lotsOf(koksu.id);
    expect(koksuLots).toHaveLength(3);
    expect(koksuLots.reduce((s, l) => s + tenge(l.budgetTiyn), 0)).toBe(3_000_000);
    expect(koksuLots.map((l) => l.outcome)).toEqual(['awarded', 'awarded', 'awarded']);
    expect(koksuLots[1]!.indicators.map((i) => i.target)).toEqual([1, 1, 2, 1000, 1, 3]);
    const winners = await winnersOf(koksu.id);
    expect(winners.map((w) => [w.name, w.award, w.rank])).toEqual([
      ['«Көксу Жастары» қоғамдық бірлестігі', 428_571, 1],
      ['«Үш ұрпақ» қоғамдық бірлестігі', 557_143, 1],
      ['«Нахичивань» этномәдени орталығы қоғамдық бірлестігі', 2_014_286, 1],
    ]);
    // Every lot had at least two admitted applications, each ranked by its computed score.
    for (const lot of koksuLots) {
      const apps = await t.ctx.db.select().from(applications).where(eq(applications.lotId, lot.id));
      const admitted = apps.filter((a) => a.status === 'admitted');
      expect(admitted.length).toBeGreaterThanOrEqual(2);
      expect(admitted.every((a) => a.score !== null && a.rank !== null)).toBe(true);
      for (const a of apps) {
        const admin = a.content.budget.filter((b) => b.kind === 'administrative').reduce((s, b) => s + b.amountTiyn, 0);
        expect(admin * 10).toBeLessThanOrEqual(a.requestedTiyn);
        expect(a.requestedTiyn).toBeLessThanOrEqual(lot.budgetTiyn);
      }
    }
  });

  it('the operator’s 2018 competition: 86 themes within 1 billion tenge, failures for lack of applications, the named grantees won, published 13 August 2018', async () => {
    const grants = await byTitle('Конкурс на предоставление государственных грантов на 2018 год');
    expect(grants).toMatchObject({ instrument: 'grant', ruleVersionId: 'grant-2016', year: 2018, regionCode: null, stage: 'published' });
    expect(almatyDate(grants.announcedAt)).toBe('2018-01-15');
    expect(almatyDate(grants.publishedAt!)).toBe('2018-08-13');
    const themes = await lotsOf(grants.id);
    expect(themes).toHaveLength(86);
    expect(themes.reduce((s, l) => s + tenge(l.budgetTiyn), 0)).toBeLessThanOrEqual(1_000_000_000);
    // Each theme's budget within its grant type's limits in 2018 MCI.
    const [mci] = await t.ctx.db.select().from(mciValues).where(eq(mciValues.year, 2018));
    const [rule] = await t.ctx.db.select().from(ruleVersions).where(eq(ruleVersions.id, 'grant-2016'));
    for (const l of themes) {
      const type = rule!.definition.grantTypes.find((g) => g.code === l.durationType)!;
      const inMci = l.budgetTiyn / mci!.amountTiyn;
      expect(inMci).toBeGreaterThanOrEqual(type.minMci);
      if (type.maxMci !== null) expect(inMci).toBeLessThanOrEqual(type.maxMci);
    }
    const reasons = themes.filter((l) => l.outcome === 'failed').map((l) => l.failureReason);
    expect(reasons.filter((r) => r === 'no-applications').length).toBeGreaterThanOrEqual(3);
    expect(reasons.filter((r) => r === 'one-application').length).toBeGreaterThanOrEqual(2);
    expect(themes.every((l) => l.outcome !== null)).toBe(true);
    const won = (await winnersOf(grants.id)).map((w) => w.name);
    for (const name of [
      '«Eurasian Expert Council» қоғамдық қоры',
      '«Европалық құқық және адам құқығы институты» жеке қоры',
      '«Еуразиялық құқық қорғаушы орталығы» жеке қоры',
      '«Шырақ» мүгедек әйелдер қауымдастығы қоғамдық бірлестігі',
      '«Тринта» жеке қоры',
    ]) {
      expect(won).toContain(name);
    }
    // The commission of five sat, including expert@ortaq.kz; scores were locked in with it.
    const seats = await t.ctx.db.select({ email: users.email }).from(commissionMembers).innerJoin(users, eq(users.id, commissionMembers.expertId)).where(eq(commissionMembers.competitionId, grants.id));
    expect(seats.map((s) => s.email)).toContain('expert@ortaq.kz');
    expect(seats).toHaveLength(5);
  });

  it('one competition is open now, and the demo members’ organisations may apply: ngo-staff@ to its Zhetisu lot, ngo-admin@ to its Aktobe lot', async () => {
    const now = t.ctx.clock.now();
    const open = (await t.ctx.db.select().from(competitions).where(eq(competitions.ruleVersionId, 'grant-2022'))).filter((c) => competitionPhase(c, now) === 'accepting');
    expect(open).toHaveLength(1);
    const competition = open[0]!;
    const days = (competition.deadlineAt.getTime() - now.getTime()) / 86_400_000;
    expect(days).toBeGreaterThan(25);
    expect(days).toBeLessThan(35);
    const openLots = await lotsOf(competition.id);
    expect(openLots.length).toBeGreaterThanOrEqual(3);
    expect(openLots.map((l) => l.regionCode)).toEqual(expect.arrayContaining(['KZ-33', 'KZ-15']));
    const zhetisu = openLots.find((l) => l.regionCode === 'KZ-33')!;

    const aktobe = openLots.find((l) => l.regionCode === 'KZ-15')!;
    for (const [email, lot, organisation] of [
      ['ngo-staff@ortaq.kz', zhetisu, '«Көксу Жастары» қоғамдық бірлестігі'],
      ['ngo-admin@ortaq.kz', aktobe, '«Ақтөбе облысының үкіметтік емес ұйымдары қауымдастығы» заңды тұлғалар бірлестігі'],
    ] as const) {
      const [member] = await t.ctx.db.select().from(users).where(eq(users.email, email));
      const actor = await actorOf(t.ctx, member!.id);
      const started = await startApplication(t.ctx, actor, { lotId: lot.id, organisationId: actor.memberships[0]!.organisationId, language: 'kk' });
      expect(started.ok).toBe(true);
      if (!started.ok) return;
      const record = await loadApplication(t.ctx.db, started.applicationId);
      expect(record.organisation.nameKk).toBe(organisation);
      const { eligibility } = await checkApplication(t.ctx.db, record, now);
      expect(eligibility.filter((c) => !c.ok)).toEqual([]);
      await t.ctx.db.delete(applications).where(eq(applications.id, started.applicationId));
    }
  });

  it('one competition has its commission sitting, where expert@ortaq.kz has applications to score', async () => {
    const sitting = await t.ctx.db.select().from(competitions).where(eq(competitions.stage, 'evaluation'));
    expect(sitting).toHaveLength(1);
    const seats = await t.ctx.db.select({ email: users.email }).from(commissionMembers).innerJoin(users, eq(users.id, commissionMembers.expertId)).where(eq(commissionMembers.competitionId, sitting[0]!.id));
    expect(seats.map((s) => s.email).sort()).toEqual(['expert2@ortaq.kz', 'expert3@ortaq.kz', 'expert4@ortaq.kz', 'expert5@ortaq.kz', 'expert@ortaq.kz']);
    const lotIds = (await lotsOf(sitting[0]!.id)).map((l) => l.id);
    const admitted = await t.ctx.db.select().from(applications).where(and(inArray(applications.lotId, lotIds), eq(applications.status, 'admitted')));
    expect(admitted.length).toBeGreaterThanOrEqual(4);
    const [expert] = await t.ctx.db.select().from(users).where(eq(users.email, 'expert@ortaq.kz'));
    const mine = await t.ctx.db.select().from(scores).where(and(inArray(scores.applicationId, admitted.map((a) => a.id)), eq(scores.expertId, expert!.id)));
    expect(mine).toHaveLength(0);
    const others = await t.ctx.db.select().from(scores).where(inArray(scores.applicationId, admitted.map((a) => a.id)));
    expect(others.length).toBeGreaterThan(0);
  });

  it('reads correctly on the public pages and in the API', async () => {
    const koksu = await byTitle('Конкурс государственного социального заказа Коксуского района на 2019 год');
    const page = await t.app.inject({ url: `/kk/competitions/${koksu.id}` });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('«Көксу Жастары»');
    expect(page.body).toContain('«Үш ұрпақ»');
    expect(page.body).toMatch(/428\s571\s₸/);
    expect(page.body).toMatch(/557\s143\s₸/);
    const api = (await t.app.inject({ url: `/api/v1/competitions/${koksu.id}` })).json<{
      lots: { status: string; award: { amountTiyn: number; organisation: { name: { kk: string } } } | null }[];
    }>();
    expect(api.lots.map((l) => l.status)).toEqual(['awarded', 'awarded', 'awarded']);
    const awards = api.lots.map((l) => [l.award?.organisation.name.kk, l.award?.amountTiyn]);
    expect(awards).toContainEqual(['«Көксу Жастары» қоғамдық бірлестігі', 42_857_100]);
    expect(awards).toContainEqual(['«Үш ұрпақ» қоғамдық бірлестігі', 55_714_300]);
    expect(api.lots.reduce((sum, l) => sum + (l.award?.amountTiyn ?? 0), 0)).toBe(300_000_000);

    const grants = await byTitle('Конкурс на предоставление государственных грантов на 2018 год');
    const listed = (await t.app.inject({ url: '/api/v1/competitions?year=2018&instrument=grant&status=results' })).json<{ items: { id: string }[] }>();
    expect(listed.items.map((c) => c.id)).toContain(grants.id);
    const detail = (await t.app.inject({ url: `/api/v1/competitions/${grants.id}` })).json<{ lots: { status: string; failureReason: string | null }[] }>();
    expect(detail.lots).toHaveLength(86);
    const reasons = detail.lots.filter((l) => l.status === 'failed').map((l) => l.failureReason);
    expect(reasons).toContain('no-applications');
    expect(reasons).toContain('one-application');
    const grantsPage = await t.app.inject({ url: `/ru/competitions/${grants.id}` });
    expect(grantsPage.statusCode).toBe(200);
    expect(grantsPage.body).toContain(t.ctx.messages.format('ru', 'competitions.failure.no-applications'));
  });

  it('changes nothing when seeded again', async () => {
    const tables = { competitions, lots, applications, scores, conflictDeclarations, commissionMembers, users, userRoles, organisations, organisationMembers, ngoDatabaseReports, auditLog, mailOutbox };
    const counts = async () =>
      Object.fromEntries(await Promise.all(Object.entries(tables).map(async ([name, table]) => [name, (await t.ctx.db.select({ n: count() }).from(table))[0]!.n] as const)));
    const before = await counts();
    await seedDemo(t.ctx);
    expect(await counts()).toEqual(before);
  });
});
