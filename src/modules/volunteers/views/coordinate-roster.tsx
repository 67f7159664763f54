import { localDateTimeValue } from '../../../core/format/local-time.ts';
import { Form } from '../../../core/views/components.tsx';
import { usePage } from '../../../core/views/page-context.ts';
import type { Candidate, RosterRow } from '../coordinate-queries.ts';
import { ageOn } from '../eligibility.ts';
import { localised, textLang } from '../names.ts';
import type { ShiftRecord } from '../records.ts';
import { hoursOf } from './work-parts.tsx';

type RosterProps = { record: ShiftRecord; roster: RosterRow[]; candidates: Candidate[]; now: Date };

/** The e-mail, and the phone only if the volunteer said they may be reached by it. */
const contactOf = (r: RosterRow) =>
  r.phone && r.contactChannels?.some((c) => c !== 'email') ? `${r.email}, ${r.phone}` : r.email;

function Queue({ record, rows }: { record: ShiftRecord; rows: RosterRow[] }) {
  const { t, f, href } = usePage();
  const day = localDateTimeValue(record.shift.startsAt).slice(0, 10);
  const open = rows.filter((r) => ['pending', 'waitlisted', 'accepted', 'invited'].includes(r.status));
  return (
    <section>
      <h2 id="queue">{t('volunteers.roster.queue')}</h2>
      {open.length === 0 ? (
        <p class="note">{t('volunteers.roster.queue-none')}</p>
      ) : (
        <Form action={href(`/volunteering/manage/shifts/${record.shift.id}/decide`)} label={t('volunteers.roster.queue')}>
          <section class="table-scroll" aria-labelledby="queue" tabindex={0}>
            <table>
              <thead>
                <tr>
                  <th scope="col">{t('volunteers.roster.select')}</th>
                  <th scope="col">{t('volunteers.roster.volunteer')}</th>
                  <th scope="col" class="num">
                    {t('volunteers.roster.age')}
                  </th>
                  <th scope="col">{t('volunteers.roster.contact')}</th>
                  <th scope="col">{t('volunteers.desk.status')}</th>
                  <th scope="col">{t('volunteers.roster.since')}</th>
                </tr>
              </thead>
              <tbody>
                {open.map((r) => (
                  <tr key={r.id} data-status={r.status}>
                    <td>
                      {r.status === 'pending' || r.status === 'waitlisted' ? (
                        <input type="checkbox" name="signup" value={r.id} id={`signup-${r.id}`} aria-label={t('volunteers.roster.select-one', { name: r.name })} />
                      ) : null}
                    </td>
                    <td>{r.name}</td>
                    {/* Who has only been invited has not agreed to share anything yet. */}
                    <td class="num">{r.birthDate && r.status !== 'invited' ? ageOn(r.birthDate, day) : '—'}</td>
                    <td>{r.status === 'invited' ? '—' : contactOf(r)}</td>
                    <td>{t(`volunteers.signup.${r.status}`)}</td>
                    <td>{f.dateTime(r.queuedAt)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </section>
          <div class="actions">
            <button type="submit" name="decision" value="accept" class="button">
              {t('volunteers.roster.accept')}
            </button>
            <button type="submit" name="decision" value="decline" class="button button--secondary">
              {t('volunteers.roster.decline')}
            </button>
          </div>
        </Form>
      )}
    </section>
  );
}

function Hours({ record, rows }: { record: ShiftRecord; rows: RosterRow[] }) {
  const { t, f, href } = usePage();
  const accepted = rows.filter((r) => r.status === 'accepted');
  if (accepted.length === 0) return null;
  const planned = Math.round((record.shift.endsAt.getTime() - record.shift.startsAt.getTime()) / 60_000);
  return (
    <section>
      <h2 id="hours">{t('volunteers.roster.hours')}</h2>
      <p>{t('volunteers.roster.hours-explain')}</p>
      <Form action={href(`/volunteering/manage/shifts/${record.shift.id}/hours`)} label={t('volunteers.roster.hours')}>
        <section class="table-scroll" aria-labelledby="hours" tabindex={0}>
          <table>
            <thead>
              <tr>
                <th scope="col">{t('volunteers.roster.confirm')}</th>
                <th scope="col">{t('volunteers.roster.volunteer')}</th>
                <th scope="col">{t('volunteers.roster.checked-in')}</th>
                <th scope="col">{t('volunteers.desk.hours')}</th>
                <th scope="col">{t('volunteers.desk.hours-status')}</th>
              </tr>
            </thead>
            <tbody>
              {accepted.map((r) => {
                const settled = r.hoursStatus === 'confirmed' || r.hoursStatus === 'disputed';
                return (
                  <tr key={r.id}>
                    <td>{settled ? null : <input type="checkbox" name="confirm" value={r.id} aria-label={t('volunteers.roster.confirm-one', { name: r.name })} />}</td>
                    <td>{r.name}</td>
                    <td>{r.checkedInAt ? f.dateTime(r.checkedInAt) : t('volunteers.roster.not-checked-in')}</td>
                    <td>
                      {settled ? (
                        hoursOf(r.minutes)
                      ) : (
                        <input
                          type="number"
                          name={`hours.${r.id}`}
                          value={hoursOf(r.minutes ?? planned)}
                          min="0"
                          max="24"
                          step="0.5"
                          inputmode="decimal"
                          aria-label={t('volunteers.roster.hours-of', { name: r.name })}
                        />
                      )}
                    </td>
                    <td>{r.hoursStatus ? t(`volunteers.hours.${r.hoursStatus}`) : '—'}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </section>
        <button type="submit" class="button">
          {t('volunteers.roster.confirm-selected')}
        </button>
      </Form>
    </section>
  );
}

function Disputes({ rows }: { rows: RosterRow[] }) {
  const { t, href } = usePage();
  const disputed = rows.filter((r) => r.hoursStatus === 'disputed');
  if (disputed.length === 0) return null;
  return (
    <section aria-labelledby="disputes">
      <h2 id="disputes">{t('volunteers.roster.disputes')}</h2>
      {disputed.map((r) => (
        <div key={r.id} class="card">
          <p>{t('volunteers.roster.dispute-says', { name: r.name, recorded: hoursOf(r.minutes), claimed: hoursOf(r.disputedMinutes), reason: r.disputeReason ?? '' })}</p>
          <Form action={href(`/volunteering/manage/signups/${r.id}/resolve`)} label={t('volunteers.roster.resolve-for', { name: r.name })}>
            <div class="field">
              <label for={`resolve-hours-${r.id}`}>{t('volunteers.roster.decided-hours')}</label>
              <input type="number" id={`resolve-hours-${r.id}`} name="hours" value={hoursOf(r.disputedMinutes)} min="0" max="24" step="0.5" inputmode="decimal" />
            </div>
            <div class="field">
              <label for={`resolve-note-${r.id}`}>{t('volunteers.roster.decision-note')}</label>
              <textarea id={`resolve-note-${r.id}`} name="note" rows={2} />
            </div>
            <button type="submit" class="button">
              {t('volunteers.roster.resolve')}
            </button>
          </Form>
        </div>
      ))}
    </section>
  );
}

function Candidates({ record, candidates }: { record: ShiftRecord; candidates: Candidate[] }) {
  const { t, href } = usePage();
  return (
    <section aria-labelledby="candidates">
      <h2 id="candidates">{t('volunteers.roster.candidates')}</h2>
      <p class="note">{t('volunteers.roster.candidates-explain')}</p>
      {candidates.length === 0 ? (
        <p class="note">{t('volunteers.roster.candidates-none')}</p>
      ) : (
        <ul>
          {candidates.map((c) => (
            <li key={c.userId}>
              {c.name}, {c.city} — {c.skills.map((s) => t(`volunteers.skill.${s}`)).join(', ') || '—'}{' '}
              <Form action={href(`/volunteering/manage/shifts/${record.shift.id}/invite`)} class="inline-form">
                <input type="hidden" name="volunteer" value={c.userId} />
                <button type="submit" class="button button--secondary">
                  {t('volunteers.roster.invite', { name: c.name })}
                </button>
              </Form>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

/** One shift's people: the queue to accept or decline in bulk, the hours to confirm in bulk, disputes, invitations. */
export function RosterPage({ record, roster, candidates, now }: RosterProps) {
  const { t, f, lang, href } = usePage();
  const { shift, opportunity } = record;
  const taken = roster.filter((r) => r.status === 'pending' || r.status === 'accepted').length;
  return (
    <>
      <h1>{t('volunteers.roster.title')}</h1>
      <p>
        <a href={href(`/volunteering/opportunities/${opportunity.id}`)} lang={textLang(lang)}>
          {localised(opportunity.titleKk, opportunity.titleRu, lang)}
        </a>{' '}
        — {f.dateTime(shift.startsAt)} – {f.dateTime(shift.endsAt)}
      </p>
      <p>{t('volunteers.roster.places', { taken, capacity: shift.capacity })}</p>
      <Queue record={record} rows={roster} />
      {shift.startsAt <= now ? <Hours record={record} rows={roster} /> : null}
      <Disputes rows={roster} />
      {shift.startsAt > now ? <Candidates record={record} candidates={candidates} /> : null}
      <p>
        <a href={href(`/volunteering/manage/${opportunity.volunteerOrganisationId}`)}>{t('volunteers.roster.back')}</a>
      </p>
    </>
  );
}
