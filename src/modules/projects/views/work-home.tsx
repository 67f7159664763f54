import { usePage } from '../../../core/views/page-context.ts';
import { localised } from '../../competitions/index.ts';
import { organisationName } from '../../organisations/index.ts';
import type { MemberDesk, OrganiserDesk, PendingAgreement, ProjectListItem } from '../work-queries.ts';
import { ReportStatusTag, useDay, workPath } from './work-parts.tsx';

export type WorkHomeProps = {
  organiser: OrganiserDesk | null;
  member: MemberDesk | null;
  /** The organisations whose agreements the actor may confirm (they are its admin). */
  adminOf: ReadonlySet<string>;
  /** Today in Kazakhstan, `YYYY-MM-DD`, to flag reports past their due date. */
  today: string;
};

function Empty({ keyName }: { keyName: string }) {
  const { t } = usePage();
  return <p class="note">{t(keyName)}</p>;
}

function PendingAgreements({ items, side, adminOf }: { items: PendingAgreement[]; side: 'organiser' | 'organisation'; adminOf: ReadonlySet<string> }) {
  const { t, f, lang, href } = usePage();
  const state = (at: Date | null) => (at ? t('projects.work.confirmed-on', { date: f.date(at) }) : t('projects.work.not-confirmed'));
  return (
    <div class="table-scroll">
      <table class="work-table">
        <caption class="visually-hidden">{t('projects.work.home.agreements')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('projects.work.agreement.number')}</th>
            <th scope="col">{t('projects.work.organisation')}</th>
            <th scope="col" class="num">
              {t('projects.work.agreement.amount')}
            </th>
            <th scope="col">{t('projects.work.side.organiser')}</th>
            <th scope="col">{t('projects.work.side.organisation')}</th>
            <th scope="col">{t('projects.work.action')}</th>
          </tr>
        </thead>
        <tbody>
          {items.map((a) => {
            const mine = side === 'organiser' ? !a.organiserConfirmedAt : !a.organisationConfirmedAt && adminOf.has(a.organisationId);
            return (
              <tr key={a.id}>
                <td>{a.number}</td>
                <td>{organisationName(a.organisation, lang)}</td>
                <td class="num">{f.money(a.amountTiyn)}</td>
                <td>{state(a.organiserConfirmedAt)}</td>
                <td>{state(a.organisationConfirmedAt)}</td>
                <td>
                  <a href={href(workPath.agreement(a.id))}>{t(mine ? 'projects.work.home.confirm' : 'projects.work.home.open')}</a>
                  {side === 'organisation' && !a.organisationConfirmedAt && !adminOf.has(a.organisationId) ? <span class="note"> {t('projects.work.home.admin-confirms')}</span> : null}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

function Projects({ items }: { items: ProjectListItem[] }) {
  const { t, lang, href } = usePage();
  const day = useDay();
  return (
    <div class="table-scroll">
      <table class="work-table">
        <caption class="visually-hidden">{t('projects.work.home.projects')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('projects.work.project')}</th>
            <th scope="col">{t('projects.work.organisation')}</th>
            <th scope="col">{t('projects.work.project.status')}</th>
            <th scope="col">{t('projects.work.agreement.term')}</th>
            <th scope="col">{t('projects.work.agreement')}</th>
          </tr>
        </thead>
        <tbody>
          {items.map((p) => (
            <tr key={p.id}>
              <td>
                <a href={href(workPath.project(p.id))}>{localised(p, lang)}</a>
              </td>
              <td>{organisationName(p.organisation, lang)}</td>
              <td>
                {t(`projects.status.${p.status}`)}
                {p.overdueSince ? <span class="work-overdue"> {t('projects.work.overdue-since', { date: day(p.overdueSince) })}</span> : null}
              </td>
              <td>{t('projects.work.from-to', { from: day(p.startsOn), to: day(p.endsOn) })}</td>
              <td>
                <a href={href(workPath.agreement(p.agreementId))}>{t('projects.work.home.open')}</a>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function OrganiserSections({ desk, adminOf }: { desk: OrganiserDesk; adminOf: ReadonlySet<string> }) {
  const { t, f, lang, href } = usePage();
  return (
    <>
      <section aria-labelledby="winners-heading">
        <h2 id="winners-heading">{t('projects.work.home.winners')}</h2>
        {desk.winners.length === 0 ? (
          <Empty keyName="projects.work.home.winners-none" />
        ) : (
          <div class="table-scroll">
            <table class="work-table">
              <caption class="visually-hidden">{t('projects.work.home.winners')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('projects.work.competition')}</th>
                  <th scope="col">{t('projects.work.organisation')}</th>
                  <th scope="col" class="num">
                    {t('projects.work.award')}
                  </th>
                  <th scope="col">{t('projects.work.action')}</th>
                </tr>
              </thead>
              <tbody>
                {desk.winners.map((w) => (
                  <tr key={w.applicationId}>
                    <td>
                      {w.competition.number}, {t('projects.work.lot.number', { number: w.lot.number })} {localised(w.lot, lang)}
                    </td>
                    <td>{organisationName(w.organisation, lang)}</td>
                    <td class="num">{f.money(w.awardTiyn)}</td>
                    <td>
                      <a class="button button--small" href={href(workPath.newAgreement(w.applicationId))}>
                        {t('projects.work.home.make')}
                      </a>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
      <section aria-labelledby="organiser-agreements-heading">
        <h2 id="organiser-agreements-heading">{t('projects.work.home.agreements')}</h2>
        {desk.agreements.length === 0 ? <Empty keyName="projects.work.home.agreements-none" /> : <PendingAgreements items={desk.agreements} side="organiser" adminOf={adminOf} />}
      </section>
      <section aria-labelledby="decide-heading">
        <h2 id="decide-heading">{t('projects.work.home.decide')}</h2>
        {desk.reports.length === 0 ? (
          <Empty keyName="projects.work.home.decide-none" />
        ) : (
          <div class="table-scroll">
            <table class="work-table">
              <caption class="visually-hidden">{t('projects.work.home.decide')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('projects.work.project')}</th>
                  <th scope="col">{t('projects.work.organisation')}</th>
                  <th scope="col">{t('projects.work.period')}</th>
                  <th scope="col">{t('projects.work.report.submitted')}</th>
                  <th scope="col">{t('projects.work.action')}</th>
                </tr>
              </thead>
              <tbody>
                {desk.reports.map((r) => (
                  <tr key={r.reportId}>
                    <td>{localised(r.project, lang)}</td>
                    <td>{organisationName(r.organisation, lang)}</td>
                    <td>
                      {r.periodNumber}
                      {r.round > 1 ? ` (${t('projects.work.report.round', { round: r.round })})` : ''}
                    </td>
                    <td>{r.submittedAt ? f.dateTime(r.submittedAt) : '—'}</td>
                    <td>
                      <a class="button button--small" href={href(workPath.report(r.reportId))}>
                        {t('projects.work.home.review')}
                      </a>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
      <section aria-labelledby="running-heading">
        <h2 id="running-heading">{t('projects.work.home.running')}</h2>
        {desk.projects.length === 0 ? <Empty keyName="projects.work.home.projects-none" /> : <Projects items={desk.projects} />}
      </section>
    </>
  );
}

function MemberSections({ desk, adminOf, today }: { desk: MemberDesk; adminOf: ReadonlySet<string>; today: string }) {
  const { t, lang, href } = usePage();
  const day = useDay();
  const open = new Map(desk.projects.filter((p) => p.status === 'active' || p.status === 'suspended').map((p) => [p.id, p]));
  const due = desk.periods.filter((p) => open.has(p.projectId) && (p.status === null || p.status === 'draft' || p.status === 'returned'));
  return (
    <>
      {desk.agreements.length ? (
        <section aria-labelledby="member-agreements-heading">
          <h2 id="member-agreements-heading">{t('projects.work.home.to-confirm')}</h2>
          <PendingAgreements items={desk.agreements} side="organisation" adminOf={adminOf} />
        </section>
      ) : null}
      <section aria-labelledby="due-heading">
        <h2 id="due-heading">{t('projects.work.home.due')}</h2>
        {due.length === 0 ? (
          <Empty keyName="projects.work.home.due-none" />
        ) : (
          <div class="table-scroll">
            <table class="work-table">
              <caption class="visually-hidden">{t('projects.work.home.due')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('projects.work.project')}</th>
                  <th scope="col">{t('projects.work.period')}</th>
                  <th scope="col">{t('projects.work.period.reportDueOn')}</th>
                  <th scope="col">{t('projects.work.report.status')}</th>
                  <th scope="col">{t('projects.work.action')}</th>
                </tr>
              </thead>
              <tbody>
                {due.map((p) => (
                  <tr key={`${p.projectId}-${p.periodNumber}`} class={p.status === 'returned' ? 'work-row--returned' : undefined}>
                    <td>{localised(open.get(p.projectId)!, lang)}</td>
                    <td>
                      {p.periodNumber}
                      {p.final ? ` — ${t('projects.work.period.final')}` : ''}
                    </td>
                    <td>
                      {day(p.reportDueOn)}
                      {p.reportDueOn < today ? <span class="work-overdue"> {t('projects.work.overdue')}</span> : null}
                    </td>
                    <td>
                      <ReportStatusTag status={p.status} />
                    </td>
                    <td>
                      <a class="button button--small" href={href(workPath.reportForm(p.projectId, p.periodNumber))}>
                        {t(p.status === 'returned' ? 'projects.work.home.correct' : p.status === 'draft' ? 'projects.work.home.continue' : 'projects.work.home.write')}
                      </a>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
      <section aria-labelledby="member-projects-heading">
        <h2 id="member-projects-heading">{t('projects.work.home.projects')}</h2>
        {desk.projects.length === 0 ? <Empty keyName="projects.work.home.projects-none" /> : <Projects items={desk.projects} />}
      </section>
    </>
  );
}

/** One page of everything waiting on the actor, in sections by role: the organiser's, then the organisation member's. */
export function WorkHomePage({ organiser, member, adminOf, today }: WorkHomeProps) {
  const { t } = usePage();
  return (
    <section class="work work-home">
      <h1>{t('projects.work.home.title')}</h1>
      <p class="lead">{t('projects.work.home.intro')}</p>
      {organiser ? (
        <>
          {member ? <h2 class="work-role">{t('projects.work.home.as-organiser')}</h2> : null}
          <OrganiserSections desk={organiser} adminOf={adminOf} />
        </>
      ) : null}
      {member ? (
        <>
          {organiser ? <h2 class="work-role">{t('projects.work.home.as-member')}</h2> : null}
          <MemberSections desk={member} adminOf={adminOf} today={today} />
        </>
      ) : null}
      {!organiser && !member ? <Empty keyName="projects.work.home.nothing" /> : null}
    </section>
  );
}
