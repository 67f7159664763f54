import { LOCALE_TAGS, type Lang } from '../i18n/langs.ts';

export const TIME_ZONE = 'Asia/Almaty';

/** Formatting of dates, numbers and money in the reader's language, always in Kazakhstan time. */
export type Formatters = {
  date(value: Date): string;
  dateTime(value: Date): string;
  number(value: number): string;
  /** Amounts are integers in tiyn (1 tenge = 100 tiyn). */
  money(tiyn: number | bigint): string;
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
  f = {
    date: (v) => date.format(v),
    dateTime: (v) => dateTime.format(v),
    number: (v) => number.format(v),
    money: (tiyn) => money.format(Number(tiyn) / 100),
  };
  cache.set(lang, f);
  return f;
}
