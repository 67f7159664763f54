import { usePage } from '../../../core/views/page-context.ts';
import type { OrganisationProject } from '../portal-queries.ts';
import { formatDay, projectTitle, StatusBadge, titleLang } from './portal-parts.tsx';

/** An organisation's funded projects, for its profile. */
export function OrganisationProjects({ rows, total, bin }: { rows: OrganisationProject[]; total: number; bin: string }) {
  const { t, f, lang, href } = usePage();
  return (
    <section class="organisation-projects" aria-labelledby="organisation-projects-heading">
      <h2 id="organisation-projects-heading">{t('projects.portal.profile.title')}</h2>
      <section class="table-scroll" aria-labelledby="organisation-projects-caption" tabindex={0}>
        <table>
          <caption id="organisation-projects-caption">{t('projects.portal.profile.caption', { count: total })}</caption>
          <thead>
            <tr>
              <th scope="col">{t('projects.portal.field.title')}</th>
              <th scope="col">{t('projects.portal.field.instrument')}</th>
              <th scope="col">{t('projects.portal.field.term')}</th>
              <th scope="col" class="num">
                {t('projects.portal.field.amount')}
              </th>
              <th scope="col">{t('projects.portal.field.status')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.id}>
                <th scope="row">
                  <a href={href(`/projects/${r.id}`)} lang={titleLang(lang)}>
                    {projectTitle(r, lang)}
                  </a>
                </th>
                <td>
                  {t(`competitions.instrument.${r.instrument}`)}, {r.year}
                </td>
                <td>
                  {formatDay(r.startsOn, lang)} — {formatDay(r.endsOn, lang)}
                </td>
                <td class="num">{f.money(r.amountTiyn)}</td>
                <td>
                  <StatusBadge status={r.status} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
      {total > rows.length ? (
        <p>
          <a href={href(`/projects?q=${bin}`)}>{t('projects.portal.profile.all', { count: total })}</a>
        </p>
      ) : null}
    </section>
  );
}
