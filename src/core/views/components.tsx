import type { ComponentChildren } from 'preact';
import type { FormState } from '../http/forms.ts';
import { usePage } from './page-context.ts';

/**
 * A real form that works without JavaScript; carries the CSRF token; htmx only enhances it, and
 * disables its buttons while it is sent, so a double click sends it once.
 */
export function Form(props: {
  action: string;
  children: ComponentChildren;
  multipart?: boolean;
  class?: string;
  label?: string;
  id?: string;
  /** With JavaScript, a question to confirm before sending. */
  confirm?: string;
}) {
  const { csrfToken } = usePage();
  // Multipart bodies are read after the CSRF check, so their token travels in the URL.
  const action = props.multipart ? `${props.action}${props.action.includes('?') ? '&' : '?'}_csrf=${encodeURIComponent(csrfToken)}` : props.action;
  return (
    <form
      method="post"
      action={action}
      id={props.id}
      class={props.class}
      aria-label={props.label}
      enctype={props.multipart ? 'multipart/form-data' : undefined}
      novalidate
      hx-disabled-elt="find button"
      hx-confirm={props.confirm}
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
  type?: 'text' | 'email' | 'password' | 'number' | 'date' | 'datetime-local' | 'url' | 'tel' | 'search';
  autocomplete?: string;
  hint?: string;
  required?: boolean;
  /** The language of what is typed, when it differs from the page's (a Kazakh name on a Russian page). */
  lang?: string;
};

/** The frame every form field shares: label, hint, error message, and the ids that tie them to the control. */
function FieldShell(props: { form: FormState; name: string; label: string; hint?: string; required?: boolean; children: (a11y: ControlA11y) => ComponentChildren }) {
  const { t } = usePage();
  const error = props.form.errors[props.name];
  const id = `field-${props.name}`;
  const describedBy = [props.hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined;
  return (
    <div class={`field${error ? ' field--error' : ''}`}>
      <label for={id}>
        {props.label}
        {props.required ? <span class="required"> ({t('form.required')})</span> : null}
      </label>
      {props.hint ? (
        <p class="hint" id={`${id}-hint`}>
          {props.hint}
        </p>
      ) : null}
      {error ? (
        <p class="field-error" id={`${id}-error`}>
          {t(error.key, error.params)}
        </p>
      ) : null}
      {props.children({ id, 'aria-invalid': error ? 'true' : undefined, 'aria-describedby': describedBy })}
    </div>
  );
}

type ControlA11y = { id: string; 'aria-invalid': 'true' | undefined; 'aria-describedby': string | undefined };

export function Field({ form, name, label, type = 'text', autocomplete, hint, required, lang }: FieldProps) {
  const value = form.values[name];
  return (
    <FieldShell form={form} name={name} label={label} hint={hint} required={required}>
      {(a11y) => (
        <input
          {...a11y}
          name={name}
          type={type as 'text'}
          value={type === 'password' ? undefined : typeof value === 'string' ? value : undefined}
          autocomplete={autocomplete}
          lang={lang}
          required={required}
        />
      )}
    </FieldShell>
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

type TextareaProps = { form: FormState; name: string; label: string; hint?: string; required?: boolean; lang?: string; rows?: number };

export function TextareaField({ form, name, label, hint, required, lang, rows = 5 }: TextareaProps) {
  const value = form.values[name];
  return (
    <FieldShell form={form} name={name} label={label} hint={hint} required={required}>
      {(a11y) => (
        <textarea {...a11y} name={name} rows={rows} lang={lang} required={required}>
          {typeof value === 'string' ? value : ''}
        </textarea>
      )}
    </FieldShell>
  );
}

export type ChoiceGroup = { label: string; choices: Choice[] };

/** A select bound to a form's state, with its error; choices may come in labelled groups. */
export function FormSelect(props: { form: FormState; name: string; label: string; choices?: Choice[]; groups?: ChoiceGroup[]; emptyLabel?: string; required?: boolean }) {
  const value = props.form.values[props.name];
  const option = (c: Choice) => (
    <option key={c.value} value={c.value} selected={c.value === value}>
      {c.label}
    </option>
  );
  return (
    <FieldShell form={props.form} name={props.name} label={props.label} required={props.required}>
      {(a11y) => (
        <select {...a11y} name={props.name} required={props.required}>
          {props.emptyLabel !== undefined ? <option value="">{props.emptyLabel}</option> : null}
          {props.choices?.map(option)}
          {props.groups?.map((g) => (
            <optgroup key={g.label} label={g.label}>
              {g.choices.map(option)}
            </optgroup>
          ))}
        </select>
      )}
    </FieldShell>
  );
}

/** Checkboxes for a multi-valued field, as one fieldset with a legend. */
export function CheckboxGroup(props: { form: FormState; name: string; legend: string; choices: Choice[] }) {
  const { t } = usePage();
  const error = props.form.errors[props.name];
  const raw = props.form.values[props.name];
  const selected = new Set(Array.isArray(raw) ? raw : raw ? [raw] : []);
  return (
    <fieldset class={`field checkboxes${error ? ' field--error' : ''}`} id={`field-${props.name}`}>
      <legend>{props.legend}</legend>
      {error ? <p class="field-error">{t(error.key, error.params)}</p> : null}
      {props.choices.map((c) => (
        <div class="checkbox" key={c.value}>
          <input type="checkbox" id={`field-${props.name}-${c.value}`} name={props.name} value={c.value} checked={selected.has(c.value)} />
          <label for={`field-${props.name}-${c.value}`}>{c.label}</label>
        </div>
      ))}
    </fieldset>
  );
}
