import type { FormState } from '../../../core/http/forms.ts';
import { ErrorSummary, Field, Form, Submit } from '../../../core/views/components.tsx';
import { usePage } from '../../../core/views/page-context.ts';

export function SignUpPage({ form }: { form: FormState }) {
  const { t, href } = usePage();
  return (
    <section class="narrow">
      <h1>{t('accounts.signup.title')}</h1>
      <p>{t('accounts.signup.intro')}</p>
      <ErrorSummary form={form} />
      <Form action={href('/signup')}>
        <Field form={form} name="name" label={t('accounts.field.name')} autocomplete="name" required />
        <Field form={form} name="email" type="email" label={t('accounts.field.email')} autocomplete="email" required />
        <Field
          form={form}
          name="password"
          type="password"
          label={t('accounts.field.password')}
          hint={t('accounts.hint.password')}
          autocomplete="new-password"
          required
        />
        <Submit>{t('accounts.signup.submit')}</Submit>
      </Form>
      <p>
        <a href={href('/login')}>{t('accounts.signup.have-account')}</a>
      </p>
    </section>
  );
}

export function MessagePage({ title, body }: { title: string; body: string }) {
  return (
    <section class="narrow">
      <h1>{title}</h1>
      <p>{body}</p>
    </section>
  );
}

export function LogInPage({ form, next }: { form: FormState; next?: string }) {
  const { t, href } = usePage();
  return (
    <section class="narrow">
      <h1>{t('accounts.login.title')}</h1>
      <ErrorSummary form={form} />
      <Form action={href('/login')}>
        {next ? <input type="hidden" name="next" value={next} /> : null}
        <Field form={form} name="email" type="email" label={t('accounts.field.email')} autocomplete="username" required />
        <Field form={form} name="password" type="password" label={t('accounts.field.password')} autocomplete="current-password" required />
        <Submit>{t('accounts.login.submit')}</Submit>
      </Form>
      <p>
        <a href={href('/password/forgot')}>{t('accounts.login.forgot')}</a>
      </p>
      <p>
        <a href={href('/signup')}>{t('accounts.login.no-account')}</a>
      </p>
    </section>
  );
}

export function ForgotPasswordPage({ form }: { form: FormState }) {
  const { t, href } = usePage();
  return (
    <section class="narrow">
      <h1>{t('accounts.forgot.title')}</h1>
      <p>{t('accounts.forgot.intro')}</p>
      <ErrorSummary form={form} />
      <Form action={href('/password/forgot')}>
        <Field form={form} name="email" type="email" label={t('accounts.field.email')} autocomplete="email" required />
        <Submit>{t('accounts.forgot.submit')}</Submit>
      </Form>
    </section>
  );
}

export function ResetPasswordPage({ form, token }: { form: FormState; token: string }) {
  const { t, href } = usePage();
  return (
    <section class="narrow">
      <h1>{t('accounts.reset.title')}</h1>
      <ErrorSummary form={form} />
      <Form action={href('/password/reset')}>
        <input type="hidden" name="token" value={token} />
        <Field
          form={form}
          name="password"
          type="password"
          label={t('accounts.field.new-password')}
          hint={t('accounts.hint.password')}
          autocomplete="new-password"
          required
        />
        <Submit>{t('accounts.reset.submit')}</Submit>
      </Form>
    </section>
  );
}
