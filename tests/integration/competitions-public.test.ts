import { execFileSync } from 'node:child_process';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatters } from '../../src/core/format/intl.ts';
import { insertCompetition } from '../../src/modules/competitions/announce-competition.ts';
import { decideAdmission } from '../../src/modules/competitions/decide-admission.ts';
import { declareConflict } from '../../src/modules/competitions/declare-conflict.ts';
import { nameCommission } from '../../src/modules/competitions/name-commission.ts';
import { publishResults } from '../../src/modules/competitions/publish-results.ts';
import { competitions, lots } from '../../src/modules/competitions/schema.ts';
import { scoreApplication } from '../../src/modules/competitions/score-application.ts';
import { startEvaluation } from '../../src/modules/competitions/start-evaluation.ts';
import { submitApplication } from '../../src/modules/competitions/submit-application.ts';
import { organisations } from '../../src/modules/organisations/schema.ts';
import { TestClient, type TestApp, testApp } from '../support/app.ts';
import { actorOf, clientOf, completeApplication, makeApplicant, makeCompetition, makeUser, sampleLot } from '../support/competitions.ts';

const DAY = 86_400_000;
const pdfText = (bytes: Buffer) => execFileSync('/usr/bin/pdftotext', ['-enc', 'UTF-8', '-', '-'], { input: bytes }).toString('utf8');

const EXPERT_NAMES = ['Әлия Нұрланқызы Сейітова', 'Бауыржан Ғалымұлы Омаров', 'Гүлнар Төлегенқызы Жақсыбекова'];
const WINNER = { kk: '«Көксу Жастары» қоғамдық бірлестігі', ru: 'Общественное объединение «Коксу Жастары»' };
const SECOND = { kk: '«Үш ұрпақ» қоғамдық қоры', ru: 'Общественный фонд «Уш урпак»' };
const REFUSED = { kk: '«Жарқын болашақ» қоры', ru: 'Фонд «Жаркын болашак»' };
const REFUSAL_REASON = 'Жарғының көшірмесі қол қойылмаған';

let t: TestApp;
let anonymous: TestClient;

/** The competitions of this file, by what each is for. */
const c = {} as Record<'published' | 'accepting' | 'upcoming' | 'admission' | 'evaluation' | 'draft' | 'national2019' | 'reannounced', string>;
let published: Awaited<ReturnType<typeof makeCompetition>>;
let accepting: Awaited<ReturnType<typeof makeCompetition>>;
let draftOrganiserId: string;
let winnerBin: string;
let refusedBin: string;
let reannouncedLotId: string;

const scoresOf = (points: number) =>
  ['relevance', 'goals', 'plan', 'capacity', 'budget', 'sustainability'].map((criterion) => ({ criterion, points, comment: `${criterion}: ${points}` }));

async function rename(id: string, name: { kk: string; ru: string }) {
  const [org] = await t.ctx.db.update(organisations).set({ nameKk: name.kk, nameRu: name.ru, nameEn: null }).where(eq(organisations.id, id)).returning();
  return org!;
}

