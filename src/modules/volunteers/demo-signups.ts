import { randomBytes } from 'node:crypto';
import type { PlannedOpportunity, PlannedShift } from './demo-plan.ts';
import { almatyDay, chance, demoId, mix } from './demo-support.ts';
import { ageRefusal } from './eligibility.ts';
import type { HoursStatus, SignupStatus, signups } from './schema.ts';

type SignupRow = typeof signups.$inferInsert;

/** A generated volunteer, as sign-ups need them. */
export type Candidate = { id: string; key: string; regionCode: string; birthDate: string; consent: boolean; openToInvitations: boolean };

type Fate = 'confirmed' | 'recorded' | 'disputed' | 'accepted' | 'invited';

/**
 * Ерлан Қасымов's volunteer book (volunteer@ortaq.kz): confirmed hours at five organisations in
 * 2024, 2025 and this year, hours still to be confirmed, a dispute, a place on a coming shift and
 * an invitation to another.
 */
const ERLAN: readonly (readonly [opportunity: string, shift: number, fate: Fate])[] = [
  ['taza-2024-KZ-75', 0, 'confirmed'],
  ['shyrak-ramps-2024', 0, 'confirmed'],
  ['shyrak-survey-2025', 1, 'confirmed'],
  ['kz75-food-2025', 0, 'confirmed'],
  ['nvn-helpdesk-2025', 0, 'confirmed'],
  ['kameda-qa', 0, 'confirmed'],
  ['nvn-helpdesk', 0, 'confirmed'],
  ['kz75-hospital', 0, 'disputed'],
  ['students-english', 2, 'recorded'],
  ['taza-KZ-75', 0, 'accepted'],
  ['shyrak-ramps', 1, 'invited'],
];
const DISPUTE = { reason: 'Ауысымның басынан аяғына дейін, 15:00-ден 18:00-ге дейін болдым: 2 сағат емес, 3 сағат жазылуы керек.', minutes: 180, recorded: 120 };

/** A full shift with a waiting list, and one with a single place left (for showing both on the site). */
export const FULL_SHIFT = demoId('shift', 'shyrak-it', 0);
export const NEARLY_FULL_SHIFT = demoId('shift', 'kz75-food', 0);
const WAITING = 3;

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
const code = () => randomBytes(12).toString('base64url');
const earlier = (a: number, b: number) => new Date(Math.min(a, b));

function row(shift: PlannedShift, volunteerId: string, status: SignupStatus, queuedAt: Date, more: Partial<SignupRow> = {}): SignupRow {
  return { id: demoId('signup', shift.id, volunteerId), shiftId: shift.id, volunteerId, status, queuedAt, createdAt: queuedAt, ...more };
}

/** Accepted by the coordinator some hours after signing up, with the code to show at the place. */
const accepted = (decider: string, queuedAt: Date, shift: PlannedShift, now: Date): Partial<SignupRow> => ({
  decidedBy: decider,
  decidedAt: new Date(queuedAt.getTime() + 5 * HOUR),
  checkInCode: code(),
  remindedAt: shift.startsAt.getTime() - DAY < now.getTime() ? new Date(shift.startsAt.getTime() - DAY) : null,
});

/** Checked in at the place, the minutes recorded and, unless `status` says otherwise, confirmed the next day. */
function worked(shift: PlannedShift, decider: string, minutes: number, status: HoursStatus, now: Date): Partial<SignupRow> {
  const done = {
    checkedInAt: new Date(shift.startsAt.getTime() + (mix('late', shift.id, minutes) % 12) * MINUTE),
    checkedInBy: decider,
    minutes,
    hoursStatus: status,
  };
  return status === 'confirmed' ? { ...done, hoursConfirmedBy: decider, hoursConfirmedAt: earlier(shift.endsAt.getTime() + 20 * HOUR, now.getTime() - HOUR) } : done;
}

function erlanRows(byKey: Map<string, PlannedOpportunity>, erlan: string, now: Date): SignupRow[] {
  return ERLAN.map(([key, index, fate]) => {
    const o = byKey.get(key);
    const shift = o?.shifts[index];
    if (!o || !shift) throw new Error(`demo: no shift ${index} of ${key}`);
    const decider = o.host.coordinators[0]!;
    if (fate === 'invited') return row(shift, erlan, 'invited', new Date(now.getTime() - 20 * HOUR), { invitedBy: decider });
    if (fate === 'accepted') {
      const queuedAt = new Date(now.getTime() - 2 * DAY);
      return row(shift, erlan, 'accepted', queuedAt, accepted(decider, queuedAt, shift, now));
    }
    const queuedAt = new Date(shift.startsAt.getTime() - 6 * DAY);
    const base = accepted(decider, queuedAt, shift, now);
    if (fate === 'disputed')
      return row(shift, erlan, 'accepted', queuedAt, { ...base, ...worked(shift, decider, DISPUTE.recorded, 'disputed', now), disputeReason: DISPUTE.reason, disputedMinutes: DISPUTE.minutes });
    return row(shift, erlan, 'accepted', queuedAt, { ...base, ...worked(shift, decider, shift.minutes, fate === 'recorded' ? 'recorded' : 'confirmed', now) });
  });
}

