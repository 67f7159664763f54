import { describe, expect, it } from 'vitest';
import { ageOn, ageRefusal } from './eligibility.ts';

describe('age on a day', () => {
  it('counts a birthday only once it has come', () => {
    expect(ageOn('2012-06-15', '2026-06-14')).toBe(13);
    expect(ageOn('2012-06-15', '2026-06-15')).toBe(14);
    expect(ageOn('2008-02-29', '2026-02-28')).toBe(17);
    expect(ageOn('2008-02-29', '2026-03-01')).toBe(18);
  });
});

describe('the age rules of the Law on Volunteer Activity', () => {
  const open = { minAge: 10, risk: 'none' as const };
  it('lets an adult take any opportunity, risky ones included', () => {
    for (const risk of ['none', 'emergency', 'hazardous', 'criminal-record'] as const)
      expect(ageRefusal({ birthDate: '2000-01-01', consentOnRecord: false }, { minAge: 18, risk }, '2026-11-22')).toBeNull();
  });
  it('refuses anyone under 18 an emergency, hazardous or criminal-record opportunity, consent or not', () => {
    const teen = { birthDate: '2010-01-01', consentOnRecord: true };
    expect(ageRefusal(teen, { minAge: 14, risk: 'emergency' }, '2026-11-22')?.key).toBe('volunteers.error.age-risk');
    expect(ageRefusal(teen, { minAge: 14, risk: 'hazardous' }, '2026-11-22')?.params).toEqual({ risk: 'volunteers.risk.hazardous' });
  });
  it('refuses a volunteer younger than the opportunity’s minimum age, saying both ages', () => {
    expect(ageRefusal({ birthDate: '2012-01-01', consentOnRecord: true }, { minAge: 16, risk: 'none' }, '2026-11-22')).toEqual({
      key: 'volunteers.error.age-minimum',
      params: { minAge: 16, age: 14 },
    });
  });
  it('lets a 12-year-old take part only with a parent’s written consent on record', () => {
    expect(ageRefusal({ birthDate: '2014-05-01', consentOnRecord: false }, open, '2026-11-22')?.key).toBe('volunteers.error.age-consent');
    expect(ageRefusal({ birthDate: '2014-05-01', consentOnRecord: true }, open, '2026-11-22')).toBeNull();
  });
  it('judges the age on the day of the shift, not today', () => {
    expect(ageRefusal({ birthDate: '2012-12-01', consentOnRecord: false }, open, '2026-11-30')?.key).toBe('volunteers.error.age-consent');
    expect(ageRefusal({ birthDate: '2012-12-01', consentOnRecord: false }, open, '2026-12-01')).toBeNull();
  });
});
