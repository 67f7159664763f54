import { describe, expect, it } from 'vitest';
import { formatters } from './intl.ts';

const nbsp = (s: string) => s.replace(/[\u00a0\u202f]/g, ' ');

describe('formatting in Kazakhstan time and tenge', () => {
  it('shows an instant stored in UTC in Asia/Almaty (UTC+5 since March 2024)', () => {
    const deadline = new Date('2026-03-01T18:59:00Z');
    expect(formatters('kk').dateTime(deadline)).toBe('2026 ж. 1 наурыз, 23:59');
    expect(formatters('ru').dateTime(deadline)).toBe('1 марта 2026 г. в 23:59');
    expect(formatters('en').date(new Date('2026-03-01T19:00:00Z'))).toBe('March 2, 2026');
  });

  it('formats amounts kept in tiyn as tenge', () => {
    expect(nbsp(formatters('kk').money(42857100))).toBe('428 571 ₸');
    expect(nbsp(formatters('ru').money(55714350))).toBe('557 143,5 ₸');
    expect(nbsp(formatters('en').money(300000000))).toBe('₸3,000,000');
    expect(nbsp(formatters('kk').number(1173))).toBe('1 173');
  });
});
