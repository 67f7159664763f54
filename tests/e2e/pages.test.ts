import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LANGS } from '../../src/core/i18n/langs.ts';
import { baseUrl, launchBrowser, MODES, text, withVisitor } from './support.ts';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

describe.each(MODES)('public pages, $name', (mode) => {
  it('shows the home page in each language with its lang attribute', async () => {
    await withVisitor(browser, mode, async (visitor) => {
      for (const lang of LANGS) {
        await visitor.visit(`/${lang}/`);
        expect(await visitor.htmlLang()).toBe(lang);
        expect(await visitor.page.getByRole('heading', { level: 1 }).textContent()).toBe(text(lang, 'home.title'));
      }
    });
  });

  it('keeps the page when the language is switched', async () => {
    await withVisitor(browser, mode, async (visitor) => {
      const { page } = visitor;
      await visitor.visit('/kk/organisations');
      expect(await visitor.htmlLang()).toBe('kk');
      await page.getByRole('navigation', { name: text('kk', 'layout.nav.languages') }).getByRole('link', { name: 'Русский' }).click();
      await page.waitForURL(`${baseUrl()}/ru/organisations`);
      await page.getByRole('heading', { level: 1, name: text('ru', 'organisations.list.title') }).waitFor();
      expect(await visitor.htmlLang()).toBe('ru');
      await visitor.checkA11y();
    });
  });

  it('answers an unknown address with a 404 page in the language of the address', async () => {
    await withVisitor(browser, mode, async (visitor) => {
      for (const lang of LANGS) {
        await visitor.visit(`/${lang}/no-such-page`, 404);
        expect(await visitor.htmlLang()).toBe(lang);
        expect(await visitor.page.getByRole('heading', { level: 1 }).textContent()).toBe(text(lang, 'errors.title.404'));
      }
    });
  });

  it('shows the password reset request page', async () => {
    await withVisitor(browser, mode, async (visitor) => {
      await visitor.visit('/kk/login');
      await visitor.page.getByRole('link', { name: text('kk', 'accounts.login.forgot') }).click();
      await visitor.page.waitForURL(`${baseUrl()}/kk/password/forgot`);
      await visitor.page.getByRole('heading', { level: 1, name: text('kk', 'accounts.forgot.title') }).waitFor();
      await visitor.checkA11y();
    });
  });

  it('fits a 360 px wide phone screen without sideways scrolling', async () => {
    await withVisitor(
      browser,
      mode,
      async (visitor) => {
        for (const path of ['/kk/', '/kk/organisations']) {
          await visitor.visit(path);
          const width = await visitor.page.evaluate<number>('document.scrollingElement.scrollWidth');
          expect(width, `page width of ${path}`).toBeLessThanOrEqual(360);
        }
      },
      { viewport: { width: 360, height: 740 } },
    );
  });
});

describe('htmx, JavaScript on', () => {
  it('is active and boosts links: the page is swapped, not reloaded', async () => {
    await withVisitor(browser, MODES[0], async (visitor) => {
      const { page } = visitor;
      await visitor.visit('/kk/');
      await visitor.waitForHtmx();
      await page.evaluate('window.e2eMarker = true');
      await page.getByRole('navigation', { name: text('kk', 'layout.nav.main') }).getByRole('link', { name: text('kk', 'organisations.nav') }).click();
      await page.waitForURL(`${baseUrl()}/kk/organisations`);
      await page.getByRole('heading', { level: 1, name: text('kk', 'organisations.list.title') }).waitFor();
      await visitor.checkA11y();
      expect(await page.title()).toBe(`${text('kk', 'organisations.list.title')} — Ortaq`);
      expect(await page.evaluate('window.e2eMarker === true')).toBe(true);
    });
  });
});
