import { and, count, eq, gt, inArray, isNull, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyAuditChain } from '../../src/core/audit/audit-log.ts';
import { auditLog } from '../../src/core/audit/schema.ts';
import { userRoles, users } from '../../src/core/auth/schema.ts';
import { seedDemo } from '../../src/core/demo/seed.ts';
import { REGION_CODES } from '../../src/core/geo/regions.ts';
import { organisationMembers, organisations } from '../../src/modules/organisations/schema.ts';
import { almatyDay } from '../../src/modules/volunteers/demo-support.ts';
import { ageOn, ageRefusal } from '../../src/modules/volunteers/eligibility.ts';
import { campaigns, opportunities, shifts, signups, volunteerCoordinators, volunteerOrganisations, volunteerProfiles } from '../../src/modules/volunteers/schema.ts';
import { VOLUNTEER_DEMO_ACCOUNTS } from '../../src/modules/volunteers/seed-demo.ts';
import { type TestApp, testApp } from '../support/app.ts';

let t: TestApp;
const took: Record<string, number> = {};
beforeAll(async () => {
  t = await testApp();
  // seedDemo's own loop (src/core/demo/seed.ts), timed per module for the record; times are not asserted.
  for (const mod of t.ctx.modules) {
    const started = performance.now();
    await mod.seedDemo?.(t.ctx);
    took[mod.name] = Math.round(performance.now() - started);
  }
  console.info('demo seed, ms per module:', JSON.stringify(took));
}, 120_000);
afterAll(() => t.close());

const userIdOf = async (email: string) => (await t.ctx.db.select({ id: users.id }).from(users).where(eq(users.email, email)))[0]!.id;

/** A volunteer's sign-ups with what the volunteer book needs: the organisation, the shift's year and the hours. */
const bookOf = (volunteerId: string) =>
  t.ctx.db
    .select({ signup: signups, shift: shifts, opportunity: opportunities })
    .from(signups)
    .innerJoin(shifts, eq(shifts.id, signups.shiftId))
    .innerJoin(opportunities, eq(opportunities.id, shifts.opportunityId))
    .where(eq(signups.volunteerId, volunteerId));

/** The volunteer organisations a user coordinates, with the register's organisation if any. */
const coordinatedBy = (userId: string) =>
  t.ctx.db
    .select({ host: volunteerOrganisations, nameKk: organisations.nameKk })
    .from(volunteerCoordinators)
    .innerJoin(volunteerOrganisations, eq(volunteerOrganisations.id, volunteerCoordinators.volunteerOrganisationId))
    .leftJoin(organisations, eq(organisations.id, volunteerOrganisations.organisationId))
    .where(eq(volunteerCoordinators.userId, userId));

