import { usePage } from '../../../core/views/page-context.ts';
import { organisationName } from '../../organisations/index.ts';
import type { DeskApplication, DeskCompetition, DeskStanding } from '../expert-queries.ts';
import { competitionPhase } from '../phase.ts';
import { localised } from '../records.ts';

/** The expert's desk: every competition whose commission they sit on, and where they stand on each application. */
export function ExpertDeskPage({ title, desk, now }: { title: string; desk: DeskCompetition[]; now: Date }) {
  const { t } = usePage();
  return (
    <section class="expert-desk">
      <h1>{title}</h1>
      <p class="lead">{t('competitions.expert.desk.intro')}</p>
      {desk.length === 0 ? <p>{t('competitions.expert.desk.empty')}</p> : desk.map((d) => <DeskCompetitionSection key={d.competition.id} desk={d} now={now} />)}
    </section>
  );
}

function DeskCompetitionSection({ desk, now }: { desk: DeskCompetition; now: Date }) {
  const { t, f, lang } = usePage();
  const { competition, applications, maxScore } = desk;
  const headingId = `competition-${competition.id}`;
  const name = localised(competition, lang);
  const stage = competition.stage;
  const done = applications.filter((a) => a.standing.kind === 'scored').length;
  const scorable = applications.filter((a) => a.standing.kind !== 'recused').length;
  return (
    <section class="expert-competition" aria-labelledby={headingId}>
      <h2 id={headingId}>
        {competition.number} · {name}
      </h2>
      <dl class="facts">
        <dt>{t('competitions.expert.desk.instrument')}</dt>
        <dd>{t(`competitions.instrument.${competition.instrument}`)}</dd>
        <dt>{t('competitions.expert.desk.phase')}</dt>
        <dd>{t(`competitions.phase.${competitionPhase(competition, now)}`)}</dd>
        <dt>{t('competitions.expert.desk.evaluation-until')}</dt>
        <dd>{f.date(competition.evaluationUntil)}</dd>
      </dl>
      {stage === 'evaluation' ? (
        <p>{t('competitions.expert.desk.sitting')}</p>
      ) : stage === 'published' ? (
        <p class="expert-locked">{t('competitions.expert.desk.locked')}</p>
      ) : (
        <p class="note">{t('competitions.expert.desk.not-started')}</p>
      )}
      {stage === 'evaluation' || stage === 'published' ? (
        applications.length === 0 ? (
          <p>{t('competitions.expert.desk.no-applications')}</p>
        ) : (
          <>
            <p class="expert-progress">{t('competitions.expert.desk.progress', { done: f.number(done), total: f.number(scorable) })}</p>
            <section class="table-scroll" aria-labelledby={`${headingId}-caption`} tabindex={0}>
              <table class="expert-table">
                <caption class="visually-hidden" id={`${headingId}-caption`}>{t('competitions.expert.desk.caption', { competition: name })}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('competitions.expert.field.receipt')}</th>
                    <th scope="col">{t('competitions.expert.field.organisation')}</th>
                    <th scope="col">{t('competitions.expert.field.lot')}</th>
                    <th scope="col">{t('competitions.expert.desk.standing')}</th>
                    <th scope="col">
                      <span class="visually-hidden">{t('competitions.expert.desk.action')}</span>
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {applications.map((a) => (
                    <DeskRow key={a.id} application={a} maxScore={maxScore} open={stage === 'evaluation'} />
                  ))}
                </tbody>
              </table>
            </section>
          </>
        )
      ) : null}
    </section>
  );
}

function DeskRow({ application: a, maxScore, open }: { application: DeskApplication; maxScore: number; open: boolean }) {
  const { t, lang, href } = usePage();
  const link = href(`/expert/applications/${a.id}`);
  const action = open ? actionKey(a.standing) : a.standing.kind === 'scored' ? 'competitions.expert.action.view' : null;
  return (
    <tr>
      <td class="nowrap">{a.receiptNumber}</td>
      <td>{organisationName(a.organisation, lang)}</td>
      <td>{t('competitions.expert.lot', { number: a.lot.number, title: localised(a.lot, lang) })}</td>
      <td>
        <StandingText standing={a.standing} maxScore={maxScore} />
      </td>
      <td class="row-actions">
        {action ? (
          <a href={link} class={a.standing.kind === 'to-declare' || a.standing.kind === 'to-score' ? 'button' : 'button button--secondary'}>
            {t(action)}
            <span class="visually-hidden"> {a.receiptNumber}</span>
          </a>
        ) : null}
      </td>
    </tr>
  );
}

function actionKey(standing: DeskStanding): string | null {
  switch (standing.kind) {
    case 'to-declare':
      return 'competitions.expert.action.declare';
    case 'to-score':
      return 'competitions.expert.action.score';
    case 'scored':
      return 'competitions.expert.action.revise';
    default:
      return null;
  }
}

export function StandingText({ standing, maxScore }: { standing: DeskStanding; maxScore: number }) {
  const { t, f } = usePage();
  switch (standing.kind) {
    case 'to-declare':
      return <span class="standing standing--todo">{t('competitions.expert.standing.to-declare')}</span>;
    case 'to-score':
      return <span class="standing standing--todo">{t('competitions.expert.standing.to-score')}</span>;
    case 'scored':
      return (
        <span class="standing standing--done">{t('competitions.expert.standing.scored', { total: f.number(standing.total), max: f.number(maxScore) })}</span>
      );
    case 'not-scored':
      return <span class="standing">{t('competitions.expert.standing.not-scored')}</span>;
    case 'recused':
      return <span class="standing standing--recused">{t(`competitions.expert.standing.recused.${standing.reason}`)}</span>;
  }
}