/** A grant competition taken through the whole flow to published results, as competitions-flow.test.ts does. */
async function publishedCompetition() {
  t.ctx.clock.setOffset!(0);
  const comp = await makeCompetition(t.ctx, { lots: [sampleLot(), sampleLot({ titleKk: 'Ешкім өтінім бермеген лот', titleRu: 'Лот без заявок', titleEn: 'Nobody applied' })] });
  const [lot1] = comp.lots;
  const applicants = await Promise.all([1, 2, 3].map(() => makeApplicant(t.ctx, comp.year)));
  const [one, two, three] = applicants;
  winnerBin = (await rename(one!.organisation.id, WINNER)).bin;
  await rename(two!.organisation.id, SECOND);
  refusedBin = (await rename(three!.organisation.id, REFUSED)).bin;
  const ids: string[] = [];
  for (const [a, amount] of [
    [one!, 250_000_000],
    [two!, 280_000_000],
    [three!, 200_000_000],
  ] as const) {
    const id = await completeApplication(t.ctx, a.admin.id, a.organisation.id, lot1!.id, { requestedTiyn: amount });
    const submitted = await submitApplication(t.ctx, await actorOf(t.ctx, a.admin.id), id);
    expect(submitted.ok).toBe(true);
    ids.push(id);
  }
  const [a1, a2, a3] = ids as [string, string, string];
  t.ctx.clock.setOffset!(8 * DAY);
  const organiser = await actorOf(t.ctx, comp.organiser.id);
  const experts = await Promise.all(EXPERT_NAMES.map((name) => makeUser(t.ctx, { roles: ['expert'], name })));
  expect(await nameCommission(t.ctx, organiser, comp.competitionId, experts.map((e) => e.id))).toEqual({ ok: true });
  expect(await decideAdmission(t.ctx, organiser, a1, { admit: true })).toEqual({ ok: true });
  expect(await decideAdmission(t.ctx, organiser, a2, { admit: true })).toEqual({ ok: true });
  expect(await decideAdmission(t.ctx, organiser, a3, { admit: false, reason: REFUSAL_REASON })).toEqual({ ok: true });
  expect(await startEvaluation(t.ctx, organiser, comp.competitionId)).toEqual({ ok: true });
  for (const [expert, p1, p2] of [
    [experts[0]!, 8, 6],
    [experts[1]!, 9, 7],
    [experts[2]!, 7, 7],
  ] as const) {
    const actor = await actorOf(t.ctx, expert.id);
    for (const a of [a1, a2]) expect(await declareConflict(t.ctx, actor, a, { hasConflict: false })).toEqual({ ok: true });
    expect(await scoreApplication(t.ctx, actor, a1, scoresOf(p1))).toEqual({ ok: true });
    expect(await scoreApplication(t.ctx, actor, a2, scoresOf(p2))).toEqual({ ok: true });
  }
  expect((await publishResults(t.ctx, organiser, comp.competitionId)).ok).toBe(true);
  t.ctx.clock.setOffset!(0);
  return comp;
}

beforeAll(async () => {
  t = await testApp({ TEST_CLOCK: '1' });
  anonymous = new TestClient(t.app);
  published = await publishedCompetition();
  c.published = published.competitionId;

  const now = t.ctx.clock.now().getTime();
  // Taking applications, in Almaty city, as state social order.
  accepting = await makeCompetition(t.ctx, { instrument: 'social-order', lots: [sampleLot({ regionCode: 'KZ-75' })] });
  c.accepting = accepting.competitionId;
  await t.ctx.db.update(competitions).set({ regionCode: 'KZ-75' }).where(eq(competitions.id, c.accepting));
  // Announced for tomorrow, closing in twenty days.
  c.upcoming = (await makeCompetition(t.ctx, { openForMs: 20 * DAY })).competitionId;
  await t.ctx.db
    .update(competitions)
    .set({ announcedAt: new Date(now + DAY) })
    .where(eq(competitions.id, c.upcoming));
  // A prize whose deadline has passed: admission is being checked.
  c.admission = (await makeCompetition(t.ctx, { instrument: 'prize', openForMs: -DAY })).competitionId;
  // A commission sitting.
  c.evaluation = (await makeCompetition(t.ctx, { openForMs: -20 * DAY })).competitionId;
  await t.ctx.db.update(competitions).set({ stage: 'evaluation' }).where(eq(competitions.id, c.evaluation));
  // A draft, which the public never sees.
  const draft = await makeCompetition(t.ctx, { stage: 'draft' });
  c.draft = draft.competitionId;
  draftOrganiserId = draft.organiser.id;
  // A national competition of 2019 with a lot in Almaty region and one for the whole country.
  c.national2019 = (
    await makeCompetition(t.ctx, { year: 2019, openForMs: -2 * DAY, lots: [sampleLot({ regionCode: 'KZ-19' }), sampleLot({ regionCode: 'KZ', titleKk: 'Республикалық лот' })] })
  ).competitionId;
  await t.ctx.db.update(competitions).set({ regionCode: null }).where(eq(competitions.id, c.national2019));
  // The failed lot 2 of the published competition, announced again.
  const [old] = await t.ctx.db.select().from(competitions).where(eq(competitions.id, c.published));
  const failedLot = published.lots[1]!;
  c.reannounced = await t.ctx.db.transaction((tx) =>
    insertCompetition(
      tx,
      {
        organiserId: old!.organiserId,
        instrument: 'grant',
        ruleVersionId: old!.ruleVersionId,
        year: old!.year,
        regionCode: old!.regionCode,
        titleKk: 'Қайта жарияланған конкурс',
        titleRu: 'Повторный конкурс',
        announcedAt: new Date(now - DAY),
        deadlineAt: new Date(now + 10 * DAY),
        admissionUntil: new Date(now + 20 * DAY),
        evaluationUntil: new Date(now + 30 * DAY),
        resultsDueAt: new Date(now + 40 * DAY),
        lots: [{ ...sampleLot({ titleEn: 'Nobody applied' }), reannouncedFromId: failedLot.id }],
      },
      published.organiser.id,
    ),
  );
  [{ id: reannouncedLotId }] = (await t.ctx.db.select({ id: lots.id }).from(lots).where(eq(lots.competitionId, c.reannounced))) as [{ id: string }];
}, 60_000);
afterAll(() => t.close());

