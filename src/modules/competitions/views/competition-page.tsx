import { usePage } from '../../../core/views/page-context.ts';
import { AREAS } from '../../organisations/index.ts';
import type { Phase } from '../phase.ts';
import { countsArePublic, type PublicCompetition, type PublicLot } from '../queries.ts';
import { localised } from '../records.ts';
import { CompetitionResults } from './competition-results.tsx';
import { LotLinkTo, OrganisationLink, placeName, textLang } from './public-parts.tsx';

const STEPS: { key: string; phase: Phase }[] = [
  { key: 'announcement', phase: 'upcoming' },
  { key: 'deadline', phase: 'accepting' },
  { key: 'admission', phase: 'admission' },
  { key: 'evaluation', phase: 'evaluation' },
  { key: 'results', phase: 'results' },
];

/** Where the competition stands: its five dates in Almaty time, the current step marked. */
function Timeline({ data }: { data: PublicCompetition }) {
  const { t, f } = usePage();
  const c = data.competition;
  const dates: Record<string, Date> = {
    announcement: c.announcedAt,
    deadline: c.deadlineAt,
    admission: c.admissionUntil,
    evaluation: c.evaluationUntil,
    results: c.publishedAt ?? c.resultsDueAt,
  };
  const current = STEPS.findIndex((s) => s.phase === data.phase);
  return (
    <section class="timeline-section" aria-labelledby="timeline-heading">
      <h2 id="timeline-heading">{t('competitions.public.timeline.title')}</h2>
      <ol class="timeline">
        {STEPS.map((s, i) => {
          const state = current === -1 || i > current ? 'future' : i < current ? 'done' : 'current';
          const label = s.key === 'results' && c.publishedAt ? 'competitions.public.timeline.published' : `competitions.public.timeline.${s.key}`;
          return (
            <li key={s.key} class={`timeline-step timeline-step--${state}`} aria-current={state === 'current' ? 'step' : undefined}>
              <span class="timeline-label">{t(label)}</span> <time datetime={dates[s.key]!.toISOString()}>{f.dateTime(dates[s.key]!)}</time>
              {state === 'done' ? <span class="visually-hidden"> ({t('competitions.public.timeline.done')})</span> : null}
              {state === 'current' && s.key !== 'results' ? <span class="timeline-now"> — {t(`competitions.phase.${data.phase}`)}</span> : null}
            </li>
          );
        })}
      </ol>
      <p class="note">{t('competitions.public.timeline.zone')}</p>
    </section>
  );
}

function LotStatus({ lot, phase }: { lot: PublicLot; phase: Phase }) {
  const { t, f } = usePage();
  const l = lot.lot;
  return (
    <>
      {l.outcome === 'awarded' ? (
        <span class="outcome outcome--awarded">{t('competitions.outcome.awarded')}</span>
      ) : l.outcome === 'failed' && l.failureReason ? (
        <span class="outcome outcome--failed">{t(`competitions.failure.${l.failureReason}`)}</span>
      ) : (
        <span class={`phase phase--${phase}`}>{t(`competitions.phase.${phase}`)}</span>
      )}
      {countsArePublic(phase) ? (
        <span class="lot-counts">
          {' '}
          {t('competitions.public.lot.counts', { received: f.number(lot.received), admitted: f.number(lot.admitted) })}
        </span>
      ) : null}
      {lot.reannouncedAs.map((link) => (
        <span key={link.lotId} class="lot-link">
          {' '}
          <LotLinkTo link={link} label="competitions.public.lot.reannounced-as" />
        </span>
      ))}
    </>
  );
}

/** Expected indicators of a lot, e.g. «Дөңгелек үстел — 3 дана». */
function Indicators({ lot }: { lot: PublicLot }) {
  const { f, lang } = usePage();
  const side = lang === 'kk' ? 'kk' : 'ru';
  if (lot.lot.indicators.length === 0) return <>—</>;
  return (
    <ul class="indicators" lang={lang === 'en' ? 'ru' : undefined}>
      {lot.lot.indicators.map((i) => (
        <li key={i.name.kk}>
          {i.name[side]} — {f.number(i.target)} {i.unit[side]}
        </li>
      ))}
    </ul>
  );
}

