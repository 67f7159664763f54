import { and, eq, like } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SESSION_COOKIE } from '../../src/core/auth/sessions.ts';
import { mailOutbox } from '../../src/core/mail/schema.ts';
import { declareConflict } from '../../src/modules/competitions/declare-conflict.ts';
import { localDateTimeValue, parseLocalDateTime } from '../../src/core/format/local-time.ts';
import { applications, commissionMembers, competitions, lots } from '../../src/modules/competitions/schema.ts';
import { scoreApplication } from '../../src/modules/competitions/score-application.ts';
import { submitApplication } from '../../src/modules/competitions/submit-application.ts';
import { organisationMembers } from '../../src/modules/organisations/schema.ts';
import { type TestApp, TestClient, testApp } from '../support/app.ts';
import { actorOf, clientOf, completeApplication, makeApplicant, makeCompetition, makeOrganisation, makeUser, sampleLot } from '../support/competitions.ts';

const DAY = 86_400_000;
let t: TestApp;
beforeAll(async () => {
  t = await testApp({ TEST_CLOCK: '1' });
});
afterAll(() => t.close());

const rewind = () => t.ctx.clock.setOffset!(0);
const passDeadline = () => t.ctx.clock.setOffset!(8 * DAY);
const scoresOf = (points: number) =>
  ['relevance', 'goals', 'plan', 'capacity', 'budget', 'sustainability'].map((criterion) => ({ criterion, points, comment: `${criterion}: ${points}` }));

/** An organiser of a fresh state body, with no competitions yet. */
async function makeOrganiser() {
  const user = await makeUser(t.ctx, { roles: ['organiser'] });
  const body = await makeOrganisation(t.ctx, { kind: 'state', members: [{ userId: user.id, role: 'staff' }] });
  return { user, body, client: await clientOf(t, user.id) };
}

/** Posts a form whose fields repeat (checkboxes), as a browser does, with the client's session and CSRF token. */
async function postPairs(client: TestClient, url: string, pairs: [string, string][]) {
  const token = /name="_csrf" value="([^"]+)"/.exec(client.lastResponse?.body ?? '')?.[1] ?? '';
  const cookie = [SESSION_COOKIE, 'ortaq_csrf'].flatMap((name) => (client.cookie(name) ? [`${name}=${client.cookie(name)}`] : [])).join('; ');
  const res = await t.app.inject({
    method: 'POST',
    url,
    remoteAddress: client.remoteAddress,
    payload: new URLSearchParams([...pairs, ['_csrf', token]]).toString(),
    headers: { 'content-type': 'application/x-www-form-urlencoded', cookie },
  });
  client.lastResponse = res;
  return res;
}

/** The value an input of this name carries on the page. */
const inputValue = (html: string, name: string) => new RegExp(`name="${name.replace('.', '\\.')}"[^>]*value="([^"]*)"`).exec(html)?.[1];

describe('Kazakhstan time on forms', () => {
  it('reads and shows datetime-local values as Asia/Almaty time', () => {
    expect(parseLocalDateTime('2026-03-01T18:00')?.toISOString()).toBe('2026-03-01T13:00:00.000Z');
    expect(parseLocalDateTime('2026-03-01 18:00')?.toISOString()).toBe('2026-03-01T13:00:00.000Z');
    expect(parseLocalDateTime('2026-02-30T10:00')).toBeNull();
    expect(parseLocalDateTime('tomorrow')).toBeNull();
    expect(localDateTimeValue(new Date('2026-12-31T20:30:00Z'))).toBe('2027-01-01T01:30');
  });
});

