import { and, eq, like } from 'drizzle-orm';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { auditLog } from '../../src/core/audit/schema.ts';
import { ANONYMOUS } from '../../src/core/auth/actor.ts';
import { mailOutbox } from '../../src/core/mail/schema.ts';
import { organisationMembers } from '../../src/modules/organisations/schema.ts';
import { changeProjectStatus } from '../../src/modules/projects/change-project-status.ts';
import { leaveFeedback } from '../../src/modules/projects/feedback.ts';
import { isoDay } from '../../src/modules/projects/records.ts';
import { remindReports } from '../../src/modules/projects/report-reminders.ts';
import { saveReport } from '../../src/modules/projects/save-report.ts';
import { monitoringVisits, projectEvaluations, projectFeedback, projectIndicators, projectPeriods, projects } from '../../src/modules/projects/schema.ts';
import { submitReport } from '../../src/modules/projects/submit-report.ts';
import { type TestApp, TestClient, testApp } from '../support/app.ts';
import { actorOf, clientOf, makeOrganisation, makeUser } from '../support/competitions.ts';
import { makeProject } from '../support/projects.ts';

let t: TestApp;
beforeAll(async () => {
  t = await testApp({ TEST_CLOCK: '1' });
});
afterAll(() => t.close());
afterEach(() => t.ctx.clock.setOffset!(0));

/** Moves the server clock to an instant. */
const setNow = (iso: string) => t.ctx.clock.setOffset!(Date.parse(iso) - Date.now());

const CRITERIA = ['relevance', 'plan-fulfilment', 'result', 'continuation', 'impact'] as const;
const evaluationForm = (scale: number, points: number[]) => ({
  scaleMax: String(scale),
  ...Object.fromEntries(CRITERIA.flatMap((c, i) => [[`${c}.points`, String(points[i])], [`${c}.conclusion`, `${c}: қорытынды`]])),
});

/** The organiser of a fresh project, signed in, with the desk loaded (and so a CSRF token). */
async function deskOf() {
  const p = await makeProject(t.ctx);
  const organiser = await clientOf(t, p.organiser.id);
  const desk = `/en/manage/projects/${p.projectId}`;
  expect((await organiser.get(desk)).statusCode).toBe(200);
  return { p, organiser, desk };
}

/** The row of one project in the monitoring list. */
const rowOf = (html: string, projectId: string) => new RegExp(`<tr[^>]*id="project-${projectId}"[\\s\\S]*?</tr>`).exec(html)?.[0] ?? '';

