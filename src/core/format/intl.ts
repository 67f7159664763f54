import { LOCALE_TAGS, type Lang } from '../i18n/langs.ts';

export const TIME_ZONE = 'Asia/Almaty';

/** Compares names in Kazakh alphabetical order (Cyrillic with the Kazakh letters in place); made once, as collators are costly to build. */
export const kazakhOrder = new Intl.Collator('kk').compare;

/** Formatting of dates, numbers and money in the reader's language, always in Kazakhstan time. */
export type Formatters = {
  date(value: Date): string;
  dateTime(value: Date): string;
  number(value: number): string;
  /** Amounts are integers in tiyn (1 tenge = 100 tiyn). */
  money(tiyn: number | bigint): string;
  /** A calendar date kept as `YYYY-MM-DD`, the same day wherever it is read. */
  day(iso: string): string;
  /** A short date in Kazakhstan time: «12 сәу. 2026 ж.». */
  shortDate(value: Date): string;
  /** Hours and minutes in Kazakhstan time, on a 24-hour clock. */
  clock(value: Date): string;
  /** A share of 1 as a whole percent. */
  percent(share: number): string;
  /** A number to one decimal place at most. */
  decimal(value: number): string;
  /** A large number shortly: «2,1 млрд». */
  compact(value: number): string;
};

const cache = new Map<Lang, Formatters>();

export function formatters(lang: Lang): Formatters {
  let f = cache.get(lang);
  if (f) return f;
  const tag = LOCALE_TAGS[lang];
  const date = new Intl.DateTimeFormat(tag, { dateStyle: 'long', timeZone: TIME_ZONE });
  const dateTime = new Intl.DateTimeFormat(tag, { dateStyle: 'long', timeStyle: 'short', timeZone: TIME_ZONE });
  const number = new Intl.NumberFormat(tag);
  const money = new Intl.NumberFormat(tag, { style: 'currency', currency: 'KZT', currencyDisplay: 'narrowSymbol', maximumFractionDigits: 2, minimumFractionDigits: 0 });
  const day = new Intl.DateTimeFormat(tag, { dateStyle: 'long', timeZone: 'UTC' });
  const shortDate = new Intl.DateTimeFormat(tag, { dateStyle: 'medium', timeZone: TIME_ZONE });
  const clock = new Intl.DateTimeFormat(tag, { hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZone: TIME_ZONE });
  const percent = new Intl.NumberFormat(tag, { style: 'percent', maximumFractionDigits: 0 });
  const decimal = new Intl.NumberFormat(tag, { maximumFractionDigits: 1 });
  const compact = new Intl.NumberFormat(tag, { notation: 'compact', maximumFractionDigits: 1 });
  // Building an Intl formatter costs far more than formatting with it: they are made once per language.
  f = {
    date: (v) => date.format(v),
    dateTime: (v) => dateTime.format(v),
    number: (v) => number.format(v),
    money: (tiyn) => money.format(Number(tiyn) / 100),
    day: (iso) => day.format(new Date(`${iso}T00:00:00Z`)),
    shortDate: (v) => shortDate.format(v),
    clock: (v) => clock.format(v),
    percent: (share) => percent.format(share),
    decimal: (v) => decimal.format(v),
    compact: (v) => compact.format(v),
  };
  cache.set(lang, f);
  return f;
}
