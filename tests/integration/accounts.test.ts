import { and, desc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SESSION_COOKIE } from '../../src/core/auth/sessions.ts';
import { accountTokens, sessions, users } from '../../src/core/auth/schema.ts';
import { mailOutbox } from '../../src/core/mail/schema.ts';
import { TestClient, type TestApp, testApp } from '../support/app.ts';

let t: TestApp;
beforeAll(async () => {
  t = await testApp();
});
afterAll(() => t.close());

async function lastMailTo(email: string) {
  const [mail] = await t.ctx.db.select().from(mailOutbox).where(eq(mailOutbox.to, email)).orderBy(desc(mailOutbox.createdAt)).limit(1);
  return mail;
}

function linkIn(text: string, path: string): string {
  const match = new RegExp(`http://ortaq\\.test(/[a-z]{2}${path.replace('/', '\\/')}\\?token=[\\w-]+)`).exec(text);
  if (!match) throw new Error(`No ${path} link in: ${text}`);
  return match[1]!;
}

async function signUpAndConfirm(client: TestClient, email: string, password = 'a long enough passphrase') {
  await client.get('/kk/signup');
  const res = await client.post('/kk/signup', { name: 'Әлия Серікқызы', email, password });
  expect(res.statusCode).toBe(303);
  const mail = await lastMailTo(email);
  await client.get(linkIn(mail!.text, '/confirm'));
}

describe('sign up, confirm, log in, log out', () => {
  it('takes a new user from the sign-up form to a session and back out', async () => {
    const client = new TestClient(t.app);
    await client.get('/ru/signup');
    const res = await client.post('/ru/signup', { name: 'Айжан Ахметова', email: ' Aizhan@Example.KZ ', password: 'көктем келді, 2026!' });
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toBe('/ru/signup/sent');

    const [user] = await t.ctx.db.select().from(users).where(eq(users.email, 'aizhan@example.kz'));
    expect(user?.emailVerifiedAt).toBeNull();
    expect(user?.locale).toBe('ru');
    expect(user?.passwordHash).toMatch(/^\$argon2id\$/);

    const mail = await lastMailTo('aizhan@example.kz');
    expect(mail?.subject).toBe('Подтвердите адрес электронной почты в Ortaq');
    const confirm = await client.get(linkIn(mail!.text, '/confirm'));
    expect(confirm.statusCode).toBe(303);
    expect(confirm.headers.location).toBe('/ru/login');
    const loginPage = await client.follow();
    expect(loginPage.body).toContain('Адрес электронной почты подтверждён');

    const login = await client.post('/ru/login', { email: 'AIZHAN@example.kz', password: 'көктем келді, 2026!' });
    expect(login.statusCode).toBe(303);
    const cookie = login.cookies.find((c) => c.name === SESSION_COOKIE) as { httpOnly?: boolean; sameSite?: string } | undefined;
    expect(cookie?.httpOnly).toBe(true);
    expect(cookie?.sameSite).toBe('Lax');
    const home = await client.follow();
    expect(home.body).toContain('Добро пожаловать, Айжан Ахметова!');

    const account = await client.get('/ru/account');
    expect(account.statusCode).toBe(200);
    expect(account.body).toContain('aizhan@example.kz');

    const logout = await client.post('/ru/logout', {});
    expect(logout.statusCode).toBe(303);
    expect((await client.follow()).body).toContain('Вы вышли из системы.');
    expect((await client.get('/ru/account')).statusCode).toBe(303);
  });

  it('uses a confirmation link only once', async () => {
    const client = new TestClient(t.app);
    await client.get('/kk/signup');
    await client.post('/kk/signup', { name: 'Бір рет', email: 'once@example.kz', password: 'a long enough passphrase' });
    const link = linkIn((await lastMailTo('once@example.kz'))!.text, '/confirm');
    expect((await client.get(link)).statusCode).toBe(303);
    expect((await client.get(link)).statusCode).toBe(400);
  });

  it('refuses to log in before the address is confirmed, and sends a new link at most every 10 minutes', async () => {
    const client = new TestClient(t.app);
    await client.get('/en/signup');
    await client.post('/en/signup', { name: 'Not Yet', email: 'notyet@example.kz', password: 'a long enough passphrase' });
    await client.get('/en/login');
    const logIn = () => client.post('/en/login', { email: 'notyet@example.kz', password: 'a long enough passphrase' });
    const mails = async () => (await t.ctx.db.select().from(mailOutbox).where(eq(mailOutbox.to, 'notyet@example.kz'))).length;
    const res = await logIn();
    expect(res.statusCode).toBe(422);
    expect(res.body).toContain('Confirm your e-mail address first');
    expect(await mails()).toBe(1);
    await t.ctx.db.update(accountTokens).set({ createdAt: new Date(Date.now() - 11 * 60 * 1000) });
    await logIn();
    expect(await mails()).toBe(2);
    await logIn();
    expect(await mails()).toBe(2);
  });
});

