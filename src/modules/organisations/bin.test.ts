import { describe, expect, it } from 'vitest';
import { binCheckDigit, isValidBin, makeBin, normaliseBin } from './bin.ts';

describe('BIN', () => {
  it('accepts real BINs whose check digit is right', () => {
    expect(isValidBin('940140000385')).toBe(true);
    expect(isValidBin('990140004654')).toBe(true);
  });

  it('refuses a wrong check digit, wrong length and non-digits', () => {
    expect(isValidBin('940140000386')).toBe(false);
    expect(isValidBin('94014000038')).toBe(false);
    expect(isValidBin('9401400003850')).toBe(false);
    expect(isValidBin('94014000038a')).toBe(false);
  });

  it('uses the second weights when the first pass gives 10, and rejects numbers where both give 10', () => {
    const needsSecondPass = Array.from({ length: 2000 }, (_, i) => `0101400${String(i).padStart(4, '0')}`).find((first11) => {
      const digits = [...first11].map(Number);
      return digits.reduce((acc, d, i) => acc + d * (i + 1), 0) % 11 === 10;
    })!;
    const check = binCheckDigit(needsSecondPass);
    if (check === null) expect(isValidBin(`${needsSecondPass}0`)).toBe(false);
    else expect(isValidBin(`${needsSecondPass}${check}`)).toBe(true);
  });

  it('makes valid BINs for demo data and strips spaces people type', () => {
    for (let serial = 0; serial < 500; serial++) expect(isValidBin(makeBin('1905', serial))).toBe(true);
    expect(normaliseBin(' 9401 4000-0385 ')).toBe('940140000385');
  });
});
