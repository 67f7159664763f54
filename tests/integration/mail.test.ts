import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { backoffSeconds, enqueueMail, MAX_ATTEMPTS, type MailWorker, startMailWorker } from '../../src/core/mail/outbox.ts';
import { mailOutbox } from '../../src/core/mail/schema.ts';
import { TestClient, type TestApp, testApp } from '../support/app.ts';
import { startSmtpReceiver } from '../support/smtp-receiver.ts';

let t: TestApp;
let smtp: Awaited<ReturnType<typeof startSmtpReceiver>>;
let worker: MailWorker;
const silent = { info: () => undefined, warn: () => undefined };

beforeAll(async () => {
  t = await testApp();
  smtp = await startSmtpReceiver();
  worker = await startMailWorker({ db: t.ctx.db, smtpUrl: smtp.url, from: 'Ortaq <no-reply@ortaq.test>', logger: silent, intervalMs: 3_600_000 });
});
afterAll(async () => {
  await worker.stop();
  await smtp.stop();
  await t.close();
});
beforeEach(async () => {
  smtp.received.length = 0;
  smtp.refuseWith(null);
  await t.ctx.db.delete(mailOutbox);
});

describe('the outbox', () => {
  it('delivers a message through SMTP once its transaction commits', async () => {
    await t.ctx.db.transaction((tx) => enqueueMail(tx, { to: 'aigul@example.kz', subject: 'Өтінім қабылданды', text: 'Сәлеметсіз бе!' }));
    expect(await worker.drain()).toBe(1);
    expect(smtp.received).toHaveLength(1);
    expect(smtp.received[0]!.to).toEqual(['aigul@example.kz']);
    expect(smtp.received[0]!.from).toBe('no-reply@ortaq.test');
    expect(smtp.received[0]!.raw).toMatch(/Subject: =\?UTF-8\?/);
    const [row] = await t.ctx.db.select().from(mailOutbox);
    expect(row?.status).toBe('sent');
    expect(row?.sentAt).toBeInstanceOf(Date);
    expect(await worker.drain()).toBe(0);
    expect(smtp.received).toHaveLength(1);
  });

  it('sends nothing for an action that rolled back', async () => {
    await expect(
      t.ctx.db.transaction(async (tx) => {
        await enqueueMail(tx, { to: 'ghost@example.kz', subject: 'Never', text: 'Never' });
        throw new Error('the action failed');
      }),
    ).rejects.toThrow('the action failed');
    expect(await worker.drain()).toBe(0);
    expect(await t.ctx.db.select().from(mailOutbox)).toHaveLength(0);
  });

  it('retries a refused message later with growing waits, and gives up after the last attempt', async () => {
    smtp.refuseWith(450);
    await t.ctx.db.transaction((tx) => enqueueMail(tx, { to: 'busy@example.kz', subject: 'Retry', text: 'Retry' }));
    const before = Date.now();
    expect(await worker.drain()).toBe(0);
    let [row] = await t.ctx.db.select().from(mailOutbox);
    expect(row?.status).toBe('pending');
    expect(row?.attempts).toBe(1);
    expect(row?.lastError).toMatch(/450|Mailbox unavailable/);
    expect(row!.nextAttemptAt.getTime()).toBeGreaterThanOrEqual(before + backoffSeconds(1) * 1000 - 1000);
    expect(await worker.drain()).toBe(0);
    expect((await t.ctx.db.select().from(mailOutbox))[0]?.attempts).toBe(1);

    for (let attempt = 2; attempt <= MAX_ATTEMPTS; attempt++) {
      await t.ctx.db.update(mailOutbox).set({ nextAttemptAt: sql`now() - interval '1 second'` });
      await worker.drain();
    }
    [row] = await t.ctx.db.select().from(mailOutbox);
    expect(row?.status).toBe('failed');
    expect(row?.attempts).toBe(MAX_ATTEMPTS);
    expect(backoffSeconds(2)).toBeGreaterThan(backoffSeconds(1));
    expect(backoffSeconds(30)).toBe(3600);

    smtp.refuseWith(null);
    await t.ctx.db.update(mailOutbox).set({ nextAttemptAt: sql`now() - interval '1 second'` });
    expect(await worker.drain()).toBe(0);
  });

  it('delivers the sign-up confirmation through SMTP with a working link', async () => {
    const client = new TestClient(t.app);
    await client.get('/en/signup');
    await client.post('/en/signup', { name: 'Mail Test', email: 'mailtest@example.kz', password: 'a long enough passphrase' });
    expect(await worker.drain()).toBe(1);
    const raw = smtp.received[0]!.raw.replace(/=\r?\n/g, '').replace(/=3D/g, '=');
    const link = /http:\/\/ortaq\.test(\/en\/confirm\?token=[\w-]+)/.exec(raw)?.[1];
    expect(link).toBeDefined();
    expect((await client.get(link!)).headers.location).toBe('/en/login');
    const [row] = await t.ctx.db.select().from(mailOutbox).where(eq(mailOutbox.to, 'mailtest@example.kz'));
    expect(row?.status).toBe('sent');
  });
});