const linkedIds = (html: string) => [...new Set([...html.matchAll(/<th scope="row"><a href="\/(?:kk|ru|en)\/competitions\/([0-9a-f-]{36})"/g)].map((m) => m[1]!))];
const sorted = (ids: string[]) => [...ids].sort();

describe('the list of competitions', () => {
  it('shows announced and past competitions, never a draft, with their facts', async () => {
    const res = await anonymous.get('/kk/competitions');
    expect(res.statusCode).toBe(200);
    expect(res.body.match(/<h1[ >]/g)).toHaveLength(1);
    const ids = linkedIds(res.body);
    expect(sorted(ids)).toEqual(sorted([c.published, c.accepting, c.upcoming, c.admission, c.evaluation, c.national2019, c.reannounced]));
    expect(ids).not.toContain(c.draft);
    // Those taking applications come first, soonest deadline first.
    expect(ids.slice(0, 2)).toEqual([c.accepting, c.reannounced]);
    expect(res.body).toContain('7 конкурс');
    const at = res.body.indexOf(c.national2019);
    const row = res.body.slice(res.body.lastIndexOf('<tr', at), res.body.indexOf('</tr>', at));
    expect(row).toContain('Республикалық');
    expect(row).toContain('<td>2019</td>');
    expect(row).toContain('Жіберу тексерісі');
    // Every filter has a label.
    for (const name of ['instrument', 'status', 'region', 'year']) expect(res.body).toMatch(new RegExp(`<label for="field-${name}">`));
    expect(res.body).toContain('<caption id="competition-table-caption">');
  });

  it('filters by instrument, phase, region and year, with counts beside each choice', async () => {
    const ids = async (query: string) => sorted(linkedIds((await anonymous.get(`/kk/competitions?${query}`)).body));
    expect(await ids('instrument=prize')).toEqual([c.admission]);
    expect(await ids('instrument=social-order')).toEqual([c.accepting]);
    expect(await ids('status=accepting')).toEqual(sorted([c.accepting, c.reannounced]));
    expect(await ids('status=upcoming')).toEqual([c.upcoming]);
    expect(await ids('status=admission')).toEqual(sorted([c.admission, c.national2019]));
    expect(await ids('status=evaluation')).toEqual([c.evaluation]);
    expect(await ids('status=results')).toEqual([c.published]);
    // A national competition belongs to the region of its lots; a competition of a region to it.
    expect(await ids('region=KZ-19')).toEqual([c.national2019]);
    expect(await ids('region=KZ-75')).toEqual([c.accepting]);
    expect(await ids('region=KZ-33&status=results')).toEqual([c.published]);
    expect(await ids('year=2019')).toEqual([c.national2019]);
    expect(await ids('year=2019&instrument=prize')).toEqual([]);
    // An empty value means "any", as a plain form sends it.
    expect(await ids('instrument=&status=&region=&year=')).toHaveLength(7);
    const page = (await anonymous.get('/ru/competitions?status=admission')).body;
    expect(page).toContain('2 конкурса');
    expect(page).toContain('<option value="prize">Премия для НПО (1)</option>');
    expect(page).toContain('<option value="admission" selected>Проверка допуска (2)</option>');
    expect(page).toContain('<option value="KZ-19">Алматинская область (1)</option>');
  });

  it('reads the phase from the server clock: after the deadline a competition is no longer accepting', async () => {
    const ids = async (query: string) => sorted(linkedIds((await anonymous.get(`/kk/competitions?${query}`)).body));
    t.ctx.clock.setOffset!(8 * DAY);
    try {
      expect(await ids('status=accepting')).toEqual(sorted([c.upcoming, c.reannounced]));
      expect(await ids('status=admission')).toEqual(sorted([c.accepting, c.admission, c.national2019]));
    } finally {
      t.ctx.clock.setOffset!(0);
    }
  });

  it('pages through the list and refuses a malformed filter', async () => {
    const first = await anonymous.get('/en/competitions?pageSize=3');
    expect(linkedIds(first.body)).toHaveLength(3);
    expect(first.body).toContain('Page 1 of 3');
    expect(first.body).toContain('href="/en/competitions?page=2&amp;pageSize=3"');
    const last = await anonymous.get('/en/competitions?pageSize=3&page=3');
    expect(linkedIds(last.body)).toHaveLength(1);
    expect((await anonymous.get('/kk/competitions?status=draft')).statusCode).toBe(400);
    expect((await anonymous.get('/kk/competitions?region=KZ-99')).statusCode).toBe(400);
  });
});

