import { usePage } from '../../../core/views/page-context.ts';
import type { MyScore } from '../expert-queries.ts';
import type { ApplicationRecord } from '../records.ts';
import { ExpertApplicationHeading } from './expert-application-heading.tsx';

/**
 * Why the expert cannot declare or score here (recused, not on the commission, the commission not
 * sitting or closed), with the expert's own scores once they are locked. Shown with 403 when a
 * request was refused, 200 when it only explains.
 */
export function ExpertNoticePage(props: {
  title: string;
  message: string;
  /** Omitted when the expert may not see even which application this is. */
  record?: ApplicationRecord;
  scores?: Record<string, MyScore>;
  total?: number | null;
  maxScore?: number;
}) {
  const { t, f, lang, href } = usePage();
  const criteria = props.record?.rule.definition.criteria ?? [];
  const scored = props.scores && criteria.some((c) => props.scores![c.code]);
  return (
    <section class="expert-application expert-notice">
      {props.record ? (
        <ExpertApplicationHeading title={props.title} record={props.record} />
      ) : (
        <h1>{props.title}</h1>
      )}
      <p class="expert-notice-message">{props.message}</p>
      {scored ? (
        <section aria-labelledby="my-scores">
          <h2 id="my-scores">{t('competitions.expert.locked.title')}</h2>
          {props.total !== null && props.total !== undefined ? (
            <p class="expert-total">{t('competitions.expert.score.total', { total: f.number(props.total), max: f.number(props.maxScore ?? 0) })}</p>
          ) : null}
          <section class="table-scroll" aria-labelledby="my-scores" tabindex={0}>
            <table>
              <thead>
                <tr>
                  <th scope="col">{t('competitions.expert.locked.criterion')}</th>
                  <th scope="col">{t('competitions.expert.score.points')}</th>
                  <th scope="col">{t('competitions.expert.score.comment')}</th>
                </tr>
              </thead>
              <tbody>
                {criteria.map((c) => {
                  const s = props.scores![c.code];
                  return (
                    <tr key={c.code}>
                      <th scope="row">{c.title[lang] || c.title.ru}</th>
                      <td class="nowrap">{s ? t('competitions.expert.locked.points', { points: f.number(s.points), max: f.number(c.maxPoints) }) : '—'}</td>
                      <td>{s?.comment ?? ''}</td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </section>
        </section>
      ) : null}
      {props.record ? null : (
        <p>
          <a href={href('/expert')}>{t('competitions.expert.back')}</a>
        </p>
      )}
    </section>
  );
}
