import path from 'node:path';
import fastifyCookie from '@fastify/cookie';
import fastifyCsrf from '@fastify/csrf-protection';
import fastifyFormbody from '@fastify/formbody';
import fastifyHelmet from '@fastify/helmet';
import fastifyMultipart from '@fastify/multipart';
import fastifyRateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { h, type VNode } from 'preact';
import type { Actor } from '../auth/actor.ts';
import { loadActor, type MembershipLoader, SESSION_COOKIE } from '../auth/sessions.ts';
import { lastChange } from '../db/recent.ts';
import { AppError, type ErrorCode, errorTitleKey } from '../errors/app-error.ts';
import { formatters } from '../format/intl.ts';
import type { Lang } from '../i18n/langs.ts';
import type { AppContext, NavItem } from '../module.ts';
import { ErrorPage } from '../views/error-page.tsx';
import type { Flash, PageContext } from '../views/page-context.ts';
import { renderFragment, renderPage } from '../views/render.tsx';
import { langFromAcceptLanguage, localePath, splitLangPath } from './negotiate.ts';
import { PageCache } from './page-cache.ts';
import { ROOT } from '../paths/root.ts';

declare module 'fastify' {
  interface FastifyRequest {
    lang: Lang;
    actor: Actor;
    flash: Flash | null;
    /** Set when this answer may be kept for anonymous visitors (`publicCache` routes): what it is kept by, and since when. */
    publicCache: { key: string; mark: number; at: number; template?: string } | null;
  }
  interface FastifyReply {
    /** Renders a full page in the layout (status 200 unless given). */
    page(title: string, body: VNode, status?: number): FastifyReply;
    /** Renders a piece of a page for htmx. */
    fragment(body: VNode, status?: number): FastifyReply;
    /** Sets a message shown once on the next page (Post/Redirect/Get). */
    flashNext(flash: Flash): FastifyReply;
    pageContext(): PageContext;
  }
  interface FastifyContextConfig {
    /** Set to false only for routes that authenticate otherwise and change nothing for a browser. */
    csrf?: boolean;
    /**
     * A public page or API answer that is the same for every anonymous visitor: it may be served
     * from memory to them (src/core/http/page-cache.ts). Never for what depends on who asks.
     */
    publicCache?: boolean;
  }
}

const FLASH_COOKIE = 'ortaq_flash';
const CSRF_COOKIE = 'ortaq_csrf';
const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

export type HttpOptions = {
  ctx: AppContext;
  secretKey: string;
  nav: NavItem[];
  loadMemberships: MembershipLoader;
};

