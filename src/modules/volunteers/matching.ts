import type { Availability, Skill } from './schema.ts';

export type MatchProfile = { regionCode: string; skills: readonly Skill[]; availability: readonly Availability[] };
export type MatchCandidate = { regionCode: string; online: boolean; skills: readonly Skill[]; nextShiftAt: Date };

const DAY = 86_400_000;

/** When a shift falls in the volunteer's week, in Almaty time. */
function slotOf(instant: Date): Availability {
  const local = new Date(instant.getTime() + 5 * 3_600_000);
  const weekday = local.getUTCDay();
  if (weekday === 0 || weekday === 6) return 'weekend';
  return local.getUTCHours() >= 17 ? 'weekday-evening' : 'weekday-daytime';
}

/**
 * How well an opportunity fits a volunteer: each required skill they have (3), their region or
 * online (4), a shift at a time they said they are free (2), and sooner shifts first (up to 2,
 * fading over a month). Higher is better; the parts are documented so the order can be explained.
 */
export function matchScore(profile: MatchProfile, o: MatchCandidate, now: Date): number {
  const skills = o.skills.filter((s) => profile.skills.includes(s)).length * 3;
  const place = o.online || o.regionCode === profile.regionCode ? 4 : 0;
  const time = profile.availability.includes(slotOf(o.nextShiftAt)) ? 2 : 0;
  const soon = Math.max(0, 2 - (2 * (o.nextShiftAt.getTime() - now.getTime())) / (30 * DAY));
  return skills + place + time + soon;
}

/** Opportunities in order of fit, best first; ties go to the sooner shift. */
export function rankOpportunities<T extends MatchCandidate>(profile: MatchProfile, candidates: readonly T[], now: Date): T[] {
  return candidates
    .map((c) => ({ c, score: matchScore(profile, c, now) }))
    .sort((a, b) => b.score - a.score || a.c.nextShiftAt.getTime() - b.c.nextShiftAt.getTime())
    .map((x) => x.c);
}
