import type { FormState } from '../../../core/http/forms.ts';
import { ErrorSummary, Field, Form, Submit, TextareaField } from '../../../core/views/components.tsx';
import { usePage } from '../../../core/views/page-context.ts';
import { localised } from '../../competitions/index.ts';
import type { EvidenceFile, PublicProject, PublicReport, TimelineEvent } from '../portal-queries.ts';
import { AGE_GROUPS } from '../schema.ts';
import { IndicatorProgressSection } from './portal-indicators.tsx';
import { areaName, formatDay, OrganisationLink, placeName, projectTitle, StatusBadge, titleLang } from './portal-parts.tsx';

export const FEEDBACK_NAME_MAX = 100;
export const FEEDBACK_COMMENT_MAX = 2000;

/** Text with web addresses in it (a report's evidence): the addresses become links, the rest stays text. */
function LinkedText({ text }: { text: string }) {
  const parts = text.split(/(\s+)/);
  return (
    <>
      {parts.map((part, i) =>
        /^https?:\/\/[^\s<>"]+$/i.test(part) ? (
          <a key={i} href={part} rel="nofollow ugc noopener noreferrer">
            {part}
          </a>
        ) : (
          part
        ),
      )}
    </>
  );
}

function FileList({ projectId, files, label }: { projectId: string; files: EvidenceFile[]; label: string }) {
  const { t, f, href } = usePage();
  return (
    <ul class="file-list" aria-label={label}>
      {files.map((file) => (
        <li key={file.id}>
          <a href={href(`/projects/${projectId}/files/${file.id}`)} download={file.name}>
            {file.name}
          </a>{' '}
          <span class="note">({t('projects.portal.file.size', { size: f.number(Math.max(1, Math.ceil(file.size / 1024))) })})</span>
        </li>
      ))}
    </ul>
  );
}