/**
 * Every sign-up of the demo: Ерлан's, then the generated volunteers' — on each shift those of its
 * region (anyone for online work) whom the law lets take part that day, in a fixed shuffled order.
 * Past shifts are 60–95 % full with hours confirmed (recorded only in the last three days); coming
 * shifts 15–60 % full, accepted or waiting for an answer, never over capacity.
 */
export function demoSignups(plan: readonly PlannedOpportunity[], volunteers: readonly Candidate[], erlan: string, now: Date): SignupRow[] {
  const byKey = new Map(plan.map((o) => [o.spec.key, o]));
  const rows = erlanRows(byKey, erlan, now);
  const taken = new Map<string, number>();
  for (const r of rows) if (r.status !== 'invited') taken.set(r.shiftId, (taken.get(r.shiftId) ?? 0) + 1);

  for (const o of plan) {
    const { minAge = 18, risk = 'none' } = o.spec;
    const decider = o.host.coordinators[0]!;
    for (const shift of o.shifts) {
      const day = almatyDay(shift.startsAt);
      const pool = volunteers
        .filter((v) => (o.spec.at === null || v.regionCode === o.regionCode) && !ageRefusal({ birthDate: v.birthDate, consentOnRecord: v.consent }, { minAge, risk }, day))
        .sort((a, b) => mix(shift.id, a.key) - mix(shift.id, b.key));
      const free = shift.capacity - (taken.get(shift.id) ?? 0);
      const share = (mix('fill', shift.id) % 100) / 100;
      const start = shift.startsAt.getTime();
      const posted = o.createdAt.getTime();

      if (shift.endsAt.getTime() <= now.getTime()) {
        const chosen = pool.slice(0, Math.max(0, Math.min(free, Math.round(shift.capacity * (0.6 + 0.35 * share)))));
        for (const v of chosen) {
          const queuedAt = new Date(Math.max(posted + HOUR, start - (2 + (mix('queued', shift.id, v.key) % 18)) * DAY));
          const fate = mix('fate', shift.id, v.key) % 100;
          if (fate < 5) {
            rows.push(row(shift, v.id, 'cancelled', queuedAt));
            continue;
          }
          const base = accepted(decider, queuedAt, shift, now);
          if (fate < 10) {
            rows.push(row(shift, v.id, 'accepted', queuedAt, base)); // did not come
            continue;
          }
          const minutes = fate < 25 ? Math.max(30, shift.minutes - (fate % 2 ? 30 : 60)) : shift.minutes;
          const status = shift.endsAt.getTime() > now.getTime() - 3 * DAY ? 'recorded' : 'confirmed';
          rows.push(row(shift, v.id, 'accepted', queuedAt, { ...base, ...worked(shift, decider, minutes, status, now) }));
        }
        continue;
      }

      const places = shift.id === FULL_SHIFT ? free : shift.id === NEARLY_FULL_SHIFT ? free - 1 : Math.round(shift.capacity * (0.15 + 0.45 * share));
      const chosen = pool.slice(0, Math.max(0, Math.min(free, places)));
      for (const [i, v] of chosen.entries()) {
        const queuedAt = new Date(Math.max(posted + HOUR, now.getTime() - (1 + (mix('queued', shift.id, v.key) % 10)) * DAY - i * 7 * MINUTE));
        rows.push(chance(0.65, 'accept', shift.id, v.key) ? row(shift, v.id, 'accepted', queuedAt, accepted(decider, queuedAt, shift, now)) : row(shift, v.id, 'pending', queuedAt));
      }
      const rest = pool.slice(chosen.length);
      if (shift.id === FULL_SHIFT) rows.push(...rest.slice(0, WAITING).map((v, i) => row(shift, v.id, 'waitlisted', new Date(now.getTime() - (6 - i) * HOUR))));
      const invitee = rest.slice(shift.id === FULL_SHIFT ? WAITING : 0).find((v) => v.openToInvitations);
      if (invitee && chance(0.3, 'invite', shift.id)) rows.push(row(shift, invitee.id, 'invited', new Date(now.getTime() - 20 * HOUR), { invitedBy: decider }));
    }
  }
  return rows;
}
