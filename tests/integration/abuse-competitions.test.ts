import { and, eq, sql } from 'drizzle-orm';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SESSION_COOKIE } from '../../src/core/auth/sessions.ts';
import { queryRows } from '../../src/core/db/client.ts';
import { seedDemo } from '../../src/core/demo/seed.ts';
import { localDateTimeValue } from '../../src/core/format/local-time.ts';
import { mailOutbox } from '../../src/core/mail/schema.ts';
import { attachDocument } from '../../src/modules/competitions/attach-document.ts';
import type { ContentStep } from '../../src/modules/competitions/content.ts';
import { declareConflict } from '../../src/modules/competitions/declare-conflict.ts';
import { decideAdmission } from '../../src/modules/competitions/decide-admission.ts';
import { nameCommission } from '../../src/modules/competitions/name-commission.ts';
import { loadApplication } from '../../src/modules/competitions/records.ts';
import { applications, competitions, conflictDeclarations, lots, scores } from '../../src/modules/competitions/schema.ts';
import { startApplication } from '../../src/modules/competitions/start-application.ts';
import { startEvaluation } from '../../src/modules/competitions/start-evaluation.ts';
import { submitApplication } from '../../src/modules/competitions/submit-application.ts';
import { saveReport } from '../../src/modules/projects/save-report.ts';
import { projectEvaluations, projectFeedback, projectIndicators, projects, reports, reportValues } from '../../src/modules/projects/schema.ts';
import { submitReport } from '../../src/modules/projects/submit-report.ts';
import { organisations } from '../../src/modules/organisations/schema.ts';
import { fieldValues, folded, pageText, PAYLOADS, problemsOf } from '../support/abuse.ts';
import { TestClient, type TestApp, testApp } from '../support/app.ts';
import { actorOf, clientOf, completeApplication, makeApplicant, makeCompetition, makeOrganisation, makeUser } from '../support/competitions.ts';
import { makeProject, makeWinner } from '../support/projects.ts';

/**
 * The abuse corpus (tests/support/abuse.ts) driven through competitions and projects: every query
 * parameter of their public lists, APIs and open-data files; every text field of applying, of
 * announcing, of deciding admission, of the expert's declaration and scores, of citizens'
 * comments, of reports and of monitoring. Whatever comes in, the answer is never a 5xx and
 * markup never comes out as markup; text that is accepted is stored as typed and shown as text
 * everywhere it appears; text that is refused comes back in its field with a message, and
 * nothing is written. Malformed and oversized bodies and lying uploads get a clear 4xx. The
 * register's half is tests/integration/abuse.test.ts; the browser's, tests/e2e/abuse.test.ts.
 */

const DAY = 86_400_000;
const PDF = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');
const NUL = PAYLOADS.find((p) => p.value.includes('\u0000'))!.value;

let t: TestApp;
beforeAll(async () => {
  t = await testApp({ MAX_UPLOAD_MB: '1' });
  await seedDemo(t.ctx);
});
afterAll(() => t.close());

/** A browser for this user (or an anonymous one), with its own session and its own address. */
const browser = async (userId?: string): Promise<TestClient> => (userId ? clientOf(t, userId) : new TestClient(t.app));

/**
 * Loads a page (for its CSRF token), then posts a form whose fields may repeat (rows of a table),
 * as a browser does, from the client's address and with its cookies.
 */
async function submit(client: TestClient, page: string, action: string, form: Record<string, string | readonly string[]>): Promise<LightMyRequestResponse> {
  const loaded = await client.get(page);
  const token = /name="_csrf" value="([^"]+)"/.exec(loaded.body)?.[1];
  if (!token) throw new Error(`no form on ${page} (${loaded.statusCode})`);
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(form)) for (const one of [value].flat()) params.append(name, one);
  params.set('_csrf', token);
  const cookie = [SESSION_COOKIE, 'ortaq_csrf'].flatMap((n) => (client.cookie(n) ? [`${n}=${client.cookie(n)}`] : [])).join('; ');
  const res = await t.app.inject({
    method: 'POST',
    url: action,
    remoteAddress: client.remoteAddress,
    payload: params.toString(),
    headers: { 'content-type': 'application/x-www-form-urlencoded', cookie },
  });
  client.lastResponse = res;
  return res;
}

/** How many rows every table holds (sessions aside: signing the test's browsers in makes those). */
async function rowCounts(): Promise<Record<string, number>> {
  const tables = await queryRows<{ name: string }>(
    t.ctx.db,
    sql`select table_name as name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE' and table_name <> 'sessions' order by 1`,
  );
  const counts: Record<string, number> = {};
  for (const { name } of tables) counts[name] = Number((await queryRows<{ n: string }>(t.ctx.db, sql`select count(*) as n from ${sql.identifier(name)}`))[0]!.n);
  return counts;
}

/** Moves a competition's five dates back, so that its deadline (and maybe more) has passed. */
async function moveBack(competitionId: string, ms: number) {
  const [c] = await t.ctx.db.select().from(competitions).where(eq(competitions.id, competitionId));
  const back = (d: Date) => new Date(d.getTime() - ms);
  await t.ctx.db
    .update(competitions)
    .set({
      announcedAt: back(c!.announcedAt),
      deadlineAt: back(c!.deadlineAt),
      admissionUntil: back(c!.admissionUntil),
      evaluationUntil: back(c!.evaluationUntil),
      resultsDueAt: back(c!.resultsDueAt),
    })
    .where(eq(competitions.id, competitionId));
}

/** Whether the (first) field of this name on the page gives the text back as it was typed. */
function keeps(html: string, name: string, typed: string): boolean {
  const [value] = fieldValues(html, name);
  return value !== undefined && folded(value) === folded(typed);
}

/** Whether the page shows the text, as text. */
const shows = (html: string, text: string) => pageText(html).includes(folded(text));

/** A submitted application of a fresh NGO to the competition's first lot. */
async function submittedApplication(c: Awaited<ReturnType<typeof makeCompetition>>) {
  const applicant = await makeApplicant(t.ctx, c.year);
  const applicationId = await completeApplication(t.ctx, applicant.admin.id, applicant.organisation.id, c.lots[0]!.id);
  expect((await submitApplication(t.ctx, await actorOf(t.ctx, applicant.admin.id), applicationId)).ok).toBe(true);
  return { applicant, applicationId };
}

describe('hostile text in query and path parameters', () => {
  type Target = { path: () => string; params: string[]; as?: () => string; api?: boolean };
  let draftPath = '';
  let draftOwner = '';
  let projectId = '';
  let competitionId = '';

  beforeAll(async () => {
    const c = await makeCompetition(t.ctx);
    competitionId = c.competitionId;
    const applicant = await makeApplicant(t.ctx, c.year);
    const started = await startApplication(t.ctx, await actorOf(t.ctx, applicant.admin.id), { lotId: c.lots[0]!.id, organisationId: applicant.organisation.id, language: 'kk' });
    if (!started.ok) throw new Error(started.key);
    draftPath = `/kk/applications/${started.applicationId}/steps/plan`;
    draftOwner = applicant.admin.id;
    projectId = (await makeProject(t.ctx)).projectId;
  });

  const COMPETITION_LIST = ['instrument', 'status', 'region', 'year', 'page', 'pageSize'];
  const PROJECT_LIST = ['q', 'region', 'year', 'instrument', 'area', 'status', 'page', 'pageSize'];
  const TARGETS: Record<string, Target> = {
    'the competitions list': { path: () => '/kk/competitions', params: [...COMPETITION_LIST, 'x'] },
    'the competitions API': { path: () => '/api/v1/competitions', params: COMPETITION_LIST, api: true },
    'a competition’s page': { path: () => `/ru/competitions/${competitionId}`, params: ['x', 'lot'] },
    'the projects list': { path: () => '/kk/projects', params: [...PROJECT_LIST, 'x'] },
    'the projects API': { path: () => '/api/v1/projects', params: PROJECT_LIST.filter((p) => p !== 'q'), api: true },
    'a project’s page': { path: () => `/en/projects/${projectId}`, params: ['x'] },
    'the open-data page': { path: () => '/kk/open-data', params: ['x', 'lang'] },
    'the 360Giving JSON': { path: () => '/open-data/360giving.json', params: ['lang'], api: true },
    'the 360Giving CSV': { path: () => '/open-data/360giving.csv', params: ['lang'], api: true },
    'the OCDS package': { path: () => '/open-data/ocds.json', params: ['lang'], api: true },
    'the indicator results': { path: () => '/open-data/indicator-results.json', params: ['lang', 'x'] },
    'an application’s step (its blank rows)': { path: () => draftPath, params: ['rows'], as: () => draftOwner },
  };

  it.each(Object.keys(TARGETS))('%s', { timeout: 180_000 }, async (name) => {
    const target = TARGETS[name]!;
    const before = await rowCounts();
    const wrong: string[] = [];
    for (const param of target.params) {
      for (const payload of PAYLOADS) {
        const url = `${target.path()}?${param}=${encodeURIComponent(payload.value)}`;
        // A fresh browser each time: the open-data files are rate-limited per address.
        const res = await (await browser(target.as?.())).get(url);
        for (const p of problemsOf(res, payload.value)) wrong.push(`${param} = ${payload.name}: ${p}`);
        if (target.api) {
          // Nothing in the corpus is a valid value of a coded parameter: each is refused, by name
          // (the API in JSON; an open-data file, which is no JSON when refused, on its error page).
          const parameter = () => (res.headers['content-type']?.toString().startsWith('application/json') ? res.json().error?.parameter : /[“«](\w+)[”»]/.exec(pageText(res.body))?.[1]);
          const named = payload.value === NUL ? res.statusCode === 400 : res.statusCode === 400 && parameter() === param;
          if (!named) wrong.push(`${param} = ${payload.name}: answered ${res.statusCode} ${res.body.slice(0, 100)}`);
        } else if (res.statusCode !== 200 && res.statusCode !== 400) {
          wrong.push(`${param} = ${payload.name}: answered ${res.statusCode}`);
        }
      }
    }
    expect(wrong, wrong.join('\n')).toEqual([]);
    expect(await rowCounts()).toEqual(before);
  });

  it('searches projects with hostile text as data: no more found than without it, the text shown back escaped', { timeout: 120_000 }, async () => {
    const api = async (q?: string) => (await (await browser()).get(`/api/v1/projects${q === undefined ? '' : `?q=${encodeURIComponent(q)}`}`)).json().total as number;
    const everything = await api();
    expect(everything).toBeGreaterThan(1);
    for (const q of ["' or '1'='1", "x' or 1=1 --", '%', '_', '%_%\\.*', "') or ('a'='a", '.*']) expect(await api(q), q).toBeLessThan(everything);
    const wrong: string[] = [];
    for (const payload of PAYLOADS) {
      if (payload.value.length > 200 || payload.value === NUL) continue;
      const res = await (await browser()).get(`/api/v1/projects?q=${encodeURIComponent(payload.value)}`);
      if (res.statusCode !== 200) wrong.push(`the API, q = ${payload.name}: answered ${res.statusCode}`);
      const page = await (await browser()).get(`/kk/projects?q=${encodeURIComponent(payload.value)}`);
      if (page.statusCode !== 200 || !keeps(page.body, 'q', payload.value.trim())) wrong.push(`the list, q = ${payload.name}: not shown back in the search field`);
    }
    const long = await (await browser()).get(`/api/v1/projects?q=${'ә'.repeat(201)}`);
    expect(long.statusCode).toBe(400);
    expect(long.json().error.parameter).toBe('q');
    expect(wrong, wrong.join('\n')).toEqual([]);
  });

  it('answers hostile path segments with a 400, 403, 404 or 414, never a 5xx or raw markup', { timeout: 120_000 }, async () => {
    const organiser = (await queryRows<{ id: string }>(t.ctx.db, sql`select id from users where email = 'organiser@ortaq.kz'`))[0]!.id;
    const expert = (await queryRows<{ id: string }>(t.ctx.db, sql`select id from users where email = 'expert@ortaq.kz'`))[0]!.id;
    const admin = (await queryRows<{ id: string }>(t.ctx.db, sql`select id from users where email = 'admin@ortaq.kz'`))[0]!.id;
    const c = await makeCompetition(t.ctx);
    const [published] = await t.ctx.db.select({ id: competitions.id }).from(competitions).where(eq(competitions.stage, 'published')).limit(1);
    const paths: [string, (p: string) => string][] = [
      [admin, (p) => `/kk/competitions/${p}`],
      [admin, (p) => `/kk/competitions/${p}/lots/1/scores`],
      [admin, (p) => `/kk/competitions/${published!.id}/lots/${p}/scores`],
      [admin, (p) => `/kk/competitions/${c.competitionId}/lots/${p}/apply`],
      [admin, (p) => `/kk/competitions/${p}/lots/${c.lots[0]!.id}/apply`],
      [admin, (p) => `/kk/competitions/${c.competitionId}/protocol/${p}`],
      [draftOwner, (p) => `/kk/applications/${p}`],
      [draftOwner, (p) => `/kk/applications/${p}/steps/summary`],
      [draftOwner, (p) => `${draftPath.replace(/\/plan$/, '')}/${p}`],
      [draftOwner, (p) => `${draftPath.replace(/\/steps\/plan$/, '')}/attachments/${p}`],
      [draftOwner, (p) => `${draftPath.replace(/\/steps\/plan$/, '')}/receipt?x=${p}`],
      [organiser, (p) => `/kk/manage/competitions/${p}`],
      [organiser, (p) => `/kk/manage/applications/${p}`],
      [expert, (p) => `/kk/expert/applications/${p}`],
      [admin, (p) => `/kk/projects/${p}`],
      [admin, (p) => `/kk/projects/${projectId}/files/${p}`],
      [organiser, (p) => `/kk/manage/projects/${p}`],
      [organiser, (p) => `/kk/work/agreements/${p}`],
      [organiser, (p) => `/kk/work/reports/${p}`],
      [organiser, (p) => `/kk/work/applications/${p}/agreement`],
      [organiser, (p) => `/kk/work/projects/${projectId}/reports/${p}`],
      [admin, (p) => `/api/v1/competitions/${p}`],
      [admin, (p) => `/api/v1/projects/${p}`],
      [admin, (p) => `/open-data/${p}`],
    ];
    const ids = ['------------------------------------', 'f'.repeat(36), '00000000-0000-0000-0000-00000000000g', '00000000-0000-4000-8000-000000000000'];
    const wrong: string[] = [];
    for (const [userId, make] of paths) {
      const client = await browser(userId);
      for (const value of [...PAYLOADS.map((p) => p.value), ...ids]) {
        const url = make(encodeURIComponent(value));
        const res = await client.get(url);
        // The receipt's query is ignored: the page (or its redirect) answers as without it.
        const ok = url.includes('/receipt?') ? res.statusCode < 400 || (value === NUL && res.statusCode === 400) : [400, 403, 404, 414].includes(res.statusCode);
        if (!ok) wrong.push(`${url.slice(0, 100)}: answered ${res.statusCode}`);
        for (const p of problemsOf(res, value)) wrong.push(`${url.slice(0, 100)}: ${p}`);
      }
    }
    expect(wrong, wrong.join('\n')).toEqual([]);
  });
});

