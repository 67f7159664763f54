import v8 from 'node:v8';
import { buildApp } from './app.ts';
import { ConfigError, loadConfig } from './config.ts';
import { DataDirLockedError } from './core/db/lock.ts';
import { purgeExpiredAccountData } from './core/auth/maintenance.ts';
import { isEmptyDatabase, seedDemo } from './core/demo/seed.ts';
import { type MailWorker, startMailWorker } from './core/mail/outbox.ts';

/**
 * The old generation grows by half again after a full collection, not V8's default of up to four
 * times: under load V8 otherwise reserves 200 MB of heap for 60 MB of live objects (decision 011;
 * docs/benchmarks.md, "Third pass": the peak 316 → 214 MB at the same throughput).
 */
v8.setFlagsFromString('--heap-growing-percent=50');

async function main(): Promise<void> {
  const config = loadConfig();
  const { app, ctx } = await buildApp(config);

  if (config.demo && (await isEmptyDatabase(ctx))) {
    await seedDemo(ctx);
    app.log.info('demo data loaded (set DEMO=0 to start empty)');
  }

  const purge = () => purgeExpiredAccountData(ctx.db).catch((err: unknown) => app.log.warn({ err }, 'purge of expired account data failed'));
  await purge();
  const purgeTimer = setInterval(purge, 3600 * 1000);
  purgeTimer.unref();

  // Each module's periodic jobs: run once at start, then on their interval.
  const jobTimers = ctx.modules.flatMap((mod) =>
    (mod.jobs ?? []).map((job) => {
      const run = () => job.run(ctx).catch((err: unknown) => app.log.warn({ err, job: job.name }, 'periodic job failed'));
      void run();
      const timer = setInterval(run, job.everyMs);
      timer.unref();
      return timer;
    }),
  );

  let mailWorker: MailWorker | null = null;
  if (config.smtpUrl) {
    mailWorker = await startMailWorker({ db: ctx.db, smtpUrl: config.smtpUrl, from: config.mailFrom, logger: app.log });
  } else {
    app.log.info('SMTP_URL is not set: mail stays in the outbox, readable by administrators at /kk/admin/outbox');
  }

  let closing = false;
  const shutdown = async (signal: string) => {
    if (closing) return;
    closing = true;
    app.log.info({ signal }, 'shutting down');
    const force = setTimeout(() => process.exit(1), 15_000);
    force.unref();
    clearInterval(purgeTimer);
    for (const timer of jobTimers) clearInterval(timer);
    await mailWorker?.stop();
    await app.close();
    process.exit(0);
  };
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
  process.on('SIGINT', () => void shutdown('SIGINT'));

  await app.listen({ port: config.port, host: config.host });
  app.log.info(`Ortaq is running at ${config.publicUrl} (${ctx.database.engine === 'pglite' ? `embedded database in ${config.dataDir}` : 'PostgreSQL server'})`);
}

main().catch((err: unknown) => {
  if (err instanceof ConfigError || err instanceof DataDirLockedError) {
    console.error(err.message);
  } else {
    console.error('Ortaq could not start:', err);
  }
  process.exit(1);
});
