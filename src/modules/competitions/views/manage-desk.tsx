import { REGIONS } from '../../../core/geo/regions.ts';
import { emptyForm, type FieldError, type FormState } from '../../../core/http/forms.ts';
import type { Lang } from '../../../core/i18n/langs.ts';
import { CheckboxGroup, ErrorSummary, Form } from '../../../core/views/components.tsx';
import { usePage } from '../../../core/views/page-context.ts';
import { organisationName } from '../../organisations/index.ts';
import type { Desk, LotLink, ReceivedApplication } from '../manage-queries.ts';
import type { Phase } from '../phase.ts';
import { type LotRow, localised } from '../records.ts';
import { DateFields } from './manage-announce.tsx';
import { AdmissionForms } from './manage-application.tsx';

/** A failed form on the desk, re-rendered with its values and errors. */
export type DeskForms = {
  commission?: FormState;
  evaluation?: FieldError;
  results?: FieldError;
  reannounce?: FormState;
};

const regionName = (code: string | null, lang: Lang) => REGIONS.find((r) => r.code === code)?.name[lang];

function Dates({ desk, phase }: { desk: Desk; phase: Phase }) {
  const { t, f } = usePage();
  const c = desk.competition;
  const steps: { key: string; at: Date; phases: Phase[] }[] = [
    { key: 'announcedAt', at: c.announcedAt, phases: ['upcoming'] },
    { key: 'deadlineAt', at: c.deadlineAt, phases: ['accepting'] },
    { key: 'admissionUntil', at: c.admissionUntil, phases: ['admission'] },
    { key: 'evaluationUntil', at: c.evaluationUntil, phases: ['evaluation'] },
    { key: 'resultsDueAt', at: c.resultsDueAt, phases: ['results'] },
  ];
  return (
    <ol class="manage-timeline">
      {steps.map((s) => (
        <li key={s.key} aria-current={s.phases.includes(phase) ? 'step' : undefined}>
          <strong>{t(`competitions.manage.field.${s.key}`)}</strong>: {f.dateTime(s.at)}
        </li>
      ))}
    </ol>
  );
}

function LinkToLot({ link }: { link: LotLink }) {
  const { href } = usePage();
  return (
    <a href={href(`/manage/competitions/${link.competitionId}#lot-${link.lotNumber}`)}>
      {link.number}, {link.lotNumber}
    </a>
  );
}

function Outcome({ lot, applications }: { lot: LotRow; applications: ReceivedApplication[] }) {
  const { t, f, lang } = usePage();
  if (!lot.outcome) return null;
  if (lot.outcome === 'failed') return <p class="manage-outcome manage-outcome--failed">{t(`competitions.failure.${lot.failureReason}`)}</p>;
  const winner = applications.find((a) => a.id === lot.winnerApplicationId);
  return (
    <p class="manage-outcome manage-outcome--awarded">
      {t('competitions.manage.outcome.winner', {
        organisation: winner ? organisationName(winner.organisation, lang) : '—',
        award: f.money(lot.awardTiyn ?? 0),
      })}
    </p>
  );
}

