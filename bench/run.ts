import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { sql } from 'drizzle-orm';
import { openDatabase, queryRows } from '../src/core/db/client.ts';
import { freePort, type PostgresServer, startPostgres } from '../tests/support/postgres-server.ts';
import { createDatabase, exited, profileFlags, rssOf, runTs, spawnServer, spawnTs, stop, waitForHttp } from './support/processes.ts';
import { type EngineRun, engineTable, type LoadResult, type RouteResult, saveResult, writeSection } from './support/report.ts';
import { versions } from './support/versions.ts';

/**
 * `npm run bench [-- --engine postgres|pglite|both] [--seconds 10] [--connections 32]`: loads the
 * synthetic country (national on a PostgreSQL server, a region on PGlite), starts Ortaq in
 * production mode and the Fortunes baseline, and measures each public route with autocannon
 * running in a process of its own. Writes bench/results/latest.json and docs/benchmarks.md.
 * `--proposed-indexes` first creates the indexes of bench/proposed-indexes.sql (sections `postgres+indexes`, `pglite+indexes`).
 * `--cpu-prof DIR` has the server write a CPU profile there (open it in Chrome's DevTools).
 */
const { values: args } = parseArgs({
  options: {
    engine: { type: 'string', default: 'both' },
    seconds: { type: 'string', default: '10' },
    connections: { type: 'string', default: '32' },
    'proposed-indexes': { type: 'boolean', default: false },
    'cpu-prof': { type: 'string' },
  },
});
const seconds = Number(args.seconds);
const connections = Number(args.connections);

type Targets = { bin: string; competitionId: string; projectId: string; bins: string[]; competitionIds: string[]; projectIds: string[]; words: string[] };

/** How many different pages a "different pages" route spreads over: more than it is asked for in a run, so nearly every request is a first one. */
const SPREAD = 10_000;

async function findTargets(options: Parameters<typeof openDatabase>[0]): Promise<Targets> {
  const database = await openDatabase(options);
  try {
    const one = async (query: ReturnType<typeof sql>) => Object.values((await queryRows<Record<string, string>>(database.db, query))[0]!)[0]!;
    const column = async (query: ReturnType<typeof sql>) => (await queryRows<Record<string, string>>(database.db, query)).map((row) => Object.values(row)[0]!);
    return {
      // Spread deterministically over the country (md5 of the key), not the first rows of an index.
      bins: await column(sql`select bin from organisations where kind = 'ngo' order by md5(bin) limit ${SPREAD}`),
      competitionIds: await column(sql`select id from competitions where stage = 'published' order by md5(id::text) limit ${SPREAD}`),
      projectIds: await column(sql`select id from projects order by md5(id::text) limit ${SPREAD}`),
      // Every word of five letters or more in the names: from rare ones to those in a third of the register.
      words: await column(sql`select distinct w from (select regexp_split_to_table(lower(name_kk), '[^[:alpha:]]+') w from organisations) x where length(w) > 4 order by w`),
      // The busiest of each: the organisation with the most projects, the competition with the most lots, the project with the most reports.
      bin: await one(sql`select o.bin from organisations o join projects p on p.organisation_id = o.id group by o.bin order by count(*) desc, o.bin limit 1`),
      competitionId: await one(sql`select c.id from competitions c join lots l on l.competition_id = c.id where c.stage = 'published' group by c.id order by count(*) desc, c.number limit 1`),
      projectId: await one(sql`select p.id from projects p join reports r on r.project_id = p.id group by p.id order by count(*) desc, p.id limit 1`),
    };
  } finally {
    await database.close();
  }
}

async function createProposedIndexes(options: Parameters<typeof openDatabase>[0]): Promise<void> {
  const database = await openDatabase(options);
  try {
    for (const statement of fs.readFileSync(path.join(import.meta.dirname, 'proposed-indexes.sql'), 'utf8').split(';').map((s) => s.replace(/--.*$/gm, '').trim()).filter(Boolean)) {
      await database.db.execute(sql.raw(statement));
    }
    await database.db.execute(sql`analyze`);
  } finally {
    await database.close();
  }
}

