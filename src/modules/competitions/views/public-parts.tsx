import { findRegion, regionName } from '../../../core/geo/regions.ts';
import type { Lang } from '../../../core/i18n/langs.ts';
import type { Translate } from '../../../core/i18n/messages.ts';
import { usePage } from '../../../core/views/page-context.ts';
import { organisationName } from '../../organisations/index.ts';
import type { LotLink, OrganisationRef } from '../queries.ts';

/** The language a localised competition text is written in, when it is not the page's. */
export function textLang(row: { titleEn?: string | null }, lang: 'kk' | 'ru' | 'en'): string | undefined {
  return lang === 'en' && !row.titleEn ? 'ru' : undefined;
}

/** A link to an organisation's profile, in its name in the reader's language. */
export function OrganisationLink({ org }: { org: OrganisationRef }) {
  const { lang, href } = usePage();
  return (
    <a href={href(`/organisations/${org.bin}`)} lang={lang === 'en' && !org.nameEn ? 'kk' : undefined}>
      {organisationName(org, lang)}
    </a>
  );
}

/** A link to a lot of some competition: the lot's row on that competition's page. */
export function LotLinkTo({ link, label }: { link: LotLink; label: string }) {
  const { t, href } = usePage();
  return (
    <a href={href(`/competitions/${link.competitionId}#lot-${link.lotNumber}`)}>
      {t(label, { lot: String(link.lotNumber), competition: link.competitionNumber })}
    </a>
  );
}

/** The name of a competition's or a lot's region; a national one (no region, or the country code `KZ`) is said so. */
export function placeName(code: string | null, lang: Lang, t: Translate): string {
  return code && findRegion(code) ? regionName(code, lang) : t('competitions.public.national');
}