function LotSection({ desk, entry, phase }: { desk: Desk; entry: Desk['lots'][number]; phase: Phase }) {
  const { t, f, lang, href } = usePage();
  const { lot, applications } = entry;
  const from = desk.reannouncedFrom[lot.id];
  const as = desk.reannouncedAs[lot.id] ?? [];
  const deciding = phase === 'admission';
  const published = desk.competition.stage === 'published';
  const caption = `${t('competitions.manage.lot.legend', { number: lot.number })}. ${localised(lot, lang)}`;
  return (
    <div class="manage-lot-desk" id={`lot-${lot.number}`}>
      <h3 id={`lot-${lot.number}-heading`}>{caption}</h3>
      <dl class="facts">
        <dt>{t('competitions.manage.lot.area')}</dt>
        <dd>{t(`organisations.area.${lot.area}`)}</dd>
        <dt>{t('competitions.manage.lot.region')}</dt>
        <dd>{regionName(lot.regionCode, lang) ?? lot.regionCode}</dd>
        <dt>{t('competitions.manage.lot.budget-shown')}</dt>
        <dd>{f.money(lot.budgetTiyn)}</dd>
        <dt>{t('competitions.manage.lot.duration')}</dt>
        <dd>{t(`competitions.duration.${lot.durationType}`)}</dd>
        {lot.indicators.length ? (
          <>
            <dt>{t('competitions.manage.lot.indicators-shown')}</dt>
            <dd>
              <ul class="manage-indicators">
                {lot.indicators.map((i) => (
                  <li key={i.name.kk}>
                    {lang === 'ru' ? i.name.ru : i.name.kk}: {f.number(i.target)} {lang === 'ru' ? i.unit.ru : i.unit.kk}
                  </li>
                ))}
              </ul>
            </dd>
          </>
        ) : null}
        {from ? (
          <>
            <dt>{t('competitions.manage.lot.reannounced-from')}</dt>
            <dd>
              <LinkToLot link={from} />
            </dd>
          </>
        ) : null}
        {as.length ? (
          <>
            <dt>{t('competitions.manage.lot.reannounced-as')}</dt>
            <dd>
              {as.map((l, i) => (
                <span key={l.lotId}>
                  {i ? ', ' : ''}
                  <LinkToLot link={l} />
                </span>
              ))}
            </dd>
          </>
        ) : null}
      </dl>
      <Outcome lot={lot} applications={applications} />
      {applications.length === 0 ? (
        <p>{t('competitions.manage.lot.no-applications')}</p>
      ) : (
        <section class="table-scroll" aria-label={caption} tabindex={0}>
          <table class="manage-applications">
            <thead>
              <tr>
                <th scope="col">{t('competitions.manage.field.receipt')}</th>
                <th scope="col">{t('competitions.manage.field.organisation')}</th>
                <th scope="col">{t('competitions.manage.field.submitted-at')}</th>
                <th scope="col" class="num">
                  {t('competitions.manage.field.requested')}
                </th>
                <th scope="col">{t('competitions.manage.field.status')}</th>
                {published ? (
                  <th scope="col" class="num">
                    {t('competitions.manage.field.score')}
                  </th>
                ) : null}
                {deciding ? <th scope="col">{t('competitions.manage.admission.title')}</th> : null}
              </tr>
            </thead>
            <tbody>
              {applications.map((a) => (
                <tr key={a.id} id={`application-${a.id}`}>
                  <td class="nowrap">
                    <a href={href(`/manage/applications/${a.id}`)}>{a.receiptNumber}</a>
                  </td>
                  <td>{organisationName(a.organisation, lang)}</td>
                  <td class="nowrap">{a.submittedAt ? f.dateTime(a.submittedAt) : '—'}</td>
                  <td class="num">{f.money(a.requestedTiyn)}</td>
                  <td>
                    {t(`competitions.status.${a.status}`)}
                    {a.status === 'refused' && a.decisionReason ? (
                      <>
                        <br />
                        <small>{a.decisionReason}</small>
                      </>
                    ) : null}
                  </td>
                  {published ? (
                    <td class="num">{a.score !== null ? t('competitions.manage.score', { score: f.number(a.score), rank: a.rank ?? 0 }) : '—'}</td>
                  ) : null}
                  {deciding ? (
                    <td>
                      <AdmissionForms applicationId={a.id} compact />
                    </td>
                  ) : null}
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      )}
    </div>
  );
}

function CommissionSection({ desk, form }: { desk: Desk; form?: FormState }) {
  const { t, href } = usePage();
  const c = desk.competition;
  const open = c.stage === 'announced' || c.stage === 'draft';
  const state = form ?? emptyForm({ expertIds: desk.commission.map((m) => m.id) });
  return (
    <section id="commission" aria-labelledby="commission-heading">
      <h2 id="commission-heading">{t('competitions.manage.commission.title')}</h2>
      {desk.commission.length ? (
        <>
          <p>{t('competitions.manage.commission.members', { count: desk.commission.length })}</p>
          <ul>
            {desk.commission.map((m) => (
              <li key={m.id}>
                {m.name} ({m.email})
              </li>
            ))}
          </ul>
        </>
      ) : (
        <p>{t('competitions.manage.commission.none')}</p>
      )}
      {open ? (
        desk.experts.length ? (
          <Form action={href(`/manage/competitions/${c.id}/commission`)} class="manage-commission">
            <CheckboxGroup
              form={state}
              name="expertIds"
              legend={t('competitions.manage.commission.choose')}
              choices={desk.experts.map((e) => ({ value: e.id, label: `${e.name} — ${e.email}` }))}
            />
            <p class="hint">{t('competitions.manage.commission.hint')}</p>
            <button type="submit" class="button">
              {t('competitions.manage.commission.submit')}
            </button>
          </Form>
        ) : (
          <p>{t('competitions.manage.commission.no-experts')}</p>
        )
      ) : null}
    </section>
  );
}

function ProgressSection({ desk }: { desk: Desk }) {
  const { t, lang, href } = usePage();
  const caption = t('competitions.manage.progress.title');
  if (desk.progress.length === 0) return <p>{t('competitions.manage.progress.none')}</p>;
  return (
    <section class="table-scroll" aria-label={caption} tabindex={0}>
      <table class="manage-progress">
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t('competitions.manage.field.receipt')}</th>
            {desk.commission.map((m) => (
              <th scope="col" key={m.id}>
                {m.name}
              </th>
            ))}
            <th scope="col">{t('competitions.manage.progress.quorum')}</th>
          </tr>
        </thead>
        <tbody>
          {desk.progress.map((p) => (
            <tr key={p.application.id}>
              <th scope="row">
                <a href={href(`/manage/applications/${p.application.id}`)}>{p.application.receiptNumber}</a>
                <br />
                <small>
                  {t('competitions.manage.lot.legend', { number: p.lot.number })} · {organisationName(p.application.organisation, lang)}
                </small>
              </th>
              {desk.commission.map((m) => {
                const s = p.standing[m.id] ?? 'pending';
                return (
                  <td key={m.id} class={`standing standing--${s}`}>
                    {t(`competitions.manage.progress.${s}`)}
                  </td>
                );
              })}
              {p.decides ? (
                <td class={p.quorum ? 'standing standing--scored' : 'standing standing--pending'}>
                  {t(p.quorum ? 'competitions.manage.progress.quorum-met' : 'competitions.manage.progress.quorum-missing', { scored: p.scoredBy, needed: p.needed })}
                </td>
              ) : (
                <td class="standing">{t('competitions.manage.progress.quorum-moot')}</td>
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

function ActionError({ error }: { error?: FieldError }) {
  const { t } = usePage();
  return error ? (
    <p class="field-error" role="alert">
      {t(error.key, error.params)}
    </p>
  ) : null;
}

function StageSection({ desk, phase, forms }: { desk: Desk; phase: Phase; forms: DeskForms }) {
  const { t, f, href } = usePage();
  const c = desk.competition;
  return (
    <section id="stage" aria-labelledby="stage-heading">
      <h2 id="stage-heading">{t('competitions.manage.stage.title')}</h2>
      {phase === 'draft' || phase === 'upcoming' || phase === 'accepting' ? <p>{t('competitions.manage.stage.accepting', { deadline: f.dateTime(c.deadlineAt) })}</p> : null}
      {phase === 'admission' ? (
        <>
          {desk.undecided > 0 ? (
            <p>{t('competitions.manage.stage.undecided', { count: desk.undecided })}</p>
          ) : (
            <p>{t('competitions.manage.stage.ready', { until: f.dateTime(c.admissionUntil) })}</p>
          )}
          <ActionError error={forms.evaluation} />
          {desk.undecided === 0 ? (
            <Form action={href(`/manage/competitions/${c.id}/evaluation`)}>
              <button type="submit" class="button">
                {t('competitions.manage.stage.start')}
              </button>
            </Form>
          ) : null}
        </>
      ) : null}
      {phase === 'evaluation' ? (
        <>
          <p>{t('competitions.manage.stage.evaluating', { until: f.dateTime(c.evaluationUntil) })}</p>
          <ProgressSection desk={desk} />
          <ActionError error={forms.results} />
          <Form action={href(`/manage/competitions/${c.id}/results`)}>
            <p class="hint">{t('competitions.manage.stage.publish-hint')}</p>
            <button type="submit" class="button">
              {t('competitions.manage.stage.publish')}
            </button>
          </Form>
        </>
      ) : null}
      {phase === 'results' ? <ResultsSection desk={desk} form={forms.reannounce} /> : null}
    </section>
  );
}

function ResultsSection({ desk, form }: { desk: Desk; form?: FormState }) {
  const { t, f, lang, href } = usePage();
  const failed = desk.lots.filter((l) => l.lot.outcome === 'failed');
  const done = failed.length > 0 && failed.some((l) => desk.reannouncedAs[l.lot.id]?.length);
  return (
    <>
      <p>{t('competitions.manage.stage.published', { at: f.dateTime(desk.competition.publishedAt ?? desk.competition.updatedAt) })}</p>
      <ul class="manage-results">
        {desk.lots.map(({ lot, applications }) => (
          <li key={lot.id}>
            <a href={`#lot-${lot.number}`}>
              {t('competitions.manage.lot.legend', { number: lot.number })}. {localised(lot, lang)}
            </a>
            <Outcome lot={lot} applications={applications} />
          </li>
        ))}
      </ul>
      {failed.length ? (
        <section id="reannounce" aria-labelledby="reannounce-heading">
          <h3 id="reannounce-heading">{t('competitions.manage.reannounce.title')}</h3>
          <p>{t('competitions.manage.reannounce.intro', { count: failed.length })}</p>
          {done && !form ? (
            <p>{t('competitions.manage.error.already-reannounced')}</p>
          ) : (
            <Form action={href(`/manage/competitions/${desk.competition.id}/reannounce`)}>
            <DateFields form={form ?? emptyForm()} />
            <button type="submit" class="button">
              {t('competitions.manage.reannounce.submit')}
            </button>
          </Form>
          )}
        </section>
      ) : null}
    </>
  );
}

/** The organiser's desk for one competition: where it stands, its lots and applications, the commission, and the next step. */
export function DeskPage({ desk, phase, forms = {} }: { desk: Desk; phase: Phase; forms?: DeskForms }) {
  const { t, lang, href } = usePage();
  const c = desk.competition;
  const failedForm = forms.commission ?? forms.reannounce;
  const topErrors = forms.evaluation ?? forms.results;
  return (
    <section class="manage manage-desk">
      <p>
        <a href={href('/manage/competitions')}>{t('competitions.manage.back-to-list')}</a>
        {c.stage !== 'draft' ? (
          <>
            {' · '}
            <a href={href(`/competitions/${c.id}`)}>{t('competitions.manage.public-page')}</a>
          </>
        ) : null}
      </p>
      <h1>
        {c.number}. {localised(c, lang)}
      </h1>
      {failedForm ? <ErrorSummary form={failedForm} /> : null}
      {topErrors ? <ErrorSummary form={{ values: {}, errors: { _form: topErrors } }} /> : null}
      <dl class="facts">
        <dt>{t('competitions.manage.field.phase')}</dt>
        <dd>
          <strong>{t(`competitions.phase.${phase}`)}</strong>
        </dd>
        <dt>{t('competitions.manage.field.organiser')}</dt>
        <dd>{organisationName(desk.organiser, lang)}</dd>
        <dt>{t('competitions.manage.field.instrument')}</dt>
        <dd>{t(`competitions.instrument.${c.instrument}`)}</dd>
        <dt>{t('competitions.manage.field.rule')}</dt>
        <dd>{localised(desk.rule, lang)}</dd>
        <dt>{t('competitions.manage.field.year')}</dt>
        <dd>{c.year}</dd>
        <dt>{t('competitions.manage.field.region')}</dt>
        <dd>{regionName(c.regionCode, lang) ?? t('competitions.manage.national')}</dd>
      </dl>
      <h2>{t('competitions.manage.dates')}</h2>
      <Dates desk={desk} phase={phase} />
      <StageSection desk={desk} phase={phase} forms={forms} />
      <h2>{t('competitions.manage.lots')}</h2>
      {desk.lots.map((entry) => (
        <LotSection key={entry.lot.id} desk={desk} entry={entry} phase={phase} />
      ))}
      <CommissionSection desk={desk} form={forms.commission} />
    </section>
  );
}
