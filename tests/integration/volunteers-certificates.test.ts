import { execFileSync } from 'node:child_process';
import { createPublicKey, verify } from 'node:crypto';
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog } from '../../src/core/audit/schema.ts';
import { deriveCertificateKey, signText } from '../../src/modules/volunteers/certificate-key.ts';
import { issueCertificate } from '../../src/modules/volunteers/issue-certificate.ts';
import { certificates, type HoursStatus, shifts, signups } from '../../src/modules/volunteers/schema.ts';
import { certificateToken, CODE_PATTERN, readToken, signedText } from '../../src/modules/volunteers/verify-certificate.ts';
import { volunteerBook } from '../../src/modules/volunteers/volunteer-book.ts';
import { type TestApp, TestClient, testApp } from '../support/app.ts';
import { actorOf, clientOf, makeOrganisation, makeUser } from '../support/competitions.ts';
import { qrOfPdf } from '../support/qr.ts';
import { makeHost, makeOpportunity, makeVolunteer } from '../support/volunteers.ts';

const NAME = 'Әйгерім Сәтбаева';
const pdfText = (bytes: Buffer) => execFileSync('/usr/bin/pdftotext', ['-enc', 'UTF-8', '-', '-'], { input: bytes }).toString('utf8');

let t: TestApp;
let volunteer: { id: string };
let volunteerClient: TestClient;
let organisationName: string;

async function shiftOf(opportunityId: string, startsAt: string, hours: number) {
  const start = new Date(startsAt);
  const [shift] = await t.ctx.db
    .insert(shifts)
    .values({ opportunityId, startsAt: start, endsAt: new Date(start.getTime() + hours * 3_600_000), capacity: 5 })
    .returning();
  return shift!.id;
}

async function served(volunteerId: string, shiftId: string, minutes: number, hoursStatus: HoursStatus) {
  await t.ctx.db.insert(signups).values({ shiftId, volunteerId, status: 'accepted', queuedAt: new Date('2024-01-01T00:00:00Z'), minutes, hoursStatus });
}

/** The code of the last certificate the client was told about. */
const codeIn = (html: string) => /VH-[0-9A-Z]{4}-[0-9A-Z]{4}/.exec(html)?.[0] ?? '';

beforeAll(async () => {
  t = await testApp();
  volunteer = await makeVolunteer(t.ctx, { name: NAME });
  volunteerClient = await clientOf(t, volunteer.id);
  const organisation = await makeOrganisation(t.ctx, { name: '«Шырақ» қоғамдық бірлестігі' });
  organisationName = organisation.nameKk;
  const registered = await makeHost(t.ctx, { organisationId: organisation.id });
  const informal = await makeHost(t.ctx);
  const park = await makeOpportunity(t.ctx, registered.host.id, { area: 'environment', shifts: [] });
  const children = await makeOpportunity(t.ctx, informal.host.id, { area: 'children', shifts: [] });
  // 20:00 UTC on 31 December is already 1 January in Almaty (UTC+5): that shift counts for 2025.
  await served(volunteer.id, await shiftOf(park.opportunity.id, '2024-06-01T04:00:00Z', 3), 180, 'confirmed');
  await served(volunteer.id, await shiftOf(park.opportunity.id, '2024-12-31T20:00:00Z', 2), 90, 'confirmed');
  await served(volunteer.id, await shiftOf(children.opportunity.id, '2025-03-10T05:00:00Z', 2), 120, 'confirmed');
  await served(volunteer.id, await shiftOf(children.opportunity.id, '2025-04-01T05:00:00Z', 5), 300, 'recorded');
  await served(volunteer.id, await shiftOf(children.opportunity.id, '2025-05-01T05:00:00Z', 4), 240, 'disputed');
});
afterAll(() => t.close());

