import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, MODES, type Mode, text, type Visitor, withVisitor } from './support.ts';

/**
 * A funded project in the browser. With JavaScript on: the organiser makes the agreement with a
 * winner of the Koksu competition and both sides confirm it. Then, in each mode, one reporting
 * period: the organisation reports with evidence, the organiser returns the report, it is
 * corrected and accepted, its tranche is released, a visitor sees the progress on the public
 * portal, and a citizen's comment appears only once the organiser has published it.
 */
let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

const ORGANISER = 'koksu-organiser@ortaq.kz';
const WINNER_ADMIN = 'ngo-koksu@ortaq.kz';
const WINNER = '«Нахичивань» этномәдени орталығы қоғамдық бірлестігі';
const pdfBytes = Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');

/** Shared between the two modes, in order: the project the first one starts. */
let projectPath = '';

const main = (v: Visitor) => v.page.locator('main');
const field = (v: Visitor, name: string) => v.page.locator(`main [name="${name}"]`);
const button = (v: Visitor, key: string) => main(v).getByRole('button', { name: text('kk', key), exact: true });

async function press(v: Visitor, key: string): Promise<void> {
  await button(v, key).first().click();
  await v.page.waitForLoadState('load');
  await v.checkA11y();
}

async function signOut(v: Visitor): Promise<void> {
  await v.logOut();
  await v.page.waitForURL(/\/kk\/$/);
  await v.checkA11y();
}

async function makeAndConfirmAgreement(mode: Mode): Promise<void> {
  await withVisitor(browser, mode, async (v) => {
    await v.logInAs(ORGANISER);
    await v.visit('/kk/work/projects');
    await main(v).locator('tr', { hasText: WINNER }).getByRole('link').first().click();
    await v.page.waitForURL(/\/kk\/work\/applications\/[0-9a-f-]{36}\/agreement$/);
    await v.checkA11y();
    await field(v, 'number').fill('КӨКСУ-2019-03');
    await field(v, 'signedOn').fill('2019-03-05');
    await field(v, 'startsOn').fill('2019-03-10');
    await field(v, 'endsOn').fill('2019-12-10');
    await field(v, 'period0.startsOn').fill('2019-03-10');
    await field(v, 'period0.endsOn').fill('2019-06-30');
    await field(v, 'period0.reportDueOn').fill('2019-07-10');
    await field(v, 'period1.startsOn').fill('2019-07-01');
    await field(v, 'period1.endsOn').fill('2019-12-10');
    await field(v, 'period1.reportDueOn').fill('2019-12-20');
    // 2,014,286 tenge: an advance, then one tranche on each period's report.
    await field(v, 'tranche0.amount').fill('814286');
    await field(v, 'tranche0.period').selectOption('advance');
    await field(v, 'tranche1.amount').fill('600000');
    await field(v, 'tranche1.period').selectOption('1');
    if ((await field(v, 'tranche2.amount').count()) === 0) await press(v, 'projects.work.tranches.add');
    await field(v, 'tranche2.amount').fill('600000');
    await field(v, 'tranche2.period').selectOption('2');
    await press(v, 'projects.work.agreement.make');
    await v.page.waitForURL(/\/kk\/work\/agreements\/[0-9a-f-]{36}$/);
    await press(v, 'projects.work.confirm.organiser');
    await signOut(v);

    await v.logInAs(WINNER_ADMIN);
    await v.visit('/kk/work/projects');
    await main(v).locator('tr', { hasText: 'КӨКСУ-2019-03' }).getByRole('link').first().click();
    await v.page.waitForURL(/\/kk\/work\/agreements\/[0-9a-f-]{36}$/);
    await v.checkA11y();
    await press(v, 'projects.work.confirm.organisation');
    await expect(v.flash().textContent()).resolves.toBe(text('kk', 'projects.work.agreement.started'));
    projectPath = (await main(v).getByRole('link', { name: text('kk', 'projects.work.project.public') }).getAttribute('href')) ?? '';
    expect(projectPath).toMatch(/^\/kk\/projects\/[0-9a-f-]{36}$/);
    await signOut(v);
  });
}

