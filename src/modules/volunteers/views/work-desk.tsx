import { Form } from '../../../core/views/components.tsx';
import { usePage } from '../../../core/views/page-context.ts';
import type { DeskSignup, ProfileRow, Recommendation } from '../work-queries.ts';
import { HostName, hoursOf, OpportunityLink } from './work-parts.tsx';

type DeskProps = { profile: ProfileRow | null; signups: DeskSignup[]; recommended: Recommendation[]; now: Date };

function When({ s }: { s: Pick<DeskSignup, 'startsAt' | 'endsAt'> }) {
  const { f } = usePage();
  return (
    <time datetime={s.startsAt.toISOString()}>
      {f.dateTime(s.startsAt)} – {f.dateTime(s.endsAt)}
    </time>
  );
}

function Invitations({ items }: { items: DeskSignup[] }) {
  const { t, href } = usePage();
  if (items.length === 0) return null;
  return (
    <section aria-labelledby="invitations">
      <h2 id="invitations">{t('volunteers.desk.invitations')}</h2>
      <ul class="cards">
        {items.map((s) => (
          <li key={s.id} class="card">
            <h3>
              <OpportunityLink id={s.opportunityId} titleKk={s.titleKk} titleRu={s.titleRu} />
            </h3>
            <p>
              <HostName {...s} /> · <When s={s} />
            </p>
            <div class="actions">
              <Form action={href(`/volunteer/signups/${s.id}/accept`)}>
                <button type="submit" class="button">
                  {t('volunteers.desk.accept-invitation')}
                </button>
              </Form>
              <Form action={href(`/volunteer/signups/${s.id}/decline`)}>
                <button type="submit" class="button button--secondary">
                  {t('volunteers.desk.decline-invitation')}
                </button>
              </Form>
            </div>
          </li>
        ))}
      </ul>
    </section>
  );
}

function Upcoming({ items }: { items: DeskSignup[] }) {
  const { t, href } = usePage();
  return (
    <section aria-labelledby="upcoming">
      <h2 id="upcoming">{t('volunteers.desk.upcoming')}</h2>
      {items.length === 0 ? (
        <p class="note">{t('volunteers.desk.upcoming-none')}</p>
      ) : (
        <ul class="cards">
          {items.map((s) => (
            <li key={s.id} class="card" data-status={s.status}>
              <h3>
                <OpportunityLink id={s.opportunityId} titleKk={s.titleKk} titleRu={s.titleRu} />
              </h3>
              <p>
                <HostName {...s} />
              </p>
              <p>
                <When s={s} /> · {s.online ? t('volunteers.online') : s.address}
              </p>
              <p>
                <strong>{t(`volunteers.signup.${s.status}`)}</strong>
              </p>
              <div class="actions">
                {s.status === 'accepted' ? (
                  <a class="button" href={href(`/volunteer/signups/${s.id}/check-in`)}>
                    {t('volunteers.desk.show-code')}
                  </a>
                ) : null}
                <Form action={href(`/volunteer/signups/${s.id}/cancel`)} confirm={t('volunteers.desk.cancel-confirm')}>
                  <button type="submit" class="button button--secondary">
                    {t('volunteers.desk.cancel')}
                  </button>
                </Form>
              </div>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

function Past({ items }: { items: DeskSignup[] }) {
  const { t, href } = usePage();
  if (items.length === 0) return null;
  return (
    <section>
      <h2 id="past">{t('volunteers.desk.past')}</h2>
      <section class="table-scroll" aria-labelledby="past" tabindex={0}>
        <table>
          <thead>
            <tr>
              <th scope="col">{t('volunteers.desk.opportunity')}</th>
              <th scope="col">{t('volunteers.desk.when')}</th>
              <th scope="col" class="num">
                {t('volunteers.desk.hours')}
              </th>
              <th scope="col">{t('volunteers.desk.hours-status')}</th>
            </tr>
          </thead>
          <tbody>
            {items.map((s) => (
              <tr key={s.id}>
                <td>
                  <OpportunityLink id={s.opportunityId} titleKk={s.titleKk} titleRu={s.titleRu} />
                  <br />
                  <HostName {...s} />
                </td>
                <td>
                  <When s={s} />
                </td>
                <td class="num">{hoursOf(s.minutes)}</td>
                <td>
                  {s.hoursStatus ? t(`volunteers.hours.${s.hoursStatus}`) : t(`volunteers.signup.${s.status}`)}
                  {s.hoursStatus ? (
                    <>
                      {' '}
                      <a href={href(`/volunteer/signups/${s.id}/hours`)}>{t('volunteers.desk.hours-details')}</a>
                    </>
                  ) : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
    </section>
  );
}

function Recommended({ items }: { items: Recommendation[] }) {
  const { t, f } = usePage();
  if (items.length === 0) return null;
  return (
    <section aria-labelledby="recommended">
      <h2 id="recommended">{t('volunteers.desk.recommended')}</h2>
      <p class="note">{t('volunteers.desk.recommended-why')}</p>
      <ul class="cards">
        {items.map((o) => (
          <li key={o.id} class="card">
            <h3>
              <OpportunityLink id={o.id} titleKk={o.titleKk} titleRu={o.titleRu} />
            </h3>
            <p>
              <HostName {...o} /> · {o.online ? t('volunteers.online') : null} {t('volunteers.desk.next-shift', { date: f.dateTime(o.nextShiftAt) })}
            </p>
          </li>
        ))}
      </ul>
    </section>
  );
}

/** The volunteer's own page: invitations, what is coming, what is done, and what fits them. */
export function DeskPage({ profile, signups, recommended, now }: DeskProps) {
  const { t, href } = usePage();
  const active = (s: DeskSignup) => s.endsAt > now && ['invited', 'pending', 'waitlisted', 'accepted'].includes(s.status);
  const past = signups.filter((s) => s.endsAt <= now && (s.status === 'accepted' || s.hoursStatus !== null)).reverse();
  return (
    <>
      <h1>{t('volunteers.desk.title')}</h1>
      {profile ? (
        <p>
          <a href={href('/volunteer/profile')}>{t('volunteers.desk.edit-profile')}</a> · <a href={href('/volunteer/book')}>{t('volunteers.desk.book')}</a> ·{' '}
          <a href={href('/volunteering')}>{t('volunteers.desk.find')}</a>
        </p>
      ) : (
        <div class="callout">
          <p>{t('volunteers.desk.no-profile')}</p>
          <a class="button" href={href('/volunteer/profile')}>
            {t('volunteers.desk.make-profile')}
          </a>
        </div>
      )}
      <Invitations items={signups.filter((s) => s.status === 'invited' && active(s))} />
      <Upcoming items={signups.filter((s) => s.status !== 'invited' && active(s))} />
      <Past items={past} />
      <Recommended items={recommended} />
    </>
  );
}