describe('hostile text in an application', () => {
  /** Each step's text fields, with the most each may hold, and its form with every text field set to `v`. */
  const TEXT_LIMITS: Record<ContentStep, Record<string, number>> = {
    summary: { title: 300, summary: 4000 },
    goals: { goal: 2000, tasks: 4000 },
    plan: { activity: 300 },
    indicators: { name: 200, unit: 50 },
    beneficiaries: { description: 2000 },
    budget: { item: 200 },
    team: { name: 200, role: 200 },
  };
  const stepForm = (step: ContentStep, text: (field: string) => string): Record<string, string | string[]> => {
    switch (step) {
      case 'summary':
        return { title: text('title'), summary: text('summary'), language: 'kk' };
      case 'goals':
        return { goal: text('goal'), tasks: text('tasks') };
      case 'plan':
        return { activity: [text('activity'), ''], from: ['2026-02-01', ''], to: ['2026-03-01', ''] };
      case 'indicators':
        return { name: [text('name'), ''], unit: [text('unit'), ''], target: ['3', ''] };
      case 'beneficiaries':
        return { description: text('description'), count: '500' };
      case 'budget':
        return { item: [text('item'), 'Әкімшілік', ''], kind: ['direct', 'administrative', 'direct'], amount: ['1 800 000', '200 000', ''] };
      case 'team':
        return { name: [text('name'), ''], role: [text('role'), ''] };
    }
  };
  /** What the stored content holds in a text field of a step. */
  const storedText = (content: Record<string, unknown>, step: ContentStep, field: string): unknown => {
    const part = content[step] as Record<string, unknown> | Record<string, unknown>[];
    return Array.isArray(part) ? part[0]?.[field] : part?.[field];
  };
  const STEPS = Object.keys(TEXT_LIMITS) as ContentStep[];
  const versionOf = (html: string) => /id="application-version" value="(\d+)"/.exec(html)?.[1] ?? '';
  const contentOf = async (id: string) => (await t.ctx.db.select().from(applications).where(eq(applications.id, id)))[0]!.content as unknown as Record<string, unknown>;

  let c: Awaited<ReturnType<typeof makeCompetition>>;
  beforeAll(async () => {
    c = await makeCompetition(t.ctx);
  });

  /** A fresh NGO's draft on the lot, and its admin's browser. */
  async function draft() {
    const applicant = await makeApplicant(t.ctx, c.year);
    const started = await startApplication(t.ctx, await actorOf(t.ctx, applicant.admin.id), { lotId: c.lots[0]!.id, organisationId: applicant.organisation.id, language: 'kk' });
    if (!started.ok) throw new Error(started.key);
    return { id: started.applicationId, applicant, client: await browser(applicant.admin.id) };
  }

  it('stores every text field as typed and shows it as text on the steps, the review, the overview and the organiser’s view; refuses what is too long, keeping it', { timeout: 600_000 }, async () => {
    const wrong: string[] = [];
    const organiser = await browser(c.organiser.id);
    for (const payload of PAYLOADS) {
      const v = payload.value;
      const { id, client, applicant } = await draft();
      const stepUrl = (step: ContentStep) => `/en/applications/${id}/steps/${step}`;
      let complete = true;
      for (const step of STEPS) {
        const limits = TEXT_LIMITS[step];
        const post = async (text: (field: string) => string) => {
          const page = await client.get(stepUrl(step));
          return submit(client, stepUrl(step), stepUrl(step), { ...stepForm(step, text), version: versionOf(page.body), intent: 'save' });
        };
        const before = await contentOf(id);
        const res = await post(() => v);
        for (const p of problemsOf(res, v)) wrong.push(`${step} = ${payload.name}: ${p}`);
        if (v === NUL) {
          if (res.statusCode !== 400) wrong.push(`${step} = ${payload.name}: answered ${res.statusCode}`);
          complete = false;
          continue;
        }
        const tooLong = Object.values(limits).some((max) => v.trim().length > max);
        if (tooLong) {
          // Refused, each field given back as typed, nothing saved; then the text cut to fit is saved.
          if (res.statusCode !== 422) wrong.push(`${step} = ${payload.name}: answered ${res.statusCode}, not 422`);
          if (!pageText(res.body).includes('too long')) wrong.push(`${step} = ${payload.name}: no message says the text is too long`);
          for (const field of Object.keys(limits)) if (!keeps(res.body, field, v)) wrong.push(`${step}.${field} = ${payload.name}: not given back as typed`);
          if (JSON.stringify(await contentOf(id)) !== JSON.stringify(before)) wrong.push(`${step} = ${payload.name}: saved although refused`);
        }
        const fits = (field: string) => (tooLong ? v.slice(0, limits[field]!) : v);
        const saved = tooLong ? await post(fits) : res;
        if (saved.statusCode !== 303) {
          wrong.push(`${step} = ${payload.name}: answered ${saved.statusCode} ${pageText(saved.body).slice(0, 200)}`);
          complete = false;
          continue;
        }
        const content = await contentOf(id);
        for (const field of Object.keys(limits)) {
          if (storedText(content, step, field) !== fits(field).trim()) wrong.push(`${step}.${field} = ${payload.name}: stored as ${JSON.stringify(storedText(content, step, field)).slice(0, 80)}`);
        }
        const shown = await client.get(stepUrl(step));
        for (const p of problemsOf(shown, v)) wrong.push(`the ${step} page with ${payload.name}: ${p}`);
        for (const field of Object.keys(limits)) if (!keeps(shown.body, field, fits(field).trim())) wrong.push(`the ${step} page with ${payload.name}: ${field} not shown back as stored`);
      }
      if (!complete) continue;

      // The whole application, read only: the review step; then, submitted, the overview and the organiser's view.
      const texts = (await Promise.all(STEPS.flatMap((step) => Object.keys(TEXT_LIMITS[step]).map(async (field) => storedText(await contentOf(id), step, field) as string)))).filter(Boolean);
      const actor = await actorOf(t.ctx, applicant.admin.id);
      for (const code of ['charter', 'budget-justification']) await attachDocument(t.ctx, actor, id, { documentCode: code, name: `${code}.pdf`, bytes: PDF });
      const readOnly = async (where: string, res: LightMyRequestResponse) => {
        if (res.statusCode !== 200) wrong.push(`${where} with ${payload.name}: answered ${res.statusCode}`);
        for (const p of problemsOf(res, v)) wrong.push(`${where} with ${payload.name}: ${p}`);
        for (const text of texts) if (!shows(res.body, text)) wrong.push(`${where} with ${payload.name}: does not show ${JSON.stringify(text.slice(0, 40))}`);
      };
      await readOnly('the review step', await client.get(`/en/applications/${id}/steps/review`));
      const submitted = await submit(client, `/en/applications/${id}`, `/en/applications/${id}/submit`, {});
      if (submitted.statusCode !== 303) {
        wrong.push(`submitting with ${payload.name}: answered ${submitted.statusCode} ${pageText(submitted.body).slice(0, 300)}`);
        continue;
      }
      await readOnly('the overview', await client.get(`/en/applications/${id}`));
      const receipt = await client.get(`/en/applications/${id}/receipt`);
      for (const p of problemsOf(receipt, v)) wrong.push(`the receipt with ${payload.name}: ${p}`);
      await readOnly('the organiser’s view', await organiser.get(`/ru/manage/applications/${id}`));
      const desk = await organiser.get(`/kk/manage/competitions/${c.competitionId}`);
      for (const p of problemsOf(desk, v)) wrong.push(`the organiser’s desk with ${payload.name}: ${p}`);
    }
    expect(wrong, wrong.join('\n')).toEqual([]);
  });

  it('refuses hostile dates, numbers and amounts with a message beside the field, keeping what was typed and saving nothing', { timeout: 300_000 }, async () => {
    const { id, client } = await draft();
    const wrong: string[] = [];
    const cases: { step: ContentStep; field: string; form: (v: string) => Record<string, string | string[]>; message: string }[] = [
      { step: 'plan', field: 'from', form: (v) => ({ activity: ['Дөңгелек үстел'], from: [v], to: ['2026-03-01'] }), message: 'Enter a date as YYYY-MM-DD' },
      { step: 'plan', field: 'to', form: (v) => ({ activity: ['Дөңгелек үстел'], from: ['2026-02-01'], to: [v] }), message: 'Enter a date as YYYY-MM-DD' },
      { step: 'indicators', field: 'target', form: (v) => ({ name: ['Дөңгелек үстел'], unit: ['дана'], target: [v] }), message: 'Enter a whole number, at least 1.' },
      { step: 'budget', field: 'amount', form: (v) => ({ item: ['Іс-шаралар'], kind: ['direct'], amount: [v] }), message: 'Enter an amount in tenge' },
      { step: 'beneficiaries', field: 'count', form: (v) => ({ description: 'Ауыл жастары', count: v }), message: 'Enter a whole number, at least 1.' },
    ];
    for (const k of cases) {
      const url = `/en/applications/${id}/steps/${k.step}`;
      for (const payload of PAYLOADS) {
        const before = await contentOf(id);
        const page = await client.get(url);
        const res = await submit(client, url, url, { ...k.form(payload.value), version: versionOf(page.body), intent: 'save' });
        for (const p of problemsOf(res, payload.value)) wrong.push(`${k.step}.${k.field} = ${payload.name}: ${p}`);
        if (JSON.stringify(await contentOf(id)) !== JSON.stringify(before)) wrong.push(`${k.step}.${k.field} = ${payload.name}: saved`);
        if (payload.value === NUL) {
          if (res.statusCode !== 400) wrong.push(`${k.step}.${k.field} = ${payload.name}: answered ${res.statusCode}`);
          continue;
        }
        if (res.statusCode !== 422) {
          wrong.push(`${k.step}.${k.field} = ${payload.name}: answered ${res.statusCode}`);
          continue;
        }
        if (!keeps(res.body, k.field, payload.value)) wrong.push(`${k.step}.${k.field} = ${payload.name}: not given back as typed`);
        if (!pageText(res.body).includes(k.message)) wrong.push(`${k.step}.${k.field} = ${payload.name}: no clear message`);
      }
    }
    // The hidden fields: a forged version is a broken form; an unknown intent or row count is ignored.
    const url = `/en/applications/${id}/steps/summary`;
    for (const payload of PAYLOADS) {
      const forged = await submit(client, url, url, { title: 'Жастар үні', summary: '', version: payload.value });
      if (forged.statusCode !== 400) wrong.push(`version = ${payload.name}: answered ${forged.statusCode}`);
      for (const p of problemsOf(forged, payload.value)) wrong.push(`version = ${payload.name}: ${p}`);
      const page = await client.get(url);
      const res = await submit(client, url, url, { title: 'Жастар үні', summary: '', language: payload.value, intent: payload.value, rows: payload.value, version: versionOf(page.body) });
      for (const p of problemsOf(res, payload.value)) wrong.push(`language, intent, rows = ${payload.name}: ${p}`);
      if (res.statusCode !== (payload.value === NUL ? 400 : 303)) wrong.push(`language, intent, rows = ${payload.name}: answered ${res.statusCode}`);
      if (res.statusCode === 303 && String(res.headers.location) !== `/en/applications/${id}/steps/goals`) wrong.push(`intent = ${payload.name}: went to ${res.headers.location}`);
    }
    expect((await loadApplication(t.ctx.db, id)).application.language).toBe('kk');
    expect(wrong, wrong.join('\n')).toEqual([]);
  });

  it('answers an autosave of hostile text with a fragment that carries it as text', { timeout: 120_000 }, async () => {
    const { id, client } = await draft();
    const wrong: string[] = [];
    for (const payload of PAYLOADS) {
      const url = `/en/applications/${id}/steps/summary`;
      const page = await client.get(url);
      const res = await submit(client, url, `${url}/autosave`, { title: payload.value, summary: payload.value, language: 'kk', version: versionOf(page.body) });
      for (const p of problemsOf(res, payload.value)) wrong.push(`${payload.name}: ${p}`);
      const expected = payload.value === NUL ? 400 : payload.value.length > 300 ? 422 : 200;
      if (res.statusCode !== expected) wrong.push(`${payload.name}: answered ${res.statusCode}, not ${expected}`);
      if (res.statusCode === 200 && storedText(await contentOf(id), 'summary', 'title') !== payload.value.trim()) wrong.push(`${payload.name}: not stored as typed`);
    }
    expect(wrong, wrong.join('\n')).toEqual([]);
  });
});

