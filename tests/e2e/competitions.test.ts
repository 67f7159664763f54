import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { localDateTimeValue } from '../../src/core/format/local-time.ts';
import { DEMO_ORGANISATIONS } from '../../src/modules/organisations/seed-demo.ts';
import { baseUrl, escapeRegExp, launchBrowser, MODES, type Mode, text, type Visitor, waitForMail, withVisitor } from './support.ts';

/**
 * A competition from announcement to published results, in the browser, with JavaScript on and
 * off: the organiser announces it; two organisations apply (one with a budget error it sees and
 * fixes, and an attachment); the deadline passes on the server's clock; the organiser admits both
 * and names a commission of five; three experts score, a fourth with a conflict is refused; the
 * results are published, the protocol PDF opens, and the letters reach the SMTP receiver.
 */
let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  // The app and its clock are shared with the other browser test files: put the clock back.
  await serverClock(0);
});

const DAY = 86_400_000;
/** A small, real PDF: the upload is checked by its content, not its name. */
const pdfBytes = Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');

/** How far the server's clock has been moved in this run; each flow moves it further, never back. */
let clockOffset = 0;
async function serverClock(offsetMs = clockOffset): Promise<Date> {
  clockOffset = offsetMs;
  const res = await fetch(`${baseUrl()}/__test/clock`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ offsetMs }) });
  expect(res.status).toBe(200);
  return new Date(((await res.json()) as { now: string }).now);
}

const EXPERTS = ['expert@ortaq.kz', 'expert2@ortaq.kz', 'expert3@ortaq.kz', 'expert4@ortaq.kz', 'expert5@ortaq.kz'];
const demoOrganisation = (key: string) => {
  const org = DEMO_ORGANISATIONS.find((o) => o.key === key);
  if (!org) throw new Error(`No demo organisation ${key}`);
  return org.nameKk;
};
/**
 * Each applicant applies for the organisation the demo makes them a member of, chosen by name:
 * other browser tests give the same accounts more organisations (tests/e2e/abuse.test.ts
 * registers two as ngo-admin@), and the start form offers them all.
 */
const APPLICANTS = [
  { email: 'ngo-admin@ortaq.kz', organisation: demoOrganisation('aktobe-ngo-association'), title: 'Ақтөбе жастарының үні' },
  { email: 'ngo-staff@ortaq.kz', organisation: demoOrganisation('koksu-zhastary'), title: 'Көксу жастары – қоғамға' },
];
const LOT_BUDGET = 5_000_000;

const button = (v: Visitor, key: string, params?: Record<string, string>) =>
  v.page.locator('main').getByRole('button', { name: text('kk', key, params), exact: true });
const field = (v: Visitor, name: string, nth = 0) => v.page.locator(`main [name="${name}"]`).nth(nth);

/** Clicks and waits for the page (a full load, or htmx's swap) to be ready and audited. */
async function press(v: Visitor, key: string, params?: Record<string, string>): Promise<void> {
  await button(v, key, params).first().click();
  await v.page.waitForLoadState('load');
  await v.checkA11y();
}

async function announce(v: Visitor, title: string, now: Date): Promise<string> {
  await v.visit('/kk/manage/competitions/new');
  await field(v, 'instrument').selectOption('grant');
  await field(v, 'ruleVersionId').selectOption('grant-2022');
  await field(v, 'year').fill(String(now.getUTCFullYear()));
  await field(v, 'titleKk').fill(title);
  await field(v, 'titleRu').fill(`${title} (ru)`);
  const at = (ms: number) => localDateTimeValue(new Date(now.getTime() + ms));
  await field(v, 'announcedAt').fill(at(-DAY));
  await field(v, 'deadlineAt').fill(at(DAY));
  await field(v, 'admissionUntil').fill(at(3 * DAY));
  await field(v, 'evaluationUntil').fill(at(6 * DAY));
  await field(v, 'resultsDueAt').fill(at(8 * DAY));
  await field(v, 'lot0.titleKk').fill('Жастарды қоғамдық өмірге тарту');
  await field(v, 'lot0.titleRu').fill('Вовлечение молодёжи в общественную жизнь');
  await field(v, 'lot0.area').selectOption('youth');
  await field(v, 'lot0.budget').fill(String(LOT_BUDGET));
  await field(v, 'lot0.durationType').selectOption('short');
  await field(v, 'lot0.indicators').fill('Дөңгелек үстел | дана | 3\nКездесу | дана | 2');
  await press(v, 'competitions.manage.new.submit');
  await v.page.waitForURL(/\/kk\/manage\/competitions\/[0-9a-f-]{36}$/);
  return v.page.url().split('/').pop()!;
}

async function fillRow(v: Visitor, values: Record<string, string>, row = 0): Promise<void> {
  for (const [name, value] of Object.entries(values)) {
    const input = field(v, name, row);
    if ((await input.evaluate((el) => el.tagName)) === 'SELECT') await input.selectOption(value);
    else await input.fill(value);
  }
}

