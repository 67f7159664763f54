import { and, eq, inArray } from 'drizzle-orm';
import { type AuditEntry, recordAudits } from '../../core/audit/audit-log.ts';
import { userRoles, users } from '../../core/auth/schema.ts';
import type { Db, Executor } from '../../core/db/client.ts';
import type { Actor } from '../../core/auth/actor.ts';
import type { AppContext } from '../../core/module.ts';
import { DEMO_ACCOUNTS } from '../accounts/index.ts';
import { organisations } from '../organisations/index.ts';
import { HOSTS, type HostSpec, VOLUNTEER_AREAS } from './demo-hosts.ts';
import { ZHASYL_AKTOBE } from './demo-opportunities.ts';
import { type DemoVolunteer, GENERATED_DOMAIN, generatedVolunteers, NO_LOGIN, personName, VOLUNTEER_DEMO_ACCOUNTS } from './demo-people.ts';
import { type Host, type PlannedOpportunity, planOpportunities } from './demo-plan.ts';
import { demoSignups } from './demo-signups.ts';
import { issueCertificate } from './issue-certificate.ts';
import { almaty, almatyDay, demoId, insertAll, mix, shiftDay } from './demo-support.ts';
import { TAZA } from './demo-taza.ts';
import { campaigns, certificates, opportunities, shifts, signups, volunteerCoordinators, volunteerOrganisations, volunteerProfiles } from './schema.ts';

export { VOLUNTEER_DEMO_ACCOUNTS } from './demo-people.ts';

/**
 * The volunteers' demo: volunteer organisations in every region (the seeds' KAMEDA, «Шырақ», the
 * National Volunteer Network, the Aktobe NGO association, NGOs of the demo register, informal
 * groups), «Таза Қазақстан» and a regional campaign, about sixty open opportunities with shifts
 * ahead of the server's clock, and history: about two hundred generated volunteers with hours
 * confirmed, and Ерлан Қасымов's own book. Each part is one transaction and is skipped when it is
 * there, so seeding again changes nothing.
 */
export async function seedDemoVolunteers(ctx: AppContext): Promise<void> {
  const now = ctx.clock.now();
  const part = <T>(run: (db: Executor) => Promise<T>) => ctx.db.transaction((tx) => run(tx as unknown as Db));
  const people = await part((db) => seedPeople(db, now));
  if (!people) return;
  const hosts = await part((db) => seedHosts(db, people));
  const plan = planOpportunities(hosts, almatyDay(now), now);
  await part((db) => seedOpportunities(db, plan));
  await part((db) => seedSignups(db, plan, people, now));
  // Ерлан's certificate, signed like any other, so the verification page has one to show.
  const erlan: Actor = { userId: people.erlan, email: null, name: null, roles: new Set(['volunteer']), memberships: [], sessionId: null };
  const [issued] = await ctx.db.select({ id: certificates.id }).from(certificates).where(eq(certificates.volunteerId, people.erlan)).limit(1);
  if (!issued) await issueCertificate(ctx, erlan, { volunteerId: people.erlan, lang: 'kk' });
}

type People = { erlan: string; volunteers: (DemoVolunteer & { id: string })[]; accounts: Map<string, string> };

const userId = (email: string) => demoId('user', email);
const coordinatorEmail = (host: HostSpec) => `coordinator-${host.key.toLowerCase().replace('#', '-')}@${GENERATED_DOMAIN}`;

// ---------------------------------------------------------------- people

const ERLAN_PROFILE = {
  birthDate: '1994-06-18',
  regionCode: 'KZ-75',
  city: 'Алматы',
  languages: ['kk', 'ru', 'en'],
  skills: ['driving', 'first-aid', 'design-media', 'events'],
  areas: ['environment', 'rights', 'vulnerable-groups'],
  availability: ['weekday-evening', 'weekend'],
  contactChannels: ['email', 'telegram'],
  about: 'Алматыдағы IT-компанияда дизайнермін. 2024 жылдан бері тазалық акцияларына, «Шырақ» бірлестігінің қолжетімділік картасына қатысамын; көлігім бар, алғашқы көмек курсын бітірдім.',
  publicProfile: true,
  openToInvitations: true,
} satisfies Partial<typeof volunteerProfiles.$inferInsert>;

const YOUNG_PROFILE = {
  birthDate: '2014-05-14',
  regionCode: 'KZ-75',
  city: 'Алматы',
  languages: ['kk', 'ru'],
  skills: ['design-media', 'events'],
  areas: ['environment', 'children'],
  availability: ['weekend'],
  contactChannels: ['email'],
} satisfies Partial<typeof volunteerProfiles.$inferInsert>;

