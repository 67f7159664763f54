import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { storeUpload } from '../../src/core/files/store-upload.ts';
import { competitions } from '../../src/modules/competitions/schema.ts';
import { organisations } from '../../src/modules/organisations/schema.ts';
import { changeProjectStatus } from '../../src/modules/projects/change-project-status.ts';
import { decideReport } from '../../src/modules/projects/decide-report.ts';
import { moderateFeedback } from '../../src/modules/projects/feedback.ts';
import { saveReport } from '../../src/modules/projects/save-report.ts';
import { projectFeedback, projectIndicators, projects, reportFiles } from '../../src/modules/projects/schema.ts';
import { submitReport } from '../../src/modules/projects/submit-report.ts';
import { type TestApp, TestClient, testApp } from '../support/app.ts';
import { actorOf, clientOf, makeOrganisation, makeUser } from '../support/competitions.ts';
import { makeProject } from '../support/projects.ts';

const PDF = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');
const ACCEPTED_NARRATIVE = 'Бірінші дөңгелек үстел Көксу ауылында өтті.';
const RETURNED_NARRATIVE = 'ҚАЙТАРЫЛҒАН ЕСЕПТІҢ МӘТІНІ';
const DRAFT_NARRATIVE = 'ЖОБА КҮЙІНДЕГІ ЕСЕПТІҢ МӘТІНІ';
const EVIDENCE_LINK = 'https://example.kz/koksu/photos';

let t: TestApp;
let anonymous: TestClient;
type Project = Awaited<ReturnType<typeof makeProject>>;
/** Koksu: a grant project of Zhetisu with an accepted report (period 1) and a returned one (period 2). */
let koksu: Project;
/** A social-order project of 2019 in Aktobe region, for children, with a draft report. */
let aktobe: Project;
/** A national project, suspended. */
let national: Project;
const fileIds = {} as Record<'evidence' | 'finance' | 'returnedEvidence' | 'otherEvidence', string>;

async function attach(reportId: string, purpose: 'evidence' | 'finance', name: string) {
  const file = await t.ctx.db.transaction((tx) => storeUpload({ tx, blobs: t.ctx.blobs, maxBytes: t.ctx.config.maxUploadBytes }, { bytes: PDF, name, uploadedBy: null }));
  await t.ctx.db.insert(reportFiles).values({ reportId, fileId: file.id, purpose });
  return file.id;
}

async function indicatorOf(projectId: string) {
  const [indicator] = await t.ctx.db.select().from(projectIndicators).where(eq(projectIndicators.projectId, projectId));
  return indicator!;
}

const report = (indicatorId: string, narrative: string, actual: number) => ({
  narrative,
  beneficiaries: { female: { '18-29': 40, 'under-18': 5 }, male: { '18-29': 35 } },
  values: [{ indicatorId, actual, evidence: `Фото: ${EVIDENCE_LINK}` }],
  spending: [],
});

