import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { auditLog } from '../../src/core/audit/schema.ts';
import { mailOutbox } from '../../src/core/mail/schema.ts';
import { remindShifts } from '../../src/modules/volunteers/shift-reminders.ts';
import { signUp } from '../../src/modules/volunteers/sign-up.ts';
import { signups, volunteerProfiles } from '../../src/modules/volunteers/schema.ts';
import { type TestApp, testApp } from '../support/app.ts';
import { actorOf, clientOf, makeOrganisation, makeUser } from '../support/competitions.ts';
import { makeHost, makeOpportunity, makeVolunteer } from '../support/volunteers.ts';

let t: TestApp;
beforeAll(async () => {
  t = await testApp({ TEST_CLOCK: '1' });
});
afterAll(() => t.close());
beforeEach(() => t.ctx.clock.setOffset!(0));
const HOUR = 3_600_000;

const statusOf = async (id: string) => (await t.ctx.db.select({ status: signups.status }).from(signups).where(eq(signups.id, id)))[0]!.status;
const signupOf = async (shiftId: string, volunteerId: string) =>
  (await t.ctx.db.select().from(signups).where(and(eq(signups.shiftId, shiftId), eq(signups.volunteerId, volunteerId))))[0]!;
/** The text of the flash message the next page shows. */
async function flashAfter(client: Awaited<ReturnType<typeof clientOf>>) {
  const page = await client.follow();
  return /class="flash flash--\w+"[^>]*>([^<]+)</.exec(page.body)?.[1] ?? '';
}

describe('the volunteer profile', () => {
  it('is saved from the form, and a bad form keeps what was typed and says what to fix', async () => {
    const user = await makeUser(t.ctx);
    const client = await clientOf(t, user.id);
    await client.get('/en/volunteer/profile');
    const bad = await client.post('/en/volunteer/profile', { birthDate: 'soon', regionCode: 'KZ-75', city: 'Қонаев', skills: 'first-aid' });
    expect(bad.statusCode).toBe(422);
    expect(bad.body).toContain('Enter your date of birth as a date');
    expect(bad.body).toContain('value="Қонаев"');
    expect(bad.body).toMatch(/value="first-aid" checked/);
    const ok = await client.post('/en/volunteer/profile', { birthDate: '2001-09-15', regionCode: 'KZ-33', city: 'Қонаев', skills: 'first-aid', languages: 'kk', openToInvitations: 'on' });
    expect(ok.statusCode).toBe(303);
    const [profile] = await t.ctx.db.select().from(volunteerProfiles).where(eq(volunteerProfiles.userId, user.id));
    expect(profile).toMatchObject({ birthDate: '2001-09-15', regionCode: 'KZ-33', skills: ['first-aid'], languages: ['kk'], openToInvitations: true, publicProfile: false });
  });
});

