import { kazakhOrder } from '../../core/format/intl.ts';
import { and, asc, eq, isNotNull, sql } from 'drizzle-orm';
import type { Executor } from '../../core/db/client.ts';
import { type Area, organisations } from '../organisations/index.ts';
import { opportunities, shifts, signups, volunteerOrganisations } from './schema.ts';

/** A volunteer organisation's name: the register's for an organisation, the group's own for an informal group. */
export type HostName = { id: string; nameKk: string; nameRu: string; informal: boolean };

export type BookShift = {
  signupId: string;
  startsAt: Date;
  endsAt: Date;
  minutes: number;
  /** The Asia/Almaty year the shift started in. */
  year: number;
  area: Area;
  titleKk: string;
  titleRu: string;
  host: HostName;
};

export type VolunteerBook = {
  totalMinutes: number;
  byOrganisation: (HostName & { minutes: number })[];
  byArea: { area: Area; minutes: number }[];
  byYear: { year: number; minutes: number }[];
  /** Newest first. */
  shifts: BookShift[];
};

/** A volunteer's confirmed hours (only an accepted sign-up's `hours_status = 'confirmed'` counts), with their totals. */
export async function volunteerBook(db: Executor, volunteerId: string): Promise<VolunteerBook> {
  const rows = await db
    .select({
      signupId: signups.id,
      startsAt: shifts.startsAt,
      endsAt: shifts.endsAt,
      minutes: signups.minutes,
      year: sql<number>`extract(year from ${shifts.startsAt} at time zone 'Asia/Almaty')::int`,
      area: opportunities.area,
      titleKk: opportunities.titleKk,
      titleRu: opportunities.titleRu,
      hostId: volunteerOrganisations.id,
      nameKk: sql<string>`coalesce(${organisations.nameKk}, ${volunteerOrganisations.groupNameKk})`,
      nameRu: sql<string>`coalesce(${organisations.nameRu}, ${volunteerOrganisations.groupNameRu})`,
      informal: sql<boolean>`${volunteerOrganisations.organisationId} is null`,
    })
    .from(signups)
    .innerJoin(shifts, eq(shifts.id, signups.shiftId))
    .innerJoin(opportunities, eq(opportunities.id, shifts.opportunityId))
    .innerJoin(volunteerOrganisations, eq(volunteerOrganisations.id, opportunities.volunteerOrganisationId))
    .leftJoin(organisations, eq(organisations.id, volunteerOrganisations.organisationId))
    .where(and(eq(signups.volunteerId, volunteerId), eq(signups.status, 'accepted'), eq(signups.hoursStatus, 'confirmed'), isNotNull(signups.minutes)))
    .orderBy(asc(shifts.startsAt));

  const list: BookShift[] = rows.map((r) => ({
    signupId: r.signupId,
    startsAt: r.startsAt,
    endsAt: r.endsAt,
    minutes: r.minutes ?? 0,
    year: Number(r.year),
    area: r.area,
    titleKk: r.titleKk,
    titleRu: r.titleRu,
    host: { id: r.hostId, nameKk: r.nameKk, nameRu: r.nameRu, informal: Boolean(r.informal) },
  }));
  const byHost = sum(list, (s) => s.host.id);
  const byArea = sum(list, (s) => s.area);
  const byYear = sum(list, (s) => s.year);
  const hosts = new Map(list.map((s) => [s.host.id, s.host]));
  return {
    totalMinutes: list.reduce((n, s) => n + s.minutes, 0),
    byOrganisation: [...byHost].map(([id, minutes]) => ({ ...hosts.get(id)!, minutes })).sort((a, b) => b.minutes - a.minutes || kazakhOrder(a.nameKk, b.nameKk)),
    byArea: [...byArea].map(([area, minutes]) => ({ area, minutes })).sort((a, b) => b.minutes - a.minutes || a.area.localeCompare(b.area)),
    byYear: [...byYear].map(([year, minutes]) => ({ year, minutes })).sort((a, b) => a.year - b.year),
    shifts: list.reverse(),
  };
}

function sum<K>(list: BookShift[], keyOf: (s: BookShift) => K): Map<K, number> {
  const totals = new Map<K, number>();
  for (const s of list) totals.set(keyOf(s), (totals.get(keyOf(s)) ?? 0) + s.minutes);
  return totals;
}

/** Minutes as hours and minutes ("12 h 30 min"), in the reader's language. */
export function durationText(t: (key: string, params?: Record<string, string | number>) => string, f: { number(v: number): string }, minutes: number): string {
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  return m === 0 ? t('volunteers.book.duration-hours', { hours: f.number(h) }) : t('volunteers.book.duration', { hours: f.number(h), minutes: String(m) });
}
