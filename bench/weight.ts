import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
import { sql } from 'drizzle-orm';
import { openDatabase, queryRows } from '../src/core/db/client.ts';
import { freePort } from '../tests/support/postgres-server.ts';
import { runTs, spawnServer, spawnTs, stop, waitForHttp } from './support/processes.ts';
import { saveResult, writeSection } from './support/report.ts';
import { versions } from './support/versions.ts';

/**
 * `npm run bench:weight`: for each public page, the JavaScript and CSS it loads (gzipped, as a
 * browser with an empty cache receives them), and Lighthouse's performance and accessibility
 * scores in Debian's Chromium (offline; CHROME_PATH, default /usr/bin/chromium). Ortaq runs in
 * production mode on the embedded database with the region's synthetic data.
 */
const CHROME = process.env.CHROME_PATH ?? '/usr/bin/chromium';
const LIGHTHOUSE_PAGES = new Set(['home', 'register', 'competition page', 'project page']);
const LIGHTHOUSE_RUNS = 5;

const work = fs.mkdtempSync(path.join(os.tmpdir(), 'ortaq-weight-'));
const env = { DATA_DIR: path.join(work, 'data') };
let app: ReturnType<typeof spawnTs> | undefined;
let chrome: chromeLauncher.LaunchedChrome | undefined;
try {
  await runTs('src/cli.ts', ['seed', '--scale', 'region', '--seed', '1'], { ...env, DEMO: '0', LOG_LEVEL: 'warn' });
  const database = await openDatabase({ dataDir: env.DATA_DIR });
  const first = async (q: ReturnType<typeof sql>) => Object.values((await queryRows<Record<string, string>>(database.db, q))[0]!)[0]!;
  const bin = await first(sql`select o.bin from organisations o join projects p on p.organisation_id = o.id group by o.bin order by count(*) desc, o.bin limit 1`);
  const competition = await first(sql`select c.id from competitions c join lots l on l.competition_id = c.id where c.stage = 'published' group by c.id order by count(*) desc, c.number limit 1`);
  const project = await first(sql`select p.id from projects p join reports r on r.project_id = p.id group by p.id order by count(*) desc, p.id limit 1`);
  await database.close();

  const port = await freePort();
  app = spawnServer({ ...env, NODE_ENV: 'production', SECRET_KEY: randomBytes(32).toString('hex'), DEMO: '0', PORT: String(port), HOST: '127.0.0.1', LOG_LEVEL: 'warn' });
  const base = `http://127.0.0.1:${port}`;
  await waitForHttp(`${base}/healthz`);
  const pages = [
    { name: 'home', path: '/kk/' },
    { name: 'register', path: '/kk/organisations' },
    { name: 'register search', path: `/kk/organisations?q=${encodeURIComponent('мейірім')}` },
    { name: 'organisation profile', path: `/kk/organisations/${bin}` },
    { name: 'competitions', path: '/kk/competitions' },
    { name: 'competition page', path: `/kk/competitions/${competition}` },
    { name: 'projects portal', path: '/kk/projects' },
    { name: 'project page', path: `/kk/projects/${project}` },
    { name: 'open data', path: '/kk/open-data' },
  ];

  const gz = async (url: string) => gzipSync(Buffer.from(await (await fetch(url)).arrayBuffer())).length;
  const rows = [];
  chrome = await chromeLauncher.launch({
    chromePath: CHROME,
    chromeFlags: ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  for (const p of pages) {
    const html = await (await fetch(base + p.path)).text();
    const scripts = [...html.matchAll(/<script[^>]*\ssrc="([^"]+)"/g)].map((m) => m[1]!);
    const styles = [...html.matchAll(/<link[^>]*rel="stylesheet"[^>]*href="([^"]+)"|<link[^>]*href="([^"]+)"[^>]*rel="stylesheet"/g)].map((m) => (m[1] ?? m[2])!);
    const jsBytes = (await Promise.all(scripts.map((s) => gz(new URL(s, base).href)))).reduce((a, b) => a + b, 0);
    const cssBytes = (await Promise.all(styles.map((s) => gz(new URL(s, base).href)))).reduce((a, b) => a + b, 0);
    const row: Record<string, unknown> = { ...p, htmlGzipBytes: gzipSync(html).length, jsGzipBytes: jsBytes, cssGzipBytes: cssBytes, scripts, styles };
    if (LIGHTHOUSE_PAGES.has(p.name)) {
      // Simulated throttling moves a score from run to run (first paint 1.1–2.5 s on one page, the
      // server answering in 2–46 ms): the run with the median performance of five is reported,
      // with the others beside it.
      const runs: NonNullable<Awaited<ReturnType<typeof lighthouse>>>['lhr'][] = [];
      for (let i = 0; i < LIGHTHOUSE_RUNS; i++) {
        const result = await lighthouse(base + p.path, { port: chrome.port, output: 'json', logLevel: 'error', onlyCategories: ['performance', 'accessibility'] });
        runs.push(result!.lhr);
      }
      const score = (r: (typeof runs)[number]) => Math.round((r.categories.performance?.score ?? 0) * 100);
      runs.sort((a, b) => score(a) - score(b));
      const lhr = runs[Math.floor(runs.length / 2)]!;
      row.performanceRuns = runs.map(score);
      row.performance = score(lhr);
      row.accessibility = Math.round((lhr.categories.accessibility?.score ?? 0) * 100);
      row.lcpMs = Math.round(lhr.audits['largest-contentful-paint']?.numericValue ?? 0);
      row.metrics = Object.fromEntries(
        ['first-contentful-paint', 'speed-index', 'total-blocking-time', 'cumulative-layout-shift', 'server-response-time'].map((id) => [id, lhr.audits[id]?.numericValue]),
      );
      row.failedAccessibilityAudits = Object.values(lhr.audits)
        .filter((a) => lhr.categories.accessibility?.auditRefs.some((r) => r.id === a.id) && a.score !== null && a.score < 1)
        .map((a) => a.id);
    }
    console.log(JSON.stringify(row));
    rows.push(row);
  }
  const v = versions();
  saveResult('weight', { pages: rows }, { ...v, chromium: await (await fetch(`http://127.0.0.1:${chrome.port}/json/version`)).json().then((j: { Browser: string }) => j.Browser) });
  const kb = (n: unknown) => ((n as number) / 1024).toFixed(1);
  const ok = (b: boolean) => (b ? '✓' : '✗');
  writeSection(
    'weight',
    [
      `Measured ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC, region data on PGlite, production mode; Lighthouse ${JSON.parse(fs.readFileSync('node_modules/lighthouse/package.json', 'utf8')).version} (mobile, simulated throttling) in Chromium.`,
      '',
      '| page | HTML gz KB | JS gz KB | CSS gz KB | < 30 KB JS | Lighthouse performance, median (5 runs) | accessibility | LCP ms |',
      '|---|---:|---:|---:|---|---:|---:|---:|',
      ...rows.map(
        (r) =>
          `| ${r.name} \`${(r.path as string).replace(/\/[0-9a-f-]{36}$|\/\d{12}$/, '/…')}\` | ${kb(r.htmlGzipBytes)} | ${kb(r.jsGzipBytes)} | ${kb(r.cssGzipBytes)} | ${ok((r.jsGzipBytes as number) < 30 * 1024)} | ${r.performance === undefined ? '' : `${r.performance} (${(r.performanceRuns as number[]).join(', ')})`} | ${r.accessibility ?? ''} | ${r.lcpMs ?? ''} |`,
      ),
      ...rows.filter((r) => (r.failedAccessibilityAudits as string[] | undefined)?.length).map((r) => `\nAccessibility audits not passed on ${r.name}: ${(r.failedAccessibilityAudits as string[]).join(', ')}.`),
    ].join('\n'),
  );
} finally {
  await chrome?.kill();
  await stop(app);
  fs.rmSync(work, { recursive: true, force: true });
}
