import type { FormState } from '../../../core/http/forms.ts';
import { ErrorSummary, Form, FormSelect } from '../../../core/views/components.tsx';
import { usePage } from '../../../core/views/page-context.ts';
import type { LotRecord } from '../records.ts';
import { localised } from '../records.ts';
import { applicationPath } from './application-parts.tsx';

/** An organisation the reader may apply for, and its application to this lot if it has one. */
export type ApplicantChoice = { id: string; name: string; bin: string; applicationId: string | null };

/** Choosing which of the reader's organisations applies to a lot, and in which language. */
export function ApplicationStartPage(props: { lot: LotRecord; choices: ApplicantChoice[]; form: FormState; accepting: boolean; action: string }) {
  const { t, f, lang, href } = usePage();
  const { lot, competition } = props.lot;
  const existing = props.choices.filter((c) => c.applicationId);
  const open = props.choices.filter((c) => !c.applicationId);
  return (
    <section class="application-start narrow">
      <h1>{t('competitions.apply.start.title', { lot: localised(lot, lang) })}</h1>
      <dl class="facts">
        <dt>{t('competitions.apply.fact.competition')}</dt>
        <dd>
          <a href={href(`/competitions/${competition.id}`)}>{localised(competition, lang)}</a> ({competition.number})
        </dd>
        <dt>{t('competitions.apply.fact.lot')}</dt>
        <dd>
          {t('competitions.apply.lot-number', { number: lot.number })} {localised(lot, lang)}
        </dd>
        <dt>{t('competitions.apply.budget.lot-budget')}</dt>
        <dd>{f.money(lot.budgetTiyn)}</dd>
        <dt>{t('competitions.apply.fact.deadline')}</dt>
        <dd>{f.dateTime(competition.deadlineAt)}</dd>
      </dl>
      {existing.length > 0 ? (
        <ul class="existing-applications">
          {existing.map((c) => (
            <li key={c.id}>
              {t('competitions.apply.start.existing', { organisation: c.name })} <a href={href(applicationPath(c.applicationId!))}>{t('competitions.apply.start.open-existing')}</a>
            </li>
          ))}
        </ul>
      ) : null}
      {!props.accepting ? (
        <p class="flash flash--info">{t('competitions.apply.start.closed')}</p>
      ) : props.choices.length === 0 ? (
        <div class="note">
          <p>{t('competitions.apply.start.no-organisations')}</p>
          <p>
            <a class="button button--secondary" href={href('/organisations/claim')}>
              {t('competitions.apply.start.claim')}
            </a>
          </p>
        </div>
      ) : open.length === 0 ? null : (
        <>
          <p>{t('competitions.apply.start.intro')}</p>
          <ErrorSummary form={props.form} />
          <Form action={props.action} label={t('competitions.apply.start.title', { lot: localised(lot, lang) })}>
            <FormSelect
              form={props.form}
              name="organisationId"
              label={t('competitions.apply.field.organisation')}
              choices={open.map((c) => ({ value: c.id, label: `${c.name} (${t('competitions.apply.fact.bin')} ${c.bin})` }))}
              // A member of several organisations chooses one; nothing is chosen for them.
              emptyLabel={open.length > 1 ? t('competitions.apply.field.organisation-choose') : undefined}
              required
            />
            <FormSelect
              form={props.form}
              name="language"
              label={t('competitions.apply.field.language')}
              choices={(['kk', 'ru'] as const).map((l) => ({ value: l, label: t(`competitions.apply.language.${l}`) }))}
              required
            />
            <p class="hint">{t('competitions.apply.hint.language')}</p>
            <button type="submit" class="button">
              {t('competitions.apply.start.submit')}
            </button>
          </Form>
        </>
      )}
    </section>
  );
}
