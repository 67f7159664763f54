import type { LightMyRequestResponse } from 'fastify';
import { parseHTML } from 'linkedom';

/**
 * The abuse corpus shared by the server-side abuse tests (tests/integration/abuse*.test.ts):
 * hostile texts, and what is wrong with a response to one of them. The browser half is
 * tests/e2e/abuse.test.ts.
 */
export const PAYLOADS: readonly { name: string; value: string }[] = [
  { name: 'script element', value: '<script>alert("ortaq-xss")</script>' },
  { name: 'attribute break (")', value: '"><img src=x onerror=alert(1)>' },
  { name: "attribute break (')", value: "'><svg/onload=alert(1)>" },
  { name: 'event attribute in a quoted value', value: '" autofocus onfocus="alert(1)' },
  { name: 'javascript: URL', value: 'javascript:alert(document.cookie)' },
  { name: 'data: URL', value: 'data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==' },
  { name: 'htmx attributes', value: '<a hx-post="/kk/logout" hx-trigger="load">x</a>' },
  { name: 'template syntax', value: '{{7*7}} \u0024{7*7} <%= 7*7 %> #{7*7}' },
  { name: 'ICU message syntax', value: '{name} {count, plural, other {#}}' },
  { name: 'SQL: drop table', value: "'; drop table organisations; --" },
  { name: 'SQL: tautology', value: "' or '1'='1" },
  { name: 'SQL: union', value: "x' union select email, password_hash from users --" },
  { name: 'SQL: LIKE and regex wildcards', value: '%_%\\.*' },
  { name: 'spreadsheet formula (=)', value: '=HYPERLINK("http://evil.example","Мейірім")' },
  { name: 'spreadsheet formula (@)', value: "@SUM(1+1)*cmd|' /C calc'!A0" },
  { name: 'spreadsheet formula (-)', value: '-2+3+cmd|\' /C calc\'!A0' },
  { name: 'unicode controls', value: 'Ақ\u202eжол\u200b\u2066x\u0007\u001b[31m' },
  { name: 'CR LF', value: 'line\r\nSet-Cookie: ortaq_session=forged' },
  { name: 'path traversal', value: '../../../../etc/passwd' },
  { name: 'NUL byte', value: 'Ақ\u0000жол' },
  { name: '10 KB', value: 'Ә'.repeat(10 * 1024) },
];

/**
 * Markup an application page may carry: htmx from /static, and htmx attributes in these places
 * only (`tag#id` for one element: the application step's autosave line and what its answer swaps in).
 */
export const ALLOWED_HX = new Set([
  'body hx-boost',
  'a hx-boost',
  'form hx-boost',
  'form hx-get',
  'form hx-target',
  'form hx-select',
  'form hx-swap',
  'form hx-push-url',
  'form hx-trigger',
  'form hx-disabled-elt',
  'form hx-confirm',
  ...['hx-post', 'hx-trigger', 'hx-include', 'hx-sync', 'hx-target', 'hx-swap'].map((name) => `p#autosave-status ${name}`),
  'input#application-version hx-swap-oob',
  'div#budget-figures hx-swap-oob',
]);
/** The only scripts a page may load: htmx and the web app's service-worker registration, both from the layout. */
export const LAYOUT_SCRIPTS: ReadonlySet<string> = new Set(['/static/htmx/htmx.min.js', '/static/sw-register.js']);

export const FORBIDDEN_ELEMENTS = new Set(['iframe', 'frame', 'object', 'embed', 'base', 'img', 'applet']);

/**
 * What is wrong with a response to hostile input: a 5xx; markup from the input as markup (an
 * element, an event attribute, a script, a javascript: link, an htmx attribute); a header it
 * smuggled in. An HTML page is parsed as a browser would, so escaped text is not mistaken for markup.
 */
export function problemsOf(res: LightMyRequestResponse, payload: string): string[] {
  const problems: string[] = [];
  if (res.statusCode >= 500) problems.push(`answered ${res.statusCode}`);
  // A header the input smuggled in: a line break in any header, or a cookie set by the input (a flash cookie may carry it, encoded).
  for (const [name, value] of Object.entries(res.headers)) {
    const values = [value ?? ''].flat().map(String);
    if (values.some((v) => /[\r\n]/.test(v))) problems.push(`a line break in the ${name} header`);
    if (name === 'set-cookie' && values.some((v) => /^\s*ortaq_session=forged/i.test(v))) problems.push('a Set-Cookie header came from the input');
  }
  const type = String(res.headers['content-type'] ?? '');
  if (type.startsWith('application/json')) {
    try {
      JSON.parse(res.body);
    } catch {
      problems.push('the JSON does not parse');
    }
  }
  if (!type.startsWith('text/html')) return problems;
  if (payload.includes('<') && res.body.includes(payload)) problems.push('the input is in the page unescaped');
  const { document } = parseHTML(res.body);
  for (const el of document.querySelectorAll('*')) {
    const tag = el.tagName.toLowerCase();
    if (FORBIDDEN_ELEMENTS.has(tag)) problems.push(`a <${tag}> element`);
    if (tag === 'script' && !LAYOUT_SCRIPTS.has(String(el.getAttribute('src')))) problems.push('a script that is not the layout’s own');
    for (const { name, value } of Array.from(el.attributes) as { name: string; value: string }[]) {
      if (/^on/i.test(name)) problems.push(`<${tag} ${name}>`);
      if (/^hx-/i.test(name) && !ALLOWED_HX.has(`${tag} ${name}`) && !ALLOWED_HX.has(`${tag}#${el.id} ${name}`)) problems.push(`<${tag} ${name}>`);
      if (/^(href|src|action|formaction|xlink:href)$/i.test(name) && /^\s*(javascript|data|vbscript):/i.test(value)) problems.push(`<${tag} ${name}="${value.slice(0, 40)}">`);
    }
  }
  return problems;
}

/** The text of a page as a browser shows it, whitespace folded. */
export function pageText(html: string): string {
  return (parseHTML(html).document.body?.textContent ?? '').replace(/\s+/g, ' ');
}

/** Text as a page shows it (and as pageText reads it): trimmed as the forms store it, whitespace folded. */
export const folded = (text: string) => text.replace(/\s+/g, ' ').trim();

/**
 * What the fields of this name hold on a page, as a browser would read them: an input's value
 * attribute, a textarea's text, a select's chosen option.
 */
export function fieldValues(html: string, name: string): string[] {
  const { document } = parseHTML(html);
  const values: string[] = [];
  for (const el of document.querySelectorAll('input, textarea, select')) {
    if (el.getAttribute('name') !== name) continue;
    const tag = el.tagName.toLowerCase();
    // The parser keeps a textarea's content as written; a browser decodes its character references and drops a first line break.
    if (tag === 'textarea') values.push(decodeReferences((el.innerHTML ?? '').replace(/^\r?\n/, '')));
    else if (tag === 'select') values.push(el.querySelector('option[selected]')?.getAttribute('value') ?? '');
    else values.push(el.getAttribute('value') ?? '');
  }
  return values;
}

const NAMED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };
/** Text with its character references (`&lt;`, `&#39;`, `&#x27;`) read as a browser reads them. */
function decodeReferences(html: string): string {
  return html.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, ref: string) => {
    if (ref[0] !== '#') return NAMED[ref.toLowerCase()] ?? whole;
    const code = ref[1] === 'x' || ref[1] === 'X' ? Number.parseInt(ref.slice(2), 16) : Number(ref.slice(1));
    return String.fromCodePoint(code);
  });
}
