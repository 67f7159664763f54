import type { FormState } from '../../../core/http/forms.ts';
import { ErrorSummary, Field, Form, TextareaField } from '../../../core/views/components.tsx';
import { usePage } from '../../../core/views/page-context.ts';
import { localised } from '../../competitions/index.ts';
import { organisationName } from '../../organisations/index.ts';
import type { AgreementTerms } from '../amend-agreement.ts';
import type { AgreementDetail } from '../work-queries.ts';
import { GroupError, ReportStatusTag, TrancheRows, TrancheTable, TrancheWhen, useDay, workPath } from './work-parts.tsx';

export type AgreementPageProps = {
  detail: AgreementDetail;
  canConfirm: { organiser: boolean; organisation: boolean };
  /** Whether the actor writes the reports (a member) or decides them (the organiser). */
  canReport: boolean;
  canDecide: boolean;
  /** The amendment form, when the actor may amend the agreement now. */
  amend: { form: FormState; rows: number } | null;
};

function Confirmation({ side, at, by, can, agreementId }: { side: 'organiser' | 'organisation'; at: Date | null; by: string | null; can: boolean; agreementId: string }) {
  const { t, f, href } = usePage();
  return (
    <li class={`work-confirmation${at ? ' work-confirmation--done' : ''}`}>
      <strong>{t(`projects.work.side.${side}`)}</strong>:{' '}
      {at ? t('projects.work.confirmed-by', { name: by ?? '—', date: f.dateTime(at) }) : t('projects.work.not-confirmed')}
      {!at && can ? (
        <Form action={href(`${workPath.agreement(agreementId)}/confirm`)} class="work-confirm-form" label={t(`projects.work.confirm.${side}`)}>
          <input type="hidden" name="side" value={side} />
          <button type="submit" class="button">
            {t(`projects.work.confirm.${side}`)}
          </button>
        </Form>
      ) : null}
    </li>
  );
}

/** What an amendment changed, field by field. */
function Changes({ before, after }: { before: AgreementTerms; after: AgreementTerms }) {
  const { t, f } = usePage();
  const day = useDay();
  const tranches = (terms: AgreementTerms) =>
    terms.tranches
      .map((x) => `${x.number}. ${f.money(x.amountTiyn)} (${x.periodNumber === null ? t('projects.work.tranche.advance') : t('projects.work.tranche.on-report', { period: x.periodNumber })})`)
      .join('; ');
  const lines: string[] = [];
  if (before.amountTiyn !== after.amountTiyn) lines.push(t('projects.work.amend.changed.amount', { before: f.money(before.amountTiyn), after: f.money(after.amountTiyn) }));
  if (before.endsOn !== after.endsOn) lines.push(t('projects.work.amend.changed.ends-on', { before: day(before.endsOn), after: day(after.endsOn) }));
  if (tranches(before) !== tranches(after)) lines.push(t('projects.work.amend.changed.tranches', { before: tranches(before), after: tranches(after) }));
  return (
    <ul class="work-changes">
      {lines.map((l) => (
        <li key={l}>{l}</li>
      ))}
    </ul>
  );
}

function AmendForm({ detail, form, rows }: { detail: AgreementDetail; form: FormState; rows: number }) {
  const { t, f, href } = usePage();
  const released = detail.tranches.filter((x) => x.releasedAt);
  return (
    <section class="work-amend" aria-labelledby="amend-heading" id="amend">
      <h2 id="amend-heading">{t('projects.work.amend.title')}</h2>
      <p>{t('projects.work.amend.intro', { award: f.money(detail.record.lot.awardTiyn ?? 0) })}</p>
      <ErrorSummary form={form} />
      <Form action={href(`${workPath.agreement(detail.agreement.id)}/amend`)} class="work-form">
        <Field form={form} name="amount" label={t('projects.work.agreement.amount')} hint={t('projects.work.agreement.amount-hint', { award: f.money(detail.record.lot.awardTiyn ?? 0) })} required />
        <Field form={form} name="endsOn" type="date" label={t('projects.work.agreement.ends-on')} required />
        <fieldset id="field-tranches" class={form.errors.tranches ? 'field--error' : undefined}>
          <legend>{t('projects.work.amend.tranches')}</legend>
          <p class="hint">{t('projects.work.amend.tranches-hint')}</p>
          {released.length ? (
            <ul class="work-released">
              {released.map((x) => (
                <li key={x.id}>
                  {t('projects.work.amend.released', { number: x.number, amount: f.money(x.amountTiyn), date: f.date(x.releasedAt!) })} (<TrancheWhen periodNumber={x.periodNumber} />)
                </li>
              ))}
            </ul>
          ) : null}
          <GroupError form={form} name="tranches" />
          <input type="hidden" name="trancheRows" value={String(rows)} />
          <TrancheRows form={form} rows={rows} periods={detail.agreement.periods.length} />
        </fieldset>
        <TextareaField form={form} name="reason" label={t('projects.work.amend.reason')} hint={t('projects.work.amend.reason-hint')} rows={3} required />
        <p class="actions">
          <button type="submit" class="button">
            {t('projects.work.amend.submit')}
          </button>
          <button type="submit" name="addTranches" value="1" class="button button--secondary">
            {t('projects.work.tranches.add')}
          </button>
        </p>
      </Form>
    </section>
  );
}