describe('signing up for a shift', () => {
  it('holds a place while the shift has one, then keeps a waiting list that moves up on cancellation, and mails who moved up', async () => {
    const { host } = await makeHost(t.ctx);
    const { shifts } = await makeOpportunity(t.ctx, host.id, { shifts: [{ inHours: 72, capacity: 1 }] });
    const [first, second] = [await makeVolunteer(t.ctx), await makeVolunteer(t.ctx)];
    const one = await clientOf(t, first.id);
    await one.get('/en/volunteer');
    expect((await one.post(`/en/volunteering/shifts/${shifts[0]!.id}/sign-up`, {})).statusCode).toBe(303);
    expect((await signupOf(shifts[0]!.id, first.id)).status).toBe('pending');
    const two = await clientOf(t, second.id);
    await two.get('/en/volunteer');
    await two.post(`/en/volunteering/shifts/${shifts[0]!.id}/sign-up`, {});
    expect(await flashAfter(two)).toContain('waiting list');
    const waiting = await signupOf(shifts[0]!.id, second.id);
    expect(waiting.status).toBe('waitlisted');

    const mine = await signupOf(shifts[0]!.id, first.id);
    await one.get('/en/volunteer');
    expect((await one.post(`/en/volunteer/signups/${mine.id}/cancel`, {})).statusCode).toBe(303);
    expect(await statusOf(mine.id)).toBe('cancelled');
    expect(await statusOf(waiting.id)).toBe('pending');
    const mails = await t.ctx.db.select().from(mailOutbox).where(eq(mailOutbox.to, second.email));
    expect(mails.map((m) => m.subject).join()).toContain('A place is free for you');
  });

  it('never overbooks a shift when many sign up at once', async () => {
    const { host } = await makeHost(t.ctx);
    const { shifts } = await makeOpportunity(t.ctx, host.id, { shifts: [{ inHours: 72, capacity: 3 }] });
    const people = await Promise.all(Array.from({ length: 8 }, () => makeVolunteer(t.ctx)));
    const results = await Promise.all(people.map(async (p) => signUp(t.ctx, await actorOf(t.ctx, p.id), shifts[0]!.id)));
    const statuses = results.map((r) => (r.ok ? r.status : 'refused'));
    expect(statuses.filter((s) => s === 'pending')).toHaveLength(3);
    expect(statuses.filter((s) => s === 'waitlisted')).toHaveLength(5);
  });

  it('refuses a 12-year-old without a parent’s written consent, saying why, and takes them once the consent is on record', async () => {
    const { host } = await makeHost(t.ctx);
    const { opportunity, shifts } = await makeOpportunity(t.ctx, host.id, { minAge: 10 });
    const child = await makeVolunteer(t.ctx, { birthDate: `${t.ctx.clock.now().getUTCFullYear() - 12}-01-01` });
    const client = await clientOf(t, child.id);
    await client.get('/en/volunteer');
    const refused = await client.post(`/en/volunteering/shifts/${shifts[0]!.id}/sign-up`, {});
    expect(refused.statusCode).toBe(422);
    expect(refused.body).toContain(`/en/volunteering/shifts/${shifts[0]!.id}/sign-up`);
    expect(refused.body).toMatch(/role="alert"[^>]*>[^<]*only with a parent’s written consent/);
    expect(refused.body).toContain(opportunity.titleRu);
    expect(await t.ctx.db.select().from(signups).where(eq(signups.volunteerId, child.id))).toHaveLength(0);

    await t.ctx.db.update(volunteerProfiles).set({ consentParentName: 'Ата-анасы', consentRecordedAt: new Date() }).where(eq(volunteerProfiles.userId, child.id));
    await client.get('/en/volunteer');
    await client.post(`/en/volunteering/shifts/${shifts[0]!.id}/sign-up`, {});
    expect((await signupOf(shifts[0]!.id, child.id)).status).toBe('pending');
  });

  it('refuses anyone under 18 an emergency opportunity, whatever the consent', async () => {
    const { host } = await makeHost(t.ctx);
    const { shifts } = await makeOpportunity(t.ctx, host.id, { minAge: 18, risk: 'emergency' });
    const teen = await makeVolunteer(t.ctx, { birthDate: `${t.ctx.clock.now().getUTCFullYear() - 16}-01-01`, consent: true });
    const result = await signUp(t.ctx, await actorOf(t.ctx, teen.id), shifts[0]!.id);
    expect(result).toEqual({ ok: false, refusal: { key: 'volunteers.error.age-risk', params: { risk: 'volunteers.risk.emergency' } } });
  });

  it('asks for a profile first, and refuses a shift that has started', async () => {
    const { host } = await makeHost(t.ctx);
    const { shifts } = await makeOpportunity(t.ctx, host.id, { shifts: [{ inHours: 48, capacity: 5 }, { inHours: -1, capacity: 5 }] });
    const nobody = await makeUser(t.ctx);
    expect(await signUp(t.ctx, await actorOf(t.ctx, nobody.id), shifts[0]!.id)).toMatchObject({ ok: false, refusal: { key: 'volunteers.error.profile-needed' } });
    const late = await makeVolunteer(t.ctx);
    expect(await signUp(t.ctx, await actorOf(t.ctx, late.id), shifts[1]!.id)).toMatchObject({ ok: false, refusal: { key: 'volunteers.error.shift-over' } });
  });
});

