import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parse as parseCsv } from 'csv-parse/sync';
import { eq, sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import type { RouteOptions } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSession, SESSION_COOKIE } from '../../src/core/auth/sessions.ts';
import { users } from '../../src/core/auth/schema.ts';
import { queryRows } from '../../src/core/db/client.ts';
import { seedDemo } from '../../src/core/demo/seed.ts';
import { ImportRefusedError, importOrganisations, makeBin } from '../../src/modules/organisations/index.ts';
import { organisationClaims, organisationMembers, organisations } from '../../src/modules/organisations/schema.ts';
import { pageText, PAYLOADS, problemsOf } from '../support/abuse.ts';
import { TestClient, type TestApp, testApp } from '../support/app.ts';
import { engineUnderTest, freshPostgresDatabase } from '../support/database.ts';
import { writeZip, xlsxBomb, xlsxWithSheet } from '../support/zip-bomb.ts';

/**
 * The abuse corpus: hostile text driven through every form field, query parameter and path
 * parameter of the pages and the API; malformed and oversized bodies; lying uploads; zip bombs;
 * forged CSRF tokens on every POST route. Whatever comes in, the answer is never a 5xx, markup
 * never comes out unescaped, and SQL is only ever data. The browser half (no script runs in
 * Chromium) is tests/e2e/abuse.test.ts; docs/security.md maps each threat to its test.
 */

let t: TestApp;
const postRoutes = new Set<string>();
let binA: string;
let binB: string;
let memberBin: string;
let staffAId: string;
let claimId: string;

beforeAll(async () => {
  t = await testApp(
    { MAX_UPLOAD_MB: '3' },
    {
      onRoute: (route: RouteOptions) => {
        for (const method of [route.method].flat()) if (method === 'POST') postRoutes.add(route.url);
      },
    },
  );
  await seedDemo(t.ctx);
  const named = async (nameKk: string) => (await t.ctx.db.select().from(organisations).where(eq(organisations.nameKk, nameKk)))[0]!;
  const orgA = await named('«Ақтөбе облысының үкіметтік емес ұйымдары қауымдастығы» заңды тұлғалар бірлестігі');
  const orgB = await named('«Көксу Жастары» қоғамдық бірлестігі');
  binA = orgA.bin;
  binB = orgB.bin;
  memberBin = (await queryRows<{ bin: string }>(t.ctx.db, sql`select o.bin from association_members m join organisations o on o.id = m.member_id where m.association_id = ${orgA.id} limit 1`))[0]!.bin;
  staffAId = (await user('staff-a@example.kz')).id;
  await t.ctx.db.insert(organisationMembers).values({ organisationId: orgA.id, userId: staffAId, role: 'staff' });
  const claimant = await user('claimant-a@example.kz');
  claimId = (await t.ctx.db.insert(organisationClaims).values({ organisationId: orgA.id, userId: claimant.id }).returning())[0]!.id;
});
afterAll(() => t.close());

async function user(email: string) {
  const [found] = await t.ctx.db.select().from(users).where(eq(users.email, email));
  if (found) return found;
  return (await t.ctx.db.insert(users).values({ email, name: email.split('@')[0]!, passwordHash: 'x', emailVerifiedAt: new Date(), locale: 'kk' }).returning())[0]!;
}

/** A browser signed in as this address (or anonymous), with its own session and its own IP address. */
async function as(email?: string): Promise<TestClient> {
  const client = new TestClient(t.app);
  if (email) client.setCookie(SESSION_COOKIE, (await createSession(t.ctx.db, (await user(email)).id, {})).token);
  return client;
}

/** How many rows every table holds: reads must change none of them, whatever their parameters say. */
async function rowCounts(): Promise<Record<string, number>> {
  // Not sessions: signing the test's browsers in makes those.
  const tables = ['users', 'user_roles', 'account_tokens', 'organisations', 'organisation_members', 'organisation_claims', 'association_members', 'ngo_database_reports', 'audit_log', 'mail_outbox', 'files', 'app_settings'];
  const counts: Record<string, number> = {};
  for (const table of tables) counts[table] = Number((await queryRows<{ n: string }>(t.ctx.db, sql`select count(*) as n from ${sql.identifier(table)}`))[0]!.n);
  return counts;
}

