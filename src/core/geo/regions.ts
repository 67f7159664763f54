import type { Lang } from '../i18n/langs.ts';

export type Region = {
  /** ISO 3166-2:KZ code, the region's identity everywhere in Ortaq. */
  code: string;
  kind: 'region' | 'city';
  name: Record<Lang, string>;
};

/** The 17 regions and 3 cities of republican significance, with the borders of 8 June 2022. */
export const REGIONS: readonly Region[] = [
  { code: 'KZ-10', kind: 'region', name: { kk: 'Абай облысы', ru: 'Абайская область', en: 'Abai Region' } },
  { code: 'KZ-11', kind: 'region', name: { kk: 'Ақмола облысы', ru: 'Акмолинская область', en: 'Akmola Region' } },
  { code: 'KZ-15', kind: 'region', name: { kk: 'Ақтөбе облысы', ru: 'Актюбинская область', en: 'Aktobe Region' } },
  { code: 'KZ-19', kind: 'region', name: { kk: 'Алматы облысы', ru: 'Алматинская область', en: 'Almaty Region' } },
  { code: 'KZ-23', kind: 'region', name: { kk: 'Атырау облысы', ru: 'Атырауская область', en: 'Atyrau Region' } },
  {
    code: 'KZ-27',
    kind: 'region',
    name: { kk: 'Батыс Қазақстан облысы', ru: 'Западно-Казахстанская область', en: 'West Kazakhstan Region' },
  },
  { code: 'KZ-31', kind: 'region', name: { kk: 'Жамбыл облысы', ru: 'Жамбылская область', en: 'Zhambyl Region' } },
  { code: 'KZ-33', kind: 'region', name: { kk: 'Жетісу облысы', ru: 'Жетысуская область', en: 'Zhetisu Region' } },
  { code: 'KZ-35', kind: 'region', name: { kk: 'Қарағанды облысы', ru: 'Карагандинская область', en: 'Karaganda Region' } },
  { code: 'KZ-39', kind: 'region', name: { kk: 'Қостанай облысы', ru: 'Костанайская область', en: 'Kostanay Region' } },
  { code: 'KZ-43', kind: 'region', name: { kk: 'Қызылорда облысы', ru: 'Кызылординская область', en: 'Kyzylorda Region' } },
  { code: 'KZ-47', kind: 'region', name: { kk: 'Маңғыстау облысы', ru: 'Мангистауская область', en: 'Mangystau Region' } },
  { code: 'KZ-55', kind: 'region', name: { kk: 'Павлодар облысы', ru: 'Павлодарская область', en: 'Pavlodar Region' } },
  {
    code: 'KZ-59',
    kind: 'region',
    name: { kk: 'Солтүстік Қазақстан облысы', ru: 'Северо-Казахстанская область', en: 'North Kazakhstan Region' },
  },
  { code: 'KZ-61', kind: 'region', name: { kk: 'Түркістан облысы', ru: 'Туркестанская область', en: 'Turkistan Region' } },
  { code: 'KZ-62', kind: 'region', name: { kk: 'Ұлытау облысы', ru: 'Улытауская область', en: 'Ulytau Region' } },
  {
    code: 'KZ-63',
    kind: 'region',
    name: { kk: 'Шығыс Қазақстан облысы', ru: 'Восточно-Казахстанская область', en: 'East Kazakhstan Region' },
  },
  { code: 'KZ-71', kind: 'city', name: { kk: 'Астана', ru: 'Астана', en: 'Astana' } },
  { code: 'KZ-75', kind: 'city', name: { kk: 'Алматы', ru: 'Алматы', en: 'Almaty' } },
  { code: 'KZ-79', kind: 'city', name: { kk: 'Шымкент', ru: 'Шымкент', en: 'Shymkent' } },
];

const byCode = new Map(REGIONS.map((r) => [r.code, r]));

export const REGION_CODES = REGIONS.map((r) => r.code) as [string, ...string[]];

export function findRegion(code: string): Region | undefined {
  return byCode.get(code);
}

export function regionName(code: string, lang: Lang): string {
  return byCode.get(code)?.name[lang] ?? code;
}
