import type { FormState } from '../../../core/http/forms.ts';
import { Form, FormSelect } from '../../../core/views/components.tsx';
import { usePage } from '../../../core/views/page-context.ts';
import { STEPS, type Step } from '../content.ts';
import {
  type ApplicationAttachment,
  ApplicationContext,
  type ApplicationState,
  applicationPath,
  LockedNote,
  Problems,
  problemsOf,
  StepNav,
  stepPath,
} from './application-parts.tsx';

export type AttachmentsPageProps = {
  state: ApplicationState;
  attachments: readonly ApplicationAttachment[];
  done: ReadonlySet<Step>;
  /** The upload form: the chosen document, and why an upload was refused. */
  form: FormState;
  maxMb: number;
};

/** The attachments step: the documents the rules ask for, one upload form, and the files attached. */
export function ApplicationAttachmentsPage({ state, attachments, done, form, maxMb }: AttachmentsPageProps) {
  const { t, f, lang, href } = usePage();
  const { application: a, rule } = state.record;
  const documents = rule.definition.documents;
  const titleOf = (code: string) => documents.find((d) => d.code === code)?.title[lang] ?? code;
  const fileError = form.errors.file;
  const label = (field: string) => t(field === 'file' ? 'competitions.apply.field.file' : 'competitions.apply.field.document');
  return (
    <section class="application-attachments">
      <h1>{t('competitions.apply.step-title', { n: STEPS.indexOf('attachments') + 1, total: STEPS.length, step: t('competitions.apply.step.attachments') })}</h1>
      <ApplicationContext record={state.record} />
      <StepNav appId={a.id} current="attachments" done={done} />
      <LockedNote state={state} />
      <Problems problems={problemsOf(form.errors, label, t)} />
      <h2>{t('competitions.apply.attachments.documents')}</h2>
      <div class="table-scroll">
        <table>
          <caption class="visually-hidden">{t('competitions.apply.attachments.documents')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('competitions.apply.field.document')}</th>
              <th scope="col">{t('competitions.apply.attachments.need')}</th>
              <th scope="col">{t('competitions.apply.attachments.attached')}</th>
            </tr>
          </thead>
          <tbody>
            {documents.map((d) => {
              const count = attachments.filter((x) => x.documentCode === d.code).length;
              return (
                <tr key={d.code}>
                  <td>{d.title[lang]}</td>
                  <td>{t(d.required ? 'competitions.apply.attachments.required' : 'competitions.apply.attachments.optional')}</td>
                  <td class={d.required && count === 0 ? 'is-missing' : undefined}>
                    {count === 0 ? t('competitions.apply.attachments.missing') : t('competitions.apply.attachments.count', { count })}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      {state.editable ? (
        <>
          <h2>{t('competitions.apply.attachments.upload')}</h2>
          <Form action={href(applicationPath(a.id, '/attachments'))} multipart label={t('competitions.apply.attachments.upload')} class="upload-form">
            <FormSelect
              form={form}
              name="documentCode"
              label={t('competitions.apply.field.document')}
              emptyLabel={t('competitions.apply.attachments.choose')}
              choices={documents.map((d) => ({
                value: d.code,
                label: `${d.title[lang]} (${t(d.required ? 'competitions.apply.attachments.required' : 'competitions.apply.attachments.optional')})`,
              }))}
              required
            />
            <div class={`field${fileError ? ' field--error' : ''}`}>
              <label for="field-file">{t('competitions.apply.field.file')}</label>
              <p class="hint" id="field-file-hint">
                {t('competitions.apply.attachments.file-hint', { max: maxMb })}
              </p>
              {fileError ? (
                <p class="field-error" id="field-file-error">
                  {t(fileError.key, fileError.params)}
                </p>
              ) : null}
              <input
                id="field-file"
                name="file"
                type="file"
                accept=".pdf,.png,.jpg,.jpeg,.webp,.docx,.xlsx,.odt,.ods"
                required
                aria-invalid={fileError ? 'true' : undefined}
                aria-describedby={fileError ? 'field-file-hint field-file-error' : 'field-file-hint'}
              />
            </div>
            <button type="submit" class="button">
              {t('competitions.apply.attachments.submit')}
            </button>
          </Form>
        </>
      ) : null}
      <h2>{t('competitions.apply.attachments.list')}</h2>
      {attachments.length === 0 ? (
        <p class="note">{t('competitions.apply.attachments.none')}</p>
      ) : (
        <div class="table-scroll">
          <table>
            <caption class="visually-hidden">{t('competitions.apply.attachments.list')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('competitions.apply.field.document')}</th>
                <th scope="col">{t('competitions.apply.field.file')}</th>
                <th scope="col">{t('competitions.apply.attachments.added')}</th>
                {state.editable ? <th scope="col">{t('competitions.apply.attachments.actions')}</th> : null}
              </tr>
            </thead>
            <tbody>
              {attachments.map((x) => (
                <tr key={x.fileId}>
                  <td>{titleOf(x.documentCode)}</td>
                  <td>
                    <a href={href(applicationPath(a.id, `/attachments/${x.fileId}`))} hx-boost="false">
                      {x.name}
                    </a>{' '}
                    <span class="note">({t('competitions.apply.kilobytes', { size: f.number(Math.max(1, Math.ceil(x.size / 1024))) })})</span>
                  </td>
                  <td>{f.dateTime(x.addedAt)}</td>
                  {state.editable ? (
                    <td>
                      <Form action={href(applicationPath(a.id, `/attachments/${x.fileId}/delete`))} class="inline-form" label={t('competitions.apply.attachments.remove-file', { name: x.name })}>
                        <button type="submit" class="button button--secondary">
                          {t('competitions.apply.attachments.remove')}
                          <span class="visually-hidden"> {x.name}</span>
                        </button>
                      </Form>
                    </td>
                  ) : null}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <p class="actions">
        <a class="button" href={href(stepPath(a.id, 'review'))}>
          {t('competitions.apply.attachments.continue')}
        </a>
        <a href={href(applicationPath(a.id))}>{t('competitions.apply.back-to-overview')}</a>
      </p>
    </section>
  );
}
