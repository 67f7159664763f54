import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { lastChange } from '../../src/core/db/recent.ts';
import { PAGE_TTL_MS, PageCache } from '../../src/core/http/page-cache.ts';
import { movableClock } from '../../src/core/time/clock.ts';
import { changeProjectStatus } from '../../src/modules/projects/change-project-status.ts';
import { type TestApp, TestClient, testApp } from '../support/app.ts';
import { actorOf, clientOf } from '../support/competitions.ts';
import { makeProject } from '../support/projects.ts';

let t: TestApp;
let project: Awaited<ReturnType<typeof makeProject>>;
let page: string;

const tokenOf = (html: string) => /name="_csrf" value="([^"]+)"/.exec(html)?.[1];
const withoutToken = (html: string) => html.replace(/name="_csrf" value="[^"]+"/g, '');

beforeAll(async () => {
  t = await testApp({ TEST_CLOCK: '1' });
  project = await makeProject(t.ctx);
  page = `/kk/projects/${project.projectId}`;
});

afterAll(async () => {
  await t?.close();
});

describe('public pages kept for anonymous visitors', () => {
  it('serves the second visitor the first one’s page, and the next visitor after a change the changed page', async () => {
    const first = await new TestClient(t.app).get(page);
    expect(first.statusCode).toBe(200);
    expect(first.headers['x-cache']).toBe('miss');
    const second = await new TestClient(t.app).get(page);
    expect(second.headers['x-cache']).toBe('hit');
    expect(withoutToken(second.body)).toBe(withoutToken(first.body));
    expect(second.headers['content-type']).toBe(first.headers['content-type']);
    expect(second.headers['content-security-policy']).toBe(first.headers['content-security-policy']);

    const suspended = await changeProjectStatus(t.ctx, await actorOf(t.ctx, project.organiser.id), project.projectId, 'suspended', 'Банк лицензиясынан айырылды');
    expect(suspended).toEqual({ ok: true });
    const after = await new TestClient(t.app).get(page);
    expect(after.headers['x-cache']).toBe('miss');
    expect(after.body).toContain('Банк лицензиясынан айырылды');
    expect(withoutToken(after.body)).not.toBe(withoutToken(first.body));
  });

  it('gives each visitor a CSRF token of their own on a kept page, which only they can use', async () => {
    const asel = new TestClient(t.app);
    const bolat = new TestClient(t.app);
    await asel.get(page);
    const kept = await bolat.get(page);
    expect(kept.headers['x-cache']).toBe('hit');
    const [aselToken, bolatToken] = [tokenOf(asel.lastResponse!.body), tokenOf(kept.body)];
    expect(aselToken).toBeTruthy();
    expect(bolatToken).toBeTruthy();
    expect(bolatToken).not.toBe(aselToken);
    expect(kept.body).not.toContain('ortaq-csrf-');

    expect((await bolat.post(`${page}/feedback`, { name: 'Болат', comment: 'Жақсы жоба.' })).statusCode).toBe(303);
    expect((await bolat.post(`${page}/feedback`, { name: 'Болат', comment: 'Басқа біреудің белгісімен.', _csrf: aselToken! })).statusCode).toBe(403);
    expect((await asel.post(`${page}/feedback`, { name: 'Әсел', comment: 'Рақмет.' })).statusCode).toBe(303);
  });

  it('never serves a kept page to someone signed in, nor a signed-in page to anyone else', async () => {
    await new TestClient(t.app).get('/kk/competitions');
    expect((await new TestClient(t.app).get('/kk/competitions')).headers['x-cache']).toBe('hit');
    const organiser = await clientOf(t, project.organiser.id);
    const own = await organiser.get('/kk/competitions');
    expect(own.headers['x-cache']).toBeUndefined();
    expect(own.body).toContain('action="/kk/logout"');
    const anonymous = await new TestClient(t.app).get('/kk/competitions');
    expect(anonymous.headers['x-cache']).toBe('hit');
    expect(anonymous.body).not.toContain('/kk/logout');
  });

  it('keeps a page no longer than its time on the application’s clock, and not across a clock set back', async () => {
    const path = `/ru/projects/${project.projectId}`;
    await new TestClient(t.app).get(path);
    expect((await new TestClient(t.app).get(path)).headers['x-cache']).toBe('hit');
    const setOffset = t.ctx.clock.setOffset!;
    try {
      setOffset(PAGE_TTL_MS);
      expect((await new TestClient(t.app).get(path)).headers['x-cache']).toBe('miss');
      expect((await new TestClient(t.app).get(path)).headers['x-cache']).toBe('hit');
      setOffset(0);
      expect((await new TestClient(t.app).get(path)).headers['x-cache']).toBe('miss');
    } finally {
      setOffset(0);
    }
  });

  it('keeps only what succeeded, and only routes declared public', async () => {
    const missing = '/kk/projects/00000000-0000-4000-8000-000000000000';
    expect((await new TestClient(t.app).get(missing)).statusCode).toBe(404);
    const again = await new TestClient(t.app).get(missing);
    expect(again.statusCode).toBe(404);
    expect(again.headers['x-cache']).toBe('miss');
    expect((await new TestClient(t.app).get('/kk/login')).headers['x-cache']).toBeUndefined();
  });

  it('keeps the API’s answers too, whole', async () => {
    const url = `/api/v1/projects/${project.projectId}`;
    const first = await t.app.inject({ method: 'GET', url });
    const second = await t.app.inject({ method: 'GET', url });
    expect(second.headers['x-cache']).toBe('hit');
    expect(second.json()).toEqual(first.json());
    expect(second.headers['content-type']).toBe(first.headers['content-type']);
  });
});