describe('the volunteer book', () => {
  it('counts confirmed hours only, by organisation, area and Almaty year', async () => {
    const book = await volunteerBook(t.ctx.db, volunteer.id);
    expect(book.totalMinutes).toBe(390);
    expect(book.byOrganisation.map((o) => [o.nameKk, o.informal, o.minutes])).toEqual([
      [organisationName, false, 270],
      ['Сынақ еріктілер тобы', true, 120],
    ]);
    expect(book.byArea).toEqual([
      { area: 'environment', minutes: 270 },
      { area: 'children', minutes: 120 },
    ]);
    expect(book.byYear).toEqual([
      { year: 2024, minutes: 180 },
      { year: 2025, minutes: 210 },
    ]);
    expect(book.shifts).toHaveLength(3);
  });

  it('shows the book to the volunteer', async () => {
    const res = await volunteerClient.get('/kk/volunteer/book');
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('Барлығы расталды: 6 сағ 30 мин');
    expect(res.body).toContain(organisationName);
    expect(res.body).toContain('Сынақ еріктілер тобы (бейресми топ)');
    expect(res.body).toContain('<th scope="row">2024</th><td class="num nowrap">3 сағ</td>');
    expect(res.body).toContain('<th scope="row">2025</th><td class="num nowrap">3 сағ 30 мин</td>');
    expect(res.body).toContain('action="/kk/volunteer/certificates"');
  });

  it('sends a visitor who is not signed in to log in', async () => {
    const res = await new TestClient(t.app).get('/kk/volunteer/book');
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toContain('/kk/login?next=');
  });
});

