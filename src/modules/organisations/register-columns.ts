import type { organisations } from './schema.ts';

/**
 * The column layout of the register's import and export files (docs/import-organisations.md).
 * Each column is a field of `OrganisationFields`; its English header is the field's name, and a
 * file may instead use the Kazakh or Russian header. Exports always write the English headers.
 */
export const REGISTER_COLUMNS = [
  { field: 'bin', required: true, kk: ['БСН'], ru: ['БИН'] },
  { field: 'kind', required: false, kk: ['Түрі'], ru: ['Вид'] },
  { field: 'legalForm', required: true, kk: ['Ұйымдық-құқықтық нысаны', 'ҰҚН'], ru: ['Организационно-правовая форма', 'ОПФ'] },
  { field: 'nameKk', required: true, kk: ['Атауы (қазақша)'], ru: ['Наименование (на казахском)'] },
  { field: 'nameRu', required: true, kk: ['Атауы (орысша)'], ru: ['Наименование (на русском)'] },
  { field: 'nameEn', required: false, kk: ['Атауы (ағылшынша)'], ru: ['Наименование (на английском)'] },
  { field: 'shortNameKk', required: false, kk: ['Қысқаша атауы (қазақша)'], ru: ['Краткое наименование (на казахском)'] },
  { field: 'shortNameRu', required: false, kk: ['Қысқаша атауы (орысша)'], ru: ['Краткое наименование (на русском)'] },
  { field: 'shortNameEn', required: false, kk: ['Қысқаша атауы (ағылшынша)'], ru: ['Краткое наименование (на английском)'] },
  { field: 'regionCode', required: true, kk: ['Өңір'], ru: ['Регион'] },
  { field: 'districtKato', required: false, kk: ['Аудан', 'ӘАОЖ'], ru: ['Район', 'КАТО'] },
  { field: 'settlement', required: false, kk: ['Қала немесе ауыл'], ru: ['Город или село'] },
  { field: 'status', required: false, kk: ['Мәртебесі'], ru: ['Статус'] },
  { field: 'areas', required: false, kk: ['Қызмет салалары'], ru: ['Сферы деятельности'] },
  { field: 'registeredOn', required: false, kk: ['Тіркелген күні'], ru: ['Дата регистрации'] },
  { field: 'headName', required: false, kk: ['Басшысы'], ru: ['Руководитель'] },
  { field: 'email', required: false, kk: ['Электрондық пошта'], ru: ['Электронная почта'] },
  { field: 'phone', required: false, kk: ['Телефон'], ru: ['Телефон'] },
  { field: 'address', required: false, kk: ['Мекенжайы'], ru: ['Адрес'] },
  { field: 'website', required: false, kk: ['Сайты'], ru: ['Сайт'] },
  { field: 'descriptionKk', required: false, kk: ['Сипаттамасы (қазақша)'], ru: ['Описание (на казахском)'] },
  { field: 'descriptionRu', required: false, kk: ['Сипаттамасы (орысша)'], ru: ['Описание (на русском)'] },
  { field: 'staffCount', required: false, kk: ['Қызметкерлер саны'], ru: ['Число сотрудников'] },
  { field: 'volunteerCount', required: false, kk: ['Еріктілер саны'], ru: ['Число волонтёров'] },
] as const satisfies readonly { field: keyof typeof organisations.$inferSelect; required: boolean; kk: readonly string[]; ru: readonly string[] }[];

export type RegisterField = (typeof REGISTER_COLUMNS)[number]['field'];
export const REGISTER_FIELDS: readonly RegisterField[] = REGISTER_COLUMNS.map((c) => c.field);
export const REQUIRED_FIELDS: readonly RegisterField[] = REGISTER_COLUMNS.filter((c) => c.required).map((c) => c.field);

/** Compares headers the way people mean them: case, spacing, ё/е and a trailing required-mark `*` do not matter. */
export function normaliseHeader(header: string): string {
  return header
    .normalize('NFC')
    .replace(/^\uFEFF/, '')
    .replace(/\*+\s*$/, '')
    .replace(/\s+/g, ' ')
    .trim()
    .toLowerCase()
    .replace(/ё/g, 'е');
}

const BY_HEADER = new Map<string, RegisterField>(
  REGISTER_COLUMNS.flatMap((c) => [c.field, ...c.kk, ...c.ru].map((h) => [normaliseHeader(h), c.field] as const)),
);

/** The field a header names, in English, Kazakh or Russian; undefined for a column Ortaq does not know. */
export function fieldOfHeader(header: string): RegisterField | undefined {
  return BY_HEADER.get(normaliseHeader(header));
}

type Organisation = typeof organisations.$inferSelect;

/** A record's values in the file layout, as text: areas joined with `;`, empty for nothing. */
export function registerCells(org: Organisation): string[] {
  return REGISTER_FIELDS.map((field) => {
    const value = org[field];
    if (value === null || value === undefined) return '';
    if (Array.isArray(value)) return value.join(';');
    return String(value);
  });
}

/**
 * Text a spreadsheet would run as a formula (`=`, `+`, `-`, `@`, or a leading tab or carriage
 * return) gets a leading apostrophe in CSV, so Excel shows it as text. The importer removes that
 * apostrophe again, so an export imports back unchanged.
 */
export function neutraliseFormula(cell: string): string {
  return /^[=+\-@\t\r]/.test(cell) ? `'${cell}` : cell;
}

export function restoreNeutralised(cell: string): string {
  return /^'[=+\-@\t\r]/.test(cell) ? cell.slice(1) : cell;
}
