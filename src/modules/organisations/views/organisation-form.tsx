import { DISTRICTS } from '../../../core/geo/districts.ts';
import { REGIONS } from '../../../core/geo/regions.ts';
import type { FormState, FormValues } from '../../../core/http/forms.ts';
import { CheckboxGroup, ErrorSummary, Field, Form, FormSelect, Submit, TextareaField } from '../../../core/views/components.tsx';
import { usePage } from '../../../core/views/page-context.ts';
import type { OrganisationRow } from '../queries.ts';
import { AREAS, LEGAL_FORMS, ORGANISATION_STATUSES, SETTLEMENTS } from '../schema.ts';

/** An existing record as the edit form's starting values. */
export function formValuesOf(org: OrganisationRow): FormValues {
  const values: FormValues = {};
  for (const [k, v] of Object.entries(org)) {
    if (v === null || v === undefined || v instanceof Date) continue;
    values[k] = Array.isArray(v) ? v.map(String) : String(v);
  }
  return values;
}

export function OrganisationForm({ form, action, mode, submitLabel }: { form: FormState; action: string; mode: 'new' | 'edit'; submitLabel: string }) {
  const { t, lang, actor } = usePage();
  const regionChoices = REGIONS.map((r) => ({ value: r.code, label: r.name[lang] }));
  const districtGroups = REGIONS.map((r) => ({
    label: r.name[lang],
    choices: DISTRICTS.filter((d) => d.regionCode === r.code).map((d) => ({ value: d.kato, label: d.name[lang] })),
  }));
  const legalForms = LEGAL_FORMS.filter((f) => f !== 'state-body' || actor.roles.has('admin'));
  return (
    <>
      <ErrorSummary form={form} />
      <Form action={action} class="organisation-form">
        {mode === 'new' ? (
          <Field form={form} name="bin" label={t('organisations.field.bin')} hint={t('organisations.hint.bin')} required autocomplete="off" />
        ) : null}
        <FormSelect
          form={form}
          name="legalForm"
          label={t('organisations.field.legal-form')}
          emptyLabel={t('organisations.choose')}
          choices={legalForms.map((f) => ({ value: f, label: t(`organisations.legal-form.${f}`) }))}
          required
        />
        {mode === 'edit' && actor.roles.has('admin') ? (
          <FormSelect
            form={form}
            name="kind"
            label={t('organisations.field.kind')}
            choices={[
              { value: 'ngo', label: t('organisations.kind.ngo') },
              { value: 'state', label: t('organisations.kind.state') },
            ]}
          />
        ) : null}
        <Field form={form} name="nameKk" label={t('organisations.field.name-kk')} lang="kk" required />
        <Field form={form} name="nameRu" label={t('organisations.field.name-ru')} lang="ru" required />
        <Field form={form} name="nameEn" label={t('organisations.field.name-en')} lang="en" />
        <Field form={form} name="shortNameKk" label={t('organisations.field.short-name-kk')} lang="kk" />
        <Field form={form} name="shortNameRu" label={t('organisations.field.short-name-ru')} lang="ru" />
        <FormSelect form={form} name="regionCode" label={t('organisations.field.region')} emptyLabel={t('organisations.choose')} choices={regionChoices} required />
        <FormSelect form={form} name="districtKato" label={t('organisations.field.district')} emptyLabel={t('organisations.choose')} groups={districtGroups} />
        <FormSelect
          form={form}
          name="settlement"
          label={t('organisations.field.settlement')}
          choices={SETTLEMENTS.map((s) => ({ value: s, label: t(`organisations.settlement.${s}`) }))}
        />
        {mode === 'edit' ? (
          <FormSelect
            form={form}
            name="status"
            label={t('organisations.field.status')}
            choices={ORGANISATION_STATUSES.map((s) => ({ value: s, label: t(`organisations.status.${s}`) }))}
          />
        ) : null}
        <CheckboxGroup form={form} name="areas" legend={t('organisations.field.area')} choices={AREAS.map((a) => ({ value: a, label: t(`organisations.area.${a}`) }))} />
        <Field form={form} name="registeredOn" type="date" label={t('organisations.field.registered-on')} />
        <Field form={form} name="headName" label={t('organisations.field.head')} />
        <Field form={form} name="email" type="email" label={t('organisations.field.email')} autocomplete="email" />
        <Field form={form} name="phone" type="tel" label={t('organisations.field.phone')} autocomplete="tel" />
        <Field form={form} name="address" label={t('organisations.field.address')} />
        <Field form={form} name="website" type="url" label={t('organisations.field.website')} />
        <TextareaField form={form} name="descriptionKk" label={t('organisations.field.description-kk')} lang="kk" />
        <TextareaField form={form} name="descriptionRu" label={t('organisations.field.description-ru')} lang="ru" />
        <Field form={form} name="staffCount" type="number" label={t('organisations.field.staff')} />
        <Field form={form} name="volunteerCount" type="number" label={t('organisations.field.volunteers')} />
        <Submit>{submitLabel}</Submit>
      </Form>
    </>
  );
}

/** The page around the form: registering a new organisation, or editing one's profile. */
export function OrganisationFormPage({ form, action, mode }: { form: FormState; action: string; mode: 'new' | 'edit' }) {
  const { t } = usePage();
  return (
    <section class="narrow">
      <h1>{t(mode === 'new' ? 'organisations.new.title' : 'organisations.edit.title')}</h1>
      {mode === 'new' ? <p>{t('organisations.new.intro')}</p> : null}
      <OrganisationForm form={form} action={action} mode={mode} submitLabel={t(mode === 'new' ? 'organisations.new.submit' : 'organisations.edit.submit')} />
    </section>
  );
}
