import type { VNode } from 'preact';
import { DISTRICTS } from '../../../core/geo/districts.ts';
import { regionName } from '../../../core/geo/regions.ts';
import { usePage } from '../../../core/views/page-context.ts';
import type { HistoryEntry } from '../history.ts';
import { type OrganisationRow, organisationName } from '../queries.ts';

/** Which label names a changed column in the public history. */
const FIELD_LABELS: Record<string, string> = {
  nameKk: 'organisations.field.name',
  nameRu: 'organisations.field.name',
  nameEn: 'organisations.field.name',
  shortNameKk: 'organisations.field.name',
  shortNameRu: 'organisations.field.name',
  shortNameEn: 'organisations.field.name',
  legalForm: 'organisations.field.legal-form',
  regionCode: 'organisations.field.region',
  districtKato: 'organisations.field.district',
  settlement: 'organisations.field.settlement',
  status: 'organisations.field.status',
  areas: 'organisations.field.area',
  registeredOn: 'organisations.field.registered-on',
  headName: 'organisations.field.head',
  email: 'organisations.field.contacts',
  phone: 'organisations.field.contacts',
  address: 'organisations.field.contacts',
  website: 'organisations.field.website',
  descriptionKk: 'organisations.field.description',
  descriptionRu: 'organisations.field.description',
  staffCount: 'organisations.field.staff',
  volunteerCount: 'organisations.field.volunteers',
};

export type ProfileData = {
  org: OrganisationRow;
  reports: { year: number; submittedOn: string }[];
  history: HistoryEntry[];
  sections: VNode[];
};

export function ProfilePage({ org, reports, history, sections }: ProfileData) {
  const { t, f, lang } = usePage();
  const district = org.districtKato ? DISTRICTS.find((d) => d.kato === org.districtKato)?.name[lang] : undefined;
  const otherName = lang === 'ru' ? org.nameKk : org.nameRu;
  const description = lang === 'ru' ? (org.descriptionRu ?? org.descriptionKk) : (org.descriptionKk ?? org.descriptionRu);
  const descriptionLang = lang === 'ru' ? (org.descriptionRu ? 'ru' : 'kk') : org.descriptionKk ? 'kk' : 'ru';
  const date = (iso: string) => f.date(new Date(`${iso}T12:00:00+05:00`));
  return (
    <article class="profile">
      <h1 lang={lang === 'en' && !org.nameEn ? 'kk' : undefined}>{organisationName(org, lang)}</h1>
      <p class="other-name" lang={lang === 'ru' ? 'kk' : 'ru'}>
        {otherName}
      </p>
      <ProfileActions org={org} />
      <dl class="facts">
        <dt>{t('organisations.field.bin')}</dt>
        <dd>{org.bin}</dd>
        <dt>{t('organisations.field.legal-form')}</dt>
        <dd>{t(`organisations.legal-form.${org.legalForm}`)}</dd>
        <dt>{t('organisations.field.status')}</dt>
        <dd>{t(`organisations.status.${org.status}`)}</dd>
        <dt>{t('organisations.field.region')}</dt>
        <dd>
          {regionName(org.regionCode, lang)}
          {district ? `, ${district}` : ''} ({t(`organisations.settlement.${org.settlement}`)})
        </dd>
        {org.registeredOn ? (
          <>
            <dt>{t('organisations.field.registered-on')}</dt>
            <dd>{date(org.registeredOn)}</dd>
          </>
        ) : null}
        {org.areas.length ? (
          <>
            <dt>{t('organisations.field.area')}</dt>
            <dd>{org.areas.map((a) => t(`organisations.area.${a}`)).join('; ')}</dd>
          </>
        ) : null}
        {org.headName ? (
          <>
            <dt>{t('organisations.field.head')}</dt>
            <dd>{org.headName}</dd>
          </>
        ) : null}
        {org.email || org.phone || org.address ? (
          <>
            <dt>{t('organisations.field.contacts')}</dt>
            <dd>{[org.address, org.phone, org.email].filter(Boolean).join(' · ')}</dd>
          </>
        ) : null}
        {org.website ? (
          <>
            <dt>{t('organisations.field.website')}</dt>
            <dd>
              <a href={org.website} rel="nofollow noopener external">
                {org.website.replace(/^https?:\/\//, '')}
              </a>
            </dd>
          </>
        ) : null}
        {org.staffCount !== null ? (
          <>
            <dt>{t('organisations.field.staff')}</dt>
            <dd>{f.number(org.staffCount)}</dd>
          </>
        ) : null}
        {org.volunteerCount !== null ? (
          <>
            <dt>{t('organisations.field.volunteers')}</dt>
            <dd>{f.number(org.volunteerCount)}</dd>
          </>
        ) : null}
      </dl>
      {description ? (
        <section>
          <h2>{t('organisations.field.description')}</h2>
          <p lang={descriptionLang === lang ? undefined : descriptionLang}>{description}</p>
        </section>
      ) : null}
      {org.kind === 'ngo' ? (
        <section>
          <h2>{t('organisations.field.ngo-database')}</h2>
          {reports.length ? (
            <ul>
              {reports.map((r) => (
                <li key={r.year}>{t('organisations.ngo-database.submitted', { year: String(r.year), date: date(r.submittedOn) })}</li>
              ))}
            </ul>
          ) : (
            <p>{t('organisations.ngo-database.none')}</p>
          )}
        </section>
      ) : null}
      {sections}
      <section>
        <h2>{t('organisations.profile.history')}</h2>
        {history.length ? (
          <ol class="history">
            {history.map((h) => (
              <li key={h.at.toISOString()}>
                {t('organisations.profile.history.entry', { date: f.dateTime(h.at), action: t(`organisations.history.${h.action}`) })}
                {h.fields.length ? (
                  <>
                    {' — '}
                    {t('organisations.history.fields', { fields: [...new Set(h.fields.map((k) => t(FIELD_LABELS[k] ?? 'organisations.area.other')))].join(', ') })}
                  </>
                ) : null}
              </li>
            ))}
          </ol>
        ) : (
          <p>{t('organisations.profile.history.none')}</p>
        )}
      </section>
    </article>
  );
}

/** What the reader may do with this organisation: edit it, manage its members, or ask to join. */
function ProfileActions({ org }: { org: OrganisationRow }) {
  const { t, href, can, actor } = usePage();
  const member = actor.memberships.some((m) => m.organisationId === org.id);
  const links = [
    can('organisation.edit', org) ? { path: `/organisations/${org.bin}/edit`, label: 'organisations.edit.action' } : null,
    can('organisation.members.manage', org) ? { path: `/organisations/${org.bin}/members`, label: 'organisations.members.action' } : null,
    actor.userId && !member && org.kind === 'ngo' ? { path: `/organisations/claim?bin=${org.bin}`, label: 'organisations.claim.action' } : null,
  ].filter((l) => l !== null);
  if (links.length === 0) return null;
  return (
    <p class="actions">
      {links.map((l) => (
        <a key={l.path} class="button button--secondary" href={href(l.path)}>
          {t(l.label)}
        </a>
      ))}
    </p>
  );
}
