import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemo } from '../../src/core/demo/seed.ts';
import { TestClient, type TestApp, testApp } from '../support/app.ts';

let t: TestApp;
beforeAll(async () => {
  t = await testApp();
  await seedDemo(t.ctx);
});
afterAll(() => t.close());

describe('languages', () => {
  it('sends / to the language the browser prefers, Kazakh by default', async () => {
    const client = new TestClient(t.app);
    expect((await client.get('/', { 'accept-language': 'ru-RU,ru;q=0.9,en;q=0.8' })).headers.location).toBe('/ru/');
    expect((await client.get('/', { 'accept-language': 'de-DE, en;q=0.5' })).headers.location).toBe('/en/');
    expect((await client.get('/', { 'accept-language': 'fr' })).headers.location).toBe('/kk/');
    expect((await client.get('/')).headers.location).toBe('/kk/');
  });

  it('renders each language with its lang attribute and a switcher that keeps the page', async () => {
    const client = new TestClient(t.app);
    for (const lang of ['kk', 'ru', 'en']) {
      const res = await client.get(`/${lang}/organisations`);
      expect(res.statusCode).toBe(200);
      expect(res.body).toContain(`<html lang="${lang}">`);
      for (const other of ['kk', 'ru', 'en']) expect(res.body).toContain(`href="/${other}/organisations"`);
    }
  });

  it('shows the home page with live figures counted from the register', async () => {
    const res = await new TestClient(t.app).get('/en/');
    expect(res.statusCode).toBe(200);
    expect(res.body).toMatch(/<span class="figure-value">2,711<\/span><span class="figure-label">NGOs in the register/);
  });

  it('sorts the register in Kazakh alphabetical order', async () => {
    const res = await new TestClient(t.app).get('/kk/organisations?region=KZ-33&pageSize=100');
    const names = [...res.body.matchAll(/class="result-name"[^>]*>([^<]+)</g)].map((m) => m[1]!);
    expect(names.length).toBeGreaterThan(20);
    expect(names).toEqual([...names].sort(new Intl.Collator('kk').compare));
    const idx = (needle: string) => names.findIndex((n) => n.includes(needle));
    expect(idx('Көксу Жастары')).toBeGreaterThanOrEqual(0);
    expect(idx('Үш ұрпақ')).toBeGreaterThan(idx('Көксу Жастары'));
  });
});

describe('error pages', () => {
  it('answers 404 in the language of the address', async () => {
    const client = new TestClient(t.app);
    const expected = { kk: 'Бет табылмады', ru: 'Страница не найдена', en: 'Page not found' };
    for (const [lang, title] of Object.entries(expected)) {
      const res = await client.get(`/${lang}/no/such/page`);
      expect(res.statusCode).toBe(404);
      expect(res.body).toContain(`<html lang="${lang}">`);
      expect(res.body).toContain(title);
    }
    expect((await client.get('/xx/organisations')).statusCode).toBe(404);
  });

  it('answers 403 to a visitor without the right, and JSON under /api', async () => {
    const client = new TestClient(t.app);
    const res = await client.get('/ru/admin/outbox');
    expect(res.statusCode).toBe(403);
    expect(res.body).toContain('Доступ запрещён');
    const api = await client.get('/api/nothing', { accept: 'application/json' });
    expect(api.statusCode).toBe(404);
    expect(api.json()).toEqual({ error: { code: 'NOT_FOUND', message: expect.any(String) } });
  });

  it('renders a 500 page in the reader’s language without internals', async () => {
    const broken = await testApp();
    try {
      await broken.database.db.execute(sql`drop table organisations cascade`);
      const res = await new TestClient(broken.app).get('/ru/');
      expect(res.statusCode).toBe(500);
      expect(res.body).toContain('<html lang="ru">');
      expect(res.body).toContain('На нашей стороне произошла непредвиденная ошибка');
      expect(res.body).not.toMatch(/does not exist|relation|stack|\.tsx?:\d/);
    } finally {
      await broken.close();
    }
  });

  it('refuses an oversized form body with a clear 413', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/en/login',
      payload: `email=${'a'.repeat(2 * 1024 * 1024)}`,
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
    expect(res.statusCode).toBe(413);
    expect(res.body).toContain('Too large');
  });
});

describe('operations', () => {
  it('answers health, readiness and metrics', async () => {
    const client = new TestClient(t.app);
    expect((await client.get('/healthz')).json()).toEqual({ status: 'ok' });
    expect((await client.get('/readyz')).json()).toEqual({ status: 'ready' });
    await client.get('/kk/');
    const metrics = await client.get('/metrics');
    expect(metrics.body).toContain('http_request_duration_seconds_bucket');
    expect(metrics.body).toMatch(/http_request_duration_seconds_count\{method="GET",route="\/:lang\/?",status="200"\} [1-9]/);
  });

  it('tags every response with a request id, keeping a sane one the caller sent', async () => {
    const client = new TestClient(t.app);
    expect((await client.get('/kk/')).headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
    expect((await client.get('/kk/', { 'x-request-id': 'trace-42' })).headers['x-request-id']).toBe('trace-42');
    expect((await client.get('/kk/', { 'x-request-id': 'bad id <script>' })).headers['x-request-id']).not.toContain('<');
  });

  it('sends strict security headers with every page', async () => {
    const res = await new TestClient(t.app).get('/kk/');
    const csp = String(res.headers['content-security-policy']);
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toContain('unsafe-inline');
    expect(csp).toContain("frame-ancestors 'none'");
    expect(res.headers['referrer-policy']).toBe('same-origin');
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['strict-transport-security']).toBeUndefined();
    expect(res.body).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/);
    expect(res.body).not.toMatch(/\sstyle="/);
  });

  it('adds HSTS and Secure cookies in production', async () => {
    const prod = await testApp({ NODE_ENV: 'production' });
    try {
      const res = await new TestClient(prod.app).get('/kk/signup');
      expect(res.headers['strict-transport-security']).toContain('max-age=31536000');
      const csrf = res.cookies.find((c) => c.name === 'ortaq_csrf') as { secure?: boolean } | undefined;
      expect(csrf?.secure).toBe(true);
    } finally {
      await prod.close();
    }
  });
});
