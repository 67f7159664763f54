import { regionName } from '../../../core/geo/regions.ts';
import { usePage } from '../../../core/views/page-context.ts';
import { type OrganisationRow, organisationName } from '../queries.ts';

export function OrganisationListPage({ rows, total }: { rows: OrganisationRow[]; total: number }) {
  const { t, lang } = usePage();
  return (
    <section>
      <h1>{t('organisations.list.title')}</h1>
      <p>{t('organisations.list.intro')}</p>
      <p class="count">{t('organisations.list.count', { count: total })}</p>
      <div class="table-scroll">
        <table>
          <caption class="visually-hidden">{t('organisations.list.title')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('organisations.field.name')}</th>
              <th scope="col">{t('organisations.field.bin')}</th>
              <th scope="col">{t('organisations.field.legal-form')}</th>
              <th scope="col">{t('organisations.field.region')}</th>
              <th scope="col">{t('organisations.field.status')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((org) => (
              <tr key={org.id}>
                <td lang={lang === 'en' && !org.nameEn ? 'kk' : undefined}>{organisationName(org, lang)}</td>
                <td class="nowrap">{org.bin}</td>
                <td>{t(`organisations.legal-form.${org.legalForm}`)}</td>
                <td>{regionName(org.regionCode, lang)}</td>
                <td>{t(`organisations.status.${org.status}`)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
