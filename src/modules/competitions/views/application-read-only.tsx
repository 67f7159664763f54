import type { ComponentChildren } from 'preact';
import { usePage } from '../../../core/views/page-context.ts';
import { organisationName } from '../../organisations/index.ts';
import { type BudgetCheck, checkBudget } from '../budget.ts';
import type { ContentStep } from '../content.ts';
import type { ApplicationRecord } from '../records.ts';
import { localised } from '../records.ts';
import type { BudgetLine, RequiredDocument } from '../schema.ts';
import { type ApplicationAttachment, applicationPath, isoDate } from './application-parts.tsx';

type Level = 2 | 3;

function Heading({ level, children, id }: { level: Level; children: ComponentChildren; id?: string }) {
  return level === 2 ? <h2 id={id}>{children}</h2> : <h3 id={id}>{children}</h3>;
}

/** Text as typed: paragraphs and line breaks kept, nothing interpreted. */
function Prose({ text, lang }: { text: string; lang: string }) {
  const { t } = usePage();
  if (text.trim() === '') return <p class="note">{t('competitions.apply.empty')}</p>;
  return (
    <p class="prose" lang={lang}>
      {text}
    </p>
  );
}

/** The share of the total that goes to administrative costs, in per cent with one decimal. */
export const administrativePercent = (check: Pick<BudgetCheck, 'totalTiyn' | 'administrativeTiyn'>) =>
  check.totalTiyn > 0 ? Math.round((check.administrativeTiyn * 1000) / check.totalTiyn) / 10 : 0;

/** The budget's computed figures beside the lot's budget and the rule's limit on administrative costs. */
export function BudgetFigures({ record, lines }: { record: ApplicationRecord; lines: readonly BudgetLine[] }) {
  const { t, f } = usePage();
  const check = checkBudget(lines, record.lot.budgetTiyn, record.rule.definition);
  const over = check.totalTiyn > record.lot.budgetTiyn;
  const adminOver = check.problems.some((p) => p.code === 'administrative-share');
  return (
    <dl class="facts budget-figures">
      <dt>{t('competitions.apply.budget.total')}</dt>
      <dd class={over ? 'is-over' : undefined}>{f.money(check.totalTiyn)}</dd>
      <dt>{t('competitions.apply.budget.lot-budget')}</dt>
      <dd>{f.money(record.lot.budgetTiyn)}</dd>
      <dt>{t('competitions.apply.budget.administrative')}</dt>
      <dd class={adminOver ? 'is-over' : undefined}>
        {f.money(check.administrativeTiyn)}{' '}
        {t('competitions.apply.budget.admin-share', {
          percent: f.number(administrativePercent(check)),
          max: f.number(record.rule.definition.maxAdministrativePercent),
        })}
      </dd>
    </dl>
  );
}

function Table({ caption, heads, children }: { caption: string; heads: string[]; children: ComponentChildren }) {
  return (
    <div class="table-scroll">
      <table>
        <caption class="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            {heads.map((h) => (
              <th scope="col" key={h}>
                {h}
              </th>
            ))}
          </tr>
        </thead>
        {children}
      </table>
    </div>
  );
}

