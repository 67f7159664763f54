import { sql } from 'drizzle-orm';
import type { Lang } from '../../core/i18n/langs.ts';
import { organisations } from '../organisations/index.ts';
import { volunteerOrganisations } from './schema.ts';

/**
 * A volunteer organisation's name in both languages, for a query that left-joins `organisations`:
 * the register's name for a registered organisation, the group's own for an informal one.
 */
export const hostNameColumns = {
  hostNameKk: sql<string>`coalesce(${organisations.nameKk}, ${volunteerOrganisations.groupNameKk})`,
  hostNameRu: sql<string>`coalesce(${organisations.nameRu}, ${volunteerOrganisations.groupNameRu})`,
  informal: sql<boolean>`${volunteerOrganisations.organisationId} is null`,
};

/** Texts kept in Kazakh and Russian: the page's language, and Russian for English readers. */
export const inLang = (lang: Lang, kk: string, ru: string) => (lang === 'kk' ? kk : ru);
/** The `lang` attribute of such a text on a page in `lang`. */
export const textLang = (lang: Lang) => (lang === 'kk' ? 'kk' : 'ru');
