import { and, asc, count, eq, inArray, like, lt, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyAuditChain } from '../../src/core/audit/audit-log.ts';
import { auditLog } from '../../src/core/audit/schema.ts';
import { userRoles, users } from '../../src/core/auth/schema.ts';
import { seedDemo } from '../../src/core/demo/seed.ts';
import { mailOutbox } from '../../src/core/mail/schema.ts';
import { applications, competitions, lots } from '../../src/modules/competitions/schema.ts';
import { organisationMembers, organisations } from '../../src/modules/organisations/schema.ts';
import { almatyDay, shiftDay } from '../../src/modules/projects/demo-support.ts';
import { checkAgreement } from '../../src/modules/projects/make-agreement.ts';
import {
  agreementAmendments,
  agreements,
  indicatorTargets,
  monitoringVisits,
  projectBudgetLines,
  projectEvaluations,
  projectFeedback,
  projectIndicators,
  projectPeriods,
  projects,
  projectStatusChanges,
  reports,
  reportSpending,
  reportValues,
  tranches,
} from '../../src/modules/projects/schema.ts';
import { type TestApp, testApp } from '../support/app.ts';

let t: TestApp;
const took: Record<string, number> = {};
beforeAll(async () => {
  t = await testApp();
  // seedDemo's own loop (src/core/demo/seed.ts), timed per module for the record; times are not asserted.
  for (const mod of t.ctx.modules) {
    const started = performance.now();
    await mod.seedDemo?.(t.ctx);
    took[mod.name] = Math.round(performance.now() - started);
  }
  console.info('demo seed, ms per module:', JSON.stringify(took));
}, 120_000);
afterAll(() => t.close());

const YEAR_MS = 365.25 * 86_400_000;
const years = (from: string, to: string) => (Date.parse(to) - Date.parse(from)) / YEAR_MS;

/** The projects of an organisation (by its Kazakh name) in competitions numbered like the pattern. */
async function projectsOf(nameKk: string, competitionNumber: string) {
  return t.ctx.db
    .select({ project: projects, agreement: agreements })
    .from(projects)
    .innerJoin(agreements, eq(agreements.id, projects.agreementId))
    .innerJoin(organisations, eq(organisations.id, projects.organisationId))
    .innerJoin(competitions, eq(competitions.id, projects.competitionId))
    .where(and(eq(organisations.nameKk, nameKk), like(competitions.number, competitionNumber)));
}

/** Per indicator, in its order: the sum of the actual values in the project's accepted reports. */
async function acceptedActuals(projectId: string) {
  const rows = await t.ctx.db
    .select({ position: projectIndicators.position, name: projectIndicators.name, total: sql<number>`coalesce(sum(${reportValues.actual}), 0)`.mapWith(Number) })
    .from(projectIndicators)
    .leftJoin(reportValues, eq(reportValues.indicatorId, projectIndicators.id))
    .leftJoin(reports, and(eq(reports.id, reportValues.reportId), eq(reports.status, 'accepted')))
    .where(and(eq(projectIndicators.projectId, projectId), sql`(${reports.id} is not null or ${reportValues.reportId} is null)`))
    .groupBy(projectIndicators.position, projectIndicators.name)
    .orderBy(asc(projectIndicators.position));
  return rows;
}

