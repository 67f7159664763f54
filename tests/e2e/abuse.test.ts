import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeBin } from '../../src/modules/organisations/bin.ts';
import { baseUrl, launchBrowser, MODES, text, type Visitor, withVisitor } from './support.ts';

/**
 * Stored cross-site scripting, in a real browser: an organisation's admin saves hostile markup in
 * its names and descriptions through the forms, and the profile, the search results and the edit
 * form show it as text. Chromium must open no dialog, log no error (a CSP violation from an
 * injected handler would be one: the CSP is the second line, escaping the first, and both are
 * watched), and the page must hold no element or attribute the text tried to make.
 * The server-side corpus is tests/integration/abuse.test.ts.
 */

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

/** What each field holds; each names its field in the alert, so a failure says which one ran. */
const HOSTILE = {
  nameKk: `«<script>alert('nameKk')</script>» қоғамдық бірлестігі`,
  nameRu: `Объединение "><img src=x onerror=alert('nameRu')>`,
  nameEn: `'><svg/onload=alert('nameEn')> association`,
  shortNameKk: `<a hx-post="/kk/logout" hx-trigger="load">{{7*7}}</a>`,
  headName: `" autofocus onfocus="alert('headName')`,
  address: `'; drop table organisations; --`,
  descriptionKk: `<iframe src="javascript:alert('descriptionKk')"></iframe> ${'$'}{7*7}`,
  descriptionRu: `</textarea><script>alert('descriptionRu')</script>`,
};
const EDITED_DESCRIPTION = `<body onload=alert('edited')><style>*{display:none}</style>`;

// The page's globals as a function run in the page sees them (the project has no DOM types).
type El = { tagName: string; getAttributeNames(): string[]; getAttribute(name: string): string | null };
type PageGlobals = { document: { querySelectorAll(selector: string): ArrayLike<El> } };

/** Elements and attributes the hostile text would have made, had it been markup. */
const injectedMarkup = (): string[] => {
  const found: string[] = [];
  const all = Array.from((globalThis as unknown as PageGlobals).document.querySelectorAll('*'));
  for (const el of all) {
    const tag = el.tagName.toLowerCase();
    if (['iframe', 'img', 'object', 'embed', 'style'].includes(tag)) found.push(`<${tag}>`);
    if (tag === 'script' && el.getAttribute('src') !== '/static/htmx/htmx.min.js') found.push('<script>');
    for (const name of el.getAttributeNames()) {
      if (name.startsWith('on') || name === 'hx-post' || (name === 'hx-trigger' && tag !== 'form') || name === 'autofocus') found.push(`<${tag} ${name}>`);
    }
  }
  return found;
};

async function expectInert(visitor: Visitor, dialogs: string[]): Promise<void> {
  expect(await visitor.page.evaluate(injectedMarkup), visitor.page.url()).toEqual([]);
  expect(dialogs, visitor.page.url()).toEqual([]);
}

const mainText = async (visitor: Visitor) => ((await visitor.page.locator('main').textContent()) ?? '').replace(/\s+/g, ' ');

describe.each(MODES)('hostile text in an organisation’s profile, $name', (mode) => {
  it('is saved through the forms and shown as text on the profile, in the search and in the edit form', async () => {
    await withVisitor(browser, mode, async (visitor) => {
      const { page } = visitor;
      const dialogs: string[] = [];
      page.on('dialog', (dialog) => {
        dialogs.push(dialog.message());
        void dialog.dismiss();
      });
      // A new organisation in each mode, in Astana, which no other browser test counts.
      const bin = makeBin('2602', mode.javaScript ? 71001 : 72001);
      // By name: a required field's label also says that it is required.
      const field = (name: string) => page.locator(`main form [name="${name}"]`);

      await visitor.logInAs('ngo-admin@ortaq.kz');
      await visitor.visit('/kk/organisations/new');
      await field('bin').fill(bin);
      await field('legalForm').selectOption('public-association');
      await field('nameKk').fill(HOSTILE.nameKk);
      await field('nameRu').fill(HOSTILE.nameRu);
      await field('nameEn').fill(HOSTILE.nameEn);
      await field('shortNameKk').fill(HOSTILE.shortNameKk);
      await field('regionCode').selectOption('KZ-71');
      await field('headName').fill(HOSTILE.headName);
      await field('address').fill(HOSTILE.address);
      await field('descriptionKk').fill(HOSTILE.descriptionKk);
      await field('descriptionRu').fill(HOSTILE.descriptionRu);
      await page.locator('main').getByRole('button', { name: text('kk', 'organisations.new.submit'), exact: true }).click();

      await page.waitForURL(`${baseUrl()}/kk/organisations/${bin}`);
      await visitor.flash().filter({ hasText: text('kk', 'organisations.new.done') }).waitFor();
      await visitor.checkA11y();
      await expectInert(visitor, dialogs);
      expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe(HOSTILE.nameKk);
      const profile = await mainText(visitor);
      for (const key of ['nameRu', 'headName', 'address', 'descriptionKk'] as const) expect(profile, key).toContain(HOSTILE[key].replace(/\s+/g, ' '));

      // The Russian page, which shows the Russian texts.
      await visitor.visit(`/ru/organisations/${bin}`);
      await expectInert(visitor, dialogs);
      expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe(HOSTILE.nameRu);
      expect(await mainText(visitor)).toContain(HOSTILE.descriptionRu);

      // The search results, found by BIN, and a search whose query is itself hostile.
      await visitor.visit(`/kk/organisations?q=${bin}`);
      await expectInert(visitor, dialogs);
      expect(await page.locator('main .result-list .result-name').first().textContent()).toBe(HOSTILE.nameKk);
      await visitor.visit(`/kk/organisations?q=${encodeURIComponent(HOSTILE.nameRu)}`);
      await expectInert(visitor, dialogs);
      expect(await page.getByLabel(text('kk', 'organisations.search.label'), { exact: true }).inputValue()).toBe(HOSTILE.nameRu);

      // The edit form gives every value back as it was typed, and saves a change to it.
      await visitor.visit(`/kk/organisations/${bin}/edit`);
      await expectInert(visitor, dialogs);
      for (const key of ['nameKk', 'nameRu', 'shortNameKk', 'headName', 'descriptionRu'] as const) expect(await field(key).inputValue(), key).toBe(HOSTILE[key]);
      await field('descriptionRu').fill(EDITED_DESCRIPTION);
      await page.locator('main').getByRole('button', { name: text('kk', 'organisations.edit.submit'), exact: true }).click();
      await page.waitForURL(`${baseUrl()}/kk/organisations/${bin}`);
      await visitor.flash().filter({ hasText: text('kk', 'organisations.edit.done') }).waitFor();
      await visitor.checkA11y();
      await expectInert(visitor, dialogs);
      await visitor.visit(`/ru/organisations/${bin}`);
      await expectInert(visitor, dialogs);
      expect(await mainText(visitor)).toContain(EDITED_DESCRIPTION);
      expect(await page.locator('main').isVisible()).toBe(true);
    });
  });
});
