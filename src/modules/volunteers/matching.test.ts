import { describe, expect, it } from 'vitest';
import { matchScore, rankOpportunities } from './matching.ts';

const now = new Date('2026-11-22T06:00:00Z');
const at = (iso: string) => new Date(iso);
const profile = { regionCode: 'KZ-75', skills: ['first-aid', 'driving'] as const, availability: ['weekend'] as const };

describe('matching opportunities to a volunteer', () => {
  it('puts an opportunity needing the volunteer’s skills in their region first', () => {
    const far = { id: 'far', regionCode: 'KZ-15', online: false, skills: ['first-aid' as const], nextShiftAt: at('2026-11-28T05:00:00Z') };
    const near = { id: 'near', regionCode: 'KZ-75', online: false, skills: ['first-aid' as const, 'driving' as const], nextShiftAt: at('2026-11-28T05:00:00Z') };
    const plain = { id: 'plain', regionCode: 'KZ-75', online: false, skills: [], nextShiftAt: at('2026-11-28T05:00:00Z') };
    expect(rankOpportunities(profile, [far, plain, near], now).map((o) => o.id)).toEqual(['near', 'plain', 'far']);
  });
  it('counts an online opportunity as near wherever it is run from', () => {
    const online = { regionCode: 'KZ-39', online: true, skills: [], nextShiftAt: at('2026-11-28T05:00:00Z') };
    const away = { regionCode: 'KZ-39', online: false, skills: [], nextShiftAt: at('2026-11-28T05:00:00Z') };
    expect(matchScore(profile, online, now) - matchScore(profile, away, now)).toBe(4);
  });
  it('prefers a shift at a time the volunteer is free (Saturday in Almaty), then the sooner one', () => {
    const saturday = { id: 'sat', regionCode: 'KZ-75', online: false, skills: [], nextShiftAt: at('2026-12-05T04:00:00Z') };
    const tuesday = { id: 'tue', regionCode: 'KZ-75', online: false, skills: [], nextShiftAt: at('2026-11-24T04:00:00Z') };
    expect(rankOpportunities(profile, [tuesday, saturday], now).map((o) => o.id)).toEqual(['sat', 'tue']);
    const later = { ...saturday, id: 'later', nextShiftAt: at('2026-12-12T04:00:00Z') };
    expect(rankOpportunities(profile, [later, saturday], now).map((o) => o.id)).toEqual(['sat', 'later']);
  });
});
