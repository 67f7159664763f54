import { usePage } from '../../../core/views/page-context.ts';
import { localised } from '../../competitions/index.ts';
import { organisationName } from '../../organisations/index.ts';
import type { MonitoredProject, PendingComment } from '../monitor-queries.ts';
import { CommentQueue, OverdueFlag, RiskFlag } from './monitor-parts.tsx';

function ProjectsTable({ items }: { items: MonitoredProject[] }) {
  const { t, f, lang, href } = usePage();
  const caption = t('projects.monitor.list.title');
  return (
    <section class="table-scroll" aria-label={caption} tabindex={0}>
      <table class="monitor-projects">
        <thead>
          <tr>
            <th scope="col">{t('projects.monitor.field.project')}</th>
            <th scope="col">{t('projects.monitor.field.organisation')}</th>
            <th scope="col">{t('projects.monitor.field.status')}</th>
            <th scope="col">{t('projects.monitor.field.latest-risk')}</th>
            <th scope="col" class="num">
              {t('projects.monitor.field.awaiting')}
            </th>
            <th scope="col" class="num">
              {t('projects.monitor.field.comments')}
            </th>
          </tr>
        </thead>
        <tbody>
          {items.map((i) => (
            <tr key={i.project.id} id={`project-${i.project.id}`}>
              <th scope="row">
                <a href={href(`/manage/projects/${i.project.id}`)}>{localised(i.project, lang)}</a>
                <br />
                <small>
                  {t('projects.monitor.field.competition')} {i.competitionNumber}
                </small>
              </th>
              <td>{organisationName(i.organisation, lang)}</td>
              <td>
                {t(`projects.status.${i.project.status}`)}
                {i.project.overdueSince ? (
                  <>
                    <br />
                    <OverdueFlag since={i.project.overdueSince} />
                  </>
                ) : null}
              </td>
              <td>{i.latestRisk ? <RiskFlag risk={i.latestRisk} /> : <span class="note">{t('projects.monitor.no-visits')}</span>}</td>
              <td class="num">{f.number(i.awaitingDecision)}</td>
              <td class="num">{f.number(i.pendingFeedback)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

/**
 * The organiser's list of the projects they monitor, and the comments waiting for moderation
 * (every project's, for a platform admin).
 */
export function MonitorListPage({ items, queue, organiser }: { items: MonitoredProject[]; queue: PendingComment[]; organiser: boolean }) {
  const { t } = usePage();
  return (
    <section class="manage monitor">
      <h1>{t('projects.monitor.list.title')}</h1>
      {organiser ? (
        <>
          <p class="lead">{t('projects.monitor.list.intro')}</p>
          {items.length ? <ProjectsTable items={items} /> : <p>{t('projects.monitor.list.empty')}</p>}
        </>
      ) : null}
      <section id="queue" aria-labelledby="queue-heading">
        <h2 id="queue-heading">{t('projects.monitor.queue.title')}</h2>
        <p class="note">{t('projects.monitor.queue.intro')}</p>
        <CommentQueue comments={queue} from="list" showProject />
      </section>
    </section>
  );
}
