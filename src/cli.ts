import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { Command } from 'commander';
import { buildContext } from './app.ts';
import { ConfigError, loadConfig } from './config.ts';
import { verifyAuditChain } from './core/audit/audit-log.ts';
import { BackupError } from './core/backup/backup-error.ts';
import { createBackup } from './core/backup/create-backup.ts';
import { restoreBackup } from './core/backup/restore-backup.ts';
import { DataDirLockedError } from './core/db/lock.ts';
import { seedDemo } from './core/demo/seed.ts';
import type { AppContext } from './core/module.ts';
import { CreateAdminError, createAdmin } from './modules/accounts/index.ts';
import { DatabaseNotEmptyError, type ScaleName, SCALES, seedSyntheticCountry } from './synthetic-country.ts';
import { ImportRefusedError, importOrganisations, refusalMessageKey, rowErrorMessageKey, summaryJson } from './modules/organisations/index.ts';

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
  .option('--scale <scale>', 'a synthetic country for load tests, into an empty database: national (100,000 organisations) or region (10,000)')
  .option('--seed <n>', 'the seed number of the synthetic data (same number, same data)', '1')
  .action((options: { demo?: boolean; scale?: string; seed: string }) =>
    withContext(async (ctx) => {
      if (options.scale !== undefined) {
        const scale = SCALES[options.scale as ScaleName];
        const seed = Number(options.seed);
        if (!scale || !Number.isSafeInteger(seed)) {
          console.error('--scale is national or region, and --seed a whole number.');
          return 2;
        }
        try {
          const summary = await seedSyntheticCountry(ctx, scale, seed, (line) => console.log(line));
          console.log(`Synthetic ${options.scale} data loaded from seed ${seed} in ${(summary.ms / 1000).toFixed(1)} s.`);
          return 0;
        } catch (err) {
          if (!(err instanceof DatabaseNotEmptyError)) throw err;
          console.error(err.message);
          return 2;
        }
      }
      if (!options.demo) {
        console.error('Say which data to load: --demo, or --scale national|region');
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

const mb = (bytes: number) => `${(bytes / 1048576).toFixed(1)} MB`;
const plural = (n: number, one: string, many: string) => `${n.toLocaleString('en')} ${n === 1 ? one : many}`;

/** A refused backup or restore: the reason, as text or as JSON; exit code 2. */
function refuseBackup(err: unknown, json: boolean | undefined): number {
  if (!(err instanceof BackupError)) throw err;
  if (json) console.log(JSON.stringify({ error: { code: err.code, message: err.message } }));
  else console.error(err.message);
  return 2;
}

program
  .command('backup')
  .description('write the whole database and the uploaded files into one file (a .tar.gz), from one consistent snapshot')
  .argument('<file>', 'the backup to create; it must not exist yet')
  .option('--json', 'print only one JSON summary on stdout')
  .action((file: string, options: { json?: boolean }) =>
    withContext(async (ctx) => {
      try {
        const summary = await createBackup(ctx, file);
        if (options.json) console.log(JSON.stringify(summary));
        else
          console.log(
            `Backup written to ${file} (${mb(summary.bytes)}): ${plural(summary.tables.length, 'table', 'tables')}, ${plural(summary.rows, 'row', 'rows')}, ` +
              `${plural(summary.files, 'uploaded file', 'uploaded files')} (${mb(summary.fileBytes)}), from ${summary.engine} in ${(summary.ms / 1000).toFixed(1)} s.`,
          );
        return 0;
      } catch (err) {
        return refuseBackup(err, options.json);
      }
    }),
  );

program
  .command('restore')
  .description('load a backup into an empty database (embedded or server, whichever made the backup) and its uploaded files')
  .argument('<file>', 'a file written by `ortaq backup`')
  .option('--force', 'replace everything in a database that already holds data')
  .option('--json', 'print only one JSON summary on stdout')
  .action((file: string, options: { force?: boolean; json?: boolean }) =>
    withContext(async (ctx) => {
      try {
        const summary = await restoreBackup(ctx, file, { force: options.force === true });
        if (options.json) {
          console.log(JSON.stringify(summary));
          return 0;
        }
        console.log(
          `Restored ${file} (made ${summary.backup.createdAt} on ${summary.backup.engine} by Ortaq ${summary.backup.ortaqVersion}) into ${summary.engine}` +
            `${summary.replaced ? ', replacing what was there' : ''}: ${plural(summary.tables.length, 'table', 'tables')}, ${plural(summary.rows, 'row', 'rows')}, ` +
            `${plural(summary.files, 'uploaded file', 'uploaded files')}, in ${(summary.ms / 1000).toFixed(1)} s. Every table matches the backup; audit log intact: ${summary.auditEntries} entries verified.`,
        );
        if (summary.newerMigrations > 0) {
          console.log(
            `Note: this Ortaq has ${summary.newerMigrations} migration(s) newer than the backup. Their schema applies, but any data changes they make did not run on the restored rows; to be sure, restore with the Ortaq version that made the backup and then upgrade.`,
          );
        }
        return 0;
      } catch (err) {
        return refuseBackup(err, options.json);
      }
    }),
  );

const imports = program.command('import').description('load records from files');
imports
  .command('organisations')
  .description('create or update organisations by BIN from a CSV or XLSX file (layout: docs/import-organisations.md)')
  .argument('<file>', '.csv (UTF-8 or Windows-1251, comma or semicolon) or .xlsx (first worksheet)')
  .option('--all-or-nothing', 'write nothing if any row is rejected')
  .option('--json', 'print only one JSON summary on stdout')
  .action(async (file: string, options: { allOrNothing?: boolean; json?: boolean }) => {
    const refuse = (code: string, message: string) => {
      if (options.json) console.log(JSON.stringify({ error: { code, message } }));
      else console.error(`${file}: ${message}`);
      return 2;
    };
    let bytes: Buffer;
    try {
      bytes = await fs.promises.readFile(file);
    } catch (err) {
      process.exitCode = refuse('FILE_NOT_FOUND', `cannot read the file (${(err as NodeJS.ErrnoException).code ?? 'error'}).`);
      return;
    }
    await withContext(async (ctx) => {
      const t = ctx.messages.translator('en');
      // Progress goes to a terminal only, never into a pipe or a log.
      const progress = process.stderr.isTTY
        ? ({ done, total }: { done: number; total: number }) => process.stderr.write(`\rWriting rows: ${done} / ${total}`)
        : undefined;
      try {
        const result = await importOrganisations(ctx, { bytes, fileName: path.basename(file), allOrNothing: options.allOrNothing === true, actorId: null, onProgress: progress });
        if (progress) process.stderr.write('\n');
        if (options.json) {
          console.log(JSON.stringify(summaryJson(result)));
        } else {
          console.log(`${file}: ${result.created} created, ${result.updated} updated, ${result.unchanged} unchanged, ${result.rejected} rejected.`);
          if (!result.written) console.log('Nothing was written: with --all-or-nothing, one rejected row stops the whole file.');
          for (const e of result.errors) console.log(`row ${e.row}, column ${result.headers[e.column as keyof typeof result.headers] ?? e.column}: ${e.code}: ${t(rowErrorMessageKey(e.code))}`);
        }
        return result.rejected > 0 ? 1 : 0;
      } catch (err) {
        if (err instanceof ImportRefusedError) return refuse(err.code, t(refusalMessageKey(err.code), err.params));
        throw err;
      }
    });
  });

program.parseAsync().catch((err: unknown) => {
  if (err instanceof ConfigError || err instanceof DataDirLockedError || err instanceof CreateAdminError) {
    console.error(err.message);
  } else {
    console.error(err);
  }
  process.exit(1);
});
