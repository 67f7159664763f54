import { usePage } from '../../../core/views/page-context.ts';
import type { PublicCompetition, PublicLot, RankedApplication } from '../queries.ts';
import { localised } from '../records.ts';
import type { Criterion } from '../schema.ts';
import { OrganisationLink, textLang } from './public-parts.tsx';

/** The page of one lot's scores by criterion and expert (kept off the competition page, which lists every lot). */
export const scoresPath = (competitionId: string, lotNumber: number) => `/competitions/${competitionId}/lots/${lotNumber}/scores`;

/** The address of the results protocol in Kazakh or Russian. */
export const protocolPath = (competitionId: string, docLang: 'kk' | 'ru') => `/competitions/${competitionId}/protocol/${docLang}.pdf`;

const mean = (values: number[]) => (values.length ? values.reduce((a, b) => a + b, 0) / values.length : null);

/**
 * How each expert scored one application, criterion by criterion. Experts are known by their
 * number only (the same number across the whole competition); their names are in the
 * commission's list, never beside their scores.
 */
function ScoreSheet({ lotNumber, app, criteria }: { lotNumber: number; app: RankedApplication; criteria: Criterion[] }) {
  const { t, f, lang } = usePage();
  const id = `scores-${lotNumber}-${app.rank}`;
  const weighted = (points: Record<string, number>) => criteria.reduce((sum, c) => sum + c.weight * (points[c.code] ?? 0), 0);
  return (
    <section class="score-sheet" aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>
        {t('competitions.public.scores.heading', { rank: String(app.rank) })} <OrganisationLink org={app.organisation} />
      </h2>
      {app.sheets.length === 0 ? (
        <p>{t('competitions.public.scores.none')}</p>
      ) : (
        <section class="table-scroll" aria-labelledby={`${id}-caption`} tabindex={0}>
          <table class="scores-table">
            <caption id={`${id}-caption`}>{t('competitions.public.scores.caption', { lot: String(lotNumber), rank: String(app.rank) })}</caption>
            <thead>
              <tr>
                <th scope="col">{t('competitions.public.scores.criterion')}</th>
                <th scope="col" class="num">
                  {t('competitions.public.scores.max')}
                </th>
                <th scope="col" class="num">
                  {t('competitions.public.scores.weight')}
                </th>
                {app.sheets.map((s) => (
                  <th key={s.expert} scope="col" class="num">
                    {t('competitions.public.expert', { number: String(s.expert) })}
                  </th>
                ))}
                <th scope="col" class="num">
                  {t('competitions.public.scores.mean')}
                </th>
              </tr>
            </thead>
            <tbody>
              {criteria.map((c) => {
                const m = mean(app.sheets.map((s) => s.points[c.code]).filter((p): p is number => p !== undefined));
                return (
                  <tr key={c.code}>
                    <th scope="row">{c.title[lang]}</th>
                    <td class="num">{f.number(c.maxPoints)}</td>
                    <td class="num">{f.number(c.weight)}</td>
                    {app.sheets.map((s) => (
                      <td key={s.expert} class="num">
                        {s.points[c.code] === undefined ? '—' : f.number(s.points[c.code]!)}
                      </td>
                    ))}
                    <td class="num">{m === null ? '—' : f.number(Math.round(m * 100) / 100)}</td>
                  </tr>
                );
              })}
            </tbody>
            <tfoot>
              <tr>
                <th scope="row" colSpan={3}>
                  {t('competitions.public.scores.weighted')}
                </th>
                {app.sheets.map((s) => (
                  <td key={s.expert} class="num">
                    {f.number(weighted(s.points))}
                  </td>
                ))}
                <td class="num">{f.number(app.score)}</td>
              </tr>
            </tfoot>
          </table>
        </section>
      )}
    </section>
  );
}

