import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog } from '../../src/core/audit/schema.ts';
import { formatters } from '../../src/core/format/intl.ts';
import { organisationMembers } from '../../src/modules/organisations/schema.ts';
import { agreementAmendments, agreements, projectBudgetLines, projectIndicators, projectPeriods, projects, reportFiles, reports, tranches } from '../../src/modules/projects/schema.ts';
import { type TestApp, type TestClient, testApp } from '../support/app.ts';
import { clientOf, makeOrganisation, makeUser } from '../support/competitions.ts';
import { makeProject, makeWinner } from '../support/projects.ts';

let t: TestApp;
beforeAll(async () => {
  t = await testApp();
});
afterAll(() => t.close());

const decode = (html: string) => html.replace(/&amp;/g, '&').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&nbsp;/g, '\u00a0');

/** A small but real PDF: one empty page, with a correct cross-reference table. */
function tinyPdf(): Buffer {
  const objects = ['<< /Type /Catalog /Pages 2 0 R >>', '<< /Type /Pages /Kids [3 0 R] /Count 1 >>', '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] >>'];
  let out = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((o, i) => {
    offsets.push(out.length);
    out += `${i + 1} 0 obj\n${o}\nendobj\n`;
  });
  const xref = out.length;
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`;
  out += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(out, 'latin1');
}

/** Sends the report page's upload form as a browser does: multipart, with the CSRF token in its action. */
async function upload(client: TestClient, reportPath: string, file: { name: string; bytes: Buffer }, purpose = 'evidence') {
  const page = await client.get(reportPath);
  const action = /<form method="post" action="([^"]*\/files\?_csrf=[^"]+)"/.exec(page.body)?.[1];
  if (!action) throw new Error('no upload form on the page');
  const boundary = '----ortaq-work-boundary';
  const parts = [
    Buffer.from(`--${boundary}\r\ncontent-disposition: form-data; name="purpose"\r\n\r\n${purpose}\r\n`),
    Buffer.from(`--${boundary}\r\ncontent-disposition: form-data; name="file"; filename="${file.name}"\r\ncontent-type: application/pdf\r\n\r\n`),
    file.bytes,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ];
  const cookie = ['ortaq_session', 'ortaq_csrf'].map((n) => `${n}=${client.cookie(n)}`).join('; ');
  return t.app.inject({ method: 'POST', url: decode(action), payload: Buffer.concat(parts), headers: { 'content-type': `multipart/form-data; boundary=${boundary}`, cookie } });
}

/** Loads a page (for its CSRF token), then posts the form. */
async function send(client: TestClient, page: string, url: string, form: Record<string, string>) {
  await client.get(page);
  return client.post(url, form);
}

const agreementForm = (number: string, award: number, second: number) => ({
  number,
  signedOn: '2027-01-15',
  amount: String(award / 100),
  startsOn: '2027-02-01',
  endsOn: '2027-11-30',
  periodRows: '2',
  'period0.startsOn': '2027-02-01',
  'period0.endsOn': '2027-06-30',
  'period0.reportDueOn': '2027-07-10',
  'period1.startsOn': '2027-07-01',
  'period1.endsOn': '2027-11-30',
  'period1.reportDueOn': '2027-12-10',
  trancheRows: '3',
  'tranche0.amount': String(award / 200),
  'tranche0.period': 'advance',
  'tranche1.amount': String(second),
  'tranche1.period': '2',
  'tranche2.amount': '',
  'tranche2.period': '2',
});

describe('agreements and reports on the web', () => {
  it('goes from the winner to an accepted report and an amendment, each step by its side only', async () => {
    const w = await makeWinner(t.ctx);
    const organiser = await clientOf(t, w.organiser.id);
    const admin = await clientOf(t, w.applicant.admin.id);
    const staffUser = await makeUser(t.ctx);
    await t.ctx.db.insert(organisationMembers).values({ organisationId: w.applicant.organisation.id, userId: staffUser.id, role: 'staff' });
    const staff = await clientOf(t, staffUser.id);
    const otherOrganiserUser = await makeUser(t.ctx, { roles: ['organiser'] });
    await makeOrganisation(t.ctx, { kind: 'state', members: [{ userId: otherOrganiserUser.id, role: 'staff' }] });
    const otherOrganiser = await clientOf(t, otherOrganiserUser.id);

    // The organiser's desk lists the winner; the form comes prefilled with the award.
    const desk = await organiser.get('/en/work/projects');
    expect(desk.statusCode).toBe(200);
    expect(desk.body).toContain(`/en/work/applications/${w.applicationId}/agreement`);
    const formUrl = `/en/work/applications/${w.applicationId}/agreement`;
    const form = await organiser.get(formUrl);
    expect(form.statusCode).toBe(200);
    expect(form.body).toContain(`name="amount" type="text" value="${w.awardTiyn / 100}"`);

    // Tranches that do not add up: 422, every value kept, the problem said.
    const number = `AGR-WEB-${Date.now()}`;
    let res = await organiser.post(formUrl, agreementForm(number, w.awardTiyn, w.awardTiyn / 200 - 100_000));
    expect(res.statusCode).toBe(422);
    expect(res.body).toContain(`value="${number}"`);
    expect(res.body).toContain(`value="${w.awardTiyn / 200 - 100_000}"`);
    expect(res.body).toContain('value="2027-07-10"');
    expect(res.body).toContain('The tranches must add up to the agreement’s amount.');
    // "Add rows" without JavaScript: the same form back with more rows, nothing lost.
    res = await organiser.post(formUrl, { ...agreementForm(number, w.awardTiyn, 1), addPeriods: '1' });
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('name="period3.startsOn"');
    expect(res.body).toContain(`value="${number}"`);

    // Strangers to the winner cannot make its agreement.
    for (const other of [staff, otherOrganiser, admin]) {
      expect((await other.get(formUrl)).statusCode).toBe(403);
    }
    res = await organiser.post(formUrl, agreementForm(number, w.awardTiyn, w.awardTiyn / 200));
    expect(res.statusCode).toBe(303);
    const [agreement] = await t.ctx.db.select().from(agreements).where(eq(agreements.applicationId, w.applicationId));
    expect(agreement!.number).toBe(number);
    expect(res.headers.location).toBe(`/en/work/agreements/${agreement!.id}`);
    expect((await organiser.get(formUrl)).headers.location).toBe(`/en/work/agreements/${agreement!.id}`);
    const agreementUrl = `/en/work/agreements/${agreement!.id}`;

    // Confirming: staff of the organisation and another organiser are refused; the admin and the organiser confirm.
    const staffPage = await staff.get(agreementUrl);
    expect(staffPage.statusCode).toBe(200);
    expect(staffPage.body).not.toContain('Confirm for the organisation');
    expect((await staff.post(`${agreementUrl}/confirm`, { side: 'organisation' })).statusCode).toBe(403);
    expect((await staff.post(`${agreementUrl}/confirm`, { side: 'organiser' })).statusCode).toBe(403);
    expect((await otherOrganiser.get(agreementUrl)).statusCode).toBe(403);
    expect((await send(otherOrganiser, '/en/work/projects', `${agreementUrl}/confirm`, { side: 'organiser' })).statusCode).toBe(403);
    const adminDesk = await admin.get('/en/work/projects');
    expect(adminDesk.body).toContain(agreementUrl);
    const adminPage = await admin.get(agreementUrl);
    expect(adminPage.body).toContain('Confirm for the organisation');
    expect(adminPage.body).not.toContain('Confirm as the organiser');
    expect((await admin.post(`${agreementUrl}/confirm`, { side: 'organiser' })).statusCode).toBe(403);
    res = await admin.post(`${agreementUrl}/confirm`, { side: 'organisation' });
    expect(res.statusCode).toBe(303);
    expect((await admin.follow()).body).toContain('Your confirmation is recorded.');
    expect(await t.ctx.db.select().from(projects).where(eq(projects.agreementId, agreement!.id))).toHaveLength(0);
    res = await send(organiser, agreementUrl, `${agreementUrl}/confirm`, { side: 'organiser' });
    expect(res.statusCode).toBe(303);
    expect((await organiser.follow()).body).toContain('the project has started');
    const [project] = await t.ctx.db.select().from(projects).where(eq(projects.agreementId, agreement!.id));
    expect(project).toBeDefined();

    // The member's report for period 2: an evidence PDF, and a file lying about what it is.
    const reportUrl = `/en/work/projects/${project!.id}/reports/2`;
    const blank = await admin.get(reportUrl);
    expect(blank.statusCode).toBe(200);
    expect(blank.body).toContain('Report for period 2');
    res = await upload(admin, reportUrl, { name: 'photos.pdf', bytes: tinyPdf() });
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toBe(`${reportUrl}#files`);
    res = await upload(admin, reportUrl, { name: 'invoice.pdf', bytes: Buffer.from('MZ this is a program, not a document') }, 'finance');
    expect(res.statusCode).toBe(415);
    expect(res.body).toContain('content does not match its name');
    res = await upload(admin, reportUrl, { name: 'spare.pdf', bytes: tinyPdf() }, 'finance');
    expect(res.statusCode).toBe(303);
    const [draft] = await t.ctx.db.select().from(reports).where(eq(reports.projectId, project!.id));
    expect(draft!.status).toBe('draft');
    const files = await t.ctx.db.select().from(reportFiles).where(eq(reportFiles.reportId, draft!.id));
    expect(files.map((f) => f.purpose).sort()).toEqual(['evidence', 'finance']);
    const spare = files.find((f) => f.purpose === 'finance')!;
    res = await send(admin, reportUrl, `${reportUrl}/files/${spare.fileId}/delete`, {});
    expect(res.statusCode).toBe(303);
    const evidence = files.find((f) => f.purpose === 'evidence')!;

    const [indicator] = await t.ctx.db.select().from(projectIndicators).where(eq(projectIndicators.projectId, project!.id));
    const lines = await t.ctx.db.select().from(projectBudgetLines).where(eq(projectBudgetLines.projectId, project!.id));
    const reportForm = {
      [`actual.${indicator!.id}`]: '2',
      [`evidence.${indicator!.id}`]: 'https://example.kz/photos',
      narrative: 'Екі дөңгелек үстел өтті.',
      'female.18-29': '40',
      'male.18-29': 'forty',
      [`spent.${lines[0]!.id}`]: '250 000',
    };
    res = await send(admin, reportUrl, reportUrl, { ...reportForm, intent: 'save' });
    expect(res.statusCode).toBe(422);
    expect(res.body).toContain('value="forty"');
    expect(res.body).toContain('Екі дөңгелек үстел өтті.');
    res = await admin.post(reportUrl, { ...reportForm, 'male.18-29': '35', narrative: '', intent: 'submit' });
    expect(res.statusCode).toBe(422);
    expect(res.body).toContain('write the narrative before submitting');
    expect(res.body).toContain('value="250 000"');
    res = await admin.post(reportUrl, { ...reportForm, 'male.18-29': '35', intent: 'submit' });
    expect(res.statusCode).toBe(303);
    const submitted = (await t.ctx.db.select().from(reports).where(eq(reports.id, draft!.id)))[0]!;
    expect(submitted.status).toBe('submitted');
    expect(submitted.beneficiaries).toEqual({ female: { '18-29': 40 }, male: { '18-29': 35 } });
    // Once submitted it is read only, and its files stay.
    const locked = await admin.get(reportUrl);
    expect(locked.body).toContain('The report is submitted');
    expect(locked.body).not.toContain('name="narrative"');
    expect((await admin.post(`${reportUrl}/files/${evidence.fileId}/delete`, {})).statusCode).toBe(422);

    // The organiser reads it with its file, returns it (comments required), and the member resubmits.
    const decisionUrl = `/en/work/reports/${draft!.id}`;
    const review = await organiser.get(decisionUrl);
    expect(review.statusCode).toBe(200);
    expect(review.body).toContain('photos.pdf');
    expect(review.body).toContain('https://example.kz/photos');
    const download = await organiser.get(`${decisionUrl}/files/${evidence.fileId}`);
    expect(download.statusCode).toBe(200);
    expect(download.headers['content-type']).toBe('application/pdf');
    expect(download.rawPayload.equals(tinyPdf())).toBe(true);
    expect((await admin.post(`${decisionUrl}/decision`, { decision: 'accept' })).statusCode).toBe(403);
    res = await send(organiser, decisionUrl, `${decisionUrl}/decision`, { decision: 'return', comments: '  ' });
    expect(res.statusCode).toBe(422);
    expect(res.body).toContain('Write what must be corrected.');
    res = await organiser.post(`${decisionUrl}/decision`, { decision: 'return', comments: 'Фотосуреттер аз' });
    expect(res.statusCode).toBe(303);
    const returned = await admin.get(reportUrl);
    expect(returned.body).toContain('Фотосуреттер аз');
    expect(returned.body).toContain('name="narrative"');
    res = await admin.post(reportUrl, { ...reportForm, 'male.18-29': '35', narrative: 'Фото қосылды.', intent: 'submit' });
    expect(res.statusCode).toBe(303);
    const second = (await t.ctx.db.select().from(reports).where(eq(reports.id, draft!.id)))[0]!;
    expect(second).toMatchObject({ status: 'submitted', round: 2 });

    // Accepting releases the tranche of period 2, and the flash says how much.
    res = await send(organiser, decisionUrl, `${decisionUrl}/decision`, { decision: 'accept' });
    expect(res.statusCode).toBe(303);
    const releasedTiyn = w.awardTiyn - w.awardTiyn / 2;
    expect(decode((await organiser.follow()).body)).toContain(`Tranche released: ${formatters('en').money(releasedTiyn)}`);
    const [tranche] = await t.ctx.db.select().from(tranches).where(and(eq(tranches.agreementId, agreement!.id), eq(tranches.periodNumber, 2)));
    expect(tranche!.releasedAt).not.toBeNull();

    // Amending: a reason is required and the award is the limit. Both tranches are released by
    // now (the advance when the agreement bound), and released tranches never change.
    const amendUrl = `${agreementUrl}/amend`;
    const amendForm = { amount: String(w.awardTiyn / 100), endsOn: '2027-12-31', trancheRows: '0', reason: '' };
    expect((await send(admin, agreementUrl, amendUrl, { ...amendForm, reason: 'Өзім' })).statusCode).toBe(403);
    res = await send(organiser, agreementUrl, amendUrl, amendForm);
    expect(res.statusCode).toBe(422);
    expect(res.body).toContain('Give the reason.');
    expect(res.body).toContain('value="2027-12-31"');
    res = await organiser.post(amendUrl, { ...amendForm, amount: String(w.awardTiyn / 100 + 1), trancheRows: '1', 'tranche0.amount': '1', 'tranche0.period': '2', reason: 'Қосымша келісім №1' });
    expect(res.statusCode).toBe(422);
    expect(res.body).toContain('not more than the award');
    res = await organiser.post(amendUrl, { ...amendForm, reason: 'Қосымша келісім №1, 2027-11-20' });
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toBe(`${agreementUrl}#amendments`);
    const [amendment] = await t.ctx.db.select().from(agreementAmendments).where(eq(agreementAmendments.agreementId, agreement!.id));
    expect(amendment).toMatchObject({ number: 1, reason: 'Қосымша келісім №1, 2027-11-20' });
    expect(amendment!.before).toMatchObject({ endsOn: '2027-11-30', amountTiyn: w.awardTiyn });
    expect(amendment!.after).toMatchObject({ endsOn: '2027-12-31', amountTiyn: w.awardTiyn });
    expect((amendment!.after as { tranches: unknown[] }).tranches).toHaveLength(2);
    const history = await organiser.get(agreementUrl);
    expect(history.body).toContain('Amendment 1');
    expect(history.body).toContain('Қосымша келісім №1, 2027-11-20');
    const audited = await t.ctx.db.select().from(auditLog).where(and(eq(auditLog.entityId, agreement!.id), eq(auditLog.action, 'agreement.amend')));
    expect(audited).toHaveLength(1);
    const [row] = await t.ctx.db.select().from(projects).where(eq(projects.id, project!.id));
    expect(row!.endsOn).toBe('2027-12-31');

    // Strangers — signed in with no part in it, or organising another body — get 403 on every route; visitors are sent to log in.
    const strangerUser = await makeUser(t.ctx);
    const stranger = await clientOf(t, strangerUser.id);
    const urls = {
      form: formUrl,
      agreement: agreementUrl,
      report: reportUrl,
      decision: decisionUrl,
      file: `${decisionUrl}/files/${evidence.fileId}`,
    };
    for (const client of [stranger, otherOrganiser]) {
      const home = await client.get('/en/work/projects');
      expect(home.statusCode).toBe(200);
      expect(home.body).not.toContain(agreementUrl);
      for (const url of [urls.form, urls.agreement, urls.report, urls.decision, urls.file]) expect((await client.get(url)).statusCode, url).toBe(403);
      await client.get('/en/work/projects');
      for (const url of [
        urls.form,
        `${urls.agreement}/confirm`,
        `${urls.agreement}/amend`,
        urls.report,
        `${urls.report}/files`,
        `${urls.report}/files/${evidence.fileId}/delete`,
        `${urls.decision}/decision`,
      ]) {
        expect((await client.post(url, { side: 'organisation', decision: 'accept' })).statusCode, url).toBe(403);
      }
    }
    const visitor = await t.app.inject({ method: 'GET', url: urls.report });
    expect(visitor.statusCode).toBe(303);
    expect(visitor.headers.location).toMatch(/^\/en\/login\?next=/);
  });

  it('shows every page in Kazakh, Russian and English, to each side', async () => {
    const p = await makeProject(t.ctx);
    const w = await makeWinner(t.ctx);
    const organiser = await clientOf(t, p.organiser.id);
    const member = await clientOf(t, p.applicant.admin.id);
    const periods = await t.ctx.db.select().from(projectPeriods).where(eq(projectPeriods.projectId, p.projectId));
    const [report] = await t.ctx.db
      .insert(reports)
      .values({ projectId: p.projectId, periodId: periods.find((x) => x.number === 1)!.id, status: 'submitted', narrative: 'Есеп' })
      .returning();
    const winnerOrganiser = await clientOf(t, w.organiser.id);
    for (const lang of ['kk', 'ru', 'en']) {
      const pages: [TestClient, string][] = [
        [organiser, `/${lang}/work/projects`],
        [member, `/${lang}/work/projects`],
        [winnerOrganiser, `/${lang}/work/applications/${w.applicationId}/agreement`],
        [organiser, `/${lang}/work/agreements/${p.agreementId}`],
        [member, `/${lang}/work/agreements/${p.agreementId}`],
        [member, `/${lang}/work/projects/${p.projectId}/reports/1`],
        [member, `/${lang}/work/projects/${p.projectId}/reports/2`],
        [organiser, `/${lang}/work/projects/${p.projectId}/reports/2`],
        [organiser, `/${lang}/work/reports/${report!.id}`],
        [member, `/${lang}/work/reports/${report!.id}`],
      ];
      for (const [client, url] of pages) {
        const res = await client.get(url);
        expect(res.statusCode, url).toBe(200);
        expect(res.body, url).not.toMatch(/projects\.work\.[a-z]/);
      }
    }
  });
});