describe('the coordinator', () => {
  it('accepts in bulk, checks a volunteer in by the code of their QR, confirms hours in bulk, and settles a dispute, all audited', async () => {
    const { host, coordinatorId } = await makeHost(t.ctx);
    const { shifts } = await makeOpportunity(t.ctx, host.id, { shifts: [{ inHours: 0.5, hours: 3, capacity: 5 }] });
    const shiftId = shifts[0]!.id;
    const people = await Promise.all([makeVolunteer(t.ctx), makeVolunteer(t.ctx), makeVolunteer(t.ctx)]);
    for (const p of people) await signUp(t.ctx, await actorOf(t.ctx, p.id), shiftId);
    const ids = await Promise.all(people.map(async (p) => (await signupOf(shiftId, p.id)).id));

    const stranger = await clientOf(t, (await makeUser(t.ctx)).id);
    await stranger.get('/en/volunteer');
    expect((await stranger.post(`/en/volunteering/manage/shifts/${shiftId}/decide`, { decision: 'accept', signup: ids[0]! })).statusCode).toBe(403);

    const coordinator = await clientOf(t, coordinatorId);
    const roster = await coordinator.get(`/en/volunteering/manage/shifts/${shiftId}`);
    expect(roster.statusCode).toBe(200);
    const body = new URLSearchParams({ decision: 'accept' });
    for (const id of ids) body.append('signup', id);
    const decided = await t.app.inject({
      method: 'POST',
      url: `/en/volunteering/manage/shifts/${shiftId}/decide`,
      payload: `${body}&_csrf=${encodeURIComponent(/name="_csrf" value="([^"]+)"/.exec(roster.body)![1]!)}`,
      headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: ['ortaq_session', 'ortaq_csrf'].map((n) => `${n}=${coordinator.cookie(n)}`).join('; ') },
    });
    expect(decided.statusCode).toBe(303);
    for (const id of ids) expect(await statusOf(id)).toBe('accepted');

    const volunteer = await clientOf(t, people[0]!.id);
    const codePage = await volunteer.get(`/en/volunteer/signups/${ids[0]}/check-in`);
    const code = /<strong class="code">([2-9A-Z]{10})<\/strong>/.exec(codePage.body)?.[1];
    expect(code).toBeDefined();
    expect(codePage.body).toMatch(/<img src="data:image\/png;base64,/);
    expect((await stranger.get(`/en/volunteer/signups/${ids[0]}/check-in`)).statusCode).toBe(404);
    expect((await stranger.get(`/en/volunteering/check-in/${code}`)).statusCode).toBe(403);

    const scan = await coordinator.get(`/en/volunteering/check-in/${code}`);
    expect(scan.body).toContain(people[0]!.name);
    await coordinator.post(`/en/volunteering/check-in/${code}`, {});
    const checked = await signupOf(shiftId, people[0]!.id);
    expect(checked).toMatchObject({ minutes: 180, hoursStatus: 'recorded' });
    expect(checked.checkedInAt).not.toBeNull();
    // Checked in, the volunteer can no longer withdraw.
    expect((await volunteer.post(`/en/volunteer/signups/${ids[0]}/cancel`, {})).statusCode).toBe(303);
    expect(await statusOf(ids[0]!)).toBe('accepted');

    // Hours are confirmed once the shift has started.
    const early = await coordinator.get(`/en/volunteering/manage/shifts/${shiftId}`);
    expect(early.body).not.toContain('name="confirm"');
    t.ctx.clock.setOffset!(HOUR);
    await coordinator.get(`/en/volunteering/manage/shifts/${shiftId}`);
    const hours = new URLSearchParams({ _csrf: /name="_csrf" value="([^"]+)"/.exec(coordinator.lastResponse!.body)![1]! });
    hours.append('confirm', ids[0]!);
    hours.append('confirm', ids[1]!);
    hours.set(`hours.${ids[0]}`, '');
    hours.set(`hours.${ids[1]}`, '2,5');
    const confirmed = await t.app.inject({
      method: 'POST',
      url: `/en/volunteering/manage/shifts/${shiftId}/hours`,
      payload: hours.toString(),
      headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: ['ortaq_session', 'ortaq_csrf'].map((n) => `${n}=${coordinator.cookie(n)}`).join('; ') },
    });
    expect(confirmed.statusCode).toBe(303);
    expect(await signupOf(shiftId, people[0]!.id)).toMatchObject({ minutes: 180, hoursStatus: 'confirmed' });
    expect(await signupOf(shiftId, people[1]!.id)).toMatchObject({ minutes: 150, hoursStatus: 'confirmed' });
    expect((await signupOf(shiftId, people[2]!.id)).hoursStatus).toBeNull();

    const second = await clientOf(t, people[1]!.id);
    await second.get(`/en/volunteer/signups/${ids[1]}/hours`);
    const badDispute = await second.post(`/en/volunteer/signups/${ids[1]}/hours`, { hours: '4', reason: '' });
    expect(badDispute.statusCode).toBe(422);
    expect(badDispute.body).toContain('value="4"');
    await second.post(`/en/volunteer/signups/${ids[1]}/hours`, { hours: '4', reason: 'I stayed to pack the bags' });
    expect(await signupOf(shiftId, people[1]!.id)).toMatchObject({ hoursStatus: 'disputed', disputedMinutes: 240 });

    await coordinator.get(`/en/volunteering/manage/shifts/${shiftId}`);
    await coordinator.post(`/en/volunteering/manage/signups/${ids[1]}/resolve`, { hours: '3.5', note: 'The bags were packed by 16:30' });
    expect(await signupOf(shiftId, people[1]!.id)).toMatchObject({ hoursStatus: 'confirmed', minutes: 210 });
    const audit = await t.ctx.db.select().from(auditLog).where(eq(auditLog.entityId, shiftId));
    expect(audit.map((a) => a.action)).toEqual(
      expect.arrayContaining(['volunteer.accept', 'volunteer.check-in', 'volunteer.hours-confirm', 'volunteer.hours-dispute', 'volunteer.hours-dispute-resolve']),
    );
    const resolved = audit.find((a) => a.action === 'volunteer.hours-dispute-resolve')!;
    expect(resolved.changes).toMatchObject({ before: 150, claimed: 240, decided: 210, note: 'The bags were packed by 16:30' });
    // One dispute per shift: the decision settles it.
    await second.get(`/en/volunteer/signups/${ids[1]}/hours`);
    const again = await second.post(`/en/volunteer/signups/${ids[1]}/hours`, { hours: '5', reason: 'Still not right' });
    expect(again.statusCode).toBe(422);
    expect(again.body).toContain('already disputed these hours once');
    expect(await signupOf(shiftId, people[1]!.id)).toMatchObject({ hoursStatus: 'confirmed', minutes: 210 });
  });

  it('invites a volunteer who opted in; the volunteer accepts and is on the shift', async () => {
    const { host, coordinatorId } = await makeHost(t.ctx, { regionCode: 'KZ-39' });
    const { shifts } = await makeOpportunity(t.ctx, host.id, { regionCode: 'KZ-39', skills: ['driving'] });
    const driver = await makeVolunteer(t.ctx, { regionCode: 'KZ-39', skills: ['driving'], openToInvitations: true, name: 'Driver Invitable' });
    const shy = await makeVolunteer(t.ctx, { regionCode: 'KZ-39', skills: ['driving'], openToInvitations: false, name: 'Shy Driver' });
    const coordinator = await clientOf(t, coordinatorId);
    const roster = await coordinator.get(`/en/volunteering/manage/shifts/${shifts[0]!.id}`);
    expect(roster.body).toContain('Driver Invitable');
    expect(roster.body).not.toContain('Shy Driver');
    await coordinator.post(`/en/volunteering/manage/shifts/${shifts[0]!.id}/invite`, { volunteer: driver.id });
    const invitation = await signupOf(shifts[0]!.id, driver.id);
    expect(invitation.status).toBe('invited');
    await coordinator.get(`/en/volunteering/manage/shifts/${shifts[0]!.id}`);
    await coordinator.post(`/en/volunteering/manage/shifts/${shifts[0]!.id}/invite`, { volunteer: shy.id });
    expect(await flashAfter(coordinator)).toContain('does not accept invitations');

    const client = await clientOf(t, driver.id);
    const desk = await client.get('/en/volunteer');
    expect(desk.body).toContain('Invitations');
    await client.post(`/en/volunteer/signups/${invitation.id}/accept`, {});
    expect(await statusOf(invitation.id)).toBe('accepted');
  });

  it('publishes an opportunity with its shifts; a bad form keeps the rows and names the wrong one', async () => {
    const { host, coordinatorId } = await makeHost(t.ctx);
    const coordinator = await clientOf(t, coordinatorId);
    await coordinator.get(`/en/volunteering/manage/${host.id}/opportunities/new`);
    const form = {
      titleKk: 'Қарттарға азық-түлік жеткізу',
      titleRu: 'Доставка продуктов пожилым',
      descriptionKk: 'Жалғызбасты қарттарға апта сайын азық-түлік жеткіземіз.',
      descriptionRu: 'Каждую неделю доставляем продукты одиноким пожилым людям.',
      area: 'vulnerable-groups',
      regionCode: 'KZ-75',
      address: 'Алматы, Төле би, 55',
      minAge: '16',
      risk: 'none',
      'shift.0.start': '2031-05-02T10:00',
      'shift.0.end': '2031-05-02T09:00',
      'shift.0.capacity': '6',
    };
    const bad = await coordinator.post(`/en/volunteering/manage/${host.id}/opportunities`, form);
    expect(bad.statusCode).toBe(422);
    expect(bad.body).toContain('Enter an end after the start');
    expect(bad.body).toContain('value="Доставка продуктов пожилым"');
    const ok = await coordinator.post(`/en/volunteering/manage/${host.id}/opportunities`, { ...form, 'shift.0.end': '2031-05-02T13:00', 'shift.1.start': '2031-05-09T10:00', 'shift.1.end': '2031-05-09T13:00', 'shift.1.capacity': '4' });
    expect(ok.statusCode).toBe(303);
    expect(String(ok.headers.location)).toMatch(/^\/en\/volunteering\/opportunities\/[0-9a-f-]{36}$/);
  });

  it('lets an admin of a registered organisation make it a volunteer organisation; others may not', async () => {
    const admin = await makeUser(t.ctx);
    const org = await makeOrganisation(t.ctx, { members: [{ userId: admin.id, role: 'admin' }] });
    const outsider = await clientOf(t, (await makeUser(t.ctx)).id);
    await outsider.get('/en/volunteering/manage');
    expect((await outsider.post('/en/volunteering/manage/organisations', { organisationId: org.id, city: 'Талдықорған' })).statusCode).toBe(403);
    const client = await clientOf(t, admin.id);
    const home = await client.get('/en/volunteering/manage');
    expect(home.body).toContain('Make your organisation a volunteer organisation');
    const enabled = await client.post('/en/volunteering/manage/organisations', { organisationId: org.id, city: 'Талдықорған' });
    expect(enabled.statusCode).toBe(303);
    expect((await client.follow()).statusCode).toBe(200);
  });
});

