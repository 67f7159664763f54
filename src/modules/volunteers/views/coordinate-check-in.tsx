import { Form } from '../../../core/views/components.tsx';
import { usePage } from '../../../core/views/page-context.ts';
import type { RosterRow } from '../coordinate-queries.ts';
import { localised, textLang } from '../names.ts';
import type { SignupRecord } from '../records.ts';

/** What the coordinator sees after scanning a volunteer's QR: who, which shift, and one button. */
export function CheckInPage({ record, person, code, now }: { record: SignupRecord; person: RosterRow; code: string; now: Date }) {
  const { t, f, lang, href } = usePage();
  const { shift, opportunity, signup } = record;
  return (
    <>
      <h1>{t('volunteers.checkin.coordinator-title')}</h1>
      <dl class="facts">
        <dt>{t('volunteers.roster.volunteer')}</dt>
        <dd>{person.name}</dd>
        <dt>{t('volunteers.desk.opportunity')}</dt>
        <dd lang={textLang(lang)}>{localised(opportunity.titleKk, opportunity.titleRu, lang)}</dd>
        <dt>{t('volunteers.desk.when')}</dt>
        <dd>
          {f.dateTime(shift.startsAt)} – {f.dateTime(shift.endsAt)}
        </dd>
        <dt>{t('volunteers.desk.status')}</dt>
        <dd>{t(`volunteers.signup.${signup.status}`)}</dd>
      </dl>
      {signup.checkedInAt ? (
        <p class="note"><strong>{t('volunteers.checkin.already', { time: f.dateTime(signup.checkedInAt) })}</strong></p>
      ) : (
        <Form action={href(`/volunteering/check-in/${code}`)} label={t('volunteers.checkin.coordinator-title')}>
          <button type="submit" class="button">
            {t('volunteers.checkin.confirm', { name: person.name })}
          </button>
        </Form>
      )}
      {now > shift.endsAt ? <p class="note">{t('volunteers.error.check-in-window')}</p> : null}
      <p>
        <a href={href(`/volunteering/manage/shifts/${shift.id}`)}>{t('volunteers.checkin.to-roster')}</a>
      </p>
    </>
  );
}
