import type { z } from 'zod';
import type { MessageParams } from '../i18n/messages.ts';

export type FormValues = Record<string, string | string[] | undefined>;
/** A translated message for one field: its key and the values it names. */
export type FieldError = { key: string; params?: MessageParams };
/** Field name → its error (`_form` for errors about the whole form). */
export type FormErrors = Record<string, FieldError>;
export type FormState = { values: FormValues; errors: FormErrors };

export const emptyForm = (values: FormValues = {}): FormState => ({ values, errors: {} });

const GENERIC_BY_CODE: Record<string, string> = {
  too_small: 'form.error.required',
  invalid_type: 'form.error.required',
  too_big: 'form.error.too-long',
  invalid_format: 'form.error.invalid',
  invalid_value: 'form.error.invalid',
};

/** Strips what must never be echoed back into a form (passwords, the CSRF token). */
function echoable(body: FormValues): FormValues {
  const out: FormValues = {};
  for (const [k, v] of Object.entries(body)) {
    if (k === '_csrf' || /password/i.test(k)) continue;
    out[k] = v;
  }
  return out;
}

/**
 * Validates a submitted form with its one schema. On failure the state carries every value the
 * user typed (except secrets) and a message key per field, ready to re-render the form.
 */
export function parseForm<S extends z.ZodType>(
  schema: S,
  body: unknown,
): { ok: true; data: z.infer<S> } | { ok: false; form: FormState } {
  const raw = (body && typeof body === 'object' ? body : {}) as FormValues;
  const result = schema.safeParse(raw);
  if (result.success) return { ok: true, data: result.data };
  const errors: FormErrors = {};
  for (const issue of result.error.issues) {
    const field = issue.path.length ? String(issue.path[0]) : '_form';
    if (errors[field]) continue;
    const isKey = issue.message.includes('.') && !issue.message.includes(' ');
    errors[field] = { key: isKey ? issue.message : (GENERIC_BY_CODE[issue.code] ?? 'form.error.invalid') };
  }
  return { ok: false, form: { values: echoable(raw), errors } };
}

export function formError(values: FormValues, field: string, key: string, params?: MessageParams): FormState {
  return { values: echoable(values), errors: { [field]: { key, params } } };
}
