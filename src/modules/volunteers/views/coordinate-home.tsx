import { REGIONS, regionName } from '../../../core/geo/regions.ts';
import type { FormState } from '../../../core/http/forms.ts';
import { ErrorSummary, Field, Form, FormSelect, Submit, TextareaField } from '../../../core/views/components.tsx';
import { usePage } from '../../../core/views/page-context.ts';
import type { HostDesk, HostItem } from '../coordinate-queries.ts';
import { localised } from '../names.ts';
import { HostName, OpportunityLink } from './work-parts.tsx';

type OrgChoice = { id: string; nameKk: string; nameRu: string };

/** The coordinator's start: the volunteer organisations they run, and how to start one. */
export function CoordinateHomePage({ hosts, toEnable, groupForm, enableForm }: { hosts: HostItem[]; toEnable: OrgChoice[]; groupForm: FormState; enableForm: FormState }) {
  const { t, lang, href } = usePage();
  return (
    <>
      <h1>{t('volunteers.manage.title')}</h1>
      <section aria-labelledby="hosts">
        <h2 id="hosts">{t('volunteers.manage.hosts')}</h2>
        {hosts.length === 0 ? (
          <p class="note">{t('volunteers.manage.hosts-none')}</p>
        ) : (
          <ul>
            {hosts.map((h) => (
              <li key={h.id}>
                <a href={href(`/volunteering/manage/${h.id}`)}>
                  <HostName {...h} />
                </a>{' '}
                — {regionName(h.regionCode, lang)}, {h.city}
              </li>
            ))}
          </ul>
        )}
      </section>
      {toEnable.length > 0 ? (
        <section aria-labelledby="enable">
          <h2 id="enable">{t('volunteers.manage.enable')}</h2>
          <p>{t('volunteers.manage.enable-explain')}</p>
          <ErrorSummary form={enableForm} />
          <Form action={href('/volunteering/manage/organisations')} label={t('volunteers.manage.enable')}>
            <FormSelect form={enableForm} name="organisationId" label={t('volunteers.manage.organisation')} choices={toEnable.map((o) => ({ value: o.id, label: localised(o.nameKk, o.nameRu, lang) }))} required />
            <Field form={enableForm} name="city" label={t('volunteers.profile.city')} required />
            <Submit>{t('volunteers.manage.enable-submit')}</Submit>
          </Form>
        </section>
      ) : null}
      <section aria-labelledby="group">
        <h2 id="group">{t('volunteers.manage.group')}</h2>
        <p>{t('volunteers.manage.group-explain')}</p>
        <ErrorSummary form={groupForm} />
        <Form action={href('/volunteering/manage/groups')} label={t('volunteers.manage.group')}>
          <Field form={groupForm} name="groupNameKk" label={t('volunteers.manage.group-name-kk')} lang="kk" required />
          <Field form={groupForm} name="groupNameRu" label={t('volunteers.manage.group-name-ru')} lang="ru" required />
          <FormSelect form={groupForm} name="regionCode" label={t('volunteers.profile.region')} emptyLabel={t('volunteers.profile.choose')} choices={REGIONS.map((r) => ({ value: r.code, label: r.name[lang] }))} required />
          <Field form={groupForm} name="city" label={t('volunteers.profile.city')} required />
          <TextareaField form={groupForm} name="descriptionKk" label={t('volunteers.manage.description-kk')} lang="kk" rows={3} />
          <TextareaField form={groupForm} name="descriptionRu" label={t('volunteers.manage.description-ru')} lang="ru" rows={3} />
          <Field form={groupForm} name="email" type="email" label={t('volunteers.manage.email')} />
          <Submit>{t('volunteers.manage.group-submit')}</Submit>
        </Form>
      </section>
    </>
  );
}

