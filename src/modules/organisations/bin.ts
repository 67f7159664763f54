/**
 * Kazakhstan's business identification number (БСН / БИН): 12 digits, the last a check digit
 * computed mod 11 with weights 1..11, and a second pass with 3..11,1,2 when the first gives 10.
 * If the second pass also gives 10 the number cannot be valid.
 */
const FIRST_WEIGHTS = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11];
const SECOND_WEIGHTS = [3, 4, 5, 6, 7, 8, 9, 10, 11, 1, 2];

export function binCheckDigit(first11: string): number | null {
  if (!/^\d{11}$/.test(first11)) return null;
  const digits = [...first11].map(Number);
  const sum = (weights: number[]) => digits.reduce((acc, d, i) => acc + d * weights[i]!, 0) % 11;
  const first = sum(FIRST_WEIGHTS);
  if (first !== 10) return first;
  const second = sum(SECOND_WEIGHTS);
  return second === 10 ? null : second;
}

export function isValidBin(value: string): boolean {
  if (!/^\d{12}$/.test(value)) return false;
  return binCheckDigit(value.slice(0, 11)) === Number(value[11]);
}

/** Removes spaces and dashes people type between digit groups. */
export function normaliseBin(value: string): string {
  return value.replace(/[\s-]/g, '');
}

/** Builds a valid BIN of a resident legal entity's head office, registered in `yymm`. */
export function makeBin(yymm: string, serial: number): string {
  for (let s = serial; ; s++) {
    const first11 = `${yymm}40${String(s % 100000).padStart(5, '0')}`;
    const check = binCheckDigit(first11);
    if (check !== null) return first11 + check;
  }
}
