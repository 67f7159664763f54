import jsQR from 'jsqr';
import type { Browser } from 'playwright-core';
import { PNG } from 'pngjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { localDateTimeValue } from '../../src/core/format/local-time.ts';
import { certificateToken, readToken } from '../../src/modules/volunteers/verify-certificate.ts';
import { qrOfPdf } from '../support/qr.ts';
import { baseUrl, launchBrowser, MODES, type Mode, text, type Visitor, withVisitor } from './support.ts';

/**
 * Volunteering on a phone-sized screen, in each mode. A coordinator publishes an opportunity with
 * one place; a volunteer takes it, a second one makes a profile and lands on the waiting list, a
 * 12-year-old without a parent's consent is refused with the reason; the first cancels, the second
 * moves up and is accepted in the coordinator's bulk form, shows the QR of the check-in code,
 * which the coordinator opens and confirms; the hours are confirmed in bulk; the volunteer gets a
 * certificate, whose QR opens the public check that says valid — and a certificate with altered
 * figures is not. With JavaScript on, the check-in code still opens offline.
 */
let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await moveClock(-clockOffset);
});

const PHONE = { width: 360, height: 740 };
const COORDINATOR = 'volunteer-coordinator@ortaq.kz';
const YOUNG = 'young-volunteer@ortaq.kz';
/** Per mode: who takes the place and gives it up, and who waits for it (each makes a profile if needed). */
const PEOPLE: Record<string, { first: string; second: string }> = {
  'JavaScript on': { first: 'ngo-koksu@ortaq.kz', second: 'ngo-staff@ortaq.kz' },
  'JavaScript off': { first: 'expert4@ortaq.kz', second: 'expert5@ortaq.kz' },
};

const main = (v: Visitor) => v.page.locator('main');
const field = (v: Visitor, name: string) => v.page.locator(`main [name="${name}"]`);

/** How far this file has moved the server's clock (an absolute offset, put back at the end). */
let clockOffset = 0;
async function moveClock(ms: number): Promise<void> {
  clockOffset += ms;
  const res = await fetch(`${baseUrl()}/__test/clock`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ offsetMs: clockOffset }) });
  expect(res.status).toBe(200);
}

/** The server's clock (another flow may have moved it). */
async function serverNow(): Promise<Date> {
  const res = await fetch(`${baseUrl()}/__test/clock`);
  expect(res.status).toBe(200);
  return new Date(((await res.json()) as { now: string }).now);
}

/** Nothing on the page is wider than the phone's screen. */
async function fitsThePhone(v: Visitor): Promise<void> {
  const overflow = await v.page.evaluate(() => {
    const doc = (globalThis as unknown as { document: { documentElement: { scrollWidth: number; clientWidth: number } } }).document;
    return doc.documentElement.scrollWidth - doc.documentElement.clientWidth;
  });
  expect(overflow, `${v.page.url()} is wider than ${PHONE.width} px`).toBeLessThanOrEqual(0);
}

async function press(v: Visitor, name: string): Promise<void> {
  await main(v).getByRole('button', { name, exact: true }).first().click();
  await v.page.waitForLoadState('load');
  await v.checkA11y();
}

async function signOut(v: Visitor): Promise<void> {
  await v.logOut();
  await v.page.waitForURL(/\/kk\/$/);
  await v.checkA11y();
}

/** An adult's profile in Almaty, unless the person has one. */
async function ensureProfile(v: Visitor): Promise<void> {
  await v.visit('/kk/volunteer');
  await fitsThePhone(v);
  if ((await main(v).getByRole('link', { name: text('kk', 'volunteers.desk.make-profile') }).count()) === 0) return;
  await main(v).getByRole('link', { name: text('kk', 'volunteers.desk.make-profile') }).click();
  await v.page.waitForURL(/\/kk\/volunteer\/profile$/);
  await v.checkA11y();
  await fitsThePhone(v);
  v.expectStatus(422);
  await press(v, text('kk', 'volunteers.profile.save'));
  // Nothing filled in: the form says what to fix and keeps what was typed.
  await expect(main(v).locator('.error-summary').textContent()).resolves.toContain(text('kk', 'volunteers.profile.error.birth-date'));
  await field(v, 'birthDate').fill('1998-03-21');
  await field(v, 'regionCode').selectOption('KZ-75');
  await field(v, 'city').fill('Алматы');
  await main(v).getByLabel(text('kk', 'volunteers.skill.first-aid')).check();
  await press(v, text('kk', 'volunteers.profile.save'));
  await v.page.waitForURL(/\/kk\/volunteer$/);
  await expect(v.flash().textContent()).resolves.toBe(text('kk', 'volunteers.profile.saved'));
}

async function signUpFor(v: Visitor, opportunityPath: string): Promise<void> {
  await v.visit(opportunityPath);
  await fitsThePhone(v);
  await main(v).locator('form[action$="/sign-up"] button').first().click();
  await v.page.waitForLoadState('load');
  await v.checkA11y();
}

