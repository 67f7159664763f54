import { emptyForm, type FormState } from '../../../core/http/forms.ts';
import { ErrorSummary, Form } from '../../../core/views/components.tsx';
import { usePage } from '../../../core/views/page-context.ts';
import { organisationName } from '../../organisations/index.ts';
import type { ApplicationAttachment, ApplicationRecord } from '../records.ts';
import { localised } from '../records.ts';
import { ApplicationReadOnly } from './application-read-only.tsx';

/**
 * Admit, or refuse with a reason: two small forms posting to the same address. On the desk they
 * sit in each application's row; on the application's page, below it.
 */
export function AdmissionForms({ applicationId, form = emptyForm(), compact = false }: { applicationId: string; form?: FormState; compact?: boolean }) {
  const { t, href } = usePage();
  const action = href(`/manage/applications/${applicationId}/admission`);
  const error = form.errors.reason;
  const reasonId = compact ? `reason-${applicationId}` : 'field-reason';
  const reason = typeof form.values.reason === 'string' ? form.values.reason : '';
  return (
    <div class={`admission${compact ? ' admission--compact' : ''}`}>
      <Form action={action} class="inline-form">
        <input type="hidden" name="decision" value="admit" />
        <button type="submit" class="button">
          {t('competitions.manage.admission.admit')}
        </button>
      </Form>
      <Form action={action} class={`reject-form${error ? ' field--error' : ''}`}>
        <input type="hidden" name="decision" value="refuse" />
        <label for={reasonId}>{t('competitions.manage.admission.reason')}</label>
        {error ? (
          <p class="field-error" id={`${reasonId}-error`}>
            {t(error.key, error.params)}
          </p>
        ) : null}
        <textarea id={reasonId} name="reason" rows={compact ? 2 : 3} aria-invalid={error ? 'true' : undefined} aria-describedby={error ? `${reasonId}-error` : undefined}>
          {reason}
        </textarea>
        <button type="submit" class="button button--secondary">
          {t('competitions.manage.admission.refuse')}
        </button>
      </Form>
    </div>
  );
}

/** One received application as the organiser reads it, with the admission decision while admission is open. */
export function ManageApplicationPage({
  record,
  canDecide,
  form,
  attachments,
}: { record: ApplicationRecord; canDecide: boolean; form: FormState; attachments: ApplicationAttachment[] }) {
  const { t, f, lang, href } = usePage();
  const { application: a, competition, lot, organisation } = record;
  return (
    <section class="manage">
      <p>
        <a href={href(`/manage/competitions/${competition.id}#lot-${lot.number}`)}>{t('competitions.manage.back-to-desk', { number: competition.number })}</a>
      </p>
      <h1>{t('competitions.manage.application.title', { number: a.receiptNumber ?? '—' })}</h1>
      <dl class="facts">
        <dt>{t('competitions.manage.field.organisation')}</dt>
        <dd>
          <a href={href(`/organisations/${organisation.bin}`)}>{organisationName(organisation, lang)}</a>
        </dd>
        <dt>{t('competitions.manage.field.lot')}</dt>
        <dd>
          {lot.number}. {localised(lot, lang)}
        </dd>
        <dt>{t('competitions.manage.field.submitted-at')}</dt>
        <dd>{a.submittedAt ? f.dateTime(a.submittedAt) : '—'}</dd>
        <dt>{t('competitions.manage.field.requested')}</dt>
        <dd>{f.money(a.requestedTiyn)}</dd>
        <dt>{t('competitions.manage.field.status')}</dt>
        <dd>
          {t(`competitions.status.${a.status}`)}
          {a.status === 'refused' && a.decisionReason ? <> — {a.decisionReason}</> : null}
        </dd>
        {a.contentSha256 ? (
          <>
            <dt>SHA-256</dt>
            <dd>
              <code class="manage-hash">{a.contentSha256}</code>
            </dd>
          </>
        ) : null}
      </dl>
      {canDecide ? (
        <section aria-labelledby="admission-heading">
          <h2 id="admission-heading">{t('competitions.manage.admission.title')}</h2>
          <ErrorSummary form={form} />
          <AdmissionForms applicationId={a.id} form={form} />
        </section>
      ) : null}
      <ApplicationReadOnly record={record} attachments={attachments} />
    </section>
  );
}
