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

/** Texts written in Kazakh and Russian: the reader's one, and Russian for English readers. */
export const localised = (kk: string, ru: string, lang: Lang) => (lang === 'kk' ? kk : ru);
/** The `lang` attribute of such a text when it is not in the page's language. */
export const textLang = (lang: Lang) => (lang === 'en' ? 'ru' : undefined);
