import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { mailOutbox } from '../../src/core/mail/schema.ts';
import { applicationAttachments, applications, commissionMembers, conflictDeclarations } from '../../src/modules/competitions/schema.ts';
import { submitApplication } from '../../src/modules/competitions/submit-application.ts';
import { organisationMembers } from '../../src/modules/organisations/schema.ts';
import { TestClient, type TestApp, testApp } from '../support/app.ts';
import { actorOf, clientOf, completeApplication, makeApplicant, makeCompetition, makeUser, sampleLot } from '../support/competitions.ts';

const DAY = 86_400_000;
let t: TestApp;
beforeAll(async () => {
  // A small upload limit (about 10 KB), so that "too large" is cheap to show.
  t = await testApp({ TEST_CLOCK: '1', MAX_UPLOAD_MB: '0.01' });
});
afterAll(() => t.close());
beforeEach(() => t.ctx.clock.setOffset!(0));

const PDF = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');

const versionOf = (html: string) => Number(/id="application-version" value="(\d+)"/.exec(html)?.[1]);
const applicationIdOf = (location: unknown) => /\/applications\/([0-9a-f-]{36})/.exec(String(location))![1]!;
const decode = (html: string) => html.replace(/&amp;/g, '&').replace(/&quot;/g, '"').replace(/&#39;/g, "'");
const stored = async (id: string) => (await t.ctx.db.select().from(applications).where(eq(applications.id, id)))[0]!;

/** Sends the attachments page's multipart form as a browser does, with the CSRF token in its action. */
async function upload(client: TestClient, appId: string, file: { name: string; bytes: Buffer } | null, documentCode = 'charter') {
  const page = await client.get(`/en/applications/${appId}/steps/attachments`);
  const action = /<form method="post" action="([^"]*\/attachments\?_csrf=[^"]+)"/.exec(page.body)?.[1];
  if (!action) throw new Error('no upload form on the page');
  const boundary = '----ortaq-apply-boundary';
  const parts = [
    Buffer.from(`--${boundary}\r\ncontent-disposition: form-data; name="documentCode"\r\n\r\n${documentCode}\r\n`),
    Buffer.from(`--${boundary}\r\ncontent-disposition: form-data; name="file"; filename="${file?.name ?? ''}"\r\ncontent-type: application/pdf\r\n\r\n`),
    file?.bytes ?? Buffer.alloc(0),
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ];
  const cookie = ['ortaq_session', 'ortaq_csrf'].map((n) => `${n}=${client.cookie(n)}`).join('; ');
  return t.app.inject({
    method: 'POST',
    url: decode(action),
    payload: Buffer.concat(parts),
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}`, cookie },
  });
}

/** A fresh competition, an applicant signed in, and its application started through the apply page. */
async function started(opts: { budgetTiyn?: number } = {}) {
  const c = await makeCompetition(t.ctx, { lots: [sampleLot({ budgetTiyn: opts.budgetTiyn ?? 300_000_000 })] });
  const applicant = await makeApplicant(t.ctx, c.year);
  const client = await clientOf(t, applicant.admin.id);
  const lot = c.lots[0]!;
  const page = await client.get(`/en/competitions/${c.competitionId}/lots/${lot.id}/apply`);
  expect(page.statusCode).toBe(200);
  const res = await client.post(`/en/competitions/${c.competitionId}/lots/${lot.id}/apply`, { organisationId: applicant.organisation.id, language: 'kk' });
  expect(res.statusCode).toBe(303);
  expect(res.headers.location).toMatch(/\/en\/applications\/[0-9a-f-]{36}\/steps\/summary$/);
  return { c, lot, applicant, client, id: applicationIdOf(res.headers.location) };
}

/** Posts a step's form with the version the step page shows, as the browser would. */
async function saveStep(client: TestClient, id: string, step: string, form: Record<string, string | string[]>, intent = 'next') {
  const page = await client.get(`/en/applications/${id}/steps/${step}`);
  expect(page.statusCode).toBe(200);
  return postStep(client, id, step, { ...form, version: String(versionOf(page.body)), intent });
}

/** Posts a form whose fields may repeat (rows of a table), with the client's CSRF token and cookies. */
async function postStep(client: TestClient, id: string, step: string, form: Record<string, string | string[]>, suffix = '') {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(form)) for (const one of Array.isArray(v) ? v : [v]) params.append(k, one);
  // TestClient.post takes single values; repeated ones are joined here the way a browser sends them.
  const token = /name="_csrf" value="([^"]+)"/.exec(client.lastResponse!.body)![1]!;
  params.set('_csrf', token);
  const cookie = ['ortaq_session', 'ortaq_csrf', 'ortaq_flash'].flatMap((n) => (client.cookie(n) ? [`${n}=${client.cookie(n)}`] : [])).join('; ');
  return t.app.inject({
    method: 'POST',
    url: `/en/applications/${id}/steps/${step}${suffix}`,
    payload: params.toString(),
    headers: { 'content-type': 'application/x-www-form-urlencoded', cookie },
  });
}

describe('applying online', () => {
  it('starts from the apply page, saves every step, shows and fixes a budget error, attaches, and submits exactly once', async () => {
    const { c, lot, applicant, client, id } = await started();

    // A second visit goes to the application the organisation already has.
    await client.get(`/en/competitions/${c.competitionId}/lots/${lot.id}/apply`);
    const again = await client.post(`/en/competitions/${c.competitionId}/lots/${lot.id}/apply`, { organisationId: applicant.organisation.id, language: 'ru' });
    expect(again.statusCode).toBe(303);
    expect(again.headers.location).toBe(`/en/applications/${id}`);
    expect((await client.get(`/en/competitions/${c.competitionId}/lots/${lot.id}/apply`)).body).toContain(`/en/applications/${id}`);

    const summary = await client.get(`/en/applications/${id}/steps/summary`);
    expect(summary.body).toContain('Step 1 of 9: Summary');
    expect(summary.body).toContain('aria-live="polite"');
    expect(summary.body).toContain(`hx-post="/en/applications/${id}/steps/summary/autosave"`);
    let res = await saveStep(client, id, 'summary', { title: 'Жастар үні', summary: 'Ауыл жастарымен жұмыс', language: 'kk' });
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toBe(`/en/applications/${id}/steps/goals`);
    res = await saveStep(client, id, 'goals', { goal: 'Жастарды тарту', tasks: 'Дөңгелек үстелдер\nКездесулер' });
    expect(res.headers.location).toBe(`/en/applications/${id}/steps/plan`);

    // A row error: re-rendered with 422, every value kept, the right input marked and listed in the summary.
    res = await saveStep(client, id, 'plan', { activity: ['Дөңгелек үстел', ''], from: ['2026-02-01', '2026-03-01'], to: ['2026-03-01', 'soon'], rows: '2' });
    expect(res.statusCode).toBe(422);
    expect(res.body).toContain('value="Дөңгелек үстел"');
    expect(res.body).toContain('value="soon"');
    expect(res.body).toMatch(/id="field-to-1" name="to" aria-label="[^"]*" aria-invalid="true" aria-describedby="field-to-1-error"/);
    expect(res.body).toContain('id="field-to-1-error"');
    expect(res.body).toContain('href="#field-activity-1"');
    expect(res.body).toContain('Row 2, To: Enter a date as YYYY-MM-DD.');
    expect((await stored(id)).content.plan).toEqual([]);

    res = await saveStep(client, id, 'plan', { activity: ['Дөңгелек үстел', '', ''], from: ['2026-02-01', '', ''], to: ['2026-03-01', '', ''] }, 'add-rows');
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toBe(`/en/applications/${id}/steps/plan?rows=5`);
    const more = await client.get(String(res.headers.location));
    expect(more.body).toContain('id="field-activity-5"');
    expect(more.body).not.toContain('id="field-activity-6"');
    res = await postStep(client, id, 'plan', { activity: 'Дөңгелек үстел', from: '2026-02-01', to: '2026-03-01', version: String(versionOf(more.body)), intent: 'next' });
    expect(res.headers.location).toBe(`/en/applications/${id}/steps/indicators`);
    res = await saveStep(client, id, 'indicators', { name: ['Дөңгелек үстел', ''], unit: ['дана', ''], target: ['3', ''] });
    expect(res.headers.location).toBe(`/en/applications/${id}/steps/beneficiaries`);
    res = await saveStep(client, id, 'beneficiaries', { description: 'Ауыл жастары', count: '500' });
    expect(res.headers.location).toBe(`/en/applications/${id}/steps/budget`);

    // A budget error that is shown and fixed: over the lot's 3,000,000 tenge, the lines are saved and the step says why.
    const budgetPage = await client.get(`/en/applications/${id}/steps/budget`);
    expect(budgetPage.body).toContain('Lot budget');
    res = await postStep(client, id, 'budget', {
      item: ['Іс-шаралар', 'Әкімшілік', ''],
      kind: ['direct', 'administrative', 'direct'],
      amount: ['3 500 000', '100 000', ''],
      version: String(versionOf(budgetPage.body)),
      intent: 'next',
    });
    expect(res.statusCode).toBe(422);
    expect(res.body).toContain('is more than the lot’s budget');
    expect(res.body).toContain('Your lines are saved');
    expect(res.body).toContain('value="3500000"');
    expect((await stored(id)).content.budget).toEqual([
      { item: 'Іс-шаралар', kind: 'direct', amountTiyn: 350_000_000 },
      { item: 'Әкімшілік', kind: 'administrative', amountTiyn: 10_000_000 },
    ]);
    // Too much administration is the other budget error.
    res = await postStep(client, id, 'budget', { item: ['Іс-шаралар', 'Әкімшілік'], kind: ['direct', 'administrative'], amount: ['1 000 000', '500 000'], version: String(versionOf(res.body)), intent: 'next' });
    expect(res.statusCode).toBe(422);
    expect(res.body).toContain('more than the 10 % the rules allow');
    // Fixed: the form shown with the error carries the new version, so the fix is not taken for a stale save.
    res = await postStep(client, id, 'budget', { item: ['Іс-шаралар', 'Әкімшілік'], kind: ['direct', 'administrative'], amount: ['2 500 000', '200 000'], version: String(versionOf(res.body)), intent: 'next' });
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toBe(`/en/applications/${id}/steps/team`);
    expect((await stored(id)).requestedTiyn).toBe(270_000_000);
    res = await saveStep(client, id, 'team', { name: ['Қуаныш Дүйсембаев', ''], role: ['Жетекші', ''] });
    expect(res.headers.location).toBe(`/en/applications/${id}/steps/attachments`);

    // A save from a stale form is refused with the reason, and what was typed stays on the form.
    res = await postStep(client, id, 'summary', { title: 'Басқа атау', summary: 'Басқа мәтін', language: 'kk', version: '1', intent: 'save' });
    expect(res.statusCode).toBe(422);
    expect(res.body).toContain('This application was changed in another tab or by a colleague.');
    expect(res.body).toContain('value="Басқа атау"');
    expect((await stored(id)).content.summary.title).toBe('Жастар үні');
    // …but the same content sent twice (a double click) is no conflict.
    res = await postStep(client, id, 'goals', { goal: 'Жастарды тарту', tasks: 'Дөңгелек үстелдер\nКездесулер', version: '1', intent: 'save' });
    expect(res.statusCode).toBe(303);

    // Autosave answers a status fragment and the new version out of band.
    const before = await stored(id);
    await client.get(`/en/applications/${id}/steps/goals`);
    res = await postStep(client, id, 'goals', { goal: 'Жастарды қоғамға тарту', tasks: 'Дөңгелек үстелдер', version: String(before.version) }, '/autosave');
    expect(res.statusCode).toBe(200);
    expect(res.body).toMatch(/Saved at \d{2}:\d{2}\./);
    expect(res.body).toContain(`id="application-version" value="${before.version + 1}" hx-swap-oob="true"`);
    expect(res.body).not.toContain('<html');
    expect((await stored(id)).content.goals.goal).toBe('Жастарды қоғамға тарту');
    // An invalid autosave writes nothing.
    res = await postStep(client, id, 'plan', { activity: 'X', from: 'never', to: '2026-03-01', version: String(before.version + 1) }, '/autosave');
    expect(res.statusCode).toBe(422);
    expect(res.body).toContain('Not saved:');
    expect((await stored(id)).version).toBe(before.version + 1);

    // Before the documents are attached, submission is refused and the failed checks are listed.
    await client.get(`/en/applications/${id}`);
    res = await client.post(`/en/applications/${id}/submit`, {});
    expect(res.statusCode).toBe(422);
    expect(res.body).toContain('The application cannot be submitted yet');
    expect(res.body).toContain('Not met: 1 required document is not attached yet.');

    // Attachments: a real PDF is attached, a text file calling itself a PDF and a file too large are refused on the page.
    const lying = await upload(client, id, { name: 'charter.pdf', bytes: Buffer.from('this is not a PDF at all\n') });
    expect(lying.statusCode).toBe(415);
    expect(lying.body).toContain('the file’s content does not match its name');
    expect(lying.body).toContain('Step 8 of 9: Attachments');
    const huge = await upload(client, id, { name: 'big.pdf', bytes: Buffer.concat([PDF, Buffer.alloc(20_000, 32)]) });
    expect(huge.statusCode).toBe(413);
    expect(huge.body).toContain('Files may be at most');
    const none = await upload(client, id, null);
    expect(none.statusCode).toBe(422);
    expect(none.body).toContain('Choose a file to upload.');
    const good = await upload(client, id, { name: 'Жарғы.pdf', bytes: PDF });
    expect(good.statusCode).toBe(303);
    const attachmentsPage = await client.get(`/en/applications/${id}/steps/attachments`);
    expect(attachmentsPage.body).toContain('Жарғы.pdf');
    const [attached] = await t.ctx.db.select().from(applicationAttachments).where(eq(applicationAttachments.applicationId, id));
    expect(attached?.documentCode).toBe('charter');
    const download = await client.get(`/en/applications/${id}/attachments/${attached!.fileId}`);
    expect(download.statusCode).toBe(200);
    expect(download.headers['content-type']).toBe('application/pdf');
    expect(download.headers['x-content-type-options']).toBe('nosniff');
    expect(String(download.headers['content-disposition'])).toContain("filename*=UTF-8''%D0%96%D0%B0%D1%80%D2%93%D1%8B.pdf");
    expect(download.rawPayload.equals(PDF)).toBe(true);

    // The overview explains every check.
    const overview = await client.get(`/en/applications/${id}`);
    expect(overview.body).toContain('The organisation reported to the national NGO database for');
    expect(overview.body).toContain('Every required document is attached.');
    expect(overview.body).not.toContain('Not met:');
    const review = await client.get(`/en/applications/${id}/steps/review`);
    expect(review.body).toContain('Every condition is met');
    expect(review.body).toContain('Іс-шаралар');
    expect(review.body).toContain('hx-disabled-elt="find button"');

    // Submission: a double click gives one receipt, one e-mail.
    const [first, second] = await Promise.all([client.post(`/en/applications/${id}/submit`, {}), client.post(`/en/applications/${id}/submit`, {})]);
    expect([first.statusCode, second.statusCode]).toEqual([303, 303]);
    expect(first.headers.location).toBe(`/en/applications/${id}/receipt`);
    const receipt = await client.get(`/en/applications/${id}/receipt`);
    const number = /class="receipt-number">([^<]+)</.exec(receipt.body)?.[1];
    expect(number).toMatch(/-01-001$/);
    expect(receipt.body).toMatch(/<code class="fingerprint">[0-9a-f]{64}<\/code>/);
    expect(receipt.body).toContain('What to keep');
    const third = await client.post(`/en/applications/${id}/submit`, {});
    expect(third.statusCode).toBe(303);
    const receiptAgain = await client.get(`/en/applications/${id}/receipt`);
    expect(receiptAgain.body).toContain('The application was already submitted: here is its receipt.');
    expect(/class="receipt-number">([^<]+)</.exec(receiptAgain.body)?.[1]).toBe(number);
    const mails = await t.ctx.db.select().from(mailOutbox).where(eq(mailOutbox.to, applicant.admin.email));
    expect(mails.filter((m) => m.subject.includes(number!))).toHaveLength(1);

    // Submitted: steps are read-only, the list shows the receipt.
    const locked = await client.get(`/en/applications/${id}/steps/summary`);
    expect(locked.body).toContain('The application is submitted and can no longer be edited.');
    expect(locked.body).not.toContain('id="step-form"');
    const list = await client.get('/en/applications');
    expect(list.body).toContain(number!);
    expect(list.body).toContain(`href="/en/applications/${id}"`);
  });

  it('refuses strangers the application, its steps and its files, and lets the organiser read them', async () => {
    const c = await makeCompetition(t.ctx);
    const applicant = await makeApplicant(t.ctx, c.year);
    const id = await completeApplication(t.ctx, applicant.admin.id, applicant.organisation.id, c.lots[0]!.id);
    const [attached] = await t.ctx.db.select().from(applicationAttachments).where(eq(applicationAttachments.applicationId, id));
    const stranger = await clientOf(t, (await makeUser(t.ctx)).id);
    for (const path of [`/en/applications/${id}`, `/en/applications/${id}/steps/budget`, `/en/applications/${id}/attachments/${attached!.fileId}`]) {
      expect((await stranger.get(path)).statusCode, path).toBe(403);
    }
    await stranger.get('/en/applications');
    expect((await stranger.post(`/en/applications/${id}/steps/summary`, { title: 'x', summary: 'y', version: '1' })).statusCode).toBe(403);
    expect((await stranger.post(`/en/applications/${id}/submit`, {})).statusCode).toBe(403);
    expect((await stranger.post(`/en/applications/${id}/withdraw`, {})).statusCode).toBe(403);
    expect((await stranger.post(`/en/applications/${id}/attachments/${attached!.fileId}/delete`, {})).statusCode).toBe(403);
    expect((await stranger.get('/en/applications')).body).not.toContain(id);
    // Anonymous visitors are sent to sign in.
    const anonymous = new TestClient(t.app);
    const res = await anonymous.get(`/en/applications/${id}`);
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toMatch(/^\/en\/login\?next=/);

    // A draft is the applicant's own; the organiser reads the application once it is submitted.
    const organiser = await clientOf(t, c.organiser.id);
    expect((await organiser.get(`/en/applications/${id}`)).statusCode).toBe(403);
    expect((await organiser.get(`/en/applications/${id}/attachments/${attached!.fileId}`)).statusCode).toBe(403);
    expect((await submitApplication(t.ctx, await actorOf(t.ctx, applicant.admin.id), id)).ok).toBe(true);
    const seen = await organiser.get(`/en/applications/${id}`);
    expect(seen.statusCode).toBe(200);
    expect(seen.body).not.toContain(`/en/applications/${id}/submit`);
    expect((await organiser.get(`/en/applications/${id}/attachments/${attached!.fileId}`)).statusCode).toBe(200);
    await organiser.get(`/en/applications/${id}`);
    expect((await organiser.post(`/en/applications/${id}/steps/summary`, { title: 'x', summary: 'y', version: '1' })).statusCode).toBe(403);

    // Experts of the commission open the files once they have declared no conflict; until then, and everyone else, not.
    const [seated, undeclared, other] = await Promise.all([1, 2, 3].map(() => makeUser(t.ctx, { roles: ['expert'] })));
    await t.ctx.db.insert(commissionMembers).values([seated!, undeclared!].map((e) => ({ competitionId: c.competitionId, expertId: e.id })));
    await t.ctx.db.insert(conflictDeclarations).values({ applicationId: id, expertId: seated!.id, hasConflict: false });
    const file = `/en/applications/${id}/attachments/${attached!.fileId}`;
    expect((await (await clientOf(t, seated!.id)).get(file)).statusCode).toBe(200);
    expect((await (await clientOf(t, undeclared!.id)).get(file)).statusCode).toBe(403);
    expect((await (await clientOf(t, other!.id)).get(file)).statusCode).toBe(403);
  });

  it('explains what to do when the user belongs to no organisation', async () => {
    const c = await makeCompetition(t.ctx);
    const loner = await clientOf(t, (await makeUser(t.ctx)).id);
    const page = await loner.get(`/en/competitions/${c.competitionId}/lots/${c.lots[0]!.id}/apply`);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('you are not a member of one yet');
    expect(page.body).toContain('href="/en/organisations/claim"');
    // Another organisation's id is refused by the policy.
    const other = await makeApplicant(t.ctx, c.year);
    const res = await loner.post(`/en/competitions/${c.competitionId}/lots/${c.lots[0]!.id}/apply`, { organisationId: other.organisation.id, language: 'kk' });
    expect(res.statusCode).toBe(403);
    // A lot of another competition is not found.
    const elsewhere = await makeCompetition(t.ctx);
    expect((await loner.get(`/en/competitions/${c.competitionId}/lots/${elsewhere.lots[0]!.id}/apply`)).statusCode).toBe(404);
  });

  it('after the deadline shows every step read-only and refuses every change with a clear message', async () => {
    const c = await makeCompetition(t.ctx, { openForMs: DAY });
    const applicant = await makeApplicant(t.ctx, c.year);
    const id = await completeApplication(t.ctx, applicant.admin.id, applicant.organisation.id, c.lots[0]!.id);
    const client = await clientOf(t, applicant.admin.id);
    const open = await client.get(`/en/applications/${id}/steps/summary`);
    const version = String(versionOf(open.body));
    const [attached] = await t.ctx.db.select().from(applicationAttachments).where(eq(applicationAttachments.applicationId, id));
    t.ctx.clock.setOffset!(DAY + 60_000);

    const step = await client.get(`/en/applications/${id}/steps/summary`);
    expect(step.statusCode).toBe(200);
    expect(step.body).toContain('nothing in this application can change any more');
    expect(step.body).not.toContain('id="step-form"');
    expect(step.body).toContain('Жастар үні');

    const res = await postStep(client, id, 'summary', { title: 'Кеш қалған өзгеріс', summary: 'Мәтін', language: 'kk', version, intent: 'save' });
    expect(res.statusCode).toBe(422);
    expect(res.body).toContain('The deadline for this lot has passed: the application can no longer be changed.');
    expect(res.body).toContain('value="Кеш қалған өзгеріс"');
    expect(res.body).not.toContain('name="intent"');
    const auto = await postStep(client, id, 'summary', { title: 'Кеш', summary: 'Мәтін', version }, '/autosave');
    expect(auto.body).toContain('Not saved: The deadline for this lot has passed');
    expect((await stored(id)).content.summary.title).toBe('Жастар үні');

    const overview = await client.get(`/en/applications/${id}`);
    expect(overview.body).toContain('nothing in this application can change any more');
    expect(overview.body).not.toContain(`action="/en/applications/${id}/submit"`);
    expect(overview.body).not.toContain(`action="/en/applications/${id}/withdraw"`);
    const submit = await client.post(`/en/applications/${id}/submit`, {});
    expect(submit.statusCode).toBe(422);
    expect(submit.body).toContain('Not met: The lot is still open: the deadline has not passed.');
    const withdraw = await client.post(`/en/applications/${id}/withdraw`, {});
    expect(withdraw.statusCode).toBe(422);
    expect(withdraw.body).toContain('The deadline for this lot has passed');
    const remove = await client.post(`/en/applications/${id}/attachments/${attached!.fileId}/delete`, {});
    expect(remove.statusCode).toBe(422);
    expect(remove.body).toContain('The deadline for this lot has passed');
    expect(await t.ctx.db.select().from(applicationAttachments).where(eq(applicationAttachments.applicationId, id))).toHaveLength(1);
  });

  it('withdraws a submitted application before the deadline', async () => {
    const c = await makeCompetition(t.ctx);
    const applicant = await makeApplicant(t.ctx, c.year);
    const id = await completeApplication(t.ctx, applicant.admin.id, applicant.organisation.id, c.lots[0]!.id);
    const client = await clientOf(t, applicant.admin.id);
    await client.get(`/en/applications/${id}`);
    expect((await client.post(`/en/applications/${id}/submit`, {})).statusCode).toBe(303);
    const overview = await client.get(`/en/applications/${id}`);
    expect(overview.body).toContain(`action="/en/applications/${id}/withdraw"`);
    expect(overview.body).toContain('The application as submitted');
    const res = await client.post(`/en/applications/${id}/withdraw`, {});
    expect(res.statusCode).toBe(303);
    const after = await client.follow();
    expect(after.body).toContain('The application is withdrawn.');
    expect((await stored(id)).status).toBe('withdrawn');
    // The organisation may start again.
    await client.get(`/en/competitions/${c.competitionId}/lots/${c.lots[0]!.id}/apply`);
    const restart = await client.post(`/en/competitions/${c.competitionId}/lots/${c.lots[0]!.id}/apply`, { organisationId: applicant.organisation.id, language: 'ru' });
    expect(restart.statusCode).toBe(303);
    expect(applicationIdOf(restart.headers.location)).not.toBe(id);
  });

  it('renders every page in Kazakh and Russian', async () => {
    const { id, client } = await started();
    for (const lang of ['kk', 'ru']) {
      for (const path of ['', '/steps/summary', '/steps/plan', '/steps/budget', '/steps/attachments', '/steps/review']) {
        const res = await client.get(`/${lang}/applications/${id}${path}`);
        expect(res.statusCode, `${lang} ${path}`).toBe(200);
      }
      expect((await client.get(`/${lang}/applications`)).statusCode).toBe(200);
    }
    expect((await client.get(`/kk/applications/${id}/steps/plan`)).body).toContain('Іс-шаралар жоспары');
    expect((await client.get(`/ru/applications/${id}/steps/budget`)).body).toContain('Бюджет лота');
  });
});


describe('starting an application for one of several organisations', () => {
  it('chooses no organisation for the member: the form asks, and sending it unchosen says what to fix', async () => {
    const c = await makeCompetition(t.ctx);
    const applicant = await makeApplicant(t.ctx, c.year);
    const second = await makeApplicant(t.ctx, c.year);
    await t.ctx.db.insert(organisationMembers).values({ organisationId: second.organisation.id, userId: applicant.admin.id, role: 'admin' });
    const client = await clientOf(t, applicant.admin.id);
    const path = `/en/competitions/${c.competitionId}/lots/${c.lots[0]!.id}/apply`;
    const page = await client.get(path);
    expect(page.body).toMatch(/<select[^>]*name="organisationId"[^>]*><option value>Choose the organisation…<\/option>/);
    const unchosen = await client.post(path, { organisationId: '', language: 'kk' });
    expect(unchosen.statusCode).toBe(422);
    expect(unchosen.body).toContain('Choose the organisation that applies.');
  });
});