describe('the volunteers demo', () => {
  it('has volunteer organisations in every region, informal groups among them, each with a coordinator', async () => {
    const hosts = await t.ctx.db.select().from(volunteerOrganisations);
    expect(new Set(hosts.map((h) => h.regionCode))).toEqual(new Set(REGION_CODES));
    const groups = hosts.filter((h) => h.organisationId === null);
    expect(groups.length).toBeGreaterThanOrEqual(2);
    expect(groups.map((g) => g.regionCode)).toEqual(expect.arrayContaining(['KZ-75', 'KZ-15']));
    for (const g of groups) expect(g.groupNameKk && g.groupNameRu).toBeTruthy();
    const [withoutCoordinator] = await t.ctx.db
      .select({ n: count() })
      .from(volunteerOrganisations)
      .where(sql`not exists (select 1 from volunteer_coordinators c where c.volunteer_organisation_id = ${volunteerOrganisations.id})`);
    expect(withoutCoordinator!.n).toBe(0);

    const named = await t.ctx.db
      .select({ nameKk: organisations.nameKk })
      .from(volunteerOrganisations)
      .innerJoin(organisations, eq(organisations.id, volunteerOrganisations.organisationId));
    const names = named.map((n) => n.nameKk).join('\n');
    for (const name of ['«КАМЕДА»', '«Шырақ»', '«Ұлттық еріктілер желісі»', '«Ақтөбе облысының үкіметтік емес ұйымдары қауымдастығы»']) expect(names).toContain(name);
  });

  it('makes volunteer-coordinator@ the coordinator of the National Volunteer Network and of an informal group, and lets ngo-admin@ coordinate for the Aktobe association', async () => {
    const [account] = await t.ctx.db.select().from(users).where(eq(users.email, 'volunteer-coordinator@ortaq.kz'));
    expect(account!.emailVerifiedAt).not.toBeNull();
    expect(account!.locale).toBe('kk');
    const mine = await coordinatedBy(account!.id);
    expect(mine.some((m) => m.nameKk?.includes('Ұлттық еріктілер желісі'))).toBe(true);
    expect(mine.some((m) => m.host.organisationId === null)).toBe(true);

    const admin = await userIdOf('ngo-admin@ortaq.kz');
    const [association] = await coordinatedBy(admin);
    expect(association!.nameKk).toContain('Ақтөбе облысының үкіметтік емес ұйымдары қауымдастығы');
    const [membership] = await t.ctx.db
      .select()
      .from(organisationMembers)
      .where(and(eq(organisationMembers.userId, admin), eq(organisationMembers.organisationId, association!.host.organisationId!)));
    expect(membership!.role).toBe('admin');
  });

  it('runs «Таза Қазақстан» nationally with the seed’s figures, with opportunities of many organisations across the regions', async () => {
    const [taza] = await t.ctx.db.select().from(campaigns).where(eq(campaigns.slug, 'taza-kazakhstan'));
    expect(taza).toMatchObject({ regionCode: 'KZ', reportedVolunteers: 90_000, reportedEvents: 15_000 });
    const rows = await t.ctx.db.select().from(opportunities).where(eq(opportunities.campaignId, taza!.id));
    expect(new Set(rows.map((o) => o.volunteerOrganisationId)).size).toBeGreaterThanOrEqual(5);
    expect(new Set(rows.map((o) => o.regionCode)).size).toBeGreaterThanOrEqual(15);
    expect(rows.some((o) => o.closedAt === null)).toBe(true);

    const regional = await t.ctx.db.select().from(campaigns).where(sql`${campaigns.regionCode} <> 'KZ'`);
    expect(regional.length).toBeGreaterThanOrEqual(1);
    const [live] = await t.ctx.db
      .select({ volunteers: sql<number>`count(distinct ${signups.volunteerId})`.mapWith(Number), minutes: sql<number>`coalesce(sum(${signups.minutes}), 0)`.mapWith(Number) })
      .from(signups)
      .innerJoin(shifts, eq(shifts.id, signups.shiftId))
      .innerJoin(opportunities, eq(opportunities.id, shifts.opportunityId))
      .where(and(eq(opportunities.campaignId, taza!.id), eq(signups.hoursStatus, 'confirmed')));
    expect(live!.volunteers).toBeGreaterThan(50);
    expect(live!.minutes).toBeGreaterThan(60 * 200);
  });

  it('has about sixty open opportunities, each with a shift ahead, in Kazakh and Russian, some online, some 18+ only, some for children', async () => {
    const now = t.ctx.clock.now();
    const open = await t.ctx.db.select().from(opportunities).where(isNull(opportunities.closedAt));
    expect(open.length).toBeGreaterThanOrEqual(55);
    const ahead = await t.ctx.db
      .selectDistinct({ id: shifts.opportunityId })
      .from(shifts)
      .where(and(inArray(shifts.opportunityId, open.map((o) => o.id)), gt(shifts.startsAt, now)));
    expect(ahead.length).toBe(open.length);
    for (const o of open) expect([o.titleKk, o.titleRu, o.descriptionKk, o.descriptionRu].every((s) => s.length > 5)).toBe(true);
    expect(new Set(open.map((o) => o.titleRu)).size).toBe(open.length);
    expect(open.filter((o) => o.online).length).toBeGreaterThanOrEqual(5);
    expect(open.some((o) => o.risk === 'emergency' && o.minAge >= 18)).toBe(true);
    expect(open.some((o) => o.risk === 'hazardous')).toBe(true);
    expect(open.some((o) => o.minAge === 14)).toBe(true);
    expect(open.some((o) => o.minAge === 10)).toBe(true);
    expect(new Set(open.map((o) => o.regionCode)).size).toBe(REGION_CODES.length);

    const closed = await t.ctx.db.select({ id: opportunities.id }).from(opportunities).where(sql`${opportunities.closedAt} is not null`);
    expect(closed.length).toBeGreaterThan(0);
    const [closedAhead] = await t.ctx.db
      .select({ n: count() })
      .from(shifts)
      .where(and(inArray(shifts.opportunityId, closed.map((o) => o.id)), gt(shifts.endsAt, now)));
    expect(closedAhead!.n).toBe(0);
  });

  it('keeps every shift within its capacity, with a waiting list only where the shift is full', async () => {
    const load = await t.ctx.db
      .select({
        id: shifts.id,
        capacity: shifts.capacity,
        holding: sql<number>`count(*) filter (where ${signups.status} in ('pending','accepted'))`.mapWith(Number),
        waiting: sql<number>`count(*) filter (where ${signups.status} = 'waitlisted')`.mapWith(Number),
      })
      .from(shifts)
      .innerJoin(signups, eq(signups.shiftId, shifts.id))
      .groupBy(shifts.id, shifts.capacity);
    for (const s of load) {
      expect(s.holding).toBeLessThanOrEqual(s.capacity);
      if (s.waiting > 0) expect(s.holding).toBe(s.capacity);
    }
    expect(load.some((s) => s.waiting > 0)).toBe(true);
    const upcoming = await t.ctx.db.select({ id: shifts.id }).from(shifts).where(gt(shifts.startsAt, t.ctx.clock.now()));
    const ids = new Set(upcoming.map((s) => s.id));
    expect(load.some((s) => ids.has(s.id) && s.holding === s.capacity - 1 && s.capacity > 1)).toBe(true);
    // An accepted place always has its check-in code; a pending one has none yet.
    const [wrong] = await t.ctx.db
      .select({ n: count() })
      .from(signups)
      .where(sql`(${signups.status} = 'accepted') <> (${signups.checkInCode} is not null)`);
    expect(wrong!.n).toBe(0);
  });

  it('gives volunteer@ a volunteer book: confirmed hours at several organisations and years, hours to confirm, a dispute, a coming shift and an invitation', async () => {
    const erlan = await userIdOf('volunteer@ortaq.kz');
    const [profile] = await t.ctx.db.select().from(volunteerProfiles).where(eq(volunteerProfiles.userId, erlan));
    expect(profile).toMatchObject({ regionCode: 'KZ-75', publicProfile: true, openToInvitations: true });
    expect(ageOn(profile!.birthDate, almatyDay(t.ctx.clock.now()))).toBeGreaterThanOrEqual(18);

    const book = await bookOf(erlan);
    const confirmed = book.filter((b) => b.signup.hoursStatus === 'confirmed');
    expect(new Set(confirmed.map((b) => b.opportunity.volunteerOrganisationId)).size).toBeGreaterThan(1);
    expect(new Set(confirmed.map((b) => almatyDay(b.shift.startsAt).slice(0, 4))).size).toBeGreaterThan(1);
    expect(new Set(confirmed.map((b) => b.opportunity.area)).size).toBeGreaterThan(1);
    for (const b of confirmed) expect(b.signup.minutes).toBeGreaterThan(0);

    expect(book.filter((b) => b.signup.hoursStatus === 'recorded')).toHaveLength(1);
    const [disputed] = book.filter((b) => b.signup.hoursStatus === 'disputed');
    expect(disputed!.signup.disputeReason).toBeTruthy();
    expect(disputed!.signup.disputedMinutes).toBeGreaterThan(disputed!.signup.minutes!);

    const now = t.ctx.clock.now();
    const coming = book.filter((b) => b.shift.startsAt > now);
    const accepted = coming.find((b) => b.signup.status === 'accepted');
    expect(accepted!.signup.checkInCode).toBeTruthy();
    const invited = coming.find((b) => b.signup.status === 'invited');
    expect(invited!.signup.invitedBy).toBeTruthy();
  });

  it('has young-volunteer@: under 14, no parent’s consent on record, so a sign-up is refused', async () => {
    const young = await userIdOf('young-volunteer@ortaq.kz');
    const [profile] = await t.ctx.db.select().from(volunteerProfiles).where(eq(volunteerProfiles.userId, young));
    const today = almatyDay(t.ctx.clock.now());
    expect(ageOn(profile!.birthDate, today)).toBeLessThan(14);
    expect(profile!.consentRecordedAt).toBeNull();
    expect(profile!.consentFileId).toBeNull();
    const [forChildren] = await t.ctx.db.select().from(opportunities).where(and(isNull(opportunities.closedAt), eq(opportunities.minAge, 10)));
    expect(ageRefusal({ birthDate: profile!.birthDate, consentOnRecord: false }, forChildren!, today)?.key).toBe('volunteers.error.age-consent');
  });

  it('has about two hundred generated volunteers who cannot log in, and every sign-up respects the law on age', async () => {
    const generated = await t.ctx.db.select({ id: users.id, hash: users.passwordHash }).from(users).where(sql`${users.email} like 'volunteer-%@demo.ortaq.kz'`);
    expect(generated.length).toBeGreaterThanOrEqual(190);
    expect(generated.every((g) => !g.hash.startsWith('$argon2'))).toBe(true);
    const regions = await t.ctx.db.selectDistinct({ region: volunteerProfiles.regionCode }).from(volunteerProfiles);
    expect(regions.length).toBe(REGION_CODES.length);

    const taken = await t.ctx.db
      .select({ birthDate: volunteerProfiles.birthDate, consent: volunteerProfiles.consentRecordedAt, minAge: opportunities.minAge, risk: opportunities.risk, startsAt: shifts.startsAt })
      .from(signups)
      .innerJoin(volunteerProfiles, eq(volunteerProfiles.userId, signups.volunteerId))
      .innerJoin(shifts, eq(shifts.id, signups.shiftId))
      .innerJoin(opportunities, eq(opportunities.id, shifts.opportunityId))
      .where(inArray(signups.status, ['pending', 'accepted', 'waitlisted']));
    expect(taken.length).toBeGreaterThan(500);
    for (const s of taken) expect(ageRefusal({ birthDate: s.birthDate, consentOnRecord: s.consent !== null }, s, almatyDay(s.startsAt))).toBeNull();
  });

  it('exports its demo accounts, which log in with the demo password', async () => {
    expect(VOLUNTEER_DEMO_ACCOUNTS.map((a) => a.email)).toEqual(['volunteer-coordinator@ortaq.kz', 'young-volunteer@ortaq.kz']);
    const [role] = await t.ctx.db.select().from(userRoles).where(eq(userRoles.userId, await userIdOf('young-volunteer@ortaq.kz')));
    expect(role!.role).toBe('volunteer');
    const [a, b] = await t.ctx.db.select({ hash: users.passwordHash }).from(users).where(inArray(users.email, ['volunteer@ortaq.kz', 'volunteer-coordinator@ortaq.kz']));
    expect(a!.hash).toBe(b!.hash);
  });

  it('changes nothing when seeded again, and the audit chain still verifies', async () => {
    const tables = { users, userRoles, volunteerOrganisations, volunteerCoordinators, volunteerProfiles, campaigns, opportunities, shifts, signups, auditLog };
    const counts = async () =>
      Object.fromEntries(await Promise.all(Object.entries(tables).map(async ([name, table]) => [name, (await t.ctx.db.select({ n: count() }).from(table))[0]!.n] as const)));
    const before = await counts();
    await seedDemo(t.ctx);
    expect(await counts()).toEqual(before);
    expect((await verifyAuditChain(t.ctx.db)).firstBreak).toBeNull();
  });
});