describe('the organiser announces a competition', () => {
  const form = (over: Record<string, string> = {}) => ({
    instrument: 'grant',
    ruleVersionId: 'grant-2022',
    year: '2026',
    regionCode: 'KZ-33',
    titleKk: 'Жетісу жастары 2027',
    titleRu: 'Молодёжь Жетысу 2027',
    titleEn: '',
    descriptionKk: 'Жастар саясаты бойынша гранттар',
    descriptionRu: 'Гранты по молодёжной политике',
    announcedAt: '2026-12-01T10:00',
    deadlineAt: '2026-12-20T18:00',
    admissionUntil: '2026-12-25T18:00',
    evaluationUntil: '2026-12-28T18:00',
    resultsDueAt: '2026-12-30T18:00',
    lotRows: '3',
    'lot0.titleKk': 'Ауыл жастары',
    'lot0.titleRu': 'Сельская молодёжь',
    'lot0.area': 'youth',
    'lot0.regionCode': '',
    'lot0.budget': '3 000 000',
    'lot0.durationType': 'short',
    'lot0.indicators': 'Дөңгелек үстел / Круглый стол | дана / шт. | 3\nПайда алушылар / Благополучатели | адам / чел. | 1 000',
    'lot1.titleKk': 'Мектеп кітапханалары',
    'lot1.titleRu': 'Школьные библиотеки',
    'lot1.area': 'education-science-sport',
    'lot1.regionCode': 'KZ-19',
    'lot1.budget': '1 000 000',
    'lot1.durationType': 'short',
    'lot1.indicators': '',
    'lot2.titleKk': '',
    'lot2.titleRu': '',
    'lot2.area': '',
    'lot2.regionCode': '',
    'lot2.budget': '',
    'lot2.durationType': 'short',
    'lot2.indicators': '',
    ...over,
  });

  it('refuses a lot outside the MCI limits by name, keeping every value, then announces two lots', async () => {
    rewind();
    const { body, client } = await makeOrganiser();
    const page = await client.get('/en/manage/competitions/new');
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Announce a competition');
    expect(page.body).toContain(`value="${body.id}"`);

    // 1,000,000 tenge is below 500 MCI of 2026 (4,325 tenge each) for a short grant.
    const refused = await client.post('/en/manage/competitions/new', { ...form(), organiserId: body.id });
    expect(refused.statusCode).toBe(422);
    expect(refused.body).toContain('Lot 2 “Школьные библиотеки”: the budget must be from 500 to 3,000 MCI (₸2,162,500 to ₸12,975,000)');
    expect(inputValue(refused.body, 'lot1.budget')).toBe('1 000 000');
    expect(inputValue(refused.body, 'titleKk')).toBe('Жетісу жастары 2027');
    expect(inputValue(refused.body, 'announcedAt')).toBe('2026-12-01T10:00');
    expect(refused.body).toContain('Дөңгелек үстел / Круглый стол | дана / шт. | 3');

    // A field error on a lot row names the lot too.
    const badIndicators = await client.post('/en/manage/competitions/new', { ...form({ 'lot1.budget': '5 000 000', 'lot1.indicators': 'just words' }), organiserId: body.id });
    expect(badIndicators.statusCode).toBe(422);
    expect(badIndicators.body).toContain('Lot 2: line 1 of the indicators');

    // Without JavaScript, "add rows" brings the form back with more empty rows and nothing lost.
    const more = await client.post('/en/manage/competitions/new', { ...form(), organiserId: body.id, addRows: '1' });
    expect(more.statusCode).toBe(200);
    expect(inputValue(more.body, 'lotRows')).toBe('6');
    expect(more.body).toContain('name="lot5.titleKk"');
    expect(inputValue(more.body, 'lot0.titleKk')).toBe('Ауыл жастары');

    const done = await client.post('/en/manage/competitions/new', { ...form({ 'lot1.budget': '5 000 000' }), organiserId: body.id });
    expect(done.statusCode).toBe(303);
    const location = String(done.headers.location);
    expect(location).toMatch(/^\/en\/manage\/competitions\/[0-9a-f-]{36}$/);
    const desk = await client.follow();
    expect(desk.statusCode).toBe(200);
    expect(desk.body).toContain('The competition is announced.');
    expect(desk.body).toContain('Сельская молодёжь');
    expect(desk.body).toContain('Школьные библиотеки');

    const id = location.split('/').pop()!;
    const [row] = await t.ctx.db.select().from(competitions).where(eq(competitions.id, id));
    expect(row).toMatchObject({ organiserId: body.id, instrument: 'grant', year: 2026, regionCode: 'KZ-33', stage: 'announced', titleEn: null });
    expect(row!.announcedAt.toISOString()).toBe('2026-12-01T05:00:00.000Z');
    expect(row!.deadlineAt.toISOString()).toBe('2026-12-20T13:00:00.000Z');
    const lotRows = await t.ctx.db.select().from(lots).where(eq(lots.competitionId, id)).orderBy(lots.number);
    expect(lotRows.map((l) => [l.number, l.regionCode, l.budgetTiyn, l.area])).toEqual([
      [1, 'KZ-33', 300_000_000, 'youth'],
      [2, 'KZ-19', 500_000_000, 'education-science-sport'],
    ]);
    expect(lotRows[0]!.indicators).toEqual([
      { name: { kk: 'Дөңгелек үстел', ru: 'Круглый стол' }, unit: { kk: 'дана', ru: 'шт.' }, target: 3 },
      { name: { kk: 'Пайда алушылар', ru: 'Благополучатели' }, unit: { kk: 'адам', ru: 'чел.' }, target: 1000 },
    ]);

    const list = await client.get('/en/manage/competitions');
    expect(list.statusCode).toBe(200);
    expect(list.body).toContain(row!.number);
    expect(list.body).toContain(`/en/manage/competitions/${id}`);
  });

  it('keeps an organiser to their own bodies, and everyone else out', async () => {
    rewind();
    const mine = await makeOrganiser();
    const other = await makeOrganiser();
    await mine.client.get('/en/manage/competitions/new');
    const refused = await mine.client.post('/en/manage/competitions/new', { ...form(), organiserId: other.body.id });
    expect(refused.statusCode).toBe(422);
    expect(await t.ctx.db.select().from(competitions).where(eq(competitions.organiserId, other.body.id))).toHaveLength(0);

    const plain = await clientOf(t, (await makeUser(t.ctx)).id);
    expect((await plain.get('/en/manage/competitions')).statusCode).toBe(403);
    expect((await plain.get('/en/manage/competitions/new')).statusCode).toBe(403);
    const anonymous = new TestClient(t.app);
    const login = await anonymous.get('/en/manage/competitions');
    expect(login.statusCode).toBe(303);
    expect(String(login.headers.location)).toMatch(/^\/en\/login\?next=/);
  });
});