/** One step's part of the application, read-only. */
export function ReadOnlySection({
  record,
  step,
  attachments,
  level = 2,
}: {
  record: ApplicationRecord;
  step: ContentStep | 'attachments';
  attachments?: readonly ApplicationAttachment[];
  level?: Level;
}) {
  const { t, f, lang, href } = usePage();
  const c = record.application.content;
  // What the applicant typed is in the application's language, whatever the page's.
  const written = record.application.language;
  const title = t(`competitions.apply.step.${step}`);
  const id = `application-${step}`;
  const empty = <p class="note">{t('competitions.apply.empty')}</p>;
  const body = (() => {
    switch (step) {
      case 'summary':
        return (
          <dl class="facts">
            <dt>{t('competitions.apply.field.title')}</dt>
            <dd lang={written}>{c.summary.title || '—'}</dd>
            <dt>{t('competitions.apply.field.summary')}</dt>
            <dd>
              <Prose text={c.summary.summary} lang={written} />
            </dd>
          </dl>
        );
      case 'goals':
        return (
          <dl class="facts">
            <dt>{t('competitions.apply.field.goal')}</dt>
            <dd>
              <Prose text={c.goals.goal} lang={written} />
            </dd>
            <dt>{t('competitions.apply.field.tasks')}</dt>
            <dd>
              <Prose text={c.goals.tasks} lang={written} />
            </dd>
          </dl>
        );
      case 'plan':
        return c.plan.length === 0 ? (
          empty
        ) : (
          <Table caption={title} heads={[t('competitions.apply.field.activity'), t('competitions.apply.field.from'), t('competitions.apply.field.to')]}>
            <tbody>
              {c.plan.map((p, i) => (
                <tr key={i}>
                  <td lang={written}>{p.activity}</td>
                  <td class="nowrap">{isoDate(f, p.from)}</td>
                  <td class="nowrap">{isoDate(f, p.to)}</td>
                </tr>
              ))}
            </tbody>
          </Table>
        );
      case 'indicators':
        return c.indicators.length === 0 ? (
          empty
        ) : (
          <Table caption={title} heads={[t('competitions.apply.field.indicator'), t('competitions.apply.field.unit'), t('competitions.apply.field.target')]}>
            <tbody>
              {c.indicators.map((x, i) => (
                <tr key={i}>
                  <td lang={written}>{x.name}</td>
                  <td lang={written}>{x.unit}</td>
                  <td class="num">{f.number(x.target)}</td>
                </tr>
              ))}
            </tbody>
          </Table>
        );
      case 'beneficiaries':
        return (
          <dl class="facts">
            <dt>{t('competitions.apply.field.description')}</dt>
            <dd>
              <Prose text={c.beneficiaries.description} lang={written} />
            </dd>
            <dt>{t('competitions.apply.field.count')}</dt>
            <dd>{c.beneficiaries.count === null ? '—' : f.number(c.beneficiaries.count)}</dd>
          </dl>
        );
      case 'budget': {
        const check = checkBudget(c.budget, record.lot.budgetTiyn, record.rule.definition);
        return (
          <>
            {c.budget.length === 0 ? (
              empty
            ) : (
              <Table caption={title} heads={[t('competitions.apply.field.item'), t('competitions.apply.field.kind'), t('competitions.apply.field.amount')]}>
                <tbody>
                  {c.budget.map((l, i) => (
                    <tr key={i}>
                      <td lang={written}>{l.item}</td>
                      <td>{t(`competitions.apply.kind.${l.kind}`)}</td>
                      <td class="num">{f.money(l.amountTiyn)}</td>
                    </tr>
                  ))}
                </tbody>
                <tfoot>
                  <tr>
                    <th scope="row" colSpan={2}>
                      {t('competitions.apply.budget.total')}
                    </th>
                    <td class="num">{f.money(check.totalTiyn)}</td>
                  </tr>
                </tfoot>
              </Table>
            )}
            <BudgetFigures record={record} lines={c.budget} />
          </>
        );
      }
      case 'team':
        return c.team.length === 0 ? (
          empty
        ) : (
          <Table caption={title} heads={[t('competitions.apply.field.name'), t('competitions.apply.field.role')]}>
            <tbody>
              {c.team.map((m, i) => (
                <tr key={i}>
                  <td lang={written}>{m.name}</td>
                  <td lang={written}>{m.role}</td>
                </tr>
              ))}
            </tbody>
          </Table>
        );
      case 'attachments': {
        const files = attachments ?? [];
        const documents = record.rule.definition.documents;
        const titleOf = (code: string) => documents.find((d: RequiredDocument) => d.code === code)?.title[lang] ?? code;
        return files.length === 0 ? (
          empty
        ) : (
          <ul class="attachment-list">
            {files.map((file) => (
              <li key={file.fileId}>
                {titleOf(file.documentCode)}:{' '}
                <a href={href(applicationPath(record.application.id, `/attachments/${file.fileId}`))} hx-boost="false">
                  {file.name}
                </a>{' '}
                <span class="note">({t('competitions.apply.kilobytes', { size: f.number(Math.max(1, Math.ceil(file.size / 1024))) })})</span>
              </li>
            ))}
          </ul>
        );
      }
    }
  })();
  return (
    <section class="application-section" aria-labelledby={id}>
      <Heading level={level} id={id}>
        {title}
      </Heading>
      {body}
    </section>
  );
}

/**
 * The whole application, read-only: for the applicant, the organiser and the experts. Its text
 * typed text is marked with the language it was written in. Attachments are listed when given (see
 * `applicationAttachmentsOf` in records.ts), each linked to its download.
 */
export function ApplicationReadOnly({
  record,
  attachments,
  facts = true,
  level = 2,
}: {
  record: ApplicationRecord;
  attachments?: readonly ApplicationAttachment[];
  /** Show who applied to what, and the receipt (default); off when the page says it already. */
  facts?: boolean;
  level?: Level;
}) {
  const { t, f, lang } = usePage();
  const { application: a, organisation, lot, competition } = record;
  return (
    <article class="application-read-only">
      {facts ? (
        <dl class="facts">
          <dt>{t('competitions.apply.fact.organisation')}</dt>
          <dd>
            {organisationName(organisation, lang)} ({t('competitions.apply.fact.bin')} {organisation.bin})
          </dd>
          <dt>{t('competitions.apply.fact.competition')}</dt>
          <dd>
            {localised(competition, lang)} ({competition.number})
          </dd>
          <dt>{t('competitions.apply.fact.lot')}</dt>
          <dd>
            {t('competitions.apply.lot-number', { number: lot.number })} {localised(lot, lang)}
          </dd>
          <dt>{t('competitions.apply.fact.language')}</dt>
          <dd>{t(`competitions.apply.language.${a.language}`)}</dd>
          <dt>{t('competitions.apply.fact.status')}</dt>
          <dd>{t(`competitions.status.${a.status}`)}</dd>
          <dt>{t('competitions.apply.fact.requested')}</dt>
          <dd>{f.money(a.requestedTiyn)}</dd>
          {a.receiptNumber ? (
            <>
              <dt>{t('competitions.apply.fact.receipt')}</dt>
              <dd>{a.receiptNumber}</dd>
            </>
          ) : null}
          {a.submittedAt ? (
            <>
              <dt>{t('competitions.apply.fact.submitted-at')}</dt>
              <dd>{f.dateTime(a.submittedAt)}</dd>
            </>
          ) : null}
          {a.contentSha256 ? (
            <>
              <dt>{t('competitions.apply.fact.sha256')}</dt>
              <dd>
                <code class="fingerprint">{a.contentSha256}</code>
              </dd>
            </>
          ) : null}
        </dl>
      ) : null}
      {(['summary', 'goals', 'plan', 'indicators', 'beneficiaries', 'budget', 'team'] as const).map((step) => (
        <ReadOnlySection key={step} record={record} step={step} level={level} />
      ))}
      {attachments ? <ReadOnlySection record={record} step="attachments" attachments={attachments} level={level} /> : null}
    </article>
  );
}
