import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../src/core/db/client.ts';
import { seedDemo } from '../../src/core/demo/seed.ts';
import { isValidBin } from '../../src/modules/organisations/index.ts';
import { TestClient, type TestApp, testApp } from '../support/app.ts';

let t: TestApp;
let client: TestClient;
beforeAll(async () => {
  t = await testApp();
  await seedDemo(t.ctx);
  client = new TestClient(t.app);
});
afterAll(() => t.close());

const names = (body: string) => [...body.matchAll(/class="result-name"[^>]*>([^<]+)</g)].map((m) => m[1]!);
const api = async (url: string) => {
  const res = await client.get(url, { accept: 'application/json' });
  return { status: res.statusCode, body: res.json() };
};

describe('searching the register', () => {
  it('finds a name across scripts and spellings', async () => {
    expect(names((await client.get('/kk/organisations?q=Kokshe+jastary')).body)[0]).toBe('«Көкше жастары» қоғамдық бірлестігі');
    expect(names((await client.get(`/kk/organisations?q=${encodeURIComponent('Көкше жастары')}`)).body)[0]).toBe('«Көкше жастары» қоғамдық бірлестігі');
    for (const q of ['Актобе', 'Aqtobe', 'Ақтөбе']) {
      const found = names((await client.get(`/kk/organisations?q=${encodeURIComponent(q)}&pageSize=100`)).body);
      expect(found.length, q).toBeGreaterThan(5);
      expect(found.every((n) => n.includes('Ақтөбе')), q).toBe(true);
    }
  });

  it('forgives typos and finds by BIN', async () => {
    expect(names((await client.get('/en/organisations?q=Shyrakk')).body)).toContain('Shyrak Association of Women with Disabilities');
    expect(names((await client.get(`/ru/organisations?q=${encodeURIComponent('Камеда')}`)).body)[0]).toBe('Общественный фонд «КАМЕДА»');
    const { body } = await api('/api/v1/organisations?q=shyrak');
    const bin = body.items[0].bin as string;
    expect(names((await client.get(`/kk/organisations?q=${bin}`)).body)).toEqual(['«Шырақ» мүгедек әйелдер қауымдастығы қоғамдық бірлестігі']);
  });

  it('shows counts beside each filter choice, and the counts agree with the results', async () => {
    const res = await client.get('/en/organisations?region=KZ-15');
    expect(res.body).toContain('<option value="KZ-15" selected>Aktobe Region (764)</option>');
    expect(res.body).toContain('>Public association (404)</option>');
    const district = /<option value="(\d{9})">Alga District \((\d+)\)<\/option>/.exec(res.body)!;
    const filtered = await client.get(`/en/organisations?region=KZ-15&district=${district[1]}`);
    expect(filtered.body).toContain(`${district[2]} organisations`);
  });

  it('pages through results with shareable addresses', async () => {
    const first = names((await client.get('/kk/organisations?region=KZ-39')).body);
    const second = await client.get('/kk/organisations?region=KZ-39&page=2');
    expect(first).toHaveLength(20);
    expect(names(second.body)).toHaveLength(20);
    expect(names(second.body)[0]).not.toBe(first[0]);
    expect(second.body).toContain('href="/kk/organisations?region=KZ-39&amp;page=3"');
    expect(second.body).toContain('href="/kk/organisations?region=KZ-39"');
  });

  it('finds names by the words of their legal form, whole or being typed, as the names hold them', async () => {
    const keys = (await queryRows<{ key: string }>(t.ctx.db, sql`select search_key as key from organisations where kind = 'ngo'`)).map((r) => r.key.split(' '));
    const holding = (...words: ((w: string) => boolean)[]) => keys.filter((k) => words.every((has) => k.some(has))).length;
    const whole = (word: string) => (w: string) => w === word;
    const cases = [
      ['Общественный фонд', holding(whole('obshestvennyi'), (w) => w.startsWith('fond'))],
      ['қоғамдық бірлестігі', holding(whole('kogamdyk'), (w) => w.startsWith('birlestigi'))],
      ['қоғамд', holding((w) => w.startsWith('kogamd'))],
    ] as const;
    for (const [q, expected] of cases) {
      const { status, body } = await api(`/api/v1/organisations?q=${encodeURIComponent(q)}`);
      expect(status).toBe(200);
      expect(expected, q).toBeGreaterThan(20);
      expect(body.total, q).toBe(expected);
    }
    const page = names((await client.get(`/ru/organisations?q=${encodeURIComponent('Общественный фонд')}`)).body);
    expect(page).toHaveLength(20);
    expect(page.every((n) => n.includes('фонд')), page.join()).toBe(true);
    expect(names((await client.get(`/ru/organisations?q=${encodeURIComponent('КАМЕДА қоры')}`)).body)[0]).toBe('Общественный фонд «КАМЕДА»');
  });

  it('refuses a malformed filter with a 400 page', async () => {
    expect((await client.get('/kk/organisations?region=KZ-99')).statusCode).toBe(400);
  });
});

