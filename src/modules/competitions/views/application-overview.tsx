import { Form } from '../../../core/views/components.tsx';
import { usePage } from '../../../core/views/page-context.ts';
import { organisationName } from '../../organisations/index.ts';
import { STEPS, type Step } from '../content.ts';
import type { Check } from '../eligibility.ts';
import { localised } from '../records.ts';
import {
  type ApplicationAttachment,
  ApplicationContext,
  type ApplicationState,
  applicationPath,
  LockedNote,
  type Problem,
  Problems,
  STEP_CHECK,
  StepNav,
  stepPath,
} from './application-parts.tsx';
import { ApplicationReadOnly } from './application-read-only.tsx';

/** The step where a failed completeness check is put right. */
const STEP_OF_CHECK = new Map(Object.entries(STEP_CHECK).map(([step, code]) => [code, step as Step]));

function CheckList({ title, checks, appId, linkSteps }: { title: string; checks: Check[]; appId: string; linkSteps: boolean }) {
  const { t, href } = usePage();
  return (
    <section class="application-checks" aria-label={title}>
      <h3>{title}</h3>
      <ul class="check-list">
        {checks.map((c) => {
          const step = linkSteps && !c.ok ? STEP_OF_CHECK.get(c.code) : undefined;
          return (
            <li key={c.code} class={c.ok ? 'check check--ok' : 'check check--fail'}>
              <strong class="check-state">{t(c.ok ? 'competitions.apply.check.ok' : 'competitions.apply.check.fail')}</strong>{' '}
              {t(`competitions.check.${c.code}`, c.params)}
              {step ? (
                <>
                  {' '}
                  <a href={href(stepPath(appId, step))}>{t('competitions.apply.check.fix', { step: t(`competitions.apply.step.${step}`) })}</a>
                </>
              ) : null}
            </li>
          );
        })}
      </ul>
    </section>
  );
}

/** The receipt's figures: number, time in Kazakhstan and the SHA-256 of what was submitted. */
export function ReceiptFacts({ number, submittedAt, sha256 }: { number: string; submittedAt: Date; sha256: string }) {
  const { t, f } = usePage();
  return (
    <dl class="facts receipt">
      <dt>{t('competitions.apply.fact.receipt')}</dt>
      <dd class="receipt-number">{number}</dd>
      <dt>{t('competitions.apply.fact.submitted-at')}</dt>
      <dd>{f.dateTime(submittedAt)}</dd>
      <dt>{t('competitions.apply.fact.sha256')}</dt>
      <dd>
        <code class="fingerprint">{sha256}</code>
      </dd>
    </dl>
  );
}

export type OverviewProps = {
  state: ApplicationState;
  checks: { eligibility: Check[]; completeness: Check[] };
  done: ReadonlySet<Step>;
  attachments: readonly ApplicationAttachment[];
  /** A refused submission: why. */
  problems?: Problem[];
};

/** An application at a glance: its steps, the checks before submission, the receipt, and what can be done. */
export function ApplicationOverviewPage({ state, checks, done, attachments, problems = [] }: OverviewProps) {
  const { t, f, lang, href } = usePage();
  const { application: a, lot, competition } = state.record;
  const draft = a.status === 'draft';
  return (
    <section class="application-overview">
      <h1>{t('competitions.apply.overview-title', { lot: localised(lot, lang) })}</h1>
      <ApplicationContext record={state.record} />
      <Problems problems={problems} heading={problems.some((p) => p.key === 'competitions.apply.check.not-met') ? t('competitions.error.not-ready') : undefined} />
      <LockedNote state={state} />
      <dl class="facts">
        <dt>{t('competitions.apply.fact.status')}</dt>
        <dd>{t(`competitions.status.${a.status}`)}</dd>
        <dt>{t('competitions.apply.fact.deadline')}</dt>
        <dd>{f.dateTime(competition.deadlineAt)}</dd>
        <dt>{t('competitions.apply.fact.requested')}</dt>
        <dd>
          {f.money(a.requestedTiyn)} ({t('competitions.apply.fact.of-lot', { budget: f.money(lot.budgetTiyn) })})
        </dd>
      </dl>
      {a.receiptNumber && a.submittedAt && a.contentSha256 ? (
        <section class="receipt-box" aria-labelledby="receipt-heading">
          <h2 id="receipt-heading">{t('competitions.apply.receipt.heading')}</h2>
          <ReceiptFacts number={a.receiptNumber} submittedAt={a.submittedAt} sha256={a.contentSha256} />
          <p>
            <a href={href(applicationPath(a.id, '/receipt'))}>{t('competitions.apply.receipt.open')}</a>
          </p>
        </section>
      ) : null}
      {draft ? (
        <>
          <h2>{t('competitions.apply.steps')}</h2>
          <StepNav appId={a.id} done={done} />
          <h2>{t('competitions.apply.checks.heading')}</h2>
          <p>{t('competitions.apply.checks.intro')}</p>
          <CheckList title={t('competitions.apply.checks.eligibility')} checks={checks.eligibility} appId={a.id} linkSteps={false} />
          <CheckList title={t('competitions.apply.checks.completeness')} checks={checks.completeness} appId={a.id} linkSteps={state.editable} />
        </>
      ) : null}
      {state.editable ? <SubmitForm appId={a.id} /> : null}
      {state.withdrawable ? (
        <section class="withdraw-box" aria-labelledby="withdraw-heading">
          <h2 id="withdraw-heading">{t('competitions.apply.withdraw')}</h2>
          <p>{t('competitions.apply.withdraw-hint', { deadline: f.dateTime(competition.deadlineAt) })}</p>
          <Form action={href(applicationPath(a.id, '/withdraw'))} label={t('competitions.apply.withdraw')} confirm={t('competitions.apply.withdraw-confirm')}>
            <button type="submit" class="button button--secondary">
              {t('competitions.apply.withdraw')}
            </button>
          </Form>
        </section>
      ) : null}
      {draft ? null : (
        <>
          <h2>{t('competitions.apply.content-heading')}</h2>
          <ApplicationReadOnly record={state.record} attachments={attachments} facts={false} level={3} />
        </>
      )}
      <p>
        <a href={href('/applications')}>{t('competitions.apply.back-to-list')}</a>
      </p>
    </section>
  );
}

