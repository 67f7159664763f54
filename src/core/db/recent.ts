import { max } from 'drizzle-orm';
import { auditLog } from '../audit/schema.ts';
import type { Db } from './client.ts';

/** How long a value is kept at most: the bound on how stale it is after a change the audit log does not record (a bulk load, SQL by hand). */
export const RECENT_TTL_MS = 30_000;

type Entry = { mark: number; expires: number; value: Promise<unknown> };

/** Per database (each test app has its own), per key. */
const stores = new WeakMap<Db, Map<string, Entry>>();

/**
 * The last entry of the audit log: every use case appends one in the transaction of its change,
 * and appends hold the chain's lock until commit, so the last id moves, in commit order, with
 * every committed change.
 */
async function readLastChange(db: Db): Promise<number> {
  const [row] = await db.select({ id: max(auditLog.id) }).from(auditLog);
  return row?.id ?? 0;
}

type MarkReads = { running: Promise<number> | null; queued: Promise<number> | null };
const markReads = new WeakMap<Db, MarkReads>();

/**
 * The audit log's last id as of some moment after this call: a caller never gets a read that
 * began before it asked, so a change committed before the call is always seen. Callers that ask
 * while a read is running share the one read that starts when it ends — under load, one statement
 * answers many requests instead of one each.
 */
export function lastChange(db: Db): Promise<number> {
  let reads = markReads.get(db);
  if (!reads) {
    reads = { running: null, queued: null };
    markReads.set(db, reads);
  }
  const r = reads;
  const start = (): Promise<number> => {
    const read = readLastChange(db).finally(() => {
      if (r.running === read) r.running = null;
    });
    r.running = read;
    return read;
  };
  if (!r.running) return start();
  r.queued ??= r.running.then(
    () => undefined,
    () => undefined,
  ).then(() => {
    r.queued = null;
    return start();
  });
  return r.queued;
}

/**
 * Reads a costly value that every visitor sees alike (counts over whole tables) at most once per
 * `ttlMs` in this process, and again as soon as anything has changed through Ortaq: the value is
 * kept with the audit log's last id (one index lookup per call) and recomputed when that moves,
 * so a write is seen by the next request, in this process or another. Concurrent callers of a
 * key being computed share the one computation. `key` must name everything the value depends on.
 */
export async function recent<T>(db: Db, key: string, compute: () => Promise<T>, ttlMs = RECENT_TTL_MS): Promise<T> {
  let store = stores.get(db);
  if (!store) {
    store = new Map();
    stores.set(db, store);
  }
  const mark = await lastChange(db);
  const now = Date.now();
  const hit = store.get(key);
  if (hit && hit.mark === mark && hit.expires > now) return hit.value as Promise<T>;
  // Only a few keys are cached (unfiltered figures); drop the expired ones before adding.
  for (const [k, e] of store) if (e.expires <= now) store.delete(k);
  const value = compute();
  const entry: Entry = { mark, expires: now + ttlMs, value };
  store.set(key, entry);
  value.catch(() => {
    if (store.get(key) === entry) store.delete(key);
  });
  return value;
}

/**
 * The figures of a faceted list (a total and each facet's counts). Those of the whole list, which
 * every visitor sees alike, are kept by `recent` under `key` and answer when nothing narrows the
 * list; otherwise the shown facets are counted, except one whose only filter is its own: its
 * counts do not depend on the search and are taken from the whole list's.
 */
export async function listFigures<F extends string, T extends { facets: Record<F, unknown> }>(
  db: Db,
  key: string,
  list: { narrowed(except?: F): boolean; count(facets: readonly F[]): Promise<T>; countWhole(): Promise<T> },
  shown: readonly F[],
): Promise<T> {
  const whole = () => recent(db, key, list.countWhole);
  if (!list.narrowed()) return whole();
  const fromWhole = shown.filter((f) => !list.narrowed(f));
  const [counted, all] = await Promise.all([list.count(shown.filter((f) => !fromWhole.includes(f))), fromWhole.length ? whole() : undefined]);
  for (const f of fromWhole) counted.facets[f] = all!.facets[f];
  return counted;
}
