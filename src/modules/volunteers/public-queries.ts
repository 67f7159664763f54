import { and, asc, count, desc, eq, inArray, isNull, or, type SQL, sql } from 'drizzle-orm';
import { z } from 'zod';
import { users } from '../../core/auth/schema.ts';
import { type Executor, queryRows } from '../../core/db/client.ts';
import { isUuid } from '../../core/db/uuid.ts';
import { REGION_CODES } from '../../core/geo/regions.ts';
import { type Area, AREAS, organisations } from '../organisations/index.ts';
import { campaigns, opportunities, type Risk, SKILLS, type Skill, type SpokenLanguage, shifts, signups, volunteerOrganisations, volunteerProfiles } from './schema.ts';

/** A campaign (or an opportunity) of the whole country. */
export const NATIONAL = 'KZ';
export const OPPORTUNITY_REGIONS = [...REGION_CODES, NATIONAL] as [string, ...string[]];

/** An empty (or blank) value from a form means "any". */
const optional = <T extends z.ZodType>(schema: T) => z.preprocess((v) => (typeof v === 'string' && v.trim() === '' ? undefined : v), schema.optional());

const Day = z.iso.date().describe('Calendar date in Kazakhstan, YYYY-MM-DD');

/** The list's filters, as a query string: the same for the page and the API. */
export const OpportunityListParams = z.object({
  region: optional(z.enum(OPPORTUNITY_REGIONS).describe('ISO 3166-2:KZ; KZ for the whole country')),
  area: optional(z.enum(AREAS)),
  from: optional(Day.describe('Only opportunities with a shift starting on or after this day (Asia/Almaty)')),
  to: optional(Day.describe('Only opportunities with a shift starting on or before this day (Asia/Almaty)')),
  online: optional(z.enum(['true', 'false']).describe('true: online only; false: on site only')),
  skill: optional(z.enum(SKILLS)),
  page: optional(z.coerce.number().int().min(1).max(10_000)).default(1),
  pageSize: optional(z.coerce.number().int().min(1).max(100)).default(20),
});
export type OpportunityListParams = z.infer<typeof OpportunityListParams>;