/** The one button that submits; disabled while it is sent, and the use case gives one receipt however often it is pressed. */
export function SubmitForm({ appId }: { appId: string }) {
  const { t, href } = usePage();
  return (
    <section class="submit-box" aria-labelledby="submit-heading">
      <h2 id="submit-heading">{t('competitions.apply.submit')}</h2>
      <p>{t('competitions.apply.submit-hint')}</p>
      <Form action={href(applicationPath(appId, '/submit'))} label={t('competitions.apply.submit')}>
        <button type="submit" class="button">
          {t('competitions.apply.submit')}
        </button>
      </Form>
    </section>
  );
}

/** The last step: the whole application as the commission will read it, the checks, and the submit button. */
export function ApplicationReviewPage({ state, checks, done, attachments }: OverviewProps) {
  const { t } = usePage();
  const { application: a } = state.record;
  const failed = [...checks.eligibility, ...checks.completeness].filter((c) => !c.ok);
  return (
    <section class="application-review">
      <h1>{t('competitions.apply.step-title', { n: STEPS.length, total: STEPS.length, step: t('competitions.apply.step.review') })}</h1>
      <ApplicationContext record={state.record} />
      <StepNav appId={a.id} current="review" done={done} />
      <LockedNote state={state} />
      {a.status === 'draft' ? (
        failed.length > 0 ? (
          <CheckList title={t('competitions.apply.checks.missing')} checks={failed} appId={a.id} linkSteps={state.editable} />
        ) : (
          <p class="flash flash--success">{t('competitions.apply.checks.all-met')}</p>
        )
      ) : null}
      <ApplicationReadOnly record={state.record} attachments={attachments} />
      {state.editable ? <SubmitForm appId={a.id} /> : null}
    </section>
  );
}

/** What a submitter keeps: the receipt number, the time and the fingerprint, and what they prove. */
export function ApplicationReceiptPage({ state }: { state: ApplicationState }) {
  const { t, lang, href } = usePage();
  const { application: a, lot, organisation } = state.record;
  return (
    <section class="application-receipt">
      <h1>{t('competitions.apply.receipt.title', { number: a.receiptNumber ?? '' })}</h1>
      <ApplicationContext record={state.record} />
      {a.status === 'withdrawn' ? <LockedNote state={state} /> : null}
      <p>
        {t('competitions.apply.receipt.intro', {
          organisation: organisationName(organisation, lang),
          lot: localised(lot, lang),
        })}
      </p>
      <ReceiptFacts number={a.receiptNumber!} submittedAt={a.submittedAt!} sha256={a.contentSha256!} />
      <h2>{t('competitions.apply.receipt.keep-heading')}</h2>
      <p>{t('competitions.apply.receipt.keep')}</p>
      <p>{t('competitions.apply.receipt.mailed')}</p>
      <p class="actions">
        <a href={href(applicationPath(a.id))}>{t('competitions.apply.back-to-overview')}</a>
        <a href={href('/applications')}>{t('competitions.apply.back-to-list')}</a>
      </p>
    </section>
  );
}