function LotsTable({ data }: { data: PublicCompetition }) {
  const { t, f, lang, href } = usePage();
  const accepting = data.phase === 'accepting';
  const area = (code: string) => ((AREAS as readonly string[]).includes(code) ? t(`organisations.area.${code}`) : code);
  return (
    <section aria-labelledby="lots-heading">
      <h2 id="lots-heading">{t('competitions.public.lots.title')}</h2>
      <section class="table-scroll" aria-labelledby="lots-caption" tabindex={0}>
        <table class="lots-table">
          <caption id="lots-caption">{t('competitions.public.lots.caption', { count: data.lots.length })}</caption>
          <thead>
            <tr>
              <th scope="col">{t('competitions.public.field.number')}</th>
              <th scope="col">{t('competitions.public.field.lot')}</th>
              <th scope="col">{t('competitions.public.field.area')}</th>
              <th scope="col">{t('competitions.public.field.region')}</th>
              <th scope="col" class="num">
                {t('competitions.public.field.budget')}
              </th>
              <th scope="col">{t('competitions.public.field.duration')}</th>
              <th scope="col">{t('competitions.public.field.indicators')}</th>
              <th scope="col">{t('competitions.public.field.status')}</th>
              <th scope="col">{t('competitions.public.field.winner-award')}</th>
              {accepting ? <th scope="col">{t('competitions.public.field.apply')}</th> : null}
            </tr>
          </thead>
          <tbody>
            {data.lots.map((lot) => {
              const l = lot.lot;
              return (
                <tr key={l.id} id={`lot-${l.number}`}>
                  <td>{f.number(l.number)}</td>
                  <th scope="row">
                    <span lang={textLang(l, lang)}>{localised(l, lang)}</span>
                    {lot.reannouncedFrom ? (
                      <span class="lot-link">
                        {' '}
                        (<LotLinkTo link={lot.reannouncedFrom} label="competitions.public.lot.reannounced-from" />)
                      </span>
                    ) : null}
                  </th>
                  <td>{area(l.area)}</td>
                  <td>{placeName(l.regionCode, lang, t)}</td>
                  <td class="num">{f.money(l.budgetTiyn)}</td>
                  <td>{t(`competitions.duration.${l.durationType}`)}</td>
                  <td>
                    <Indicators lot={lot} />
                  </td>
                  <td>
                    <LotStatus lot={lot} phase={data.phase} />
                  </td>
                  <td>
                    {lot.winner && l.outcome === 'awarded' ? (
                      <>
                        <OrganisationLink org={lot.winner} />
                        {l.awardTiyn !== null ? <span class="lot-award">{f.money(l.awardTiyn)}</span> : null}
                      </>
                    ) : (
                      '—'
                    )}
                  </td>
                  {accepting ? (
                    <td>
                      <a class="button button--small" href={href(`/competitions/${data.competition.id}/lots/${l.id}/apply`)}>
                        {t('competitions.public.lot.apply', { number: String(l.number) })}
                      </a>
                    </td>
                  ) : null}
                </tr>
              );
            })}
          </tbody>
        </table>
      </section>
    </section>
  );
}

/** A competition's public page: what it is, where it stands, its lots, and its results once published. */
export function CompetitionPage({ data }: { data: PublicCompetition }) {
  const { t, f, lang } = usePage();
  const c = data.competition;
  const otherTitle = lang === 'ru' ? c.titleKk : c.titleRu;
  const description = lang === 'ru' ? (c.descriptionRu ?? c.descriptionKk) : (c.descriptionKk ?? c.descriptionRu);
  const descriptionLang = lang === 'ru' ? (c.descriptionRu ? 'ru' : 'kk') : c.descriptionKk ? 'kk' : 'ru';
  return (
    <article class="competition">
      <p class="kicker">
        {c.number} · {t(`competitions.instrument.${c.instrument}`)}
      </p>
      <h1 lang={textLang(c, lang)}>{localised(c, lang)}</h1>
      {otherTitle !== localised(c, lang) ? (
        <p class="other-name" lang={lang === 'ru' ? 'kk' : 'ru'}>
          {otherTitle}
        </p>
      ) : null}
      <p>
        <span class={`phase phase--${data.phase}`}>{t(`competitions.phase.${data.phase}`)}</span>
      </p>
      <dl class="facts">
        <dt>{t('competitions.public.field.number')}</dt>
        <dd>{c.number}</dd>
        <dt>{t('competitions.public.field.instrument')}</dt>
        <dd>{t(`competitions.instrument.${c.instrument}`)}</dd>
        <dt>{t('competitions.public.field.organiser')}</dt>
        <dd>
          <OrganisationLink org={data.organiser} />
        </dd>
        {data.customer ? (
          <>
            <dt>{t('competitions.public.field.customer')}</dt>
            <dd>
              <OrganisationLink org={data.customer} />
            </dd>
          </>
        ) : null}
        <dt>{t('competitions.public.field.rules')}</dt>
        <dd>{localised(data.rule, lang)}</dd>
        <dt>{t('competitions.public.field.region')}</dt>
        <dd>{placeName(c.regionCode, lang, t)}</dd>
        <dt>{t('competitions.public.field.year')}</dt>
        <dd>{c.year}</dd>
        <dt>{t('competitions.public.field.total-budget')}</dt>
        <dd>{f.money(data.budgetTiyn)}</dd>
        <dt>{t('competitions.public.field.lots')}</dt>
        <dd>{f.number(data.lots.length)}</dd>
      </dl>
      {description ? (
        <section aria-labelledby="description-heading">
          <h2 id="description-heading">{t('competitions.public.field.description')}</h2>
          <p class="description" lang={descriptionLang === lang ? undefined : descriptionLang}>
            {description}
          </p>
        </section>
      ) : null}
      <Timeline data={data} />
      <LotsTable data={data} />
      {c.stage === 'published' ? <CompetitionResults data={data} /> : null}
    </article>
  );
}
