import { IntlMessageFormat } from 'intl-messageformat';
import { LANGS, LOCALE_TAGS, type Lang } from './langs.ts';

/** A module's texts: English defines the keys, Kazakh and Russian must have exactly the same. */
export type Catalogue<K extends string = string> = Record<Lang, Record<K, string>>;

export function defineMessages<const E extends Record<string, string>>(catalogue: {
  en: E;
  kk: Record<keyof E, string>;
  ru: Record<keyof E, string>;
}): Catalogue<Extract<keyof E, string>> {
  return catalogue as Catalogue<Extract<keyof E, string>>;
}

/** One catalogue from several; a key in two of them is a programming error. */
export function mergeCatalogues(...catalogues: Catalogue[]): Catalogue {
  const merged: Catalogue = { kk: {}, ru: {}, en: {} };
  for (const c of catalogues) {
    for (const lang of LANGS) {
      for (const [key, text] of Object.entries(c[lang])) {
        if (key in merged[lang]) throw new Error(`Message key defined twice: ${key}`);
        merged[lang][key] = text;
      }
    }
  }
  return merged;
}

export type MessageParams = Record<string, string | number | Date>;
export type Translate = (key: string, params?: MessageParams) => string;

export class MissingMessageError extends Error {}

/** All catalogues of all modules, merged; a key defined twice is a programming error. */
export class MessageRegistry {
  private readonly texts = new Map<string, Record<Lang, string>>();
  private readonly compiled = new Map<string, IntlMessageFormat>();

  add(catalogue: Catalogue): void {
    for (const key of Object.keys(catalogue.en)) {
      if (this.texts.has(key)) throw new Error(`Message key defined twice: ${key}`);
      this.texts.set(key, { kk: catalogue.kk[key]!, ru: catalogue.ru[key]!, en: catalogue.en[key]! });
    }
  }

  has(key: string): boolean {
    return this.texts.has(key);
  }

  keys(): string[] {
    return [...this.texts.keys()];
  }

  raw(key: string, lang: Lang): string | undefined {
    return this.texts.get(key)?.[lang];
  }

  format(lang: Lang, key: string, params?: MessageParams): string {
    const text = this.texts.get(key)?.[lang];
    if (text === undefined) throw new MissingMessageError(`No message "${key}" in ${lang}`);
    if (!params && !text.includes('{')) return text;
    const cacheKey = `${lang}\u0000${key}`;
    let format = this.compiled.get(cacheKey);
    if (!format) {
      format = new IntlMessageFormat(text, LOCALE_TAGS[lang], undefined, {
        formatters: undefined,
        ignoreTag: true,
      });
      this.compiled.set(cacheKey, format);
    }
    return String(format.format(params ?? {}));
  }

  translator(lang: Lang): Translate {
    return (key, params) => this.format(lang, key, params);
  }

  /** Keys missing or empty in some language: the i18n test fails on any. */
  gaps(): { key: string; lang: Lang }[] {
    const out: { key: string; lang: Lang }[] = [];
    for (const [key, texts] of this.texts) {
      for (const lang of LANGS) if (!texts[lang]?.trim()) out.push({ key, lang });
    }
    return out;
  }
}
