import { localDateTimeValue } from '../../../core/format/local-time.ts';
import { REGIONS } from '../../../core/geo/regions.ts';
import type { FormState, FormValues } from '../../../core/http/forms.ts';
import { CheckboxGroup, ErrorSummary, Field, Form, FormSelect, Submit, TextareaField } from '../../../core/views/components.tsx';
import { usePage } from '../../../core/views/page-context.ts';
import { AREAS } from '../../organisations/index.ts';
import { ageOn } from '../eligibility.ts';
import { AVAILABILITY, CONTACT_CHANNELS, LANGUAGES, SKILLS } from '../schema.ts';
import type { ProfileRow } from '../work-queries.ts';

/** The form's values from a saved profile. */
export function profileFormValues(p: ProfileRow): FormValues {
  return {
    birthDate: p.birthDate,
    regionCode: p.regionCode,
    city: p.city,
    languages: p.languages,
    skills: p.skills,
    areas: p.areas,
    availability: p.availability,
    contactChannels: p.contactChannels,
    phone: p.phone ?? '',
    about: p.about ?? '',
    publicProfile: p.publicProfile ? 'on' : undefined,
    openToInvitations: p.openToInvitations ? 'on' : undefined,
  };
}

function Toggle({ form, name, label, hint }: { form: FormState; name: string; label: string; hint: string }) {
  return (
    <div class="field checkbox">
      <input type="checkbox" id={`field-${name}`} name={name} checked={form.values[name] === 'on'} aria-describedby={`field-${name}-hint`} />
      <label for={`field-${name}`}>{label}</label>
      <p class="hint" id={`field-${name}-hint`}>
        {hint}
      </p>
    </div>
  );
}

/** A parent's written consent, needed before a volunteer under 14 can sign up (Law 42-VI art. 12). */
function Consent({ profile, form }: { profile: ProfileRow; form: FormState }) {
  const { t, f, href } = usePage();
  return (
    <section aria-labelledby="consent">
      <h2 id="consent">{t('volunteers.consent.title')}</h2>
      {profile.consentRecordedAt ? (
        <p class="note"><strong>{t('volunteers.consent.on-record', { name: profile.consentParentName ?? '', date: f.date(profile.consentRecordedAt) })}</strong></p>
      ) : (
        <p>{t('volunteers.consent.explain')}</p>
      )}
      <ErrorSummary form={form} />
      <Form action={href('/volunteer/profile/consent')} multipart label={t('volunteers.consent.title')}>
        <Field form={form} name="parentName" label={t('volunteers.consent.parent')} autocomplete="off" required />
        <div class={`field${form.errors.file ? ' field--error' : ''}`}>
          <label for="field-file">{t('volunteers.consent.file')}</label>
          <p class="hint" id="field-file-hint">
            {t('volunteers.consent.file-hint')}
          </p>
          {form.errors.file ? (
            <p class="field-error" id="field-file-error">
              {t(form.errors.file.key, form.errors.file.params)}
            </p>
          ) : null}
          <input type="file" id="field-file" name="file" accept=".pdf,.jpg,.jpeg,.png" aria-describedby={`field-file-hint${form.errors.file ? ' field-file-error' : ''}`} />
        </div>
        <Submit>{t('volunteers.consent.submit')}</Submit>
      </Form>
    </section>
  );
}

export function ProfilePage({ profile, form, consentForm, today }: { profile: ProfileRow | null; form: FormState; consentForm: FormState; today: Date }) {
  const { t, lang, href } = usePage();
  const choices = (prefix: string, values: readonly string[]) => values.map((v) => ({ value: v, label: t(`${prefix}${v}`) }));
  const young = profile !== null && ageOn(profile.birthDate, localDateTimeValue(today).slice(0, 10)) < 14;
  return (
    <>
      <h1>{t('volunteers.profile.title')}</h1>
      <p>{t('volunteers.profile.intro')}</p>
      <ErrorSummary form={form} />
      <Form action={href('/volunteer/profile')} label={t('volunteers.profile.title')}>
        <Field form={form} name="birthDate" type="date" label={t('volunteers.profile.birth-date')} hint={t('volunteers.profile.birth-date-hint')} autocomplete="bday" required />
        <FormSelect form={form} name="regionCode" label={t('volunteers.profile.region')} emptyLabel={t('volunteers.profile.choose')} choices={REGIONS.map((r) => ({ value: r.code, label: r.name[lang] }))} required />
        <Field form={form} name="city" label={t('volunteers.profile.city')} autocomplete="address-level2" required />
        <CheckboxGroup form={form} name="languages" legend={t('volunteers.profile.languages')} choices={choices('volunteers.language.', LANGUAGES)} />
        <CheckboxGroup form={form} name="skills" legend={t('volunteers.profile.skills')} choices={choices('volunteers.skill.', SKILLS)} />
        <CheckboxGroup form={form} name="areas" legend={t('volunteers.profile.areas')} choices={choices('organisations.area.', AREAS)} />
        <CheckboxGroup form={form} name="availability" legend={t('volunteers.profile.availability')} choices={choices('volunteers.availability.', AVAILABILITY)} />
        <CheckboxGroup form={form} name="contactChannels" legend={t('volunteers.profile.contact')} choices={choices('volunteers.contact.', CONTACT_CHANNELS)} />
        <Field form={form} name="phone" type="tel" label={t('volunteers.profile.phone')} autocomplete="tel" />
        <TextareaField form={form} name="about" label={t('volunteers.profile.about')} rows={4} />
        <Toggle form={form} name="publicProfile" label={t('volunteers.profile.public')} hint={t('volunteers.profile.public-hint')} />
        <Toggle form={form} name="openToInvitations" label={t('volunteers.profile.invitations')} hint={t('volunteers.profile.invitations-hint')} />
        <Submit>{t('volunteers.profile.save')}</Submit>
      </Form>
      {profile && (young || profile.consentRecordedAt) ? <Consent profile={profile} form={consentForm} /> : null}
    </>
  );
}