type Route = { name: string; path: string; page: boolean; paths?: string[] };

const spread = (count: number, what: string) => `${count.toLocaleString('en')} ${what}`;

const routesOf = (t: Targets): Route[] => [
  { name: 'home', path: '/kk/', page: true },
  { name: 'register search', path: `/kk/organisations?q=${encodeURIComponent('мейірім')}`, page: true },
  { name: 'register by region', path: '/kk/organisations?region=KZ-15', page: true },
  { name: 'organisation profile', path: `/kk/organisations/${t.bin}`, page: true },
  { name: 'competition page', path: `/kk/competitions/${t.competitionId}`, page: true },
  { name: 'projects portal', path: '/kk/projects', page: true },
  { name: 'project page', path: `/kk/projects/${t.projectId}`, page: true },
  { name: 'API organisations', path: '/api/v1/organisations', page: false },
  { name: 'API competitions', path: '/api/v1/competitions', page: false },
  { name: 'API projects', path: '/api/v1/projects', page: false },
  // The same kinds of page, a different one on each request: what the pages cost when nobody has just asked for them.
  { name: 'register search, different words', path: `/kk/organisations?q={${spread(t.words.length, 'words')}}`, page: true, paths: t.words.map((w) => `/kk/organisations?q=${encodeURIComponent(w)}`) },
  { name: 'organisation profiles, different', path: `/kk/organisations/{${spread(t.bins.length, 'BINs')}}`, page: true, paths: t.bins.map((b) => `/kk/organisations/${b}`) },
  { name: 'competition pages, different', path: `/kk/competitions/{${spread(t.competitionIds.length, 'ids')}}`, page: true, paths: t.competitionIds.map((id) => `/kk/competitions/${id}`) },
  { name: 'project pages, different', path: `/kk/projects/{${spread(t.projectIds.length, 'ids')}}`, page: true, paths: t.projectIds.map((id) => `/kk/projects/${id}`) },
];

/** Runs autocannon in its own process while sampling the server's memory. */
async function load(url: string, serverPid: number, paths?: string[]): Promise<LoadResult & { serverRssMb: number }> {
  let pathsFile: string | undefined;
  if (paths) {
    pathsFile = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'ortaq-paths-')), 'paths.json');
    fs.writeFileSync(pathsFile, JSON.stringify(paths));
  }
  const child = spawnTs('bench/support/load.ts', [url, String(connections), String(seconds), ...(pathsFile ? [pathsFile] : [])], {}, { captureOutput: true });
  let out = '';
  child.stdout?.on('data', (b) => {
    out += b;
  });
  let rss = rssOf(serverPid);
  const sampler = setInterval(() => {
    rss = Math.max(rss, rssOf(serverPid));
  }, 250);
  const code = await exited(child);
  clearInterval(sampler);
  if (pathsFile) fs.rmSync(path.dirname(pathsFile), { recursive: true, force: true });
  if (code !== 0) throw new Error(`load run against ${url} failed`);
  return { ...(JSON.parse(out.trim().split('\n').pop()!) as LoadResult), serverRssMb: rss / 2 ** 20 };
}

/**
 * Waits until the server has answered what the last route left in flight: autocannon stops
 * sending, but the server still works through its queue (on PGlite's one connection, seconds of
 * it), which would be counted against the next route. `/readyz` queries the database, so its
 * answer comes after what was queued before it.
 */
async function settle(origin: string): Promise<void> {
  for (let i = 0; i < 600; i++) {
    const started = performance.now();
    await (await fetch(`${origin}/readyz`)).arrayBuffer();
    if (performance.now() - started < 50) return;
  }
}