/** An agreement: its terms, periods and tranches, who confirmed it, its amendments, and what the actor may do. */
export function AgreementPage({ detail, canConfirm, canReport, canDecide, amend }: AgreementPageProps) {
  const { t, f, lang, href } = usePage();
  const day = useDay();
  const { agreement, record } = detail;
  const binding = Boolean(agreement.organiserConfirmedAt && agreement.organisationConfirmedAt);
  return (
    <section class="work work-agreement">
      <p>
        <a href={href(workPath.home)}>{t('projects.work.back')}</a>
      </p>
      <h1>{t('projects.work.agreement.title', { number: agreement.number })}</h1>
      <p class={`work-state${binding ? ' work-state--binding' : ''}`}>{t(binding ? 'projects.work.agreement.binding' : 'projects.work.agreement.pending')}</p>
      <dl class="facts work-facts">
        <dt>{t('projects.work.organisation')}</dt>
        <dd>{organisationName(record.organisation, lang)}</dd>
        <dt>{t('projects.work.competition')}</dt>
        <dd>
          {record.competition.number}. {localised(record.competition, lang)}
        </dd>
        <dt>{t('projects.work.lot')}</dt>
        <dd>
          {t('projects.work.lot.number', { number: record.lot.number })} {localised(record.lot, lang)}
        </dd>
        <dt>{t('projects.work.agreement.signed-on')}</dt>
        <dd>{day(agreement.signedOn)}</dd>
        <dt>{t('projects.work.agreement.amount')}</dt>
        <dd>
          {f.money(agreement.amountTiyn)} <span class="note">({t('projects.work.award-was', { award: f.money(record.lot.awardTiyn ?? 0) })})</span>
        </dd>
        <dt>{t('projects.work.agreement.term')}</dt>
        <dd>{t('projects.work.from-to', { from: day(agreement.startsOn), to: day(agreement.endsOn) })}</dd>
        {detail.projectId ? (
          <>
            <dt>{t('projects.work.project')}</dt>
            <dd>
              <a href={href(workPath.project(detail.projectId))}>{t('projects.work.project.public')}</a>
            </dd>
          </>
        ) : null}
      </dl>

      <h2>{t('projects.work.confirmations')}</h2>
      <ul class="work-confirmations">
        <Confirmation side="organiser" at={agreement.organiserConfirmedAt} by={detail.confirmedBy.organiser} can={canConfirm.organiser} agreementId={agreement.id} />
        <Confirmation side="organisation" at={agreement.organisationConfirmedAt} by={detail.confirmedBy.organisation} can={canConfirm.organisation} agreementId={agreement.id} />
      </ul>
      {!binding ? <p class="note">{t('projects.work.confirmations.hint')}</p> : null}

      <h2>{t('projects.work.periods')}</h2>
      <div class="table-scroll">
        <table class="work-table">
          <caption class="visually-hidden">{t('projects.work.periods')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('projects.work.period')}</th>
              <th scope="col">{t('projects.work.period.startsOn')}</th>
              <th scope="col">{t('projects.work.period.endsOn')}</th>
              <th scope="col">{t('projects.work.period.reportDueOn')}</th>
              {detail.projectId ? <th scope="col">{t('projects.work.report')}</th> : null}
            </tr>
          </thead>
          <tbody>
            {agreement.periods.map((p, i) => {
              const number = i + 1;
              const report = detail.periodReports.find((r) => r.number === number);
              const link =
                detail.projectId && report
                  ? canDecide && report.reportId
                    ? workPath.report(report.reportId)
                    : canReport || canDecide
                      ? workPath.reportForm(detail.projectId, number)
                      : null
                  : null;
              return (
                <tr key={number}>
                  <td>{number}</td>
                  <td>{day(p.startsOn)}</td>
                  <td>{day(p.endsOn)}</td>
                  <td>{day(p.reportDueOn)}</td>
                  {detail.projectId ? (
                    <td>
                      <ReportStatusTag status={report?.status ?? null} />
                      {link ? (
                        <>
                          {' '}
                          <a href={href(link)}>{t('projects.work.report.open', { period: number })}</a>
                        </>
                      ) : null}
                    </td>
                  ) : null}
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>

      <TrancheTable tranches={detail.tranches} />

      <h2 id="amendments">{t('projects.work.amendments')}</h2>
      {detail.amendments.length === 0 ? (
        <p class="note">{t('projects.work.amendments.none')}</p>
      ) : (
        <ol class="work-amendments">
          {detail.amendments.map((a) => (
            <li key={a.id}>
              <p>
                <strong>{t('projects.work.amendment', { number: a.number })}</strong> — {f.dateTime(a.createdAt)}
              </p>
              <p>
                {t('projects.work.amend.reason')}: <span class="prose">{a.reason}</span>
              </p>
              <Changes before={a.before as AgreementTerms} after={a.after as AgreementTerms} />
            </li>
          ))}
        </ol>
      )}
      {amend ? <AmendForm detail={detail} form={amend.form} rows={amend.rows} /> : null}
    </section>
  );
}
