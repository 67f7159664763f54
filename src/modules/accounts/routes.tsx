import type { FastifyPluginAsync, FastifyRequest } from 'fastify';
import { SESSION_COOKIE } from '../../core/auth/sessions.ts';
import { emptyForm, formError, parseForm } from '../../core/http/forms.ts';
import { requireSignIn } from '../../core/http/guards.ts';
import type { AppContext } from '../../core/module.ts';
import { confirmEmail } from './confirm-email.ts';
import { ForgotPasswordInput, LogInInput, ResetPasswordInput, SignUpInput } from './inputs.ts';
import { logIn } from './log-in.ts';
import { logOut, revokeOtherSessions } from './log-out.ts';
import { listOwnSessions } from './queries.ts';
import { requestPasswordReset, resetPassword } from './reset-password.ts';
import { signUp } from './sign-up.ts';
import { AccountPage } from './views/account-page.tsx';
import { ForgotPasswordPage, LogInPage, MessagePage, ResetPasswordPage, SignUpPage } from './views/pages.tsx';

const publicWriteLimit = { rateLimit: { max: 10, timeWindow: '1 minute' } };
const loginLimit = { rateLimit: { max: 20, timeWindow: '1 minute' } };

type Body = Record<string, string | undefined>;
type Query = { token?: string; next?: string };

/** Only a path on this site, in any language, may be a redirect target after logging in. */
function safeNext(next: unknown, lang: string): string {
  return typeof next === 'string' && /^\/(kk|ru|en)(\/[\w\-/.?=&%]*)?$/.test(next) && !next.includes('//') ? next : `/${lang}/`;
}

export const accountRoutes: FastifyPluginAsync<{ ctx: AppContext }> = async (app, { ctx }) => {
  const t = (req: FastifyRequest) => ctx.messages.translator(req.lang);
  const to = (req: FastifyRequest, path: string) => `/${req.lang}${path}`;
  const production = ctx.config.env === 'production';

  app.get('/signup', async (req, reply) => reply.page(t(req)('accounts.signup.title'), <SignUpPage form={emptyForm()} />));

  app.post('/signup', { config: publicWriteLimit }, async (req, reply) => {
    const parsed = parseForm(SignUpInput, req.body);
    if (!parsed.ok) return reply.page(t(req)('accounts.signup.title'), <SignUpPage form={parsed.form} />, 422);
    await signUp(ctx, { ...parsed.data, lang: req.lang });
    return reply.redirect(to(req, '/signup/sent'), 303);
  });

  app.get('/signup/sent', async (req, reply) =>
    reply.page(t(req)('accounts.signup-sent.title'), <MessagePage title={t(req)('accounts.signup-sent.title')} body={t(req)('accounts.signup-sent.body')} />),
  );

  app.get<{ Querystring: Query }>('/confirm', async (req, reply) => {
    const ok = typeof req.query.token === 'string' && req.query.token.length <= 100 && (await confirmEmail(ctx, req.query.token));
    if (!ok) {
      return reply.page(t(req)('errors.title.400'), <MessagePage title={t(req)('errors.title.400')} body={t(req)('accounts.error.token')} />, 400);
    }
    return reply.flashNext({ kind: 'success', key: 'accounts.confirm.done' }).redirect(to(req, '/login'), 303);
  });

  app.get<{ Querystring: Query }>('/login', async (req, reply) => {
    if (req.actor.userId) return reply.redirect(safeNext(req.query.next, req.lang), 303);
    return reply.page(t(req)('accounts.login.title'), <LogInPage form={emptyForm()} next={req.query.next} />);
  });

  app.post('/login', { config: loginLimit }, async (req, reply) => {
    const body = (req.body ?? {}) as Body;
    const parsed = parseForm(LogInInput, body);
    const title = t(req)('accounts.login.title');
    if (!parsed.ok) return reply.page(title, <LogInPage form={parsed.form} next={body.next} />, 422);
    const result = await logIn(ctx, {
      ...parsed.data,
      ip: req.ip,
      userAgent: req.headers['user-agent'],
      previousSessionToken: req.cookies[SESSION_COOKIE],
      lang: req.lang,
    });
    if (!result.ok) {
      const key = result.reason === 'locked' ? 'accounts.error.locked' : result.reason === 'unconfirmed' ? 'accounts.error.unconfirmed' : 'accounts.error.login-failed';
      const form = formError(body, '_form', key, result.reason === 'locked' ? { minutes: result.minutes } : undefined);
      return reply.page(title, <LogInPage form={form} next={body.next} />, result.reason === 'locked' ? 429 : 422);
    }
    reply.setCookie(SESSION_COOKIE, result.token, { path: '/', httpOnly: true, sameSite: 'lax', secure: production, expires: result.expiresAt });
    return reply.flashNext({ kind: 'success', key: 'accounts.login.done', params: { name: result.name } }).redirect(safeNext(body.next, req.lang), 303);
  });

  app.post('/logout', async (req, reply) => {
    await logOut(ctx, req.cookies[SESSION_COOKIE]);
    reply.clearCookie(SESSION_COOKIE, { path: '/' });
    return reply.flashNext({ kind: 'info', key: 'accounts.logout.done' }).redirect(to(req, '/'), 303);
  });

  app.get('/password/forgot', async (req, reply) => reply.page(t(req)('accounts.forgot.title'), <ForgotPasswordPage form={emptyForm()} />));

  app.post('/password/forgot', { config: publicWriteLimit }, async (req, reply) => {
    const parsed = parseForm(ForgotPasswordInput, req.body);
    if (!parsed.ok) return reply.page(t(req)('accounts.forgot.title'), <ForgotPasswordPage form={parsed.form} />, 422);
    await requestPasswordReset(ctx, { email: parsed.data.email, lang: req.lang });
    return reply.flashNext({ kind: 'info', key: 'accounts.forgot.sent' }).redirect(to(req, '/login'), 303);
  });

  app.get<{ Querystring: Query }>('/password/reset', async (req, reply) =>
    reply.page(t(req)('accounts.reset.title'), <ResetPasswordPage form={emptyForm()} token={String(req.query.token ?? '')} />),
  );

  app.post('/password/reset', { config: publicWriteLimit }, async (req, reply) => {
    const body = (req.body ?? {}) as Body;
    const title = t(req)('accounts.reset.title');
    const parsed = parseForm(ResetPasswordInput, body);
    if (!parsed.ok) return reply.page(title, <ResetPasswordPage form={parsed.form} token={String(body.token ?? '')} />, 422);
    if (!(await resetPassword(ctx, parsed.data))) {
      return reply.page(title, <ResetPasswordPage form={formError(body, '_form', 'accounts.error.token')} token={parsed.data.token} />, 422);
    }
    reply.clearCookie(SESSION_COOKIE, { path: '/' });
    return reply.flashNext({ kind: 'success', key: 'accounts.reset.done' }).redirect(to(req, '/login'), 303);
  });

  app.get('/account', { preHandler: requireSignIn }, async (req, reply) =>
    reply.page(t(req)('accounts.account.title'), <AccountPage sessions={await listOwnSessions(ctx.db, req.actor)} />),
  );

  app.post('/account/sessions/revoke-others', { preHandler: requireSignIn }, async (req, reply) => {
    await revokeOtherSessions(ctx, req.actor.userId!, req.actor.sessionId!);
    return reply.flashNext({ kind: 'success', key: 'accounts.account.revoked' }).redirect(to(req, '/account'), 303);
  });
};