describe('a competition’s page', () => {
  it('shows the facts, the timeline with the current step, and the lots with an Apply link while accepting', async () => {
    const res = await anonymous.get(`/kk/competitions/${c.accepting}`);
    expect(res.statusCode).toBe(200);
    expect(res.body.match(/<h1[ >]/g)).toHaveLength(1);
    expect(res.body).toContain('<h1>Сынақ конкурсы</h1>');
    expect(res.body).toContain('Мемлекеттік әлеуметтік тапсырыс');
    expect(res.body).toContain(`href="/kk/organisations/${accepting.organiserBody.bin}"`);
    const current = [...res.body.matchAll(/<li class="timeline-step timeline-step--current" aria-current="step"><span class="timeline-label">([^<]+)</g)];
    expect(current.map((m) => m[1])).toEqual(['Өтінім қабылдаудың аяқталуы']);
    const [row] = await t.ctx.db.select().from(competitions).where(eq(competitions.id, c.accepting));
    expect(res.body).toContain(`<time datetime="${row!.deadlineAt.toISOString()}">${formatters('kk').dateTime(row!.deadlineAt)}</time>`);
    // The lot: title, region, budget, duration, indicators, and the way to apply.
    expect(res.body).toContain('Жастар саясаты');
    expect(res.body).toContain('<td>Алматы</td>');
    expect(res.body).toContain(formatters('kk').money(300_000_000));
    expect(res.body).toContain('Қысқа мерзімді');
    expect(res.body).toContain('Дөңгелек үстел — 3 дана');
    expect(res.body).toContain(`href="/kk/competitions/${c.accepting}/lots/${accepting.lots[0]!.id}/apply"`);
    expect(res.body).toMatch(/<caption id="lots-caption">/);
    expect(res.body).toMatch(/<th scope="col">Лот<\/th>/);
    // No counts of applications, and no results, before the deadline.
    expect(res.body).not.toContain('Түскен өтінімдер');
    expect(res.body).not.toContain('results-heading');
  });

  it('says a national competition and a lot for the whole country are national, and counts applications after the deadline', async () => {
    const body = (await anonymous.get(`/kk/competitions/${c.national2019}`)).body;
    expect(body).toContain('<dt>Өңір</dt><dd>Республикалық</dd>');
    const lot2 = body.slice(body.indexOf('<tr id="lot-2">'), body.indexOf('</tr>', body.indexOf('<tr id="lot-2">')));
    expect(lot2).toContain('Республикалық лот');
    expect(lot2).toContain('<td>Республикалық</td>');
    expect(lot2).toContain('Түскен өтінімдер: 0, жіберілгені: 0.');
    expect(body).toMatch(/aria-current="step"><span class="timeline-label">Жіберу тексерісінің аяқталуы</);
  });

  it('hides a draft from the public and shows it to its organiser', async () => {
    expect((await anonymous.get(`/kk/competitions/${c.draft}`)).statusCode).toBe(404);
    const stranger = await clientOf(t, (await makeUser(t.ctx, { roles: ['organiser'] })).id);
    expect((await stranger.get(`/kk/competitions/${c.draft}`)).statusCode).toBe(404);
    const organiser = await clientOf(t, draftOrganiserId);
    const own = await organiser.get(`/kk/competitions/${c.draft}`);
    expect(own.statusCode).toBe(200);
    expect(own.body).toContain('Жоба');
    expect((await anonymous.get('/kk/competitions/not-a-uuid')).statusCode).toBe(404);
  });

  it('shows the published results: outcomes, ranking, anonymised scores, refusals, commission, protocol', async () => {
    const res = await anonymous.get(`/kk/competitions/${c.published}`);
    expect(res.statusCode).toBe(200);
    const body = res.body;
    expect(body.match(/<h1[ >]/g)).toHaveLength(1);
    expect(body).toMatch(/<li class="timeline-step timeline-step--current" aria-current="step"><span class="timeline-label">Қорытындылар жарияланды</);
    // Lot 1 won by the best score; lot 2 failed, and links to where it was announced again.
    const [reannounced] = await t.ctx.db.select().from(competitions).where(eq(competitions.id, c.reannounced));
    expect(body).toContain('Өтпеді: бірде-бір өтінім түскен жоқ');
    expect(body).toContain(`href="/kk/competitions/${c.reannounced}#lot-1">Қайта жарияланды: ${reannounced!.number} конкурсының 1-лоты</a>`);
    expect(body).toContain(formatters('kk').money(250_000_000));
    expect(body).not.toContain('/apply"');

    const results = body.slice(body.indexOf('<section class="competition-results"'), body.indexOf('<section class="commission"'));
    const commission = body.slice(body.indexOf('<section class="commission"'));
    expect(results).toContain(`<a href="/kk/organisations/${winnerBin}">${WINNER.kk}</a>`);
    // Ranking: 56 and 46.667 of 70 (weights 2,1,1,1,1,1; means 8 and 6.667).
    expect(results).toMatch(/<tr class="winner"><td class="num">1<\/td><th scope="row"><a href="\/kk\/organisations\/\d{12}">«Көксу Жастары»/);
    expect(results).toContain('70 ішінен 56');
    expect(results).toContain('70 ішінен 46,667');
    // Scores per criterion and expert, on the lot's own page; experts by number only.
    expect(results).toContain(`href="/kk/competitions/${c.published}/lots/1/scores"`);
    const scores = (await anonymous.get(`/kk/competitions/${c.published}/lots/1/scores`)).body;
    expect(scores.match(/<table class="scores-table">/g)).toHaveLength(2);
    for (const n of [1, 2, 3]) expect(scores).toContain(`<th scope="col" class="num">Сарапшы ${n}</th>`);
    expect(scores).toContain('<th scope="row">Жобаның өзектілігі мен әлеуметтік маңызы</th>');
    expect(scores.match(/<table/g)!.length).toBe(scores.match(/<caption/g)!.length);
    for (const name of EXPERT_NAMES) {
      expect(results).not.toContain(name);
      expect(scores).not.toContain(name);
      expect(commission).toContain(`<li>${name}</li>`);
    }
    expect(commission).toContain('Комиссия мүшелері: 3; кворум (үштен екісі): 2; бағалауға қатысқандар: 3.');
    // The refused application with its reason.
    expect(results).toContain(`<a href="/kk/organisations/${refusedBin}">${REFUSED.kk}</a> — Жіберілмеді. Себебі: ${REFUSAL_REASON}`);
    expect(body).toContain(`href="/kk/competitions/${c.published}/protocol/kk.pdf"`);
    expect(body).toContain(`href="/kk/competitions/${c.published}/protocol/ru.pdf"`);
    // Each table has a caption and its headers a scope.
    expect(body.match(/<table/g)!.length).toBe(body.match(/<caption/g)!.length);
    expect(body).not.toMatch(/<th(?=[\s>])(?![^>]*scope=)[^>]*>/);
  });

  it('numbers the experts the same way for every application and in the API', async () => {
    const body = (await anonymous.get(`/ru/competitions/${c.published}/lots/1/scores`)).body;
    const sheets = [...body.matchAll(/<table class="scores-table">([\s\S]*?)<\/table>/g)].map((m) => m[1]!);
    // Each sheet lists the weighted totals of experts 1, 2, 3 in its footer.
    const totals = sheets.map((s) => [...s.slice(s.indexOf('<tfoot>')).matchAll(/<td class="num">([\d,\s ]+)<\/td>/g)].map((m) => m[1]!.replace(/\s| /g, '')));
    const api = (await anonymous.get(`/api/v1/competitions/${c.published}`)).json();
    const byExpert = (rank: number) =>
      Object.fromEntries(
        api.lots[0].results[rank - 1].expertScores.map((s: { expert: number; points: Record<string, number> }) => [s.expert, 2 * s.points.relevance! + 5 * s.points.goals!]),
      );
    for (const rank of [1, 2]) {
      const expected = [1, 2, 3].map((n) => String(byExpert(rank)[n]));
      expect(totals[rank - 1]!.slice(0, 3)).toEqual(expected);
    }
    // The same person is the same number on both: their two weighted totals are one of (56, 42), (63, 49), (49, 49).
    const pairs = [1, 2, 3].map((n) => [byExpert(1)[n], byExpert(2)[n]].join('/')).sort();
    expect(pairs).toEqual(['49/49', '56/42', '63/49']);
  });

  it('links a re-announced lot to the lot it replaces', async () => {
    const body = (await anonymous.get(`/ru/competitions/${c.reannounced}`)).body;
    const [old] = await t.ctx.db.select().from(competitions).where(eq(competitions.id, c.published));
    expect(body).toContain(`href="/ru/competitions/${c.published}#lot-2">повторное объявление лота 2 конкурса ${old!.number}</a>`);
    expect(body).toContain(`/ru/competitions/${c.reannounced}/lots/${reannouncedLotId}/apply`);
  });
});