async function benchEngine(engine: 'postgres' | 'pglite'): Promise<EngineRun> {
  const scale = engine === 'postgres' ? 'national' : 'region';
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'ortaq-bench-'));
  let pg: PostgresServer | undefined;
  const children: ReturnType<typeof spawnTs>[] = [];
  try {
    let appDb: Record<string, string>;
    let baselineDb: Record<string, string> = {};
    if (engine === 'postgres') {
      pg = await startPostgres();
      createDatabase(pg, 'ortaq');
      createDatabase(pg, 'baseline');
      appDb = { DATABASE_URL: pg.url('ortaq'), DATA_DIR: path.join(work, 'data') };
      baselineDb = { DATABASE_URL: pg.url('baseline') };
    } else {
      appDb = { DATA_DIR: path.join(work, 'data') };
    }
    const seedStarted = Date.now();
    console.log(`\n== ${engine}: loading the ${scale} synthetic country`);
    await runTs('src/cli.ts', ['seed', '--scale', scale, '--seed', '1'], { ...appDb, DEMO: '0', LOG_LEVEL: 'warn' });
    const seedSeconds = (Date.now() - seedStarted) / 1000;
    if (args['proposed-indexes']) await createProposedIndexes(appDb.DATABASE_URL ? { databaseUrl: appDb.DATABASE_URL } : { dataDir: appDb.DATA_DIR! });
    const targets = await findTargets(appDb.DATABASE_URL ? { databaseUrl: appDb.DATABASE_URL } : { dataDir: appDb.DATA_DIR! });

    const [appPort, basePort] = [await freePort(), await freePort()];
    const app = spawnServer(
      { ...appDb, NODE_ENV: 'production', SECRET_KEY: randomBytes(32).toString('hex'), DEMO: '0', PORT: String(appPort), HOST: '127.0.0.1', LOG_LEVEL: 'warn' },
      { nodeFlags: profileFlags(args['cpu-prof']) },
    );
    const baseline = spawnTs('bench/baseline/fortunes-server.ts', [], { ...baselineDb, PORT: String(basePort) });
    children.push(app, baseline);
    await waitForHttp(`http://127.0.0.1:${appPort}/healthz`);
    await waitForHttp(`http://127.0.0.1:${basePort}/fortunes`);

    const routes = routesOf(targets);
    for (const r of routes) {
      const first = r.paths?.[0] ?? r.path;
      const res = await fetch(`http://127.0.0.1:${appPort}${first}`);
      if (res.status !== 200) throw new Error(`${first} answered ${res.status}`);
      await res.arrayBuffer();
    }
    console.log(`== ${engine}: baseline`);
    const base = await load(`http://127.0.0.1:${basePort}/fortunes`, baseline.pid!);
    const results: RouteResult[] = [];
    for (const r of routes) {
      await settle(`http://127.0.0.1:${appPort}`);
      const res = r.paths ? await load(`http://127.0.0.1:${appPort}`, app.pid!, r.paths) : await load(`http://127.0.0.1:${appPort}${r.path}`, app.pid!);
      const ratio = res.requestsPerSecond / base.requestsPerSecond;
      console.log(`${r.name.padEnd(22)} ${res.requestsPerSecond.toFixed(0).padStart(6)} req/s  ×${ratio.toFixed(2)}  p50 ${res.latencyMs.p50} ms  p99 ${res.latencyMs.p99} ms  errors ${res.errors + res.non2xx}`);
      results.push({ name: r.name, path: r.path, page: r.page, ...res, ratioToBaseline: ratio });
    }
    return {
      engine,
      scale,
      seedSeconds,
      connections,
      secondsPerRoute: seconds,
      baseline: base,
      routes: results,
      serverRssMaxMb: Math.max(...results.map((r) => r.serverRssMb)),
    };
  } finally {
    for (const c of children) await stop(c);
    pg?.stop();
    fs.rmSync(work, { recursive: true, force: true });
  }
}

const engines = args.engine === 'both' ? (['postgres', 'pglite'] as const) : [args.engine as 'postgres' | 'pglite'];
const v = versions();
for (const engine of engines) {
  const run = await benchEngine(engine);
  const key = args['proposed-indexes'] ? `${engine}+indexes` : engine;
  saveResult(key, run, engine === 'postgres' ? v : { ...v, postgres: 'PGlite' });
  writeSection(key, engineTable(run, engine === 'postgres' ? v : { node: v.node!, ortaq: v.ortaq!, pglite: v.pglite! }));
}
