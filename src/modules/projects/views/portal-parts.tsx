import { formatters } from '../../../core/format/intl.ts';
import { findRegion, regionName } from '../../../core/geo/regions.ts';
import type { Lang } from '../../../core/i18n/langs.ts';
import type { Translate } from '../../../core/i18n/messages.ts';
import { usePage } from '../../../core/views/page-context.ts';
import { AREAS, organisationName } from '../../organisations/index.ts';
import type { OrganisationRef } from '../portal-queries.ts';
import type { ProjectStatus } from '../schema.ts';

/** A project's title in the reader's language: Kazakh or Russian (English readers get the Russian one). */
export const projectTitle = (p: { titleKk: string; titleRu: string }, lang: Lang) => (lang === 'kk' ? p.titleKk : p.titleRu);
/** The language a project's title is written in, when it is not the page's. */
export const titleLang = (lang: Lang) => (lang === 'en' ? 'ru' : undefined);

/** A region's or city's name; a national project (`KZ`) is said so. */
export function placeName(code: string, lang: Lang, t: Translate): string {
  return findRegion(code) ? regionName(code, lang) : t('projects.portal.national');
}

export function areaName(code: string, t: Translate): string {
  return (AREAS as readonly string[]).includes(code) ? t(`organisations.area.${code}`) : code;
}

/** A calendar date (`YYYY-MM-DD`) as the reader writes it. */
export function formatDay(day: string, lang: Lang): string {
  return formatters(lang).day(day);
}

export function formatPercent(share: number, lang: Lang): string {
  return formatters(lang).percent(share);
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

export function StatusBadge({ status }: { status: ProjectStatus }) {
  const { t } = usePage();
  return <span class={`project-status project-status--${status}`}>{t(`projects.status.${status}`)}</span>;
}

/** The share of planned indicators reached, as a figure and a bar (the bar is decoration: the figure says it). */
export function Progress({ share }: { share: number | null }) {
  const { t, lang } = usePage();
  if (share === null) return <span class="note">{t('projects.portal.progress.none')}</span>;
  const width = Math.round(Math.min(Math.max(share, 0), 1) * 100);
  return (
    <span class="project-progress">
      <svg class="project-progress__bar" viewBox="0 0 100 8" width="100" height="8" aria-hidden="true" focusable="false">
        <rect class="project-progress__track" x="0" y="0" width="100" height="8" />
        <rect class="project-progress__done" x="0" y="0" width={String(width)} height="8" />
      </svg>{' '}
      {t('projects.portal.progress.value', { percent: formatPercent(share, lang) })}
    </span>
  );
}
