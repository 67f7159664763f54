import { REGIONS } from '../../../core/geo/regions.ts';
import type { FormState } from '../../../core/http/forms.ts';
import { CheckboxGroup, ErrorSummary, Field, Form, FormSelect, Submit, TextareaField } from '../../../core/views/components.tsx';
import { usePage } from '../../../core/views/page-context.ts';
import { AREAS } from '../../organisations/index.ts';
import type { HostDesk } from '../coordinate-queries.ts';
import { SHIFT_ROWS } from '../inputs.ts';
import { RISKS, SKILLS } from '../schema.ts';
import { HostName } from './work-parts.tsx';

/** A new opportunity with up to four shifts, in Kazakh and Russian. */
export function OpportunityFormPage({ host, form }: { host: HostDesk['host']; form: FormState }) {
  const { t, lang, href } = usePage();
  const choices = (prefix: string, values: readonly string[]) => values.map((v) => ({ value: v, label: t(`${prefix}${v}`) }));
  return (
    <>
      <h1>{t('volunteers.manage.opportunity-new')}</h1>
      <p>
        <HostName {...host} />
      </p>
      <ErrorSummary form={form} />
      <Form action={href(`/volunteering/manage/${host.id}/opportunities`)} label={t('volunteers.manage.opportunity-new')}>
        <Field form={form} name="titleKk" label={t('volunteers.manage.title-kk')} lang="kk" required />
        <Field form={form} name="titleRu" label={t('volunteers.manage.title-ru')} lang="ru" required />
        <TextareaField form={form} name="descriptionKk" label={t('volunteers.manage.description-kk')} lang="kk" required />
        <TextareaField form={form} name="descriptionRu" label={t('volunteers.manage.description-ru')} lang="ru" required />
        <FormSelect form={form} name="area" label={t('volunteers.manage.area')} emptyLabel={t('volunteers.profile.choose')} choices={choices('organisations.area.', AREAS)} required />
        <FormSelect form={form} name="regionCode" label={t('volunteers.profile.region')} choices={REGIONS.map((r) => ({ value: r.code, label: r.name[lang] }))} required />
        <div class="field checkbox">
          <input type="checkbox" id="field-online" name="online" checked={form.values.online === 'on'} />
          <label for="field-online">{t('volunteers.manage.online')}</label>
        </div>
        <Field form={form} name="address" label={t('volunteers.manage.address')} hint={t('volunteers.manage.address-hint')} />
        <CheckboxGroup form={form} name="skills" legend={t('volunteers.manage.skills')} choices={choices('volunteers.skill.', SKILLS)} />
        <Field form={form} name="minAge" type="number" label={t('volunteers.manage.min-age')} hint={t('volunteers.manage.min-age-hint')} required />
        <FormSelect form={form} name="risk" label={t('volunteers.manage.risk')} choices={choices('volunteers.risk.', RISKS)} required />
        <fieldset class="shifts">
          <legend>{t('volunteers.manage.shifts-legend')}</legend>
          <p class="hint">{t('volunteers.manage.shifts-hint')}</p>
          {Array.from({ length: SHIFT_ROWS }, (_, i) => (
            <div key={i} class="shift-row">
              <Field form={form} name={`shift.${i}.start`} type="datetime-local" label={t('volunteers.manage.shift-start', { n: i + 1 })} />
              <Field form={form} name={`shift.${i}.end`} type="datetime-local" label={t('volunteers.manage.shift-end', { n: i + 1 })} />
              <Field form={form} name={`shift.${i}.capacity`} type="number" label={t('volunteers.manage.shift-capacity', { n: i + 1 })} />
            </div>
          ))}
        </fieldset>
        <Submit>{t('volunteers.manage.publish')}</Submit>
      </Form>
    </>
  );
}