describe('reminders', () => {
  it('mail each accepted volunteer once, a day before the shift', async () => {
    const { host } = await makeHost(t.ctx);
    const { shifts } = await makeOpportunity(t.ctx, host.id, { shifts: [{ inHours: 20, capacity: 2 }, { inHours: 60, capacity: 2 }] });
    const soon = await makeVolunteer(t.ctx);
    const later = await makeVolunteer(t.ctx);
    for (const [p, s] of [
      [soon, shifts[0]!],
      [later, shifts[1]!],
    ] as const) {
      await signUp(t.ctx, await actorOf(t.ctx, p.id), s.id);
      await t.ctx.db.update(signups).set({ status: 'accepted' }).where(and(eq(signups.shiftId, s.id), eq(signups.volunteerId, p.id)));
    }
    await remindShifts(t.ctx);
    await remindShifts(t.ctx);
    const toSoon = await t.ctx.db.select().from(mailOutbox).where(eq(mailOutbox.to, soon.email));
    expect(toSoon.filter((m) => m.subject.startsWith('Tomorrow'))).toHaveLength(1);
    expect(await t.ctx.db.select().from(mailOutbox).where(eq(mailOutbox.to, later.email))).toHaveLength(0);
  });
});

describe('what the coordinator may not do or see', () => {
  it('does not show an invited volunteer’s age or contacts, nor offer children to invite', async () => {
    const { host, coordinatorId } = await makeHost(t.ctx, { regionCode: 'KZ-59' });
    const { shifts } = await makeOpportunity(t.ctx, host.id, { regionCode: 'KZ-59', minAge: 6 });
    const year = t.ctx.clock.now().getUTCFullYear();
    const child = await makeVolunteer(t.ctx, { regionCode: 'KZ-59', openToInvitations: true, consent: true, birthDate: `${year - 13}-01-01`, name: 'Child Candidate' });
    const adult = await makeVolunteer(t.ctx, { regionCode: 'KZ-59', openToInvitations: true, name: 'Adult Candidate' });
    const coordinator = await clientOf(t, coordinatorId);
    const roster = await coordinator.get(`/en/volunteering/manage/shifts/${shifts[0]!.id}`);
    expect(roster.body).toContain('Adult Candidate');
    expect(roster.body).not.toContain('Child Candidate');
    await coordinator.post(`/en/volunteering/manage/shifts/${shifts[0]!.id}/invite`, { volunteer: adult.id });
    const after = await coordinator.get(`/en/volunteering/manage/shifts/${shifts[0]!.id}`);
    expect(after.body).toContain('Adult Candidate');
    expect(after.body).not.toContain(adult.email);
    // Inviting the child anyway (a forged form) is refused without saying why.
    await coordinator.post(`/en/volunteering/manage/shifts/${shifts[0]!.id}/invite`, { volunteer: child.id });
    expect(await flashAfter(coordinator)).toContain('cannot take this shift (the age rules, or another commitment');
  });

  it('answers ids that are not ids with a 4xx, never a 500', async () => {
    const { host, coordinatorId } = await makeHost(t.ctx);
    const { shifts } = await makeOpportunity(t.ctx, host.id);
    const coordinator = await clientOf(t, coordinatorId);
    await coordinator.get(`/en/volunteering/manage/shifts/${shifts[0]!.id}`);
    expect((await coordinator.post(`/en/volunteering/manage/shifts/${shifts[0]!.id}/decide`, { decision: 'accept', signup: 'not-an-id' })).statusCode).toBe(303);
    expect((await coordinator.post(`/en/volunteering/manage/shifts/${shifts[0]!.id}/hours`, { confirm: 'not-an-id' })).statusCode).toBe(303);
    expect((await coordinator.post('/en/volunteering/manage/opportunities/nope/close', {})).statusCode).toBe(404);
    expect((await coordinator.post('/en/volunteering/manage/opportunities/00000000-0000-4000-8000-000000000000/close', {})).statusCode).toBe(404);
  });
});

