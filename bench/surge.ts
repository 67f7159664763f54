import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { tokenId } from '../src/core/auth/tokens.ts';
import { surgeSessionToken } from '../src/modules/competitions/index.ts';
import { freePort, startPostgres } from '../tests/support/postgres-server.ts';
import { createDatabase, profileFlags, rssOf, runTs, spawnServer, spawnTs, stop, waitForHttp } from './support/processes.ts';
import { saveResult, writeSection } from './support/report.ts';
import { versions } from './support/versions.ts';

/**
 * `npm run bench:surge [-- --scale national|region] [--concurrency 100] [--cpu-prof DIR]`: the deadline surge.
 * The synthetic seed leaves complete drafts on open lots, each by a different NGO whose admin
 * holds a session; here each of them, 100 at a time, does what the browser does at the last
 * minute: opens the attachments step (a fresh CSRF token), uploads a 100 KB PDF as the charter,
 * and submits. Acknowledged = a submit answered with the redirect to the receipt; stored =
 * submitted applications with their attachment in the database afterwards.
 */
const { values: args } = parseArgs({ options: { scale: { type: 'string', default: 'national' }, concurrency: { type: 'string', default: '100' }, 'cpu-prof': { type: 'string' } } });
const SEED = 1;
const concurrency = Number(args.concurrency);

type Timing = { ms: number; status: number };
const percentile = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)]! : 0;
};

/** A 100 KB PDF of its own for each applicant, so no two uploads share a blob. */
function charterPdf(n: number): Buffer {
  const head = Buffer.from(`%PDF-1.4\n% charter of applicant ${n}\n1 0 obj<<>>endobj\n`);
  const tail = Buffer.from('\ntrailer<<>>\n%%EOF\n');
  const filler = Buffer.alloc(100 * 1024 - head.length - tail.length, `stream ${n} `);
  return Buffer.concat([head, filler, tail]);
}

function cookiesFrom(res: Response, jar: Map<string, string>) {
  for (const c of res.headers.getSetCookie()) {
    const [pair] = c.split(';');
    const at = pair!.indexOf('=');
    jar.set(pair!.slice(0, at), pair!.slice(at + 1));
  }
}
const cookieHeader = (jar: Map<string, string>) => [...jar].map(([k, v]) => `${k}=${v}`).join('; ');

/** Runs one request to its last byte, recording its time and status; answers the response and its body. */
async function timed(record: Timing[], run: () => Promise<Response>): Promise<{ res: Response; body: string }> {
  const started = performance.now();
  const res = await run();
  const body = await res.text();
  record.push({ ms: performance.now() - started, status: res.status });
  return { res, body };
}

