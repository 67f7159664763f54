import { usePage } from '../../../core/views/page-context.ts';
import { localised, textLang } from '../names.ts';

/** An opportunity's title (kept in kk and ru), linked to its public page, marked with its language. */
export function OpportunityLink({ id, titleKk, titleRu }: { id: string; titleKk: string; titleRu: string }) {
  const { lang, href } = usePage();
  return (
    <a href={href(`/volunteering/opportunities/${id}`)} lang={textLang(lang)}>
      {localised(titleKk, titleRu, lang)}
    </a>
  );
}

/** A volunteer organisation's name, with the informal-group mark where it is one. */
export function HostName({ hostNameKk, hostNameRu, informal }: { hostNameKk: string; hostNameRu: string; informal: boolean }) {
  const { lang, t } = usePage();
  return (
    <>
      <span lang={lang === 'en' ? 'ru' : undefined}>{localised(hostNameKk, hostNameRu, lang)}</span>
      {informal ? <span class="tag"> {t('volunteers.informal-group')}</span> : null}
    </>
  );
}

/** Minutes as hours, e.g. 150 → "2.5". */
export const hoursOf = (minutes: number | null) => (minutes === null ? '—' : String(Math.round(minutes / 6) / 10));