/** Logs out and audits the page it lands on. */
async function signOut(v: Visitor): Promise<void> {
  await v.logOut();
  await v.page.waitForURL(/\/kk\/$/);
  await v.checkA11y();
}

const next = (v: Visitor) => press(v, 'competitions.apply.save-next');

/** An organisation member applies for their organisation to the competition's only lot; returns the receipt number. */
async function apply(v: Visitor, competitionId: string, applicant: (typeof APPLICANTS)[number], withBudgetError: boolean): Promise<string> {
  await v.logInAs(applicant.email);
  await v.visit(`/kk/competitions/${competitionId}`);
  await v.page.locator('main').getByRole('link', { name: text('kk', 'competitions.public.lot.apply', { number: '1' }) }).click();
  await v.page.waitForURL(/\/lots\/[0-9a-f-]{36}\/apply$/);
  await v.checkA11y();
  // The options read "name (BIN …)", sorted by name; the first is not necessarily the applicant's.
  const choice = field(v, 'organisationId').locator('option', { hasText: applicant.organisation });
  expect(await choice.count(), `one choice for ${applicant.organisation}`).toBe(1);
  await field(v, 'organisationId').selectOption((await choice.getAttribute('value')) ?? '');
  await field(v, 'language').selectOption('kk');
  await press(v, 'competitions.apply.start.submit');
  await v.page.waitForURL(/\/applications\/[0-9a-f-]{36}\/steps\/summary$/);
  await expect(v.page.locator('main').textContent()).resolves.toContain(applicant.organisation);

  await fillRow(v, { title: applicant.title, summary: 'Жастарға арналған дөңгелек үстелдер мен кездесулер.' });
  await next(v);
  await fillRow(v, { goal: 'Жастарды қоғамдық өмірге тарту', tasks: 'Дөңгелек үстелдер өткізу\nКездесулер ұйымдастыру' });
  await next(v);
  await fillRow(v, { activity: 'Дөңгелек үстел', from: '2027-02-01', to: '2027-03-01' });
  await next(v);
  await fillRow(v, { name: 'Дөңгелек үстел', unit: 'дана', target: '3' });
  await next(v);
  await fillRow(v, { description: 'Ауыл жастары', count: '300' });
  await next(v);

  await v.page.waitForURL(/\/steps\/budget$/);
  await fillRow(v, { item: 'Іс-шаралар', kind: 'direct', amount: withBudgetError ? '5 500 000' : '3 600 000' }, 0);
  await fillRow(v, { item: 'Әкімшілік шығыстар', kind: 'administrative', amount: '400 000' }, 1);
  if (withBudgetError) v.expectStatus(422);
  await next(v);
  if (withBudgetError) {
    // The lines are kept and saved; the error says what is wrong, and the user fixes it.
    const summary = v.page.locator('main .error-summary');
    await expect(summary.textContent()).resolves.toMatch(/5\s900\s000/);
    await expect(field(v, 'amount', 0).inputValue()).resolves.toBe('5500000');
    await field(v, 'amount', 0).fill('4 100 000');
    await next(v);
  }
  await v.page.waitForURL(/\/steps\/team$/);
  await fillRow(v, { name: 'Айгүл Дүйсенова', role: 'Жоба жетекшісі' });
  await next(v);

  await v.page.waitForURL(/\/steps\/attachments$/);
  await field(v, 'documentCode').selectOption('charter');
  await v.page.locator('main input[type="file"]').setInputFiles({ name: 'жарғы.pdf', mimeType: 'application/pdf', buffer: pdfBytes });
  await press(v, 'competitions.apply.attachments.submit');
  await expect(v.flash().textContent()).resolves.toContain('жарғы.pdf');

  await v.visit(v.page.url().replace(/\/steps\/attachments$/, ''));
  await press(v, 'competitions.apply.submit');
  await v.page.waitForURL(/\/receipt$/);
  const receipt = (await v.fact(text('kk', 'competitions.apply.fact.receipt')).textContent())?.trim() ?? '';
  expect(receipt).toMatch(/^\d{4}-G-\d{3}-01-\d{3}$/);
  await expect(v.fact(text('kk', 'competitions.apply.fact.sha256')).textContent()).resolves.toMatch(/[0-9a-f]{64}/);
  const mail = await waitForMail(applicant.email, 15_000, new RegExp(escapeRegExp(receipt)));
  expect(mail.text).toContain(receipt);
  await signOut(v);
  return receipt;
}

async function expertScores(v: Visitor, email: string, receipts: string[], points: number, recuseFrom?: string): Promise<void> {
  await v.logInAs(email);
  for (const receipt of receipts) {
    await v.visit('/kk/expert');
    await v.page.locator('main').getByRole('link', { name: new RegExp(escapeRegExp(receipt)) }).first().click();
    await v.page.waitForURL(/\/expert\/applications\/[0-9a-f-]{36}$/);
    await v.checkA11y();
    const appUrl = v.page.url();
    if (receipt === recuseFrom) {
      await v.page.locator('main input[name="hasConflict"][value="yes"]').check();
      await press(v, 'competitions.expert.declare.submit');
      // Recused: the scoring page is refused.
      v.expectStatus(403);
      await v.visit(appUrl, 403);
      continue;
    }
    await v.page.locator('main input[name="hasConflict"][value="no"]').check();
    await press(v, 'competitions.expert.declare.submit');
    await v.page.waitForURL(appUrl);
    for (const select of await v.page.locator('main select[name^="points."]').all()) await select.selectOption(String(points));
    for (const comment of await v.page.locator('main textarea[name^="comment."]').all()) await comment.fill('Жоба нақты, жоспары орындалатын.');
    await press(v, 'competitions.expert.score.submit');
    await v.page.waitForURL(/\/kk\/expert$/);
  }
  await signOut(v);
}

