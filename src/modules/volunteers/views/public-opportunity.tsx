import { Form } from '../../../core/views/components.tsx';
import { usePage } from '../../../core/views/page-context.ts';
import type { OpportunityDetail, ShiftFigures } from '../public-queries.ts';
import { HostName, Localised, Place, RiskNote, shiftTime } from './public-parts.tsx';

/** A refusal of a sign-up, shown beside the shift's button (the sign-up handler re-renders the page with it). */
export type SignupRefusal = { shiftId: string; message: string };

function ShiftRow({ shift, open, refusal }: { shift: ShiftFigures; open: boolean; refusal?: SignupRefusal }) {
  const { t, lang, href } = usePage();
  const full = shift.placesLeft === 0;
  const label = shiftTime(shift.startsAt, shift.endsAt, lang);
  const alertId = `refusal-${shift.id}`;
  return (
    <li class="shift" id={`shift-${shift.id}`}>
      <p class="shift__time">{label}</p>
      <p class="shift__figures">
        {full ? t('volunteers.public.full') : t('volunteers.public.places-left', { count: shift.placesLeft, capacity: shift.capacity })}
        {shift.waiting > 0 ? (
          <>
            {' · '}
            {t('volunteers.public.waiting', { count: shift.waiting })}
          </>
        ) : null}
      </p>
      {open ? (
        <Form action={href(`/volunteering/shifts/${shift.id}/sign-up`)} class="shift__form" label={t('volunteers.public.sign-up.label', { shift: label })}>
          <button type="submit" class="button" aria-describedby={refusal ? alertId : undefined}>
            {full ? t('volunteers.public.sign-up.waitlist') : t('volunteers.public.sign-up.button')}
          </button>
          {refusal ? (
            <p class="shift__refusal" role="alert" id={alertId}>
              {refusal.message}
            </p>
          ) : null}
        </Form>
      ) : (
        <p class="note">{t('volunteers.public.shift-over')}</p>
      )}
    </li>
  );
}

/** One opportunity: what, who, where, for whom, and its shifts with a sign-up form for each that has not started. */
export function OpportunityPage({ data, now, refusal }: { data: OpportunityDetail; now: Date; refusal?: SignupRefusal }) {
  const { t, lang, href } = usePage();
  const o = data.opportunity;
  const closed = o.closedAt !== null && o.closedAt <= now;
  return (
    <article class="volunteering opportunity">
      <p class="kicker">
        <a href={href('/volunteering')}>{t('volunteers.public.list.title')}</a>
      </p>
      <Localised as="h1" kk={o.titleKk} ru={o.titleRu} />
      <p class="opportunity__host">
        <HostName host={data.host} />
      </p>
      {closed ? <p class="volunteer-closed">{t('volunteers.public.closed')}</p> : null}
      <Localised as="p" class="prose" kk={o.descriptionKk} ru={o.descriptionRu} />
      <dl class="facts">
        <dt>{t('volunteers.public.field.place')}</dt>
        <dd>
          <Place item={o} />
        </dd>
        <dt>{t('volunteers.public.field.area')}</dt>
        <dd>{t(`organisations.area.${o.area}`)}</dd>
        <dt>{t('volunteers.public.field.min-age')}</dt>
        <dd>{t('volunteers.public.min-age', { age: o.minAge })}</dd>
        <dt>{t('volunteers.public.field.risk')}</dt>
        <dd>
          <RiskNote risk={o.risk} />
        </dd>
        <dt>{t('volunteers.public.field.skills')}</dt>
        <dd>{o.skills.length ? o.skills.map((s) => t(`volunteers.skill.${s}`)).join(', ') : t('volunteers.public.skills.none')}</dd>
        {data.campaign ? (
          <>
            <dt>{t('volunteers.public.field.campaign')}</dt>
            <dd>
              <a href={href(`/volunteering/campaigns/${data.campaign.slug}`)} lang={lang === 'en' ? 'ru' : undefined}>
                {lang === 'kk' ? data.campaign.titleKk : data.campaign.titleRu}
              </a>
            </dd>
          </>
        ) : null}
      </dl>

      <section aria-labelledby="shifts-heading">
        <h2 id="shifts-heading">{t('volunteers.public.shifts')}</h2>
        <p class="note">{t('volunteers.public.shifts.note')}</p>
        {data.shifts.length === 0 ? (
          <p>{t('volunteers.public.shifts.none')}</p>
        ) : (
          <ul class="shifts">
            {data.shifts.map((s) => (
              <ShiftRow key={s.id} shift={s} open={!closed && s.startsAt > now} refusal={refusal?.shiftId === s.id ? refusal : undefined} />
            ))}
          </ul>
        )}
      </section>
    </article>
  );
}
