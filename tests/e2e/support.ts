import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Result as AxeResult } from 'axe-core';
import { type Browser, type BrowserContext, chromium, type Locator, type Page, type Response } from 'playwright-core';
import { inject } from 'vitest';
import type { Lang } from '../../src/core/i18n/langs.ts';
import { MessageRegistry, type MessageParams } from '../../src/core/i18n/messages.ts';
import { coreMessages } from '../../src/core/messages.ts';
import { MODULES } from '../../src/modules/index.ts';
import type { DroppedMail } from './global-setup.ts';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/** Every flow runs twice: enhanced by htmx, and as plain HTML forms and links. */
export const MODES = [
  { name: 'JavaScript on', javaScript: true },
  { name: 'JavaScript off', javaScript: false },
] as const;
export type Mode = (typeof MODES)[number];

export const DEMO_PASSWORD = 'ortaq-demo-2026';
export const ADMIN_EMAIL = 'admin@ortaq.kz';

export const baseUrl = (): string => inject('baseUrl');

const messages = new MessageRegistry();
for (const catalogue of [coreMessages, ...MODULES.map((m) => m.messages)]) messages.add(catalogue);

/** The app's own text for a message key, so assertions follow the catalogues. */
export const text = (lang: Lang, key: string, params?: MessageParams): string => messages.format(lang, key, params);

/** Text as a pattern that matches it literally (the app's messages have brackets, dots, question marks). */
export const escapeRegExp = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: inject('chromiumPath'),
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

const AXE_SOURCE = fs.readFileSync(path.join(repoRoot, 'node_modules/axe-core/axe.min.js'), 'utf8');
const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'];

// With JavaScript off the page runs no timers, and axe needs them: for the audit only, timers
// become microtasks. The page's own scripts cannot run either way.
const TIMERS_AS_MICROTASKS = `
  window.setTimeout = (fn, _ms, ...args) => { Promise.resolve().then(() => fn(...args)); return 0; };
  window.clearTimeout = () => {};
`;

// The page's globals, as seen from a function that runs in the page (the project has no DOM types).
type PageGlobals = { htmx?: unknown; document: { querySelector(selector: string): unknown } };

// Predicates are functions, not strings: Playwright polls a string with eval(), which the CSP refuses.
const htmxLoaded = () => 'htmx' in (globalThis as unknown as PageGlobals);
// htmx marks what it is requesting, swapping or settling; the page is stable when none is left.
const htmxIdle = () => {
  const page = globalThis as unknown as PageGlobals;
  return 'htmx' in page && !page.document.querySelector('.htmx-request, .htmx-swapping, .htmx-settling, .htmx-added');
};

export function formatViolations(violations: AxeResult[]): string {
  return violations
    .map((v) => {
      const nodes = v.nodes.map((n) => `    ${n.target.join(' ')}\n      ${n.failureSummary?.replace(/\n/g, '\n      ') ?? ''}`).join('\n');
      return `  ${v.id} (${v.impact ?? 'no impact'}): ${v.help}\n    ${v.helpUrl}\n${nodes}`;
    })
    .join('\n');
}

/**
 * One browser context: a visitor with JavaScript on or off. Every page it lands on is checked
 * with axe-core, and everything the page logs as an error (CSP violations included) is kept.
 */
let visitors = 0;
const nextAddress = () => {
  visitors++;
  return `10.${(visitors >> 16) & 255}.${(visitors >> 8) & 255}.${visitors & 255}`;
};

export class Visitor {
  /** Console errors and uncaught exceptions, with the page address they came from. */
  readonly problems: string[] = [];
  /** Pages the visitor landed on but nobody audited before moving on. */
  private readonly unaudited: string[] = [];
  private notYetAudited: string | null = null;
  private lastAudited: string | null = null;
  private readonly expectedStatuses = new Set<number>();

  private constructor(
    readonly context: BrowserContext,
    readonly page: Page,
    readonly mode: Mode,
  ) {
    page.on('console', (message) => {
      if (message.type() !== 'error') return;
      const failed = /^Failed to load resource: the server responded with a status of (\d{3})/.exec(message.text());
      if (failed && this.expectedStatuses.has(Number(failed[1]))) return;
      this.problems.push(`console error on ${page.url()}: ${message.text()} (${message.location().url})`);
    });
    page.on('pageerror', (error) => this.problems.push(`uncaught exception on ${page.url()}: ${error.message}`));
    // Every page landed on (a full load, or a URL htmx pushed after a swap) must be audited.
    // htmx also replaces the current history entry before it leaves a page: same URL, no new page.
    page.on('framenavigated', (frame) => {
      if (frame !== page.mainFrame() || frame.url() === this.lastAudited || frame.url() === this.notYetAudited) return;
      if (this.notYetAudited) this.unaudited.push(this.notYetAudited);
      this.notYetAudited = frame.url();
    });
  }