describe('the protocol of results', () => {
  it('is a PDF in Kazakh and in Russian with the commission, ranking, winner and failures', async () => {
    const kk = await anonymous.get(`/kk/competitions/${c.published}/protocol/kk.pdf`);
    expect(kk.statusCode).toBe(200);
    expect(kk.headers['content-type']).toBe('application/pdf');
    expect(String(kk.headers['content-disposition'])).toContain("filename*=UTF-8''%D0%A5%D0%B0%D1%82%D1%82%D0%B0%D0%BC%D0%B0");
    const kkText = pdfText(kk.rawPayload);
    expect(kkText).toContain('Конкурс қорытындылары туралы хаттама');
    expect(kkText).toContain(WINNER.kk);
    expect(kkText).toContain(SECOND.kk);
    expect(kkText).toMatch(/Жеңімпаз: «Көксу Жастары» қоғамдық бірлестігі; сомасы: 2\s500\s000\s₸/);
    expect(kkText).toContain('Өтпеді: бірде-бір өтінім түскен жоқ');
    expect(kkText).toContain(REFUSAL_REASON);
    expect(kkText).toContain('кворум (үштен екісі): 2');
    for (const name of EXPERT_NAMES) expect(kkText).toContain(name);

    const ru = await anonymous.get(`/en/competitions/${c.published}/protocol/ru.pdf`);
    expect(ru.statusCode).toBe(200);
    const ruText = pdfText(ru.rawPayload);
    expect(ruText).toContain('Протокол об итогах конкурса');
    expect(ruText).toContain(WINNER.ru);
    expect(ruText).toContain('Не состоялся: не поступило ни одной заявки');
    expect(ruText).toContain('56 из 70');
  });

  it('does not exist before the results are published, nor in another language', async () => {
    expect((await anonymous.get(`/kk/competitions/${c.accepting}/protocol/kk.pdf`)).statusCode).toBe(404);
    expect((await anonymous.get(`/kk/competitions/${c.draft}/protocol/kk.pdf`)).statusCode).toBe(404);
    expect((await anonymous.get(`/kk/competitions/${c.published}/protocol/en.pdf`)).statusCode).toBe(404);
  });
});

