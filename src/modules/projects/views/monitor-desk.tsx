import { REGIONS } from '../../../core/geo/regions.ts';
import { emptyForm, type FormState } from '../../../core/http/forms.ts';
import { ErrorSummary, Field, Form, FormSelect, TextareaField } from '../../../core/views/components.tsx';
import { usePage } from '../../../core/views/page-context.ts';
import { localised } from '../../competitions/index.ts';
import { organisationName } from '../../organisations/index.ts';
import { conclusionField, pointsField } from '../evaluate-project.ts';
import type { MonitorDesk } from '../monitor-queries.ts';
import { VISIT_RISKS } from '../record-visit.ts';
import { EVALUATION_CRITERIA, type ProjectStatus } from '../schema.ts';
import { CommentQueue, dayInstant, OverdueFlag, RiskFlag } from './monitor-parts.tsx';
import { workPath } from './work-parts.tsx';

/** A failed form on the desk, re-rendered with what was typed and its errors. */
export type MonitorForms = { status?: FormState; visit?: FormState; evaluation?: FormState };

function Facts({ desk }: { desk: MonitorDesk }) {
  const { t, f, lang } = usePage();
  const { project, agreement, competition } = desk;
  return (
    <dl class="facts">
      <dt>{t('projects.monitor.field.organisation')}</dt>
      <dd>{organisationName(desk.organisation, lang)}</dd>
      <dt>{t('projects.monitor.field.competition')}</dt>
      <dd>
        {competition.number}. {localised(competition, lang)}
      </dd>
      <dt>{t('projects.monitor.field.agreement')}</dt>
      <dd>{t('projects.monitor.agreement', { number: agreement.number, date: f.date(dayInstant(agreement.signedOn)) })}</dd>
      <dt>{t('projects.monitor.field.amount')}</dt>
      <dd>{f.money(agreement.amountTiyn)}</dd>
      <dt>{t('projects.monitor.field.term')}</dt>
      <dd>
        {f.date(dayInstant(project.startsOn))} – {f.date(dayInstant(project.endsOn))}
      </dd>
      <dt>{t('projects.monitor.field.region')}</dt>
      <dd>{REGIONS.find((r) => r.code === project.regionCode)?.name[lang] ?? project.regionCode}</dd>
    </dl>
  );
}