describe('the audit log’s last id', () => {
  it('is never read from before the call: a change committed before asking is seen, however many ask at once', async () => {
    const before = await lastChange(t.ctx.db);
    const running = Array.from({ length: 5 }, () => lastChange(t.ctx.db));
    await changeProjectStatus(t.ctx, await actorOf(t.ctx, project.organiser.id), project.projectId, 'active', 'Жаңа шот ашылды');
    const asked = Array.from({ length: 5 }, () => lastChange(t.ctx.db));
    for (const mark of await Promise.all(running)) expect(mark).toBeGreaterThanOrEqual(before);
    for (const mark of await Promise.all(asked)) expect(mark).toBeGreaterThan(before);
  });
});

describe('PageCache', () => {
  const response = (body: string, mark = 1, renderedAt = 0) => ({ body, headers: { 'content-type': 'text/html', 'set-cookie': 'x=1' }, mark, renderedAt });

  it('forgets the least recently used pages beyond its size, and never keeps one larger than itself', () => {
    const clock = movableClock();
    clock.setOffset!(-Date.now());
    const cache = new PageCache(clock, 3 * 1100);
    // Each kept body below is 500 bytes, and a key and its bookkeeping about 514 more: three fit.
    cache.keep('a', response('a'.repeat(500)));
    cache.keep('b', response('b'.repeat(500)));
    cache.keep('c', response('c'.repeat(500)));
    expect(cache.get('a', 1)).toBeDefined();
    cache.keep('d', response('d'.repeat(500)));
    expect(cache.get('b', 1)).toBeUndefined();
    expect(cache.get('a', 1)?.body.toString()).toBe('a'.repeat(500));
    cache.keep('huge', response('h'.repeat(5000)));
    expect(cache.get('huge', 1)).toBeUndefined();
    expect(cache.get('a', 1)?.headers).toEqual({ 'content-type': 'text/html' });
  });

  it('answers only for the same mark of the audit log', () => {
    const clock = movableClock();
    clock.setOffset!(-Date.now());
    const cache = new PageCache(clock);
    cache.keep('a', response('a', 7));
    expect(cache.get('a', 7)?.body.toString()).toBe('a');
    expect(cache.get('a', 8)).toBeUndefined();
  });
});
