import type { FormState } from '../../../core/http/forms.ts';
import { ErrorSummary, Field, Form, Submit } from '../../../core/views/components.tsx';
import { usePage } from '../../../core/views/page-context.ts';

export function ClaimPage({ form }: { form: FormState }) {
  const { t, href } = usePage();
  return (
    <section class="narrow">
      <h1>{t('organisations.claim.title')}</h1>
      <p>{t('organisations.claim.intro')}</p>
      <ErrorSummary form={form} />
      <Form action={href('/organisations/claim')}>
        <Field form={form} name="bin" label={t('organisations.field.bin')} hint={t('organisations.hint.bin')} required autocomplete="off" />
        <Field form={form} name="message" label={t('organisations.claim.message')} />
        <Submit>{t('organisations.claim.submit')}</Submit>
      </Form>
      <p>
        <a href={href('/organisations/new')}>{t('organisations.new.title')}</a>
      </p>
    </section>
  );
}