describe('hostile text in query and path parameters', () => {
  type Target = { path: () => string; params: string[]; as?: string };
  const SEARCH = ['q', 'region', 'district', 'legalForm', 'area', 'status', 'settlement', 'sort', 'page', 'pageSize'];
  const TARGETS: Record<string, Target> = {
    'the register search': { path: () => '/kk/organisations', params: SEARCH },
    'the API search': { path: () => '/api/v1/organisations', params: SEARCH },
    'the API statistics': { path: () => '/api/v1/stats/organisations?groupBy=region', params: ['groupBy', 'region'] },
    'the CSV export': { path: () => '/ru/organisations/export.csv', params: ['q', 'region', 'area'] },
    'the XLSX export': { path: () => '/en/organisations/export.xlsx', params: ['q', 'status'] },
    'the figures': { path: () => '/kk/organisations/figures', params: ['region'] },
    'a compilation': { path: () => '/kk/organisations/compilation/KZ-11.pdf', params: ['lang'] },
    'a certificate': { path: () => `/kk/organisations/${memberBin}/membership/${binA}/certificate.pdf`, params: ['lang'] },
    'the log-in page': { path: () => '/kk/login', params: ['next'] },
    'the confirmation link': { path: () => '/kk/confirm', params: ['token'] },
    'the password reset page': { path: () => '/kk/password/reset', params: ['token'] },
    'the claim page': { path: () => '/ru/organisations/claim', params: ['bin', 'message'], as: 'volunteer@ortaq.kz' },
    'the home page (echoed by the language links)': { path: () => '/en/', params: ['x'] },
    'the account page': { path: () => '/kk/account', params: ['x'], as: 'volunteer@ortaq.kz' },
    'the outbox': { path: () => '/kk/admin/outbox', params: ['x'], as: 'admin@ortaq.kz' },
  };

  it.each(Object.keys(TARGETS))('%s', { timeout: 120_000 }, async (name) => {
    const target = TARGETS[name]!;
    const before = await rowCounts();
    const wrong: string[] = [];
    for (const param of target.params) {
      for (const payload of PAYLOADS) {
        const base = target.path();
        const url = `${base}${base.includes('?') ? '&' : '?'}${param}=${encodeURIComponent(payload.value)}`;
        const res = await (await as(target.as)).get(url);
        for (const p of problemsOf(res, payload.value)) wrong.push(`${param} = ${payload.name}: ${p}`);
      }
    }
    expect(wrong, wrong.join('\n')).toEqual([]);
    expect(await rowCounts()).toEqual(before);
  });

  it('finds nothing more with SQL in the search than without it', async () => {
    const api = async (q?: string) => (await (await as()).get(`/api/v1/organisations${q ? `?q=${encodeURIComponent(q)}` : ''}`)).json().total as number;
    const everything = await api();
    for (const q of ["' or '1'='1", "x' or 1=1 --", '%', '_', '%_%\\.*', "') or ('a'='a"]) expect(await api(q), q).toBeLessThan(everything);
  });

  it('answers hostile path segments with a 400, 404 or 414, never a 5xx or raw markup', { timeout: 60_000 }, async () => {
    const paths = [
      (p: string) => `/kk/organisations/${p}`,
      (p: string) => `/kk/organisations/${p}/edit`,
      (p: string) => `/kk/organisations/${p}/members`,
      (p: string) => `/kk/organisations/compilation/${p}`,
      (p: string) => `/kk/organisations/${p}/membership/${binA}/certificate.pdf`,
      (p: string) => `/api/v1/organisations/${p}`,
      (p: string) => `/files/${p}`,
      (p: string) => `/kk/admin/outbox/${p}`,
      (p: string) => `/kk/${p}`,
      (p: string) => `/${p}/organisations`,
    ];
    // Strings that look like ids to a loose pattern but are not UUIDs PostgreSQL accepts.
    const ids = ['------------------------------------', 'f'.repeat(36), '00000000-0000-0000-0000-00000000000g'];
    const wrong: string[] = [];
    const admin = await as('admin@ortaq.kz');
    for (const make of paths) {
      for (const value of [...PAYLOADS.map((p) => p.value), ...ids]) {
        const url = make(encodeURIComponent(value));
        const res = await admin.get(url);
        if (![400, 404, 414].includes(res.statusCode)) wrong.push(`${url.slice(0, 80)}: answered ${res.statusCode}`);
        for (const p of problemsOf(res, value)) wrong.push(`${url.slice(0, 80)}: ${p}`);
      }
    }
    expect(wrong, wrong.join('\n')).toEqual([]);
  });

  it('never redirects off the site after logging in, whatever `next` says', async () => {
    const client = await as('volunteer@ortaq.kz');
    for (const next of ['//evil.example/', '/\\evil.example', 'https://evil.example/', '/kk//evil.example', '/kk/\r\nSet-Cookie:x=y', 'javascript:alert(1)', '/kk/../../evil']) {
      const res = await client.get(`/kk/login?next=${encodeURIComponent(next)}`);
      expect(res.statusCode, next).toBe(303);
      expect(String(res.headers.location), next).toMatch(/^\/(kk|ru|en)(\/[^/\\]|\/?$)/);
    }
  });
});

