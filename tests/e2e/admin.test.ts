import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN_EMAIL, baseUrl, DEMO_PASSWORD, launchBrowser, MODES, text, withVisitor } from './support.ts';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

describe.each(MODES)('admin outbox, $name', (mode) => {
  it('refuses an anonymous visitor with a 403 page', async () => {
    await withVisitor(browser, mode, async (visitor) => {
      await visitor.visit('/kk/admin/outbox', 403);
      expect(await visitor.page.getByRole('heading', { level: 1 }).textContent()).toBe(text('kk', 'errors.title.403'));
      expect(await visitor.page.locator('main table').count()).toBe(0);
    });
  });

  it('lets the administrator read the mail the platform sent', async () => {
    await withVisitor(browser, mode, async (visitor) => {
      const { page } = visitor;
      // Something to read: a password reset request for a demo account.
      const recipient = mode.javaScript ? 'volunteer@ortaq.kz' : 'expert@ortaq.kz';
      await visitor.visit('/kk/password/forgot');
      await page.getByLabel(text('kk', 'accounts.field.email')).fill(recipient);
      await page.locator('main').getByRole('button', { name: text('kk', 'accounts.forgot.submit') }).click();
      await page.waitForURL(`${baseUrl()}/kk/login`);
      await visitor.flash().filter({ hasText: text('kk', 'accounts.forgot.sent') }).waitFor();
      await visitor.checkA11y();

      await visitor.logIn(ADMIN_EMAIL, DEMO_PASSWORD);
      await page.waitForURL(`${baseUrl()}/kk/`);
      await visitor.flash().waitFor();
      await visitor.checkA11y();

      await visitor.visit('/kk/admin/outbox');
      await page.getByRole('heading', { level: 1, name: text('kk', 'admin.outbox.title') }).waitFor();
      const row = page.locator('main tbody tr').filter({ hasText: recipient }).first();
      const subject = (await row.getByRole('link').textContent()) ?? '';
      expect(subject).toBe(text('kk', 'accounts.mail.reset.subject'));

      await row.getByRole('link').click();
      await page.waitForURL(new RegExp(`^${baseUrl()}/kk/admin/outbox/[\\w-]+$`));
      await page.getByRole('heading', { level: 1, name: subject }).waitFor();
      expect(await page.locator('main .facts').textContent()).toContain(recipient);
      expect(await page.locator('main .mail-text a').first().getAttribute('href')).toMatch(`${baseUrl()}/kk/password/reset?token=`);
      await visitor.checkA11y();
    });
  });
});