  static async open(browser: Browser, mode: Mode, options: { viewport?: { width: number; height: number } } = {}): Promise<Visitor> {
    const context = await browser.newContext({
      javaScriptEnabled: mode.javaScript,
      viewport: options.viewport ?? { width: 1280, height: 900 },
      locale: 'kk-KZ',
      // Each visitor comes from an address of its own, as separate people do: the app trusts one
      // proxy hop in these tests, so the per-address limits (log-in, public writes) count per visitor.
      extraHTTPHeaders: { 'x-forwarded-for': nextAddress() },
    });
    context.setDefaultTimeout(15_000);
    return new Visitor(context, await context.newPage(), mode);
  }

  /** The browser reports a 4xx/5xx answer as a console error; a test that wants one says so. */
  expectStatus(status: number): void {
    this.expectedStatuses.add(status);
  }

  /** Opens a page by its address (a full load, as typing it would), checks its status and audits it. */
  async visit(pathOrUrl: string, status = 200): Promise<Response> {
    if (status >= 400) this.expectStatus(status);
    const response = await this.page.goto(new URL(pathOrUrl, baseUrl()).href);
    if (!response) throw new Error(`No response for ${pathOrUrl}`);
    if (response.status() !== status) throw new Error(`${pathOrUrl} answered ${response.status()}, expected ${status}`);
    await this.checkA11y();
    return response;
  }

  /** Waits until htmx has finished swapping (with JavaScript on); a full page load needs nothing. */
  async settle(): Promise<void> {
    await this.page.waitForLoadState('load');
    if (this.mode.javaScript) await this.page.waitForFunction(htmxIdle, null, { timeout: 10_000 });
  }

  /** Waits until htmx has loaded and enhanced the page (JavaScript on only). */
  async waitForHtmx(): Promise<void> {
    await this.page.waitForFunction(htmxLoaded, null, { timeout: 10_000 });
  }

  /** Runs axe-core on the page as it is now and fails with every violation spelled out. */
  async checkA11y(): Promise<void> {
    await this.settle();
    // Injected through the DevTools protocol: the page's strict CSP refuses inline <script>
    // (what addScriptTag would add), and with JavaScript off a script tag would not run at all.
    if (!this.mode.javaScript) await this.page.evaluate(TIMERS_AS_MICROTASKS);
    await this.page.evaluate(AXE_SOURCE);
    const violations = await this.page.evaluate<AxeResult[], string[]>(async (tags) => {
      const axe = (globalThis as unknown as { axe: { run(context: unknown, options: object): Promise<{ violations: AxeResult[] }> } }).axe;
      const results = await axe.run((globalThis as unknown as { document: unknown }).document, {
        runOnly: { type: 'tag', values: tags },
        resultTypes: ['violations'],
      });
      return results.violations;
    }, AXE_TAGS);
    this.notYetAudited = null;
    this.lastAudited = this.page.url();
    if (violations.length > 0) {
      throw new Error(`axe-core found ${violations.length} accessibility violation(s) on ${this.page.url()} (${this.mode.name}):\n${formatViolations(violations)}`);
    }
  }

  async htmlLang(): Promise<string | null> {
    return this.page.locator('html').getAttribute('lang');
  }

  /** Fills the log-in form on the current page and sends it. */
  async logIn(email: string, password: string): Promise<void> {
    await this.page.getByLabel(text('kk', 'accounts.field.email')).fill(email);
    await this.page.getByLabel(text('kk', 'accounts.field.password')).fill(password);
    await this.page.locator('main').getByRole('button', { name: text('kk', 'accounts.login.submit') }).click();
  }

  /** Logs in from the log-in page (a demo account by default) and waits for the home page's greeting. */
  async logInAs(email: string, password = DEMO_PASSWORD): Promise<void> {
    await this.visit('/kk/login');
    await this.logIn(email, password);
    await this.page.waitForURL(`${baseUrl()}/kk/`);
    await this.flash().waitFor();
    await this.checkA11y();
  }

  async logOut(): Promise<void> {
    await this.page.getByRole('button', { name: text('kk', 'layout.logout') }).click();
  }

  /** The message shown once after a redirect. */
  flash() {
    return this.page.locator('main .flash');
  }

  /** The value beside a label in the page's list of facts (`<dl class="facts">`). */
  fact(label: string): Locator {
    return this.page
      .locator('main dl.facts dt')
      .filter({ hasText: new RegExp(`^\\s*${escapeRegExp(label)}\\s*$`) })
      .locator('xpath=following-sibling::dd[1]');
  }

  /** Pages landed on without an accessibility check, including the current one. */
  pagesNotAudited(): string[] {
    return this.notYetAudited ? [...this.unaudited, this.notYetAudited] : [...this.unaudited];
  }

  async close(): Promise<void> {
    await this.context.close();
  }
}

export const uniqueEmail = (label: string): string => `e2e-${label}-${randomUUID().slice(0, 8)}@example.org`;

