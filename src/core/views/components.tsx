import type { ComponentChildren } from 'preact';
import type { FormState } from '../http/forms.ts';
import { usePage } from './page-context.ts';

/** A real form that works without JavaScript; carries the CSRF token; htmx only enhances it. */
export function Form(props: {
  action: string;
  children: ComponentChildren;
  multipart?: boolean;
  class?: string;
  label?: string;
}) {
  const { csrfToken } = usePage();
  // Multipart bodies are read after the CSRF check, so their token travels in the URL.
  const action = props.multipart ? `${props.action}${props.action.includes('?') ? '&' : '?'}_csrf=${encodeURIComponent(csrfToken)}` : props.action;
  return (
    <form
      method="post"
      action={action}
      class={props.class}
      aria-label={props.label}
      enctype={props.multipart ? 'multipart/form-data' : undefined}
      novalidate
    >
      <input type="hidden" name="_csrf" value={csrfToken} />
      {props.children}
    </form>
  );
}

export function ErrorSummary({ form }: { form: FormState }) {
  const { t } = usePage();
  const entries = Object.entries(form.errors);
  if (entries.length === 0) return null;
  return (
    <div class="error-summary" role="alert" tabindex={-1} id="error-summary">
      <h2>{t('form.error.summary')}</h2>
      <ul>
        {entries.map(([field, error]) => (
          <li key={field}>{field === '_form' ? t(error.key, error.params) : <a href={`#field-${field}`}>{t(error.key, error.params)}</a>}</li>
        ))}
      </ul>
    </div>
  );
}

type FieldProps = {
  form: FormState;
  name: string;
  label: string;
  type?: 'text' | 'email' | 'password' | 'number' | 'date' | 'url' | 'tel' | 'search';
  autocomplete?: string;
  hint?: string;
  required?: boolean;
};

export function Field({ form, name, label, type = 'text', autocomplete, hint, required }: FieldProps) {
  const { t } = usePage();
  const error = form.errors[name];
  const id = `field-${name}`;
  const describedBy = [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined;
  const value = form.values[name];
  return (
    <div class={`field${error ? ' field--error' : ''}`}>
      <label for={id}>
        {label}
        {required ? <span class="required"> ({t('form.required')})</span> : null}
      </label>
      {hint ? (
        <p class="hint" id={`${id}-hint`}>
          {hint}
        </p>
      ) : null}
      {error ? (
        <p class="field-error" id={`${id}-error`}>
          {t(error.key, error.params)}
        </p>
      ) : null}
      <input
        id={id}
        name={name}
        type={type as 'text'}
        value={type === 'password' ? undefined : typeof value === 'string' ? value : undefined}
        autocomplete={autocomplete}
        required={required}
        aria-invalid={error ? 'true' : undefined}
        aria-describedby={describedBy}
      />
    </div>
  );
}

export function Submit({ children }: { children: ComponentChildren }) {
  return (
    <button type="submit" class="button">
      {children}
    </button>
  );
}

export function FlashMessage() {
  const { flash, t } = usePage();
  if (!flash) return null;
  return (
    <div class={`flash flash--${flash.kind}`} role={flash.kind === 'error' ? 'alert' : 'status'}>
      {t(flash.key, flash.params)}
    </div>
  );
}

export type Choice = { value: string; label: string };

/** A select whose empty first choice means "any"; for GET forms such as search filters. */
export function SelectField(props: { name: string; label: string; value?: string; choices: Choice[]; anyLabel: string; id?: string }) {
  const id = props.id ?? `field-${props.name}`;
  return (
    <div class="field">
      <label for={id}>{props.label}</label>
      <select id={id} name={props.name}>
        <option value="">{props.anyLabel}</option>
        {props.choices.map((c) => (
          <option key={c.value} value={c.value} selected={c.value === props.value}>
            {c.label}
          </option>
        ))}
      </select>
    </div>
  );
}