describe('hostile text in the announcement form', () => {
  let organiser: { user: { id: string }; body: { id: string } };
  beforeAll(async () => {
    const user = await makeUser(t.ctx, { roles: ['organiser'] });
    organiser = { user, body: await makeOrganisation(t.ctx, { kind: 'state', members: [{ userId: user.id, role: 'staff' }] }) };
  });
  const at = (days: number) => localDateTimeValue(new Date(t.ctx.clock.now().getTime() + days * DAY));
  const valid = (): Record<string, string> => ({
    organiserId: organiser.body.id,
    instrument: 'grant',
    ruleVersionId: 'grant-2022',
    year: '2026',
    regionCode: 'KZ-33',
    titleKk: 'Жетісу жастары',
    titleRu: 'Молодёжь Жетысу',
    titleEn: '',
    descriptionKk: '',
    descriptionRu: '',
    announcedAt: at(1),
    deadlineAt: at(20),
    admissionUntil: at(25),
    evaluationUntil: at(30),
    resultsDueAt: at(35),
    lotRows: '2',
    'lot0.titleKk': 'Ауыл жастары',
    'lot0.titleRu': 'Сельская молодёжь',
    'lot0.area': 'youth',
    'lot0.regionCode': '',
    'lot0.budget': '3 000 000',
    'lot0.durationType': 'short',
    'lot0.indicators': 'Дөңгелек үстел / Круглый стол | дана / шт. | 3',
    'lot1.titleKk': '',
    'lot1.titleRu': '',
    'lot1.area': '',
    'lot1.regionCode': '',
    'lot1.budget': '',
    'lot1.durationType': 'short',
    'lot1.indicators': '',
  });
  const TEXT_FIELDS = ['titleKk', 'titleRu', 'titleEn', 'descriptionKk', 'descriptionRu', 'year', ...['announcedAt', 'deadlineAt', 'admissionUntil', 'evaluationUntil', 'resultsDueAt'], ...['titleKk', 'titleRu', 'budget', 'indicators'].map((f) => `lot0.${f}`)];
  const CODED_FIELDS = ['organiserId', 'instrument', 'ruleVersionId', 'year', 'regionCode', 'announcedAt', 'deadlineAt', 'admissionUntil', 'evaluationUntil', 'resultsDueAt', ...['area', 'regionCode', 'budget', 'durationType', 'indicators'].map((f) => `lot0.${f}`)];
  const counts = async () => ({
    competitions: (await t.ctx.db.select({ id: competitions.id }).from(competitions)).length,
    lots: (await t.ctx.db.select({ id: lots.id }).from(lots)).length,
  });

  it('gives every field back escaped on a 422 when every field is hostile, and writes nothing', { timeout: 180_000 }, async () => {
    const client = await browser(organiser.user.id);
    const before = await counts();
    const wrong: string[] = [];
    for (const payload of PAYLOADS) {
      const form = { ...Object.fromEntries(Object.keys(valid()).map((k) => [k, payload.value])), lotRows: '2' };
      const res = await submit(client, '/en/manage/competitions/new', '/en/manage/competitions/new', form);
      for (const p of problemsOf(res, payload.value)) wrong.push(`${payload.name}: ${p}`);
      // Thirty fields of 10 KB of Cyrillic, percent-encoded, are over the 1 MB a form may be.
      const expected = payload.value === NUL ? 400 : new URLSearchParams(form).toString().length > 1024 * 1024 ? 413 : 422;
      if (res.statusCode !== expected) wrong.push(`${payload.name}: answered ${res.statusCode}, not ${expected}`);
      if (res.statusCode !== 422) continue;
      for (const field of TEXT_FIELDS) if (!keeps(res.body, field, payload.value)) wrong.push(`${field} = ${payload.name}: not given back as typed`);
    }
    expect(wrong, wrong.join('\n')).toEqual([]);
    expect(await counts()).toEqual(before);
  });

  it('refuses a hostile value in a coded field with a 422 and writes nothing', { timeout: 300_000 }, async () => {
    const client = await browser(organiser.user.id);
    const before = await counts();
    const wrong: string[] = [];
    for (const field of CODED_FIELDS) {
      for (const payload of PAYLOADS) {
        const res = await submit(client, '/en/manage/competitions/new', '/en/manage/competitions/new', { ...valid(), [field]: payload.value });
        for (const p of problemsOf(res, payload.value)) wrong.push(`${field} = ${payload.name}: ${p}`);
        if (res.statusCode !== (payload.value === NUL ? 400 : 422)) wrong.push(`${field} = ${payload.name}: answered ${res.statusCode}`);
      }
    }
    // The row count and the "add rows" button are read leniently: a form comes back, or is announced, but nothing breaks.
    for (const field of ['lotRows', 'addRows']) {
      for (const payload of PAYLOADS) {
        const res = await submit(client, '/en/manage/competitions/new', '/en/manage/competitions/new', { ...valid(), 'lot0.budget': 'x', [field]: payload.value });
        for (const p of problemsOf(res, payload.value)) wrong.push(`${field} = ${payload.name}: ${p}`);
        if (res.statusCode >= 500 || res.statusCode === 303) wrong.push(`${field} = ${payload.name}: answered ${res.statusCode}`);
      }
    }
    expect(wrong, wrong.join('\n')).toEqual([]);
    expect(await counts()).toEqual(before);
  });

  it('announces hostile titles, descriptions and indicators as typed, shown as text on the desk, the public page and in the API', { timeout: 300_000 }, async () => {
    const client = await browser(organiser.user.id);
    const wrong: string[] = [];
    for (const payload of PAYLOADS) {
      const v = payload.value;
      // An indicator line is `name | unit | target`: the name is the text, without the line's own separators.
      const indicator = v.replace(/[|\r\n]/g, ' ').trim();
      const form = { ...valid(), titleKk: v, titleRu: v, titleEn: v, descriptionKk: v, descriptionRu: v, 'lot0.titleKk': v, 'lot0.titleRu': v, 'lot0.indicators': `${indicator} | дана | 3` };
      const before = await counts();
      const res = await submit(client, '/en/manage/competitions/new', '/en/manage/competitions/new', form);
      for (const p of problemsOf(res, v)) wrong.push(`${payload.name}: ${p}`);
      const expected = v === NUL ? 400 : v.length > 300 ? 422 : 303;
      if (res.statusCode !== expected) wrong.push(`${payload.name}: answered ${res.statusCode}, not ${expected}: ${pageText(res.body).slice(0, 200)}`);
      if (res.statusCode !== 303) {
        if (JSON.stringify(await counts()) !== JSON.stringify(before)) wrong.push(`${payload.name}: written although refused`);
        if (res.statusCode === 422) for (const f of ['titleKk', 'descriptionRu', 'lot0.titleRu']) if (!keeps(res.body, f, v)) wrong.push(`${f} = ${payload.name}: not given back as typed`);
        continue;
      }
      const id = /\/manage\/competitions\/([0-9a-f-]{36})/.exec(String(res.headers.location))![1]!;
      const [stored] = await t.ctx.db.select().from(competitions).where(eq(competitions.id, id));
      const [lot] = await t.ctx.db.select().from(lots).where(eq(lots.competitionId, id));
      const typed = v.trim();
      for (const [field, value] of Object.entries({ titleKk: stored!.titleKk, titleRu: stored!.titleRu, titleEn: stored!.titleEn, descriptionKk: stored!.descriptionKk, descriptionRu: stored!.descriptionRu, 'lot.titleKk': lot!.titleKk, 'lot.titleRu': lot!.titleRu })) {
        if (value !== typed) wrong.push(`${field} = ${payload.name}: stored as ${JSON.stringify(value).slice(0, 80)}`);
      }
      if (lot!.indicators[0]?.name.kk !== indicator) wrong.push(`the indicator = ${payload.name}: stored as ${JSON.stringify(lot!.indicators[0]?.name)}`);
      const pages: [string, LightMyRequestResponse, string[]][] = [
        ['the desk', await client.get(`/kk/manage/competitions/${id}`), [typed]],
        ['the public page (kk)', await (await browser()).get(`/kk/competitions/${id}`), [typed, indicator]],
        ['the public page (ru)', await (await browser()).get(`/ru/competitions/${id}`), [typed, indicator]],
        ['the public page (en)', await (await browser()).get(`/en/competitions/${id}`), [typed]],
        ['the list', await (await browser()).get('/kk/competitions?status=upcoming&pageSize=100'), [typed]],
      ];
      for (const [where, page, texts] of pages) {
        if (page.statusCode !== 200) wrong.push(`${where} with ${payload.name}: answered ${page.statusCode}`);
        for (const p of problemsOf(page, v)) wrong.push(`${where} with ${payload.name}: ${p}`);
        for (const text of texts) if (!shows(page.body, text)) wrong.push(`${where} with ${payload.name}: does not show ${JSON.stringify(text.slice(0, 40))}`);
      }
      const api = (await (await browser()).get(`/api/v1/competitions/${id}`)).json();
      if (api.title?.kk !== typed || api.description?.ru !== typed || api.lots?.[0]?.title?.ru !== typed) wrong.push(`the API with ${payload.name}: ${JSON.stringify(api.title).slice(0, 100)}`);
    }
    expect(wrong, wrong.join('\n')).toEqual([]);
  });
});