describe('hostile text in every form field', () => {
  /** Posts one form as a fresh browser (its own address, so rate limits and lockouts stay out of the way). */
  async function submit(email: string | undefined, page: string, action: string, form: Record<string, string>) {
    const client = await as(email);
    await client.get(page);
    return client.post(action, form);
  }

  async function sweep(email: string | undefined, page: string, action: string, base: Record<string, string>, fields: string[]) {
    const wrong: string[] = [];
    for (const field of fields) {
      for (const payload of PAYLOADS) {
        const res = await submit(email, page, action, { ...base, [field]: payload.value });
        for (const p of problemsOf(res, payload.value)) wrong.push(`${field} = ${payload.name}: ${p}`);
      }
    }
    return wrong;
  }

  let serial = 0;
  it('sign-up: stores hostile names as text and shows every field back escaped', { timeout: 120_000 }, async () => {
    const wrong: string[] = [];
    for (const payload of PAYLOADS) {
      const email = `hostile-${serial++}@example.kz`;
      const res = await submit(undefined, '/kk/signup', '/kk/signup', { name: payload.value, email, password: 'a long enough passphrase' });
      for (const p of problemsOf(res, payload.value)) wrong.push(`name = ${payload.name}: ${p}`);
      const [stored] = await t.ctx.db.select().from(users).where(eq(users.email, email));
      if (res.statusCode === 303 && stored?.name !== payload.value.trim()) wrong.push(`name = ${payload.name}: stored as ${JSON.stringify(stored?.name)}`);
      if (res.statusCode !== 303 && stored) wrong.push(`name = ${payload.name}: refused yet stored`);
    }
    wrong.push(...(await sweep(undefined, '/kk/signup', '/kk/signup', { name: 'Абай', email: 'someone@example.kz', password: 'a long enough passphrase' }, ['email', 'password'])));
    expect(wrong, wrong.join('\n')).toEqual([]);
  });

  it('log-in, forgotten and new password forms', { timeout: 120_000 }, async () => {
    const wrong = [
      ...(await sweep(undefined, '/kk/login', '/kk/login', { email: 'nobody@example.kz', password: 'not the password', next: '/kk/' }, ['email', 'password', 'next'])),
      ...(await sweep(undefined, '/ru/password/forgot', '/ru/password/forgot', { email: 'nobody@example.kz' }, ['email'])),
      ...(await sweep(undefined, '/en/password/reset?token=x', '/en/password/reset', { token: 'not-a-real-token-at-all', password: 'a long enough passphrase' }, ['token', 'password'])),
    ];
    expect(wrong, wrong.join('\n')).toEqual([]);
  });

  it('a new organisation: every field shown back escaped, nothing written', { timeout: 120_000 }, async () => {
    const before = (await rowCounts()).organisations;
    const base = { bin: '940140000386', legalForm: 'public-association', nameKk: 'Жаңа ұйым', nameRu: 'Новая организация', regionCode: 'KZ-15', settlement: 'urban', areas: 'youth' };
    const fields = ['bin', 'legalForm', 'nameKk', 'nameRu', 'nameEn', 'shortNameKk', 'shortNameRu', 'shortNameEn', 'regionCode', 'districtKato', 'settlement', 'areas', 'registeredOn', 'headName', 'email', 'phone', 'address', 'website', 'descriptionKk', 'descriptionRu', 'staffCount', 'volunteerCount'];
    const wrong = await sweep('volunteer@ortaq.kz', '/kk/organisations/new', '/kk/organisations/new', base, fields);
    expect(wrong, wrong.join('\n')).toEqual([]);
    expect((await rowCounts()).organisations).toBe(before);
  });

  it('an organisation’s profile: coded fields refused, free text stored literally and shown as text everywhere it appears', { timeout: 240_000 }, async () => {
    const admin = 'ngo-admin@ortaq.kz';
    const edit = `/kk/organisations/${binA}/edit`;
    const [org] = await t.ctx.db.select().from(organisations).where(eq(organisations.bin, binA));
    const base: Record<string, string> = { legalForm: org!.legalForm, nameKk: org!.nameKk, nameRu: org!.nameRu, regionCode: org!.regionCode, settlement: org!.settlement, status: org!.status, areas: org!.areas.join(';') };
    const coded = ['kind', 'legalForm', 'regionCode', 'districtKato', 'settlement', 'status', 'areas', 'registeredOn', 'email', 'phone', 'website', 'staffCount', 'volunteerCount'];
    const wrong = await sweep(admin, edit, edit, base, coded);
    const [after] = await t.ctx.db.select().from(organisations).where(eq(organisations.bin, binA));
    expect(after!.website).toBeNull();
    expect(after!.kind).toBe(org!.kind);

    const free = ['nameKk', 'nameRu', 'nameEn', 'shortNameKk', 'shortNameRu', 'shortNameEn', 'headName', 'address', 'descriptionKk', 'descriptionRu'];
    for (const payload of PAYLOADS) {
      const res = await submit(admin, edit, edit, { ...base, ...Object.fromEntries(free.map((f) => [f, payload.value])) });
      for (const p of problemsOf(res, payload.value)) wrong.push(`all free text = ${payload.name}: ${p}`);
      if (res.statusCode !== 303) continue;
      const [saved] = await t.ctx.db.select().from(organisations).where(eq(organisations.bin, binA));
      for (const f of free) {
        if (saved![f as keyof typeof saved] !== payload.value.trim()) wrong.push(`${f} = ${payload.name}: stored as ${JSON.stringify(saved![f as keyof typeof saved])}`);
      }
      const visitor = await as();
      const shown = payload.value.trim().replace(/\s+/g, ' ');
      for (const url of [`/kk/organisations/${binA}`, `/ru/organisations/${binA}`, `/en/organisations?q=${binA}`, `/ru/organisations/${memberBin}`, `/kk/organisations/${binA}/members`]) {
        const page = url.endsWith('/members') ? await (await as(admin)).get(url) : await visitor.get(url);
        for (const p of problemsOf(page, payload.value)) wrong.push(`${url} with ${payload.name}: ${p}`);
        if (!pageText(page.body).includes(shown)) wrong.push(`${url} with ${payload.name}: the text is not shown literally`);
      }
      const api = await visitor.get(`/api/v1/organisations/${binA}`);
      if (api.json().name?.kk !== payload.value.trim()) wrong.push(`the API with ${payload.name}: ${api.statusCode} ${api.body.slice(0, 80)}`);
      // Spreadsheets: no cell may start a formula; the XLSX holds strings, never formulas.
      const csv = await visitor.get(`/ru/organisations/export.csv?q=${binA}`);
      const cells = (parseCsv(csv.body.replace(/^\uFEFF/, ''), { delimiter: ';', relax_column_count: true }) as string[][]).flat();
      for (const cell of cells) if (/^[=+\-@\t\r]/.test(cell)) wrong.push(`the CSV export with ${payload.name}: a cell starts a formula: ${cell.slice(0, 40)}`);
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load((await visitor.get(`/kk/organisations/export.xlsx?q=${binA}`)).rawPayload as unknown as ArrayBuffer);
      workbook.worksheets[0]!.eachRow((row) =>
        row.eachCell((cell) => {
          if (cell.type === ExcelJS.ValueType.Formula) wrong.push(`the XLSX export with ${payload.name}: a formula cell`);
        }),
      );
    }
    expect(wrong, wrong.join('\n')).toEqual([]);
  });

  it('claims, decisions and member roles: shown to the organisation’s admin and the claimant as text', { timeout: 120_000 }, async () => {
    const wrong = await sweep('volunteer@ortaq.kz', '/kk/organisations/claim', '/kk/organisations/claim', { bin: binB, message: '' }, ['bin']);
    for (const payload of PAYLOADS) {
      const claimant = `claimant-${serial++}@example.kz`;
      const res = await submit(claimant, '/kk/organisations/claim', '/kk/organisations/claim', { bin: binB, message: payload.value });
      for (const p of problemsOf(res, payload.value)) wrong.push(`message = ${payload.name}: ${p}`);
      if (res.statusCode !== 303) continue;
      const members = await (await as('admin@ortaq.kz')).get(`/kk/organisations/${binB}/members`);
      for (const p of problemsOf(members, payload.value)) wrong.push(`the members page with ${payload.name}: ${p}`);
      if (!pageText(members.body).includes(payload.value.trim().replace(/\s+/g, ' '))) wrong.push(`the members page with ${payload.name}: the message is not shown literally`);
      const [claim] = await t.ctx.db.select().from(organisationClaims).where(eq(organisationClaims.userId, (await user(claimant)).id));
      const members2 = `/kk/organisations/${binB}/members`;
      const decided = await submit('admin@ortaq.kz', members2, `${members2}/claims/${claim!.id}`, { decision: 'reject', reason: payload.value.slice(0, 500) });
      for (const p of problemsOf(decided, payload.value)) wrong.push(`reason = ${payload.name}: ${p}`);
    }
    const outbox = await (await as('admin@ortaq.kz')).get('/kk/admin/outbox');
    for (const p of problemsOf(outbox, '')) wrong.push(`the outbox: ${p}`);
    for (const id of [...outbox.body.matchAll(/href="\/kk\/admin\/outbox\/([0-9a-f-]{36})"/g)].map((m) => m[1]!).slice(0, 30)) {
      const mail = await (await as('admin@ortaq.kz')).get(`/kk/admin/outbox/${id}`);
      for (const p of problemsOf(mail, '')) wrong.push(`outbox message ${id}: ${p}`);
    }
    const members = `/kk/organisations/${binA}/members`;
    for (const payload of PAYLOADS) {
      for (const [action, form] of [
        [`${members}/${staffAId}`, { role: payload.value }],
        [`${members}/claims/${claimId}`, { decision: payload.value }],
      ] as const) {
        const res = await submit('ngo-admin@ortaq.kz', members, action, form);
        if (res.statusCode !== 400) wrong.push(`${action} with ${payload.name}: answered ${res.statusCode}`);
      }
    }
    expect(wrong, wrong.join('\n')).toEqual([]);
  });

  it('refuses on the server what the form offers administrators only', async () => {
    const member = 'ngo-admin@ortaq.kz';
    const edit = `/kk/organisations/${binA}/edit`;
    const [org] = await t.ctx.db.select().from(organisations).where(eq(organisations.bin, binA));
    const base = { legalForm: org!.legalForm, nameKk: org!.nameKk, nameRu: org!.nameRu, regionCode: org!.regionCode, areas: org!.areas.join(';') };
    expect((await submit(member, edit, edit, { ...base, legalForm: 'state-body', kind: 'state' })).statusCode).toBe(303);
    const [after] = await t.ctx.db.select().from(organisations).where(eq(organisations.bin, binA));
    expect({ kind: after!.kind, legalForm: after!.legalForm }).toEqual({ kind: org!.kind, legalForm: org!.legalForm });
    const bin = makeBin('2405', 4321);
    const created = await submit('volunteer@ortaq.kz', '/kk/organisations/new', '/kk/organisations/new', { ...base, bin, legalForm: 'state-body', nameKk: 'Мемлекеттік орган емес' });
    expect(created.statusCode).toBe(422);
    expect(created.body).toContain('Ұйымдық-құқықтық нысанын таңдаңыз');
    expect(await t.ctx.db.select().from(organisations).where(eq(organisations.bin, bin))).toEqual([]);
  });

  it('shows a hostile user agent on the account page as text', async () => {
    // Header values are printable ASCII.
    for (const payload of PAYLOADS.filter((p) => /[<"']/.test(p.value) && /^[\x20-\x7e]+$/.test(p.value))) {
      const client = new TestClient(t.app, { 'user-agent': payload.value });
      await client.get('/kk/login');
      expect((await client.post('/kk/login', { email: 'consultant@ortaq.kz', password: 'ortaq-demo-2026' })).statusCode).toBe(303);
      const account = await client.get('/kk/account');
      expect(problemsOf(account, payload.value), payload.name).toEqual([]);
    }
  });
});

describe('malformed and oversized requests', () => {
  it('answers each with a clear 4xx and a stable code, never a 5xx', { timeout: 60_000 }, async () => {
    const client = await as('admin@ortaq.kz');
    const token = /name="_csrf" value="([^"]+)"/.exec((await client.get('/kk/password/forgot')).body)![1]!;
    const cookie = `${SESSION_COOKIE}=${client.cookie(SESSION_COOKIE)}; ortaq_csrf=${client.cookie('ortaq_csrf')}`;
    const bodies: { name: string; url?: string; type: string; body: string | Buffer; status?: number }[] = [
      { name: 'JSON that does not parse', type: 'application/json', body: '{"email": ', status: 400 },
      { name: 'JSON nested 100,000 deep', type: 'application/json', body: `${'['.repeat(100_000)}${']'.repeat(100_000)}` },
      { name: 'JSON with the wrong types', type: 'application/json', body: JSON.stringify({ _csrf: token, email: { $ne: null }, password: ['a', 'b'] }), status: 422 },
      { name: 'a form with broken percent-encoding', type: 'application/x-www-form-urlencoded', body: `_csrf=${encodeURIComponent(token)}&email=%E0%A4%A&password=%ZZ` },
      { name: 'a form with 100,000 fields', type: 'application/x-www-form-urlencoded', body: `_csrf=${encodeURIComponent(token)}&${'a=1&'.repeat(100_000)}` },
      { name: 'a form whose fields repeat', type: 'application/x-www-form-urlencoded', body: `_csrf=${encodeURIComponent(token)}&email=a@b.kz&email=c@d.kz&password=x&password=y`, status: 422 },
      { name: 'a form over 1 MB', type: 'application/x-www-form-urlencoded', body: `email=${'a'.repeat(1024 * 1024 + 1)}`, status: 413 },
      { name: 'XML', type: 'application/xml', body: '<login><email>a@b.kz</email></login>', status: 415 },
      { name: 'an unknown type', type: 'application/x-ortaq', body: 'x', status: 415 },
      { name: 'multipart without a boundary', type: 'multipart/form-data', body: 'x' },
      { name: 'multipart to a form route', type: 'multipart/form-data; boundary=b', body: '--b\r\ncontent-disposition: form-data; name="email"\r\n\r\na@b.kz\r\n--b--\r\n' },
      { name: 'a form in UTF-16', type: 'application/x-www-form-urlencoded; charset=utf-16', body: Buffer.from(`_csrf=${token}&email=a@b.kz`, 'utf16le') },
    ];
    const wrong: string[] = [];
    for (const b of bodies) {
      const res = await t.app.inject({ method: 'POST', url: b.url ?? '/en/login', payload: b.body, headers: { 'content-type': b.type, cookie } });
      const ok = b.status ? res.statusCode === b.status : res.statusCode >= 400 && res.statusCode < 500;
      if (!ok) wrong.push(`${b.name}: answered ${res.statusCode}${b.status ? `, expected ${b.status}` : ''}`);
      if (res.statusCode !== 422 && !/<main[\s\S]*<h1/.test(res.body) && !res.body.startsWith('{"error"')) wrong.push(`${b.name}: no error page`);
    }
    expect(wrong, wrong.join('\n')).toEqual([]);
  });
});