describe.each(MODES)('a competition from announcement to results ($name)', (mode: Mode) => {
  it('runs end to end in the browser', { timeout: 600_000 }, async () => {
    const now = await serverClock(clockOffset);
    const title = `E2E конкурсы ${mode.javaScript ? 'JS' : 'HTML'} ${now.getTime()}`;
    let competitionId = '';
    await withVisitor(browser, mode, async (v) => {
      await v.logInAs('organiser@ortaq.kz');
      competitionId = await announce(v, title, now);
      await signOut(v);
    });

    const receipts: string[] = [];
    for (const [i, applicant] of APPLICANTS.entries()) {
      await withVisitor(browser, mode, async (v) => {
        receipts.push(await apply(v, competitionId, applicant, i === 0));
      });
    }

    // The deadline passes on the server's clock.
    await serverClock(clockOffset + 2 * DAY);

    await withVisitor(browser, mode, async (v) => {
      await v.logInAs('organiser@ortaq.kz');
      await v.visit(`/kk/manage/competitions/${competitionId}`);
      for (const receipt of receipts) {
        await v.page.locator('main').getByRole('link', { name: receipt, exact: true }).first().click();
        await v.page.waitForURL(/\/kk\/manage\/applications\/[0-9a-f-]{36}$/);
        await v.checkA11y();
        await press(v, 'competitions.manage.admission.admit');
        await v.page.waitForURL(/\/kk\/manage\/competitions\/[0-9a-f-]{36}/);
      }
      for (const email of EXPERTS) await v.page.getByLabel(new RegExp(`— ${escapeRegExp(email)}$`)).check();
      await press(v, 'competitions.manage.commission.submit');
      await press(v, 'competitions.manage.stage.start');
      await signOut(v);
    });

    const [first, second] = receipts as [string, string];
    for (const [email, points, recuse] of [
      [EXPERTS[0]!, 8, undefined],
      [EXPERTS[1]!, 7, undefined],
      [EXPERTS[2]!, 9, undefined],
      [EXPERTS[3]!, 6, first],
    ] as const) {
      await withVisitor(browser, mode, async (v) => {
        await expertScores(v, email, [first, second], points, recuse);
      });
    }

    await withVisitor(browser, mode, async (v) => {
      await v.logInAs('organiser@ortaq.kz');
      await v.visit(`/kk/manage/competitions/${competitionId}`);
      await press(v, 'competitions.manage.stage.publish');
      await signOut(v);

      await v.visit(`/kk/competitions/${competitionId}`);
      const main = v.page.locator('main');
      await expect(main.textContent()).resolves.toContain(text('kk', 'competitions.phase.results'));
      await expect(main.textContent()).resolves.toContain(APPLICANTS[0]!.organisation);
      // The scores by criterion and expert are on the lot's own page, experts by number only.
      await v.visit(`/kk/competitions/${competitionId}/lots/1/scores`);
      const sheets = (await main.textContent()) ?? '';
      expect(sheets).toMatch(new RegExp(escapeRegExp(text('kk', 'competitions.public.expert', { number: '0' })).replace('0', '\\d')));
      expect(sheets).not.toContain('Гүлнар Сәрсенова');
      const protocol = await v.page.request.get(`${baseUrl()}/kk/competitions/${competitionId}/protocol/kk.pdf`);
      expect(protocol.status()).toBe(200);
      expect(protocol.headers()['content-type']).toBe('application/pdf');
      expect((await protocol.body()).subarray(0, 5).toString()).toBe('%PDF-');
    });

    // Each applicant was told of the admission and of the result, in their own language (Kazakh).
    // The first scored 8, 7 and 9 (a mean of 8 × weight 7 = 56 of 70); the second also got a 6 from the fourth expert (52.5).
    const subject = (key: string, number: string) => new RegExp(`^${escapeRegExp(text('kk', key, { number }))}$`);
    for (const number of receipts) {
      await waitForMail(APPLICANTS[receipts.indexOf(number)]!.email, 15_000, subject('competitions.mail.admitted.subject', number));
    }
    const won = await waitForMail(APPLICANTS[0]!.email, 15_000, subject('competitions.mail.won.subject', first));
    expect(won.text).toContain(title);
    expect(won.text).toMatch(/4\s500\s000/);
    const lost = await waitForMail(APPLICANTS[1]!.email, 15_000, subject('competitions.mail.result.subject', second));
    expect(lost.text).toContain(title);
  });
});