describe('hostile text in admission, declarations and scores', () => {
  it('stores a refusal’s reason as typed and shows it as text to the organiser and in the applicant’s mail', { timeout: 300_000 }, async () => {
    const c = await makeCompetition(t.ctx);
    const { applicant, applicationId } = await submittedApplication(c);
    await moveBack(c.competitionId, 8 * DAY);
    const organiser = await browser(c.organiser.id);
    const admin = await browser((await makeUser(t.ctx, { roles: ['admin'] })).id);
    const page = `/en/manage/applications/${applicationId}`;
    const action = `${page}/admission`;
    const stored = async () => (await t.ctx.db.select().from(applications).where(eq(applications.id, applicationId)))[0]!;
    const wrong: string[] = [];
    for (const payload of PAYLOADS) {
      const v = payload.value;
      const before = await stored();
      const res = await submit(organiser, page, action, { decision: 'refuse', reason: v });
      for (const p of problemsOf(res, v)) wrong.push(`reason = ${payload.name}: ${p}`);
      const expected = v === NUL ? 400 : v.trim().length > 2000 ? 422 : 303;
      if (res.statusCode !== expected) wrong.push(`reason = ${payload.name}: answered ${res.statusCode}, not ${expected}`);
      if (res.statusCode !== 303) {
        if ((await stored()).decisionReason !== before.decisionReason) wrong.push(`reason = ${payload.name}: stored although refused`);
        if (res.statusCode === 422 && !keeps(res.body, 'reason', v)) wrong.push(`reason = ${payload.name}: not given back as typed`);
        continue;
      }
      const typed = v.trim();
      const after = await stored();
      if (after.status !== 'refused' || after.decisionReason !== typed) wrong.push(`reason = ${payload.name}: stored as ${after.status} ${JSON.stringify(after.decisionReason).slice(0, 80)}`);
      for (const [where, url] of [
        ['the application', page],
        ['the desk', `/kk/manage/competitions/${c.competitionId}`],
      ]) {
        const shown = await organiser.get(url!);
        for (const p of problemsOf(shown, v)) wrong.push(`${where} with ${payload.name}: ${p}`);
        if (!shows(shown.body, typed)) wrong.push(`${where} with ${payload.name}: the reason is not shown as text`);
      }
      const profile = await (await browser()).get(`/kk/organisations/${applicant.organisation.bin}`);
      for (const p of problemsOf(profile, v)) wrong.push(`the applicant’s profile with ${payload.name}: ${p}`);
      // The applicant is told by mail: the reason is in its text, nothing of it in its headers.
      const [mail] = await t.ctx.db.select().from(mailOutbox).where(eq(mailOutbox.to, applicant.admin.email)).orderBy(sql`${mailOutbox.createdAt} desc`).limit(1);
      if (!mail?.text.includes(typed)) wrong.push(`the mail with ${payload.name}: the reason is not in it as typed`);
      if (mail && /[\r\n]/.test(mail.subject)) wrong.push(`the mail with ${payload.name}: a line break in the subject`);
      const outbox = await admin.get(`/en/admin/outbox/${mail?.id}`);
      for (const p of problemsOf(outbox, v)) wrong.push(`the outbox with ${payload.name}: ${p}`);
      if (!shows(outbox.body, typed)) wrong.push(`the outbox with ${payload.name}: the reason is not shown as text`);
    }
    for (const payload of PAYLOADS) {
      const res = await submit(organiser, page, action, { decision: payload.value, reason: 'Құжаттар толық емес' });
      for (const p of problemsOf(res, payload.value)) wrong.push(`decision = ${payload.name}: ${p}`);
      if (res.statusCode !== (payload.value === NUL ? 400 : 422)) wrong.push(`decision = ${payload.name}: answered ${res.statusCode}`);
    }
    expect(wrong, wrong.join('\n')).toEqual([]);
  });

  describe('the expert’s desk', () => {
    let applicationId: string;
    let scorer: { id: string };
    let declarer: { id: string };
    beforeAll(async () => {
      const c = await makeCompetition(t.ctx);
      applicationId = (await submittedApplication(c)).applicationId;
      await moveBack(c.competitionId, 8 * DAY);
      const experts = [await makeUser(t.ctx, { roles: ['expert'] }), await makeUser(t.ctx, { roles: ['expert'] }), await makeUser(t.ctx, { roles: ['expert'] })];
      scorer = experts[0]!;
      declarer = experts[1]!;
      const organiser = await actorOf(t.ctx, c.organiser.id);
      expect(await nameCommission(t.ctx, organiser, c.competitionId, experts.map((e) => e.id))).toEqual({ ok: true });
      expect(await decideAdmission(t.ctx, organiser, applicationId, { admit: true })).toEqual({ ok: true });
      expect(await startEvaluation(t.ctx, organiser, c.competitionId)).toEqual({ ok: true });
      expect(await declareConflict(t.ctx, await actorOf(t.ctx, scorer.id), applicationId, { hasConflict: false })).toEqual({ ok: true });
    });

    it('stores scoring comments as typed and gives them back as text in the expert’s form; refuses hostile points', { timeout: 300_000 }, async () => {
      const criteria = (await loadApplication(t.ctx.db, applicationId)).rule.definition.criteria;
      const client = await browser(scorer.id);
      const page = `/en/expert/applications/${applicationId}`;
      const stored = async () => t.ctx.db.select().from(scores).where(and(eq(scores.applicationId, applicationId), eq(scores.expertId, scorer.id)));
      const wrong: string[] = [];
      for (const payload of PAYLOADS) {
        const v = payload.value;
        const before = JSON.stringify(await stored());
        const form = Object.fromEntries(criteria.flatMap((k) => [[`points.${k.code}`, '1'], [`comment.${k.code}`, v]]));
        const res = await submit(client, page, `${page}/scores`, form);
        for (const p of problemsOf(res, v)) wrong.push(`comments = ${payload.name}: ${p}`);
        const expected = v === NUL ? 400 : v.length > 4000 ? 422 : 303;
        if (res.statusCode !== expected) wrong.push(`comments = ${payload.name}: answered ${res.statusCode}, not ${expected}`);
        if (res.statusCode !== 303) {
          if (JSON.stringify(await stored()) !== before) wrong.push(`comments = ${payload.name}: stored although refused`);
          if (res.statusCode === 422) for (const k of criteria) if (!keeps(res.body, `comment.${k.code}`, v)) wrong.push(`comment.${k.code} = ${payload.name}: not given back as typed`);
          continue;
        }
        for (const row of await stored()) if (row.comment !== v.trim()) wrong.push(`comment.${row.criterion} = ${payload.name}: stored as ${JSON.stringify(row.comment).slice(0, 80)}`);
        const form2 = await client.get(page);
        for (const p of problemsOf(form2, v)) wrong.push(`the scoring form with ${payload.name}: ${p}`);
        for (const k of criteria) if (!keeps(form2.body, `comment.${k.code}`, v.trim())) wrong.push(`the scoring form with ${payload.name}: comment.${k.code} not given back as stored`);
        const desk = await client.get('/en/expert');
        for (const p of problemsOf(desk, v)) wrong.push(`the desk with ${payload.name}: ${p}`);
      }
      for (const payload of PAYLOADS) {
        const before = JSON.stringify(await stored());
        const form = Object.fromEntries(criteria.flatMap((k) => [[`points.${k.code}`, payload.value], [`comment.${k.code}`, 'Жақсы']]));
        // Points are chosen from a list: a value not on it is refused, the comments kept.
        const res = await submit(client, page, `${page}/scores`, form);
        for (const p of problemsOf(res, payload.value)) wrong.push(`points = ${payload.name}: ${p}`);
        if (res.statusCode === 422 && !keeps(res.body, `comment.${criteria[0]!.code}`, 'Жақсы')) wrong.push(`points = ${payload.name}: the comment is lost`);
        if (res.statusCode !== (payload.value === NUL ? 400 : 422)) wrong.push(`points = ${payload.name}: answered ${res.statusCode}`);
        if (res.statusCode === 422 && !pageText(res.body).includes('choose whole points between 0 and')) wrong.push(`points = ${payload.name}: no clear message`);
        if (JSON.stringify(await stored()) !== before) wrong.push(`points = ${payload.name}: stored`);
      }
      expect(wrong, wrong.join('\n')).toEqual([]);
    });

    it('stores a declared conflict’s note as typed and shows it to the expert as text', { timeout: 300_000 }, async () => {
      const client = await browser(declarer.id);
      const page = `/en/expert/applications/${applicationId}`;
      const declaration = async () => (await t.ctx.db.select().from(conflictDeclarations).where(and(eq(conflictDeclarations.applicationId, applicationId), eq(conflictDeclarations.expertId, declarer.id))))[0];
      const wrong: string[] = [];
      for (const payload of PAYLOADS) {
        const v = payload.value;
        // A declared conflict is final; each note is declared afresh.
        await t.ctx.db.delete(conflictDeclarations).where(and(eq(conflictDeclarations.applicationId, applicationId), eq(conflictDeclarations.expertId, declarer.id)));
        const res = await submit(client, page, `${page}/declaration`, { hasConflict: 'yes', note: v });
        for (const p of problemsOf(res, v)) wrong.push(`note = ${payload.name}: ${p}`);
        const expected = v === NUL ? 400 : v.trim().length > 1000 ? 422 : 303;
        if (res.statusCode !== expected) wrong.push(`note = ${payload.name}: answered ${res.statusCode}, not ${expected}`);
        if (res.statusCode !== 303) {
          if (await declaration()) wrong.push(`note = ${payload.name}: stored although refused`);
          if (res.statusCode === 422 && !keeps(res.body, 'note', v)) wrong.push(`note = ${payload.name}: not given back as typed`);
          continue;
        }
        if ((await declaration())?.note !== v.trim()) wrong.push(`note = ${payload.name}: stored as ${JSON.stringify((await declaration())?.note).slice(0, 80)}`);
        const refused = await client.get(page);
        if (refused.statusCode !== 403) wrong.push(`the recused page with ${payload.name}: answered ${refused.statusCode}`);
        for (const p of problemsOf(refused, v)) wrong.push(`the recused page with ${payload.name}: ${p}`);
        if (!shows(refused.body, v.trim())) wrong.push(`the recused page with ${payload.name}: the note is not shown as text`);
        const desk = await client.get('/en/expert');
        for (const p of problemsOf(desk, v)) wrong.push(`the desk with ${payload.name}: ${p}`);
      }
      await t.ctx.db.delete(conflictDeclarations).where(and(eq(conflictDeclarations.applicationId, applicationId), eq(conflictDeclarations.expertId, declarer.id)));
      for (const payload of PAYLOADS) {
        const res = await submit(client, page, `${page}/declaration`, { hasConflict: payload.value, note: '' });
        for (const p of problemsOf(res, payload.value)) wrong.push(`hasConflict = ${payload.name}: ${p}`);
        if (res.statusCode !== (payload.value === NUL ? 400 : 422)) wrong.push(`hasConflict = ${payload.name}: answered ${res.statusCode}`);
        if (res.statusCode === 422 && !pageText(res.body).includes('Choose whether you have a conflict of interest.')) wrong.push(`hasConflict = ${payload.name}: no clear message`);
      }
      expect(await declaration()).toBeUndefined();
      expect(wrong, wrong.join('\n')).toEqual([]);
    });
  });
});

