import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/**
 * Bundles the server as `npm start` does (`npm run build`, decision 011) and returns the file to
 * run with `node`: the browser tests and the benchmarks run what production runs.
 */
export function buildServer(): string {
  execFileSync('npm', ['run', 'build', '--silent'], { cwd: repoRoot, stdio: ['ignore', 'inherit', 'inherit'] });
  return path.join(repoRoot, 'dist/server.mjs');
}
