import type { FormState } from '../../../core/http/forms.ts';
import { ErrorSummary, Form, FormSelect, TextareaField } from '../../../core/views/components.tsx';
import { usePage } from '../../../core/views/page-context.ts';
import { localised } from '../../competitions/index.ts';
import { FILE_PURPOSES } from '../attach-report-file.ts';
import { actualField, evidenceField, reachedField, spentField } from '../work-inputs.ts';
import type { ReportSheet } from '../work-queries.ts';
import {
  BeneficiaryTable,
  CellInput,
  FileList,
  IndicatorTable,
  ReportBody,
  ReportContext,
  ReturnedComments,
  SpendingTable,
  workPath,
} from './work-parts.tsx';

export type ReportFormProps = {
  sheet: ReportSheet;
  /** The actor writes this report and it may still change. */
  editable: boolean;
  /** The organiser, who decides on a submitted report on its own page. */
  canDecide: boolean;
  form: FormState;
  fileForm: FormState;
  maxMb: number;
  /** Why the report cannot change, when the actor would write it. */
  lockedKey: string | null;
};

function UploadForm({ sheet, form, maxMb }: { sheet: ReportSheet; form: FormState; maxMb: number }) {
  const { t, href } = usePage();
  const error = form.errors.file;
  const action = `${workPath.reportForm(sheet.project.id, sheet.period.number)}/files`;
  return (
    <>
      <h3>{t('projects.work.files.upload')}</h3>
      <ErrorSummary form={form} />
      <Form action={href(action)} multipart label={t('projects.work.files.upload')} class="upload-form">
        <FormSelect
          form={form}
          name="purpose"
          label={t('projects.work.files.purpose')}
          choices={FILE_PURPOSES.map((p) => ({ value: p, label: `${t(`projects.work.files.purpose.${p}`)} — ${t(`projects.work.files.purpose.${p}.hint`)}` }))}
          required
        />
        <div class={`field${error ? ' field--error' : ''}`}>
          <label for="field-file">{t('projects.work.files.file')}</label>
          <p class="hint" id="field-file-hint">
            {t('projects.work.files.hint', { max: maxMb })}
          </p>
          {error ? (
            <p class="field-error" id="field-file-error">
              {t(error.key, error.params)}
            </p>
          ) : null}
          <input
            id="field-file"
            name="file"
            type="file"
            accept=".pdf,.png,.jpg,.jpeg,.webp,.docx,.xlsx,.odt,.ods,.csv,.txt"
            required
            aria-invalid={error ? 'true' : undefined}
            aria-describedby={error ? 'field-file-hint field-file-error' : 'field-file-hint'}
          />
        </div>
        <button type="submit" class="button">
          {t('projects.work.files.submit')}
        </button>
      </Form>
    </>
  );
}

/** The report of one period: the form while the organisation writes it, read only once submitted. */
export function ReportFormPage({ sheet, editable, canDecide, form, fileForm, maxMb, lockedKey }: ReportFormProps) {
  const { t, lang, href } = usePage();
  const { project, period, report } = sheet;
  const base = workPath.reportForm(project.id, period.number);
  return (
    <section class="work work-report">
      <p>
        <a href={href(workPath.home)}>{t('projects.work.back')}</a> · <a href={href(workPath.agreement(sheet.agreement.id))}>{t('projects.work.agreement.title', { number: sheet.agreement.number })}</a>
      </p>
      <h1>{t('projects.work.report.title', { period: period.number, project: localised(project, lang) })}</h1>
      <ReportContext sheet={sheet} />
      <ReturnedComments sheet={sheet} />
      {lockedKey ? <p class="work-locked">{t(lockedKey)}</p> : null}
      {canDecide && report?.status === 'submitted' ? (
        <p>
          <a class="button" href={href(workPath.report(report.id))}>
            {t('projects.work.report.review')}
          </a>
        </p>
      ) : null}
      {editable ? (
        <>
          <p>{t('projects.work.report.intro')}</p>
          <ErrorSummary form={form} />
          <Form action={href(base)} class="work-form work-report-form">
            <h2>{t('projects.work.report.indicators')}</h2>
            <p class="hint">{t('projects.work.report.indicators-hint')}</p>
            <IndicatorTable
              sheet={sheet}
              cells={(id, name) => [
                <CellInput key="a" form={form} name={actualField(id)} inputmode="decimal" label={t('projects.work.indicator.actual-of', { name })} />,
                <CellInput key="e" form={form} name={evidenceField(id)} wide label={t('projects.work.indicator.evidence-of', { name })} />,
              ]}
            />
            <TextareaField form={form} name="narrative" label={t('projects.work.report.narrative')} hint={t('projects.work.report.narrative-hint')} rows={8} required />
            <h2>{t('projects.work.report.beneficiaries')}</h2>
            <p class="hint">{t('projects.work.report.beneficiaries-hint')}</p>
            <BeneficiaryTable
              cell={(sex, group) => (
                <CellInput
                  key={group}
                  form={form}
                  name={reachedField(sex, group)}
                  inputmode="numeric"
                  label={t('projects.work.reached-cell', { sex: t(`projects.work.sex.${sex}`), age: t(`projects.work.age.${group}`) })}
                />
              )}
            />
            <h2>{t('projects.work.report.spending')}</h2>
            <p class="hint">{t('projects.work.report.spending-hint')}</p>
            <SpendingTable sheet={sheet} cell={(id, item) => <CellInput form={form} name={spentField(id)} inputmode="decimal" label={t('projects.work.budget.spent-of', { item })} />} />
            <p class="actions">
              <button type="submit" name="intent" value="save" class="button button--secondary">
                {t('projects.work.report.save')}
              </button>
              <button type="submit" name="intent" value="submit" class="button">
                {t('projects.work.report.submit')}
              </button>
            </p>
            <p class="note">{t('projects.work.report.submit-hint')}</p>
          </Form>
        </>
      ) : (
        <ReportBody sheet={sheet} />
      )}
      <section id="files" aria-labelledby="files-heading">
        <h2 id="files-heading">{t('projects.work.files')}</h2>
        {report ? <FileList reportId={report.id} files={sheet.files} removeAction={editable ? (fileId) => `${base}/files/${fileId}/delete` : undefined} /> : <p class="note">{t('projects.work.files.none')}</p>}
        {editable ? <UploadForm sheet={sheet} form={fileForm} maxMb={maxMb} /> : null}
      </section>
    </section>
  );
}
