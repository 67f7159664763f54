import { randomUUID } from 'node:crypto';
import path from 'node:path';
import Fastify, { type FastifyInstance, type RouteOptions } from 'fastify';
import type { Config } from './config.ts';
import type { MembershipLoader } from './core/auth/sessions.ts';
import { type Database, openDatabase } from './core/db/client.ts';
import { migrateDatabase } from './core/db/migrate.ts';
import { AppError } from './core/errors/app-error.ts';
import { localBlobStore } from './core/files/blob-store.ts';
import { langFromAcceptLanguage } from './core/http/negotiate.ts';
import { http } from './core/http/plugin.ts';
import { runningHandlers } from './core/http/running-handlers.ts';
import { resolveSecretKey } from './core/http/secret.ts';
import { isLang } from './core/i18n/langs.ts';
import { MessageRegistry } from './core/i18n/messages.ts';
import { coreMessages } from './core/messages.ts';
import type { AppContext, ModuleManifest } from './core/module.ts';
import { apiDocs } from './core/http/api-docs.ts';
import { ops } from './core/ops/plugin.ts';
import { Policy } from './core/policy/policy.ts';
import { movableClock, systemClock } from './core/time/clock.ts';
import { MODULES } from './modules/index.ts';

/** Believe X-Forwarded-For for exactly this many proxies in front of Ortaq. */
const trustHops = (hops: number) => (_address: string, hop: number) => hop < hops;

const APP_VERSION = '0.1.0';

export type BuiltApp = { app: FastifyInstance; ctx: AppContext };

export function openConfiguredDatabase(config: Config): Promise<Database> {
  return config.databaseUrl
    ? openDatabase({ databaseUrl: config.databaseUrl, poolSize: config.databasePoolSize })
    : openDatabase({ dataDir: config.dataDir });
}

/** The platform's shared parts, without HTTP: what the CLI and the workers need too. */
export async function buildContext(config: Config, database?: Database, modules: ModuleManifest[] = MODULES): Promise<AppContext> {
  const db = database ?? (await openConfiguredDatabase(config));
  try {
    await migrateDatabase(db);
  } catch (err) {
    if (!database) await db.close();
    throw err;
  }
  const messages = new MessageRegistry();
  messages.add(coreMessages);
  const policy = new Policy();
  for (const mod of modules) {
    messages.add(mod.messages);
    if (mod.policies) policy.register(mod.policies);
  }
  const clock = config.testClock ? movableClock() : systemClock;
  return { config, database: db, db: db.db, policy, messages, blobs: localBlobStore(path.join(config.dataDir, 'files')), modules, clock };
}

export type BuildOptions = {
  database?: Database;
  logger?: boolean;
  /** Called for every route as it is added, core and modules alike (the access-matrix test lists them). */
  onRoute?: (route: RouteOptions) => void;
};

/** Builds the whole application, ready to `listen()` or to be tested through `inject()`. */
export async function buildApp(config: Config, options: BuildOptions = {}): Promise<BuiltApp> {
  const ctx = await buildContext(config, options.database);
  const app = Fastify({
    logger:
      options.logger === false || config.logLevel === 'silent'
        ? false
        : {
            level: config.logLevel,
            serializers: {
              req: (req: { method: string; url: string; id: string }) => ({
                method: req.method,
                url: req.url.replace(/([?&]_csrf=)[^&]*/g, '$1[redacted]'),
                id: req.id,
              }),
            },
            redact: {
              paths: ['req.headers.cookie', 'req.headers.authorization', 'req.headers["x-csrf-token"]', 'res.headers["set-cookie"]'],
              censor: '[redacted]',
            },
          },
    genReqId: (req) => {
      const given = req.headers['x-request-id'];
      return typeof given === 'string' && /^[\w.-]{1,64}$/.test(given) ? given : randomUUID();
    },
    requestIdHeader: false,
    trustProxy: typeof config.trustProxy === 'number' ? trustHops(config.trustProxy) : config.trustProxy,
    bodyLimit: 1024 * 1024,
    routerOptions: { ignoreTrailingSlash: true },
  });
  if (options.onRoute) app.addHook('onRoute', options.onRoute);
  const handlers = runningHandlers(app);
  app.addHook('onSend', async (req, reply) => {
    reply.header('x-request-id', req.id);
  });
  app.decorate('ctx', ctx);

  const loaders = ctx.modules.map((m) => m.membershipLoader).filter((l): l is MembershipLoader => Boolean(l));
  const loadMemberships: MembershipLoader = async (db, userId) => (await Promise.all(loaders.map((l) => l(db, userId)))).flat();

  await app.register(ops, { db: ctx.db });
  await app.register(apiDocs, { version: APP_VERSION });
  await app.register(http, {
    ctx,
    secretKey: await resolveSecretKey(ctx.db, config.secretKey),
    nav: ctx.modules.flatMap((m) => m.navigation ?? []),
    loadMemberships,
  });

  if (ctx.clock.setOffset) {
    const setOffset = ctx.clock.setOffset;
    app.post<{ Body: { offsetMs?: unknown } }>('/__test/clock', { config: { csrf: false } }, async (req) => {
      const offsetMs = Number(req.body?.offsetMs);
      if (!Number.isFinite(offsetMs)) throw new AppError('BAD_REQUEST');
      setOffset(offsetMs);
      return { now: ctx.clock.now().toISOString() };
    });
    app.get('/__test/clock', async () => ({ now: ctx.clock.now().toISOString() }));
  }

  app.get('/', async (req, reply) => reply.redirect(`/${langFromAcceptLanguage(req.headers['accept-language'])}/`, 302));

  for (const mod of ctx.modules) {
    if (mod.rootRoutes) await app.register(mod.rootRoutes, { ctx });
    if (mod.routes) {
      const routes = mod.routes;
      await app.register(
        async (scope) => {
          scope.addHook('onRequest', async (req, reply) => {
            const { lang } = req.params as { lang?: string };
            if (!isLang(lang)) return reply.callNotFound();
          });
          await scope.register(routes, { ctx });
        },
        { prefix: '/:lang' },
      );
    }
  }

  app.addHook('onClose', async () => {
    // Handlers whose client left are still running: the database closes after them (10 s at most).
    await handlers.settled(10_000);
    if (!options.database) await ctx.database.close();
  });
  return { app, ctx };
}

declare module 'fastify' {
  interface FastifyInstance {
    ctx: AppContext;
  }
}