/** The demo accounts (with the demo password, as volunteer@ortaq.kz has it), the generated people (who can not log in), and the profiles. */
async function seedPeople(db: Executor, now: Date): Promise<People | null> {
  const volunteerEmail = DEMO_ACCOUNTS.find((a) => a.roles.includes('volunteer'))?.email;
  if (!volunteerEmail) return null;
  const [model] = await db.select({ id: users.id, passwordHash: users.passwordHash }).from(users).where(eq(users.email, volunteerEmail));
  if (!model) return null;

  await db
    .insert(users)
    .values(VOLUNTEER_DEMO_ACCOUNTS.map((a) => ({ email: a.email, name: a.name, passwordHash: model.passwordHash, emailVerifiedAt: now, locale: 'kk' })))
    .onConflictDoNothing();
  const generated = generatedVolunteers();
  const joined = almaty('2023-09-01');
  const people = [
    ...generated.map((v) => ({ email: v.email, name: v.name, locale: v.locale })),
    ...HOSTS.map((h) => ({ email: coordinatorEmail(h), name: personName(h.regionCode, 'coordinator', h.key).name, locale: 'kk' as const })),
  ];
  await insertAll(
    db,
    users,
    people.map((p) => ({ id: userId(p.email), ...p, passwordHash: NO_LOGIN, emailVerifiedAt: joined, createdAt: joined })),
    { ignoreConflicts: true },
  );

  const wanted = [volunteerEmail, ...VOLUNTEER_DEMO_ACCOUNTS.map((a) => a.email), ...HOSTS.flatMap((h) => h.coordinators ?? [])];
  const found = await db.select({ id: users.id, email: users.email }).from(users).where(inArray(users.email, wanted));
  const accounts = new Map(found.map((u) => [u.email, u.id]));
  const young = accounts.get('young-volunteer@ortaq.kz')!;
  const volunteers = generated.map((v) => ({ ...v, id: userId(v.email) }));

  await insertAll(db, userRoles, [young, ...volunteers.map((v) => v.id)].map((id) => ({ userId: id, role: 'volunteer' as const })), { ignoreConflicts: true });
  await insertAll(
    db,
    volunteerProfiles,
    [
      { userId: model.id, ...ERLAN_PROFILE, createdAt: almaty('2024-03-02') },
      { userId: young, ...YOUNG_PROFILE, createdAt: now },
      ...volunteers.map((v) => ({
        userId: v.id,
        ...v.profile,
        consentRecordedAt: v.profile.consentParentName ? almaty('2025-08-25') : null,
        createdAt: almaty(shiftDay('2023-09-15', mix('joined', v.id) % 180)),
      })),
    ],
    { ignoreConflicts: true },
  );
  return { erlan: model.id, volunteers, accounts };
}

// ---------------------------------------------------------------- volunteer organisations

/** The volunteer organisations with their coordinators; written unless there, read back either way. */
async function seedHosts(db: Executor, people: People): Promise<Map<string, Host>> {
  const ids = HOSTS.map((h) => demoId('host', h.key));
  const [there] = await db.select({ id: volunteerOrganisations.id }).from(volunteerOrganisations).where(eq(volunteerOrganisations.id, ids[0]!));
  if (!there) await writeHosts(db, people);
  const rows = await db.select({ id: volunteerOrganisations.id, regionCode: volunteerOrganisations.regionCode }).from(volunteerOrganisations).where(inArray(volunteerOrganisations.id, ids));
  const coordinators = await db.select().from(volunteerCoordinators).where(inArray(volunteerCoordinators.volunteerOrganisationId, ids)).orderBy(volunteerCoordinators.createdAt);
  const byId = new Map(rows.map((r) => [r.id, r]));
  return new Map(
    HOSTS.map((h, i) => {
      const r = byId.get(ids[i]!)!;
      return [h.key, { id: r.id, regionCode: r.regionCode, coordinators: coordinators.filter((c) => c.volunteerOrganisationId === r.id).map((c) => c.userId) }];
    }),
  );
}