describe('hostile text in projects', () => {
  it('a citizen’s comment: refused when too long, else stored pending, shown as text on the moderation desk and, published, on the project’s page', { timeout: 300_000 }, async () => {
    const p = await makeProject(t.ctx);
    const organiser = await browser(p.organiser.id);
    const page = `/kk/projects/${p.projectId}`;
    const feedbackIds = async () => new Set((await t.ctx.db.select({ id: projectFeedback.id }).from(projectFeedback).where(eq(projectFeedback.projectId, p.projectId))).map((r) => r.id));
    const wrong: string[] = [];
    for (const payload of PAYLOADS) {
      const v = payload.value;
      const before = await feedbackIds();
      // A fresh browser for each comment: five an hour are taken from one address.
      const res = await submit(await browser(), page, `${page}/feedback`, { name: v, comment: v });
      for (const p2 of problemsOf(res, v)) wrong.push(`${payload.name}: ${p2}`);
      const expected = v === NUL ? 400 : v.trim().length > 100 ? 422 : 303;
      if (res.statusCode !== expected) wrong.push(`${payload.name}: answered ${res.statusCode}, not ${expected}`);
      const added = [...(await feedbackIds())].filter((id) => !before.has(id));
      if (res.statusCode !== 303) {
        if (added.length) wrong.push(`${payload.name}: stored although refused`);
        if (res.statusCode === 422) {
          if (!keeps(res.body, 'name', v) || !keeps(res.body, 'comment', v)) wrong.push(`${payload.name}: not given back as typed`);
          if (!pageText(res.body).includes('тым ұзын')) wrong.push(`${payload.name}: no message says it is too long`);
        }
        continue;
      }
      const typed = v.trim();
      const [row] = await t.ctx.db.select().from(projectFeedback).where(eq(projectFeedback.id, added[0]!));
      if (row?.status !== 'pending' || row.authorName !== typed || row.body !== typed) wrong.push(`${payload.name}: stored as ${JSON.stringify(row).slice(0, 120)}`);
      for (const [where, url] of [
        ['the moderation queue', '/kk/manage/projects'],
        ['the monitoring desk', `/ru/manage/projects/${p.projectId}`],
      ]) {
        const shown = await organiser.get(url!);
        for (const p2 of problemsOf(shown, v)) wrong.push(`${where} with ${payload.name}: ${p2}`);
        if (!shows(shown.body, typed)) wrong.push(`${where} with ${payload.name}: the comment is not shown as text`);
      }
      const published = await submit(organiser, `/ru/manage/projects/${p.projectId}`, `/ru/manage/feedback/${row!.id}`, { decision: 'publish', from: 'desk' });
      if (published.statusCode !== 303) wrong.push(`publishing ${payload.name}: answered ${published.statusCode}`);
      const visitor = await (await browser()).get(page);
      for (const p2 of problemsOf(visitor, v)) wrong.push(`the project’s page with ${payload.name}: ${p2}`);
      if (!shows(visitor.body, typed)) wrong.push(`the project’s page with ${payload.name}: the comment is not shown as text`);
    }
    for (const payload of PAYLOADS) {
      const feedbackId = [...(await feedbackIds())][0]!;
      const res = await submit(organiser, '/kk/manage/projects', `/kk/manage/feedback/${feedbackId}`, { decision: payload.value, from: payload.value });
      for (const p2 of problemsOf(res, payload.value)) wrong.push(`decision = ${payload.name}: ${p2}`);
      if (res.statusCode !== 400) wrong.push(`decision = ${payload.name}: answered ${res.statusCode}`);
    }
    expect(wrong, wrong.join('\n')).toEqual([]);
  });

  /** Evidence that looks like a web address, or almost: only an http(s) address without quotes or brackets becomes a link. */
  const LINKS = [
    { name: 'a link that breaks its attribute (")', value: 'https://evil.example/x"onmouseover="alert(1)' },
    { name: "a link that breaks its attribute (')", value: "https://evil.example/x'onmouseover='alert(1)" },
    { name: 'a link with markup', value: 'https://evil.example/<script>alert(1)</script>' },
    { name: 'a javascript: link behind a web address', value: 'javascript:alert(1)//https://evil.example/' },
    { name: 'two links and an ampersand', value: 'http://a.example/?x=1&y=<b> https://b.example/фото' },
  ];

  it('a report: narrative, evidence and the organiser’s comments stored as typed, shown as text to the organiser, the organisation and, accepted, the public', { timeout: 600_000 }, async () => {
    const wrong: string[] = [];
    for (const payload of [...PAYLOADS, ...LINKS]) {
      const v = payload.value;
      const p = await makeProject(t.ctx);
      const member = await browser(p.applicant.admin.id);
      const organiser = await browser(p.organiser.id);
      const formUrl = `/kk/work/projects/${p.projectId}/reports/1`;
      const indicators = await t.ctx.db.select().from(projectIndicators).where(eq(projectIndicators.projectId, p.projectId));
      const form = (evidence: string, intent = 'submit') => ({
        narrative: v,
        intent,
        ...Object.fromEntries(indicators.flatMap((i) => [[`actual.${i.id}`, '3'], [`evidence.${i.id}`, evidence]])),
      });
      const reportOf = async () => (await t.ctx.db.select().from(reports).where(eq(reports.projectId, p.projectId)))[0];

      let res = await submit(member, formUrl, formUrl, form(v));
      for (const p2 of problemsOf(res, v)) wrong.push(`${payload.name}: ${p2}`);
      if (v === NUL) {
        if (res.statusCode !== 400 || (await reportOf())) wrong.push(`${payload.name}: answered ${res.statusCode}`);
        continue;
      }
      let evidence = v;
      if (v.trim().length > 2000) {
        if (res.statusCode !== 422) wrong.push(`${payload.name}: answered ${res.statusCode}, not 422`);
        if (await reportOf()) wrong.push(`${payload.name}: saved although refused`);
        if (!keeps(res.body, 'narrative', v) || !keeps(res.body, `evidence.${indicators[0]!.id}`, v)) wrong.push(`${payload.name}: not given back as typed`);
        evidence = v.slice(0, 2000);
        res = await submit(member, formUrl, formUrl, form(evidence));
      }
      if (res.statusCode !== 303) {
        wrong.push(`${payload.name}: answered ${res.statusCode} ${pageText(res.body).slice(0, 200)}`);
        continue;
      }
      const report = (await reportOf())!;
      const values = await t.ctx.db.select().from(reportValues).where(eq(reportValues.reportId, report.id));
      if (report.status !== 'submitted' || report.narrative !== v.trim()) wrong.push(`${payload.name}: the narrative stored as ${JSON.stringify(report.narrative).slice(0, 80)}`);
      if (values.some((x) => x.evidence !== evidence.trim())) wrong.push(`${payload.name}: the evidence stored as ${JSON.stringify(values[0]?.evidence).slice(0, 80)}`);
      const texts = [v.trim(), evidence.trim()];
      const check = (where: string, shown: LightMyRequestResponse, expect: string[]) => {
        if (shown.statusCode !== 200) wrong.push(`${where} with ${payload.name}: answered ${shown.statusCode}`);
        for (const p2 of problemsOf(shown, v)) wrong.push(`${where} with ${payload.name}: ${p2}`);
        for (const text of expect) if (!shows(shown.body, text)) wrong.push(`${where} with ${payload.name}: does not show ${JSON.stringify(text.slice(0, 40))}`);
        // A link is made of a web address alone (an apostrophe may be in one), and carries it whole.
        for (const href of [...shown.body.matchAll(/<a [^>]*href="([^"]*)"[^>]*rel="nofollow/g)].map((m) => m[1]!)) {
          if (!/^https?:\/\/[^\s<>"]+$/.test(href.replace(/&amp;/g, '&'))) wrong.push(`${where} with ${payload.name}: a link to ${href}`);
        }
      };
      check('the organiser’s report page', await organiser.get(`/kk/work/reports/${report.id}`), texts);

      // Returned with hostile comments, which the organisation reads as text; then submitted again and accepted.
      const decisionPage = `/kk/work/reports/${report.id}`;
      let returned = await submit(organiser, decisionPage, `${decisionPage}/decision`, { decision: 'return', comments: v });
      for (const p2 of problemsOf(returned, v)) wrong.push(`comments = ${payload.name}: ${p2}`);
      let comments = v;
      if (v.trim().length > 8000) {
        if (returned.statusCode !== 422 || !keeps(returned.body, 'comments', v)) wrong.push(`comments = ${payload.name}: answered ${returned.statusCode}, or not given back as typed`);
        comments = v.slice(0, 8000);
        returned = await submit(organiser, decisionPage, `${decisionPage}/decision`, { decision: 'return', comments });
      }
      if (returned.statusCode !== 303) wrong.push(`comments = ${payload.name}: answered ${returned.statusCode}`);
      if ((await reportOf())!.comments !== comments.trim()) wrong.push(`comments = ${payload.name}: stored as ${JSON.stringify((await reportOf())!.comments).slice(0, 80)}`);
      const again = await member.get(formUrl);
      check('the report form, returned', again, [comments.trim()]);
      for (const field of ['narrative', `evidence.${indicators[0]!.id}`]) if (!keeps(again.body, field, field === 'narrative' ? v.trim() : evidence.trim())) wrong.push(`the report form with ${payload.name}: ${field} not given back as stored`);
      if ((await submit(member, formUrl, formUrl, form(evidence))).statusCode !== 303) wrong.push(`${payload.name}: not submitted again`);
      const accepted = await submit(organiser, decisionPage, `${decisionPage}/decision`, { decision: 'accept' });
      if (accepted.statusCode !== 303) wrong.push(`${payload.name}: not accepted (${accepted.statusCode})`);
      check('the project’s public page', await (await browser()).get(`/ru/projects/${p.projectId}`), texts);
      const api = await (await browser()).get(`/api/v1/projects/${p.projectId}`);
      for (const p2 of problemsOf(api, v)) wrong.push(`the API with ${payload.name}: ${p2}`);
    }
    expect(wrong, wrong.join('\n')).toEqual([]);
  });

  it('a report’s numbers and the decision: hostile values refused with a message, what was typed kept, nothing saved', { timeout: 300_000 }, async () => {
    const p = await makeProject(t.ctx);
    const member = await browser(p.applicant.admin.id);
    const formUrl = `/en/work/projects/${p.projectId}/reports/1`;
    const [indicator] = await t.ctx.db.select().from(projectIndicators).where(eq(projectIndicators.projectId, p.projectId));
    const lines = await queryRows<{ id: string }>(t.ctx.db, sql`select id from project_budget_lines where project_id = ${p.projectId} order by 1`);
    const fields: [string, string][] = [
      [`actual.${indicator!.id}`, 'Give the actual value as a number'],
      ['female.18-29', 'Give a whole number of people.'],
      ['male.60-plus', 'Give a whole number of people.'],
      [`spent.${lines[0]!.id}`, 'Give the amount spent in tenge'],
    ];
    const wrong: string[] = [];
    for (const [field, message] of fields) {
      for (const payload of PAYLOADS) {
        const res = await submit(member, formUrl, formUrl, { narrative: 'Үш кездесу өтті', [field]: payload.value, intent: 'save' });
        for (const p2 of problemsOf(res, payload.value)) wrong.push(`${field} = ${payload.name}: ${p2}`);
        if (res.statusCode !== (payload.value === NUL ? 400 : 422)) wrong.push(`${field} = ${payload.name}: answered ${res.statusCode}`);
        if (res.statusCode === 422 && !keeps(res.body, field, payload.value)) wrong.push(`${field} = ${payload.name}: not given back as typed`);
        if (res.statusCode === 422 && !pageText(res.body).includes(message)) wrong.push(`${field} = ${payload.name}: no clear message`);
      }
    }
    expect((await t.ctx.db.select().from(reports).where(eq(reports.projectId, p.projectId))).length).toBe(0);

    // The organiser's decision: accept or return, nothing else.
    const valid = { narrative: 'Үш кездесу өтті', [`actual.${indicator!.id}`]: '3', intent: 'submit' };
    expect((await submit(member, formUrl, formUrl, valid)).statusCode).toBe(303);
    const [report] = await t.ctx.db.select().from(reports).where(eq(reports.projectId, p.projectId));
    const organiser = await browser(p.organiser.id);
    const page = `/en/work/reports/${report!.id}`;
    for (const payload of PAYLOADS) {
      const res = await submit(organiser, page, `${page}/decision`, { decision: payload.value, comments: payload.value });
      for (const p2 of problemsOf(res, payload.value)) wrong.push(`decision = ${payload.name}: ${p2}`);
      if (res.statusCode !== (payload.value === NUL ? 400 : 422)) wrong.push(`decision = ${payload.name}: answered ${res.statusCode}`);
      if (res.statusCode === 422 && !pageText(res.body).includes('Choose whether to accept the report or return it.')) wrong.push(`decision = ${payload.name}: no clear message`);
      if (res.statusCode === 422 && !keeps(res.body, 'comments', payload.value)) wrong.push(`decision = ${payload.name}: the comments are lost`);
    }
    expect((await t.ctx.db.select().from(reports).where(eq(reports.id, report!.id)))[0]!.status).toBe('submitted');
    expect(wrong, wrong.join('\n')).toEqual([]);
  });

  it('an agreement: a hostile number stored as typed and shown as text to both sides; every field given back escaped on a 422', { timeout: 300_000 }, async () => {
    const terms = (award: number, number: string): Record<string, string> => ({
      number,
      signedOn: '2027-01-15',
      amount: String(award / 100),
      startsOn: '2027-02-01',
      endsOn: '2027-11-30',
      periodRows: '2',
      'period0.startsOn': '2027-02-01',
      'period0.endsOn': '2027-06-30',
      'period0.reportDueOn': '2027-07-10',
      'period1.startsOn': '2027-07-01',
      'period1.endsOn': '2027-11-30',
      'period1.reportDueOn': '2027-12-10',
      trancheRows: '2',
      'tranche0.amount': String(award / 200),
      'tranche0.period': 'advance',
      'tranche1.amount': String(award / 200),
      'tranche1.period': '2',
    });
    const wrong: string[] = [];
    const w = await makeWinner(t.ctx);
    const organiser = await browser(w.organiser.id);
    const page = `/en/work/applications/${w.applicationId}/agreement`;
    const before = await rowCounts();
    for (const payload of PAYLOADS) {
      const form = Object.fromEntries(Object.keys(terms(w.awardTiyn, '')).map((k) => [k, payload.value]));
      const res = await submit(organiser, page, page, form);
      for (const p2 of problemsOf(res, payload.value)) wrong.push(`every field = ${payload.name}: ${p2}`);
      if (res.statusCode !== (payload.value === NUL ? 400 : 422)) wrong.push(`every field = ${payload.name}: answered ${res.statusCode}`);
      if (res.statusCode !== 422) continue;
      for (const field of ['number', 'signedOn', 'amount', 'endsOn', 'period0.startsOn', 'period1.reportDueOn', 'tranche0.amount']) {
        if (!keeps(res.body, field, payload.value)) wrong.push(`${field} = ${payload.name}: not given back as typed`);
      }
    }
    expect(await rowCounts()).toEqual(before);

    for (const payload of PAYLOADS) {
      const v = payload.value;
      const winner = await makeWinner(t.ctx);
      const client = await browser(winner.organiser.id);
      const url = `/en/work/applications/${winner.applicationId}/agreement`;
      const res = await submit(client, url, url, terms(winner.awardTiyn, v));
      for (const p2 of problemsOf(res, v)) wrong.push(`number = ${payload.name}: ${p2}`);
      const expected = v === NUL ? 400 : v.trim().length > 100 ? 422 : 303;
      if (res.statusCode !== expected) wrong.push(`number = ${payload.name}: answered ${res.statusCode}, not ${expected} ${pageText(res.body).slice(0, 200)}`);
      if (res.statusCode === 422 && !keeps(res.body, 'number', v)) wrong.push(`number = ${payload.name}: not given back as typed`);
      if (res.statusCode !== 303) continue;
      const agreementPath = String(res.headers.location);
      for (const [who, c] of [['the organiser', client], ['the organisation', await browser(winner.applicant.admin.id)]] as const) {
        const shown = await c.get(agreementPath);
        for (const p2 of problemsOf(shown, v)) wrong.push(`the agreement for ${who} with ${payload.name}: ${p2}`);
        if (!shows(shown.body, v.trim())) wrong.push(`the agreement for ${who} with ${payload.name}: the number is not shown as text`);
        const home = await c.get('/en/work/projects');
        for (const p2 of problemsOf(home, v)) wrong.push(`the work page for ${who} with ${payload.name}: ${p2}`);
      }
    }
    expect(wrong, wrong.join('\n')).toEqual([]);
  });

  it('an amendment: a hostile reason stored as typed and shown as text on the agreement', { timeout: 300_000 }, async () => {
    const p = await makeProject(t.ctx);
    const organiser = await browser(p.organiser.id);
    const member = await browser(p.applicant.admin.id);
    const page = `/en/work/agreements/${p.agreementId}`;
    const wrong: string[] = [];
    for (const payload of PAYLOADS) {
      const v = payload.value;
      // The amendment form as the page fills it, a tenge less each time (an amendment must change something), with the hostile reason.
      const current = (await organiser.get(page)).body;
      const names = ['amount', 'endsOn', 'trancheRows', ...[0, 1, 2].flatMap((i) => [`tranche${i}.amount`, `tranche${i}.period`])];
      const form = Object.fromEntries(names.flatMap((n) => (fieldValues(current, n).length ? [[n, fieldValues(current, n)[0]!]] : [])));
      form.amount = String(Number(form.amount) - 1);
      form['tranche0.amount'] = String(Number(form['tranche0.amount']) - 1);
      const res = await submit(organiser, page, `${page}/amend`, { ...form, reason: v });
      for (const p2 of problemsOf(res, v)) wrong.push(`reason = ${payload.name}: ${p2}`);
      const expected = v === NUL ? 400 : v.trim().length > 4000 ? 422 : 303;
      if (res.statusCode !== expected) wrong.push(`reason = ${payload.name}: answered ${res.statusCode}, not ${expected} ${pageText(res.body).slice(0, 200)}`);
      if (res.statusCode === 422 && !keeps(res.body, 'reason', v)) wrong.push(`reason = ${payload.name}: not given back as typed`);
      if (res.statusCode !== 303) continue;
      for (const [who, c] of [['the organiser', organiser], ['the organisation', member]] as const) {
        const shown = await c.get(page);
        for (const p2 of problemsOf(shown, v)) wrong.push(`the agreement for ${who} with ${payload.name}: ${p2}`);
        if (!shows(shown.body, v.trim())) wrong.push(`the agreement for ${who} with ${payload.name}: the reason is not shown as text`);
      }
    }
    expect(wrong, wrong.join('\n')).toEqual([]);
  });

  it('monitoring: a status change’s reason and a visit’s notes stored as typed and shown as text on the desk (and the reason on the public page); hostile choices refused', { timeout: 300_000 }, async () => {
    const p = await makeProject(t.ctx);
    const organiser = await browser(p.organiser.id);
    const desk = `/en/manage/projects/${p.projectId}`;
    const wrong: string[] = [];
    let status: 'active' | 'suspended' = 'active';
    for (const payload of PAYLOADS) {
      const v = payload.value;
      const to: 'active' | 'suspended' = status === 'active' ? 'suspended' : 'active';
      const changed = await submit(organiser, desk, `${desk}/status`, { to, reason: v });
      for (const p2 of problemsOf(changed, v)) wrong.push(`reason = ${payload.name}: ${p2}`);
      const expected = v === NUL ? 400 : v.trim().length > 2000 ? 422 : 303;
      if (changed.statusCode !== expected) wrong.push(`reason = ${payload.name}: answered ${changed.statusCode}, not ${expected}`);
      if (changed.statusCode === 422 && !keeps(changed.body, 'reason', v)) wrong.push(`reason = ${payload.name}: not given back as typed`);
      const visit = await submit(organiser, desk, `${desk}/visits`, { visitedOn: '2026-01-15', notes: v, risk: 'low' });
      for (const p2 of problemsOf(visit, v)) wrong.push(`notes = ${payload.name}: ${p2}`);
      const expectedVisit = v === NUL ? 400 : v.trim().length > 5000 ? 422 : 303;
      if (visit.statusCode !== expectedVisit) wrong.push(`notes = ${payload.name}: answered ${visit.statusCode}, not ${expectedVisit}`);
      if (visit.statusCode === 422 && !keeps(visit.body, 'notes', v)) wrong.push(`notes = ${payload.name}: not given back as typed`);
      if (changed.statusCode === 303) status = to;
      const shown = await organiser.get(desk);
      for (const p2 of problemsOf(shown, v)) wrong.push(`the desk with ${payload.name}: ${p2}`);
      if (changed.statusCode === 303 || visit.statusCode === 303) {
        if (!shows(shown.body, v.trim())) wrong.push(`the desk with ${payload.name}: not shown as text`);
      }
      if (changed.statusCode === 303) {
        const visitor = await (await browser()).get(`/kk/projects/${p.projectId}`);
        for (const p2 of problemsOf(visitor, v)) wrong.push(`the project’s page with ${payload.name}: ${p2}`);
        if (!shows(visitor.body, v.trim())) wrong.push(`the project’s page with ${payload.name}: the reason is not shown as text`);
        const api = (await (await browser()).get(`/api/v1/projects/${p.projectId}`)).json();
        if (api.statusHistory?.at(-1)?.reason !== v.trim()) wrong.push(`the API with ${payload.name}: ${JSON.stringify(api.statusHistory?.at(-1)).slice(0, 100)}`);
      }
    }
    const [project] = await t.ctx.db.select().from(projects).where(eq(projects.id, p.projectId));
    expect(project!.status).toBe(status);
    // The coded fields: a status, a date and a risk that are not what the form offers.
    const cases: [string, (v: string) => Record<string, string>, string][] = [
      ['status', (v) => ({ to: v, reason: 'Себебі' }), 'Choose the new status.'],
      ['visits', (v) => ({ visitedOn: v, notes: 'Бардық', risk: 'low' }), 'Give the date of the visit'],
      ['visits', (v) => ({ visitedOn: '2026-01-15', notes: 'Бардық', risk: v }), 'Choose the level of risk.'],
    ];
    const before = await rowCounts();
    for (const [route, form, message] of cases) {
      for (const payload of PAYLOADS) {
        const res = await submit(organiser, desk, `${desk}/${route}`, form(payload.value));
        for (const p2 of problemsOf(res, payload.value)) wrong.push(`${route} = ${payload.name}: ${p2}`);
        if (res.statusCode !== (payload.value === NUL ? 400 : 422)) wrong.push(`${route} = ${payload.name}: answered ${res.statusCode}`);
        if (res.statusCode === 422 && !pageText(res.body).includes(message)) wrong.push(`${route} = ${payload.name}: no clear message`);
      }
    }
    expect(await rowCounts()).toEqual(before);
    expect(wrong, wrong.join('\n')).toEqual([]);
  });

  it('monitoring: the final evaluation’s conclusions stored as typed and shown as text on the desk; hostile scales and points refused, the conclusions kept', { timeout: 300_000 }, async () => {
    const CRITERIA = ['relevance', 'plan-fulfilment', 'result', 'continuation', 'impact'];
    const evaluation = (scale: string, points: (i: number) => string, conclusion: (i: number) => string) => ({
      scaleMax: scale,
      ...Object.fromEntries(CRITERIA.flatMap((c, i) => [[`${c}.points`, points(i)], [`${c}.conclusion`, conclusion(i)]])),
    });
    /** A project whose final report is submitted, so that it may be evaluated. */
    async function evaluable() {
      const p = await makeProject(t.ctx);
      const member = await actorOf(t.ctx, p.applicant.admin.id);
      const indicators = await t.ctx.db.select().from(projectIndicators).where(eq(projectIndicators.projectId, p.projectId));
      const values = indicators.map((i) => ({ indicatorId: i.id, actual: 3, evidence: '' }));
      const saved = await saveReport(t.ctx, member, p.projectId, 2, { narrative: 'Жоба аяқталды', beneficiaries: { female: {}, male: {} }, values, spending: [] });
      if (!saved.ok) throw new Error(saved.key);
      expect(await submitReport(t.ctx, member, saved.reportId)).toEqual({ ok: true });
      return { p, organiser: await browser(p.organiser.id), desk: `/en/manage/projects/${p.projectId}` };
    }
    const wrong: string[] = [];
    const { p, organiser, desk } = await evaluable();
    const before = await rowCounts();
    for (const payload of PAYLOADS) {
      for (const [what, form, message] of [
        ['scale', evaluation(payload.value, () => '3', () => payload.value), 'Give the maximum as a whole number'],
        ['points', evaluation('5', () => payload.value, () => payload.value), 'as a number, for example'],
      ] as const) {
        const res = await submit(organiser, desk, `${desk}/evaluation`, form);
        for (const p2 of problemsOf(res, payload.value)) wrong.push(`${what} = ${payload.name}: ${p2}`);
        // Eleven fields of 10 KB of Cyrillic stay under 1 MB.
        if (res.statusCode !== (payload.value === NUL ? 400 : 422)) wrong.push(`${what} = ${payload.name}: answered ${res.statusCode}`);
        if (res.statusCode !== 422) continue;
        if (!pageText(res.body).includes(message)) wrong.push(`${what} = ${payload.name}: no clear message`);
        for (const c of CRITERIA) if (!keeps(res.body, `${c}.conclusion`, payload.value)) wrong.push(`${what} = ${payload.name}: ${c}.conclusion not given back as typed`);
      }
    }
    expect(await rowCounts()).toEqual(before);

    // Five conclusions a project: the corpus (what fits in 3,000 characters) over a few projects.
    const texts = PAYLOADS.filter((x) => x.value !== NUL && x.value.trim().length <= 3000);
    for (let start = 0; start < texts.length; start += CRITERIA.length) {
      const chunk = texts.slice(start, start + CRITERIA.length);
      const target = start === 0 ? { p, organiser, desk } : await evaluable();
      const conclusion = (i: number) => chunk[i % chunk.length]!.value;
      const res = await submit(target.organiser, target.desk, `${target.desk}/evaluation`, evaluation('5', () => '4', conclusion));
      const names = chunk.map((x) => x.name).join(', ');
      for (const x of chunk) for (const p2 of problemsOf(res, x.value)) wrong.push(`conclusions = ${names}: ${p2}`);
      if (res.statusCode !== 303) {
        wrong.push(`conclusions = ${names}: answered ${res.statusCode} ${pageText(res.body).slice(0, 200)}`);
        continue;
      }
      const shown = await target.organiser.get(target.desk);
      for (const [i, x] of chunk.entries()) {
        for (const p2 of problemsOf(shown, x.value)) wrong.push(`the desk with ${x.name}: ${p2}`);
        if (!shows(shown.body, conclusion(i).trim())) wrong.push(`the desk with ${x.name}: the conclusion is not shown as text`);
      }
      const [stored] = await t.ctx.db.select().from(projectEvaluations).where(eq(projectEvaluations.projectId, target.p.projectId));
      const scored = (stored?.scores ?? {}) as Record<string, { conclusion: string }>;
      for (const [i, c] of CRITERIA.entries()) {
        if (scored[c]?.conclusion !== conclusion(i).trim()) wrong.push(`${c}.conclusion = ${chunk[i % chunk.length]!.name}: stored as ${JSON.stringify(scored[c]).slice(0, 80)}`);
      }
    }
    expect(wrong, wrong.join('\n')).toEqual([]);
  });
});

