import type { FormState } from '../../../core/http/forms.ts';
import { ErrorSummary, Field, Form, FormSelect, Submit, TextareaField } from '../../../core/views/components.tsx';
import { usePage } from '../../../core/views/page-context.ts';
import type { ApplicationAttachment, ApplicationRecord } from '../records.ts';
import type { Criterion } from '../schema.ts';
import { ApplicationReadOnly } from './application-read-only.tsx';
import { ExpertApplicationHeading } from './expert-application-heading.tsx';

/** Above this many points a criterion takes a number field rather than a list to choose from. */
const LONGEST_LIST = 30;

/**
 * The application as submitted and the expert's scoring form: every criterion of the rule, in
 * the rule's order, with points and a comment; pre-filled with what the expert saved before.
 */
export function ExpertScoringPage(props: {
  title: string;
  record: ApplicationRecord;
  attachments: ApplicationAttachment[];
  form: FormState;
  scoreAction: string;
  declareAction: string;
  /** The expert's saved weighted total, if they have scored every criterion. */
  total: number | null;
  maxScore: number;
}) {
  const { t, f } = usePage();
  const { record, form } = props;
  const criteria = record.rule.definition.criteria;
  return (
    <section class="expert-application">
      <ExpertApplicationHeading title={props.title} record={record} />
      <section class="expert-application-text" aria-labelledby="application-text">
        <h2 id="application-text">{t('competitions.expert.app.text')}</h2>
        <ApplicationReadOnly record={record} attachments={props.attachments} facts={false} level={3} />
      </section>
      <section aria-labelledby="scores">
        <h2 id="scores">{t('competitions.expert.score.title')}</h2>
        <p>{t('competitions.expert.score.intro')}</p>
        {props.total !== null ? (
          <p class="expert-total" role="status">
            {t('competitions.expert.score.total', { total: f.number(props.total), max: f.number(props.maxScore) })}
          </p>
        ) : null}
        <ErrorSummary form={form} />
        <Form action={props.scoreAction} label={t('competitions.expert.score.title')}>
          {criteria.map((c) => (
            <CriterionFields key={c.code} criterion={c} form={form} />
          ))}
          <Submit>{t('competitions.expert.score.submit')}</Submit>
        </Form>
      </section>
      <section class="expert-recuse" aria-labelledby="recuse">
        <h2 id="recuse">{t('competitions.expert.recuse.title')}</h2>
        <p>{t('competitions.expert.recuse.intro')}</p>
        <Form action={props.declareAction} label={t('competitions.expert.recuse.title')}>
          <input type="hidden" name="hasConflict" value="yes" />
          <TextareaField form={{ values: {}, errors: {} }} name="note" label={t('competitions.expert.declare.note')} hint={t('competitions.expert.declare.note-hint')} rows={2} />
          <button type="submit" class="button button--secondary">
            {t('competitions.expert.recuse.submit')}
          </button>
        </Form>
      </section>
    </section>
  );
}

function CriterionFields({ criterion: c, form }: { criterion: Criterion; form: FormState }) {
  const { t, f, lang } = usePage();
  const points = `points.${c.code}`;
  const comment = `comment.${c.code}`;
  const title = c.title[lang] || c.title.ru;
  const meta = t('competitions.expert.score.criterion', { max: f.number(c.maxPoints), weight: f.number(c.weight) });
  const choices = Array.from({ length: c.maxPoints + 1 }, (_, i) => ({ value: String(i), label: f.number(i) }));
  return (
    <fieldset class="expert-criterion" id={`criterion-${c.code}`}>
      <legend>{title}</legend>
      <p class="hint">{meta}</p>
      {c.maxPoints <= LONGEST_LIST ? (
        <FormSelect form={form} name={points} label={t('competitions.expert.score.points')} choices={choices} emptyLabel={t('competitions.expert.score.choose')} required />
      ) : (
        <Field form={form} name={points} type="number" label={t('competitions.expert.score.points')} hint={meta} required />
      )}
      <TextareaField form={form} name={comment} label={t('competitions.expert.score.comment')} rows={3} required />
    </fieldset>
  );
}
