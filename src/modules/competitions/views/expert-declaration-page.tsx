import type { FormState } from '../../../core/http/forms.ts';
import { ErrorSummary, Form, Submit, TextareaField } from '../../../core/views/components.tsx';
import { usePage } from '../../../core/views/page-context.ts';
import { organisationName } from '../../organisations/index.ts';
import type { ApplicationRecord } from '../records.ts';
import { ExpertApplicationHeading } from './expert-application-heading.tsx';

/** Before reading an application, the expert declares whether they have a conflict of interest with the applicant. */
export function ExpertDeclarationPage(props: { title: string; record: ApplicationRecord; form: FormState; action: string; memberOfApplicant: boolean }) {
  const { t, lang } = usePage();
  const { form, record } = props;
  const error = form.errors.hasConflict;
  const chosen = form.values.hasConflict;
  return (
    <section class="expert-application">
      <ExpertApplicationHeading title={props.title} record={record} />
      <h2>{t('competitions.expert.declare.title')}</h2>
      <p>{t('competitions.expert.declare.intro')}</p>
      <ul>
        <li>{t('competitions.expert.declare.rule.member')}</li>
        <li>{t('competitions.expert.declare.rule.head')}</li>
        <li>{t('competitions.expert.declare.rule.paid')}</li>
      </ul>
      <p>{t('competitions.expert.declare.consequence')}</p>
      {props.memberOfApplicant ? (
        <p class="flash flash--error" role="note">
          {t('competitions.expert.declare.member-notice', { organisation: organisationName(record.organisation, lang) })}
        </p>
      ) : null}
      <ErrorSummary form={form} />
      <Form action={props.action} label={t('competitions.expert.declare.title')}>
        <fieldset class={`field checkboxes${error ? ' field--error' : ''}`} id="field-hasConflict" aria-describedby={error ? 'field-hasConflict-error' : undefined}>
          <legend>{t('competitions.expert.declare.choice')}</legend>
          {error ? (
            <p class="field-error" id="field-hasConflict-error">
              {t(error.key, error.params)}
            </p>
          ) : null}
          {(['no', 'yes'] as const).map((value) => (
            <div class="checkbox" key={value}>
              <input type="radio" id={`field-hasConflict-${value}`} name="hasConflict" value={value} checked={chosen === value} />
              <label for={`field-hasConflict-${value}`}>{t(`competitions.expert.declare.${value}`)}</label>
            </div>
          ))}
        </fieldset>
        <TextareaField form={form} name="note" label={t('competitions.expert.declare.note')} hint={t('competitions.expert.declare.note-hint')} rows={3} />
        <Submit>{t('competitions.expert.declare.submit')}</Submit>
      </Form>
    </section>
  );
}
