export const LANGS = ['kk', 'ru', 'en'] as const;
export type Lang = (typeof LANGS)[number];
export const DEFAULT_LANG: Lang = 'kk';

export function isLang(value: unknown): value is Lang {
  return typeof value === 'string' && (LANGS as readonly string[]).includes(value);
}

/** BCP 47 tags for Intl: Kazakhstan's conventions for every language. */
export const LOCALE_TAGS: Record<Lang, string> = { kk: 'kk-KZ', ru: 'ru-KZ', en: 'en-KZ' };