describe('the demo projects', () => {
  it('Koksu 2019: both agreements confirmed, two periods in 2019, tranches paid on accepted reports, seed 002’s outputs', async () => {
    const [zhastary] = await projectsOf('«Көксу Жастары» қоғамдық бірлестігі', '2019-S-%');
    const [ushUrpaq] = await projectsOf('«Үш ұрпақ» қоғамдық бірлестігі', '2019-S-%');
    for (const p of [zhastary!, ushUrpaq!]) {
      expect(p.agreement.organiserConfirmedAt).not.toBeNull();
      expect(p.agreement.organisationConfirmedAt).not.toBeNull();
      expect(p.project.status).toBe('completed');
      const periods = await t.ctx.db.select().from(projectPeriods).where(eq(projectPeriods.projectId, p.project.id));
      expect(periods).toHaveLength(2);
      expect(periods.every((x) => x.startsOn.startsWith('2019') && x.endsOn.startsWith('2019'))).toBe(true);
      const paid = await t.ctx.db.select().from(tranches).where(eq(tranches.agreementId, p.agreement.id));
      expect(paid.every((x) => x.releasedAt !== null)).toBe(true);
      expect(paid.reduce((s, x) => s + x.amountTiyn, 0)).toBe(p.agreement.amountTiyn);
    }
    expect(zhastary!.agreement.amountTiyn).toBe(42_857_100);
    expect(ushUrpaq!.agreement.amountTiyn).toBe(55_714_300);

    const z = await acceptedActuals(zhastary!.project.id);
    expect(z.slice(0, 3).map((r) => [r.name, r.total])).toEqual([
      ['Дөңгелек үстел', 3],
      ['Кездесу', 2],
      ['Аудандық газеттегі мақала', 3],
    ]);
    expect(z[3]!.name).toBe('Әлеуметтік желілердегі жарияланым');
    expect(z[3]!.total).toBeGreaterThan(0);
    const u = await acceptedActuals(ushUrpaq!.project.id);
    expect(u.map((r) => r.total)).toEqual([1, 1, 2, 1000, 1, 3]);

    // «Көксу Жастары»'s final report went back once and was accepted corrected.
    const zReports = await t.ctx.db.select().from(reports).where(eq(reports.projectId, zhastary!.project.id));
    expect(zReports.map((r) => [r.status, r.round]).sort()).toEqual([
      ['accepted', 1],
      ['accepted', 2],
    ]);
  });

  it('answers in the API for the demo projects: the Koksu outputs, the Aktobe list', async () => {
    const [zhastary] = await projectsOf('«Көксу Жастары» қоғамдық бірлестігі', '2019-S-%');
    const detail = await t.app.inject({ url: `/api/v1/projects/${zhastary!.project.id}` });
    expect(detail.statusCode).toBe(200);
    const body = detail.json<{ status: string; indicators: { name: string; actual: number }[]; tranches: { releasedAt: string | null }[] }>();
    expect(body.status).toBe('completed');
    expect(body.indicators.slice(0, 3).map((i) => [i.name, i.actual])).toEqual([
      ['Дөңгелек үстел', 3],
      ['Кездесу', 2],
      ['Аудандық газеттегі мақала', 3],
    ]);
    expect(body.tranches.every((x) => x.releasedAt !== null)).toBe(true);
    const aktobe = (await t.app.inject({ url: '/api/v1/projects?region=KZ-15&year=2025&pageSize=1' })).json<{ total: number }>();
    expect(aktobe.total).toBeGreaterThanOrEqual(86);
    const suspended = (await t.app.inject({ url: '/api/v1/projects?status=suspended' })).json<{ total: number }>();
    expect(suspended.total).toBeGreaterThanOrEqual(1);
  });

  it('citizens commented on the Koksu projects: two published, one waiting for moderation', async () => {
    const koksu = await t.ctx.db
      .select({ status: projectFeedback.status })
      .from(projectFeedback)
      .innerJoin(projects, eq(projects.id, projectFeedback.projectId))
      .innerJoin(competitions, eq(competitions.id, projects.competitionId))
      .where(like(competitions.number, '2019-S-%'));
    expect(koksu.map((f) => f.status).sort()).toEqual(['pending', 'published', 'published']);
  });

  it('the operator’s 2018 grants: a project suspended because of «Астана Банкі» АҚ, others completed or terminated', async () => {
    const rows = await t.ctx.db
      .select({ project: projects })
      .from(projects)
      .innerJoin(competitions, eq(competitions.id, projects.competitionId))
      .where(like(competitions.number, '2018-G-%'));
    const awarded = await t.ctx.db
      .select({ n: count() })
      .from(lots)
      .innerJoin(competitions, eq(competitions.id, lots.competitionId))
      .where(and(like(competitions.number, '2018-G-%'), eq(lots.outcome, 'awarded')));
    expect(rows).toHaveLength(awarded[0]!.n);
    const suspended = rows.filter((r) => r.project.status === 'suspended');
    expect(suspended).toHaveLength(1);
    const [change] = await t.ctx.db
      .select()
      .from(projectStatusChanges)
      .where(eq(projectStatusChanges.projectId, suspended[0]!.project.id))
      .orderBy(sql`${projectStatusChanges.changedAt} desc`)
      .limit(1);
    expect(change).toMatchObject({ from: 'active', to: 'suspended' });
    expect(change!.reason).toContain('«Астана Банкі» АҚ');
    const withStatus = (status: string) => rows.filter((r) => r.project.status === status).length;
    expect(withStatus('terminated')).toBe(2);
    expect(withStatus('completed')).toBe(rows.length - 3);
    // One was suspended for the bank, resumed and completed.
    const resumed = await t.ctx.db.select({ projectId: projectStatusChanges.projectId }).from(projectStatusChanges).where(and(eq(projectStatusChanges.from, 'suspended'), eq(projectStatusChanges.to, 'active')));
    expect(resumed).toHaveLength(1);
    // Some reports were returned and accepted once corrected.
    const corrected = await t.ctx.db.select({ n: count() }).from(reports).where(and(inArray(reports.projectId, rows.map((r) => r.project.id)), eq(reports.status, 'accepted'), sql`${reports.round} > 1`));
    expect(corrected[0]!.n).toBeGreaterThan(3);
  });

  it('a project runs three years, 2018–2021, with its periods and budgets per year', async () => {
    const [kameda] = await projectsOf('«КАМЕДА» қоғамдық қоры', '2018-G-%');
    const p = kameda!.project;
    expect([p.startsOn, p.endsOn]).toEqual(['2018-09-01', '2021-08-31']);
    expect(years(p.startsOn, p.endsOn)).toBeGreaterThan(2.9);
    expect(years(p.startsOn, p.endsOn)).toBeLessThanOrEqual(3);
    const periods = await t.ctx.db.select().from(projectPeriods).where(eq(projectPeriods.projectId, p.id)).orderBy(asc(projectPeriods.number));
    expect(periods).toHaveLength(6);
    expect(periods[0]!.startsOn).toBe(p.startsOn);
    expect(periods.at(-1)!.endsOn).toBe(p.endsOn);
    const budgetYears = await t.ctx.db.selectDistinct({ year: projectBudgetLines.year }).from(projectBudgetLines).where(eq(projectBudgetLines.projectId, p.id)).orderBy(asc(projectBudgetLines.year));
    expect(budgetYears.map((b) => b.year)).toEqual([2018, 2019, 2020, 2021]);
    expect(p.status).toBe('completed');
  });

  it('Aktobe region in 2025: 86 projects, about 2.1 billion tenge, 9 long-term, half in the districts', async () => {
    const aktobe = await t.ctx.db
      .select({ project: projects, amount: agreements.amountTiyn, durationType: lots.durationType, lotTitle: lots.titleKk })
      .from(projects)
      .innerJoin(agreements, eq(agreements.id, projects.agreementId))
      .innerJoin(competitions, eq(competitions.id, projects.competitionId))
      .innerJoin(lots, eq(lots.id, projects.lotId))
      .where(and(eq(projects.regionCode, 'KZ-15'), eq(competitions.year, 2025)));
    expect(aktobe).toHaveLength(86);
    const tenge = aktobe.reduce((s, r) => s + r.amount, 0) / 100;
    console.info('Aktobe 2025 total, tenge:', tenge);
    expect(tenge).toBeGreaterThan(2_050_000_000);
    expect(tenge).toBeLessThan(2_150_000_000);
    const long = aktobe.filter((r) => r.durationType === 'long');
    expect(long).toHaveLength(9);
    for (const r of long) {
      expect(years(r.project.startsOn, r.project.endsOn)).toBeGreaterThanOrEqual(1.95);
      expect(years(r.project.startsOn, r.project.endsOn)).toBeLessThanOrEqual(3);
    }
    expect(aktobe.filter((r) => r.lotTitle.includes('ауданында'))).toHaveLength(43);
    // Made by the region's department, with its organiser on staff.
    const [competition] = await t.ctx.db.select().from(competitions).where(eq(competitions.id, aktobe[0]!.project.competitionId));
    expect(competition).toMatchObject({ instrument: 'social-order', regionCode: 'KZ-15', stage: 'published' });
    const [department] = await t.ctx.db.select().from(organisations).where(eq(organisations.id, competition!.organiserId));
    expect(department).toMatchObject({ kind: 'state', regionCode: 'KZ-15' });
    const staff = await t.ctx.db
      .select({ email: users.email })
      .from(organisationMembers)
      .innerJoin(users, eq(users.id, organisationMembers.userId))
      .innerJoin(userRoles, and(eq(userRoles.userId, users.id), eq(userRoles.role, 'organiser')))
      .where(eq(organisationMembers.organisationId, department!.id));
    expect(staff).toHaveLength(1);
    // Some reports accepted and paid, a few late.
    const ids = aktobe.map((r) => r.project.id);
    const [accepted] = await t.ctx.db.select({ n: count() }).from(reports).where(and(inArray(reports.projectId, ids), eq(reports.status, 'accepted')));
    expect(accepted!.n).toBeGreaterThan(100);
    const running = aktobe.filter((r) => r.project.status === 'active');
    if (running.some((r) => r.durationType !== 'short')) expect(running.filter((r) => r.project.overdueSince !== null).length).toBeGreaterThanOrEqual(1);
    // Each awarded lot's outcome is consistent: the winner ranks first and gets what it asked for.
    const winners = await t.ctx.db
      .select({ award: lots.awardTiyn, requested: applications.requestedTiyn, rank: applications.rank })
      .from(lots)
      .innerJoin(applications, eq(applications.id, lots.winnerApplicationId))
      .where(eq(lots.competitionId, competition!.id));
    expect(winners).toHaveLength(86);
    expect(winners.every((w) => w.rank === 1 && w.award === w.requested)).toBe(true);
  });

  it('every agreement holds together: terms the use case would accept, budget lines adding up to the amount', async () => {
    const rows = await t.ctx.db
      .select({ agreement: agreements, award: lots.awardTiyn, projectId: projects.id })
      .from(agreements)
      .innerJoin(projects, eq(projects.agreementId, agreements.id))
      .innerJoin(lots, eq(lots.id, projects.lotId));
    expect(rows.length).toBeGreaterThan(170);
    const allTranches = await t.ctx.db.select().from(tranches);
    const lines = await t.ctx.db
      .select({ projectId: projectBudgetLines.projectId, total: sql<number>`sum(${projectBudgetLines.amountTiyn})`.mapWith(Number) })
      .from(projectBudgetLines)
      .groupBy(projectBudgetLines.projectId);
    for (const r of rows) {
      const a = r.agreement;
      const own = allTranches.filter((x) => x.agreementId === a.id).sort((x, y) => x.number - y.number);
      const input = { ...a, periods: a.periods, tranches: own.map((x) => ({ amountTiyn: x.amountTiyn, periodNumber: x.periodNumber })) };
      expect(checkAgreement(input, r.award!), a.number).toEqual([]);
      expect(lines.find((l) => l.projectId === r.projectId)?.total, a.number).toBe(a.amountTiyn);
    }
    // Spending never exceeds a budget line.
    const over = await t.ctx.db
      .select({ id: projectBudgetLines.id })
      .from(projectBudgetLines)
      .innerJoin(reportSpending, eq(reportSpending.budgetLineId, projectBudgetLines.id))
      .groupBy(projectBudgetLines.id, projectBudgetLines.amountTiyn)
      .having(sql`sum(${reportSpending.spentTiyn}) > ${projectBudgetLines.amountTiyn}`);
    expect(over).toEqual([]);
    // Every indicator has a target for every period.
    const [gaps] = await t.ctx.db
      .select({ n: count() })
      .from(projectIndicators)
      .innerJoin(projectPeriods, eq(projectPeriods.projectId, projectIndicators.projectId))
      .leftJoin(indicatorTargets, and(eq(indicatorTargets.indicatorId, projectIndicators.id), eq(indicatorTargets.periodId, projectPeriods.id)))
      .where(sql`${indicatorTargets.indicatorId} is null`);
    expect(gaps!.n).toBe(0);
  });

  it('releases a tranche only where its period’s report was accepted, on the day it was', async () => {
    const rows = await t.ctx.db
      .select({ tranche: tranches, report: reports, confirmed: agreements.organisationConfirmedAt })
      .from(tranches)
      .innerJoin(agreements, eq(agreements.id, tranches.agreementId))
      .innerJoin(projects, eq(projects.agreementId, agreements.id))
      .leftJoin(projectPeriods, and(eq(projectPeriods.projectId, projects.id), eq(projectPeriods.number, tranches.periodNumber)))
      .leftJoin(reports, eq(reports.periodId, projectPeriods.id));
    let released = 0;
    for (const { tranche, report, confirmed } of rows) {
      if (tranche.periodNumber === null) {
        // An advance, paid once both sides confirmed.
        expect(tranche.releasedAt).not.toBeNull();
        expect(tranche.releasedAt!.getTime()).toBeGreaterThanOrEqual(confirmed!.getTime());
        continue;
      }
      const accepted = report?.status === 'accepted';
      expect(tranche.releasedAt !== null, `tranche ${tranche.number} of ${tranche.agreementId}`).toBe(accepted);
      if (accepted) {
        expect(tranche.releasedAt).toEqual(report!.decidedAt);
        released++;
      }
    }
    expect(released).toBeGreaterThan(200);
    // Tranches waiting for reports exist too: not every project is finished.
    expect(rows.some((r) => r.tranche.releasedAt === null)).toBe(true);
  });

  it('has projects running now: a report due within a week and not yet handed in, one awaiting the organiser, one returned, one late', async () => {
    const now = t.ctx.clock.now();
    const today = almatyDay(now);
    const year = Number(today.slice(0, 4));
    const current = await t.ctx.db
      .select({ project: projects, number: competitions.number, nameKk: organisations.nameKk })
      .from(projects)
      .innerJoin(competitions, eq(competitions.id, projects.competitionId))
      .innerJoin(organisations, eq(organisations.id, projects.organisationId))
      .where(and(eq(competitions.year, year), eq(competitions.instrument, 'grant')));
    expect(current.length).toBeGreaterThanOrEqual(5);
    expect(current.every((c) => c.number.startsWith(`${year}-G-`) && c.project.status === 'active')).toBe(true);
    const ids = current.map((c) => c.project.id);
    const periods = await t.ctx.db.select().from(projectPeriods).where(inArray(projectPeriods.projectId, ids));
    const periodReports = await t.ctx.db.select().from(reports).where(inArray(reports.projectId, ids));
    const handedIn = new Set(periodReports.filter((r) => r.status === 'submitted' || r.status === 'accepted').map((r) => r.periodId));
    const dueSoon = periods.filter((p) => p.reportDueOn >= today && p.reportDueOn <= shiftDay(today, 7) && !handedIn.has(p.id) && p.remindedAt === null);
    expect(dueSoon.length).toBeGreaterThanOrEqual(1);
    const association = current.find((c) => c.nameKk.includes('Ақтөбе облысының үкіметтік емес ұйымдары қауымдастығы'))!;
    expect(dueSoon.map((p) => p.projectId)).toContain(association.project.id);
    expect(periodReports.map((r) => r.status).sort()).toEqual(expect.arrayContaining(['accepted', 'draft', 'returned', 'submitted']));
    expect(current.filter((c) => c.project.overdueSince !== null)).toHaveLength(1);
    // The association's admin (ngo-admin@) confirmed its agreement.
    const [agreement] = await t.ctx.db.select().from(agreements).where(eq(agreements.id, association.project.agreementId));
    const [admin] = await t.ctx.db.select().from(users).where(eq(users.email, 'ngo-admin@ortaq.kz'));
    expect(agreement!.organisationConfirmedBy).toBe(admin!.id);
  });

  it('flags exactly the projects report-reminders would: active, with a due date passed and no report handed in', async () => {
    const today = almatyDay(t.ctx.clock.now());
    const late = await t.ctx.db
      .select({ id: projects.id, since: sql<string>`(min(${projectPeriods.reportDueOn}) + 1)::text` })
      .from(projects)
      .innerJoin(projectPeriods, eq(projectPeriods.projectId, projects.id))
      .where(
        and(
          eq(projects.status, 'active'),
          lt(projectPeriods.reportDueOn, today),
          sql`not exists (select 1 from ${reports} where ${reports.periodId} = ${projectPeriods.id} and ${reports.status} in ('submitted', 'accepted'))`,
        ),
      )
      .groupBy(projects.id);
    const flagged = await t.ctx.db.select({ id: projects.id, since: projects.overdueSince }).from(projects).where(sql`${projects.overdueSince} is not null`);
    const key = (r: { id: string; since: string | null }) => `${r.id} ${r.since}`;
    expect(flagged.map(key).sort()).toEqual(late.map(key).sort());
    expect(flagged.length).toBeGreaterThanOrEqual(2);
  });

  it('writes monitoring visits and final evaluations, and no letters', async () => {
    const [visits] = await t.ctx.db.select({ n: count() }).from(monitoringVisits);
    expect(visits!.n).toBeGreaterThan(20);
    const evaluations = await t.ctx.db.select().from(projectEvaluations);
    expect(evaluations.length).toBeGreaterThan(20);
    for (const e of evaluations) {
      expect(Object.keys(e.scores).sort()).toEqual(['continuation', 'impact', 'plan-fulfilment', 'relevance', 'result']);
      expect(Object.values(e.scores).every((s) => s.points >= 1 && s.points <= e.scaleMax)).toBe(true);
    }
    const [mail] = await t.ctx.db.select({ n: count() }).from(mailOutbox);
    expect(mail!.n).toBe(0);
  });

  it('changes nothing when seeded again, and the audit chain still verifies', async () => {
    const tables = {
      agreements,
      agreementAmendments,
      tranches,
      projects,
      projectPeriods,
      projectIndicators,
      indicatorTargets,
      projectBudgetLines,
      reports,
      reportValues,
      reportSpending,
      projectStatusChanges,
      monitoringVisits,
      projectEvaluations,
      projectFeedback,
      competitions,
      lots,
      applications,
      organisations,
      organisationMembers,
      users,
      userRoles,
      auditLog,
    };
    const counts = async () =>
      Object.fromEntries(await Promise.all(Object.entries(tables).map(async ([name, table]) => [name, (await t.ctx.db.select({ n: count() }).from(table))[0]!.n] as const)));
    const before = await counts();
    await seedDemo(t.ctx);
    expect(await counts()).toEqual(before);
    const chain = await verifyAuditChain(t.ctx.db);
    expect(chain.firstBreak).toBeNull();
    expect(chain.checked).toBe(before.auditLog);
  });
});