/** One volunteer organisation's desk: its shifts with their counts, its coordinators, the typed check-in code. */
export function HostPage({ desk, coordinatorForm, now }: { desk: HostDesk; coordinatorForm: FormState; now: Date }) {
  const { t, f, href } = usePage();
  const { host, coordinators, shifts } = desk;
  return (
    <>
      <h1>
        <HostName {...host} />
      </h1>
      <p>
        <a class="button" href={href(`/volunteering/manage/${host.id}/opportunities/new`)}>
          {t('volunteers.manage.opportunity-new')}
        </a>{' '}
        <a href={href(`/volunteering/organisations/${host.id}`)}>{t('volunteers.manage.public-page')}</a>
      </p>
      <section aria-labelledby="check-in">
        <h2 id="check-in">{t('volunteers.checkin.by-code')}</h2>
        <form method="get" action={href('/volunteering/check-in')} class="inline-form">
          <label for="check-in-code">{t('volunteers.checkin.code-label')}</label>
          <input id="check-in-code" name="code" autocomplete="off" autocapitalize="characters" />
          <button type="submit" class="button">
            {t('volunteers.checkin.open')}
          </button>
        </form>
      </section>
      <section>
        <h2 id="shifts">{t('volunteers.manage.shifts')}</h2>
        {shifts.length === 0 ? (
          <p class="note">{t('volunteers.manage.shifts-none')}</p>
        ) : (
          <section class="table-scroll" aria-labelledby="shifts" tabindex={0}>
            <table>
              <thead>
                <tr>
                  <th scope="col">{t('volunteers.desk.opportunity')}</th>
                  <th scope="col">{t('volunteers.desk.when')}</th>
                  <th scope="col" class="num">
                    {t('volunteers.manage.capacity')}
                  </th>
                  <th scope="col" class="num">
                    {t('volunteers.signup.pending')}
                  </th>
                  <th scope="col" class="num">
                    {t('volunteers.signup.accepted')}
                  </th>
                  <th scope="col" class="num">
                    {t('volunteers.signup.waitlisted')}
                  </th>
                  <th scope="col">{t('volunteers.manage.action')}</th>
                </tr>
              </thead>
              <tbody>
                {shifts.map((s) => (
                  <tr key={s.shiftId} class={s.closedAt || s.endsAt < now ? 'muted' : undefined}>
                    <td>
                      <OpportunityLink id={s.opportunityId} titleKk={s.titleKk} titleRu={s.titleRu} />
                      {s.closedAt ? ` (${t('volunteers.manage.closed')})` : null}
                    </td>
                    <td>{f.dateTime(s.startsAt)}</td>
                    <td class="num">{s.capacity}</td>
                    <td class="num">{s.pending}</td>
                    <td class="num">{s.accepted}</td>
                    <td class="num">{s.waitlisted}</td>
                    <td>
                      <a href={href(`/volunteering/manage/shifts/${s.shiftId}`)}>{t('volunteers.manage.open-roster')}</a>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </section>
        )}
      </section>
      <section aria-labelledby="coordinators">
        <h2 id="coordinators">{t('volunteers.manage.coordinators')}</h2>
        <ul>
          {coordinators.map((c) => (
            <li key={c.userId}>
              {c.name} ({c.email}){' '}
              {coordinators.length > 1 ? (
                <Form action={href(`/volunteering/manage/${host.id}/coordinators/${c.userId}/remove`)} class="inline-form">
                  <button type="submit" class="button button--secondary">
                    {t('volunteers.manage.coordinator-remove', { name: c.name })}
                  </button>
                </Form>
              ) : null}
            </li>
          ))}
        </ul>
        <ErrorSummary form={coordinatorForm} />
        <Form action={href(`/volunteering/manage/${host.id}/coordinators`)} label={t('volunteers.manage.coordinator-add')}>
          <Field form={coordinatorForm} name="email" type="email" label={t('volunteers.manage.coordinator-email')} required />
          <Submit>{t('volunteers.manage.coordinator-add')}</Submit>
        </Form>
      </section>
    </>
  );
}