function StatusSection({ desk, next, form }: { desk: MonitorDesk; next: ProjectStatus[]; form?: FormState }) {
  const { t, f, href } = usePage();
  const { project } = desk;
  return (
    <section id="status" aria-labelledby="status-heading">
      <h2 id="status-heading">{t('projects.monitor.status.title')}</h2>
      <p>
        {t('projects.monitor.status.current')}: <strong class={`project-status project-status--${project.status}`}>{t(`projects.status.${project.status}`)}</strong>
        {project.overdueSince ? (
          <>
            {' '}
            <OverdueFlag since={project.overdueSince} />
          </>
        ) : null}
      </p>
      {desk.history.length ? (
        <section class="table-scroll" aria-labelledby="status-history" tabindex={0}>
          <table class="monitor-history">
            <caption id="status-history">{t('projects.monitor.status.history')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('projects.monitor.field.date')}</th>
                <th scope="col">{t('projects.monitor.status.change-column')}</th>
                <th scope="col">{t('projects.monitor.status.reason')}</th>
                <th scope="col">{t('projects.monitor.field.by')}</th>
              </tr>
            </thead>
            <tbody>
              {desk.history.map((h) => (
                <tr key={h.id}>
                  <td class="nowrap">{f.dateTime(h.changedAt)}</td>
                  <td>
                    {h.from ? `${t(`projects.status.${h.from}`)} → ` : ''}
                    {t(`projects.status.${h.to}`)}
                  </td>
                  <td class="prose">{h.reason}</td>
                  <td>{h.by ?? '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      ) : null}
      {next.length ? (
        <Form action={href(`/manage/projects/${project.id}/status`)} class="monitor-form">
          <h3>{t('projects.monitor.status.change')}</h3>
          <FormSelect
            form={form ?? emptyForm()}
            name="to"
            label={t('projects.monitor.status.to')}
            choices={next.map((s) => ({ value: s, label: t(`projects.status.${s}`) }))}
            emptyLabel={t('projects.monitor.choose')}
            required
          />
          <TextareaField form={form ?? emptyForm()} name="reason" label={t('projects.monitor.status.reason')} hint={t('projects.monitor.status.reason-hint')} rows={3} required />
          <button type="submit" class="button">
            {t('projects.monitor.status.change')}
          </button>
        </Form>
      ) : (
        <p class="note">{t('projects.monitor.status.final')}</p>
      )}
    </section>
  );
}

function PeriodsSection({ desk }: { desk: MonitorDesk }) {
  const { t, f, href } = usePage();
  const caption = t('projects.monitor.periods.title');
  return (
    <section id="periods">
      <h2 id="periods-heading">{caption}</h2>
      <section class="table-scroll" aria-label={caption} tabindex={0}>
        <table class="monitor-periods">
          <thead>
            <tr>
              <th scope="col">{t('projects.monitor.periods.number')}</th>
              <th scope="col">{t('projects.monitor.periods.dates')}</th>
              <th scope="col">{t('projects.monitor.periods.due')}</th>
              <th scope="col">{t('projects.monitor.periods.report')}</th>
            </tr>
          </thead>
          <tbody>
            {desk.periods.map((p) => (
              <tr key={p.id}>
                <th scope="row">
                  {p.number}
                  {p.final ? ` (${t('projects.monitor.periods.final')})` : ''}
                </th>
                <td>
                  {f.date(dayInstant(p.startsOn))} – {f.date(dayInstant(p.endsOn))}
                </td>
                <td class="nowrap">
                  {f.date(dayInstant(p.reportDueOn))}
                  {p.remindedAt ? (
                    <>
                      <br />
                      <small>{t('projects.monitor.periods.reminded', { date: f.date(p.remindedAt) })}</small>
                    </>
                  ) : null}
                </td>
                <td>
                  {p.reportId && p.reportStatus && p.reportStatus !== 'draft' ? (
                    <a href={href(workPath.report(p.reportId))}>{t(`projects.report.status.${p.reportStatus}`)}</a>
                  ) : p.reportStatus ? (
                    t(`projects.report.status.${p.reportStatus}`)
                  ) : (
                    t('projects.monitor.periods.not-started')
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
    </section>
  );
}

function VisitsSection({ desk, form, today }: { desk: MonitorDesk; form?: FormState; today: string }) {
  const { t, f, href } = usePage();
  const state = form ?? emptyForm({ visitedOn: today, risk: 'none' });
  return (
    <section id="visits" aria-labelledby="visits-heading">
      <h2 id="visits-heading">{t('projects.monitor.visits.title')}</h2>
      {desk.visits.length ? (
        <ol class="monitor-visits">
          {desk.visits.map((v) => (
            <li key={v.id} id={`visit-${v.id}`} class={`monitor-visit monitor-visit--${v.risk}`}>
              <p class="monitor-visits__head">
                <strong>{f.date(dayInstant(v.visitedOn))}</strong> <RiskFlag risk={v.risk} />
                {v.by ? <span class="note"> · {v.by}</span> : null}
              </p>
              <p class="prose">{v.notes}</p>
            </li>
          ))}
        </ol>
      ) : (
        <p>{t('projects.monitor.visits.none')}</p>
      )}
      <Form action={href(`/manage/projects/${desk.project.id}/visits`)} class="monitor-form">
        <h3>{t('projects.monitor.visits.new')}</h3>
        <Field form={state} name="visitedOn" type="date" label={t('projects.monitor.visits.date')} hint={t('projects.monitor.visits.date-hint')} required />
        <FormSelect form={state} name="risk" label={t('projects.monitor.visits.risk')} choices={VISIT_RISKS.map((r) => ({ value: r, label: t(`projects.monitor.risk.${r}`) }))} required />
        <TextareaField form={state} name="notes" label={t('projects.monitor.visits.notes')} rows={4} required />
        <button type="submit" class="button">
          {t('projects.monitor.visits.submit')}
        </button>
      </Form>
    </section>
  );
}

function EvaluationSection({ desk, form }: { desk: MonitorDesk; form?: FormState }) {
  const { t, f, href } = usePage();
  const e = desk.evaluation;
  if (e) {
    const total = EVALUATION_CRITERIA.reduce((sum, c) => sum + (e.scores[c]?.points ?? 0), 0);
    const caption = t('projects.monitor.evaluation.title');
    return (
      <section id="evaluation">
        <h2 id="evaluation-heading">{caption}</h2>
        <section class="table-scroll" aria-label={caption} tabindex={0}>
          <table class="monitor-evaluation">
            <thead>
              <tr>
                <th scope="col">{t('projects.monitor.evaluation.criterion')}</th>
                <th scope="col" class="num">
                  {t('projects.monitor.evaluation.points-column')}
                </th>
                <th scope="col">{t('projects.monitor.evaluation.conclusion')}</th>
              </tr>
            </thead>
            <tbody>
              {EVALUATION_CRITERIA.map((c) => (
                <tr key={c}>
                  <th scope="row">{t(`projects.monitor.criterion.${c}`)}</th>
                  <td class="num">
                    {e.scores[c] ? f.number(e.scores[c].points) : '—'} / {f.number(e.scaleMax)}
                  </td>
                  <td class="prose">{e.scores[c]?.conclusion ?? ''}</td>
                </tr>
              ))}
            </tbody>
            <tfoot>
              <tr>
                <td colSpan={3}>{t('projects.monitor.evaluation.total', { points: f.number(total), max: e.scaleMax * EVALUATION_CRITERIA.length })}</td>
              </tr>
            </tfoot>
          </table>
        </section>
        <p class="note">{t('projects.monitor.evaluation.by', { date: f.date(e.evaluatedAt), name: e.by ?? '—' })}</p>
      </section>
    );
  }
  const state = form ?? emptyForm({ scaleMax: '5' });
  return (
    <section id="evaluation" aria-labelledby="evaluation-heading">
      <h2 id="evaluation-heading">{t('projects.monitor.evaluation.title')}</h2>
      {desk.evaluable ? (
        <Form action={href(`/manage/projects/${desk.project.id}/evaluation`)} class="monitor-form monitor-evaluation-form">
          <p>{t('projects.monitor.evaluation.intro')}</p>
          <Field form={state} name="scaleMax" type="number" label={t('projects.monitor.evaluation.scale')} hint={t('projects.monitor.evaluation.scale-hint')} required />
          {EVALUATION_CRITERIA.map((c) => (
            <fieldset key={c} class="monitor-criterion">
              <legend>{t(`projects.monitor.criterion.${c}`)}</legend>
              <Field form={state} name={pointsField(c)} label={t('projects.monitor.evaluation.points')} required />
              <TextareaField form={state} name={conclusionField(c)} label={t('projects.monitor.evaluation.conclusion')} rows={3} required />
            </fieldset>
          ))}
          <button type="submit" class="button">
            {t('projects.monitor.evaluation.submit')}
          </button>
        </Form>
      ) : (
        <p class="note">{t('projects.monitor.evaluation.not-yet')}</p>
      )}
    </section>
  );
}

/**
 * The monitoring desk of one project: its status with history and the change form, reporting
 * periods, visits with risk flags, the final evaluation, and comments waiting for moderation.
 */
export function MonitorDeskPage({ desk, next, today, forms = {} }: { desk: MonitorDesk; next: ProjectStatus[]; today: string; forms?: MonitorForms }) {
  const { t, lang, href } = usePage();
  const failed = forms.status ?? forms.visit ?? forms.evaluation;
  return (
    <section class="manage monitor monitor-desk">
      <p>
        <a href={href('/manage/projects')}>{t('projects.monitor.back-to-list')}</a>
        {' · '}
        <a href={href(`/projects/${desk.project.id}`)}>{t('projects.monitor.public-page')}</a>
      </p>
      <h1>{localised(desk.project, lang)}</h1>
      {failed ? <ErrorSummary form={failed} /> : null}
      <Facts desk={desk} />
      <StatusSection desk={desk} next={next} form={forms.status} />
      <PeriodsSection desk={desk} />
      <VisitsSection desk={desk} form={forms.visit} today={today} />
      <EvaluationSection desk={desk} form={forms.evaluation} />
      <section id="feedback" aria-labelledby="feedback-heading">
        <h2 id="feedback-heading">{t('projects.monitor.queue.title')}</h2>
        <p class="note">{t('projects.monitor.queue.intro')}</p>
        <CommentQueue comments={desk.comments} from="desk" showProject={false} />
      </section>
    </section>
  );
}
