import { usePage } from '../../../core/views/page-context.ts';
import type { DecidedApplication } from '../queries.ts';
import { localised } from '../records.ts';
import { textLang } from './public-parts.tsx';

function Outcome({ row }: { row: DecidedApplication }) {
  const { t, f } = usePage();
  const published = row.competition.stage === 'published';
  const placed =
    row.rank !== null && row.score !== null
      ? t('competitions.public.profile.placed', { rank: String(row.rank), score: f.number(row.score), max: f.number(row.maxScore) })
      : null;
  if (row.won && row.awardTiyn !== null) {
    return (
      <>
        <strong>{t('competitions.public.profile.won', { amount: f.money(row.awardTiyn) })}</strong> {placed}
      </>
    );
  }
  const failure = row.lot.outcome === 'failed' && row.lot.failureReason ? t(`competitions.failure.${row.lot.failureReason}`) : null;
  if (!published && !failure) return <>{t('competitions.public.profile.pending')}</>;
  return <>{[placed, failure].filter(Boolean).join(' ') || '—'}</>;
}

/** An organisation's decided applications, for its profile. */
export function DecidedApplications({ rows }: { rows: DecidedApplication[] }) {
  const { t, lang, href } = usePage();
  return (
    <section class="competition-applications" aria-labelledby="competition-applications-heading">
      <h2 id="competition-applications-heading">{t('competitions.public.profile.title')}</h2>
      <section class="table-scroll" aria-labelledby="competition-applications-caption" tabindex={0}>
        <table>
          <caption id="competition-applications-caption">{t('competitions.public.profile.caption', { count: rows.length })}</caption>
          <thead>
            <tr>
              <th scope="col">{t('competitions.public.profile.competition')}</th>
              <th scope="col">{t('competitions.public.field.lot')}</th>
              <th scope="col">{t('competitions.public.profile.admission')}</th>
              <th scope="col">{t('competitions.public.profile.outcome')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.applicationId}>
                <th scope="row">
                  <a href={href(`/competitions/${r.competition.id}`)} lang={textLang(r.competition, lang)}>
                    {localised(r.competition, lang)}
                  </a>{' '}
                  <span class="nowrap">({r.competition.number})</span>
                </th>
                <td>
                  <a href={href(`/competitions/${r.competition.id}#lot-${r.lot.number}`)}>
                    {t('competitions.public.results.lot', { number: String(r.lot.number) })} <span lang={textLang(r.lot, lang)}>{localised(r.lot, lang)}</span>
                  </a>
                </td>
                <td>
                  {t(`competitions.status.${r.status}`)}
                  {r.status === 'refused' && r.reason ? (
                    <>
                      . {t('competitions.public.results.reason')}: {r.reason}
                    </>
                  ) : null}
                </td>
                <td>
                  <Outcome row={r} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
    </section>
  );
}
