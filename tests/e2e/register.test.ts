import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser, Response } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { regionName } from '../../src/core/geo/regions.ts';
import { makeBin } from '../../src/modules/organisations/bin.ts';
import { rowErrorMessageKey } from '../../src/modules/organisations/import-organisations.ts';
import { DEMO_ORGANISATIONS } from '../../src/modules/organisations/seed-demo.ts';
import { ADMIN_EMAIL, baseUrl, escapeRegExp, launchBrowser, MODES, text, type Visitor, withVisitor } from './support.ts';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

/** A demo organisation's Kazakh name, as the seed enters it. */
const demoName = (key: string): string => {
  const org = DEMO_ORGANISATIONS.find((o) => o.key === key);
  if (!org) throw new Error(`No demo organisation ${key}`);
  return org.nameKk;
};

// The demo register has 764 organisations in Aktobe Region (seed 000), all of them NGOs.
const AKTOBE = { code: 'KZ-15', name: regionName('KZ-15', 'kk'), count: 764 };
const PROFILE_URL = /\/kk\/organisations\/(\d{12})$/;

/** The register's own search request, made by htmx (JavaScript on) or by the browser. */
const isSearch = (r: Response, params: Record<string, string>): boolean => {
  const url = new URL(r.url());
  return r.request().method() === 'GET' && url.pathname === '/kk/organisations' && Object.entries(params).every(([k, v]) => url.searchParams.get(k) === v);
};
const byHtmx = (r: Response): boolean => r.request().headers()['hx-request'] === 'true';

/** Finds organisations from the register's page: with JavaScript the results come as one types, without it on submit. */
async function searchFor(visitor: Visitor, query: string): Promise<void> {
  const { page } = visitor;
  const box = page.getByLabel(text('kk', 'organisations.search.label'), { exact: true });
  if (visitor.mode.javaScript) {
    await visitor.waitForHtmx();
    const answered = page.waitForResponse((r) => byHtmx(r) && isSearch(r, { q: query }));
    await box.fill(query);
    await answered;
  } else {
    await box.fill(query);
    await page.locator('main').getByRole('button', { name: text('kk', 'organisations.search.submit'), exact: true }).click();
  }
  await page.waitForURL((url) => url.pathname === '/kk/organisations' && url.searchParams.get('q') === query);
  await visitor.checkA11y();
}

/** Opens an organisation's profile from the search results, and returns its BIN. */
async function openProfile(visitor: Visitor, name: string): Promise<string> {
  const { page } = visitor;
  await page.locator('main .result-list').getByRole('link', { name, exact: true }).click();
  await page.waitForURL(PROFILE_URL);
  await page.getByRole('heading', { level: 1, name, exact: true }).waitFor();
  await visitor.checkA11y();
  return PROFILE_URL.exec(page.url())![1]!;
}

/** `count` valid BINs registered in January 2026, from `serial` on: newer than every demo BIN. */
function validBins(count: number, serial: number): string[] {
  const bins: string[] = [];
  for (let s = serial; bins.length < count; ) {
    const bin = makeBin('2601', s);
    bins.push(bin);
    s = Number(bin.slice(6, 11)) + 1;
  }
  return bins;
}