beforeAll(async () => {
  t = await testApp();
  anonymous = new TestClient(t.app);

  koksu = await makeProject(t.ctx);
  await t.ctx.db.update(projects).set({ titleKk: 'Көксу жастарының үні', titleRu: 'Голос молодёжи Коксу' }).where(eq(projects.id, koksu.projectId));
  await t.ctx.db
    .update(organisations)
    .set({ nameKk: '«Көксу Жастары» қоғамдық бірлестігі', nameRu: 'ОО «Коксу Жастары»', nameEn: null, searchKey: 'koksu jastary' })
    .where(eq(organisations.id, koksu.applicant.organisation.id));
  const member = await actorOf(t.ctx, koksu.applicant.admin.id);
  const organiser = await actorOf(t.ctx, koksu.organiser.id);
  const indicator = await indicatorOf(koksu.projectId);
  // Period 1: reported, with evidence and a financial document, and accepted.
  const first = await saveReport(t.ctx, member, koksu.projectId, 1, report(indicator.id, ACCEPTED_NARRATIVE, 1));
  if (!first.ok) throw new Error(first.key);
  fileIds.evidence = await attach(first.reportId, 'evidence', 'дөңгелек-үстел.pdf');
  fileIds.finance = await attach(first.reportId, 'finance', 'төлем-тапсырмасы.pdf');
  expect(await submitReport(t.ctx, member, first.reportId)).toEqual({ ok: true });
  expect(await decideReport(t.ctx, organiser, first.reportId, { accept: true })).toMatchObject({ ok: true });
  // Period 2: submitted, then returned for correction.
  const second = await saveReport(t.ctx, member, koksu.projectId, 2, report(indicator.id, RETURNED_NARRATIVE, 2));
  if (!second.ok) throw new Error(second.key);
  fileIds.returnedEvidence = await attach(second.reportId, 'evidence', 'қайтарылған.pdf');
  expect(await submitReport(t.ctx, member, second.reportId)).toEqual({ ok: true });
  expect(await decideReport(t.ctx, organiser, second.reportId, { accept: false, comments: 'Фото жоқ' })).toMatchObject({ ok: true });

  aktobe = await makeProject(t.ctx);
  await t.ctx.db.update(projects).set({ titleKk: 'Ақтөбе балалары', titleRu: 'Дети Актобе', regionCode: 'KZ-15', area: 'children' }).where(eq(projects.id, aktobe.projectId));
  await t.ctx.db.update(competitions).set({ instrument: 'social-order', year: 2019 }).where(eq(competitions.id, aktobe.competitionId));
  const aktobeMember = await actorOf(t.ctx, aktobe.applicant.admin.id);
  const draft = await saveReport(t.ctx, aktobeMember, aktobe.projectId, 1, report((await indicatorOf(aktobe.projectId)).id, DRAFT_NARRATIVE, 3));
  if (!draft.ok) throw new Error(draft.key);
  fileIds.otherEvidence = await attach(draft.reportId, 'evidence', 'басқа.pdf');

  national = await makeProject(t.ctx);
  await t.ctx.db.update(projects).set({ titleKk: 'Республикалық жоба', titleRu: 'Республиканский проект', regionCode: 'KZ' }).where(eq(projects.id, national.projectId));
  expect(await changeProjectStatus(t.ctx, await actorOf(t.ctx, national.organiser.id), national.projectId, 'suspended', '«Астана Банкі» АҚ лицензиясынан айырылды')).toEqual({
    ok: true,
  });
}, 60_000);
afterAll(() => t.close());

const linkedIds = (html: string) => [...new Set([...html.matchAll(/<th scope="row"><a href="\/(?:kk|ru|en)\/projects\/([0-9a-f-]{36})"/g)].map((m) => m[1]!))];
const sorted = (ids: string[]) => [...ids].sort();

