import type { FastifyPluginAsync } from 'fastify';
import type { Config } from '../config.ts';
import type { Actor } from './auth/actor.ts';
import type { MembershipLoader } from './auth/sessions.ts';
import type { Database, Db } from './db/client.ts';
import type { BlobStore } from './files/blob-store.ts';
import type { Catalogue, MessageRegistry } from './i18n/messages.ts';
import type { Policy, Rules } from './policy/policy.ts';
import type { Clock } from './time/clock.ts';

/** Everything a use case may need, built once per app process. */
export type AppContext = {
  config: Config;
  database: Database;
  db: Db;
  policy: Policy;
  messages: MessageRegistry;
  blobs: BlobStore;
  modules: readonly ModuleManifest[];
  clock: Clock;
};

export type NavItem = {
  /** Path after the language prefix, e.g. `/organisations`. */
  path: string;
  /** Message key of the link text. */
  label: string;
  area: 'main' | 'account' | 'admin';
  visible?: (actor: Actor) => boolean;
};

export type HomeFigure = { label: string; value: number; kind?: 'count' | 'money' };

/** Work a module wants done periodically in the server process (reminders, flags); each run must be idempotent. */
export type PeriodicJob = { name: string; everyMs: number; run: (ctx: AppContext) => Promise<unknown> };

/**
 * A module declares itself to the platform here, and nowhere else: the routes it serves, the
 * texts it shows, the rules it decides, the demo data it brings and the figures it counts.
 */
export type ModuleManifest = {
  name: string;
  messages: Catalogue;
  /** Pages under `/:lang` (the plugin sees `request.lang`). */
  routes?: FastifyPluginAsync<{ ctx: AppContext }>;
  /** Routes outside the language prefix: API, downloads, health. */
  rootRoutes?: FastifyPluginAsync<{ ctx: AppContext }>;
  navigation?: NavItem[];
  policies?: Rules;
  figures?: (db: Db) => Promise<HomeFigure[]>;
  seedDemo?: (ctx: AppContext) => Promise<void>;
  membershipLoader?: MembershipLoader;
  jobs?: PeriodicJob[];
  /**
   * What this module adds to another module's extension point, by the point's name
   * (e.g. `organisation.profile`); the owning module defines and types each point.
   */
  extensions?: Record<string, unknown>;
};
