import { and, desc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog } from '../../src/core/audit/schema.ts';
import { createSession, SESSION_COOKIE } from '../../src/core/auth/sessions.ts';
import { users } from '../../src/core/auth/schema.ts';
import { seedDemo } from '../../src/core/demo/seed.ts';
import { mailOutbox } from '../../src/core/mail/schema.ts';
import { makeBin } from '../../src/modules/organisations/index.ts';
import { organisationMembers, organisations } from '../../src/modules/organisations/schema.ts';
import { searchOrganisations } from '../../src/modules/organisations/search.ts';
import { TestClient, type TestApp, testApp } from '../support/app.ts';

let t: TestApp;
beforeAll(async () => {
  t = await testApp();
  await seedDemo(t.ctx);
});
afterAll(() => t.close());

async function as(email: string): Promise<TestClient> {
  let [user] = await t.ctx.db.select().from(users).where(eq(users.email, email));
  if (!user) [user] = await t.ctx.db.insert(users).values({ email, name: email.split('@')[0]!, passwordHash: 'x', emailVerifiedAt: new Date(), locale: 'en' }).returning();
  const client = new TestClient(t.app);
  client.setCookie(SESSION_COOKIE, (await createSession(t.ctx.db, user!.id, {})).token);
  return client;
}

const orgByBin = async (bin: string) => (await t.ctx.db.select().from(organisations).where(eq(organisations.bin, bin)))[0]!;
const newOrg = (bin: string) => ({
  bin,
  legalForm: 'public-association',
  nameKk: '«Жаңа таң» қоғамдық бірлестігі',
  nameRu: 'Общественное объединение «Жаңа таң»',
  regionCode: 'KZ-15',
  districtKato: '153200000',
  settlement: 'rural',
  areas: 'youth',
  headName: 'Әсел Нұрланқызы',
});

describe('registering an organisation', () => {
  it('sends a visitor who is not signed in to log in first', async () => {
    const res = await new TestClient(t.app).get('/kk/organisations/new');
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toBe('/kk/login?next=%2Fkk%2Forganisations%2Fnew');
  });

  it('enters a new NGO with the user as its admin, audited, and findable at once', async () => {
    const client = await as('founder@example.kz');
    await client.get('/en/organisations/new');
    const bin = makeBin('2405', 777);
    const res = await client.post('/en/organisations/new', newOrg(bin));
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toBe(`/en/organisations/${bin}`);
    const org = await orgByBin(bin);
    expect(org.areas).toEqual(['youth']);
    const [member] = await t.ctx.db.select().from(organisationMembers).where(eq(organisationMembers.organisationId, org.id));
    expect(member?.role).toBe('admin');
    const profile = await client.follow();
    expect(profile.body).toContain('The organisation is in the register. You are its administrator.');
    expect(profile.body).toContain('Edit the profile');
    expect(profile.body).toContain('Entered in the register');
    const search = await client.get('/en/organisations?q=Zhana+tan');
    expect(search.body).toContain(`/en/organisations/${bin}`);
  });

  it('counts a new NGO at once on the home page and in the register, whose figures are otherwise kept a while', async () => {
    const anonymous = new TestClient(t.app);
    const homeFigure = async () => Number(/<span class="figure-value">([\d,]+)<\/span><span class="figure-label">NGOs in the register/.exec((await anonymous.get('/en/')).body)![1]!.replace(/,/g, ''));
    const registerTotal = async () => (await anonymous.get('/api/v1/organisations')).json().total as number;
    // With only a region chosen, the regions' counts are those of the whole register.
    const regionCount = async () => (await searchOrganisations(t.ctx.db, { region: 'KZ-15', page: 1, pageSize: 20 }, 'en')).facets.region.find((c) => c.key === 'KZ-15')?.count ?? 0;
    const [home, total, inRegion] = [await homeFigure(), await registerTotal(), await regionCount()];
    // Read twice: the second reading comes from what was kept.
    expect([await homeFigure(), await registerTotal(), await regionCount()]).toEqual([home, total, inRegion]);
    const client = await as('second-founder@example.kz');
    await client.get('/en/organisations/new');
    expect((await client.post('/en/organisations/new', newOrg(makeBin('2405', 778)))).statusCode).toBe(303);
    expect([await homeFigure(), await registerTotal(), await regionCount()]).toEqual([home + 1, total + 1, inRegion + 1]);
  });

  it('keeps what was typed and explains each error, including a mistyped BIN and a taken one', async () => {
    const client = await as('founder2@example.kz');
    await client.get('/ru/organisations/new');
    const bad = await client.post('/ru/organisations/new', { ...newOrg('940140000386'), nameRu: '', districtKato: '391000000' });
    expect(bad.statusCode).toBe(422);
    expect(bad.body).toContain('последняя цифра контрольная');
    expect(bad.body).toContain('Введите полное наименование на русском языке');
    expect(bad.body).toContain('value="«Жаңа таң» қоғамдық бірлестігі"');
    expect(bad.body).toContain('value="940140000386"');
    const taken = await client.post('/ru/organisations/new', newOrg(makeBin('2405', 777)));
    expect(taken.statusCode).toBe(422);
    expect(taken.body).toContain('Организация с этим БИН уже есть в реестре');
  });
});