describe('the list of funded projects', () => {
  it('shows every project with its organisation, amount, region, instrument, year, status and progress', async () => {
    const res = await anonymous.get('/kk/projects');
    expect(res.statusCode).toBe(200);
    expect(res.body.match(/<h1[ >]/g)).toHaveLength(1);
    expect(sorted(linkedIds(res.body))).toEqual(sorted([koksu.projectId, aktobe.projectId, national.projectId]));
    expect(res.body).toContain('3 жоба');
    const at = res.body.indexOf(`/kk/projects/${koksu.projectId}`);
    const row = res.body.slice(res.body.lastIndexOf('<tr', at), res.body.indexOf('</tr>', at));
    expect(row).toContain('Көксу жастарының үні');
    expect(row).toContain(`href="/kk/organisations/${koksu.applicant.organisation.bin}"`);
    expect(row).toContain('Жетісу облысы');
    expect(row).toContain('Мемлекеттік грант');
    expect(row).toContain('Іске асырылуда');
    // Period 1 reached its target of 1 of the 3 planned: a third.
    expect(row).toContain('жоспардың 33%');
    // Every filter has a label; the tables have captions and headers with a scope.
    for (const name of ['q', 'region', 'year', 'instrument', 'area', 'status']) expect(res.body).toMatch(new RegExp(`<label for="field-${name}">`));
    expect(res.body).toContain('<caption id="project-table-caption">');
    expect(res.body).toContain('<caption id="funding-table-caption">');
    expect(res.body).not.toMatch(/<th(?=[\s>])(?![^>]*scope=)[^>]*>/);
  });

  it('filters by text, region, year, instrument, area and status, with counts beside each choice', async () => {
    const ids = async (query: string) => {
      const res = await anonymous.get(`/kk/projects?${query}`);
      expect(res.statusCode, query).toBe(200);
      return sorted(linkedIds(res.body));
    };
    expect(await ids('q=Көксу')).toEqual([koksu.projectId]);
    expect(await ids('q=Голос')).toEqual([koksu.projectId]);
    // The organisation's name in Latin letters, through the register's folded key.
    expect(await ids('q=koksu')).toEqual([koksu.projectId]);
    expect(await ids(`q=${koksu.applicant.organisation.bin}`)).toEqual([koksu.projectId]);
    expect(await ids('q=%25%25%25')).toEqual([]);
    expect(await ids('region=KZ-15')).toEqual([aktobe.projectId]);
    expect(await ids('region=KZ')).toEqual([national.projectId]);
    expect(await ids('year=2019')).toEqual([aktobe.projectId]);
    expect(await ids('instrument=social-order')).toEqual([aktobe.projectId]);
    expect(await ids('instrument=grant')).toEqual(sorted([koksu.projectId, national.projectId]));
    expect(await ids('area=children')).toEqual([aktobe.projectId]);
    expect(await ids('status=suspended')).toEqual([national.projectId]);
    expect(await ids('status=active&region=KZ-33')).toEqual([koksu.projectId]);
    expect(await ids('year=2019&instrument=grant')).toEqual([]);
    // An empty value means "any", as a plain form sends it.
    expect(await ids('q=&region=&year=&instrument=&area=&status=')).toHaveLength(3);
    const page = (await anonymous.get('/ru/projects?status=active')).body;
    expect(page).toContain('2 проекта');
    expect(page).toContain('<option value="suspended">Приостановлен (1)</option>');
    expect(page).toContain('<option value="active" selected>Реализуется (2)</option>');
    expect(page).toContain('<option value="KZ-15">Актюбинская область (1)</option>');
    expect((await anonymous.get('/kk/projects?region=KZ-99')).statusCode).toBe(400);
    expect((await anonymous.get('/kk/projects?status=draft')).statusCode).toBe(400);
  });

  it('pages through the projects', async () => {
    const first = await anonymous.get('/en/projects?pageSize=2');
    expect(linkedIds(first.body)).toHaveLength(2);
    expect(first.body).toContain('Page 1 of 2');
    expect(first.body).toContain('href="/en/projects?page=2&amp;pageSize=2"');
    const second = await anonymous.get('/en/projects?pageSize=2&page=2');
    expect(linkedIds(second.body)).toHaveLength(1);
    expect([...linkedIds(first.body), ...linkedIds(second.body)].sort()).toEqual(sorted([koksu.projectId, aktobe.projectId, national.projectId]));
  });

  it('maps the funding by region as an accessible image and as a table', async () => {
    const body = (await anonymous.get('/en/projects')).body;
    const svg = /<svg class="chart-svg funding-map__svg"[\s\S]*?<\/svg>/.exec(body)?.[0] ?? '';
    expect(svg).toContain('role="img"');
    expect(svg).toContain('aria-labelledby="funding-map-title"');
    expect(svg).toContain('<title id="funding-map-title">');
    expect(svg).toMatch(/<desc id="funding-map-desc">[^<]*3 regions have funded projects/);
    // Every region has its tile, funded or not.
    expect(svg.match(/class="funding-map__tile/g)).toHaveLength(21);
    // Almaty region and the city of Almaty stay apart.
    expect(svg).toMatch(/>Almaty<\/text><text[^>]*>Region<\/text>/);
    const table = /<table class="funding-table">[\s\S]*?<\/table>/.exec(body)?.[0] ?? '';
    const money = (tiyn: number) => new Intl.NumberFormat('en-KZ', { style: 'currency', currency: 'KZT', currencyDisplay: 'narrowSymbol', maximumFractionDigits: 2, minimumFractionDigits: 0 }).format(tiyn / 100);
    expect(table).toContain('Aktobe Region');
    expect(table).toContain('Whole country');
    expect(table).toContain(money(koksu.awardTiyn));
    expect(table).toContain(money(koksu.awardTiyn + aktobe.awardTiyn + national.awardTiyn));
    expect(table).toContain('href="/en/projects?region=KZ-15"');
    // The map keeps the other filters: in 2019 only Aktobe region has funding.
    const of2019 = (await anonymous.get('/en/projects?year=2019')).body;
    expect(of2019).toMatch(/<desc id="funding-map-desc">[^<]*1 region has funded projects; the most is in Aktobe Region/);
  });
});

describe('a project’s page', () => {
  it('shows the agreement, the tranches, and the indicator planned against actual per period', async () => {
    const res = await anonymous.get(`/en/projects/${koksu.projectId}`);
    expect(res.statusCode).toBe(200);
    const body = res.body;
    expect(body.match(/<h1[ >]/g)).toHaveLength(1);
    expect(body).toContain(`href="/en/organisations/${koksu.applicant.organisation.bin}"`);
    expect(body).toContain(`href="/en/competitions/${koksu.competitionId}"`);
    expect(body).toMatch(/Agreement No\. AGR-2027-\d+/);
    expect(body).toContain('Zhetisu Region');
    expect(body).toContain('State grant');
    // The advance was paid when the agreement bound; the second tranche waits for period 2.
    const tranches = /<table class="tranches-table">[\s\S]*?<\/table>/.exec(body)?.[0] ?? '';
    expect(tranches).toContain('In advance');
    expect(tranches.match(/Not yet/g)).toHaveLength(1);
    expect(tranches).toContain('Once the report for period 2 is accepted');
    // The indicator: 1 of 1 in period 1, period 2 not yet accepted, 1 of 3 in total.
    const chart = /<svg class="chart-svg indicator-chart__svg"[\s\S]*?<\/svg>/.exec(body)?.[0] ?? '';
    expect(chart).toContain('role="img"');
    expect(chart).toMatch(/<title id="indicator-chart-1-title">Дөңгелек үстел \(дана\): planned and achieved by period<\/title>/);
    expect(chart).toContain('Achieved 1 of 3 planned (дана). By period: Period 1: 1 of 1; Period 2: 2 planned, report not accepted yet.');
    const table = /<table class="indicators-table">[\s\S]*?<\/table>/.exec(body)?.[0] ?? '';
    expect(table).toContain('<caption id="indicators-caption">');
    const rows = [...table.matchAll(/<tr[^>]*>([\s\S]*?)<\/tr>/g)].slice(1).map((m) => m[1]!.replace(/<[^>]+>/g, '|').replace(/\|+/g, '|'));
    expect(rows).toEqual(['|Дөңгелек үстел|дана|Period 1|1|1|100%|', '|Дөңгелек үстел|дана|Period 2|2|—|report not accepted yet|—|', '|Дөңгелек үстел|дана|Total|3|1|33%|']);
  });

  it('shows the public parts of the accepted report, never a returned or draft report’s', async () => {
    const body = (await anonymous.get(`/kk/projects/${koksu.projectId}`)).body;
    expect(body).toContain(ACCEPTED_NARRATIVE);
    expect(body).toContain(`<a href="${EVIDENCE_LINK}" rel="nofollow ugc noopener noreferrer">`);
    expect(body).toContain(`href="/kk/projects/${koksu.projectId}/files/${fileIds.evidence}"`);
    // Beneficiaries: 45 women and 35 men.
    const people = /<table class="beneficiaries-table">[\s\S]*?<\/table>/.exec(body)?.[0] ?? '';
    expect(people.replace(/<[^>]+>/g, '|')).toContain('|Барлығы||45||35||80|');
    expect(body).not.toContain(RETURNED_NARRATIVE);
    expect(body).not.toContain(fileIds.returnedEvidence);
    expect(body).not.toContain('Фото жоқ');
    // The financial document is not even listed for the public.
    expect(body).not.toContain(fileIds.finance);
    const draft = (await anonymous.get(`/kk/projects/${aktobe.projectId}`)).body;
    expect(draft).not.toContain(DRAFT_NARRATIVE);
    expect(draft).toContain('Қабылданған есеп әзірге жоқ.');
  });

  it('tells the project’s story in a timeline', async () => {
    const body = (await anonymous.get(`/en/projects/${koksu.projectId}`)).body;
    const timeline = /<ol class="project-events">[\s\S]*?<\/ol>/.exec(body)?.[0] ?? '';
    const events = [...timeline.matchAll(/<span class="project-event__what">([\s\S]*?)<\/span><\/li>/g)].map((m) => m[1]!.replace(/<[^>]+>/g, ''));
    // The sample agreement is signed in 2027, after what happened in the system today: the timeline is in the order of the dates.
    expect(events.filter((e) => /^Agreement No\. AGR-2027-\d+ signed$/.test(e))).toHaveLength(1);
    expect(events.filter((e) => !e.endsWith(' signed'))).toEqual([
      'Agreement confirmed in Ortaq by both sides',
      'Project started',
      `Tranche 1 released: ${new Intl.NumberFormat('en-KZ', { style: 'currency', currency: 'KZT', currencyDisplay: 'narrowSymbol', maximumFractionDigits: 2, minimumFractionDigits: 0 }).format(Math.floor(koksu.awardTiyn / 2) / 100)}`,
      'Report for period 1 submitted',
      'Report for period 1 accepted',
    ]);
    const suspended = (await anonymous.get(`/en/projects/${national.projectId}`)).body;
    expect(suspended).toContain('Status changed: Active → Suspended');
    expect(suspended).toContain('«Астана Банкі» АҚ лицензиясынан айырылды');
  });

  it('reads in Kazakh, Russian and English', async () => {
    for (const lang of ['kk', 'ru', 'en']) {
      for (const path of [`/projects/${koksu.projectId}`, `/projects/${national.projectId}`, '/projects', `/organisations/${koksu.applicant.organisation.bin}`]) {
        const res = await anonymous.get(`/${lang}${path}`);
        expect(res.statusCode, `${lang}${path}`).toBe(200);
        expect(res.body, `${lang}${path}`).not.toMatch(/projects\.portal\./);
      }
    }
    expect((await anonymous.get(`/ru/projects/${koksu.projectId}`)).body).toContain('Выполнено 1 из 3 по плану (дана). По периодам: Период 1: 1 из 1; Период 2: по плану 2, отчёт ещё не принят.');
  });

  it('is not found for an unknown project', async () => {
    expect((await anonymous.get('/kk/projects/00000000-0000-4000-8000-000000000000')).statusCode).toBe(404);
    expect((await anonymous.get('/kk/projects/not-a-project')).statusCode).toBe(404);
  });
});

describe('the files of reports', () => {
  const url = (projectId: string, fileId: string) => `/kk/projects/${projectId}/files/${fileId}`;

  it('gives the evidence of an accepted report to anyone', async () => {
    const res = await anonymous.get(url(koksu.projectId, fileIds.evidence));
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('application/pdf');
    expect(res.headers['content-disposition']).toContain('attachment');
    expect(res.rawPayload.equals(PDF)).toBe(true);
  });

  it('gives a financial document only to the organisation’s members and the competition’s organiser', async () => {
    const otherOrganiser = await makeUser(t.ctx, { roles: ['organiser'] });
    await makeOrganisation(t.ctx, { kind: 'state', members: [{ userId: otherOrganiser.id, role: 'staff' }] });
    const admin = await makeUser(t.ctx, { roles: ['admin'] });
    const stranger = await makeUser(t.ctx);
    const finance = url(koksu.projectId, fileIds.finance);
    expect((await anonymous.get(finance)).statusCode).toBe(403);
    for (const user of [stranger, otherOrganiser, admin, aktobe.applicant.admin]) expect((await (await clientOf(t, user.id)).get(finance)).statusCode).toBe(403);
    for (const user of [koksu.applicant.admin, koksu.organiser]) {
      const res = await (await clientOf(t, user.id)).get(finance);
      expect(res.statusCode).toBe(200);
      expect(res.headers['cache-control']).toBe('private, no-store');
    }
    // The two sides find it on the page too.
    const page = (await (await clientOf(t, koksu.organiser.id)).get(`/kk/projects/${koksu.projectId}`)).body;
    expect(page).toContain(`href="${finance}"`);
  });

  it('hides the evidence of a report not accepted, and a file of another project', async () => {
    const returned = url(koksu.projectId, fileIds.returnedEvidence);
    expect((await anonymous.get(returned)).statusCode).toBe(404);
    expect((await (await clientOf(t, koksu.applicant.admin.id)).get(returned)).statusCode).toBe(200);
    expect((await anonymous.get(url(koksu.projectId, fileIds.otherEvidence))).statusCode).toBe(404);
    expect((await anonymous.get(url(aktobe.projectId, fileIds.evidence))).statusCode).toBe(404);
    expect((await anonymous.get(url(koksu.projectId, '00000000-0000-4000-8000-000000000000'))).statusCode).toBe(404);
    expect((await anonymous.get(url(koksu.projectId, 'not-a-file'))).statusCode).toBe(404);
  });
});

describe('citizens’ comments', () => {
  it('keeps what was typed on an error, and shows a comment only once it is published', async () => {
    const citizen = new TestClient(t.app);
    const page = `/kk/projects/${koksu.projectId}`;
    expect((await citizen.get(page)).statusCode).toBe(200);
    const comment = 'Дөңгелек үстелге қатыстым, өте пайдалы болды.';
    const missing = await citizen.post(`${page}/feedback`, { name: '  ', comment });
    expect(missing.statusCode).toBe(422);
    expect(missing.body).toContain('Атыңызды жазыңыз.');
    expect(missing.body).toContain(`>${comment}</textarea>`);
    const long = await citizen.post(`${page}/feedback`, { name: 'Әсел', comment: 'ә'.repeat(2001) });
    expect(long.statusCode).toBe(422);
    expect(long.body).toContain('Пікір тым ұзын.');
    expect(long.body).toContain('value="Әсел"');

    const sent = await citizen.post(`${page}/feedback`, { name: 'Әсел Нұрланқызы', comment });
    expect(sent.statusCode).toBe(303);
    expect(sent.headers.location).toBe(`${page}#feedback`);
    const after = await citizen.follow();
    expect(after.body).toContain('Рақмет! Пікіріңіз модерациядан кейін жарияланады.');
    expect(after.body).not.toContain(comment);

    const [row] = await t.ctx.db.select().from(projectFeedback).where(eq(projectFeedback.projectId, koksu.projectId));
    expect(row).toMatchObject({ authorName: 'Әсел Нұрланқызы', body: comment, status: 'pending' });
    await moderateFeedback(t.ctx, await actorOf(t.ctx, koksu.organiser.id), row!.id, true);
    const published = (await anonymous.get(page)).body;
    expect(published).toContain(comment);
    expect(published).toContain('<strong>Әсел Нұрланқызы</strong>');
  });

  it('refuses a comment without the form’s token, on an unknown project, and too many from one address', async () => {
    const client = new TestClient(t.app);
    const page = `/en/projects/${aktobe.projectId}`;
    expect((await client.post(`${page}/feedback`, { name: 'A', comment: 'B', _csrf: 'forged' })).statusCode).toBe(403);
    await client.get(page);
    expect((await client.post('/en/projects/00000000-0000-4000-8000-000000000000/feedback', { name: 'A', comment: 'B' })).statusCode).toBe(404);
    const answers: number[] = [];
    for (let i = 0; i < 4; i++) answers.push((await client.post(`${page}/feedback`, { name: 'Спамер', comment: `Хабар ${i}` })).statusCode);
    // Five a hour from one address: the forged, the unknown project's and three more pass the limiter.
    expect(answers).toEqual([303, 303, 303, 429]);
  });
});

describe('an organisation’s profile', () => {
  it('lists its projects with amount, status and a link', async () => {
    const body = (await anonymous.get(`/kk/organisations/${koksu.applicant.organisation.bin}`)).body;
    const section = /<section class="organisation-projects"[\s\S]*?<\/section>\s*<\/section>/.exec(body)?.[0] ?? '';
    expect(section).toContain(`href="/kk/projects/${koksu.projectId}"`);
    expect(section).toContain('Көксу жастарының үні');
    expect(section).toContain('Іске асырылуда');
    expect(section).toContain('<caption id="organisation-projects-caption">Жобалар (1)</caption>');
    const none = (await anonymous.get(`/kk/organisations/${koksu.organiserBody.bin}`)).body;
    expect(none).not.toContain('organisation-projects');
  });
});

describe('the projects API', () => {
  const api = async (url: string) => {
    const res = await anonymous.get(url, { accept: 'application/json' });
    return { status: res.statusCode, body: res.json() };
  };

  it('lists projects with the same filters', async () => {
    const all = await api('/api/v1/projects');
    expect(all.status).toBe(200);
    expect(all.body).toMatchObject({ total: 3, page: 1, pageSize: 20, amountTiyn: koksu.awardTiyn + aktobe.awardTiyn + national.awardTiyn });
    const item = all.body.items.find((i: { id: string }) => i.id === koksu.projectId);
    expect(item).toMatchObject({
      title: { kk: 'Көксу жастарының үні', ru: 'Голос молодёжи Коксу' },
      organisation: { bin: koksu.applicant.organisation.bin, url: `http://ortaq.test/kk/organisations/${koksu.applicant.organisation.bin}` },
      amountTiyn: koksu.awardTiyn,
      region: 'KZ-33',
      area: 'youth',
      instrument: 'grant',
      status: 'active',
      competition: { id: koksu.competitionId, url: `http://ortaq.test/kk/competitions/${koksu.competitionId}` },
      url: `http://ortaq.test/kk/projects/${koksu.projectId}`,
    });
    expect(item.progress).toBeCloseTo(1 / 3);
    const ids = async (query: string) => sorted((await api(`/api/v1/projects?${query}`)).body.items.map((i: { id: string }) => i.id));
    expect(await ids('region=KZ-15')).toEqual([aktobe.projectId]);
    expect(await ids('year=2019&instrument=social-order')).toEqual([aktobe.projectId]);
    expect(await ids('status=suspended')).toEqual([national.projectId]);
    expect(await ids('q=koksu')).toEqual([koksu.projectId]);
    expect((await api('/api/v1/projects?pageSize=1&page=3')).body.items).toHaveLength(1);
  });

  it('gives one project with its agreement, tranches, indicators per period and status history', async () => {
    const { status, body } = await api(`/api/v1/projects/${koksu.projectId}`);
    expect(status).toBe(200);
    expect(body.agreement).toMatchObject({
      number: expect.stringMatching(/^AGR-2027-/),
      signedOn: '2027-01-15',
      amountTiyn: koksu.awardTiyn,
      period: { startsOn: '2027-02-01', endsOn: '2027-11-30' },
    });
    expect(body.agreement.confirmedAt).toEqual(expect.any(String));
    expect(body.tranches).toEqual([
      { number: 1, amountTiyn: Math.floor(koksu.awardTiyn / 2), periodNumber: null, releasedAt: expect.any(String) },
      { number: 2, amountTiyn: koksu.awardTiyn - Math.floor(koksu.awardTiyn / 2), periodNumber: 2, releasedAt: null },
    ]);
    expect(body.indicators).toEqual([
      {
        position: 1,
        name: 'Дөңгелек үстел',
        unit: 'дана',
        baseline: 0,
        planned: 3,
        actual: 1,
        periods: [
          { number: 1, planned: 1, actual: 1 },
          { number: 2, planned: 2, actual: null },
        ],
      },
    ]);
    expect(body.periods.map((p: { number: number; reportAcceptedAt: string | null }) => [p.number, p.reportAcceptedAt !== null])).toEqual([
      [1, true],
      [2, false],
    ]);
    expect(body.statusHistory).toEqual([{ from: null, to: 'active', reason: expect.any(String), changedAt: expect.any(String) }]);
    const history = (await api(`/api/v1/projects/${national.projectId}`)).body.statusHistory;
    expect(history.map((h: { to: string }) => h.to)).toEqual(['active', 'suspended']);
    expect(history[1].reason).toBe('«Астана Банкі» АҚ лицензиясынан айырылды');
    // Nothing of a report that is not accepted.
    expect(JSON.stringify(body)).not.toContain(RETURNED_NARRATIVE);
  });

  it('names a bad parameter in a 400, and answers 404 for an unknown project', async () => {
    expect((await api('/api/v1/projects/00000000-0000-4000-8000-000000000000')).status).toBe(404);
    for (const [url, parameter] of [
      ['/api/v1/projects?status=draft', 'status'],
      ['/api/v1/projects?instrument=loan', 'instrument'],
      ['/api/v1/projects?region=KZ-99', 'region'],
      ['/api/v1/projects?year=twenty', 'year'],
      ['/api/v1/projects?pageSize=1000', 'pageSize'],
      ['/api/v1/projects/not-a-uuid', 'id'],
    ] as const) {
      const { status, body } = await api(url);
      expect(status, url).toBe(400);
      expect(body.error.code, url).toBe('BAD_PARAMETER');
      expect(body.error.parameter, url).toBe(parameter);
    }
  });

  it('is described in OpenAPI', async () => {
    const { body } = await api('/api/openapi.json');
    expect(Object.keys(body.paths)).toEqual(expect.arrayContaining(['/api/v1/projects', '/api/v1/projects/{id}']));
    const params = body.paths['/api/v1/projects'].get.parameters.map((p: { name: string }) => p.name);
    expect(params).toEqual(expect.arrayContaining(['q', 'region', 'year', 'instrument', 'status', 'page', 'pageSize']));
    const detail = JSON.stringify(body.paths['/api/v1/projects/{id}'].get.responses['200']);
    for (const field of ['agreement', 'tranches', 'indicators', 'statusHistory', 'releasedAt']) expect(detail).toContain(field);
  });
});