/** The PNG of the check-in QR on the page, read back. */
async function qrOnPage(v: Visitor): Promise<string> {
  const src = await main(v).locator('figure.qr img').getAttribute('src');
  const png = PNG.sync.read(Buffer.from(String(src).replace(/^data:image\/png;base64,/, ''), 'base64'));
  const found = jsQR(new Uint8ClampedArray(png.data), png.width, png.height);
  if (!found) throw new Error('no QR code could be read on the check-in page');
  return found.data;
}

async function journey(mode: Mode): Promise<void> {
  const { first, second } = PEOPLE[mode.name]!;
  const title = `Қоқыс жинау (${mode.name})`;
  const now = await serverNow();
  // Starts in half an hour by the server's clock, so check-in (from an hour before) is open.
  const start = new Date(now.getTime() + 30 * 60_000);
  const end = new Date(start.getTime() + 3 * 3_600_000);
  let opportunityPath = '';
  let shiftPath = '';

  await withVisitor(
    browser,
    mode,
    async (v) => {
      v.page.on('dialog', (dialog) => dialog.accept());

      // The coordinator publishes an opportunity with one place.
      await v.logInAs(COORDINATOR);
      await v.visit('/kk/volunteering/manage');
      await fitsThePhone(v);
      await main(v).getByRole('link', { name: /Ұлттық еріктілер желісі/ }).first().click();
      await v.page.waitForURL(/\/kk\/volunteering\/manage\/[0-9a-f-]{36}$/);
      await v.checkA11y();
      await fitsThePhone(v);
      await main(v).getByRole('link', { name: text('kk', 'volunteers.manage.opportunity-new') }).click();
      await v.page.waitForURL(/\/opportunities\/new$/);
      await v.checkA11y();
      await fitsThePhone(v);
      await field(v, 'titleKk').fill(title);
      await field(v, 'titleRu').fill(`Уборка мусора (${mode.name})`);
      await field(v, 'descriptionKk').fill('Медеу шатқалында қоқыс жинаймыз, қап пен қолғап береміз.');
      await field(v, 'descriptionRu').fill('Собираем мусор в ущелье Медеу, мешки и перчатки выдаём.');
      await field(v, 'area').selectOption('environment');
      await field(v, 'regionCode').selectOption('KZ-75');
      await field(v, 'address').fill('Алматы, Медеу');
      await field(v, 'minAge').fill('10');
      await field(v, 'shift.0.start').fill(localDateTimeValue(start));
      await field(v, 'shift.0.end').fill(localDateTimeValue(end));
      await field(v, 'shift.0.capacity').fill('1');
      await press(v, text('kk', 'volunteers.manage.publish'));
      await v.page.waitForURL(/\/kk\/volunteering\/opportunities\/[0-9a-f-]{36}$/);
      opportunityPath = new URL(v.page.url()).pathname;
      const action = await main(v).locator('form[action$="/sign-up"]').first().getAttribute('action');
      shiftPath = `/kk/volunteering/manage/shifts/${/shifts\/([0-9a-f-]{36})\/sign-up/.exec(String(action))![1]}`;
      await signOut(v);

      // The first volunteer takes the place.
      await v.logInAs(first);
      await ensureProfile(v);
      await signUpFor(v, opportunityPath);
      await v.page.waitForURL(/\/kk\/volunteer$/);
      await expect(v.flash().textContent()).resolves.toBe(text('kk', 'volunteers.signup.done.pending'));
      await signOut(v);

      // The second makes a profile and lands on the waiting list.
      await v.logInAs(second);
      await ensureProfile(v);
      await signUpFor(v, opportunityPath);
      await v.page.waitForURL(/\/kk\/volunteer$/);
      await expect(v.flash().textContent()).resolves.toBe(text('kk', 'volunteers.signup.done.waitlisted'));
      await expect(main(v).locator('li', { hasText: title }).textContent()).resolves.toContain(text('kk', 'volunteers.signup.waitlisted'));
      await fitsThePhone(v);
      await signOut(v);

      // A 12-year-old without a parent's written consent is refused, and told why, beside the button.
      await v.logInAs(YOUNG);
      v.expectStatus(422);
      await signUpFor(v, opportunityPath);
      await expect(main(v).getByRole('alert').first().textContent()).resolves.toContain(text('kk', 'volunteers.error.age-consent'));
      await signOut(v);

      // The first gives the place up; the second moves up.
      await v.logInAs(first);
      await v.visit('/kk/volunteer');
      await main(v).locator('li', { hasText: title }).getByRole('button', { name: text('kk', 'volunteers.desk.cancel') }).click();
      await v.page.waitForURL(/\/kk\/volunteer$/);
      await v.checkA11y();
      await expect(v.flash().textContent()).resolves.toBe(text('kk', 'volunteers.signup.cancelled-done'));
      await signOut(v);

      // The coordinator accepts, in the shift's bulk form.
      await v.logInAs(COORDINATOR);
      await v.visit(shiftPath);
      await fitsThePhone(v);
      await main(v).locator('tr[data-status="pending"] input[name="signup"]').check();
      await press(v, text('kk', 'volunteers.roster.accept'));
      await expect(v.flash().textContent()).resolves.toBe(text('kk', 'volunteers.roster.accept-done', { count: 1 }));
      await signOut(v);

      // The volunteer shows the check-in code.
      await v.logInAs(second);
      await v.visit('/kk/volunteer');
      await main(v).locator('li', { hasText: title }).getByRole('link', { name: text('kk', 'volunteers.desk.show-code') }).click();
      await v.page.waitForURL(/\/check-in$/);
      await v.checkA11y();
      await fitsThePhone(v);
      const checkInPath = new URL(v.page.url()).pathname;
      const scanned = new URL(await qrOnPage(v));
      expect(scanned.pathname).toMatch(/^\/kk\/volunteering\/check-in\/[2-9A-Z]{10}$/);
      if (mode.javaScript) {
        // Offline, the code still opens: the service worker kept the page.
        await v.page.evaluate(() => (globalThis as unknown as { navigator: { serviceWorker: { ready: Promise<unknown> } } }).navigator.serviceWorker.ready);
        await v.visit(checkInPath);
        await v.context.setOffline(true);
        await v.page.reload();
        await v.checkA11y();
        await expect(qrOnPage(v)).resolves.toBe(scanned.href);
        await v.context.setOffline(false);
        await v.visit(checkInPath);
      }
      await signOut(v);

      // The coordinator opens the scanned address and checks the volunteer in, then confirms the hours in bulk.
      await v.logInAs(COORDINATOR);
      await v.visit(scanned.pathname);
      await fitsThePhone(v);
      await main(v).locator('form[action*="/volunteering/check-in/"] button').click();
      await v.page.waitForLoadState('load');
      await v.checkA11y();
      await expect(v.flash().textContent()).resolves.toBe(text('kk', 'volunteers.checkin.checked-in'));
      // An hour later the shift is on, and its hours can be confirmed.
      await moveClock(3_600_000);
      await v.visit(shiftPath);
      await main(v).locator('input[name="confirm"]').check();
      await press(v, text('kk', 'volunteers.roster.confirm-selected'));
      await expect(v.flash().textContent()).resolves.toBe(text('kk', 'volunteers.roster.hours-done', { count: 1 }));
      await signOut(v);

      // The volunteer gets a certificate; its QR opens the public check.
      await v.logInAs(second);
      await v.visit('/kk/volunteer/book');
      await fitsThePhone(v);
      await field(v, 'lang').selectOption('kk');
      await press(v, text('kk', 'volunteers.certificate.issue'));
      const code = /VH-[0-9A-Z]{4}-[0-9A-Z]{4}/.exec(String(await v.flash().textContent()))![0];
      const pdf = await v.page.request.get(`${baseUrl()}/kk/volunteer/certificates/${code}.pdf`);
      expect(pdf.status()).toBe(200);
      const printed = qrOfPdf(await pdf.body());
      if (!printed) throw new Error('no QR code could be read on the certificate');
      const verifyUrl = new URL(printed);
      expect(verifyUrl.pathname).toBe(`/kk/certificates/${code}`);
      await signOut(v);

      await v.visit(`${verifyUrl.pathname}${verifyUrl.search}`);
      await fitsThePhone(v);
      await expect(main(v).textContent()).resolves.toContain(text('kk', 'volunteers.verify.valid'));
      await expect(main(v).textContent()).resolves.not.toContain(text('kk', 'volunteers.verify.invalid'));

      // The same certificate with its hours doubled in the QR's data: not valid.
      const token = readToken(verifyUrl.searchParams.get('s')!)!;
      const payload = JSON.parse(token.text) as { totalMinutes: number };
      const forged = certificateToken(JSON.stringify({ ...payload, totalMinutes: payload.totalMinutes * 2 }), token.signature);
      await v.visit(`${verifyUrl.pathname}?s=${forged}`);
      await expect(main(v).textContent()).resolves.toContain(text('kk', 'volunteers.verify.invalid'));
      await expect(main(v).textContent()).resolves.toContain(text('kk', 'volunteers.verify.reason.token-forged'));
    },
    { viewport: PHONE },
  );
}


describe('volunteering on a phone', () => {
  for (const mode of MODES) {
    it(`signs up, waits, moves up, is accepted, checks in, has the hours confirmed and a certificate that verifies (${mode.name})`, { timeout: 240_000 }, () =>
      journey(mode),
    );
  }
});
