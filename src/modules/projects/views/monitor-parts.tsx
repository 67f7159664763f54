import { Form } from '../../../core/views/components.tsx';
import { usePage } from '../../../core/views/page-context.ts';
import { localised } from '../../competitions/index.ts';
import type { PendingComment } from '../monitor-queries.ts';
import type { VisitRisk } from '../record-visit.ts';

/** A calendar day (`YYYY-MM-DD`) as an instant at noon in Kazakhstan, for the date formatter. */
export const dayInstant = (day: string) => new Date(`${day}T12:00:00+05:00`);

/** A risk level in words, coloured as well but never by colour alone. */
export function RiskFlag({ risk }: { risk: VisitRisk }) {
  const { t } = usePage();
  return <span class={`risk-flag risk-flag--${risk}`}>{t(`projects.monitor.risk.${risk}`)}</span>;
}

export function OverdueFlag({ since }: { since: string }) {
  const { t, f } = usePage();
  return <span class="overdue-flag">{t('projects.monitor.overdue', { date: f.date(dayInstant(since)) })}</span>;
}

/**
 * Citizens' comments waiting for a decision, each with its Publish and Reject buttons (two real
 * forms). `from` says which page to come back to.
 */
export function CommentQueue({ comments, from, showProject }: { comments: PendingComment[]; from: 'list' | 'desk'; showProject: boolean }) {
  const { t, f, lang, href } = usePage();
  if (comments.length === 0) return <p>{t('projects.monitor.queue.empty')}</p>;
  return (
    <ul class="monitor-queue">
      {comments.map((c) => (
        <li key={c.id} id={`comment-${c.id}`}>
          {showProject ? (
            <p class="monitor-queue__project">
              <a href={href(c.monitors ? `/manage/projects/${c.projectId}#feedback` : `/projects/${c.projectId}`)}>{localised(c.project, lang)}</a>
            </p>
          ) : null}
          <p class="monitor-queue__meta" id={`comment-meta-${c.id}`}>{t('projects.monitor.queue.wrote', { author: c.authorName, date: f.dateTime(c.createdAt) })}</p>
          <blockquote class="prose">{c.body}</blockquote>
          <div class="actions">
            <Form action={href(`/manage/feedback/${c.id}`)} class="inline-form">
              <input type="hidden" name="decision" value="publish" />
              <input type="hidden" name="from" value={from} />
              <button type="submit" class="button button--small" aria-describedby={`comment-meta-${c.id}`}>
                {t('projects.monitor.queue.publish')}
              </button>
            </Form>
            <Form action={href(`/manage/feedback/${c.id}`)} class="inline-form">
              <input type="hidden" name="decision" value="reject" />
              <input type="hidden" name="from" value={from} />
              <button type="submit" class="button button--secondary button--small" aria-describedby={`comment-meta-${c.id}`}>
                {t('projects.monitor.queue.reject')}
              </button>
            </Form>
          </div>
        </li>
      ))}
    </ul>
  );
}