describe('a certificate', () => {
  let code: string;
  let pdf: Buffer;

  beforeAll(async () => {
    await volunteerClient.get('/kk/volunteer/book');
    const res = await volunteerClient.post('/kk/volunteer/certificates', { lang: 'kk' });
    expect(res.statusCode).toBe(303);
    const page = await volunteerClient.follow();
    code = codeIn(page.body);
    expect(page.body).toContain(`${code} сертификаты берілді.`);
    const download = await volunteerClient.get(`/kk/volunteer/certificates/${code}.pdf`);
    expect(download.statusCode).toBe(200);
    expect(download.headers['content-type']).toBe('application/pdf');
    pdf = download.rawPayload;
  });

  it('has a short unambiguous code, a signed record and an audit entry', async () => {
    expect(code).toMatch(CODE_PATTERN);
    const [row] = await t.ctx.db.select().from(certificates).where(eq(certificates.code, code));
    expect(row).toMatchObject({ volunteerId: volunteer.id, lang: 'kk', totalMinutes: 390 });
    expect(row!.payload).toMatchObject({ code, volunteer: { name: NAME, birthYear: 1995 }, totalMinutes: 390, byYear: [{ year: 2024, minutes: 180 }, { year: 2025, minutes: 210 }] });
    const audit = await t.ctx.db.select().from(auditLog).where(eq(auditLog.entityId, row!.id));
    expect(audit.map((a) => a.action)).toEqual(['volunteer-certificate.issue']);
  });

  it('is a real PDF in Kazakh with the name, the code and the totals', () => {
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const text = pdfText(pdf).replace(/\s+/g, ' ');
    expect(text).toContain(NAME);
    expect(text).toContain(code);
    expect(text).toContain('ЕРІКТІЛІК ҚЫЗМЕТ ТУРАЛЫ СЕРТИФИКАТ');
    expect(text).toContain('6 сағ 30 мин');
    expect(text).toContain(organisationName);
    expect(text).toContain('Ed25519');
  });

  it('carries a QR code that opens the verification page, which says valid', async () => {
    const url = qrOfPdf(pdf);
    expect(url).toMatch(new RegExp(`^http://ortaq\\.test/kk/certificates/${code}\\?s=[\\w-]+\\.[\\w-]+$`));
    const res = await new TestClient(t.app).get(url!.replace('http://ortaq.test', ''));
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('ЖАРАМДЫ');
    expect(res.body).toContain('QR кодтағы деректер платформа қол қойғандармен дәл сәйкес.');
    expect(res.body).toContain(NAME);
    expect(res.body).not.toContain('ЖАРАМСЫЗ');
  });

  it('is valid on the public page and in the API, which give what was signed and the key to check it offline', async () => {
    const anonymous = new TestClient(t.app);
    const page = await anonymous.get(`/ru/certificates/${code}`);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('ДЕЙСТВИТЕЛЕН');
    const api = await anonymous.get(`/api/v1/certificates/${code.toLowerCase()}`);
    expect(api.statusCode).toBe(200);
    const body = api.json();
    expect(body).toMatchObject({ code, valid: true, reason: null, volunteerName: NAME, totalMinutes: 390, totalHours: 6.5, lang: 'kk' });
    expect(body.byOrganisation).toEqual([
      { name: organisationName, informal: false, minutes: 270 },
      { name: 'Сынақ еріктілер тобы', informal: true, minutes: 120 },
    ]);
    const pem = await anonymous.get('/.well-known/ortaq-certificate-key.pem');
    expect(pem.statusCode).toBe(200);
    const publicKey = createPublicKey(pem.body);
    expect(verify(null, Buffer.from(body.signedPayload), publicKey, Buffer.from(body.signature, 'base64url'))).toBe(true);
  });

  it('is described in OpenAPI', async () => {
    const body = (await new TestClient(t.app).get('/api/openapi.json')).json();
    const check = JSON.stringify(body.paths['/api/v1/certificates/{code}'].get.responses['200']);
    for (const field of ['valid', 'volunteerName', 'totalHours', 'byOrganisation', 'byArea', 'byYear', 'signedPayload', 'signature']) expect(check).toContain(field);
  });

  it('finds the certificate from the check form, however the code is typed', async () => {
    const anonymous = new TestClient(t.app);
    expect((await anonymous.get('/kk/certificates')).statusCode).toBe(200);
    const res = await anonymous.get(`/kk/certificates?code=${encodeURIComponent(code.toLowerCase().replace(/-/g, ' '))}`);
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toBe(`/kk/certificates/${code}`);
    const bad = await anonymous.get('/kk/certificates?code=hello');
    expect(bad.statusCode).toBe(422);
    expect(bad.body).toContain('Бұл сертификат коды емес.');
  });

  it('fails with a QR whose figures were altered, whose signature is forged, or which is damaged', async () => {
    const url = qrOfPdf(pdf)!;
    const token = new URL(url).searchParams.get('s')!;
    const { text, signature } = readToken(token)!;
    const more = text.replace('"totalMinutes":390', '"totalMinutes":3900');
    expect(more).not.toBe(text);
    const anonymous = new TestClient(t.app);
    const check = (s: string) => anonymous.get(`/kk/certificates/${code}?s=${encodeURIComponent(s)}`);

    const altered = await check(certificateToken(more, signature));
    expect(altered.body).toContain('ЖАРАМСЫЗ');
    expect(altered.body).toContain('QR кодтағы сандар платформа қол қойғандар емес');
    const forged = await check(certificateToken(more, signText(deriveCertificateKey('a forger’s secret'), more)));
    expect(forged.body).toContain('ЖАРАМСЫЗ');
    expect(forged.body).toContain('QR кодтағы сандар платформа қол қойғандар емес');
    const damaged = await check('not-a-token');
    expect(damaged.body).toContain('QR кодтағы деректер бүлінген');
  });

  it('fails with a genuine QR of another certificate', async () => {
    const other = await issueCertificate(t.ctx, await actorOf(t.ctx, volunteer.id), { volunteerId: volunteer.id, lang: 'ru' });
    if (!other.ok) throw new Error(other.key);
    const [row] = await t.ctx.db.select().from(certificates).where(eq(certificates.code, other.code));
    const res = await new TestClient(t.app).get(`/kk/certificates/${code}?s=${certificateToken(signedText(row!.payload), row!.signature)}`);
    expect(res.body).toContain('ЖАРАМСЫЗ');
    expect(res.body).toContain('QR кодқа басқа сертификат үшін қол қойылған');
  });

  it('cannot be downloaded by anyone else', async () => {
    const stranger = await clientOf(t, (await makeUser(t.ctx)).id);
    expect((await stranger.get(`/kk/volunteer/certificates/${code}.pdf`)).statusCode).toBe(403);
    const anonymous = await new TestClient(t.app).get(`/kk/volunteer/certificates/${code}.pdf`);
    expect(anonymous.statusCode).toBe(303);
    expect(anonymous.headers.location).toContain('/kk/login');
    expect((await volunteerClient.get('/kk/volunteer/certificates/VH-0000-0000.pdf')).statusCode).toBe(404);
  });

  it('is not valid once its stored figures are altered', async () => {
    const mine = await issueCertificate(t.ctx, await actorOf(t.ctx, volunteer.id), { volunteerId: volunteer.id, lang: 'kk' });
    if (!mine.ok) throw new Error(mine.key);
    await t.ctx.db.execute(sql`update volunteer_certificates set payload = jsonb_set(payload, '{totalMinutes}', '3900') where code = ${mine.code}`);
    const anonymous = new TestClient(t.app);
    const page = await anonymous.get(`/kk/certificates/${mine.code}`);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('ЖАРАМСЫЗ');
    expect(page.body).toContain('ол берілгеннен кейін өзгертілген');
    const api = (await anonymous.get(`/api/v1/certificates/${mine.code}`)).json();
    expect(api).toMatchObject({ code: mine.code, valid: false, reason: 'record-altered' });
    // Nor is it printed any more.
    expect((await volunteerClient.get(`/kk/volunteer/certificates/${mine.code}.pdf`)).statusCode).toBe(409);
  });

  it('does not exist for an unknown code', async () => {
    const anonymous = new TestClient(t.app);
    const page = await anonymous.get('/kk/certificates/VH-0000-0000');
    expect(page.statusCode).toBe(404);
    expect(page.body).toContain('VH-0000-0000 коды бар сертификат жоқ');
    expect((await anonymous.get('/kk/certificates/x')).statusCode).toBe(404);
    expect((await anonymous.get('/api/v1/certificates/VH-0000-0000')).statusCode).toBe(404);
    expect((await anonymous.get('/api/v1/certificates/x')).statusCode).toBe(404);
  });
});

