import { usePage } from '../../../core/views/page-context.ts';
import type { PublicVolunteer } from '../public-queries.ts';
import { hours, placeName } from './public-parts.tsx';

/** A volunteer's public profile, shown only because they opted in: no birth date, no contacts. */
export function VolunteerProfilePage({ volunteer }: { volunteer: PublicVolunteer }) {
  const { t, lang } = usePage();
  const list = (keys: string[], prefix: string) => (keys.length ? keys.map((k) => t(`${prefix}${k}`)).join(', ') : '—');
  return (
    <article class="volunteering volunteer-profile">
      <h1>{volunteer.name}</h1>
      <p class="kicker">{t('volunteers.public.volunteer.kicker')}</p>
      <dl class="facts">
        <dt>{t('volunteers.public.field.region')}</dt>
        <dd>{placeName(volunteer.regionCode, lang, t)}</dd>
        <dt>{t('volunteers.public.field.city')}</dt>
        <dd>{volunteer.city}</dd>
        <dt>{t('volunteers.public.field.skills')}</dt>
        <dd>{list(volunteer.skills, 'volunteers.skill.')}</dd>
        <dt>{t('volunteers.public.field.languages')}</dt>
        <dd>{list(volunteer.languages, 'volunteers.language.')}</dd>
        <dt>{t('volunteers.public.volunteer.hours')}</dt>
        <dd>{t('volunteers.public.hours', { hours: hours(volunteer.confirmedMinutes, lang) })}</dd>
      </dl>
      {volunteer.about ? <p class="prose">{volunteer.about}</p> : null}
    </article>
  );
}
