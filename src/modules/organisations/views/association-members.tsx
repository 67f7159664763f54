import type { VNode } from 'preact';
import { usePage } from '../../../core/views/page-context.ts';
import type { AssociationMember, AssociationMembership, AssociationProfile } from '../association-queries.ts';
import { organisationName } from '../queries.ts';

const isoDate = (iso: string) => new Date(`${iso}T12:00:00+05:00`);

/** The address of a membership certificate in Kazakh or Russian. */
export function certificatePath(memberBin: string, associationBin: string, docLang: 'kk' | 'ru'): string {
  return `/organisations/${memberBin}/membership/${associationBin}/certificate.pdf?lang=${docLang}`;
}

function CertificateLinks({ memberBin, associationBin }: { memberBin: string; associationBin: string }) {
  const { t, href } = usePage();
  return (
    <span class="certificate-links">
      <a href={href(certificatePath(memberBin, associationBin, 'kk'))} hreflang="kk" type="application/pdf" hx-boost="false">
        {t('organisations.certificate.in-kk')}
      </a>
      {' · '}
      <a href={href(certificatePath(memberBin, associationBin, 'ru'))} hreflang="ru" type="application/pdf" hx-boost="false">
        {t('organisations.certificate.in-ru')}
      </a>
    </span>
  );
}

/** An association's member organisations, each with its certificate number and date. */
export function AssociationMembers({ associationBin, members }: { associationBin: string; members: AssociationMember[] }) {
  const { t, f, lang, href } = usePage();
  return (
    <section class="association-members" aria-labelledby="association-members-heading">
      <h2 id="association-members-heading">{t('organisations.association.members')}</h2>
      {members.length === 0 ? (
        <p>{t('organisations.association.members.none')}</p>
      ) : (
        <section class="table-scroll" aria-labelledby="association-members-caption" tabindex={0}>
          <table>
            <caption id="association-members-caption">{t('organisations.association.members.caption', { count: members.length })}</caption>
            <thead>
              <tr>
                <th scope="col">{t('organisations.association.member')}</th>
                <th scope="col">{t('organisations.certificate.number')}</th>
                <th scope="col">{t('organisations.certificate.date')}</th>
                <th scope="col">{t('organisations.certificate.pdf')}</th>
              </tr>
            </thead>
            <tbody>
              {members.map((m) => (
                <tr key={m.bin}>
                  <th scope="row">
                    <a href={href(`/organisations/${m.bin}`)} lang={lang === 'en' && !m.nameEn ? 'kk' : undefined}>
                      {organisationName(m, lang)}
                    </a>
                  </th>
                  <td class="nowrap">{m.certificateNumber}</td>
                  <td class="nowrap">{f.date(isoDate(m.certificateDate))}</td>
                  <td>
                    <CertificateLinks memberBin={m.bin} associationBin={associationBin} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      )}
    </section>
  );
}

/** "Member of «…» since … (certificate № …)", on a member's profile. */
export function MemberOf({ memberBin, memberships }: { memberBin: string; memberships: AssociationMembership[] }) {
  const { t, f, lang, href } = usePage();
  return (
    <section class="member-of" aria-labelledby="member-of-heading">
      <h2 id="member-of-heading">{t('organisations.association.member-of')}</h2>
      <ul>
        {memberships.map((m) => (
          <li key={m.bin}>
            <a href={href(`/organisations/${m.bin}`)} lang={lang === 'en' && !m.nameEn ? 'kk' : undefined}>
              {organisationName(m, lang)}
            </a>
            {' — '}
            {t('organisations.association.member-since', { date: f.date(isoDate(m.certificateDate)), number: m.certificateNumber })}
            {'. '}
            <CertificateLinks memberBin={memberBin} associationBin={m.bin} />
          </li>
        ))}
      </ul>
    </section>
  );
}

/** The profile sections about associations, if the organisation has any. */
export function associationSections(org: { bin: string }, profile: AssociationProfile): VNode[] {
  const out: VNode[] = [];
  if (profile.members) out.push(<AssociationMembers key="association-members" associationBin={org.bin} members={profile.members} />);
  if (profile.memberships.length) out.push(<MemberOf key="member-of" memberBin={org.bin} memberships={profile.memberships} />);
  return out;
}
