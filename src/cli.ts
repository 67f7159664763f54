import { randomBytes } from 'node:crypto';
import { Command } from 'commander';
import { buildContext } from './app.ts';
import { ConfigError, loadConfig } from './config.ts';
import { verifyAuditChain } from './core/audit/audit-log.ts';
import { DataDirLockedError } from './core/db/lock.ts';
import { seedDemo } from './core/demo/seed.ts';
import type { AppContext } from './core/module.ts';
import { CreateAdminError, createAdmin } from './modules/accounts/index.ts';

/** Opens the configured database (taking the data folder's lock), runs the command, closes. */
async function withContext(run: (ctx: AppContext) => Promise<number | undefined>): Promise<void> {
  const ctx = await buildContext(loadConfig());
  try {
    process.exitCode = (await run(ctx)) ?? 0;
  } finally {
    await ctx.database.close();
  }
}

const program = new Command()
  .name('ortaq')
  .description('Ortaq: the open platform of the civil sector of Kazakhstan. Configuration comes from the environment (see README).');

program
  .command('migrate')
  .description('apply pending database migrations')
  .action(() =>
    withContext(async () => {
      console.log('Database is up to date.');
      return 0;
    }),
  );

program
  .command('seed')
  .description('load data into the database')
  .option('--demo', 'the demo data: organisations from the seed articles and one account per role')
  .action((options: { demo?: boolean }) =>
    withContext(async (ctx) => {
      if (!options.demo) {
        console.error('Say which data to load: --demo');
        return 2;
      }
      await seedDemo(ctx);
      console.log('Demo data loaded.');
      return 0;
    }),
  );

const users = program.command('users').description('manage accounts');
users
  .command('create-admin')
  .description('create a platform administrator (or make an existing account one)')
  .requiredOption('--email <email>', 'e-mail address, used to log in')
  .option('--name <name>', 'full name', 'Administrator')
  .option('--password <password>', 'password (default: $ORTAQ_ADMIN_PASSWORD, or a generated one that is printed once)')
  .action((options: { email: string; name: string; password?: string }) =>
    withContext(async (ctx) => {
      const generated = !options.password && !process.env.ORTAQ_ADMIN_PASSWORD;
      const password = options.password ?? process.env.ORTAQ_ADMIN_PASSWORD ?? randomBytes(12).toString('base64url');
      const { created } = await createAdmin(ctx, { email: options.email, name: options.name, password, replacePassword: !generated });
      console.log(
        created
          ? `Administrator ${options.email} created.`
          : `${options.email} already had an account; it is now a confirmed administrator${generated ? ' and keeps its password' : ' with the given password'}.`,
      );
      if (generated && created) console.log(`Password (shown once): ${password}`);
      return 0;
    }),
  );

const audit = program.command('audit').description('the audit log');
audit
  .command('verify')
  .description('check the hash chain of the audit log and name the first broken entry')
  .action(() =>
    withContext(async (ctx) => {
      const { checked, firstBreak } = await verifyAuditChain(ctx.db);
      if (!firstBreak) {
        console.log(`Audit log intact: ${checked} entries verified.`);
        return 0;
      }
      const why =
        firstBreak.reason === 'hash-mismatch'
          ? 'its content does not match its hash (edited)'
          : 'it does not follow the entry before it (an entry was deleted, inserted or reordered)';
      console.error(`Audit log broken at entry ${firstBreak.id}: ${why}. ${checked} entries before it are intact.`);
      return 1;
    }),
  );

program.parseAsync().catch((err: unknown) => {
  if (err instanceof ConfigError || err instanceof DataDirLockedError || err instanceof CreateAdminError) {
    console.error(err.message);
  } else {
    console.error(err);
  }
  process.exit(1);
});
