import { usePage } from '../../../core/views/page-context.ts';
import { organisationName } from '../../organisations/index.ts';
import type { DeskListItem } from '../manage-queries.ts';
import { competitionPhase } from '../phase.ts';
import { localised } from '../records.ts';

/** The organiser's desk: every competition of the state bodies they run competitions for, at every stage. */
export function ManageListPage({ items, now }: { items: DeskListItem[]; now: Date }) {
  const { t, f, href, lang } = usePage();
  const title = t('competitions.manage.list.title');
  return (
    <section class="manage">
      <h1>{title}</h1>
      <p class="actions">
        <a class="button" href={href('/manage/competitions/new')}>
          {t('competitions.manage.list.new')}
        </a>
      </p>
      {items.length === 0 ? (
        <p>{t('competitions.manage.list.empty')}</p>
      ) : (
        <section class="table-scroll" aria-label={title} tabindex={0}>
          <table>
            <thead>
              <tr>
                <th scope="col">{t('competitions.manage.field.number')}</th>
                <th scope="col">{t('competitions.manage.field.title')}</th>
                <th scope="col">{t('competitions.manage.field.organiser')}</th>
                <th scope="col">{t('competitions.manage.field.phase')}</th>
                <th scope="col">{t('competitions.manage.field.deadline')}</th>
                <th scope="col" class="num">
                  {t('competitions.manage.list.received')}
                </th>
                <th scope="col" class="num">
                  {t('competitions.manage.list.undecided')}
                </th>
              </tr>
            </thead>
            <tbody>
              {items.map(({ competition: c, organiser, lots, received, undecided }) => (
                <tr key={c.id}>
                  <td class="nowrap">{c.number}</td>
                  <td>
                    <a href={href(`/manage/competitions/${c.id}`)}>{localised(c, lang)}</a>
                    <br />
                    <small>
                      {t(`competitions.instrument.${c.instrument}`)} · {t('competitions.manage.list.lots', { count: lots })}
                    </small>
                  </td>
                  <td>{organisationName(organiser, lang)}</td>
                  <td>{t(`competitions.phase.${competitionPhase(c, now)}`)}</td>
                  <td class="nowrap">{f.dateTime(c.deadlineAt)}</td>
                  <td class="num">{f.number(received)}</td>
                  <td class="num">{f.number(undecided)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      )}
    </section>
  );
}