/** The organisation reports on one period; the organiser returns the report, then accepts it corrected. */
async function reportOnPeriod(mode: Mode, period: number): Promise<void> {
  const projectId = projectPath.split('/').pop()!;
  const reportForm = `/kk/work/projects/${projectId}/reports/${period}`;
  let reportPage = '';
  await withVisitor(browser, mode, async (v) => {
    await v.logInAs(WINNER_ADMIN);
    await v.visit(reportForm);
    for (const input of await v.page.locator('main input[name^="actual."]').all()) await input.fill('1');
    await field(v, 'narrative').fill(`${period}-кезеңде шеберханалар өтті, жастар қатысты.`);
    await field(v, 'female.18-29').fill('14');
    await field(v, 'male.18-29').fill('11');
    await press(v, 'projects.work.report.save');
    await field(v, 'purpose').selectOption('evidence');
    await v.page.locator('main input[type="file"]').setInputFiles({ name: `фото-${period}.pdf`, mimeType: 'application/pdf', buffer: pdfBytes });
    await press(v, 'projects.work.files.submit');
    await v.visit(reportForm);
    await press(v, 'projects.work.report.submit');
    await signOut(v);

    await v.logInAs(ORGANISER);
    await v.visit('/kk/work/projects');
    await main(v).locator(`a[href^="/kk/work/reports/"]`).first().click();
    await v.page.waitForURL(/\/kk\/work\/reports\/[0-9a-f-]{36}$/);
    await v.checkA11y();
    reportPage = v.page.url();
    await field(v, 'comments').fill('Фотосуреттерге қол қойылмаған.');
    await press(v, 'projects.work.decision.return');
    await signOut(v);

    await v.logInAs(WINNER_ADMIN);
    await v.visit(reportForm);
    await expect(main(v).textContent()).resolves.toContain('Фотосуреттерге қол қойылмаған.');
    await field(v, 'narrative').fill(`${period}-кезеңде шеберханалар өтті; фотосуреттерге қол қойылды.`);
    await press(v, 'projects.work.report.submit');
    await signOut(v);

    await v.logInAs(ORGANISER);
    await v.visit(new URL(reportPage).pathname);
    await press(v, 'projects.work.decision.accept');
    await expect(v.flash().textContent()).resolves.toMatch(/600\s000/);
    await signOut(v);
  });

  // A visitor sees the accepted report's figures and the released tranche, and leaves a comment.
  const comment = `Шеберханаға қатыстым (${mode.javaScript ? 'JS' : 'HTML'}), өте пайдалы болды.`;
  await withVisitor(browser, mode, async (v) => {
    await v.visit(projectPath);
    await expect(main(v).textContent()).resolves.toContain(`${period}-кезеңде шеберханалар өтті; фотосуреттерге қол қойылды.`);
    await field(v, 'name').fill('Әсел Нұрланқызы');
    await field(v, 'comment').fill(comment);
    await press(v, 'projects.portal.feedback.send');
    await expect(v.flash().textContent()).resolves.toBe(text('kk', 'projects.portal.feedback.thanks'));
    await expect(main(v).textContent()).resolves.not.toContain(comment);

    await v.logInAs(ORGANISER);
    await v.visit(`/kk/manage/projects/${projectId}`);
    await main(v).locator('li, tr, article', { hasText: comment }).getByRole('button', { name: text('kk', 'projects.monitor.queue.publish') }).click();
    await v.page.waitForLoadState('load');
    await v.checkA11y();
    await signOut(v);
    await v.visit(projectPath);
    await expect(main(v).textContent()).resolves.toContain(comment);
  });
}

describe('a funded project from agreement to public progress', () => {
  it('starts when both sides confirm the agreement (JavaScript on)', { timeout: 300_000 }, async () => {
    await makeAndConfirmAgreement(MODES[0]);
  });

  it.each(MODES.map((mode, i) => ({ ...mode, period: i + 1 })))(
    'reports, is returned, corrected and accepted, and shows in public ($name)',
    { timeout: 300_000 },
    async (mode) => {
      expect(projectPath, 'the agreement step ran first').not.toBe('');
      await reportOnPeriod(mode, mode.period);
    },
  );
});