describe('malformed and oversized requests, and lying uploads', () => {
  const PNG = Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010806000000', 'hex');
  let draft: { id: string; client: TestClient };
  beforeAll(async () => {
    const c = await makeCompetition(t.ctx);
    const applicant = await makeApplicant(t.ctx, c.year);
    const started = await startApplication(t.ctx, await actorOf(t.ctx, applicant.admin.id), { lotId: c.lots[0]!.id, organisationId: applicant.organisation.id, language: 'kk' });
    if (!started.ok) throw new Error(started.key);
    draft = { id: started.applicationId, client: await browser(applicant.admin.id) };
  });
  const fileCounts = async () => {
    const counts = await rowCounts();
    return { files: counts.files ?? 0, attachments: counts.application_attachments ?? 0, reportFiles: counts.report_files ?? 0 };
  };
  const cookieOf = (client: TestClient) => [SESSION_COOKIE, 'ortaq_csrf'].flatMap((n) => (client.cookie(n) ? [`${n}=${client.cookie(n)}`] : [])).join('; ');
  /** The upload form's action, with the CSRF token in its address as the page gives it. */
  async function uploadAction(client: TestClient, page: string): Promise<string> {
    const body = (await client.get(page)).body;
    const action = /<form method="post" action="([^"]*\/(?:attachments|files)\?_csrf=[^"]+)"/.exec(body)?.[1];
    if (!action) throw new Error(`no upload form on ${page}`);
    return action.replace(/&amp;/g, '&');
  }
  const multipart = (boundary: string, parts: { name: string; filename?: string; type?: string; bytes: Buffer | string }[]) =>
    Buffer.concat([
      ...parts.flatMap((p) => [
        Buffer.from(`--${boundary}\r\ncontent-disposition: form-data; name="${p.name}"${p.filename !== undefined ? `; filename="${p.filename}"` : ''}\r\n${p.type ? `content-type: ${p.type}\r\n` : ''}\r\n`),
        Buffer.from(p.bytes),
        Buffer.from('\r\n'),
      ]),
      Buffer.from(`--${boundary}--\r\n`),
    ]);
  /** A clear refusal: a 4xx with a page that says what went wrong (an error page, or the form with its error). */
  const clearRefusal = (res: LightMyRequestResponse) => res.statusCode >= 400 && res.statusCode < 500 && /<main[\s\S]*<h1/.test(res.body) && problemsOf(res, '').length === 0;

  it('refuses a step form over 1 MB with a 413 that says so, saving nothing', async () => {
    const url = `/en/applications/${draft.id}/steps/summary`;
    const page = await draft.client.get(url);
    const version = /id="application-version" value="(\d+)"/.exec(page.body)![1]!;
    const before = JSON.stringify((await loadApplication(t.ctx.db, draft.id)).application.content);
    const res = await submit(draft.client, url, url, { title: 'Жастар үні', summary: 'ә'.repeat(200_000), version });
    expect(res.statusCode).toBe(413);
    expect(clearRefusal(res)).toBe(true);
    expect(pageText(res.body)).toContain('The data sent is too large');
    // The same through the autosave, as htmx sends it.
    const autosave = await submit(draft.client, url, `${url}/autosave`, { title: 'Жастар үні', summary: 'ә'.repeat(200_000), version });
    expect(autosave.statusCode).toBe(413);
    expect(JSON.stringify((await loadApplication(t.ctx.db, draft.id)).application.content)).toBe(before);
  });

  it('answers malformed multipart bodies to the attachments with a clear 4xx, storing nothing', async () => {
    const page = `/en/applications/${draft.id}/steps/attachments`;
    const before = await fileCounts();
    const pdfPart = { name: 'file', filename: 'charter.pdf', type: 'application/pdf', bytes: PDF };
    const bodies: { name: string; type: string; body: Buffer | string }[] = [
      { name: 'no boundary', type: 'multipart/form-data', body: multipart('b', [pdfPart]) },
      { name: 'a boundary the body does not use', type: 'multipart/form-data; boundary=other', body: multipart('b', [pdfPart]) },
      { name: 'a body cut off in the middle of the file', type: 'multipart/form-data; boundary=b', body: multipart('b', [{ name: 'documentCode', bytes: 'charter' }, pdfPart]).subarray(0, 150) },
      { name: 'a part without headers', type: 'multipart/form-data; boundary=b', body: '--b\r\n\r\n%PDF-1.4\r\n--b--\r\n' },
      { name: 'a part without a name', type: 'multipart/form-data; boundary=b', body: '--b\r\ncontent-disposition: form-data; filename="charter.pdf"\r\n\r\n%PDF-1.4\r\n--b--\r\n' },
      { name: 'garbage', type: 'multipart/form-data; boundary=b', body: Buffer.from('\u0000\u00ff--b\r\n\u0001\u0002') },
      { name: 'an empty body', type: 'multipart/form-data; boundary=b', body: '' },
      { name: 'eleven files', type: 'multipart/form-data; boundary=b', body: multipart('b', [{ name: 'documentCode', bytes: 'charter' }, ...Array.from({ length: 11 }, () => pdfPart)]) },
      { name: 'sixty fields', type: 'multipart/form-data; boundary=b', body: multipart('b', Array.from({ length: 60 }, (_, i) => ({ name: `f${i}`, bytes: 'x' }))) },
      { name: 'a field over 100 KB', type: 'multipart/form-data; boundary=b', body: multipart('b', [{ name: 'documentCode', bytes: 'c'.repeat(150_000) }, pdfPart]) },
      { name: 'a file over the limit', type: 'multipart/form-data; boundary=b', body: multipart('b', [{ name: 'documentCode', bytes: 'charter' }, { ...pdfPart, bytes: Buffer.concat([PDF, Buffer.alloc(1024 * 1024 + 1, 'a')]) }]) },
      { name: 'a hostile document code', type: 'multipart/form-data; boundary=b', body: multipart('b', [{ name: 'documentCode', bytes: '"><script>alert(1)</script>' }, pdfPart]) },
      { name: 'no file', type: 'multipart/form-data; boundary=b', body: multipart('b', [{ name: 'documentCode', bytes: 'charter' }]) },
      { name: 'JSON', type: 'application/json', body: JSON.stringify({ documentCode: 'charter', file: 'JVBERi0xLjQ=' }) },
      { name: 'a urlencoded form', type: 'application/x-www-form-urlencoded', body: 'documentCode=charter&file=x' },
    ];
    const wrong: string[] = [];
    for (const b of bodies) {
      const action = await uploadAction(draft.client, page);
      const res = await t.app.inject({ method: 'POST', url: action, payload: b.body, headers: { 'content-type': b.type, cookie: cookieOf(draft.client) } });
      if (!clearRefusal(res)) wrong.push(`${b.name}: answered ${res.statusCode} ${pageText(res.body).slice(0, 120)}`);
    }
    expect(wrong, wrong.join('\n')).toEqual([]);
    expect(await fileCounts()).toEqual(before);
  });

  const LIARS = [
    { filename: 'charter.pdf', bytes: PNG, what: 'a PNG named .pdf' },
    { filename: 'charter.pdf', bytes: Buffer.from('<!doctype html><script>alert(1)</script>'), what: 'HTML named .pdf' },
    { filename: 'charter.pdf', bytes: Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>'), what: 'SVG named .pdf' },
    { filename: 'charter.pdf', bytes: Buffer.from('MZ\u0090\u0000\u0003\u0000\u0000\u0000\u0004\u0000'), what: 'a program named .pdf' },
    { filename: 'charter.html', bytes: PDF, what: 'a PDF named .html' },
    { filename: 'charter.exe', bytes: PDF, what: 'a PDF named .exe' },
    { filename: 'charter', bytes: PDF, what: 'a PDF without an extension' },
    { filename: 'charter.txt', bytes: PNG, what: 'a PNG named .txt' },
    { filename: 'charter.pdf.html', bytes: Buffer.from('<script>alert(1)</script>'), what: 'HTML with two extensions' },
  ];
  /** A stored file name: no folders, no markup, no control or direction characters, not hidden. */
  const harmless = (name: string) => !/[/\\<>"]|^\./.test(name) && !/[\p{Cc}\p{Cf}]/u.test(name);
  const NAMES = ['../../../../etc/passwd.pdf', '..\\..\\windows\\win.ini.pdf', '%22><img src=x onerror=alert(1)>.pdf', '\u202egpj.pdf', 'a\u0007b.pdf', '/abs/path/charter.pdf', '.htaccess.pdf'];

  it('refuses an attachment whose name lies about its content, and neutralises names with folders, markup and controls', { timeout: 120_000 }, async () => {
    const page = `/en/applications/${draft.id}/steps/attachments`;
    const send = async (filename: string, bytes: Buffer, type = 'application/pdf') => {
      const action = await uploadAction(draft.client, page);
      const body = multipart('b', [{ name: 'documentCode', bytes: 'charter' }, { name: 'file', filename, type, bytes }]);
      return t.app.inject({ method: 'POST', url: action, payload: body, headers: { 'content-type': 'multipart/form-data; boundary=b', cookie: cookieOf(draft.client) } });
    };
    const before = await fileCounts();
    const wrong: string[] = [];
    for (const liar of LIARS) {
      const res = await send(liar.filename, liar.bytes);
      if (res.statusCode !== 415 || !pageText(res.body).includes('not accepted, or the file’s content does not match its name')) wrong.push(`${liar.what}: answered ${res.statusCode}`);
      for (const p of problemsOf(res, liar.filename)) wrong.push(`${liar.what}: ${p}`);
    }
    // A real PDF declared as something else is what its bytes say.
    const declared = await send('charter.pdf', PDF, 'text/html');
    expect(declared.statusCode).toBe(303);
    expect(await fileCounts()).toEqual({ ...before, files: before.files + 1, attachments: before.attachments + 1 });

    for (const filename of NAMES) {
      const res = await send(filename, PDF);
      if (res.statusCode !== 303) wrong.push(`${JSON.stringify(filename)}: answered ${res.statusCode}`);
      const shown = await draft.client.get(page);
      for (const p of problemsOf(shown, filename)) wrong.push(`${JSON.stringify(filename)}: ${p}`);
    }
    const names = (await queryRows<{ name: string }>(t.ctx.db, sql`select f.name from application_attachments a join files f on f.id = a.file_id where a.application_id = ${draft.id}`)).map((r) => r.name);
    for (const name of names) if (!harmless(name)) wrong.push(`a file stored as ${JSON.stringify(name)}`);
    // Downloads are attachments, named harmlessly, never sniffed into HTML.
    const files = await queryRows<{ id: string }>(t.ctx.db, sql`select file_id as id from application_attachments where application_id = ${draft.id}`);
    for (const { id } of files) {
      const res = await draft.client.get(`/en/applications/${draft.id}/attachments/${id}`);
      const disposition = String(res.headers['content-disposition']);
      if (res.statusCode !== 200 || res.headers['content-type'] !== 'application/pdf' || res.headers['x-content-type-options'] !== 'nosniff') wrong.push(`download ${id}: ${res.statusCode} ${res.headers['content-type']}`);
      if (!disposition.startsWith('attachment;') || /[\r\n]|filename="[^"]*[/\\][^"]*"/.test(disposition)) wrong.push(`download ${id}: ${disposition}`);
    }
    expect(wrong, wrong.join('\n')).toEqual([]);
  });

  it('refuses a report file whose name lies about its content, and neutralises its name', { timeout: 120_000 }, async () => {
    const p = await makeProject(t.ctx);
    const member = await browser(p.applicant.admin.id);
    const page = `/en/work/projects/${p.projectId}/reports/1`;
    const send = async (filename: string, bytes: Buffer, purpose = 'evidence') => {
      const action = await uploadAction(member, page);
      const body = multipart('b', [{ name: 'purpose', bytes: purpose }, { name: 'file', filename, type: 'application/pdf', bytes }]);
      return t.app.inject({ method: 'POST', url: action, payload: body, headers: { 'content-type': 'multipart/form-data; boundary=b', cookie: cookieOf(member) } });
    };
    const before = await fileCounts();
    const wrong: string[] = [];
    for (const liar of LIARS) {
      const res = await send(liar.filename, liar.bytes);
      if (res.statusCode !== 415) wrong.push(`${liar.what}: answered ${res.statusCode}`);
      for (const p2 of problemsOf(res, liar.filename)) wrong.push(`${liar.what}: ${p2}`);
    }
    for (const payload of PAYLOADS) {
      const res = await send('evidence.pdf', PDF, payload.value);
      if (res.statusCode !== 422 && !(payload.value === NUL && res.statusCode === 400)) wrong.push(`purpose = ${payload.name}: answered ${res.statusCode}`);
      for (const p2 of problemsOf(res, payload.value)) wrong.push(`purpose = ${payload.name}: ${p2}`);
    }
    const malformed = await t.app.inject({ method: 'POST', url: await uploadAction(member, page), payload: '--b\r\n\r\nx', headers: { 'content-type': 'multipart/form-data; boundary=b', cookie: cookieOf(member) } });
    if (!clearRefusal(malformed)) wrong.push(`a malformed body: answered ${malformed.statusCode}`);
    expect(await fileCounts()).toEqual(before);
    for (const filename of NAMES) {
      const res = await send(filename, PDF);
      if (res.statusCode !== 303) wrong.push(`${JSON.stringify(filename)}: answered ${res.statusCode}`);
      const shown = await member.get(page);
      for (const p2 of problemsOf(shown, filename)) wrong.push(`${JSON.stringify(filename)}: ${p2}`);
    }
    const names = (await queryRows<{ name: string }>(t.ctx.db, sql`select f.name from report_files r join files f on f.id = r.file_id join reports x on x.id = r.report_id where x.project_id = ${p.projectId}`)).map((r) => r.name);
    expect(names).toHaveLength(NAMES.length);
    for (const name of names) if (!harmless(name)) wrong.push(`a file stored as ${JSON.stringify(name)}`);
    expect(wrong, wrong.join('\n')).toEqual([]);
  });
});

describe('spreadsheets', () => {
  // tests/integration/projects-opendata.test.ts checks a title beginning with `=`; here the other
  // characters a spreadsheet starts a formula with, in a title and an organisation's name.
  it('neutralises cells of the 360Giving CSV that begin with +, -, @ or a tab, and keeps the JSON as typed', async () => {
    const titles = ['+7 (701) 000-00-00 жобасы', '-2+3+cmd|\' /C calc\'!A0', '@SUM(1+1)*cmd|\' /C calc\'!A0', '\t=1+1'];
    const made: { agreementId: string; title: string }[] = [];
    for (const title of titles) {
      const p = await makeProject(t.ctx);
      await t.ctx.db.update(projects).set({ titleKk: title }).where(eq(projects.id, p.projectId));
      made.push({ agreementId: p.agreementId, title });
    }
    const named = await makeProject(t.ctx);
    await t.ctx.db.update(organisations).set({ nameKk: '=HYPERLINK("http://evil.example")' }).where(eq(organisations.id, named.applicant.organisation.id));

    const csv = await (await browser()).get('/open-data/360giving.csv');
    expect(csv.statusCode).toBe(200);
    const { parse } = await import('csv-parse/sync');
    const rows = parse(csv.body, { bom: true, columns: true }) as Record<string, string>[];
    for (const { agreementId, title } of made) {
      const row = rows.find((r) => r.Identifier === `360G-ortaq-${agreementId}`);
      expect(row?.Title, title).toBe(`'${title}`);
    }
    const recipient = rows.find((r) => r.Identifier === `360G-ortaq-${named.agreementId}`)!;
    expect(recipient['Recipient Org:Name']).toBe('\'=HYPERLINK("http://evil.example")');
    for (const row of rows) for (const cell of Object.values(row)) expect(/^[=+\-@\t\r]/.test(cell), cell).toBe(false);

    const json = (await (await browser()).get('/open-data/360giving.json')).json();
    const grant = json.grants.find((g: { id: string }) => g.id === `360G-ortaq-${made[0]!.agreementId}`);
    expect(grant.title).toBe(made[0]!.title);
  });
});
