import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ROOT } from './processes.ts';

export type LoadResult = {
  requestsPerSecond: number;
  requests: number;
  latencyMs: { p50: number; p90: number; p97_5: number; p99: number; max: number };
  non2xx: number;
  errors: number;
  status5xx: number;
  bytesPerRequest: number;
};
export type RouteResult = LoadResult & { name: string; path: string; page: boolean; ratioToBaseline: number; serverRssMb: number };
export type EngineRun = {
  engine: 'postgres' | 'pglite';
  scale: string;
  seedSeconds: number;
  connections: number;
  secondsPerRoute: number;
  baseline: LoadResult & { serverRssMb: number };
  routes: RouteResult[];
  serverRssMaxMb: number;
};

export function machine() {
  const cpus = os.cpus();
  return { cpu: `${cpus.length} × ${cpus[0]?.model.trim() ?? 'unknown'}`, memoryGb: Math.round(os.totalmem() / 2 ** 30), os: `${os.type()} ${os.release()}` };
}

const LATEST = path.join(ROOT, 'bench/results/latest.json');
const DOC = path.join(ROOT, 'docs/benchmarks.md');

/** Merges a section (an engine's run, the surge, the page weight) into latest.json. */
export function saveResult(key: string, value: unknown, versions: Record<string, string>): void {
  const current = fs.existsSync(LATEST) ? JSON.parse(fs.readFileSync(LATEST, 'utf8')) : {};
  current[key] = { date: new Date().toISOString(), machine: machine(), versions, ...(value as object) };
  fs.mkdirSync(path.dirname(LATEST), { recursive: true });
  fs.writeFileSync(LATEST, `${JSON.stringify(current, null, 2)}\n`);
}

/** Replaces what is between `<!-- bench:key -->` and `<!-- /bench:key -->` in docs/benchmarks.md. */
export function writeSection(key: string, markdown: string): void {
  const doc = fs.readFileSync(DOC, 'utf8');
  const start = `<!-- bench:${key} -->`;
  const end = `<!-- /bench:${key} -->`;
  const from = doc.indexOf(start);
  const to = doc.indexOf(end);
  if (from < 0 || to < 0) throw new Error(`docs/benchmarks.md has no ${start} … ${end} section`);
  fs.writeFileSync(DOC, `${doc.slice(0, from + start.length)}\n${markdown.trim()}\n${doc.slice(to)}`);
}

const ms = (n: number) => (n < 10 ? n.toFixed(1) : n.toFixed(0));
const mark = (ok: boolean) => (ok ? '✓' : '✗');

export function engineTable(run: EngineRun, versions: Record<string, string>): string {
  const m = machine();
  const lines = [
    `Measured ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC on ${m.cpu}, ${m.memoryGb} GB, ${m.os}; ${Object.entries(versions).map(([k, v]) => `${k} ${v}`).join(', ')}.`,
    `${run.scale} data loaded in ${run.seedSeconds.toFixed(1)} s; ${run.connections} connections, ${run.secondsPerRoute} s per route; the server's largest resident memory: ${run.serverRssMaxMb.toFixed(0)} MB.`,
    '',
    '| route | req/s | × baseline | p50 ms | p99 ms | errors | 5xx | RSS MB | page targets (≥ 0.5×, p99 < 50 ms) |',
    '|---|---:|---:|---:|---:|---:|---:|---:|---|',
    `| baseline: Fortunes (Fastify + ${run.engine === 'postgres' ? 'pg' : 'PGlite'}) | ${run.baseline.requestsPerSecond.toFixed(0)} | 1.00 | ${ms(run.baseline.latencyMs.p50)} | ${ms(run.baseline.latencyMs.p99)} | ${run.baseline.errors + run.baseline.non2xx} | ${run.baseline.status5xx} | ${run.baseline.serverRssMb.toFixed(0)} | |`,
    ...run.routes.map(
      (r) =>
        `| ${r.name} \`${r.path}\` | ${r.requestsPerSecond.toFixed(0)} | ${r.ratioToBaseline.toFixed(2)} | ${ms(r.latencyMs.p50)} | ${ms(r.latencyMs.p99)} | ${r.errors + r.non2xx} | ${r.status5xx} | ${r.serverRssMb.toFixed(0)} | ${
          r.page ? `${mark(r.ratioToBaseline >= 0.5)} ${mark(r.latencyMs.p99 < 50)}` : ''
        } |`,
    ),
  ];
  for (const search of run.routes.filter((r) => r.name.startsWith('register search'))) {
    lines.push('', `${search.name[0]!.toUpperCase()}${search.name.slice(1)}: p90 ${ms(search.latencyMs.p90)} ms, p97.5 ${ms(search.latencyMs.p97_5)} ms (p95 lies between; target < 25 ms).`);
  }
  return lines.join('\n');
}
