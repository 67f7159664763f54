import { OPPORTUNITIES, type OpportunitySpec, type ShiftSpec } from './demo-opportunities.ts';
import { addMinutes, almaty, demoId, minutesOf, mix, weekDate } from './demo-support.ts';
import { tazaOpportunities } from './demo-taza.ts';

/** A host as the plan needs it: its id, region and coordinators (the first decides sign-ups). */
export type Host = { id: string; regionCode: string; coordinators: string[] };

export type PlannedShift = { id: string; index: number; startsAt: Date; endsAt: Date; capacity: number; minutes: number };
export type PlannedOpportunity = {
  id: string;
  spec: OpportunitySpec;
  host: Host;
  regionCode: string;
  shifts: PlannedShift[];
  createdAt: Date;
  closedAt: Date | null;
};

const DAY = 86_400_000;

function shiftTimes(s: ShiftSpec, today: string): { startsAt: Date; hours: number; capacity: number } {
  if (typeof s[0] === 'string') {
    const [date, start, hours, capacity] = s as readonly [string, string, number, number];
    return { startsAt: almaty(date, start), hours, capacity };
  }
  const [week, dow, start, hours, capacity] = s as readonly [number, number, string, number, number];
  return { startsAt: almaty(weekDate(today, week, dow), start), hours, capacity };
}

/** Every opportunity of the demo with its shifts placed in time around `now`; closed when all its shifts are over. */
export function planOpportunities(hosts: ReadonlyMap<string, Host>, today: string, now: Date): PlannedOpportunity[] {
  return [...OPPORTUNITIES, ...tazaOpportunities()].map((spec) => {
    const host = hosts.get(spec.host);
    if (!host) throw new Error(`demo: no volunteer organisation ${spec.host}`);
    const id = demoId('opportunity', spec.key);
    const shifts = spec.shifts.map((s, index) => {
      const { startsAt, hours, capacity } = shiftTimes(s, today);
      const minutes = minutesOf(hours);
      return { id: demoId('shift', spec.key, index), index, startsAt, endsAt: addMinutes(startsAt, minutes), capacity, minutes };
    });
    const first = Math.min(...shifts.map((s) => s.startsAt.getTime()));
    const last = Math.max(...shifts.map((s) => s.endsAt.getTime()));
    // Posted two to five weeks before its first shift, or lately if that is still ahead.
    const posted = Math.min(first - (14 + (mix('posted', spec.key) % 21)) * DAY, now.getTime() - (2 + (mix('lately', spec.key) % 10)) * DAY);
    return {
      id,
      spec,
      host,
      regionCode: host.regionCode,
      shifts,
      createdAt: new Date(posted),
      closedAt: last < now.getTime() ? new Date(Math.min(last + DAY, now.getTime())) : null,
    };
  });
}
