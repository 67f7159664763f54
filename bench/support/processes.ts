import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { findPostgresBin, type PostgresServer } from '../../tests/support/postgres-server.ts';
import { buildServer } from '../../tests/support/server-build.ts';

export const ROOT = path.resolve(import.meta.dirname, '../..');

/**
 * Runs a TypeScript file in its own Node process through tsx's loader (so its pid is the server's).
 * `nodeFlags` go to Node itself: `--cpu-prof --cpu-prof-dir=…` to see where a server spends its time.
 */
export function spawnTs(file: string, args: string[], env: Record<string, string>, options: { captureOutput?: boolean; nodeFlags?: string[] } = {}): ChildProcess {
  return spawn(process.execPath, [...(options.nodeFlags ?? []), '--import', 'tsx', file, ...args], {
    cwd: ROOT,
    env: { ...process.env, ...env },
    stdio: ['ignore', options.captureOutput ? 'pipe' : 'inherit', 'inherit'],
  });
}

/**
 * Starts Ortaq as `npm start` does — bundled (decision 011), in its own Node process — with the
 * given environment; `nodeFlags` as for `spawnTs`.
 */
export function spawnServer(env: Record<string, string>, options: { nodeFlags?: string[] } = {}): ChildProcess {
  return spawn(process.execPath, [...(options.nodeFlags ?? []), buildServer()], { cwd: ROOT, env: { ...process.env, ...env }, stdio: ['ignore', 'inherit', 'inherit'] });
}

/** `--cpu-prof DIR` on a bench command: the server under load writes a V8 CPU profile there when it stops. */
export const profileFlags = (dir: string | undefined): string[] => (dir ? ['--cpu-prof', `--cpu-prof-dir=${path.resolve(dir)}`] : []);

export function exited(child: ChildProcess): Promise<number> {
  return new Promise((resolve) => (child.exitCode !== null ? resolve(child.exitCode) : child.once('exit', (code) => resolve(code ?? 1))));
}

/** Runs a TypeScript file to its end and fails if it fails. */
export async function runTs(file: string, args: string[], env: Record<string, string>): Promise<void> {
  const code = await exited(spawnTs(file, args, env));
  if (code !== 0) throw new Error(`${file} ${args.join(' ')} exited with ${code}`);
}

/** Waits until the URL answers (any status), or fails after `ms`. */
export async function waitForHttp(url: string, ms = 60_000): Promise<void> {
  const until = Date.now() + ms;
  for (;;) {
    try {
      await fetch(url, { redirect: 'manual' });
      return;
    } catch {
      if (Date.now() > until) throw new Error(`${url} did not answer within ${ms / 1000} s`);
      await new Promise((r) => setTimeout(r, 200));
    }
  }
}

export async function stop(child: ChildProcess | undefined): Promise<void> {
  if (!child || child.exitCode !== null) return;
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 20_000);
  await exited(child);
  clearTimeout(timer);
}

/** Resident memory of a process, in bytes, from /proc. */
export function rssOf(pid: number): number {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
  return kb * 1024;
}

export function createDatabase(server: PostgresServer, name: string): void {
  const createdb = path.join(findPostgresBin(), 'createdb');
  const args = ['-h', '127.0.0.1', '-p', String(server.port), '-U', 'postgres', name];
  if (process.getuid?.() === 0) execFileSync('runuser', ['-u', 'postgres', '--', createdb, ...args]);
  else execFileSync(createdb, args);
}