describe('the competitions API', () => {
  const api = async (url: string) => {
    const res = await anonymous.get(url, { accept: 'application/json' });
    return { status: res.statusCode, body: res.json() };
  };

  it('lists competitions with the same filters', async () => {
    const all = await api('/api/v1/competitions');
    expect(all.status).toBe(200);
    expect(all.body.total).toBe(7);
    const prize = await api('/api/v1/competitions?instrument=prize');
    expect(prize.body.items.map((i: { id: string }) => i.id)).toEqual([c.admission]);
    const item = (await api('/api/v1/competitions?region=KZ-19&year=2019')).body.items;
    expect(item).toHaveLength(1);
    expect(item[0]).toMatchObject({ id: c.national2019, region: null, year: 2019, status: 'admission', instrument: 'grant', lotCount: 2, budgetTiyn: 600_000_000 });
    expect(item[0].url).toBe(`http://ortaq.test/kk/competitions/${c.national2019}`);
    const results = (await api('/api/v1/competitions?status=results')).body;
    expect(results.items.map((i: { id: string }) => i.id)).toEqual([c.published]);
    expect(results.items[0].budgetTiyn).toBe(600_000_000);
  });

  it('gives one competition with its lots, outcomes, failure reasons, results and awards, never experts’ names', async () => {
    const { status, body } = await api(`/api/v1/competitions/${c.published}`);
    expect(status).toBe(200);
    expect(body).toMatchObject({ id: c.published, status: 'results', instrument: 'grant', maxScore: 70, passPercent: 50, lotCount: 2 });
    const [lot1, lot2] = body.lots;
    expect(lot1).toMatchObject({ number: 1, status: 'awarded', failureReason: null, received: 3, admitted: 2, award: { organisation: { bin: winnerBin }, amountTiyn: 250_000_000 } });
    expect(lot1.results.map((r: { rank: number; score: number; winner: boolean; awardTiyn: number | null }) => [r.rank, r.score, r.winner, r.awardTiyn])).toEqual([
      [1, 56, true, 250_000_000],
      [2, 46.6667, false, null],
    ]);
    expect(lot1.results[0].expertScores).toHaveLength(3);
    expect(lot1.notAdmitted).toEqual([{ organisation: expect.objectContaining({ bin: refusedBin }), reason: REFUSAL_REASON }]);
    expect(lot2).toMatchObject({ number: 2, status: 'failed', failureReason: 'no-applications', received: 0, award: null, results: [] });
    expect(lot2.reannouncedAs).toEqual([expect.objectContaining({ competitionId: c.reannounced, lotId: reannouncedLotId, lotNumber: 1 })]);
    const text = JSON.stringify(body);
    for (const name of EXPERT_NAMES) expect(text).not.toContain(name);

    const open = (await api(`/api/v1/competitions/${c.accepting}`)).body;
    expect(open.lots[0]).toMatchObject({ status: 'accepting', received: null, admitted: null, results: [] });
  });

  it('hides drafts and names a bad parameter in a 400', async () => {
    expect((await api(`/api/v1/competitions/${c.draft}`)).status).toBe(404);
    expect((await api('/api/v1/competitions/00000000-0000-4000-8000-000000000000')).status).toBe(404);
    for (const [url, parameter] of [
      ['/api/v1/competitions?status=draft', 'status'],
      ['/api/v1/competitions?instrument=loan', 'instrument'],
      ['/api/v1/competitions?region=KZ-99', 'region'],
      ['/api/v1/competitions?year=twenty', 'year'],
      ['/api/v1/competitions?pageSize=1000', 'pageSize'],
      ['/api/v1/competitions/not-a-uuid', 'id'],
    ] as const) {
      const { status, body } = await api(url);
      expect(status, url).toBe(400);
      expect(body.error.code, url).toBe('BAD_PARAMETER');
      expect(body.error.parameter, url).toBe(parameter);
    }
  });

  it('is described in OpenAPI', async () => {
    const { body } = await api('/api/openapi.json');
    expect(Object.keys(body.paths)).toEqual(expect.arrayContaining(['/api/v1/competitions', '/api/v1/competitions/{id}']));
    const params = body.paths['/api/v1/competitions'].get.parameters.map((p: { name: string }) => p.name);
    expect(params).toEqual(expect.arrayContaining(['instrument', 'status', 'region', 'year', 'page', 'pageSize']));
    const detail = JSON.stringify(body.paths['/api/v1/competitions/{id}'].get.responses['200']);
    expect(detail).toContain('no-applications');
    expect(detail).toContain('low-scores');
  });
});

describe('an organisation’s profile', () => {
  it('lists its decided applications with the outcome', async () => {
    const won = (await anonymous.get(`/kk/organisations/${winnerBin}`)).body;
    const section = won.slice(won.indexOf('<section class="competition-applications"'));
    expect(section).toContain('<h2 id="competition-applications-heading">Конкурстарға өтінімдер</h2>');
    expect(section).toContain(`href="/kk/competitions/${c.published}"`);
    expect(section).toContain('Жіберілді');
    expect(section).toContain(`Жеңді, сомасы ${formatters('kk').money(250_000_000)}.`);
    expect(section).toContain('1-орын, 70 ішінен 56 балл.');

    const refused = (await anonymous.get(`/ru/organisations/${refusedBin}`)).body;
    expect(refused).toContain('Заявки на конкурсы');
    expect(refused).toContain(`Не допущена. Причина: ${REFUSAL_REASON}`);
  });

  it('shows nothing for an organisation without decided applications', async () => {
    const [organiser] = await t.ctx.db.select().from(organisations).where(eq(organisations.id, accepting.organiserBody.id));
    const body = (await anonymous.get(`/kk/organisations/${organiser!.bin}`)).body;
    expect(body).not.toContain('competition-applications');
  });
});
