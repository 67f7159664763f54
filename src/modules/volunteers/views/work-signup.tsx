import type { FormState } from '../../../core/http/forms.ts';
import { ErrorSummary, Field, Form, Submit, TextareaField } from '../../../core/views/components.tsx';
import { usePage } from '../../../core/views/page-context.ts';
import type { DeskSignup } from '../work-queries.ts';
import { HostName, hoursOf, OpportunityLink } from './work-parts.tsx';

function ShiftFacts({ signup }: { signup: DeskSignup }) {
  const { t, f } = usePage();
  return (
    <dl class="facts">
      <dt>{t('volunteers.desk.opportunity')}</dt>
      <dd>
        <OpportunityLink id={signup.opportunityId} titleKk={signup.titleKk} titleRu={signup.titleRu} />
      </dd>
      <dt>{t('volunteers.desk.organisation')}</dt>
      <dd>
        <HostName {...signup} />
      </dd>
      <dt>{t('volunteers.desk.when')}</dt>
      <dd>
        {f.dateTime(signup.startsAt)} – {f.dateTime(signup.endsAt)}
      </dd>
      <dt>{t('volunteers.desk.place')}</dt>
      <dd>{signup.online ? t('volunteers.online') : signup.address}</dd>
      <dt>{t('volunteers.desk.status')}</dt>
      <dd>{t(`volunteers.signup.${signup.status}`)}</dd>
    </dl>
  );
}

/** The code a coordinator scans at the place; readable aloud too, for a phone without a camera. */
export function CheckInCodePage({ signup, qr }: { signup: DeskSignup; qr: string | null }) {
  const { t, href } = usePage();
  return (
    <>
      <h1>{t('volunteers.checkin.title')}</h1>
      <ShiftFacts signup={signup} />
      {signup.checkedInAt ? <p class="note"><strong>{t('volunteers.checkin.done')}</strong></p> : null}
      {qr && signup.checkInCode ? (
        <figure class="qr">
          <img src={qr} width={288} height={288} alt={t('volunteers.checkin.qr-alt', { code: signup.checkInCode })} />
          <figcaption>
            {t('volunteers.checkin.code')} <strong class="code">{signup.checkInCode}</strong>
          </figcaption>
        </figure>
      ) : (
        <p class="note">{t('volunteers.checkin.no-code')}</p>
      )}
      <p class="note">{t('volunteers.checkin.offline')}</p>
      <p>
        <a href={href('/volunteer')}>{t('volunteers.desk.back')}</a>
      </p>
    </>
  );
}

/** The hours recorded for a shift, and the form to dispute them. */
export function HoursPage({ signup, form }: { signup: DeskSignup; form: FormState }) {
  const { t, href } = usePage();
  const values = form.values.hours === undefined && signup.minutes !== null ? { ...form, values: { ...form.values, hours: hoursOf(signup.minutes) } } : form;
  return (
    <>
      <h1>{t('volunteers.hours.title')}</h1>
      <ShiftFacts signup={signup} />
      <p>
        {t('volunteers.hours.recorded-as', { hours: hoursOf(signup.minutes) })} — {signup.hoursStatus ? t(`volunteers.hours.${signup.hoursStatus}`) : ''}
      </p>
      {signup.hoursStatus === 'disputed' ? (
        <p class="note">{t('volunteers.hours.dispute-open', { hours: hoursOf(signup.disputedMinutes), reason: signup.disputeReason ?? '' })}</p>
      ) : signup.hoursStatus ? (
        <section aria-labelledby="dispute">
          <h2 id="dispute">{t('volunteers.hours.dispute')}</h2>
          <p>{t('volunteers.hours.dispute-explain')}</p>
          <ErrorSummary form={form} />
          <Form action={href(`/volunteer/signups/${signup.id}/hours`)} label={t('volunteers.hours.dispute')}>
            <Field form={values} name="hours" type="number" label={t('volunteers.hours.claimed')} required />
            <TextareaField form={form} name="reason" label={t('volunteers.hours.reason')} rows={3} required />
            <Submit>{t('volunteers.hours.dispute-submit')}</Submit>
          </Form>
        </section>
      ) : null}
      <p>
        <a href={href('/volunteer')}>{t('volunteers.desk.back')}</a>
      </p>
    </>
  );
}