describe('without confirmed hours', () => {
  it('no certificate is issued, and the volunteer is told why', async () => {
    const newcomer = await makeVolunteer(t.ctx);
    const { host } = await makeHost(t.ctx);
    const { opportunity } = await makeOpportunity(t.ctx, host.id, { shifts: [] });
    await served(newcomer.id, await shiftOf(opportunity.id, '2025-02-01T05:00:00Z', 3), 180, 'recorded');
    const client = await clientOf(t, newcomer.id);
    const book = await client.get('/ru/volunteer/book');
    expect(book.body).toContain('Подтверждённых часов пока нет.');
    const res = await client.post('/ru/volunteer/certificates', { lang: 'ru' });
    expect(res.statusCode).toBe(422);
    expect(res.body).toContain('Для сертификата нужны подтверждённые часы, а у вас их пока нет.');
    expect(await t.ctx.db.select().from(certificates).where(eq(certificates.volunteerId, newcomer.id))).toEqual([]);
  });

  it('nobody issues a certificate for someone else', async () => {
    const stranger = await makeUser(t.ctx);
    await expect(issueCertificate(t.ctx, await actorOf(t.ctx, stranger.id), { volunteerId: volunteer.id, lang: 'kk' })).rejects.toMatchObject({ code: 'FORBIDDEN' });
  });
});