/** Mail the SMTP receiver has accepted for one address, oldest first. */
function mailFor(address: string): DroppedMail[] {
  const dir = inject('mailDir');
  return fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => JSON.parse(fs.readFileSync(path.join(dir, f), 'utf8')) as DroppedMail)
    .filter((m) => m.to.includes(address.toLowerCase()));
}

/**
 * Polls the SMTP receiver until a message for `address` has arrived (the first one whose subject
 * matches, when a pattern is given), and returns its decoded text.
 */
export async function waitForMail(address: string, timeoutMs = 15_000, subject?: RegExp): Promise<{ subject: string; text: string }> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const mail = mailFor(address)
      .map((m) => decodeMail(m.raw))
      .find((m) => !subject || subject.test(m.subject));
    if (mail) return mail;
    if (Date.now() > deadline) throw new Error(`No mail reached the SMTP receiver for ${address} within ${timeoutMs / 1000} s`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

function splitHeaders(raw: string): { headers: Map<string, string>; body: string } {
  const at = raw.search(/\r?\n\r?\n/);
  const head = at === -1 ? raw : raw.slice(0, at);
  const body = at === -1 ? '' : raw.slice(at).replace(/^\r?\n\r?\n/, '');
  const headers = new Map<string, string>();
  for (const line of head.replace(/\r?\n[ \t]+/g, ' ').split(/\r?\n/)) {
    const colon = line.indexOf(':');
    if (colon > 0) headers.set(line.slice(0, colon).trim().toLowerCase(), line.slice(colon + 1).trim());
  }
  return { headers, body };
}

function decodeQuotedPrintable(body: string): Buffer {
  const joined = body.replace(/=\r?\n/g, '');
  const bytes: number[] = [];
  for (let i = 0; i < joined.length; i++) {
    const hex = joined.slice(i + 1, i + 3);
    if (joined[i] === '=' && /^[0-9A-Fa-f]{2}$/.test(hex)) {
      bytes.push(Number.parseInt(hex, 16));
      i += 2;
    } else {
      bytes.push(...Buffer.from(joined[i]!, 'utf8'));
    }
  }
  return Buffer.from(bytes);
}

function decodeBody(body: string, encoding: string | undefined): string {
  switch ((encoding ?? '7bit').toLowerCase()) {
    case 'base64':
      return Buffer.from(body.replace(/\s+/g, ''), 'base64').toString('utf8');
    case 'quoted-printable':
      return decodeQuotedPrintable(body).toString('utf8');
    default:
      return body;
  }
}

/** RFC 2047 words (=?UTF-8?B?…?= or =?UTF-8?Q?…?=), as subjects carry them. */
function decodeWords(value: string): string {
  return value.replace(/=\?utf-8\?([bq])\?([^?]*)\?=\s*/gi, (_all, kind: string, data: string) =>
    kind.toLowerCase() === 'b' ? Buffer.from(data, 'base64').toString('utf8') : decodeQuotedPrintable(data.replace(/_/g, ' ')).toString('utf8'),
  );
}

/** Just enough MIME for our mail: the first text/plain part, transfer-decoded, as UTF-8. */
export function decodeMail(raw: string): { subject: string; text: string } {
  const { headers, body } = splitHeaders(raw);
  const subject = decodeWords(headers.get('subject') ?? '');
  const type = headers.get('content-type') ?? 'text/plain';
  const boundary = /boundary="?([^";]+)"?/i.exec(type)?.[1];
  if (type.toLowerCase().startsWith('multipart/') && boundary) {
    for (const part of body.split(`--${boundary}`).slice(1)) {
      const inner = splitHeaders(part.replace(/^\r?\n/, ''));
      if ((inner.headers.get('content-type') ?? 'text/plain').toLowerCase().startsWith('text/plain')) {
        return { subject, text: decodeBody(inner.body, inner.headers.get('content-transfer-encoding')) };
      }
    }
    throw new Error(`No text/plain part in the mail "${subject}"`);
  }
  return { subject, text: decodeBody(body, headers.get('content-transfer-encoding')) };
}

/**
 * Runs a flow in a fresh browser context and closes it; the flow fails if any page logged an
 * error (a CSP violation, a failed script, an unexpected 4xx/5xx) or threw.
 */
export async function withVisitor(
  browser: Browser,
  mode: Mode,
  flow: (visitor: Visitor) => Promise<void>,
  options: { viewport?: { width: number; height: number } } = {},
): Promise<void> {
  const visitor = await Visitor.open(browser, mode, options);
  try {
    await flow(visitor);
    const skipped = visitor.pagesNotAudited();
    if (skipped.length > 0) throw new Error(`Pages visited without an accessibility check (${mode.name}):\n  ${skipped.join('\n  ')}`);
  } catch (err) {
    if (err instanceof Error && visitor.problems.length > 0) err.message += `\nThe pages also logged:\n  ${visitor.problems.join('\n  ')}`;
    throw err;
  } finally {
    await visitor.close();
  }
  if (visitor.problems.length > 0) throw new Error(`The pages logged errors (${mode.name}):\n  ${visitor.problems.join('\n  ')}`);
}