/** Kazakhstan has kept UTC+5 all year since 1 March 2024, so a local day starts at 00:00+05:00. */
const startOfDay = (day: string) => `${day}T00:00:00+05:00`;
const dayAfter = (day: string) => new Date(Date.parse(`${day}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
const instant = (d: Date | string) => sql`${typeof d === 'string' ? d : d.toISOString()}::timestamptz`;

/** Who runs an opportunity, as the public sees it: a registered organisation (with its BIN) or an informal group. */
export type HostRef = { id: string; nameKk: string; nameRu: string; informal: boolean; bin: string | null; regionCode: string; city: string };

const hostColumns = {
  id: volunteerOrganisations.id,
  nameKk: sql<string>`coalesce(${organisations.nameKk}, ${volunteerOrganisations.groupNameKk})`,
  nameRu: sql<string>`coalesce(${organisations.nameRu}, ${volunteerOrganisations.groupNameRu})`,
  bin: organisations.bin,
  regionCode: volunteerOrganisations.regionCode,
  city: volunteerOrganisations.city,
};
const hostRef = (r: Omit<HostRef, 'informal'>): HostRef => ({ ...r, informal: r.bin === null });

/** Not closed (a closing date in the future has not come yet). */
const notClosed = (now: Date) => or(isNull(opportunities.closedAt), sql`${opportunities.closedAt} > ${instant(now)}`)!;

/** A shift that has not ended, within the days asked for. */
function upcomingShift(now: Date, days: { from?: string; to?: string } = {}): SQL {
  return and(
    sql`${shifts.endsAt} > ${instant(now)}`,
    days.from ? sql`${shifts.startsAt} >= ${instant(startOfDay(days.from))}` : undefined,
    days.to ? sql`${shifts.startsAt} < ${instant(startOfDay(dayAfter(days.to)))}` : undefined,
  )!;
}

/** An opportunity is open while it is not closed and one of its shifts has not ended. */
const isOpen = (now: Date, days?: { from?: string; to?: string }) =>
  and(notClosed(now), sql`exists (select 1 from ${shifts} where ${shifts.opportunityId} = ${opportunities.id} and ${upcomingShift(now, days)})`)!;

export type ShiftFigures = { id: string; opportunityId: string; startsAt: Date; endsAt: Date; capacity: number; placesLeft: number; waiting: number };

/** Shifts with their free places (capacity less pending and accepted sign-ups) and the length of their waiting list. */
async function shiftFigures(db: Executor, where: SQL): Promise<ShiftFigures[]> {
  const rows = await db
    .select({
      id: shifts.id,
      opportunityId: shifts.opportunityId,
      startsAt: shifts.startsAt,
      endsAt: shifts.endsAt,
      capacity: shifts.capacity,
      taken: sql<number>`count(*) filter (where ${signups.status} in ('pending', 'accepted'))`.mapWith(Number),
      waiting: sql<number>`count(*) filter (where ${signups.status} = 'waitlisted')`.mapWith(Number),
    })
    .from(shifts)
    .leftJoin(signups, eq(signups.shiftId, shifts.id))
    .where(where)
    .groupBy(shifts.id)
    .orderBy(asc(shifts.startsAt), asc(shifts.id));
  return rows.map(({ taken, ...s }) => ({ ...s, placesLeft: Math.max(0, s.capacity - taken) }));
}

export type OpportunityItem = {
  id: string;
  titleKk: string;
  titleRu: string;
  area: Area;
  regionCode: string;
  address: string | null;
  online: boolean;
  skills: Skill[];
  minAge: number;
  risk: Risk;
  host: HostRef;
  /** The first shift (within the days asked for) that has not ended; null for a closed opportunity. */
  nextShift: Date | null;
  /** Free places on its upcoming shifts. */
  placesLeft: number;
};

const itemColumns = {
  id: opportunities.id,
  titleKk: opportunities.titleKk,
  titleRu: opportunities.titleRu,
  area: opportunities.area,
  regionCode: opportunities.regionCode,
  address: opportunities.address,
  online: opportunities.online,
  skills: opportunities.skills,
  minAge: opportunities.minAge,
  risk: opportunities.risk,
  host: hostColumns,
};

/** The items of some opportunities, with the figures of their upcoming shifts (one more statement). */
async function withShifts(db: Executor, rows: (Omit<OpportunityItem, 'host' | 'nextShift' | 'placesLeft'> & { host: Omit<HostRef, 'informal'> })[], now: Date, days?: { from?: string; to?: string }) {
  const ids = rows.map((r) => r.id);
  const figures = ids.length ? await shiftFigures(db, and(inArray(shifts.opportunityId, ids), upcomingShift(now, days))!) : [];
  return rows.map((r): OpportunityItem => {
    const own = figures.filter((s) => s.opportunityId === r.id);
    return { ...r, host: hostRef(r.host), nextShift: own[0]?.startsAt ?? null, placesLeft: own.reduce((n, s) => n + s.placesLeft, 0) };
  });
}

export type OpportunityList = { items: OpportunityItem[]; total: number; page: number; pageSize: number };

/** Open opportunities matching the filters, soonest first. */
export async function listOpportunities(db: Executor, p: OpportunityListParams, now: Date): Promise<OpportunityList> {
  const days = { from: p.from, to: p.to };
  const where = and(
    isOpen(now, days),
    p.region ? eq(opportunities.regionCode, p.region) : undefined,
    p.area ? eq(opportunities.area, p.area) : undefined,
    p.online ? eq(opportunities.online, p.online === 'true') : undefined,
    p.skill ? sql`${p.skill} = any(${opportunities.skills})` : undefined,
  );
  const soonest = sql`(select min(${shifts.startsAt}) from ${shifts} where ${shifts.opportunityId} = ${opportunities.id} and ${upcomingShift(now, days)})`;
  const [rows, [counted]] = await Promise.all([
    db
      .select(itemColumns)
      .from(opportunities)
      .innerJoin(volunteerOrganisations, eq(volunteerOrganisations.id, opportunities.volunteerOrganisationId))
      .leftJoin(organisations, eq(organisations.id, volunteerOrganisations.organisationId))
      .where(where)
      .orderBy(soonest, asc(opportunities.titleKk), asc(opportunities.id))
      .limit(p.pageSize)
      .offset((p.page - 1) * p.pageSize),
    db.select({ n: count() }).from(opportunities).where(where),
  ]);
  return { items: await withShifts(db, rows, now, days), total: counted?.n ?? 0, page: p.page, pageSize: p.pageSize };
}

export type RegionFigures = { code: string; organisations: number; opportunities: number };

/** Volunteer organisations and open opportunities by region, for the cartogram and its table. */
export async function regionFigures(db: Executor, now: Date): Promise<RegionFigures[]> {
  const rows = await queryRows<{ code: string; organisations: number | string; opportunities: number | string }>(
    db,
    sql`select code, sum(hosts) as organisations, sum(open) as opportunities from (
          select ${volunteerOrganisations.regionCode} as code, count(*) as hosts, 0 as open from ${volunteerOrganisations} group by 1
          union all
          select ${opportunities.regionCode}, 0, count(*) from ${opportunities} where ${isOpen(now)} group by 1
        ) as figures group by code`,
  );
  return rows.map((r) => ({ code: r.code, organisations: Number(r.organisations), opportunities: Number(r.opportunities) }));
}

export type CampaignRef = { slug: string; titleKk: string; titleRu: string };

export type OpportunityDetail = {
  opportunity: typeof opportunities.$inferSelect;
  host: HostRef;
  campaign: CampaignRef | null;
  shifts: ShiftFigures[];
  /** Volunteers may still sign up: not closed, and at least one shift has not started. */
  open: boolean;
};

/** One opportunity with all its shifts; null when there is none. */
export async function opportunityDetail(db: Executor, id: string, now: Date): Promise<OpportunityDetail | null> {
  if (!isUuid(id)) return null;
  const [head] = await db
    .select({ opportunity: opportunities, host: hostColumns, campaign: { slug: campaigns.slug, titleKk: campaigns.titleKk, titleRu: campaigns.titleRu } })
    .from(opportunities)
    .innerJoin(volunteerOrganisations, eq(volunteerOrganisations.id, opportunities.volunteerOrganisationId))
    .leftJoin(organisations, eq(organisations.id, volunteerOrganisations.organisationId))
    .leftJoin(campaigns, eq(campaigns.id, opportunities.campaignId))
    .where(eq(opportunities.id, id));
  if (!head) return null;
  const list = await shiftFigures(db, eq(shifts.opportunityId, id));
  const closed = head.opportunity.closedAt !== null && head.opportunity.closedAt <= now;
  return {
    opportunity: head.opportunity,
    host: hostRef(head.host),
    campaign: head.campaign?.slug ? head.campaign : null,
    shifts: list,
    open: !closed && list.some((s) => s.startsAt > now),
  };
}

/** Live totals: distinct volunteers accepted, events (opportunities), and confirmed minutes. */
export type LiveTotals = { volunteers: number; events: number; minutes: number };

/** Live totals of the opportunities matching `where`, one row per value of `by` (or one row for all). */
async function liveTotals(db: Executor, where: SQL, by: SQL = sql`null`): Promise<Map<string | null, LiveTotals>> {
  const rows = await queryRows<{ key: string | null; volunteers: number | string; events: number | string; minutes: number | string }>(
    db,
    sql`select ${by}::text as key,
               count(distinct ${signups.volunteerId}) filter (where ${signups.status} = 'accepted') as volunteers,
               count(distinct ${opportunities.id}) as events,
               coalesce(sum(${signups.minutes}) filter (where ${signups.status} = 'accepted' and ${signups.hoursStatus} = 'confirmed'), 0) as minutes
        from ${opportunities}
        left join ${shifts} on ${shifts.opportunityId} = ${opportunities.id}
        left join ${signups} on ${signups.shiftId} = ${shifts.id}
        where ${where}
        group by 1`,
  );
  return new Map(rows.map((r) => [r.key, { volunteers: Number(r.volunteers), events: Number(r.events), minutes: Number(r.minutes) }]));
}

const NO_TOTALS: LiveTotals = { volunteers: 0, events: 0, minutes: 0 };
const totalsOf = async (db: Executor, where: SQL) => (await liveTotals(db, where)).get(null) ?? NO_TOTALS;

/** Opportunities (open ones first, then the most recent), for an organisation's or a campaign's page. */
async function opportunitiesWhere(db: Executor, where: SQL, now: Date, limit = 100): Promise<(OpportunityItem & { open: boolean })[]> {
  const open = sql<boolean>`${isOpen(now)}`.mapWith(Boolean);
  const rows = await db
    .select({ ...itemColumns, open })
    .from(opportunities)
    .innerJoin(volunteerOrganisations, eq(volunteerOrganisations.id, opportunities.volunteerOrganisationId))
    .leftJoin(organisations, eq(organisations.id, volunteerOrganisations.organisationId))
    .where(where)
    .orderBy(desc(open), desc(opportunities.createdAt), asc(opportunities.id))
    .limit(limit);
  const items = await withShifts(db, rows, now);
  return items.map((item, i) => ({ ...item, open: rows[i]!.open }));
}

export type HostDetail = {
  host: HostRef & { descriptionKk: string | null; descriptionRu: string | null; organisationId: string | null };
  opportunities: (OpportunityItem & { open: boolean })[];
  totals: LiveTotals;
};

/** A volunteer organisation's public page: who it is, its opportunities, its live totals. */
export async function hostDetail(db: Executor, id: string, now: Date): Promise<HostDetail | null> {
  if (!isUuid(id)) return null;
  const [head] = await db
    .select({
      ...hostColumns,
      descriptionKk: volunteerOrganisations.descriptionKk,
      descriptionRu: volunteerOrganisations.descriptionRu,
      organisationId: volunteerOrganisations.organisationId,
    })
    .from(volunteerOrganisations)
    .leftJoin(organisations, eq(organisations.id, volunteerOrganisations.organisationId))
    .where(eq(volunteerOrganisations.id, id));
  if (!head) return null;
  const mine = eq(opportunities.volunteerOrganisationId, id);
  const [list, totals] = await Promise.all([opportunitiesWhere(db, mine, now), totalsOf(db, mine)]);
  return { host: { ...head, informal: head.bin === null }, opportunities: list, totals };
}

export type CampaignRow = typeof campaigns.$inferSelect;

/** Every campaign, the newest first, with its live totals. */
export async function listCampaigns(db: Executor): Promise<(CampaignRow & { totals: LiveTotals })[]> {
  const [rows, totals] = await Promise.all([
    db.select().from(campaigns).orderBy(desc(campaigns.startsOn), asc(campaigns.slug)),
    liveTotals(db, sql`${opportunities.campaignId} is not null`, sql`${opportunities.campaignId}`),
  ]);
  return rows.map((c) => ({ ...c, totals: totals.get(c.id) ?? NO_TOTALS }));
}

export type CampaignDetail = { campaign: CampaignRow; totals: LiveTotals; opportunities: (OpportunityItem & { open: boolean })[] };

export async function campaignDetail(db: Executor, slug: string, now: Date): Promise<CampaignDetail | null> {
  if (slug.length > 200) return null;
  const [campaign] = await db.select().from(campaigns).where(eq(campaigns.slug, slug));
  if (!campaign) return null;
  const ours = eq(opportunities.campaignId, campaign.id);
  const [list, totals] = await Promise.all([opportunitiesWhere(db, ours, now, 200), totalsOf(db, ours)]);
  return { campaign, totals, opportunities: list };
}

export type PublicVolunteer = { name: string; regionCode: string; city: string; skills: Skill[]; languages: SpokenLanguage[]; about: string | null; confirmedMinutes: number };

/** What a volunteer who opted in shows to everyone; never the birth date or contacts. Null otherwise. */
export async function publicVolunteer(db: Executor, userId: string): Promise<PublicVolunteer | null> {
  if (!isUuid(userId)) return null;
  const [row] = await db
    .select({
      name: users.name,
      regionCode: volunteerProfiles.regionCode,
      city: volunteerProfiles.city,
      skills: volunteerProfiles.skills,
      languages: volunteerProfiles.languages,
      about: volunteerProfiles.about,
    })
    .from(volunteerProfiles)
    .innerJoin(users, eq(users.id, volunteerProfiles.userId))
    .where(and(eq(volunteerProfiles.userId, userId), eq(volunteerProfiles.publicProfile, true), isNull(users.disabledAt)));
  if (!row) return null;
  const [hours] = await db
    .select({ minutes: sql<number>`coalesce(sum(${signups.minutes}), 0)`.mapWith(Number) })
    .from(signups)
    .where(and(eq(signups.volunteerId, userId), eq(signups.status, 'accepted'), eq(signups.hoursStatus, 'confirmed')));
  return { ...row, confirmedMinutes: hours?.minutes ?? 0 };
}