/** The request parameter a schema validation error is about (`region`, `bin`…). */
function invalidParameter(err: FastifyError | AppError): string | undefined {
  const first = (err as FastifyError).validation?.[0];
  if (!first) return undefined;
  const path = first.instancePath?.replace(/^\//, '').replace(/\//g, '.');
  return path || String((first.params as { missingProperty?: string } | undefined)?.missingProperty ?? (err as FastifyError).validationContext ?? 'request');
}

function errorCodeOf(err: FastifyError | AppError): ErrorCode {
  if (err instanceof AppError) return err.code;
  if ((err as FastifyError).validation) return 'BAD_PARAMETER';
  const code = (err as FastifyError).code ?? '';
  if (code.startsWith('FST_CSRF')) return 'CSRF_INVALID';
  const status = (err as FastifyError).statusCode ?? 500;
  if (status === 413) return 'PAYLOAD_TOO_LARGE';
  if (status === 415) return 'UNSUPPORTED_MEDIA_TYPE';
  if (status === 429) return 'RATE_LIMITED';
  if (status === 404) return 'NOT_FOUND';
  if (status === 403) return 'FORBIDDEN';
  if (status >= 400 && status < 500) return 'BAD_REQUEST';
  return 'INTERNAL';
}

async function httpPlugin(app: FastifyInstance, options: HttpOptions): Promise<void> {
  const { ctx } = options;
  const production = ctx.config.env === 'production';

  await app.register(fastifyHelmet, {
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'"],
        imgSrc: ["'self'", 'data:'],
        fontSrc: ["'self'"],
        connectSrc: ["'self'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
        baseUri: ["'self'"],
        objectSrc: ["'none'"],
        ...(production ? { upgradeInsecureRequests: [] } : {}),
      },
    },
    hsts: production ? { maxAge: 31536000, includeSubDomains: true } : false,
    referrerPolicy: { policy: 'same-origin' },
    crossOriginEmbedderPolicy: false,
  });
  await app.register(fastifyCookie, { secret: options.secretKey });
  await app.register(fastifyFormbody);
  await app.register(fastifyMultipart, {
    limits: { fileSize: ctx.config.maxUploadBytes, files: 10, fields: 50, fieldSize: 100_000 },
    throwFileSizeLimit: true,
  });
  await app.register(fastifyCsrf, {
    sessionPlugin: '@fastify/cookie',
    cookieKey: CSRF_COOKIE,
    cookieOpts: { signed: true, httpOnly: true, sameSite: 'lax', path: '/', secure: production },
    csrfOpts: { userInfo: true, hmacKey: options.secretKey },
    getUserInfo: (req) => req.actor?.sessionId ?? 'anonymous',
    getToken: (req) => {
      const body = req.body as Record<string, unknown> | undefined;
      const query = req.query as Record<string, unknown> | undefined;
      const fromBody = body && typeof body._csrf === 'string' ? body._csrf : undefined;
      // Only multipart bodies carry their token in the URL: they are read after this check.
      const multipart = (req.headers['content-type'] ?? '').startsWith('multipart/form-data');
      const fromQuery = multipart && query && typeof query._csrf === 'string' ? query._csrf : undefined;
      return fromBody ?? (req.headers['x-csrf-token'] as string | undefined) ?? fromQuery;
    },
  });
  await app.register(fastifyRateLimit, {
    global: false,
    errorResponseBuilder: () => new AppError('RATE_LIMITED'),
  });

  await app.register(fastifyStatic, {
    root: path.join(ROOT, 'public'),
    prefix: '/static/',
    maxAge: production ? '1d' : 0,
  });
  await app.register(fastifyStatic, {
    root: path.join(ROOT, 'node_modules/@fontsource/noto-sans'),
    prefix: '/static/fonts/noto-sans/',
    decorateReply: false,
    maxAge: '30d',
    immutable: true,
    allowedPath: (pathname) => /^\/files\/[\w-]+\.woff2?$/.test(pathname),
  });
  await app.register(fastifyStatic, {
    root: path.join(ROOT, 'node_modules/htmx.org/dist'),
    prefix: '/static/htmx/',
    decorateReply: false,
    maxAge: production ? '1d' : 0,
    allowedPath: (pathname) => pathname === '/htmx.min.js',
  });
  app.get('/favicon.ico', (_req, reply) => reply.redirect('/static/favicon.svg', 301));
  // The installable web app: its manifest, and the service worker, which must be served from the
  // root to control every page; both are revalidated on each load so an update reaches phones at once.
  app.get('/manifest.webmanifest', (_req, reply) =>
    reply.type('application/manifest+json; charset=utf-8').header('cache-control', 'no-cache').sendFile('manifest.webmanifest', { cacheControl: false, contentType: false }),
  );
  app.get('/sw.js', (_req, reply) =>
    reply.type('text/javascript; charset=utf-8').header('cache-control', 'no-cache').sendFile('sw.js', { cacheControl: false, contentType: false }),
  );

  app.decorateRequest('lang', 'kk');
  app.decorateRequest('actor', null as unknown as Actor);
  app.decorateRequest('flash', null);
  app.decorateRequest('publicCache', null);

  app.addHook('onRequest', async (req, reply) => {
    req.lang = splitLangPath(req.url).lang ?? langFromAcceptLanguage(req.headers['accept-language']);
    const token = req.cookies[SESSION_COOKIE];
    req.actor = await loadActor(ctx.db, token, options.loadMemberships);
    if (token && !req.actor.userId) reply.clearCookie(SESSION_COOKIE, { path: '/' });
    const rawFlash = req.cookies[FLASH_COOKIE];
    if (rawFlash) {
      const unsigned = req.unsignCookie(rawFlash);
      if (unsigned.valid && unsigned.value) {
        try {
          req.flash = JSON.parse(unsigned.value) as Flash;
        } catch {
          req.flash = null;
        }
      }
      reply.clearCookie(FLASH_COOKIE, { path: '/' });
    }
  });

  const pageCache = new PageCache(ctx.clock);
  app.addHook('onRoute', (route) => {
    // A kept answer is sent before a route's own hooks run: its rate limit would never count it.
    if (route.config?.publicCache && route.config.rateLimit) throw new Error(`${route.url} cannot be both kept for the public and rate-limited`);
  });
  const csrfFor = (req: FastifyRequest, reply: FastifyReply) => reply.generateCsrf({ userInfo: req.actor.sessionId ?? 'anonymous' });

  app.addHook('onRequest', async (req, reply) => {
    const anonymous = !req.cookies[SESSION_COOKIE] && !req.cookies[FLASH_COOKIE];
    if (req.method !== 'GET' || req.routeOptions.config.publicCache !== true || !anonymous) return;
    const at = ctx.clock.now().getTime();
    const mark = await lastChange(ctx.db);
    req.publicCache = { key: `${req.lang} ${req.url}`, mark, at };
    const kept = pageCache.get(req.publicCache.key, mark);
    if (!kept) {
      reply.header('x-cache', 'miss');
      return;
    }
    req.publicCache = null;
    const body = typeof kept.body === 'string' ? kept.body.replaceAll(pageCache.csrfPlaceholder, csrfFor(req, reply)) : kept.body;
    return reply.code(200).headers(kept.headers).header('x-cache', 'hit').send(body);
  });

  app.addHook('onSend', async (req, reply, payload) => {
    const pending = req.publicCache;
    if (!pending || reply.statusCode !== 200 || !onlyCsrfCookie(reply.getHeader('set-cookie'))) return payload;
    const body = pending.template ?? payload;
    if (typeof body === 'string') pageCache.keep(pending.key, { body, headers: reply.getHeaders(), mark: pending.mark, renderedAt: pending.at });
    return payload;
  });

  // PostgreSQL text cannot hold U+0000 and nobody types it: refuse it before any handler sees it.
  app.addHook('preValidation', async (req) => {
    if (carriesNul(req.params) || carriesNul(req.query) || carriesNul(req.body)) throw new AppError('BAD_REQUEST');
  });

  app.addHook('preHandler', (req, reply, done) => {
    if (!UNSAFE.has(req.method) || req.routeOptions.config.csrf === false) return done();
    app.csrfProtection(req, reply, done);
  });

  function pageContext(this: FastifyReply): PageContext {
    const req = this.request;
    const reply = this;
    const lang = req.lang;
    const prefix = splitLangPath(req.url);
    let csrfToken: string | undefined;
    return {
      lang,
      t: ctx.messages.translator(lang),
      f: formatters(lang),
      actor: req.actor,
      // Made only for a page with a form: a page kept for every visitor gets a placeholder, filled for each.
      get csrfToken() {
        csrfToken ??= req.publicCache ? pageCache.csrfPlaceholder : csrfFor(req, reply);
        return csrfToken;
      },
      path: prefix.lang ? prefix.rest : '/',
      flash: req.flash,
      nav: options.nav,
      can: (action, resource) => ctx.policy.can(req.actor, action, resource),
      href: (p) => localePath(lang, p),
    };
  }

  /** Keeps a page rendered with the CSRF placeholder as it is, and gives this visitor their own token. */
  function fillForms(reply: FastifyReply, html: string): string {
    const pending = reply.request.publicCache;
    if (!pending || !html.includes(pageCache.csrfPlaceholder)) return html;
    pending.template = html;
    return html.replaceAll(pageCache.csrfPlaceholder, csrfFor(reply.request, reply));
  }

  app.decorateReply('pageContext', pageContext);
  app.decorateReply('page', function (this: FastifyReply, title: string, body: VNode, status = 200) {
    const html = fillForms(this, renderPage(this.pageContext(), title, body));
    return this.code(status).header('cache-control', 'no-store').type('text/html; charset=utf-8').send(html);
  });
  app.decorateReply('fragment', function (this: FastifyReply, body: VNode, status = 200) {
    return this.code(status).header('cache-control', 'no-store').type('text/html; charset=utf-8').send(renderFragment(this.pageContext(), body));
  });
  app.decorateReply('flashNext', function (this: FastifyReply, flash: Flash) {
    return this.setCookie(FLASH_COOKIE, JSON.stringify(flash), {
      path: '/',
      httpOnly: true,
      sameSite: 'lax',
      signed: true,
      secure: production,
      maxAge: 60,
    });
  });

  function sendError(req: FastifyRequest, reply: FastifyReply, code: ErrorCode, status: number, params?: Record<string, string | number>) {
    const t = ctx.messages.translator(req.lang);
    const message = t(`errors.${code}`, params);
    if (req.url.startsWith('/api/') || (req.headers.accept ?? '').startsWith('application/json')) {
      return reply.code(status).send({ error: { code, message, ...(params?.parameter ? { parameter: params.parameter } : {}) } });
    }
    if (req.headers['hx-request'] && !req.headers['hx-boosted']) {
      return reply.code(status).type('text/html; charset=utf-8').send(`<div class="flash flash--error" role="alert">${escapeHtml(message)}</div>`);
    }
    return reply.page(t(errorTitleKey(status)), h(ErrorPage, { status, messageKey: `errors.${code}`, params }) as VNode, status);
  }

  app.setErrorHandler((err: FastifyError | AppError, req, reply) => {
    const code = errorCodeOf(err);
    const status = err instanceof AppError ? err.status : code === 'INTERNAL' ? 500 : ((err as FastifyError).statusCode ?? 500);
    if (status >= 500) req.log.error({ err }, 'request failed');
    else req.log.info({ code, status }, 'request refused');
    const parameter = invalidParameter(err);
    const params = err instanceof AppError ? (err.params as Record<string, string | number> | undefined) : parameter ? { parameter } : undefined;
    const withMax = code === 'PAYLOAD_TOO_LARGE' && !params ? { max: Math.floor(ctx.config.maxUploadBytes / 1048576) } : params;
    return sendError(req, reply, code, status, withMax);
  });

  app.setNotFoundHandler((req, reply) => sendError(req, reply, 'NOT_FOUND', 404));
}

/** A kept answer may have set the visitor's CSRF secret (filled in again for each visitor), and no other cookie. */
function onlyCsrfCookie(header: ReturnType<FastifyReply['getHeader']>): boolean {
  return [header ?? []].flat().every((cookie) => String(cookie).startsWith(`${CSRF_COOKIE}=`));
}

/** Whether a parsed query, form or JSON body holds a NUL character anywhere (nesting is bounded by the parsers). */
function carriesNul(value: unknown, depth = 0): boolean {
  if (typeof value === 'string') return value.includes('\u0000');
  if (value === null || typeof value !== 'object' || depth > 8) return false;
  return Object.entries(value).some(([k, v]) => k.includes('\u0000') || carriesNul(v, depth + 1));
}

function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

export const http = fp(httpPlugin, { name: 'ortaq-http' });