describe('what the forms reveal', () => {
  it('re-renders a form with errors keeping every typed value except the password', async () => {
    const client = new TestClient(t.app);
    await client.get('/kk/signup');
    const res = await client.post('/kk/signup', { name: 'Дана <Ерланқызы>', email: 'not-an-email', password: 'short' });
    expect(res.statusCode).toBe(422);
    expect(res.body).toContain('value="Дана &lt;Ерланқызы>"');
    expect(res.body).toContain('value="not-an-email"');
    expect(res.body).not.toContain('value="short"');
    expect(res.body).toContain('Құпиясөз кемінде 10 таңбадан тұруы керек');
    expect(res.body).toContain('aria-invalid="true"');
  });

  it('refuses a password that is on the common lists or easy to guess', async () => {
    const client = new TestClient(t.app);
    await client.get('/en/signup');
    for (const password of ['password123', '1234567890', 'qwertyuiop']) {
      const res = await client.post('/en/signup', { name: 'Weak', email: 'weak@example.kz', password });
      expect(res.statusCode).toBe(422);
      expect(res.body).toContain('This password is too easy to guess');
    }
  });

  it('answers a sign-up for a taken address exactly as for a new one, and warns the owner by mail', async () => {
    const client = new TestClient(t.app);
    await client.get('/kk/signup');
    const res = await client.post('/kk/signup', { name: 'Someone', email: 'admin@ortaq.kz', password: 'a long enough passphrase' });
    await t.ctx.db.insert(users).values({ email: 'taken@example.kz', name: 'Taken', passwordHash: 'x' });
    const again = await client.post('/kk/signup', { name: 'Someone', email: 'taken@example.kz', password: 'a long enough passphrase' });
    expect(again.statusCode).toBe(res.statusCode);
    expect(again.headers.location).toBe(res.headers.location);
    expect((await lastMailTo('taken@example.kz'))?.subject).toBe('Біреу сіздің мекенжайыңызбен Ortaq-қа тіркелмек болды');
  });

  it('gives the same error for an unknown address and for a wrong password', async () => {
    const client = new TestClient(t.app);
    await signUpAndConfirm(client, 'known@example.kz');
    await client.get('/en/login');
    const unknown = await client.post('/en/login', { email: 'nobody@example.kz', password: 'whatever it is' });
    const wrong = await client.post('/en/login', { email: 'known@example.kz', password: 'not the password' });
    expect(unknown.statusCode).toBe(422);
    expect(wrong.statusCode).toBe(422);
    const message = (body: string) => /<div class="error-summary"[\s\S]*?<\/div>/.exec(body)?.[0];
    expect(message(unknown.body)).toBe(message(wrong.body));
    expect(message(wrong.body)).toContain('The e-mail or password is wrong');
  });

  it('answers a password-reset request the same whether or not the address has an account', async () => {
    const client = new TestClient(t.app);
    await client.get('/kk/password/forgot');
    const unknown = await client.post('/kk/password/forgot', { email: 'ghost@example.kz' });
    const known = await client.post('/kk/password/forgot', { email: 'admin@ortaq.kz' });
    expect(unknown.statusCode).toBe(303);
    expect(known.statusCode).toBe(303);
    expect(unknown.headers.location).toBe(known.headers.location);
    expect(await lastMailTo('ghost@example.kz')).toBeUndefined();
  });
});

describe('lockout', () => {
  it('pauses logging in after five failures for one address, even with the right password', async () => {
    const client = new TestClient(t.app);
    await signUpAndConfirm(client, 'target@example.kz', 'the right passphrase');
    await client.get('/en/login');
    for (let i = 0; i < 5; i++) {
      expect((await client.post('/en/login', { email: 'target@example.kz', password: `guess number ${i}` })).statusCode).toBe(422);
    }
    const locked = await client.post('/en/login', { email: 'target@example.kz', password: 'the right passphrase' });
    expect(locked.statusCode).toBe(429);
    expect(locked.body).toMatch(/logging in is paused for 1[45] minutes/);
    expect(locked.cookies.find((c) => c.name === SESSION_COOKIE)).toBeUndefined();
  });
});