describe('uploads', () => {
  /** Sends the import page's multipart form, with the CSRF token in its action as the page does. */
  async function upload(lang: string, parts: { name: string; filename?: string; type?: string; bytes: Buffer }[]) {
    const client = await as('admin@ortaq.kz');
    const page = await client.get(`/${lang}/admin/import/organisations`);
    const action = /<form method="post" action="([^"]*\/admin\/import\/organisations\?_csrf=[^"]+)"/.exec(page.body)![1]!.replace(/&amp;/g, '&');
    const boundary = '----ortaq-abuse';
    const body = Buffer.concat([
      ...parts.flatMap((p) => [
        Buffer.from(
          `--${boundary}\r\ncontent-disposition: form-data; name="${p.name}"${p.filename !== undefined ? `; filename="${p.filename}"` : ''}\r\n${p.type ? `content-type: ${p.type}\r\n` : ''}\r\n`,
        ),
        p.bytes,
        Buffer.from('\r\n'),
      ]),
      Buffer.from(`--${boundary}--\r\n`),
    ]);
    const cookie = ['ortaq_session', 'ortaq_csrf'].map((n) => `${n}=${client.cookie(n)}`).join('; ');
    return t.app.inject({ method: 'POST', url: action, payload: body, headers: { 'content-type': `multipart/form-data; boundary=${boundary}`, cookie } });
  }

  const CSV = Buffer.from('bin,legalForm,nameKk,nameRu,regionCode\r\n940140000385,public-association,Атауы,Название,KZ-11\r\n');
  const PNG = Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010806000000', 'hex');

  it('refuses files whose extension or declared type lies about their content', async () => {
    const cases = [
      { filename: 'register.xlsx', type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', bytes: CSV, message: 'Only CSV and XLSX files' },
      { filename: 'register.csv', type: 'text/csv', bytes: xlsxBomb({ gigabytes: 0.001 }), message: 'Only CSV and XLSX files' },
      { filename: 'register.csv', type: 'text/csv', bytes: PNG, message: 'text encoding of the file could not be recognised' },
      { filename: 'register.xlsx', type: 'text/csv', bytes: Buffer.from('MZ\x90\x00\x03\x00\x00\x00'), message: 'Only CSV and XLSX files' },
      { filename: 'register.php', type: 'text/csv', bytes: CSV, message: 'Only CSV and XLSX files' },
      { filename: 'register', type: 'text/csv', bytes: CSV, message: 'Only CSV and XLSX files' },
    ];
    for (const c of cases) {
      const res = await upload('en', [{ name: 'file', filename: c.filename, type: c.type, bytes: c.bytes }]);
      expect(res.statusCode, c.filename).toBe(422);
      expect(res.body, c.filename).toContain(c.message);
    }
  });

  it('neutralises file names with folders, markup and control characters', async () => {
    // A browser sends a double quote in a file name as %22.
    const names = ['../../../../etc/passwd.csv', '..\\..\\windows\\win.ini.csv', '%22><img src=x onerror=alert(1)>.csv', '\u202egpj.csv', 'a\u0000b.csv', '/abs/path/register.csv'];
    for (const filename of names) {
      const res = await upload('en', [{ name: 'file', filename, type: 'text/csv', bytes: CSV }]);
      expect(res.statusCode, filename).toBeLessThan(500);
      expect(problemsOf(res, filename), filename).toEqual([]);
      const shown = /Result of importing (.*?\.csv)/.exec(pageText(res.body))?.[1];
      expect(shown, filename).toBeDefined();
      expect(shown, filename).not.toMatch(/[/\\\u202e<>"]/);
      expect(shown?.includes('\u0000'), filename).toBe(false);
    }
  });

  it('answers a multipart body that is not what it claims with a 400, not a failure', async () => {
    const client = await as('admin@ortaq.kz');
    const page = await client.get('/en/admin/import/organisations');
    const action = /<form method="post" action="([^"]*\/admin\/import\/organisations\?_csrf=[^"]+)"/.exec(page.body)![1]!.replace(/&amp;/g, '&');
    const cookie = ['ortaq_session', 'ortaq_csrf'].map((n) => `${n}=${client.cookie(n)}`).join('; ');
    for (const [type, body] of [
      ['multipart/form-data', 'no boundary'],
      ['multipart/form-data; boundary=b', '--b\r\ncontent-disposition: form-data; name="file"; filename="register.csv"\r\n\r\nbin,nameKk'],
      ['multipart/form-data; boundary=other', '--b\r\n\r\nx\r\n--b--\r\n'],
    ]) {
      const res = await t.app.inject({ method: 'POST', url: action, payload: body, headers: { 'content-type': type!, cookie } });
      expect(res.statusCode, `${type}: ${body}`).toBe(400);
    }
  });

  it('refuses an upload over the size limit with a 413', async () => {
    const res = await upload('en', [{ name: 'file', filename: 'big.csv', type: 'text/csv', bytes: Buffer.alloc(4 * 1024 * 1024, 'a') }]);
    expect(res.statusCode).toBe(413);
    expect(res.body).toContain('Too large');
  });
});

describe('zip bombs', () => {
  const read = (bytes: Buffer) => importOrganisations(t.ctx, { bytes, fileName: 'register.xlsx', allOrNothing: false, actorId: null });
  async function refusal(bytes: Buffer): Promise<{ code: string; ms: number; grewMb: number }> {
    const rss = process.memoryUsage().rss;
    const started = performance.now();
    try {
      await read(bytes);
    } catch (err) {
      if (!(err instanceof ImportRefusedError)) throw err;
      return { code: err.code, ms: performance.now() - started, grewMb: (process.memoryUsage().rss - rss) / 1048576 };
    }
    return { code: 'imported', ms: performance.now() - started, grewMb: 0 };
  }

  it('refuses an XLSX that unpacks to 2 GiB, at once and in little memory', async () => {
    const bomb = xlsxBomb({ gigabytes: 2 });
    expect(bomb.length).toBeLessThan(3 * 1024 * 1024);
    const r = await refusal(bomb);
    expect(r.code).toBe('UNPACKS_TOO_LARGE');
    expect(r.ms).toBeLessThan(2000);
    expect(r.grewMb).toBeLessThan(100);
  });

  it('refuses a bomb whose sizes lie, stopping the inflation at the size it declared', async () => {
    const r = await refusal(xlsxBomb({ gigabytes: 2, lie: true }));
    expect(r.code).toBe('FILE_UNREADABLE');
    expect(r.ms).toBeLessThan(2000);
    expect(r.grewMb).toBeLessThan(100);
  });

  it('refuses an archive that unpacks to a thousand times its size even under the size limit, and one with too many entries', async () => {
    expect((await refusal(xlsxBomb({ gigabytes: 0.15 }))).code).toBe('UNPACKS_TOO_LARGE');
    const many = writeZip(Array.from({ length: 10_001 }, (_, i) => ({ name: `x/${i}.xml`, method: 0 as const, stored: Buffer.from('<x/>'), declaredSize: 4 })));
    expect((await refusal(many)).code).toBe('UNPACKS_TOO_LARGE');
  });

  it('refuses an archive with bytes after its directory, and XML entity expansion', async () => {
    const small = xlsxBomb({ gigabytes: 0.001 });
    expect((await refusal(Buffer.concat([small, Buffer.from('trailing')]))).code).toBe('FILE_UNREADABLE');
    const withComment = Buffer.from(small);
    withComment.writeUInt16LE(7, withComment.length - 2);
    expect((await refusal(Buffer.concat([withComment, Buffer.from('comment')]))).code).toBe('FILE_UNREADABLE');

    const entities = ['<!ENTITY lol "lol">', ...Array.from({ length: 9 }, (_, i) => `<!ENTITY lol${i + 1} "${`&lol${i === 0 ? '' : i};`.repeat(10)}">`)].join('');
    const sheet = `<?xml version="1.0"?><!DOCTYPE worksheet [${entities}]><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>&lol9;</t></is></c></row></sheetData></worksheet>`;
    const r = await refusal(xlsxWithSheet(sheet));
    expect(r.code).toBe('FILE_UNREADABLE');
    expect(r.ms).toBeLessThan(2000);
  });

  it('refuses it on the import page, in the reader’s language', async () => {
    const admin = await as('admin@ortaq.kz');
    const expected = {
      kk: 'Файл ашылғанда 200 МБ-тан асады',
      ru: 'При распаковке файл занимает больше 200 МБ',
      en: 'The file unpacks to more than 200 MB',
    };
    for (const [lang, text] of Object.entries(expected)) {
      const page = await admin.get(`/${lang}/admin/import/organisations`);
      const action = /<form method="post" action="([^"]*\/admin\/import\/organisations\?_csrf=[^"]+)"/.exec(page.body)![1]!.replace(/&amp;/g, '&');
      const boundary = '----ortaq-bomb';
      const body = Buffer.concat([
        Buffer.from(`--${boundary}\r\ncontent-disposition: form-data; name="file"; filename="register.xlsx"\r\ncontent-type: application/vnd.openxmlformats-officedocument.spreadsheetml.sheet\r\n\r\n`),
        xlsxBomb({ gigabytes: 2 }),
        Buffer.from(`\r\n--${boundary}--\r\n`),
      ]);
      const cookie = ['ortaq_session', 'ortaq_csrf'].map((n) => `${n}=${admin.cookie(n)}`).join('; ');
      const res = await t.app.inject({ method: 'POST', url: action, payload: body, headers: { 'content-type': `multipart/form-data; boundary=${boundary}`, cookie } });
      expect(res.statusCode, lang).toBe(422);
      expect(res.body, lang).toContain(text);
    }
  });

  it('refuses it in the ortaq import command, which runs in 384 MB of heap', { timeout: 120_000 }, async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ortaq-bomb-'));
    try {
      const env: Record<string, string> = { DATA_DIR: dir, LOG_LEVEL: 'silent' };
      if (engineUnderTest() === 'postgres') env.DATABASE_URL = (await freshPostgresDatabase()).url;
      const file = path.join(dir, 'register.xlsx');
      fs.writeFileSync(file, xlsxBomb({ gigabytes: 3 }));
      const result = await new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) => {
        const child = spawn(process.execPath, ['--max-old-space-size=384', 'bin/ortaq.js', 'import', 'organisations', file, '--json'], {
          env: { ...process.env, ...env },
          stdio: ['ignore', 'pipe', 'pipe'],
        });
        let stdout = '';
        let stderr = '';
        child.stdout.on('data', (d: Buffer) => {
          stdout += d.toString();
        });
        child.stderr.on('data', (d: Buffer) => {
          stderr += d.toString();
        });
        child.on('exit', (code) => resolve({ code, stdout, stderr }));
      });
      expect(result.stderr).toBe('');
      expect(result.code).toBe(2);
      expect(JSON.parse(result.stdout).error).toMatchObject({ code: 'UNPACKS_TOO_LARGE', message: expect.stringContaining('200 MB') });
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('CSRF on every POST route', () => {
  /** Values for the route's parameters; a new parameter needs one here. */
  const params = (): Record<string, string> => ({ lang: 'kk', bin: binA, userId: staffAId, claimId });

  it('refuses a missing, forged, foreign or pre-login token on every POST route the app has, and changes nothing', { timeout: 120_000 }, async () => {
    expect(postRoutes.size).toBeGreaterThan(10);
    const before = await rowCounts();
    const wrong: string[] = [];
    // A token made for another session, and one made before logging in.
    const other = await as('volunteer@ortaq.kz');
    const foreign = /name="_csrf" value="([^"]+)"/.exec((await other.get('/kk/password/forgot')).body)![1]!;
    for (const route of [...postRoutes].sort()) {
      const url = route.replace(/:(\w+)/g, (_, name: string) => params()[name] ?? `<no value for :${name}>`);
      const anonymous = new TestClient(t.app);
      const preLogin = /name="_csrf" value="([^"]+)"/.exec((await anonymous.get('/kk/password/forgot')).body)![1]!;
      const admin = await as('admin@ortaq.kz');
      anonymous.setCookie(SESSION_COOKIE, admin.cookie(SESSION_COOKIE)!);
      await admin.get('/kk/password/forgot');
      const attempts: [string, TestClient, Record<string, string>][] = [
        ['no token', admin, { _csrf: '' }],
        ['a forged token', admin, { _csrf: 'forged-token' }],
        ['another session’s token', admin, { _csrf: foreign }],
        // The same browser, its CSRF cookie from before it logged in, and that cookie's token.
        ['a token from before logging in', anonymous, { _csrf: preLogin }],
      ];
      for (const [what, client, form] of attempts) {
        const res = await client.post(url, { ...form, role: 'admin', decision: 'approve', email: 'admin@ortaq.kz', password: 'ortaq-demo-2026', name: 'X', bin: binB });
        if (res.statusCode !== 403 || !res.body.includes('Форманың мерзімі өтті')) wrong.push(`${route} with ${what}: answered ${res.statusCode}`);
      }
      const noCookie = await t.app.inject({
        method: 'POST',
        url,
        payload: new URLSearchParams({ _csrf: foreign }).toString(),
        headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: `${SESSION_COOKIE}=${admin.cookie(SESSION_COOKIE)}` },
      });
      if (noCookie.statusCode !== 403) wrong.push(`${route} without the CSRF cookie: answered ${noCookie.statusCode}`);
    }
    expect(wrong, wrong.join('\n')).toEqual([]);
    expect(await rowCounts()).toEqual(before);
  });
});