describe('the monitoring desk', () => {
  it('changes the status through the form, with a reason, and refuses a transition that cannot follow', async () => {
    const { p, organiser, desk } = await deskOf();
    const page = organiser.lastResponse!.body;
    expect(page).toContain('Current status');
    // Only what may follow «active» is offered.
    expect(page).toMatch(/<option value="suspended"/);
    expect(page).not.toMatch(/<option value="active"/);

    const missing = await organiser.post(`${desk}/status`, { to: 'suspended', reason: '   ' });
    expect(missing.statusCode).toBe(422);
    expect(missing.body).toContain('Give the reason.');
    expect(missing.body).toMatch(/<option value="suspended" selected/);

    const reason = '«Астана Банкі» АҚ лицензиясынан айырылды';
    const done = await organiser.post(`${desk}/status`, { to: 'suspended', reason });
    expect(done.statusCode).toBe(303);
    expect(done.headers.location).toBe(`${desk}#status`);
    const after = await organiser.follow();
    expect(after.body).toContain('The project’s status is now “Suspended”.');
    expect(after.body).toContain(reason);
    expect(after.body).toMatch(/<option value="active"/);

    const refused = await organiser.post(`${desk}/status`, { to: 'completed', reason: 'Барлығы орындалды' });
    expect(refused.statusCode).toBe(422);
    expect(refused.body).toContain('A project that is “Suspended” cannot become “Completed”. From here it can become: Active or Terminated.');
    expect(refused.body).toContain('Барлығы орындалды');
    const [row] = await t.ctx.db.select().from(projects).where(eq(projects.id, p.projectId));
    expect(row!.status).toBe('suspended');

    expect((await organiser.post(`${desk}/status`, { to: 'terminated', reason: 'Шарт бұзылды' })).statusCode).toBe(303);
    const final = await organiser.get(desk);
    expect(final.body).toContain('This status is final');
    const again = await organiser.post(`${desk}/status`, { to: 'active', reason: 'Қайта ашу' });
    expect(again.statusCode).toBe(422);
    expect(again.body).toContain('The project is “Terminated”: this status is final and cannot change to “Active”.');
    const audits = await t.ctx.db.select().from(auditLog).where(and(eq(auditLog.entityId, p.projectId), eq(auditLog.action, 'project.status')));
    expect(audits).toHaveLength(2);
  });

  it('records a visit with a risk flag, shown on the desk and in the list', async () => {
    const { p, organiser, desk } = await deskOf();
    const today = isoDay(t.ctx.clock.now());
    const future = await organiser.post(`${desk}/visits`, { visitedOn: '2099-01-01', risk: 'high', notes: 'Кеңсе жабық' });
    expect(future.statusCode).toBe(422);
    expect(future.body).toContain('its date cannot be in the future');
    expect(future.body).toContain('Кеңсе жабық');
    const bad = await organiser.post(`${desk}/visits`, { visitedOn: '31.02.2026', risk: 'high', notes: 'Кеңсе жабық' });
    expect(bad.statusCode).toBe(422);
    expect(bad.body).toContain('Give the date of the visit');

    const [y, m, d] = today.split('-');
    const done = await organiser.post(`${desk}/visits`, { visitedOn: `${d}.${m}.${y}`, risk: 'high', notes: 'Бухгалтер жоқ, құжаттар реттелмеген.' });
    expect(done.statusCode).toBe(303);
    const page = await organiser.follow();
    expect(page.body).toContain('The visit is recorded.');
    expect(page.body).toContain('Бухгалтер жоқ, құжаттар реттелмеген.');
    expect(page.body).toMatch(/risk-flag--high">High risk/);
    const [visit] = await t.ctx.db.select().from(monitoringVisits).where(eq(monitoringVisits.projectId, p.projectId));
    expect(visit).toMatchObject({ visitedOn: today, risk: 'high' });
    expect(await t.ctx.db.select().from(auditLog).where(and(eq(auditLog.entityId, p.projectId), eq(auditLog.action, 'project.visit')))).toHaveLength(1);

    const list = await organiser.get('/en/manage/projects');
    expect(list.statusCode).toBe(200);
    expect(rowOf(list.body, p.projectId)).toContain('High risk');
  });

  it('evaluates on a scale of 15 only once the final report is in, refusing points above the scale', async () => {
    const { p, organiser, desk } = await deskOf();
    expect(organiser.lastResponse!.body).toContain('The final evaluation is made once the project is completed');
    const early = await organiser.post(`${desk}/evaluation`, evaluationForm(15, [14, 14, 13, 14, 14]));
    expect(early.statusCode).toBe(422);
    expect(early.body).toContain('it cannot be evaluated yet');

    // The final report is submitted: the evaluation may be made.
    const member = await actorOf(t.ctx, p.applicant.admin.id);
    const [indicator] = await t.ctx.db.select().from(projectIndicators).where(eq(projectIndicators.projectId, p.projectId));
    const saved = await saveReport(t.ctx, member, p.projectId, 2, {
      narrative: 'Жоба аяқталды.',
      beneficiaries: { female: { '18-29': 40 }, male: { '18-29': 35 } },
      values: [{ indicatorId: indicator!.id, actual: 3, evidence: 'https://example.kz/photos' }],
      spending: [],
    });
    if (!saved.ok) throw new Error(saved.key);
    expect(await submitReport(t.ctx, member, saved.reportId)).toEqual({ ok: true });
    const form = await organiser.get(desk);
    expect(form.body).toContain('Maximum points per criterion');

    const tooMany = await organiser.post(`${desk}/evaluation`, evaluationForm(15, [16, 14, 13, 14, 14]));
    expect(tooMany.statusCode).toBe(422);
    expect(tooMany.body).toContain('Points on “Relevance” must be between 0 and 15.');
    expect(tooMany.body).toContain('plan-fulfilment: қорытынды');
    const twoWrongs = await organiser.post(`${desk}/evaluation`, { ...evaluationForm(15, [14, 14, 13, 14, 20]), 'relevance.conclusion': '' });
    expect(twoWrongs.statusCode).toBe(422);
    expect(twoWrongs.body).toContain('Write the conclusion on “Relevance”.');
    expect(twoWrongs.body).toContain('Points on “Likelihood of a long-term positive social impact” must be between 0 and 15.');
    expect(await t.ctx.db.select().from(projectEvaluations).where(eq(projectEvaluations.projectId, p.projectId))).toHaveLength(0);

    const done = await organiser.post(`${desk}/evaluation`, evaluationForm(15, [14, 15, 13, 13.5, 14]));
    expect(done.statusCode).toBe(303);
    const shown = await organiser.follow();
    expect(shown.body).toContain('The final evaluation is saved.');
    expect(shown.body).toContain('Total: 69.5 of 75 points');
    const [evaluation] = await t.ctx.db.select().from(projectEvaluations).where(eq(projectEvaluations.projectId, p.projectId));
    expect(evaluation!.scaleMax).toBe(15);
    expect(evaluation!.scores.continuation).toEqual({ points: 13.5, conclusion: 'continuation: қорытынды' });

    const twice = await organiser.post(`${desk}/evaluation`, evaluationForm(5, [5, 5, 5, 5, 5]));
    expect(twice.statusCode).toBe(422);
    expect(twice.body).toContain('already has its final evaluation');
    expect(await t.ctx.db.select().from(auditLog).where(and(eq(auditLog.entityId, p.projectId), eq(auditLog.action, 'project.evaluate')))).toHaveLength(1);
  });

  it('evaluates a completed project on a scale of 5', async () => {
    const { p, organiser, desk } = await deskOf();
    expect(await changeProjectStatus(t.ctx, await actorOf(t.ctx, p.organiser.id), p.projectId, 'completed', 'Барлық есеп қабылданды')).toEqual({ ok: true });
    await organiser.get(desk);
    const scaleless = await organiser.post(`${desk}/evaluation`, evaluationForm(0, [0, 0, 0, 0, 0]));
    expect(scaleless.statusCode).toBe(422);
    expect(scaleless.body).toContain('Give the maximum as a whole number from 1 to 100');
    expect((await organiser.post(`${desk}/evaluation`, evaluationForm(5, [5, 5, 5, 5, 5]))).statusCode).toBe(303);
    expect((await organiser.follow()).body).toContain('Total: 25 of 25 points');
  });
});

describe('moderation of citizens’ comments', () => {
  it('lets the organiser and a platform admin publish or reject, and refuses the organisation’s own members', async () => {
    const { p, organiser } = await deskOf();
    const first = await leaveFeedback(t.ctx, ANONYMOUS, p.projectId, { authorName: 'Әсел', body: 'Кездесуге қатыстым, пайдалы болды.' });
    const second = await leaveFeedback(t.ctx, ANONYMOUS, p.projectId, { authorName: 'Spam', body: 'Buy cheap watches' });
    const statusOf = async (id: string) => (await t.ctx.db.select().from(projectFeedback).where(eq(projectFeedback.id, id)))[0]!.status;

    const member = await clientOf(t, p.applicant.admin.id);
    await member.get('/en/');
    expect((await member.post(`/en/manage/feedback/${first.id}`, { decision: 'publish' })).statusCode).toBe(403);
    expect((await member.get('/en/manage/projects')).statusCode).toBe(403);
    expect(await statusOf(first.id)).toBe('pending');

    const list = await organiser.get('/en/manage/projects');
    expect(list.body).toContain('Кездесуге қатыстым, пайдалы болды.');
    expect(rowOf(list.body, p.projectId)).toMatch(/<td class="num">2<\/td>\s*<\/tr>/);
    const published = await organiser.post(`/en/manage/feedback/${first.id}`, { decision: 'publish', from: 'list' });
    expect(published.statusCode).toBe(303);
    expect(published.headers.location).toBe('/en/manage/projects#queue');
    expect((await organiser.follow()).body).toContain('The comment is published on the project’s page.');
    expect(await statusOf(first.id)).toBe('published');

    const admin = await clientOf(t, (await makeUser(t.ctx, { roles: ['admin'] })).id);
    const queue = await admin.get('/en/manage/projects');
    expect(queue.statusCode).toBe(200);
    expect(queue.body).toContain('Buy cheap watches');
    expect(queue.body).not.toContain('Кездесуге қатыстым');
    const rejected = await admin.post(`/en/manage/feedback/${second.id}`, { decision: 'reject', from: 'desk' });
    expect(rejected.statusCode).toBe(303);
    // An admin does not monitor the project, so goes back to the queue rather than to a desk it may not open.
    expect(rejected.headers.location).toBe('/en/manage/projects#queue');
    expect(await statusOf(second.id)).toBe('rejected');

    const third = await leaveFeedback(t.ctx, ANONYMOUS, p.projectId, { authorName: 'Ерлан', body: 'Жақсы жоба' });
    const desk = await organiser.get(`/en/manage/projects/${p.projectId}`);
    expect(desk.body).toContain('Жақсы жоба');
    const fromDesk = await organiser.post(`/en/manage/feedback/${third.id}`, { decision: 'publish', from: 'desk' });
    expect(fromDesk.headers.location).toBe(`/en/manage/projects/${p.projectId}#feedback`);
    expect((await organiser.post(`/en/manage/feedback/${third.id}`, { decision: 'maybe' })).statusCode).toBe(400);
    expect((await organiser.post('/en/manage/feedback/00000000-0000-4000-8000-000000000000', { decision: 'publish' })).statusCode).toBe(404);
  });
});

describe('report reminders and missed deadlines', () => {
  it('reminds the organisation’s admins once, five days before the due date, then flags the project overdue', async () => {
    const p = await makeProject(t.ctx);
    const staff = await makeUser(t.ctx);
    await t.ctx.db.insert(organisationMembers).values({ organisationId: p.applicant.organisation.id, userId: staff.id, role: 'staff' });
    const [period] = await t.ctx.db.select().from(projectPeriods).where(and(eq(projectPeriods.projectId, p.projectId), eq(projectPeriods.number, 1)));
    expect(period!.reportDueOn).toBe('2027-07-10');
    const lettersTo = (email: string) => t.ctx.db.select().from(mailOutbox).where(and(eq(mailOutbox.to, email), like(mailOutbox.subject, 'Report for period 1 due%')));

    setNow('2027-06-20T05:00:00Z');
    await remindReports(t.ctx);
    expect(await lettersTo(p.applicant.admin.email)).toHaveLength(0);

    setNow('2027-07-05T05:00:00Z');
    const first = await remindReports(t.ctx);
    expect(first.reminded).toBeGreaterThanOrEqual(1);
    const letters = await lettersTo(p.applicant.admin.email);
    expect(letters).toHaveLength(1);
    expect(letters[0]!.subject).toContain('July 10, 2027');
    expect(letters[0]!.text).toContain(`/en/work/projects/${p.projectId}/reports/1`);
    expect(await lettersTo(staff.email)).toHaveLength(0);
    const second = await remindReports(t.ctx);
    expect(second.reminded).toBe(0);
    expect(await lettersTo(p.applicant.admin.email)).toHaveLength(1);

    setNow('2027-07-11T05:00:00Z');
    const late = await remindReports(t.ctx);
    expect(late.flagged).toBeGreaterThanOrEqual(1);
    const [row] = await t.ctx.db.select().from(projects).where(eq(projects.id, p.projectId));
    expect(row!.overdueSince).toBe('2027-07-11');
    expect((await remindReports(t.ctx)).flagged).toBe(0);
    const organiser = await clientOf(t, p.organiser.id);
    const list = await organiser.get('/en/manage/projects');
    expect(rowOf(list.body, p.projectId)).toContain('Report overdue since July 11, 2027');
    expect((await organiser.get(`/en/manage/projects/${p.projectId}`)).body).toContain('Report overdue since July 11, 2027');
    expect(await t.ctx.db.select().from(auditLog).where(and(eq(auditLog.entityId, p.projectId), eq(auditLog.action, 'project.overdue')))).toHaveLength(1);

    // The late report comes in: the flag goes at the next run.
    const member = await actorOf(t.ctx, p.applicant.admin.id);
    const [indicator] = await t.ctx.db.select().from(projectIndicators).where(eq(projectIndicators.projectId, p.projectId));
    const saved = await saveReport(t.ctx, member, p.projectId, 1, {
      narrative: 'Кешігіп тапсырылды.',
      beneficiaries: { female: {}, male: {} },
      values: [{ indicatorId: indicator!.id, actual: 1, evidence: '' }],
      spending: [],
    });
    if (!saved.ok) throw new Error(saved.key);
    expect(await submitReport(t.ctx, member, saved.reportId)).toEqual({ ok: true });
    expect((await remindReports(t.ctx)).cleared).toBeGreaterThanOrEqual(1);
    const [cleared] = await t.ctx.db.select().from(projects).where(eq(projects.id, p.projectId));
    expect(cleared!.overdueSince).toBeNull();
  });

  it('leaves alone a report handed in, and a suspended project', async () => {
    const handedIn = await makeProject(t.ctx);
    const member = await actorOf(t.ctx, handedIn.applicant.admin.id);
    const [indicator] = await t.ctx.db.select().from(projectIndicators).where(eq(projectIndicators.projectId, handedIn.projectId));
    const saved = await saveReport(t.ctx, member, handedIn.projectId, 1, {
      narrative: 'Бірінші кезең.',
      beneficiaries: { female: {}, male: {} },
      values: [{ indicatorId: indicator!.id, actual: 1, evidence: '' }],
      spending: [],
    });
    if (!saved.ok) throw new Error(saved.key);
    expect(await submitReport(t.ctx, member, saved.reportId)).toEqual({ ok: true });
    const suspended = await makeProject(t.ctx);
    await changeProjectStatus(t.ctx, await actorOf(t.ctx, suspended.organiser.id), suspended.projectId, 'suspended', 'Банк лицензиясынан айырылды');

    setNow('2027-07-05T05:00:00Z');
    await remindReports(t.ctx);
    setNow('2027-07-12T05:00:00Z');
    await remindReports(t.ctx);
    for (const p of [handedIn, suspended]) {
      const letters = await t.ctx.db.select().from(mailOutbox).where(and(eq(mailOutbox.to, p.applicant.admin.email), like(mailOutbox.subject, 'Report for period%')));
      expect(letters).toHaveLength(0);
      const [row] = await t.ctx.db.select().from(projects).where(eq(projects.id, p.projectId));
      expect(row!.overdueSince).toBeNull();
    }
  });
});

describe('who may reach the monitoring desk', () => {
  it('refuses another organiser, the organisation’s members and strangers the desk and its forms', async () => {
    const { p, desk } = await deskOf();
    const { id: feedbackId } = await leaveFeedback(t.ctx, ANONYMOUS, p.projectId, { authorName: 'Әсел', body: 'Пікір' });
    const otherUser = await makeUser(t.ctx, { roles: ['organiser'] });
    await makeOrganisation(t.ctx, { kind: 'state', members: [{ userId: otherUser.id, role: 'staff' }] });
    const other = await clientOf(t, otherUser.id);
    const list = await other.get('/en/manage/projects');
    expect(list.statusCode).toBe(200);
    expect(list.body).not.toContain(p.projectId);
    expect(list.body).not.toContain('Пікір');
    const member = await clientOf(t, p.applicant.admin.id);
    await member.get('/en/');
    for (const client of [other, member]) {
      expect((await client.get(desk)).statusCode).toBe(403);
      for (const action of ['status', 'visits', 'evaluation']) expect((await client.post(`${desk}/${action}`, {})).statusCode, action).toBe(403);
      expect((await client.post(`/en/manage/feedback/${feedbackId}`, {})).statusCode).toBe(403);
    }
    expect(await t.ctx.db.select().from(monitoringVisits).where(eq(monitoringVisits.projectId, p.projectId))).toHaveLength(0);
    const anonymous = new TestClient(t.app);
    const login = await anonymous.get(desk);
    expect(login.statusCode).toBe(303);
    expect(String(login.headers.location)).toMatch(/^\/en\/login\?next=/);
    expect((await anonymous.get('/en/manage/projects')).statusCode).toBe(303);
    expect((await (await clientOf(t, (await makeUser(t.ctx)).id)).get(desk)).statusCode).toBe(403);
    expect((await (await clientOf(t, p.organiser.id)).get('/en/manage/projects/00000000-0000-4000-8000-000000000000')).statusCode).toBe(404);
  });
});
