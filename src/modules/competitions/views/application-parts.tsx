import { TIME_ZONE } from '../../../core/format/intl.ts';
import type { FormErrors } from '../../../core/http/forms.ts';
import { LOCALE_TAGS, type Lang } from '../../../core/i18n/langs.ts';
import type { MessageParams, Translate } from '../../../core/i18n/messages.ts';
import { usePage } from '../../../core/views/page-context.ts';
import { organisationName } from '../../organisations/index.ts';
import { STEPS, type Step } from '../content.ts';
import type { ApplicationRecord } from '../records.ts';
import { localised } from '../records.ts';

/** A file attached to an application, as the pages list it. */
export type { ApplicationAttachment } from '../records.ts';

/**
 * What the reader may do with an application now, worked out by the route from the policy, the
 * status and the server clock; views only show or hide by it.
 */
export type ApplicationState = {
  record: ApplicationRecord;
  /** A member of the applicant (policy `application.edit`). */
  canEdit: boolean;
  /** The lot takes applications now, by the server clock. */
  accepting: boolean;
  deadlinePassed: boolean;
  /** A member may change the content: a draft, while the lot is open. */
  editable: boolean;
  /** A member may withdraw: a draft or a submitted application, before the deadline. */
  withdrawable: boolean;
};

/** Where an application's pages live, after the language prefix. */
export const applicationPath = (id: string, rest = '') => `/applications/${id}${rest}`;
export const stepPath = (id: string, step: Step) => applicationPath(id, `/steps/${step}`);

/** The step whose completeness check (`competitions.check.<code>`) says whether it is done. */
export const STEP_CHECK: Partial<Record<Step, string>> = {
  summary: 'summary',
  goals: 'goals',
  plan: 'plan',
  indicators: 'indicators',
  beneficiaries: 'beneficiaries',
  budget: 'budget',
  team: 'team',
  attachments: 'documents',
};

const clockFormats = new Map<Lang, Intl.DateTimeFormat>();
/** Hours and minutes in Kazakhstan time, as an autosave status shows them. */
export function clockTime(lang: Lang, at: Date): string {
  let format = clockFormats.get(lang);
  if (!format) {
    format = new Intl.DateTimeFormat(LOCALE_TAGS[lang], { hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZone: TIME_ZONE });
    clockFormats.set(lang, format);
  }
  return format.format(at);
}

/** A calendar date typed as `YYYY-MM-DD`, shown in the reader's language. */
export function isoDate(f: { date(value: Date): string }, iso: string): string {
  const d = new Date(`${iso}T12:00:00Z`);
  return Number.isNaN(d.getTime()) ? iso : f.date(d);
}


/** One problem of a refused form: its message, and where on the page (or elsewhere) to fix it. */
export type Problem = { key: string; params?: MessageParams; href?: string };

/** The error summary of the application's pages: row errors name their row and column. */
export function Problems({ problems, heading }: { problems: Problem[]; heading?: string }) {
  const { t } = usePage();
  if (problems.length === 0) return null;
  return (
    <div class="error-summary" role="alert" tabindex={-1} id="error-summary">
      <h2>{heading ?? t('form.error.summary')}</h2>
      <ul>
        {problems.map((p, i) => (
          <li key={`${p.key}-${i}`}>{p.href ? <a href={p.href}>{t(p.key, p.params)}</a> : t(p.key, p.params)}</li>
        ))}
      </ul>
    </div>
  );
}

/** A form's field errors as problems, with links to the fields (`field-<name>`, rows `field-<name>-<row>`). */
export function problemsOf(errors: FormErrors, label: (field: string) => string, t: Translate): Problem[] {
  return Object.entries(errors).map(([field, error]): Problem => {
    // `_form` and other names starting with `_` are about the whole form, not one field.
    if (field.startsWith('_')) return { key: error.key, params: error.params };
    const message = t(error.key, error.params);
    const row = /^(.+)\.(\d+)$/.exec(field);
    if (!row) return { key: 'competitions.apply.field-error', params: { field: label(field), message }, href: `#field-${field}` };
    return { key: 'competitions.apply.row-error', params: { row: Number(row[2]) + 1, field: label(row[1]!), message }, href: `#field-${row[1]}-${row[2]}` };
  });
}

/** The line under a page's title: which competition, lot and organisation the application is for. */
export function ApplicationContext({ record }: { record: ApplicationRecord }) {
  const { t, lang } = usePage();
  return (
    <p class="application-context">
      {t('competitions.apply.context', {
        competition: localised(record.competition, lang),
        number: record.competition.number,
        lot: record.lot.number,
        organisation: organisationName(record.organisation, lang),
      })}
    </p>
  );
}

/** Links to every step, marking the current one and those already complete. */
export function StepNav({ appId, current, done }: { appId: string; current?: Step; done: ReadonlySet<Step> }) {
  const { t, href } = usePage();
  return (
    <nav class="application-steps" aria-label={t('competitions.apply.steps')}>
      <ol>
        <li>
          <a href={href(applicationPath(appId))} aria-current={current === undefined ? 'page' : undefined}>
            {t('competitions.apply.overview')}
          </a>
        </li>
        {STEPS.map((step) => (
          <li key={step} class={done.has(step) ? 'is-done' : undefined}>
            <a href={href(stepPath(appId, step))} aria-current={current === step ? 'page' : undefined}>
              {t(`competitions.apply.step.${step}`)}
            </a>
            {STEP_CHECK[step] ? <span class="step-state"> ({t(done.has(step) ? 'competitions.apply.step-done' : 'competitions.apply.step-todo')})</span> : null}
          </li>
        ))}
      </ol>
    </nav>
  );
}

/** Why an application cannot be changed now, if it cannot. */
export function LockedNote({ state }: { state: ApplicationState }) {
  const { t, f } = usePage();
  const { application: a, competition } = state.record;
  if (state.editable) return null;
  if (state.deadlinePassed) {
    return (
      <p class="flash flash--info application-locked" role="status">
        {t('competitions.apply.closed-note', { deadline: f.dateTime(competition.deadlineAt) })}
      </p>
    );
  }
  if (a.status === 'withdrawn') {
    return (
      <p class="flash flash--info application-locked" role="status">
        {t('competitions.apply.withdrawn-note', { time: a.withdrawnAt ? f.dateTime(a.withdrawnAt) : '' })}
      </p>
    );
  }
  if (a.status !== 'draft') {
    return (
      <p class="flash flash--info application-locked" role="status">
        {t('competitions.apply.submitted-note', { deadline: f.dateTime(competition.deadlineAt) })}
      </p>
    );
  }
  if (!state.accepting) {
    return (
      <p class="flash flash--info application-locked" role="status">
        {t('competitions.apply.not-accepting')}
      </p>
    );
  }
  return null;
}