function LotResult({ data, lot }: { data: PublicCompetition; lot: PublicLot }) {
  const { t, f, lang, href } = usePage();
  const l = lot.lot;
  const id = `results-lot-${l.number}`;
  return (
    <section class="lot-result" aria-labelledby={`${id}-heading`}>
      <h3 id={`${id}-heading`}>
        {t('competitions.public.results.lot', { number: String(l.number) })} <span lang={textLang(l, lang)}>{localised(l, lang)}</span>
      </h3>
      <p class={`outcome outcome--${l.outcome ?? 'none'}`}>
        {l.outcome === 'awarded' && lot.winner && l.awardTiyn !== null ? (
          <>
            {t('competitions.public.results.winner')} <OrganisationLink org={lot.winner} />. {t('competitions.public.results.award', { amount: f.money(l.awardTiyn) })}
          </>
        ) : l.failureReason ? (
          t(`competitions.failure.${l.failureReason}`)
        ) : (
          '—'
        )}
      </p>
      <p>{t('competitions.public.lot.counts', { received: f.number(lot.received), admitted: f.number(lot.admitted) })}</p>
      {lot.ranking.length ? (
        <section class="table-scroll" aria-labelledby={`${id}-caption`} tabindex={0}>
          <table class="ranking-table">
            <caption id={`${id}-caption`}>{t('competitions.public.ranking.caption', { lot: String(l.number) })}</caption>
            <thead>
              <tr>
                <th scope="col" class="num">
                  {t('competitions.public.ranking.rank')}
                </th>
                <th scope="col">{t('competitions.public.ranking.organisation')}</th>
                <th scope="col" class="num">
                  {t('competitions.public.ranking.score')}
                </th>
                <th scope="col">{t('competitions.public.ranking.result')}</th>
                <th scope="col" class="num">
                  {t('competitions.public.field.award')}
                </th>
              </tr>
            </thead>
            <tbody>
              {lot.ranking.map((r) => (
                <tr key={r.applicationId} class={r.winner ? 'winner' : undefined}>
                  <td class="num">{f.number(r.rank)}</td>
                  <th scope="row">
                    <OrganisationLink org={r.organisation} />
                  </th>
                  <td class="num">{t('competitions.public.ranking.score-of', { score: f.number(r.score), max: f.number(data.maxScore) })}</td>
                  <td>{r.winner ? <strong>{t('competitions.public.ranking.winner')}</strong> : '—'}</td>
                  <td class="num">{r.awardTiyn !== null ? f.money(r.awardTiyn) : '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      ) : null}
      {lot.ranking.length ? (
        <p>
          <a href={href(scoresPath(data.competition.id, l.number))}>{t('competitions.public.scores.summary', { lot: String(l.number) })}</a>
        </p>
      ) : null}
      {lot.notAdmitted.length ? (
        <section class="not-admitted" aria-labelledby={`${id}-refused`}>
          <h4 id={`${id}-refused`}>{t('competitions.public.results.not-admitted')}</h4>
          <ul>
            {lot.notAdmitted.map((a) => (
              <li key={a.applicationId}>
                <OrganisationLink org={a.organisation} /> — {t('competitions.status.refused')}
                {a.reason ? (
                  <>
                    . {t('competitions.public.results.reason')}: {a.reason}
                  </>
                ) : null}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </section>
  );
}

/** The published results: each lot's outcome, ranking and anonymised scores; the commission; the protocol. */
export function CompetitionResults({ data }: { data: PublicCompetition }) {
  const { t, f, href } = usePage();
  const c = data.competition;
  const rule = data.rule.definition;
  return (
    <>
      <section class="competition-results" aria-labelledby="results-heading">
        <h2 id="results-heading">{t('competitions.public.results.title')}</h2>
        <p>
          {c.publishedAt ? <>{t('competitions.public.results.published', { date: f.dateTime(c.publishedAt) })} </> : null}
          {t('competitions.public.results.rule', { max: f.number(data.maxScore), pass: f.number(rule.passPercent) })}
        </p>
        <p class="protocol-links">
          {t('competitions.public.protocol.label')}:{' '}
          <a href={href(protocolPath(c.id, 'kk'))} hreflang="kk" type="application/pdf" hx-boost="false">
            {t('competitions.public.protocol.kk')}
          </a>
          {' · '}
          <a href={href(protocolPath(c.id, 'ru'))} hreflang="ru" type="application/pdf" hx-boost="false">
            {t('competitions.public.protocol.ru')}
          </a>
        </p>
        <p class="note">{t('competitions.public.results.anonymous')}</p>
        {data.lots.map((lot) => (
          <LotResult key={lot.lot.id} data={data} lot={lot} />
        ))}
      </section>
      {data.commission ? (
        <section class="commission" aria-labelledby="commission-heading">
          <h2 id="commission-heading">{t('competitions.public.commission.title')}</h2>
          <p>
            {t('competitions.public.commission.summary', {
              members: data.commission.members.length,
              quorum: data.commission.quorum,
              scored: data.commission.scored,
            })}
          </p>
          <ul class="commission-members">
            {data.commission.members.map((name) => (
              <li key={name}>{name}</li>
            ))}
          </ul>
        </section>
      ) : null}
    </>
  );
}

/** One lot's score sheets: every ranked application, by criterion and expert (experts by number only). */
export function LotScoresPage({ data, lot }: { data: PublicCompetition; lot: PublicLot }) {
  const { t, lang, href } = usePage();
  const l = lot.lot;
  return (
    <section class="lot-scores">
      <p>
        <a href={href(`/competitions/${data.competition.id}#results-lot-${l.number}-heading`)}>
          {data.competition.number}. {localised(data.competition, lang)}
        </a>
      </p>
      <h1>
        {t('competitions.public.scores.summary', { lot: String(l.number) })} <span lang={textLang(l, lang)}>{localised(l, lang)}</span>
      </h1>
      <p class="note">{t('competitions.public.results.anonymous')}</p>
      {lot.ranking.length ? (
        lot.ranking.map((r) => <ScoreSheet key={r.applicationId} lotNumber={l.number} app={r} criteria={data.rule.definition.criteria} />)
      ) : (
        <p>{t('competitions.public.scores.none')}</p>
      )}
    </section>
  );
}
