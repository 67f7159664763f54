import { and, count, eq, gt, min } from 'drizzle-orm';
import { verifyAgainstNothing, verifyPassword } from '../../core/auth/password.ts';
import { accountTokens, loginAttempts, users } from '../../core/auth/schema.ts';
import { createSession, deleteSessionByToken } from '../../core/auth/sessions.ts';
import type { Lang } from '../../core/i18n/langs.ts';
import type { AppContext } from '../../core/module.ts';
import type { LogInInput } from './inputs.ts';
import { mailTokenLink } from './links.ts';

export const LOCKOUT_WINDOW_MS = 15 * 60 * 1000;
export const MAX_FAILURES_PER_EMAIL = 5;
export const MAX_FAILURES_PER_IP = 50;
/** An unconfirmed account gets its confirmation link again at most this often. */
export const RESEND_AFTER_MS = 10 * 60 * 1000;

export type LogInResult =
  | { ok: true; token: string; expiresAt: Date; name: string }
  | { ok: false; reason: 'invalid' | 'unconfirmed' }
  | { ok: false; reason: 'locked'; minutes: number };

async function lockedFor(ctx: AppContext, emailKey: string, ip: string): Promise<number> {
  const since = new Date(Date.now() - LOCKOUT_WINDOW_MS);
  const failures = (column: typeof loginAttempts.emailKey | typeof loginAttempts.ip, value: string) =>
    ctx.db
      .select({ n: count(), oldest: min(loginAttempts.at) })
      .from(loginAttempts)
      .where(and(eq(column, value), eq(loginAttempts.succeeded, false), gt(loginAttempts.at, since)));
  const [[byEmail], [byIp]] = await Promise.all([failures(loginAttempts.emailKey, emailKey), failures(loginAttempts.ip, ip)]);
  const until = (oldest: Date | null) => (oldest ? oldest.getTime() + LOCKOUT_WINDOW_MS : Date.now());
  const waits = [
    byEmail && byEmail.n >= MAX_FAILURES_PER_EMAIL ? until(byEmail.oldest) : 0,
    byIp && byIp.n >= MAX_FAILURES_PER_IP ? until(byIp.oldest) : 0,
  ];
  const ms = Math.max(...waits) - Date.now();
  return ms > 0 ? Math.ceil(ms / 60000) : 0;
}

/**
 * Checks the credentials and opens a new session. Failures say nothing about whether the address
 * has an account; five of them for one address (or fifty from one IP) within 15 minutes pause
 * logging in, across every app process, because attempts are counted in the database.
 */
export async function logIn(
  ctx: AppContext,
  input: LogInInput & { ip: string; userAgent?: string; previousSessionToken?: string; lang: Lang },
): Promise<LogInResult> {
  const minutes = await lockedFor(ctx, input.email, input.ip);
  if (minutes > 0) return { ok: false, reason: 'locked', minutes };

  const [user] = await ctx.db.select().from(users).where(eq(users.email, input.email));
  const valid = user && !user.disabledAt ? await verifyPassword(user.passwordHash, input.password) : await verifyAgainstNothing(input.password);
  await ctx.db.insert(loginAttempts).values({ emailKey: input.email, ip: input.ip, succeeded: valid });
  if (!valid || !user) return { ok: false, reason: 'invalid' };

  if (!user.emailVerifiedAt) {
    await ctx.db.transaction(async (tx) => {
      const [recent] = await tx
        .select({ n: count() })
        .from(accountTokens)
        .where(and(eq(accountTokens.userId, user.id), eq(accountTokens.purpose, 'confirm-email'), gt(accountTokens.createdAt, new Date(Date.now() - RESEND_AFTER_MS))));
      if ((recent?.n ?? 0) > 0) return;
      await mailTokenLink(ctx, tx, user, 'confirm-email', (user.locale as Lang) ?? input.lang);
    });
    return { ok: false, reason: 'unconfirmed' };
  }

  return ctx.db.transaction(async (tx) => {
    // A session the browser held before logging in is never carried over (session fixation).
    if (input.previousSessionToken) await deleteSessionByToken(tx, input.previousSessionToken);
    const session = await createSession(tx, user.id, { ip: input.ip, userAgent: input.userAgent });
    return { ok: true, token: session.token, expiresAt: session.expiresAt, name: user.name };
  });
}