describe('the volunteer’s record stays true', () => {
  it('keeps the date of birth once the volunteer has signed up for a shift', async () => {
    const { host } = await makeHost(t.ctx);
    const { shifts } = await makeOpportunity(t.ctx, host.id);
    const person = await makeVolunteer(t.ctx, { birthDate: '2000-02-02' });
    await signUp(t.ctx, await actorOf(t.ctx, person.id), shifts[0]!.id);
    const client = await clientOf(t, person.id);
    await client.get('/en/volunteer/profile');
    const res = await client.post('/en/volunteer/profile', { birthDate: '1990-02-02', regionCode: 'KZ-75', city: 'Алматы' });
    expect(res.statusCode).toBe(422);
    expect(res.body).toContain('cannot be changed once you have signed up');
    expect((await t.ctx.db.select().from(volunteerProfiles).where(eq(volunteerProfiles.userId, person.id)))[0]!.birthDate).toBe('2000-02-02');
  });

  it('moves up from the waiting list only someone who is free at that time', async () => {
    const { host } = await makeHost(t.ctx);
    const a = await makeOpportunity(t.ctx, host.id, { shifts: [{ inHours: 100, capacity: 1 }] });
    const b = await makeOpportunity(t.ctx, host.id, { shifts: [{ inHours: 101, capacity: 5 }] });
    const holder = await makeVolunteer(t.ctx);
    const busy = await makeVolunteer(t.ctx);
    const free = await makeVolunteer(t.ctx);
    await signUp(t.ctx, await actorOf(t.ctx, holder.id), a.shifts[0]!.id);
    await signUp(t.ctx, await actorOf(t.ctx, busy.id), a.shifts[0]!.id);
    await signUp(t.ctx, await actorOf(t.ctx, free.id), a.shifts[0]!.id);
    // Waiting for A, the busy one takes B, which overlaps it.
    expect(await signUp(t.ctx, await actorOf(t.ctx, busy.id), b.shifts[0]!.id)).toMatchObject({ ok: true, status: 'pending' });
    const held = await signupOf(a.shifts[0]!.id, holder.id);
    const client = await clientOf(t, holder.id);
    await client.get('/en/volunteer');
    await client.post(`/en/volunteer/signups/${held.id}/cancel`, {});
    expect((await signupOf(a.shifts[0]!.id, busy.id)).status).toBe('waitlisted');
    expect((await signupOf(a.shifts[0]!.id, free.id)).status).toBe('pending');
  });
});