describe('an organisation’s profile', () => {
  it('shows the record in the reader’s language with the other language beside it', async () => {
    const { body } = await api('/api/v1/organisations?q=Aktobe+NGO+association&pageSize=1');
    const res = await client.get(`/ru/organisations/${body.items[0].bin}`);
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('<h1>ОЮЛ «Ассоциация НПО Актюбинской области»</h1>');
    expect(res.body).toContain('lang="kk">«Ақтөбе облысының үкіметтік емес ұйымдары қауымдастығы» заңды тұлғалар бірлестігі');
    expect(res.body).toContain('Айгүл Дүйсенова');
    expect(res.body).toContain('Внесена в реестр');
  });

  it('answers 404 for an unknown BIN', async () => {
    expect((await client.get('/kk/organisations/940140000385')).statusCode).toBe(404);
    expect((await client.get('/kk/organisations/not-a-bin')).statusCode).toBe(404);
  });
});

describe('the public API', () => {
  it('lists organisations with stable codes and valid BINs', async () => {
    const { status, body } = await api('/api/v1/organisations?region=KZ-15&legalForm=public-foundation&pageSize=50');
    expect(status).toBe(200);
    expect(body.total).toBe(205);
    expect(body.pageSize).toBe(50);
    expect(body.items).toHaveLength(50);
    expect(body.items.every((o: { bin: string; region: string }) => isValidBin(o.bin) && o.region === 'KZ-15')).toBe(true);
  });

  it('names the bad parameter in a 400', async () => {
    for (const [query, parameter] of [
      ['region=KZ-99', 'region'],
      ['legalForm=company', 'legalForm'],
      ['pageSize=1000', 'pageSize'],
      ['page=0', 'page'],
    ]) {
      const { status, body } = await api(`/api/v1/organisations?${query}`);
      expect(status, query).toBe(400);
      expect(body.error.parameter, query).toBe(parameter);
    }
    expect((await api('/api/v1/stats/organisations')).body.error.parameter).toBe('groupBy');
  });

  it('gives one organisation by BIN, with its NGO database reports', async () => {
    const { body } = await api('/api/v1/organisations?q=Koksu+Zhastary&pageSize=1');
    const one = await api(`/api/v1/organisations/${body.items[0].bin}`);
    expect(one.status).toBe(200);
    expect(one.body.name.kk).toBe('«Көксу Жастары» қоғамдық бірлестігі');
    expect(one.body.region).toBe('KZ-33');
    expect(one.body.ngoDatabaseReports.map((r: { year: number }) => r.year)).toEqual([2024, 2025]);
    expect((await api('/api/v1/organisations/940140000385')).status).toBe(404);
  });

  it('counts NGOs as the seeds do', async () => {
    const aktobe = (await api('/api/v1/stats/organisations?groupBy=legalForm&region=KZ-15')).body;
    expect(aktobe.total).toBe(764);
    expect(Object.fromEntries(aktobe.groups.map((g: { key: string; count: number }) => [g.key, g.count]))).toEqual({
      'public-association': 404,
      'public-foundation': 205,
      'association-of-legal-entities': 30,
      'private-institution': 125,
    });
    const status = (await api('/api/v1/stats/organisations?groupBy=status&region=KZ-15')).body;
    const active = status.groups.find((g: { key: string }) => g.key === 'active').count;
    expect(active).toBeGreaterThanOrEqual(100);
    expect(active).toBeLessThan(110);
    const regions = (await api('/api/v1/stats/organisations?groupBy=region')).body;
    expect(regions.groups.find((g: { key: string }) => g.key === 'KZ-39').count).toBe(1029);
  });

  it('is described in OpenAPI', async () => {
    const { body } = await api('/api/openapi.json');
    expect(Object.keys(body.paths)).toEqual(expect.arrayContaining(['/api/v1/organisations', '/api/v1/organisations/{bin}', '/api/v1/stats/organisations']));
    const params = body.paths['/api/v1/organisations'].get.parameters.map((p: { name: string }) => p.name);
    expect(params).toEqual(expect.arrayContaining(['q', 'region', 'legalForm', 'area', 'status', 'page', 'pageSize']));
  });
});
