import { DEFAULT_LANG, isLang, LANGS, type Lang } from '../i18n/langs.ts';

/** Picks the best of our languages from an Accept-Language header, Kazakh when nothing matches. */
export function langFromAcceptLanguage(header: string | undefined): Lang {
  if (!header) return DEFAULT_LANG;
  const ranked = header
    .split(',')
    .map((part, index) => {
      const [tag = '', ...params] = part.trim().split(';');
      const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
      return { base: tag.toLowerCase().split('-')[0] ?? '', q: q ? Number(q.slice(2)) || 0 : 1, index };
    })
    .filter((x) => x.q > 0)
    .sort((a, b) => b.q - a.q || a.index - b.index);
  for (const { base } of ranked) if (isLang(base)) return base;
  return DEFAULT_LANG;
}

/** Splits `/ru/login?x=1` into its language and the rest of the path; no language prefix → null. */
export function splitLangPath(url: string): { lang: Lang | null; rest: string } {
  const match = /^\/([a-z]{2})(?=\/|\?|$)(.*)$/.exec(url);
  if (match && isLang(match[1])) return { lang: match[1], rest: match[2] || '/' };
  return { lang: null, rest: url };
}

export const localePath = (lang: Lang, rest: string) => `/${lang}${rest.startsWith('/') ? rest : `/${rest}`}`;

export { LANGS };
