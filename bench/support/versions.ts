import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { findPostgresBin } from '../../tests/support/postgres-server.ts';
import { ROOT } from './processes.ts';

const versionIn = (dir: string) => JSON.parse(fs.readFileSync(path.join(dir, 'package.json'), 'utf8')).version as string;
const packageVersion = (name: string) => versionIn(path.join(ROOT, 'node_modules', name));

/** What the numbers were measured with. */
export function versions(): Record<string, string> {
  return {
    ortaq: versionIn(ROOT),
    node: process.version,
    postgres: execFileSync(path.join(findPostgresBin(), 'postgres'), ['--version'], { encoding: 'utf8' }).trim().replace(/^.*\) /, ''),
    pglite: packageVersion('@electric-sql/pglite'),
    fastify: packageVersion('fastify'),
    autocannon: packageVersion('autocannon'),
  };
}
