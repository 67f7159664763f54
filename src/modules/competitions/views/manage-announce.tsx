import { REGIONS } from '../../../core/geo/regions.ts';
import type { FormState } from '../../../core/http/forms.ts';
import { ErrorSummary, Field, Form, FormSelect, TextareaField } from '../../../core/views/components.tsx';
import { usePage } from '../../../core/views/page-context.ts';
import { AREAS, organisationName } from '../../organisations/index.ts';
import { DATE_FIELDS, lotField } from '../manage-inputs.ts';
import type { OrganisationRow, RuleVersionRow } from '../records.ts';
import { localised } from '../records.ts';
import { DURATION_TYPES, INSTRUMENTS } from '../schema.ts';

const DATETIME = 'datetime-local';

/** The five dates of a competition as datetime-local fields, read and shown in Kazakhstan time. */
export function DateFields({ form }: { form: FormState }) {
  const { t } = usePage();
  return (
    <fieldset class="manage-dates">
      <legend>{t('competitions.manage.dates')}</legend>
      <p class="hint">{t('competitions.manage.dates.hint')}</p>
      {DATE_FIELDS.map((name) => (
        <Field key={name} form={form} name={name} type={DATETIME} label={t(`competitions.manage.field.${name}`)} required />
      ))}
    </fieldset>
  );
}

function LotRow({ form, row }: { form: FormState; row: number }) {
  const { t, lang } = usePage();
  const name = (f: Parameters<typeof lotField>[1]) => lotField(row, f);
  return (
    <fieldset class="manage-lot" id={`lot-${row + 1}`}>
      <legend>{t('competitions.manage.lot.legend', { number: row + 1 })}</legend>
      <Field form={form} name={name('titleKk')} label={t('competitions.manage.lot.title-kk')} lang="kk" />
      <Field form={form} name={name('titleRu')} label={t('competitions.manage.lot.title-ru')} lang="ru" />
      <FormSelect
        form={form}
        name={name('area')}
        label={t('competitions.manage.lot.area')}
        emptyLabel={t('competitions.manage.choose')}
        choices={AREAS.map((a) => ({ value: a, label: t(`organisations.area.${a}`) }))}
      />
      <FormSelect
        form={form}
        name={name('regionCode')}
        label={t('competitions.manage.lot.region')}
        emptyLabel={t('competitions.manage.lot.region-same')}
        choices={REGIONS.map((r) => ({ value: r.code, label: r.name[lang] }))}
      />
      <Field form={form} name={name('budget')} label={t('competitions.manage.lot.budget')} hint={t('competitions.manage.lot.budget-hint')} />
      <FormSelect
        form={form}
        name={name('durationType')}
        label={t('competitions.manage.lot.duration')}
        choices={DURATION_TYPES.map((d) => ({ value: d, label: t(`competitions.duration.${d}`) }))}
      />
      <TextareaField form={form} name={name('indicators')} label={t('competitions.manage.lot.indicators')} hint={t('competitions.manage.lot.indicators-hint')} rows={4} />
    </fieldset>
  );
}

/** Announcing a competition: its body, instrument and rule, texts, dates, and as many lots as it has. */
export function AnnounceFormPage(props: { form: FormState; rows: number; bodies: OrganisationRow[]; rules: RuleVersionRow[] }) {
  const { t, lang, href } = usePage();
  const { form } = props;
  return (
    <section class="manage">
      <p>
        <a href={href('/manage/competitions')}>{t('competitions.manage.back-to-list')}</a>
      </p>
      <h1>{t('competitions.manage.new.title')}</h1>
      <p>{t('competitions.manage.new.intro')}</p>
      <ErrorSummary form={form} />
      <Form action={href('/manage/competitions/new')} class="manage-announce">
        <fieldset>
          <legend>{t('competitions.manage.new.competition')}</legend>
          <FormSelect
            form={form}
            name="organiserId"
            label={t('competitions.manage.field.organiser')}
            choices={props.bodies.map((b) => ({ value: b.id, label: organisationName(b, lang) }))}
            required
          />
          <FormSelect
            form={form}
            name="instrument"
            label={t('competitions.manage.field.instrument')}
            choices={INSTRUMENTS.map((i) => ({ value: i, label: t(`competitions.instrument.${i}`) }))}
            required
          />
          <FormSelect
            form={form}
            name="ruleVersionId"
            label={t('competitions.manage.field.rule')}
            choices={props.rules.map((r) => ({ value: r.id, label: `${localised(r, lang)} — ${t(`competitions.instrument.${r.instrument}`)}` }))}
            required
          />
          <Field form={form} name="year" type="number" label={t('competitions.manage.field.year')} hint={t('competitions.manage.field.year-hint')} required />
          <FormSelect
            form={form}
            name="regionCode"
            label={t('competitions.manage.field.region')}
            emptyLabel={t('competitions.manage.national')}
            choices={REGIONS.map((r) => ({ value: r.code, label: r.name[lang] }))}
          />
          <Field form={form} name="titleKk" label={t('competitions.manage.field.title-kk')} lang="kk" required />
          <Field form={form} name="titleRu" label={t('competitions.manage.field.title-ru')} lang="ru" required />
          <Field form={form} name="titleEn" label={t('competitions.manage.field.title-en')} lang="en" />
          <TextareaField form={form} name="descriptionKk" label={t('competitions.manage.field.description-kk')} lang="kk" />
          <TextareaField form={form} name="descriptionRu" label={t('competitions.manage.field.description-ru')} lang="ru" />
        </fieldset>
        <DateFields form={form} />
        <h2>{t('competitions.manage.lots')}</h2>
        <p class="hint">{t('competitions.manage.lots.hint')}</p>
        <input type="hidden" name="lotRows" value={String(props.rows)} />
        {Array.from({ length: props.rows }, (_, row) => (
          <LotRow key={row} form={form} row={row} />
        ))}
        <p class="actions">
          <button type="submit" class="button">
            {t('competitions.manage.new.submit')}
          </button>
          <button type="submit" name="addRows" value="1" class="button button--secondary" formnovalidate>
            {t('competitions.manage.new.add-rows')}
          </button>
        </p>
      </Form>
    </section>
  );
}