const work = fs.mkdtempSync(path.join(os.tmpdir(), 'ortaq-surge-'));
const server = await startPostgres();
let app: ReturnType<typeof spawnTs> | undefined;
try {
  createDatabase(server, 'ortaq');
  const env = { DATABASE_URL: server.url('ortaq'), DATA_DIR: path.join(work, 'data') };
  console.log(`Loading the ${args.scale} synthetic country…`);
  await runTs('src/cli.ts', ['seed', '--scale', args.scale, '--seed', String(SEED)], { ...env, DEMO: '0', LOG_LEVEL: 'warn' });

  const db = new pg.Client({ connectionString: env.DATABASE_URL });
  await db.connect();
  const tokens = new Map<string, string>();
  for (let n = 0; ; n++) {
    const token = surgeSessionToken(SEED, n);
    const { rowCount } = await db.query('select 1 from sessions where id = $1', [tokenId(token)]);
    if (!rowCount) break;
    tokens.set(tokenId(token), token);
  }
  const { rows: drafts } = await db.query<{ session: string; application: string }>(
    `select s.id as session, a.id as application from sessions s
       join organisation_members m on m.user_id = s.user_id and m.role = 'admin'
       join applications a on a.organisation_id = m.organisation_id and a.status = 'draft'
      where s.id = any($1)`,
    [[...tokens.keys()]],
  );

  const port = await freePort();
  app = spawnServer({ ...env, NODE_ENV: 'production', SECRET_KEY: randomBytes(32).toString('hex'), DEMO: '0', PORT: String(port), HOST: '127.0.0.1', LOG_LEVEL: 'warn' }, { nodeFlags: profileFlags(args['cpu-prof']) });
  await waitForHttp(`http://127.0.0.1:${port}/healthz`);
  const base = `http://127.0.0.1:${port}`;

  const page: Timing[] = [];
  const upload: Timing[] = [];
  const submit: Timing[] = [];
  const failures: string[] = [];
  let acknowledged = 0;
  let rss = rssOf(app.pid!);
  const sampler = setInterval(() => {
    rss = Math.max(rss, rssOf(app!.pid!));
  }, 250);

  async function applicant(n: number, draft: { session: string; application: string }) {
    const jar = new Map([['ortaq_session', tokens.get(draft.session)!]]);
    const step = `${base}/kk/applications/${draft.application}/steps/attachments`;
    const opened = await timed(page, () => fetch(step, { headers: { cookie: cookieHeader(jar) } }));
    cookiesFrom(opened.res, jar);
    const csrf = /name="_csrf" value="([^"]+)"/.exec(opened.body)?.[1];
    if (!csrf) return void failures.push(`${n}: no CSRF token on the attachments page`);
    const form = new FormData();
    form.set('documentCode', 'charter');
    form.set('file', new Blob([new Uint8Array(charterPdf(n))], { type: 'application/pdf' }), `charter-${n}.pdf`);
    const { res: up } = await timed(upload, () =>
      fetch(`${base}/kk/applications/${draft.application}/attachments?_csrf=${encodeURIComponent(csrf)}`, { method: 'POST', body: form, headers: { cookie: cookieHeader(jar) }, redirect: 'manual' }),
    );
    cookiesFrom(up, jar);
    if (up.status !== 303) return void failures.push(`${n}: upload answered ${up.status}`);
    const { res: done } = await timed(submit, () =>
      fetch(`${base}/kk/applications/${draft.application}/submit`, {
        method: 'POST',
        body: new URLSearchParams({ _csrf: csrf }),
        headers: { cookie: cookieHeader(jar), 'content-type': 'application/x-www-form-urlencoded' },
        redirect: 'manual',
      }),
    );
    if (done.status === 303 && done.headers.get('location')?.endsWith('/receipt')) acknowledged++;
    else failures.push(`${n}: submit answered ${done.status}`);
  }

  console.log(`${drafts.length} applicants submit, ${concurrency} at a time…`);
  const started = performance.now();
  let next = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < drafts.length) {
        const n = next++;
        await applicant(n, drafts[n]!).catch((err: Error) => failures.push(`${n}: ${err.message}`));
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  clearInterval(sampler);

  const ids = drafts.map((d) => d.application);
  const { rows: stored } = await db.query<{ submitted: string; attached: string }>(
    `select count(*) filter (where a.status = 'submitted' and a.receipt_number is not null) as submitted,
            count(*) filter (where exists (select 1 from application_attachments x join files f on f.id = x.file_id where x.application_id = a.id and f.size = 102400)) as attached
       from applications a where a.id = any($1)`,
    [ids],
  );
  await db.end();
  const all = [...page, ...upload, ...submit];
  const result = {
    scale: args.scale,
    applicants: drafts.length,
    concurrency,
    seconds,
    acknowledged,
    stored: Number(stored[0]!.submitted),
    storedWithAttachment: Number(stored[0]!.attached),
    failures: failures.length,
    status5xx: all.filter((t) => t.status >= 500).length,
    p50Ms: { page: percentile(page.map((t) => t.ms), 50), upload: percentile(upload.map((t) => t.ms), 50), submit: percentile(submit.map((t) => t.ms), 50) },
    p99Ms: { page: percentile(page.map((t) => t.ms), 99), upload: percentile(upload.map((t) => t.ms), 99), submit: percentile(submit.map((t) => t.ms), 99), all: percentile(all.map((t) => t.ms), 99) },
    serverRssMaxMb: rss / 2 ** 20,
  };
  console.log(JSON.stringify(result, null, 2));
  if (failures.length) console.log(failures.slice(0, 10).join('\n'));
  const v = versions();
  saveResult('surge', result, v);
  const ok = (b: boolean) => (b ? '✓' : '✗');
  writeSection(
    'surge',
    [
      `Measured ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC, ${args.scale} data on PostgreSQL ${v.postgres}, Node ${v.node}: ${result.applicants} applicants, ${concurrency} at a time, all done in ${seconds.toFixed(1)} s.`,
      '',
      '| acknowledged | stored (submitted) | stored with the 100 KB file | failures | 5xx | p50 page / upload / submit ms | p99 page / upload / submit ms | p99 of all requests | server RSS MB |',
      '|---:|---:|---:|---:|---:|---|---|---:|---:|',
      `| ${result.acknowledged} | ${result.stored} | ${result.storedWithAttachment} | ${result.failures} | ${result.status5xx} | ${result.p50Ms.page.toFixed(0)} / ${result.p50Ms.upload.toFixed(0)} / ${result.p50Ms.submit.toFixed(0)} | ${result.p99Ms.page.toFixed(0)} / ${result.p99Ms.upload.toFixed(0)} / ${result.p99Ms.submit.toFixed(0)} | ${result.p99Ms.all.toFixed(0)} | ${result.serverRssMaxMb.toFixed(0)} |`,
      '',
      `Targets: acknowledged = stored ${ok(result.acknowledged === result.stored)}, zero 5xx ${ok(result.status5xx === 0)}, p99 < 1 s ${ok(result.p99Ms.all < 1000)}, within a minute ${ok(seconds < 60)}.`,
    ].join('\n'),
  );
} finally {
  await stop(app);
  server.stop();
  fs.rmSync(work, { recursive: true, force: true });
}
