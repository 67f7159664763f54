import { and, eq, sql } from 'drizzle-orm';
import { type Db, type Executor, queryRows } from '../db/client.ts';
import { mailOutbox } from './schema.ts';

export type OutgoingMail = { to: string; subject: string; text: string; html?: string };

/** Queues a message in the caller's transaction: it is sent only if the action commits. */
export async function enqueueMail(tx: Executor, mail: OutgoingMail): Promise<void> {
  await tx.insert(mailOutbox).values(mail);
}

export const MAX_ATTEMPTS = 8;

/** Seconds to wait before attempt n+1: 30 s, 1 min, 2 min … capped at 1 h. */
export function backoffSeconds(attempts: number): number {
  return Math.min(3600, 30 * 2 ** Math.max(0, attempts - 1));
}

type Logger = { info(obj: object, msg: string): void; warn(obj: object, msg: string): void };

type ClaimedMail = { id: string; to: string; subject: string; text: string; html: string | null; attempts: number };

export type MailWorker = { drain(): Promise<number>; stop(): Promise<void> };

/**
 * Sends due messages through SMTP. Rows are claimed with SKIP LOCKED and a lease on
 * next_attempt_at, so several app processes can run workers against one database. nodemailer is
 * loaded here, only where SMTP is configured (it weighs ~9 MB resident).
 */
export async function startMailWorker(options: {
  db: Db;
  smtpUrl: string;
  from: string;
  logger: Logger;
  intervalMs?: number;
  batchSize?: number;
}): Promise<MailWorker> {
  const { default: nodemailer } = await import('nodemailer');
  const transport = nodemailer.createTransport(options.smtpUrl);
  const batchSize = options.batchSize ?? 20;
  let stopped = false;
  let running: Promise<number> | null = null;

  async function sendDue(): Promise<number> {
    const claimed = await queryRows<ClaimedMail>(options.db, sql`
      update mail_outbox set next_attempt_at = now() + interval '5 minutes'
      where id in (
        select id from mail_outbox
        where status = 'pending' and next_attempt_at <= now()
        order by created_at
        limit ${batchSize}
        for update skip locked
      )
      returning id, "to", subject, text, html, attempts`);
    let sent = 0;
    for (const m of claimed) {
      try {
        await transport.sendMail({ from: options.from, to: m.to, subject: m.subject, text: m.text, html: m.html ?? undefined });
        await options.db
          .update(mailOutbox)
          .set({ status: 'sent', sentAt: new Date(), attempts: m.attempts + 1, lastError: null })
          .where(eq(mailOutbox.id, m.id));
        sent++;
      } catch (err) {
        const attempts = m.attempts + 1;
        const failed = attempts >= MAX_ATTEMPTS;
        await options.db
          .update(mailOutbox)
          .set({
            attempts,
            status: failed ? 'failed' : 'pending',
            lastError: (err as Error).message.slice(0, 500),
            nextAttemptAt: new Date(Date.now() + backoffSeconds(attempts) * 1000),
          })
          .where(and(eq(mailOutbox.id, m.id), eq(mailOutbox.status, 'pending')));
        options.logger.warn({ mailId: m.id, attempts, failed }, 'mail delivery failed');
      }
    }
    return sent;
  }

  function drain(): Promise<number> {
    running ??= sendDue().finally(() => {
      running = null;
    });
    return running;
  }

  const timer = setInterval(() => {
    if (!stopped) drain().catch((err) => options.logger.warn({ err: (err as Error).message }, 'mail worker error'));
  }, options.intervalMs ?? 2000);
  timer.unref();

  return {
    drain,
    async stop() {
      stopped = true;
      clearInterval(timer);
      await running?.catch(() => undefined);
      transport.close();
    },
  };
}