describe('sessions', () => {
  it('never accepts a session id from before login after it', async () => {
    const client = new TestClient(t.app);
    await signUpAndConfirm(client, 'fixation@example.kz');
    await client.get('/kk/login');
    await client.post('/kk/login', { email: 'fixation@example.kz', password: 'a long enough passphrase' });
    const first = client.cookie(SESSION_COOKIE)!;
    await client.get('/kk/');
    await client.post('/kk/login', { email: 'fixation@example.kz', password: 'a long enough passphrase' });
    const second = client.cookie(SESSION_COOKIE)!;
    expect(second).not.toBe(first);
    const stale = new TestClient(t.app);
    stale.setCookie(SESSION_COOKIE, first);
    expect((await stale.get('/kk/account')).statusCode).toBe(303);
  });

  it('ends every session when the password is reset, and the reset link works once', async () => {
    const client = new TestClient(t.app);
    await signUpAndConfirm(client, 'reset@example.kz');
    await client.get('/kk/login');
    await client.post('/kk/login', { email: 'reset@example.kz', password: 'a long enough passphrase' });
    const [user] = await t.ctx.db.select().from(users).where(eq(users.email, 'reset@example.kz'));
    expect(await t.ctx.db.select().from(sessions).where(eq(sessions.userId, user!.id))).toHaveLength(1);

    const other = new TestClient(t.app);
    await other.get('/en/password/forgot');
    await other.post('/en/password/forgot', { email: 'reset@example.kz' });
    const link = linkIn((await lastMailTo('reset@example.kz'))!.text, '/password/reset');
    const token = new URL(link, 'http://x').searchParams.get('token')!;
    await other.get(link);
    const done = await other.post('/en/password/reset', { token, password: 'a brand new passphrase' });
    expect(done.statusCode).toBe(303);
    expect(await t.ctx.db.select().from(sessions).where(eq(sessions.userId, user!.id))).toHaveLength(0);
    expect((await client.get('/kk/account')).statusCode).toBe(303);

    const reuse = await other.post('/en/password/reset', { token, password: 'yet another passphrase' });
    expect(reuse.statusCode).toBe(422);
    await other.get('/en/login');
    expect((await other.post('/en/login', { email: 'reset@example.kz', password: 'a brand new passphrase' })).statusCode).toBe(303);
  });

  it('lets a user end their other sessions', async () => {
    const laptop = new TestClient(t.app);
    const phone = new TestClient(t.app);
    await signUpAndConfirm(laptop, 'twodevices@example.kz');
    for (const c of [laptop, phone]) {
      await c.get('/kk/login');
      await c.post('/kk/login', { email: 'twodevices@example.kz', password: 'a long enough passphrase' });
    }
    await laptop.get('/kk/account');
    expect((await laptop.post('/kk/account/sessions/revoke-others', {})).statusCode).toBe(303);
    expect((await laptop.get('/kk/account')).statusCode).toBe(200);
    expect((await phone.get('/kk/account')).statusCode).toBe(303);
  });
});

describe('CSRF', () => {
  it('refuses a form without a token or with a forged one, in the page language', async () => {
    const client = new TestClient(t.app);
    await client.get('/ru/signup');
    const missing = await client.post('/ru/signup', { _csrf: '', name: 'X', email: 'csrf@example.kz', password: 'a long enough passphrase' });
    expect(missing.statusCode).toBe(403);
    expect(missing.body).toContain('Срок действия формы истёк');
    const forged = await client.post('/ru/signup', { _csrf: 'forged-token', name: 'X', email: 'csrf@example.kz', password: 'a long enough passphrase' });
    expect(forged.statusCode).toBe(403);
    const stranger = new TestClient(t.app);
    const noCookie = await stranger.post('/ru/login', { _csrf: /name="_csrf" value="([^"]+)"/.exec(client.lastResponse!.body)?.[1] ?? '', email: 'a@b.kz', password: 'x' });
    expect(noCookie.statusCode).toBe(403);
    expect(await t.ctx.db.select().from(users).where(and(eq(users.email, 'csrf@example.kz')))).toHaveLength(0);
  });
});

describe('rate limits', () => {
  it('answers 429 with a translated message after ten sign-ups a minute from one address', async () => {
    const client = new TestClient(t.app);
    await client.get('/ru/signup');
    for (let i = 0; i < 10; i++) {
      expect((await client.post('/ru/signup', { name: 'Spam', email: `spam${i}@example.kz`, password: 'short' })).statusCode).toBe(422);
    }
    const limited = await client.post('/ru/signup', { name: 'Spam', email: 'spam10@example.kz', password: 'a long enough passphrase' });
    expect(limited.statusCode).toBe(429);
    expect(limited.body).toContain('Слишком много запросов');
    expect((await new TestClient(t.app).get('/ru/signup')).statusCode).toBe(200);
  });
});
