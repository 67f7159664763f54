import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { baseUrl, launchBrowser, MODES, text, uniqueEmail, waitForMail, withVisitor } from './support.ts';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

describe.each(MODES)('accounts, $name', (mode) => {
  it('signs up, confirms the address from the e-mail, logs in and logs out', async () => {
    await withVisitor(browser, mode, async (visitor) => {
      const { page } = visitor;
      const email = uniqueEmail(mode.javaScript ? 'js' : 'nojs');
      const name = 'Әсем Тестбаева';
      const password = 'жаңа-құпиясөз-2026';

      await visitor.visit('/kk/signup');
      await page.getByLabel(text('kk', 'accounts.field.name')).fill(name);
      await page.getByLabel(text('kk', 'accounts.field.email')).fill(email);
      await page.getByLabel(text('kk', 'accounts.field.password')).fill(password);
      await page.locator('main').getByRole('button', { name: text('kk', 'accounts.signup.submit') }).click();

      await page.waitForURL(`${baseUrl()}/kk/signup/sent`);
      await page.getByRole('heading', { level: 1, name: text('kk', 'accounts.signup-sent.title') }).waitFor();
      await visitor.checkA11y();

      const mail = await waitForMail(email);
      expect(mail.subject).toBe(text('kk', 'accounts.mail.confirm.subject'));
      expect(mail.text).toContain(name);
      const link = mail.text.match(/https?:\/\/\S+/)?.[0];
      expect(link, `a link in the mail:\n${mail.text}`).toMatch(new RegExp(`^${escapeRegExp(baseUrl())}/kk/confirm\\?token=[\\w%-]+$`));

      await visitor.visit(link!);
      expect(page.url()).toBe(`${baseUrl()}/kk/login`);
      expect(await visitor.flash().textContent()).toBe(text('kk', 'accounts.confirm.done'));

      await visitor.logIn(email, password);
      await page.waitForURL(`${baseUrl()}/kk/`);
      await visitor.flash().filter({ hasText: text('kk', 'accounts.login.done', { name }) }).waitFor();
      await visitor.checkA11y();

      await visitor.visit('/kk/account');
      await page.getByRole('heading', { level: 1, name: text('kk', 'accounts.account.title') }).waitFor();
      expect(await page.locator('main .facts').textContent()).toContain(email);

      await visitor.logOut();
      await page.waitForURL(`${baseUrl()}/kk/`);
      await visitor.flash().filter({ hasText: text('kk', 'accounts.logout.done') }).waitFor();
      await visitor.checkA11y();
      expect(await page.getByRole('button', { name: text('kk', 'layout.logout') }).count()).toBe(0);
    });
  });

  it('keeps what the user typed when the form has errors', async () => {
    await withVisitor(browser, mode, async (visitor) => {
      const { page } = visitor;
      const email = uniqueEmail('short');
      const name = 'Қанат Қысқаев';

      await visitor.visit('/kk/signup');
      if (mode.javaScript) await visitor.waitForHtmx();
      // A marker on the window survives an htmx swap but not a full page load.
      await page.evaluate('window.e2eMarker = true');

      await page.getByLabel(text('kk', 'accounts.field.name')).fill(name);
      await page.getByLabel(text('kk', 'accounts.field.email')).fill(email);
      await page.getByLabel(text('kk', 'accounts.field.password')).fill('short');
      visitor.expectStatus(422);
      const answer = page.waitForResponse((r) => r.request().method() === 'POST' && r.url() === `${baseUrl()}/kk/signup`);
      await page.locator('main').getByRole('button', { name: text('kk', 'accounts.signup.submit') }).click();
      expect((await answer).status()).toBe(422);

      const summary = page.locator('main .error-summary');
      await summary.waitFor();
      expect(await summary.getByRole('heading').textContent()).toBe(text('kk', 'form.error.summary'));
      expect(await summary.getByRole('link').textContent()).toBe(text('kk', 'accounts.error.password-short'));
      expect(await page.getByLabel(text('kk', 'accounts.field.name')).inputValue()).toBe(name);
      expect(await page.getByLabel(text('kk', 'accounts.field.email')).inputValue()).toBe(email);
      expect(await page.getByLabel(text('kk', 'accounts.field.password')).inputValue()).toBe('');
      expect(await page.getByLabel(text('kk', 'accounts.field.password')).getAttribute('aria-invalid')).toBe('true');
      await visitor.checkA11y();

      // With JavaScript, htmx sent the form and swapped the 422 answer in; without, the browser did.
      expect(await page.evaluate('window.e2eMarker === true')).toBe(mode.javaScript);
      expect(await page.evaluate(`'htmx' in window`)).toBe(mode.javaScript);
    });
  });
});

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