describe('editing a profile', () => {
  it('lets the organisation’s admin edit, shows the change in the public history, and changes nothing on a resubmit', async () => {
    const client = await as('ngo-admin@ortaq.kz');
    const { body } = await client.get('/api/v1/organisations?q=Aktobe+NGO+association&pageSize=1', { accept: 'application/json' });
    const bin = JSON.parse(body).items[0].bin as string;
    const form = await client.get(`/kk/organisations/${bin}/edit`);
    expect(form.statusCode).toBe(200);
    const values = Object.fromEntries([...form.body.matchAll(/<input id="field-(\w+)" name="\w+" type="\w+" value="([^"]*)"/g)].map((m) => [m[1]!, m[2]!.replace(/&quot;/g, '"').replace(/&amp;/g, '&').replace(/&lt;/g, '<')]));
    const org = await orgByBin(bin);
    const submit = { ...values, legalForm: org.legalForm, regionCode: org.regionCode, settlement: org.settlement, status: org.status, areas: org.areas.join(';'), descriptionKk: org.descriptionKk ?? '', descriptionRu: org.descriptionRu ?? '' };
    const saved = await client.post(`/kk/organisations/${bin}/edit`, { ...submit, phone: '+7 7132 55-66-77' });
    expect(saved.statusCode).toBe(303);
    expect((await orgByBin(bin)).phone).toBe('+7 7132 55-66-77');
    const profile = await client.follow();
    expect(profile.body).toContain('Профиль сақталды');
    expect(profile.body).toMatch(/Профиль жаңартылды — Өзгерген: Байланыс/);
    const [entry] = await t.ctx.db.select().from(auditLog).where(and(eq(auditLog.entityId, org.id), eq(auditLog.action, 'organisation.update'))).orderBy(desc(auditLog.id));
    expect(entry?.changes).toMatchObject({ fields: ['phone'], before: { phone: null }, after: { phone: '+7 7132 55-66-77' } });

    await client.get(`/kk/organisations/${bin}/edit`);
    const again = await client.post(`/kk/organisations/${bin}/edit`, { ...submit, phone: '+7 7132 55-66-77' });
    expect(again.statusCode).toBe(303);
    expect((await client.follow()).body).toContain('Ештеңе өзгерген жоқ.');
  });

  it('refuses the edit page and the members page to staff, other organisations and strangers', async () => {
    const org = (await t.ctx.db.select().from(organisations).where(eq(organisations.nameKk, '«Көксу Жастары» қоғамдық бірлестігі')))[0]!;
    for (const email of ['ngo-staff@ortaq.kz', 'ngo-admin@ortaq.kz', 'expert@ortaq.kz']) {
      const client = await as(email);
      expect((await client.get(`/kk/organisations/${org.bin}/edit`)).statusCode, email).toBe(403);
      expect((await client.get(`/kk/organisations/${org.bin}/members`)).statusCode, email).toBe(403);
    }
    expect((await (await as('admin@ortaq.kz')).get(`/kk/organisations/${org.bin}/edit`)).statusCode).toBe(200);
  });
});

describe('claiming an organisation', () => {
  it('sends a request to the organisation’s admins, who approve it; the claimant becomes staff and is told', async () => {
    const org = (await t.ctx.db.select().from(organisations).where(eq(organisations.nameRu, 'ОЮЛ «Ассоциация НПО Актюбинской области»')))[0]!;
    const claimant = await as('newcomer@example.kz');
    await claimant.get(`/en/organisations/claim?bin=${org.bin}`);
    expect(claimant.lastResponse!.body).toContain(`value="${org.bin}"`);
    const sent = await claimant.post('/en/organisations/claim', { bin: org.bin, message: 'Accountant' });
    expect(sent.statusCode).toBe(303);
    const [toAdmin] = await t.ctx.db.select().from(mailOutbox).where(eq(mailOutbox.to, 'ngo-admin@ortaq.kz')).orderBy(desc(mailOutbox.createdAt));
    expect(toAdmin?.subject).toContain('қосылу өтінімі');
    expect(toAdmin?.text).toContain(`/kk/organisations/${org.bin}/members`);

    const twice = await claimant.post('/en/organisations/claim', { bin: org.bin });
    expect(twice.statusCode).toBe(422);
    expect(twice.body).toContain('You have already asked to join this organisation');

    const admin = await as('ngo-admin@ortaq.kz');
    const page = await admin.get(`/en/organisations/${org.bin}/members`);
    expect(page.body).toContain('newcomer@example.kz');
    const claimId = /members\/claims\/([0-9a-f-]{36})/.exec(page.body)![1]!;
    expect((await admin.post(`/en/organisations/${org.bin}/members/claims/${claimId}`, { decision: 'approve' })).statusCode).toBe(303);
    const [user] = await t.ctx.db.select().from(users).where(eq(users.email, 'newcomer@example.kz'));
    const [membership] = await t.ctx.db.select().from(organisationMembers).where(and(eq(organisationMembers.organisationId, org.id), eq(organisationMembers.userId, user!.id)));
    expect(membership?.role).toBe('staff');
    const [told] = await t.ctx.db.select().from(mailOutbox).where(eq(mailOutbox.to, 'newcomer@example.kz'));
    expect(told?.subject).toContain('You are now a member of');
    expect((await admin.post(`/en/organisations/${org.bin}/members/claims/${claimId}`, { decision: 'reject' })).statusCode).toBe(409);
  });

  it('explains an unknown BIN', async () => {
    const client = await as('lost@example.kz');
    await client.get('/kk/organisations/claim');
    const res = await client.post('/kk/organisations/claim', { bin: makeBin('0101', 4242) });
    expect(res.statusCode).toBe(422);
    expect(res.body).toContain('Бұл БСН-мен ұйым тізілімде жоқ');
  });

  it('never leaves an organisation without an admin', async () => {
    const client = await as('solo@example.kz');
    await client.get('/en/organisations/new');
    const bin = makeBin('2406', 999);
    await client.post('/en/organisations/new', { ...newOrg(bin), nameKk: '«Жалғыз» қоғамдық бірлестігі', nameRu: 'ОО «Жалғыз»' });
    const [me] = await t.ctx.db.select().from(users).where(eq(users.email, 'solo@example.kz'));
    await client.get(`/en/organisations/${bin}/members`);
    const res = await client.post(`/en/organisations/${bin}/members/${me!.id}`, { role: 'staff' });
    expect(res.statusCode).toBe(303);
    expect((await client.follow()).body).toContain('An organisation needs at least one administrator');
    const org = await orgByBin(bin);
    const [membership] = await t.ctx.db.select().from(organisationMembers).where(eq(organisationMembers.organisationId, org.id));
    expect(membership?.role).toBe('admin');
  });
});