describe('the desk, from admission to re-announcing failed lots', () => {
  it('decides admission with e-mails, names an odd commission, shows progress with a recused expert, publishes and re-announces', async () => {
    rewind();
    const c = await makeCompetition(t.ctx, { lots: [sampleLot(), sampleLot({ titleKk: 'Ешкім жоқ', titleRu: 'Никого', titleEn: 'Nobody applied' })] });
    const [lot1, lot2] = c.lots;
    const applicants = await Promise.all([1, 2, 3].map(() => makeApplicant(t.ctx, c.year)));
    const [one, two, three] = applicants;
    const ids: string[] = [];
    for (const [i, a] of applicants.entries()) {
      const id = await completeApplication(t.ctx, a.admin.id, a.organisation.id, lot1!.id, { requestedTiyn: 250_000_000 + i * 10_000_000 });
      const submitted = await submitApplication(t.ctx, await actorOf(t.ctx, a.admin.id), id);
      expect(submitted.ok).toBe(true);
      ids.push(id);
    }
    const [a1, a2, a3] = ids as [string, string, string];
    const [r1] = await t.ctx.db.select().from(applications).where(eq(applications.id, a1));
    const [r3] = await t.ctx.db.select().from(applications).where(eq(applications.id, a3));

    const organiser = await clientOf(t, c.organiser.id);
    const deskUrl = `/en/manage/competitions/${c.competitionId}`;
    const accepting = await organiser.get(deskUrl);
    expect(accepting.statusCode).toBe(200);
    expect(accepting.body).toContain('Accepting applications');
    expect(accepting.body).not.toContain('/admission"');

    passDeadline();
    const admission = await organiser.get(deskUrl);
    expect(admission.body).toContain('Admission check');
    expect(admission.body).toContain(r1!.receiptNumber!);
    expect(admission.body).toContain(`/en/manage/applications/${a1}/admission`);
    expect(admission.body).toContain('3 applications await your admission decision.');

    // Refusing needs a reason, in the reader's language; the form comes back with the application.
    const noReason = await organiser.post(`/en/manage/applications/${a3}/admission`, { decision: 'refuse', reason: '  ' });
    expect(noReason.statusCode).toBe(422);
    expect(noReason.body).toContain('Write the reason for refusal');
    expect(noReason.body).toContain(`Application ${r3!.receiptNumber}`);
    const noReasonKk = await organiser.post(`/kk/manage/applications/${a3}/admission`, { decision: 'refuse' });
    expect(noReasonKk.statusCode).toBe(422);
    expect(noReasonKk.body).toContain('Бас тарту себебін жазыңыз');

    const refused = await organiser.post(`/en/manage/applications/${a3}/admission`, { decision: 'refuse', reason: 'The charter does not allow youth work' });
    expect(refused.statusCode).toBe(303);
    expect(String(refused.headers.location)).toBe(`${deskUrl}#application-${a3}`);
    for (const id of [a1, a2]) expect((await organiser.post(`/en/manage/applications/${id}/admission`, { decision: 'admit' })).statusCode).toBe(303);
    const mails = async (to: string, subject: string) => t.ctx.db.select().from(mailOutbox).where(and(eq(mailOutbox.to, to), like(mailOutbox.subject, subject)));
    const refusal = await mails(three!.admin.email, '%not admitted%');
    expect(refusal).toHaveLength(1);
    expect(refusal[0]!.text).toContain('The charter does not allow youth work');
    expect(await mails(one!.admin.email, '%admitted%')).toHaveLength(1);
    expect(await mails(two!.admin.email, '%admitted%')).toHaveLength(1);
    const decided = await organiser.follow();
    expect(decided.body).toContain('Every application is decided.');

    const page = await organiser.get(`/en/manage/applications/${a1}`);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Admitted');

    // The commission: an even number is refused and the choice kept; five are named.
    const experts = await Promise.all([1, 2, 3, 4, 5].map((i) => makeUser(t.ctx, { roles: ['expert'], name: `Expert ${i}` })));
    await t.ctx.db.insert(organisationMembers).values({ organisationId: one!.organisation.id, userId: experts[3]!.id, role: 'staff' });
    await organiser.get(deskUrl);
    const even = await organiser.post(`${deskUrl}/commission`, { expertIds: experts[0]!.id });
    expect(even.statusCode).toBe(422);
    const fourIds = experts.slice(0, 4).map((e) => e.id);
    const four = await postPairs(organiser, `${deskUrl}/commission`, fourIds.map((id) => ['expertIds', id]));
    expect(four.statusCode).toBe(422);
    expect(four.body).toContain('A commission has an odd number of experts, from 3 to 15.');
    for (const id of fourIds) expect(four.body).toMatch(new RegExp(`value="${id}" checked`));
    expect(await t.ctx.db.select().from(commissionMembers).where(eq(commissionMembers.competitionId, c.competitionId))).toHaveLength(0);

    const five = await postPairs(organiser, `${deskUrl}/commission`, experts.map((e) => ['expertIds', e.id]));
    expect(five.statusCode).toBe(303);
    expect(await t.ctx.db.select().from(commissionMembers).where(eq(commissionMembers.competitionId, c.competitionId))).toHaveLength(5);

    await organiser.get(deskUrl);
    expect((await organiser.post(`${deskUrl}/evaluation`, {})).statusCode).toBe(303);

    // Experts at work: the fourth is staff of the first applicant, and the system recuses them.
    const [e1, e2, e3, e4] = await Promise.all(experts.map((e) => actorOf(t.ctx, e.id)));
    expect(await declareConflict(t.ctx, e4!, a1, { hasConflict: false })).toEqual({ ok: false, key: 'competitions.error.member-of-applicant' });
    for (const [expert, p1, p2] of [
      [e1!, 8, 6],
      [e2!, 9, 7],
      [e3!, 7, 7],
    ] as const) {
      for (const a of [a1, a2]) await declareConflict(t.ctx, expert, a, { hasConflict: false });
      expect(await scoreApplication(t.ctx, expert, a1, scoresOf(p1))).toEqual({ ok: true });
      expect(await scoreApplication(t.ctx, expert, a2, scoresOf(p2))).toEqual({ ok: true });
    }
    const progress = await organiser.get(deskUrl);
    expect(progress.body).toContain('Scoring progress');
    const rowOf = (html: string, id: string) => {
      const start = html.indexOf(`/en/manage/applications/${id}"`, html.indexOf('manage-progress'));
      return html.slice(start, html.indexOf('</tr>', start));
    };
    const row1 = rowOf(progress.body, a1);
    const row2 = rowOf(progress.body, a2);
    expect(row1.match(/Recused \(conflict of interest\)/g)).toHaveLength(1);
    expect(row1.match(/>Scored</g)).toHaveLength(3);
    expect(row1).toContain('Met: 3 of 3 needed');
    expect(row2).not.toContain('Recused');
    expect(row2).toContain('Not yet: 3 of 4 needed');

    // Publishing without a quorum on the second application is refused, and says which one.
    const early = await organiser.post(`${deskUrl}/results`, {});
    expect(early.statusCode).toBe(422);
    const [r2] = await t.ctx.db.select().from(applications).where(eq(applications.id, a2));
    expect(early.body).toContain(`Application ${r2!.receiptNumber} has not been scored by a quorum`);

    await declareConflict(t.ctx, e4!, a2, { hasConflict: false });
    expect(await scoreApplication(t.ctx, e4!, a2, scoresOf(7))).toEqual({ ok: true });
    expect((await organiser.post(`${deskUrl}/results`, {})).statusCode).toBe(303);
    const results = await organiser.follow();
    expect(results.body).toContain('Results published');
    expect(results.body).toContain('Failed: no applications were received');
    expect(results.body).toMatch(/Winner: .*award/);
    const [l1] = await t.ctx.db.select().from(lots).where(eq(lots.id, lot1!.id));
    const [l2] = await t.ctx.db.select().from(lots).where(eq(lots.id, lot2!.id));
    expect(l1).toMatchObject({ outcome: 'awarded', winnerApplicationId: a1 });
    expect(l2).toMatchObject({ outcome: 'failed', failureReason: 'no-applications' });

    // Re-announcing the failed lot: bad dates come back, good ones make a new competition linked to the old lot.
    const now = t.ctx.clock.now().getTime();
    const dates = {
      announcedAt: localDateTimeValue(new Date(now + DAY)),
      deadlineAt: localDateTimeValue(new Date(now + 10 * DAY)),
      admissionUntil: localDateTimeValue(new Date(now + 12 * DAY)),
      evaluationUntil: localDateTimeValue(new Date(now + 14 * DAY)),
      resultsDueAt: localDateTimeValue(new Date(now + 16 * DAY)),
    };
    const badDates = await organiser.post(`${deskUrl}/reannounce`, { ...dates, deadlineAt: 'next week' });
    expect(badDates.statusCode).toBe(422);
    expect(badDates.body).toContain('Enter a date and time');
    expect(inputValue(badDates.body, 'announcedAt')).toBe(dates.announcedAt);
    const again = await organiser.post(`${deskUrl}/reannounce`, dates);
    expect(again.statusCode).toBe(303);
    const newId = String(again.headers.location).split('/').pop()!;
    expect(newId).not.toBe(c.competitionId);
    const newLots = await t.ctx.db.select().from(lots).where(eq(lots.competitionId, newId));
    expect(newLots).toHaveLength(1);
    expect(newLots[0]).toMatchObject({ reannouncedFromId: lot2!.id, titleRu: 'Никого', budgetTiyn: lot2!.budgetTiyn });
    const newDesk = await organiser.follow();
    expect(newDesk.body).toContain('Re-announces the failed lot');
    const oldDesk = await organiser.get(deskUrl);
    expect(oldDesk.body).toContain('Re-announced as');
    // Pressing the button again does not announce the same lots twice.
    const twice = await organiser.post(`${deskUrl}/reannounce`, dates);
    expect(twice.statusCode).toBe(422);
    expect(twice.body).toContain('have already been announced again');
    expect(await t.ctx.db.select().from(lots).where(eq(lots.reannouncedFromId, lot2!.id))).toHaveLength(1);

    // The desk reads in every language.
    for (const lang of ['kk', 'ru']) {
      for (const url of [`/${lang}/manage/competitions`, `/${lang}/manage/competitions/${c.competitionId}`, `/${lang}/manage/applications/${a3}`]) {
        expect((await organiser.get(url)).statusCode, url).toBe(200);
      }
    }
    expect((await organiser.get(`/ru/manage/competitions/${c.competitionId}`)).body).toContain('Итоги опубликованы');
    rewind();
  });

  it('refuses the desk, its forms and its applications to an organiser of another body', async () => {
    rewind();
    const c = await makeCompetition(t.ctx);
    const applicant = await makeApplicant(t.ctx, c.year);
    const appId = await completeApplication(t.ctx, applicant.admin.id, applicant.organisation.id, c.lots[0]!.id);
    await submitApplication(t.ctx, await actorOf(t.ctx, applicant.admin.id), appId);
    const drafter = await makeApplicant(t.ctx, c.year);
    const draft = await completeApplication(t.ctx, drafter.admin.id, drafter.organisation.id, c.lots[0]!.id);
    passDeadline();
    const other = await makeOrganiser();
    await other.client.get('/en/manage/competitions');
    const deskUrl = `/en/manage/competitions/${c.competitionId}`;
    expect((await other.client.get(deskUrl)).statusCode).toBe(403);
    for (const action of ['commission', 'evaluation', 'results', 'reannounce']) {
      const res = await other.client.post(`${deskUrl}/${action}`, {});
      expect(res.statusCode, action).toBe(403);
    }
    expect((await other.client.get(`/en/manage/applications/${appId}`)).statusCode).toBe(403);
    expect((await other.client.post(`/en/manage/applications/${appId}/admission`, { decision: 'admit' })).statusCode).toBe(403);
    // The applicant's own admin is no organiser either.
    const member = await clientOf(t, applicant.admin.id);
    await member.get('/en/');
    expect((await member.get(deskUrl)).statusCode).toBe(403);
    expect((await member.post(`/en/manage/applications/${appId}/admission`, { decision: 'admit' })).statusCode).toBe(403);
    const [row] = await t.ctx.db.select().from(applications).where(eq(applications.id, appId));
    expect(row!.status).toBe('submitted');
    // The organiser sees applications once submitted: a draft is the applicant's own.
    const organiser = await clientOf(t, c.organiser.id);
    expect((await organiser.get(`/en/manage/applications/${draft}`)).statusCode).toBe(404);
    expect((await organiser.get(`/en/manage/applications/${appId}`)).statusCode).toBe(200);
    // A missing competition is not found, for its organiser or anyone.
    expect((await other.client.get('/en/manage/competitions/00000000-0000-4000-8000-000000000000')).statusCode).toBe(404);
    rewind();
  });
});
