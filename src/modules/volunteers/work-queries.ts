import { and, arrayOverlaps, asc, eq, gt, isNull, notInArray, or, sql } from 'drizzle-orm';
import type { Db } from '../../core/db/client.ts';
import { organisations } from '../organisations/index.ts';
import { rankOpportunities } from './matching.ts';
import { hostNameColumns } from './names.ts';
import { opportunities, shifts, signups, volunteerOrganisations, volunteerProfiles } from './schema.ts';

export type ProfileRow = typeof volunteerProfiles.$inferSelect;

export async function profileOf(db: Db, userId: string): Promise<ProfileRow | null> {
  const [row] = await db.select().from(volunteerProfiles).where(eq(volunteerProfiles.userId, userId));
  return row ?? null;
}

const signupColumns = {
  id: signups.id,
  status: signups.status,
  checkInCode: signups.checkInCode,
  checkedInAt: signups.checkedInAt,
  minutes: signups.minutes,
  hoursStatus: signups.hoursStatus,
  disputeReason: signups.disputeReason,
  disputedMinutes: signups.disputedMinutes,
  startsAt: shifts.startsAt,
  endsAt: shifts.endsAt,
  opportunityId: opportunities.id,
  titleKk: opportunities.titleKk,
  titleRu: opportunities.titleRu,
  address: opportunities.address,
  online: opportunities.online,
  ...hostNameColumns,
};

/** The volunteer's sign-ups, soonest first, with what the desk shows of each. */
export async function signupsOf(db: Db, volunteerId: string) {
  return db
    .select(signupColumns)
    .from(signups)
    .innerJoin(shifts, eq(shifts.id, signups.shiftId))
    .innerJoin(opportunities, eq(opportunities.id, shifts.opportunityId))
    .innerJoin(volunteerOrganisations, eq(volunteerOrganisations.id, opportunities.volunteerOrganisationId))
    .leftJoin(organisations, eq(organisations.id, volunteerOrganisations.organisationId))
    .where(eq(signups.volunteerId, volunteerId))
    .orderBy(asc(shifts.startsAt));
}
export type DeskSignup = Awaited<ReturnType<typeof signupsOf>>[number];

/** One of the volunteer's own sign-ups, for the check-in code page. */
export async function ownSignup(db: Db, volunteerId: string, signupId: string): Promise<DeskSignup | null> {
  const [row] = await db
    .select(signupColumns)
    .from(signups)
    .innerJoin(shifts, eq(shifts.id, signups.shiftId))
    .innerJoin(opportunities, eq(opportunities.id, shifts.opportunityId))
    .innerJoin(volunteerOrganisations, eq(volunteerOrganisations.id, opportunities.volunteerOrganisationId))
    .leftJoin(organisations, eq(organisations.id, volunteerOrganisations.organisationId))
    .where(and(eq(signups.volunteerId, volunteerId), eq(signups.id, signupId)));
  return row ?? null;
}

/** Open opportunities the volunteer has not signed up for, best fit first (matching.ts says how). */
export async function recommendedFor(db: Db, profile: ProfileRow, now: Date, limit = 6) {
  const taken = db.select({ id: shifts.opportunityId }).from(signups).innerJoin(shifts, eq(shifts.id, signups.shiftId)).where(eq(signups.volunteerId, profile.userId));
  const nextShift = sql<Date>`min(${shifts.startsAt})`.mapWith((v: string | Date) => new Date(v));
  const candidates = await db
    .select({
      id: opportunities.id,
      titleKk: opportunities.titleKk,
      titleRu: opportunities.titleRu,
      regionCode: opportunities.regionCode,
      online: opportunities.online,
      skills: opportunities.skills,
      nextShiftAt: nextShift,
      ...hostNameColumns,
    })
    .from(opportunities)
    .innerJoin(shifts, and(eq(shifts.opportunityId, opportunities.id), gt(shifts.startsAt, now)))
    .innerJoin(volunteerOrganisations, eq(volunteerOrganisations.id, opportunities.volunteerOrganisationId))
    .leftJoin(organisations, eq(organisations.id, volunteerOrganisations.organisationId))
    .where(and(isNull(opportunities.closedAt), notInArray(opportunities.id, taken), or(eq(opportunities.regionCode, profile.regionCode), eq(opportunities.online, true), profile.skills.length ? arrayOverlaps(opportunities.skills, profile.skills) : undefined)))
    .groupBy(opportunities.id, organisations.id, volunteerOrganisations.id)
    .limit(200);
  return rankOpportunities(profile, candidates, now).slice(0, limit);
}
export type Recommendation = Awaited<ReturnType<typeof recommendedFor>>[number];
