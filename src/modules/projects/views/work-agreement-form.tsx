import type { FormState } from '../../../core/http/forms.ts';
import { ErrorSummary, Field, Form } from '../../../core/views/components.tsx';
import { usePage } from '../../../core/views/page-context.ts';
import { type ApplicationRecord, localised } from '../../competitions/index.ts';
import { organisationName } from '../../organisations/index.ts';
import { GroupError, PeriodRows, TrancheRows, workPath } from './work-parts.tsx';

export type AgreementFormProps = {
  record: ApplicationRecord;
  form: FormState;
  periodRows: number;
  trancheRows: number;
};

/** The organiser makes the agreement with a lot's winner: its terms, reporting periods and tranches. */
export function AgreementFormPage({ record, form, periodRows, trancheRows }: AgreementFormProps) {
  const { t, f, lang, href } = usePage();
  const { application, lot, competition, organisation } = record;
  return (
    <section class="work work-agreement-form">
      <p>
        <a href={href(workPath.home)}>{t('projects.work.back')}</a>
      </p>
      <h1>{t('projects.work.agreement.new.title')}</h1>
      <dl class="facts work-facts">
        <dt>{t('projects.work.organisation')}</dt>
        <dd>{organisationName(organisation, lang)}</dd>
        <dt>{t('projects.work.competition')}</dt>
        <dd>
          {competition.number}. {localised(competition, lang)}
        </dd>
        <dt>{t('projects.work.lot')}</dt>
        <dd>
          {t('projects.work.lot.number', { number: lot.number })} {localised(lot, lang)}
        </dd>
        <dt>{t('projects.work.application')}</dt>
        <dd>{application.receiptNumber ?? '—'}</dd>
        <dt>{t('projects.work.award')}</dt>
        <dd>{f.money(lot.awardTiyn ?? 0)}</dd>
      </dl>
      <p>{t('projects.work.agreement.new.intro')}</p>
      <ErrorSummary form={form} />
      <Form action={href(workPath.newAgreement(application.id))} class="work-form">
        <fieldset>
          <legend>{t('projects.work.agreement.terms')}</legend>
          <Field form={form} name="number" label={t('projects.work.agreement.number')} hint={t('projects.work.agreement.number-hint')} required />
          <Field form={form} name="signedOn" type="date" label={t('projects.work.agreement.signed-on')} required />
          <Field form={form} name="amount" label={t('projects.work.agreement.amount')} hint={t('projects.work.agreement.amount-hint', { award: f.money(lot.awardTiyn ?? 0) })} required />
          <Field form={form} name="startsOn" type="date" label={t('projects.work.agreement.starts-on')} required />
          <Field form={form} name="endsOn" type="date" label={t('projects.work.agreement.ends-on')} hint={t('projects.work.agreement.ends-on-hint')} required />
        </fieldset>
        <fieldset id="field-periods" class={form.errors.periods ? 'field--error' : undefined}>
          <legend>{t('projects.work.periods')}</legend>
          <p class="hint">{t('projects.work.periods.hint')}</p>
          <GroupError form={form} name="periods" />
          <input type="hidden" name="periodRows" value={String(periodRows)} />
          <PeriodRows form={form} rows={periodRows} />
        </fieldset>
        <fieldset id="field-tranches" class={form.errors.tranches ? 'field--error' : undefined}>
          <legend>{t('projects.work.tranches')}</legend>
          <p class="hint">{t('projects.work.tranches.hint')}</p>
          <GroupError form={form} name="tranches" />
          <input type="hidden" name="trancheRows" value={String(trancheRows)} />
          <TrancheRows form={form} rows={trancheRows} periods={periodRows} />
        </fieldset>
        <p class="actions">
          <button type="submit" class="button">
            {t('projects.work.agreement.make')}
          </button>
          <button type="submit" name="addPeriods" value="1" class="button button--secondary">
            {t('projects.work.periods.add')}
          </button>
          <button type="submit" name="addTranches" value="1" class="button button--secondary">
            {t('projects.work.tranches.add')}
          </button>
        </p>
      </Form>
    </section>
  );
}