async function writeHosts(db: Executor, people: People) {
  const named = HOSTS.filter((h) => h.nameKk).map((h) => h.nameKk!);
  const registered = await db.select({ id: organisations.id, nameKk: organisations.nameKk }).from(organisations).where(inArray(organisations.nameKk, named));
  const byName = new Map(registered.map((o) => [o.nameKk, o.id]));
  // The register's active NGOs, those working in the volunteers' areas first, in a fixed shuffled order.
  const active = await db
    .select({ id: organisations.id, bin: organisations.bin, regionCode: organisations.regionCode, areas: organisations.areas })
    .from(organisations)
    .where(and(eq(organisations.kind, 'ngo'), eq(organisations.status, 'active')));
  const misfit = (o: (typeof active)[number]) => (o.areas.some((a) => (VOLUNTEER_AREAS as readonly string[]).includes(a)) ? 0 : 1);
  const pools = new Map<string, typeof active>();
  for (const o of active.filter((o) => !registered.some((r) => r.id === o.id)).sort((a, b) => misfit(a) - misfit(b) || mix('host', a.bin) - mix('host', b.bin))) {
    pools.set(o.regionCode, [...(pools.get(o.regionCode) ?? []), o]);
  }

  const hostRows: (typeof volunteerOrganisations.$inferInsert)[] = [];
  const coordinatorRows: (typeof volunteerCoordinators.$inferInsert)[] = [];
  for (const h of HOSTS) {
    const organisationId = h.nameKk ? byName.get(h.nameKk) : h.slot !== undefined ? pools.get(h.regionCode)?.[h.slot]?.id : null;
    if (organisationId === undefined) throw new Error(`demo: the register has no organisation for the volunteer organisation ${h.key}`);
    const id = demoId('host', h.key);
    const team = [...(h.coordinators ?? []).map((e) => people.accounts.get(e)).filter((u): u is string => Boolean(u)), userId(coordinatorEmail(h))];
    const since = almaty(shiftDay('2023-11-01', mix('since', h.key) % 90));
    hostRows.push({
      id,
      organisationId,
      groupNameKk: h.group?.[0] ?? null,
      groupNameRu: h.group?.[1] ?? null,
      regionCode: h.regionCode,
      city: h.city,
      descriptionKk: h.description?.[0] ?? null,
      descriptionRu: h.description?.[1] ?? null,
      createdBy: team[0]!,
      createdAt: since,
    });
    // The first coordinator is the one who started; the order is kept by the time each joined.
    coordinatorRows.push(...team.map((u, i) => ({ volunteerOrganisationId: id, userId: u, createdAt: new Date(since.getTime() + i * 86_400_000) })));
  }
  await insertAll(db, volunteerOrganisations, hostRows);
  await insertAll(db, volunteerCoordinators, coordinatorRows);
  await recordAudits(
    db,
    hostRows.map((h): AuditEntry => ({ actorId: null, action: 'volunteer-organisation.create', entityType: 'volunteer-organisation', entityId: h.id!, changes: { via: 'demo' } })),
  );
}

// ---------------------------------------------------------------- campaigns, opportunities, shifts

async function seedOpportunities(db: Executor, plan: readonly PlannedOpportunity[]) {
  const campaignId = (slug: string) => demoId('campaign', slug);
  const [there] = await db.select({ id: campaigns.id }).from(campaigns).where(eq(campaigns.slug, TAZA.slug));
  if (there) return;
  await insertAll(db, campaigns, [
    { id: campaignId(TAZA.slug), ...TAZA, createdAt: almaty(TAZA.startsOn) },
    { id: campaignId(ZHASYL_AKTOBE.slug), ...ZHASYL_AKTOBE, createdAt: almaty(ZHASYL_AKTOBE.startsOn) },
  ]);
  const slugs = { taza: TAZA.slug, 'zhasyl-aktobe': ZHASYL_AKTOBE.slug };
  await insertAll(
    db,
    opportunities,
    plan.map(({ id, spec, host, regionCode, createdAt, closedAt }) => ({
      id,
      volunteerOrganisationId: host.id,
      campaignId: spec.campaign ? campaignId(slugs[spec.campaign]) : null,
      titleKk: spec.kk[0],
      titleRu: spec.ru[0],
      descriptionKk: spec.kk[1],
      descriptionRu: spec.ru[1],
      area: spec.area,
      regionCode,
      address: spec.at,
      online: spec.at === null,
      skills: spec.skills ?? [],
      minAge: spec.minAge ?? 18,
      risk: spec.risk ?? 'none',
      closedAt,
      createdBy: host.coordinators[0] ?? null,
      createdAt,
    })),
  );
  await insertAll(
    db,
    shifts,
    plan.flatMap((o) => o.shifts.map((s) => ({ id: s.id, opportunityId: o.id, startsAt: s.startsAt, endsAt: s.endsAt, capacity: s.capacity }))),
  );
  await recordAudits(db, [{ actorId: null, action: 'volunteer-campaign.create', entityType: 'volunteer-campaign', entityId: campaignId(TAZA.slug), changes: { via: 'demo', opportunities: plan.length } }]);
}

// ---------------------------------------------------------------- sign-ups and hours

async function seedSignups(db: Executor, plan: readonly PlannedOpportunity[], people: People, now: Date) {
  const [there] = await db.select({ id: signups.id }).from(signups).where(eq(signups.volunteerId, people.erlan)).limit(1);
  if (there) return;
  const candidates = people.volunteers.map(({ id, key, profile: p }) => ({ id, key, regionCode: p.regionCode, birthDate: p.birthDate, consent: p.consentParentName !== null, openToInvitations: p.openToInvitations }));
  const rows = demoSignups(plan, candidates, people.erlan, now);
  await insertAll(db, signups, rows);
  const confirmed = rows.filter((r) => r.hoursStatus === 'confirmed');
  await recordAudits(db, [
    {
      actorId: null,
      action: 'volunteer-signup.record-history',
      entityType: 'volunteer-campaign',
      entityId: demoId('campaign', TAZA.slug),
      changes: { via: 'demo', signups: rows.length, confirmed: confirmed.length, minutes: confirmed.reduce((s, r) => s + (r.minutes ?? 0), 0) },
    },
  ]);
}
