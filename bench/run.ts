import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { sql } from 'drizzle-orm';
import { openDatabase, queryRows } from '../src/core/db/client.ts';
import { freePort, type PostgresServer, startPostgres } from '../tests/support/postgres-server.ts';
import { createDatabase, exited, rssOf, runTs, spawnTs, stop, waitForHttp } from './support/processes.ts';
import { type EngineRun, engineTable, type LoadResult, type RouteResult, saveResult, writeSection } from './support/report.ts';
import { versions } from './support/versions.ts';

/**
 * `npm run bench [-- --engine postgres|pglite|both] [--seconds 10] [--connections 32]`: loads the
 * synthetic country (national on a PostgreSQL server, a region on PGlite), starts Ortaq in
 * production mode and the Fortunes baseline, and measures each public route with autocannon
 * running in a process of its own. Writes bench/results/latest.json and docs/benchmarks.md.
 * `--proposed-indexes` first creates the indexes of bench/proposed-indexes.sql (sections `postgres+indexes`, `pglite+indexes`).
 */
const { values: args } = parseArgs({
  options: {
    engine: { type: 'string', default: 'both' },
    seconds: { type: 'string', default: '10' },
    connections: { type: 'string', default: '32' },
    'proposed-indexes': { type: 'boolean', default: false },
  },
});
const seconds = Number(args.seconds);
const connections = Number(args.connections);

type Targets = { bin: string; competitionId: string; projectId: string };

async function findTargets(options: Parameters<typeof openDatabase>[0]): Promise<Targets> {
  const database = await openDatabase(options);
  try {
    const one = async (query: ReturnType<typeof sql>) => Object.values((await queryRows<Record<string, string>>(database.db, query))[0]!)[0]!;
    return {
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

const routesOf = (t: Targets) => [
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
];

/** Runs autocannon in its own process while sampling the server's memory. */
async function load(url: string, serverPid: number): Promise<LoadResult & { serverRssMb: number }> {
  const child = spawnTs('bench/support/load.ts', [url, String(connections), String(seconds)], {}, { captureOutput: true });
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
  if (code !== 0) throw new Error(`load run against ${url} failed`);
  return { ...(JSON.parse(out.trim().split('\n').pop()!) as LoadResult), serverRssMb: rss / 2 ** 20 };
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
    const app = spawnTs('src/server.ts', [], {
      ...appDb,
      NODE_ENV: 'production',
      SECRET_KEY: randomBytes(32).toString('hex'),
      DEMO: '0',
      PORT: String(appPort),
      HOST: '127.0.0.1',
      LOG_LEVEL: 'warn',
    });
    const baseline = spawnTs('bench/baseline/fortunes-server.ts', [], { ...baselineDb, PORT: String(basePort) });
    children.push(app, baseline);
    await waitForHttp(`http://127.0.0.1:${appPort}/healthz`);
    await waitForHttp(`http://127.0.0.1:${basePort}/fortunes`);

    const routes = routesOf(targets);
    for (const r of routes) {
      const res = await fetch(`http://127.0.0.1:${appPort}${r.path}`);
      if (res.status !== 200) throw new Error(`${r.path} answered ${res.status}`);
      await res.arrayBuffer();
    }
    console.log(`== ${engine}: baseline`);
    const base = await load(`http://127.0.0.1:${basePort}/fortunes`, baseline.pid!);
    const results: RouteResult[] = [];
    for (const r of routes) {
      const res = await load(`http://127.0.0.1:${appPort}${r.path}`, app.pid!);
      const ratio = res.requestsPerSecond / base.requestsPerSecond;
      console.log(`${r.name.padEnd(22)} ${res.requestsPerSecond.toFixed(0).padStart(6)} req/s  ×${ratio.toFixed(2)}  p50 ${res.latencyMs.p50} ms  p99 ${res.latencyMs.p99} ms  errors ${res.errors + res.non2xx}`);
      results.push({ ...r, ...res, ratioToBaseline: ratio });
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