function BeneficiariesTable({ report }: { report: PublicReport }) {
  const { t, f } = usePage();
  const b = report.beneficiaries;
  const cell = (sex: 'female' | 'male', age: (typeof AGE_GROUPS)[number]) => b[sex]?.[age] ?? 0;
  const sum = (sex: 'female' | 'male') => AGE_GROUPS.reduce((s, age) => s + cell(sex, age), 0);
  const caption = `beneficiaries-caption-${report.period.number}`;
  if (sum('female') + sum('male') === 0) return <p>{t('projects.portal.report.beneficiaries-none')}</p>;
  return (
    <section class="table-scroll" aria-labelledby={caption} tabindex={0}>
      <table class="beneficiaries-table">
        <caption id={caption}>{t('projects.portal.report.beneficiaries', { number: String(report.period.number) })}</caption>
        <thead>
          <tr>
            <th scope="col">{t('projects.portal.report.age')}</th>
            <th scope="col" class="num">
              {t('projects.portal.report.female')}
            </th>
            <th scope="col" class="num">
              {t('projects.portal.report.male')}
            </th>
            <th scope="col" class="num">
              {t('projects.portal.report.all')}
            </th>
          </tr>
        </thead>
        <tbody>
          {AGE_GROUPS.map((age) => (
            <tr key={age}>
              <th scope="row">{t(`projects.portal.age.${age}`)}</th>
              <td class="num">{f.number(cell('female', age))}</td>
              <td class="num">{f.number(cell('male', age))}</td>
              <td class="num">{f.number(cell('female', age) + cell('male', age))}</td>
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row">{t('projects.portal.report.all')}</th>
            <td class="num">{f.number(sum('female'))}</td>
            <td class="num">{f.number(sum('male'))}</td>
            <td class="num">{f.number(sum('female') + sum('male'))}</td>
          </tr>
        </tfoot>
      </table>
    </section>
  );
}

/** The public parts of an accepted report: what was done, the indicators' values with evidence, who was reached, and the evidence files. */
function ReportArticle({ data, report, finance }: { data: PublicProject; report: PublicReport; finance: EvidenceFile[] }) {
  const { t, f, lang } = usePage();
  const n = String(report.period.number);
  const indicator = new Map(data.indicators.map((i) => [i.id, i]));
  return (
    <article class="project-report" aria-labelledby={`report-${n}-heading`} id={`report-${n}`}>
      <h3 id={`report-${n}-heading`}>
        {t(report.period.final ? 'projects.portal.report.final-title' : 'projects.portal.report.title', {
          number: n,
          from: formatDay(report.period.startsOn, lang),
          to: formatDay(report.period.endsOn, lang),
        })}
      </h3>
      <p class="note">
        {t('projects.portal.report.accepted-on')} <time datetime={report.acceptedAt.toISOString()}>{f.dateTime(report.acceptedAt)}</time>
      </p>
      <h4>{t('projects.portal.report.narrative')}</h4>
      <p class="prose">{report.narrative || '—'}</p>
      {report.values.length ? (
        <section class="table-scroll" aria-labelledby={`values-caption-${n}`} tabindex={0}>
          <table class="report-values">
            <caption id={`values-caption-${n}`}>{t('projects.portal.report.values', { number: n })}</caption>
            <thead>
              <tr>
                <th scope="col">{t('projects.portal.indicators.indicator')}</th>
                <th scope="col" class="num">
                  {t('projects.portal.indicators.actual')}
                </th>
                <th scope="col">{t('projects.portal.report.evidence')}</th>
              </tr>
            </thead>
            <tbody>
              {report.values.map((v) => {
                const i = indicator.get(v.indicatorId);
                return (
                  <tr key={v.indicatorId}>
                    <th scope="row">{i?.name ?? '—'}</th>
                    <td class="num">
                      {f.number(v.actual)} {i?.unit}
                    </td>
                    <td class="evidence">{v.evidence ? <LinkedText text={v.evidence} /> : '—'}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </section>
      ) : null}
      <h4>{t('projects.portal.report.reached')}</h4>
      <BeneficiariesTable report={report} />
      <h4>{t('projects.portal.report.files')}</h4>
      {report.files.length ? <FileList projectId={data.project.id} files={report.files} label={t('projects.portal.report.files')} /> : <p>{t('projects.portal.report.files-none')}</p>}
      {finance.length ? (
        <div class="inside-only">
          <h4>{t('projects.portal.report.finance')}</h4>
          <p class="note">{t('projects.portal.report.finance-note')}</p>
          <FileList projectId={data.project.id} files={finance} label={t('projects.portal.report.finance')} />
        </div>
      ) : null}
    </article>
  );
}

function Tranches({ data }: { data: PublicProject }) {
  const { t, f } = usePage();
  return (
    <section aria-labelledby="tranches-heading">
      <h2 id="tranches-heading">{t('projects.portal.tranches.title')}</h2>
      <section class="table-scroll" aria-labelledby="tranches-caption" tabindex={0}>
        <table class="tranches-table">
          <caption id="tranches-caption">
            {t('projects.portal.tranches.caption', { released: f.money(data.releasedTiyn), amount: f.money(data.agreement.amountTiyn) })}
          </caption>
          <thead>
            <tr>
              <th scope="col">{t('projects.portal.tranches.number')}</th>
              <th scope="col" class="num">
                {t('projects.portal.field.amount')}
              </th>
              <th scope="col">{t('projects.portal.tranches.condition')}</th>
              <th scope="col">{t('projects.portal.tranches.released')}</th>
            </tr>
          </thead>
          <tbody>
            {data.tranches.map((tr) => (
              <tr key={tr.number}>
                <th scope="row">{f.number(tr.number)}</th>
                <td class="num">{f.money(tr.amountTiyn)}</td>
                <td>{tr.periodNumber === null ? t('projects.portal.tranches.advance') : t('projects.portal.tranches.on-report', { number: String(tr.periodNumber) })}</td>
                <td>{tr.releasedAt ? <time datetime={tr.releasedAt.toISOString()}>{f.dateTime(tr.releasedAt)}</time> : t('projects.portal.tranches.not-yet')}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
    </section>
  );
}

function Periods({ data }: { data: PublicProject }) {
  const { t, f, lang } = usePage();
  return (
    <section class="table-scroll" aria-labelledby="periods-caption" tabindex={0}>
      <table class="periods-table">
        <caption id="periods-caption">{t('projects.portal.periods.caption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('projects.portal.indicators.period-column')}</th>
            <th scope="col">{t('projects.portal.periods.dates')}</th>
            <th scope="col">{t('projects.portal.periods.due')}</th>
            <th scope="col">{t('projects.portal.periods.report')}</th>
          </tr>
        </thead>
        <tbody>
          {data.periods.map((p) => (
            <tr key={p.number}>
              <th scope="row">
                {t('projects.portal.indicators.period', { number: String(p.number) })}
                {p.final ? ` (${t('projects.portal.periods.final')})` : ''}
              </th>
              <td>
                {formatDay(p.startsOn, lang)} — {formatDay(p.endsOn, lang)}
              </td>
              <td>{formatDay(p.reportDueOn, lang)}</td>
              <td>
                {p.reportAcceptedAt ? (
                  <a href={`#report-${p.number}`}>
                    {t('projects.portal.periods.accepted')} <time datetime={p.reportAcceptedAt.toISOString()}>{f.date(p.reportAcceptedAt)}</time>
                  </a>
                ) : (
                  t('projects.portal.periods.not-accepted')
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

function TimelineText({ event }: { event: TimelineEvent }) {
  const { t, f } = usePage();
  switch (event.kind) {
    case 'signed':
      return <>{t('projects.portal.timeline.signed', { number: event.number })}</>;
    case 'confirmed':
      return <>{t('projects.portal.timeline.confirmed')}</>;
    case 'status':
      if (event.from === null) return <>{t('projects.portal.timeline.started')}</>;
      return (
        <>
          {t('projects.portal.timeline.status', { from: t(`projects.status.${event.from}`), to: t(`projects.status.${event.to}`) })}
          <span class="timeline-reason">
            {t('projects.portal.timeline.reason')}: {event.reason}
          </span>
        </>
      );
    case 'report-submitted':
      return <>{t('projects.portal.timeline.report-submitted', { number: String(event.period) })}</>;
    case 'report-accepted':
      return <>{t('projects.portal.timeline.report-accepted', { number: String(event.period) })}</>;
    case 'tranche':
      return <>{t('projects.portal.timeline.tranche', { number: String(event.number), amount: f.money(event.amountTiyn) })}</>;
  }
}

function Timeline({ events }: { events: TimelineEvent[] }) {
  const { t, f, lang } = usePage();
  return (
    <section class="project-timeline" aria-labelledby="timeline-heading">
      <h2 id="timeline-heading">{t('projects.portal.timeline.title')}</h2>
      <ol class="project-events">
        {events.map((e, i) => {
          const when = typeof e.at === 'string' ? <time datetime={e.at}>{formatDay(e.at, lang)}</time> : <time datetime={e.at.toISOString()}>{f.dateTime(e.at)}</time>;
          return (
            <li key={i} class={`project-event project-event--${e.kind}`}>
              <span class="project-event__when">{when}</span> <span class="project-event__what"><TimelineText event={e} /></span>
            </li>
          );
        })}
      </ol>
      <p class="note">{t('projects.portal.timeline.zone')}</p>
    </section>
  );
}

function Feedback({ data, form }: { data: PublicProject; form: FormState }) {
  const { t, f, href } = usePage();
  return (
    <section class="project-feedback" id="feedback" aria-labelledby="feedback-heading">
      <h2 id="feedback-heading">{t('projects.portal.feedback.title')}</h2>
      {data.feedback.length === 0 ? (
        <p>{t('projects.portal.feedback.none')}</p>
      ) : (
        <ul class="feedback-list">
          {data.feedback.map((c) => (
            <li key={c.id} class="feedback-item">
              <p class="feedback-meta">
                <strong>{c.authorName}</strong>, <time datetime={c.createdAt.toISOString()}>{f.dateTime(c.createdAt)}</time>
              </p>
              <p class="prose">{c.body}</p>
            </li>
          ))}
        </ul>
      )}
      <h3 id="feedback-form-heading">{t('projects.portal.feedback.form')}</h3>
      <p class="note">{t('projects.portal.feedback.moderated')}</p>
      <ErrorSummary form={form} />
      <Form action={href(`/projects/${data.project.id}/feedback`)} label={t('projects.portal.feedback.form')} class="feedback-form">
        <Field form={form} name="name" label={t('projects.portal.feedback.name')} hint={t('projects.portal.feedback.name-hint', { max: FEEDBACK_NAME_MAX })} autocomplete="name" required />
        <TextareaField form={form} name="comment" label={t('projects.portal.feedback.comment')} hint={t('projects.portal.feedback.comment-hint', { max: FEEDBACK_COMMENT_MAX })} required rows={6} />
        <Submit>{t('projects.portal.feedback.send')}</Submit>
      </Form>
    </section>
  );
}

/**
 * A funded project's public page: its agreement and money, the progress of its indicators, the
 * public parts of its accepted reports, its timeline, and citizens' comments with a form for more.
 * The two sides (`finance`, non-empty only for them) also find the financial documents there.
 */
export function ProjectPage({ data, form, finance }: { data: PublicProject; form: FormState; finance: (EvidenceFile & { reportId: string })[] }) {
  const { t, f, lang, href } = usePage();
  const p = data.project;
  const a = data.agreement;
  const other = lang === 'ru' ? p.titleKk : p.titleRu;
  return (
    <article class="project">
      <p class="kicker">
        {t('projects.portal.field.agreement-number', { number: a.number })} · {t(`competitions.instrument.${data.competition.instrument}`)}
      </p>
      <h1 lang={titleLang(lang)}>{projectTitle(p, lang)}</h1>
      {other !== projectTitle(p, lang) ? (
        <p class="other-name" lang={lang === 'ru' ? 'kk' : 'ru'}>
          {other}
        </p>
      ) : null}
      <p>
        <StatusBadge status={p.status} />
        {p.overdueSince ? <span class="project-overdue"> {t('projects.portal.overdue', { date: formatDay(p.overdueSince, lang) })}</span> : null}
      </p>
      <dl class="facts">
        <dt>{t('projects.portal.field.organisation')}</dt>
        <dd>
          <OrganisationLink org={data.organisation} />
        </dd>
        <dt>{t('projects.portal.field.agreement')}</dt>
        <dd>{t('projects.portal.agreement', { number: a.number, date: formatDay(a.signedOn, lang) })}</dd>
        <dt>{t('projects.portal.field.amount')}</dt>
        <dd>{f.money(a.amountTiyn)}</dd>
        <dt>{t('projects.portal.field.released')}</dt>
        <dd>{f.money(data.releasedTiyn)}</dd>
        <dt>{t('projects.portal.field.term')}</dt>
        <dd>
          {formatDay(p.startsOn, lang)} — {formatDay(p.endsOn, lang)}
        </dd>
        <dt>{t('projects.portal.field.region')}</dt>
        <dd>{placeName(p.regionCode, lang, t)}</dd>
        <dt>{t('projects.portal.field.area')}</dt>
        <dd>{areaName(p.area, t)}</dd>
        <dt>{t('projects.portal.field.instrument')}</dt>
        <dd>{t(`competitions.instrument.${data.competition.instrument}`)}</dd>
        <dt>{t('projects.portal.field.competition')}</dt>
        <dd>
          <a href={href(`/competitions/${data.competition.id}`)} lang={lang === 'en' && !data.competition.titleEn ? 'ru' : undefined}>
            {localised(data.competition, lang)}
          </a>{' '}
          <span class="nowrap">({data.competition.number})</span>
        </dd>
        <dt>{t('projects.portal.field.year')}</dt>
        <dd>{data.competition.year}</dd>
      </dl>
      {p.summary ? (
        <section aria-labelledby="summary-heading">
          <h2 id="summary-heading">{t('projects.portal.summary')}</h2>
          <p class="prose">{p.summary}</p>
        </section>
      ) : null}
      <Tranches data={data} />
      <IndicatorProgressSection indicators={data.indicators} />
      <section class="project-reports" aria-labelledby="reports-heading">
        <h2 id="reports-heading">{t('projects.portal.reports.title')}</h2>
        <Periods data={data} />
        {data.reports.length === 0 ? <p>{t('projects.portal.reports.none')}</p> : null}
        {data.reports.map((r) => (
          <ReportArticle key={r.id} data={data} report={r} finance={finance.filter((x) => x.reportId === r.id)} />
        ))}
      </section>
      <Timeline events={data.timeline} />
      <Feedback data={data} form={form} />
    </article>
  );
}
