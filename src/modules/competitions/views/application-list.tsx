import { usePage } from '../../../core/views/page-context.ts';
import { organisationName } from '../../organisations/index.ts';
import { localised } from '../records.ts';
import type { ApplicationStatus } from '../schema.ts';
import { applicationPath } from './application-parts.tsx';

type Titled = { titleKk: string; titleRu: string; titleEn: string | null };

/** One application of the reader's organisations, as the list shows it. */
export type ApplicationListRow = {
  id: string;
  status: ApplicationStatus;
  receiptNumber: string | null;
  competition: Titled & { id: string; number: string; deadlineAt: Date };
  lot: Titled & { id: string; number: number };
  organisation: { nameKk: string; nameRu: string; nameEn: string | null };
};

/** The applications of every organisation the reader is a member of, newest first. */
export function ApplicationListPage({ rows }: { rows: ApplicationListRow[] }) {
  const { t, f, lang, href } = usePage();
  return (
    <section class="application-list">
      <h1>{t('competitions.apply.list.title')}</h1>
      {rows.length === 0 ? (
        <p>
          {t('competitions.apply.list.empty')} <a href={href('/competitions')}>{t('competitions.apply.list.find')}</a>
        </p>
      ) : (
        <div class="table-scroll">
          <table>
            <caption class="visually-hidden">{t('competitions.apply.list.title')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('competitions.apply.fact.competition')}</th>
                <th scope="col">{t('competitions.apply.fact.lot')}</th>
                <th scope="col">{t('competitions.apply.fact.organisation')}</th>
                <th scope="col">{t('competitions.apply.fact.status')}</th>
                <th scope="col">{t('competitions.apply.fact.receipt')}</th>
                <th scope="col">{t('competitions.apply.fact.deadline')}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr key={r.id}>
                  <td>
                    {localised(r.competition, lang)} <span class="nowrap">({r.competition.number})</span>
                  </td>
                  <td>
                    <a href={href(applicationPath(r.id))}>
                      {t('competitions.apply.lot-number', { number: r.lot.number })} {localised(r.lot, lang)}
                    </a>
                  </td>
                  <td>{organisationName(r.organisation, lang)}</td>
                  <td>{t(`competitions.status.${r.status}`)}</td>
                  <td class="nowrap">{r.receiptNumber ?? '—'}</td>
                  <td>{f.dateTime(r.competition.deadlineAt)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
