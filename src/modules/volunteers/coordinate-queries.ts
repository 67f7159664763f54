import { and, asc, eq, inArray, isNull, notInArray, or, sql } from 'drizzle-orm';
import type { Actor } from '../../core/auth/actor.ts';
import { users } from '../../core/auth/schema.ts';
import type { Db } from '../../core/db/client.ts';
import { localDateTimeValue } from '../../core/format/local-time.ts';
import { organisations } from '../organisations/index.ts';
import { ageOn, ageRefusal } from './eligibility.ts';
import { hostNameColumns } from './names.ts';
import type { ShiftRecord } from './records.ts';
import { opportunities, shifts, signups, volunteerCoordinators, volunteerOrganisations, volunteerProfiles } from './schema.ts';

const adminOrgIds = (actor: Actor) => actor.memberships.filter((m) => m.role === 'admin').map((m) => m.organisationId);

/** The volunteer organisations the actor runs: as a coordinator, or as an admin of the registered organisation. */
export async function hostsOf(db: Db, actor: Actor) {
  if (!actor.userId) return [];
  const coordinated = db.select({ id: volunteerCoordinators.volunteerOrganisationId }).from(volunteerCoordinators).where(eq(volunteerCoordinators.userId, actor.userId));
  const admin = adminOrgIds(actor);
  return db
    .select({ id: volunteerOrganisations.id, regionCode: volunteerOrganisations.regionCode, city: volunteerOrganisations.city, ...hostNameColumns })
    .from(volunteerOrganisations)
    .leftJoin(organisations, eq(organisations.id, volunteerOrganisations.organisationId))
    .where(or(inArray(volunteerOrganisations.id, coordinated), admin.length ? inArray(volunteerOrganisations.organisationId, admin) : sql`false`))
    .orderBy(asc(volunteerOrganisations.createdAt));
}
export type HostItem = Awaited<ReturnType<typeof hostsOf>>[number];

/** Organisations the actor is an admin of that do not act as volunteer organisations yet. */
export async function organisationsToEnable(db: Db, actor: Actor) {
  const admin = adminOrgIds(actor);
  if (admin.length === 0) return [];
  const enabled = db.select({ id: volunteerOrganisations.organisationId }).from(volunteerOrganisations).where(inArray(volunteerOrganisations.organisationId, admin));
  return db
    .select({ id: organisations.id, nameKk: organisations.nameKk, nameRu: organisations.nameRu })
    .from(organisations)
    .where(and(inArray(organisations.id, admin), notInArray(organisations.id, sql`(${enabled})`)));
}

/** A volunteer organisation's desk: its coordinators and its opportunities with each shift's counts. */
export async function hostDesk(db: Db, hostId: string) {
  const [host] = await db
    .select({ id: volunteerOrganisations.id, organisationId: volunteerOrganisations.organisationId, regionCode: volunteerOrganisations.regionCode, city: volunteerOrganisations.city, ...hostNameColumns })
    .from(volunteerOrganisations)
    .leftJoin(organisations, eq(organisations.id, volunteerOrganisations.organisationId))
    .where(eq(volunteerOrganisations.id, hostId));
  const coordinators = await db
    .select({ userId: users.id, name: users.name, email: users.email })
    .from(volunteerCoordinators)
    .innerJoin(users, eq(users.id, volunteerCoordinators.userId))
    .where(eq(volunteerCoordinators.volunteerOrganisationId, hostId))
    .orderBy(asc(users.name));
  const count = (status: string) => sql<number>`count(${signups.id}) filter (where ${signups.status} = ${status})::int`;
  const rows = await db
    .select({
      opportunityId: opportunities.id,
      titleKk: opportunities.titleKk,
      titleRu: opportunities.titleRu,
      closedAt: opportunities.closedAt,
      shiftId: shifts.id,
      startsAt: shifts.startsAt,
      endsAt: shifts.endsAt,
      capacity: shifts.capacity,
      pending: count('pending'),
      accepted: count('accepted'),
      waitlisted: count('waitlisted'),
    })
    .from(opportunities)
    .innerJoin(shifts, eq(shifts.opportunityId, opportunities.id))
    .leftJoin(signups, eq(signups.shiftId, shifts.id))
    .where(eq(opportunities.volunteerOrganisationId, hostId))
    .groupBy(opportunities.id, shifts.id)
    .orderBy(asc(opportunities.closedAt), asc(shifts.startsAt));
  return { host: host!, coordinators, shifts: rows };
}
export type HostDesk = Awaited<ReturnType<typeof hostDesk>>;

/** Everyone on a shift, in queue order, with what the coordinator needs to decide and confirm. */
export async function roster(db: Db, shiftId: string) {
  return db
    .select({
      id: signups.id,
      volunteerId: users.id,
      name: users.name,
      email: users.email,
      phone: volunteerProfiles.phone,
      contactChannels: volunteerProfiles.contactChannels,
      birthDate: volunteerProfiles.birthDate,
      status: signups.status,
      queuedAt: signups.queuedAt,
      checkedInAt: signups.checkedInAt,
      minutes: signups.minutes,
      hoursStatus: signups.hoursStatus,
      disputeReason: signups.disputeReason,
      disputedMinutes: signups.disputedMinutes,
    })
    .from(signups)
    .innerJoin(users, eq(users.id, signups.volunteerId))
    .leftJoin(volunteerProfiles, eq(volunteerProfiles.userId, signups.volunteerId))
    .where(eq(signups.shiftId, shiftId))
    .orderBy(asc(signups.queuedAt), asc(signups.id));
}
export type RosterRow = Awaited<ReturnType<typeof roster>>[number];

/**
 * Volunteers who opted in to invitations and fit the shift: adults on its day (children are never
 * offered to a stranger, and nobody's exact age can be read off the list), in its region (any
 * region when it is online), allowed by the age rules, not already on it; those with its skills first.
 */
export async function candidatesFor(db: Db, record: ShiftRecord, limit = 15) {
  const { opportunity, shift } = record;
  const onShift = db.select({ id: signups.volunteerId }).from(signups).where(eq(signups.shiftId, shift.id));
  const rows = await db
    .select({ userId: users.id, name: users.name, city: volunteerProfiles.city, skills: volunteerProfiles.skills, birthDate: volunteerProfiles.birthDate, consentAt: volunteerProfiles.consentRecordedAt })
    .from(volunteerProfiles)
    .innerJoin(users, eq(users.id, volunteerProfiles.userId))
    .where(
      and(
        eq(volunteerProfiles.openToInvitations, true),
        isNull(users.disabledAt),
        opportunity.online ? undefined : eq(volunteerProfiles.regionCode, opportunity.regionCode),
        notInArray(volunteerProfiles.userId, onShift),
      ),
    )
    .orderBy(sql`cardinality(array(select unnest(${volunteerProfiles.skills}) intersect select unnest(${opportunities.skills}) from ${opportunities} where ${opportunities.id} = ${opportunity.id})) desc`, asc(users.name))
    .limit(limit * 4);
  const day = localDateTimeValue(shift.startsAt).slice(0, 10);
  const fits = (r: (typeof rows)[number]) => ageOn(r.birthDate, day) >= 18 && ageRefusal({ birthDate: r.birthDate, consentOnRecord: r.consentAt !== null }, opportunity, day) === null;
  return rows
    .filter(fits)
    .slice(0, limit)
    .map(({ userId, name, city, skills }) => ({ userId, name, city, skills }));
}
export type Candidate = Awaited<ReturnType<typeof candidatesFor>>[number];