describe.each(MODES)('register, $name', (mode) => {
  it('finds an organisation from its name typed in another script, and opens its profile', async () => {
    await withVisitor(browser, mode, async (visitor) => {
      const { page } = visitor;
      const query = 'Kokshe jastary';
      const name = demoName('kokshe-jastary');
      const box = page.getByLabel(text('kk', 'organisations.search.label'), { exact: true });
      const firstResult = page.locator('main .result-list .result-name').first();

      await visitor.visit('/kk/organisations');
      expect(await firstResult.textContent()).not.toBe(name);

      if (mode.javaScript) {
        // Typing alone brings the results, once the typist pauses: no submit, no page load.
        await visitor.waitForHtmx();
        await page.evaluate('window.e2eMarker = true');
        const live = page.waitForResponse((r) => byHtmx(r) && isSearch(r, { q: query }));
        await box.pressSequentially(query);
        expect((await live).status()).toBe(200);
        await page.waitForURL((url) => url.pathname === '/kk/organisations' && url.searchParams.get('q') === query);
        await firstResult.filter({ hasText: name }).waitFor();
        await visitor.checkA11y();
        expect(await page.evaluate('window.e2eMarker === true')).toBe(true);
      } else {
        await box.fill(query);
      }

      const submitted = page.waitForResponse((r) => isSearch(r, { q: query }));
      await page.locator('main').getByRole('button', { name: text('kk', 'organisations.search.submit'), exact: true }).click();
      expect((await submitted).status()).toBe(200);
      await page.waitForURL((url) => url.pathname === '/kk/organisations' && url.searchParams.get('q') === query);
      await firstResult.filter({ hasText: name }).waitFor();
      await visitor.checkA11y();
      expect(await firstResult.textContent()).toBe(name);
      expect(await box.inputValue()).toBe(query);

      const bin = PROFILE_URL.exec((await firstResult.getAttribute('href')) ?? '')?.[1];
      expect(bin, 'the first result links to a profile').toBeDefined();
      await firstResult.click();
      await page.waitForURL(`${baseUrl()}/kk/organisations/${bin}`);
      await page.getByRole('heading', { level: 1, name, exact: true }).waitFor();
      await visitor.checkA11y();
      expect(await visitor.fact(text('kk', 'organisations.field.bin')).textContent()).toBe(bin);
    });
  });

  it('filters by region with counts beside each choice, and gives the region’s compilation and figures', async () => {
    await withVisitor(browser, mode, async (visitor) => {
      const { page } = visitor;
      const regionSelect = page.getByLabel(text('kk', 'organisations.field.region'), { exact: true });
      const districtSelect = page.getByLabel(text('kk', 'organisations.field.district'), { exact: true });

      await visitor.visit('/kk/organisations');
      expect(await regionSelect.locator(`option[value="${AKTOBE.code}"]`).textContent()).toBe(`${AKTOBE.name} (${AKTOBE.count})`);
      expect(await districtSelect.count()).toBe(0);

      if (mode.javaScript) {
        // Choosing is enough: the change sends the search.
        await visitor.waitForHtmx();
        const filtered = page.waitForResponse((r) => byHtmx(r) && isSearch(r, { region: AKTOBE.code }));
        await regionSelect.selectOption({ label: `${AKTOBE.name} (${AKTOBE.count})` });
        await filtered;
      } else {
        await regionSelect.selectOption({ label: `${AKTOBE.name} (${AKTOBE.count})` });
        await page.locator('main').getByRole('button', { name: text('kk', 'organisations.search.apply'), exact: true }).click();
      }
      await page.waitForURL((url) => url.pathname === '/kk/organisations' && url.searchParams.get('region') === AKTOBE.code);
      await visitor.checkA11y();
      expect(await page.locator('main #results-heading .count').textContent()).toBe(text('kk', 'organisations.list.count', { count: AKTOBE.count }));
      expect(await regionSelect.inputValue()).toBe(AKTOBE.code);
      await districtSelect.waitFor();
      expect(await districtSelect.locator('option').count()).toBeGreaterThan(1);

      // The printed compilation is a real PDF (a download, not a page: nothing to audit).
      const links = page.locator('main .register-links');
      const pdfLink = links.getByRole('link', { name: text('kk', 'organisations.compilation.in-kk'), exact: true });
      const href = await pdfLink.getAttribute('href');
      expect(href).toBe(`/kk/organisations/compilation/${AKTOBE.code}.pdf?lang=kk`);
      const pdf = await visitor.context.request.get(new URL(href!, baseUrl()).href);
      expect(pdf.status()).toBe(200);
      expect(pdf.headers()['content-type']).toBe('application/pdf');
      expect((await pdf.body()).subarray(0, 5).toString('latin1')).toBe('%PDF-');

      // The figures of the region, then of all regions, where Aktobe has its row.
      await links.getByRole('link', { name: text('kk', 'organisations.figures.title'), exact: true }).click();
      await page.waitForURL(`${baseUrl()}/kk/organisations/figures?region=${AKTOBE.code}`);
      await page.getByRole('heading', { level: 1, name: text('kk', 'organisations.figures.title.region', { region: AKTOBE.name }), exact: true }).waitFor();
      await visitor.checkA11y();
      expect(await page.locator('main #figures-by-form tfoot td.total').textContent()).toBe(String(AKTOBE.count));

      await regionSelect.selectOption('');
      await page.locator('main').getByRole('button', { name: text('kk', 'organisations.figures.show'), exact: true }).click();
      await page.getByRole('heading', { level: 1, name: text('kk', 'organisations.figures.title'), exact: true }).waitFor();
      expect(new URL(page.url()).pathname).toBe('/kk/organisations/figures');
      await visitor.checkA11y();
      const aktobeRow = page.locator('main #figures-by-form tbody tr').filter({ has: page.getByRole('rowheader', { name: AKTOBE.name, exact: true }) });
      expect(await aktobeRow.locator('td.total').textContent()).toBe(String(AKTOBE.count));
    });
  });

  it('lets an organisation’s administrator edit its profile, and shows the change in its public history', async () => {
    await withVisitor(browser, mode, async (visitor) => {
      const { page } = visitor;
      const name = demoName('aktobe-ngo-association');
      // A new number in each run, so that each saves a change.
      const phone = mode.javaScript ? '+7 (7132) 55-10-01' : '+7 (7132) 55-20-02';
      const changeEntry = `${text('kk', 'organisations.history.organisation.update')} — ${text('kk', 'organisations.history.fields', { fields: text('kk', 'organisations.field.contacts') })}`;
      const history = page.locator('main ol.history li');

      await visitor.logInAs('ngo-admin@ortaq.kz');
      await visitor.visit('/kk/organisations');
      await searchFor(visitor, 'Ақтөбе облысының үкіметтік емес ұйымдары');
      const bin = await openProfile(visitor, name);
      const changesBefore = await history.filter({ hasText: changeEntry }).count();

      await page.locator('main').getByRole('link', { name: text('kk', 'organisations.edit.action'), exact: true }).click();
      await page.waitForURL(`${baseUrl()}/kk/organisations/${bin}/edit`);
      await page.getByRole('heading', { level: 1, name: text('kk', 'organisations.edit.title'), exact: true }).waitFor();
      await visitor.checkA11y();
      const phoneField = page.getByLabel(text('kk', 'organisations.field.phone'), { exact: true });
      expect(await phoneField.inputValue()).not.toBe(phone);
      await phoneField.fill(phone);
      await page.locator('main').getByRole('button', { name: text('kk', 'organisations.edit.submit'), exact: true }).click();

      await page.waitForURL(`${baseUrl()}/kk/organisations/${bin}`);
      await visitor.flash().filter({ hasText: text('kk', 'organisations.edit.done') }).waitFor();
      await visitor.checkA11y();
      expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe(name);
      expect(await visitor.fact(text('kk', 'organisations.field.contacts')).textContent()).toContain(phone);
      // The newest entry comes first, and names only what was changed.
      expect(await history.first().textContent()).toMatch(new RegExp(`: ${escapeRegExp(changeEntry)}$`));
      expect(await history.filter({ hasText: changeEntry }).count()).toBe(changesBefore + 1);
    });
  });

  it('lets the administrator import organisations from a CSV file, twice with the same result', async () => {
    const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'ortaq-e2e-import-'));
    try {
      const label = mode.javaScript ? 'JS' : 'HTML';
      const bins = validBins(3, mode.javaScript ? 61000 : 62000);
      const good = validBins(1, mode.javaScript ? 61500 : 62500)[0]!;
      const badBin = `${good.slice(0, 11)}${(Number(good[11]) + 1) % 10}`;
      const file = path.join(folder, 'organisations.csv');
      fs.writeFileSync(
        file,
        [
          'bin;legalForm;nameKk;nameRu;regionCode',
          ...bins.map((bin, i) => `${bin};public-association;«E2E ${label} сынақ ${i + 1}» қоғамдық бірлестігі;Общественное объединение «E2E ${label} тест ${i + 1}»;KZ-71`),
          `${badBin};public-foundation;«E2E ${label} қате БСН» қоғамдық қоры;Общественный фонд «E2E ${label} неверный БИН»;KZ-71`,
        ].join('\n'),
      );

      await withVisitor(browser, mode, async (visitor) => {
        const { page } = visitor;
        const fact = (key: string) => visitor.fact(text('kk', `organisations.import.${key}`));
        const upload = async (expected: { created: number; unchanged: number }) => {
          await page.getByLabel(text('kk', 'organisations.import.file'), { exact: true }).setInputFiles(file);
          await page.locator('main').getByRole('button', { name: text('kk', 'organisations.import.submit'), exact: true }).click();
          // The same address answers both uploads: wait for this one's figures.
          await fact('unchanged').filter({ hasText: new RegExp(`^${expected.unchanged}$`) }).waitFor();
          await visitor.checkA11y();
          await page.getByRole('heading', { level: 2, name: text('kk', 'organisations.import.result', { file: 'organisations.csv' }), exact: true }).waitFor();
          expect(await fact('created').textContent()).toBe(String(expected.created));
          expect(await fact('updated').textContent()).toBe('0');
          expect(await fact('unchanged').textContent()).toBe(String(expected.unchanged));
          expect(await fact('rejected').textContent()).toBe('1');
          // The bad BIN is in row 5: the header is row 1.
          const errors = page.getByRole('table', { name: text('kk', 'organisations.import.errors'), exact: true }).locator('tbody tr');
          expect(await errors.count()).toBe(1);
          const cells = await errors.first().locator('td').allTextContents();
          expect(cells.slice(0, 2)).toEqual(['5', 'bin']);
          expect(cells[2]).toContain(text('kk', rowErrorMessageKey('BIN_INVALID')));
          expect(cells[2]).toContain('BIN_INVALID');
        };

        await visitor.logInAs(ADMIN_EMAIL);
        await page.getByRole('navigation', { name: text('kk', 'layout.nav.account') }).getByRole('link', { name: text('kk', 'organisations.import.nav'), exact: true }).click();
        await page.waitForURL(`${baseUrl()}/kk/admin/import/organisations`);
        await page.getByRole('heading', { level: 1, name: text('kk', 'organisations.import.title'), exact: true }).waitFor();
        await visitor.checkA11y();

        await upload({ created: 3, unchanged: 0 });
        await upload({ created: 0, unchanged: 3 });

        // An imported organisation has its public profile, and its history tells how it came.
        await visitor.visit(`/kk/organisations/${bins[0]}`);
        expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe(`«E2E ${label} сынақ 1» қоғамдық бірлестігі`);
        expect(await page.locator('main ol.history li').first().textContent()).toContain(text('kk', 'organisations.history.organisation.import'));
        await visitor.visit(`/kk/organisations/${badBin}`, 404);
      });
    } finally {
      fs.rmSync(folder, { recursive: true, force: true });
    }
  });

  it('lets a signed-in user ask to join an organisation from its profile', async () => {
    await withVisitor(browser, mode, async (visitor) => {
      const { page } = visitor;
      // A different organisation in each run: a second request for the same one would wait for the first.
      const target = mode.javaScript ? { query: 'Kokshe jastary', name: demoName('kokshe-jastary') } : { query: 'Шырақ', name: demoName('shyrak') };

      await visitor.logInAs('volunteer@ortaq.kz');
      await visitor.visit('/kk/organisations');
      await searchFor(visitor, target.query);
      const bin = await openProfile(visitor, target.name);
      expect(await page.locator('main').getByRole('link', { name: text('kk', 'organisations.edit.action'), exact: true }).count()).toBe(0);

      await page.locator('main').getByRole('link', { name: text('kk', 'organisations.claim.action'), exact: true }).click();
      await page.waitForURL(`${baseUrl()}/kk/organisations/claim?bin=${bin}`);
      await page.getByRole('heading', { level: 1, name: text('kk', 'organisations.claim.title'), exact: true }).waitFor();
      await visitor.checkA11y();
      expect(await page.getByLabel(text('kk', 'organisations.field.bin')).inputValue()).toBe(bin);
      await page.getByLabel(text('kk', 'organisations.claim.message'), { exact: true }).fill('Еріктілер үйлестірушісі');
      await page.locator('main').getByRole('button', { name: text('kk', 'organisations.claim.submit'), exact: true }).click();

      await page.waitForURL(`${baseUrl()}/kk/organisations/${bin}`);
      await visitor.flash().filter({ hasText: text('kk', 'organisations.claim.done') }).waitFor();
      await visitor.checkA11y();
      expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe(target.name);
    });
  });
});
