import { usePage } from '../../../core/views/page-context.ts';
import { organisationName } from '../../organisations/index.ts';
import type { ApplicationRecord } from '../records.ts';
import { localised } from '../records.ts';

/** The page's heading and what identifies the application: its receipt, competition, lot and applicant. */
export function ExpertApplicationHeading({ title, record }: { title: string; record: ApplicationRecord }) {
  const { t, f, lang, href } = usePage();
  const { application, competition, lot, organisation } = record;
  return (
    <>
      <p class="back-link">
        <a href={href('/expert')}>{t('competitions.expert.back')}</a>
      </p>
      <h1>{title}</h1>
      <dl class="facts">
        <dt>{t('competitions.expert.field.competition')}</dt>
        <dd>
          {competition.number} · {localised(competition, lang)}
        </dd>
        <dt>{t('competitions.expert.field.lot')}</dt>
        <dd>{t('competitions.expert.lot', { number: lot.number, title: localised(lot, lang) })}</dd>
        <dt>{t('competitions.expert.field.organisation')}</dt>
        <dd>{organisationName(organisation, lang)}</dd>
        <dt>{t('competitions.expert.field.receipt')}</dt>
        <dd>{application.receiptNumber}</dd>
        {application.submittedAt ? (
          <>
            <dt>{t('competitions.expert.field.submitted')}</dt>
            <dd>{f.dateTime(application.submittedAt)}</dd>
          </>
        ) : null}
      </dl>
    </>
  );
}
