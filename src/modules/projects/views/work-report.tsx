import type { FormState } from '../../../core/http/forms.ts';
import { ErrorSummary, Form, TextareaField } from '../../../core/views/components.tsx';
import { usePage } from '../../../core/views/page-context.ts';
import { localised } from '../../competitions/index.ts';
import type { ReportSheet } from '../work-queries.ts';
import { FileList, ReportBody, ReportContext, ReturnedComments, workPath } from './work-parts.tsx';

export type ReportPageProps = {
  sheet: ReportSheet & { report: NonNullable<ReportSheet['report']> };
  /** The organiser may accept or return it now (it is submitted). */
  canDecide: boolean;
  /** A member, who writes the report on its form page. */
  canEdit: boolean;
  form: FormState;
};

/** A report read only, with its files; for the organiser of a submitted one, the forms to accept or return it. */
export function ReportPage({ sheet, canDecide, canEdit, form }: ReportPageProps) {
  const { t, f, lang, href } = usePage();
  const { report, project, period } = sheet;
  const action = href(`${workPath.report(report.id)}/decision`);
  const releases = sheet.tranches.filter((x) => !x.releasedAt).reduce((s, x) => s + x.amountTiyn, 0);
  return (
    <section class="work work-report">
      <p>
        <a href={href(workPath.home)}>{t('projects.work.back')}</a> · <a href={href(workPath.agreement(sheet.agreement.id))}>{t('projects.work.agreement.title', { number: sheet.agreement.number })}</a>
      </p>
      <h1>{t('projects.work.report.title', { period: period.number, project: localised(project, lang) })}</h1>
      <ReportContext sheet={sheet} />
      {report.submittedAt ? <p class="note">{t('projects.work.report.submitted-at', { date: f.dateTime(report.submittedAt) })}</p> : null}
      {canEdit ? (
        <p>
          <a href={href(workPath.reportForm(project.id, period.number))}>{t('projects.work.report.to-form')}</a>
        </p>
      ) : null}
      <ReturnedComments sheet={sheet} />
      <ReportBody sheet={sheet} />
      <section id="files" aria-labelledby="files-heading">
        <h2 id="files-heading">{t('projects.work.files')}</h2>
        <FileList reportId={report.id} files={sheet.files} />
      </section>
      {canDecide ? (
        <section class="work-decision" id="decision" aria-labelledby="decision-heading">
          <h2 id="decision-heading">{t('projects.work.decision.title')}</h2>
          <ErrorSummary form={form} />
          <div class="work-decision-forms">
            <Form action={action} class="work-decision-accept" label={t('projects.work.decision.accept')}>
              <input type="hidden" name="decision" value="accept" />
              <p>{releases ? t('projects.work.decision.releases', { amount: f.money(releases) }) : t('projects.work.decision.releases-nothing')}</p>
              <button type="submit" class="button">
                {t('projects.work.decision.accept')}
              </button>
            </Form>
            <Form action={action} class="work-decision-return" label={t('projects.work.decision.return')}>
              <input type="hidden" name="decision" value="return" />
              <TextareaField form={form} name="comments" label={t('projects.work.decision.comments')} hint={t('projects.work.decision.comments-hint')} rows={5} required />
              <button type="submit" class="button button--secondary">
                {t('projects.work.decision.return')}
              </button>
            </Form>
          </div>
        </section>
      ) : null}
    </section>
  );
}
