import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

function files(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    return e.isDirectory() ? files(full) : /\.tsx?$/.test(e.name) ? [full] : [];
  });
}

const importsOf = (file: string) => [...fs.readFileSync(file, 'utf8').matchAll(/(?:from|import)\s*\(?\s*'(\.[^']+)'/g)].map((m) => path.resolve(path.dirname(file), m[1]!));

describe('module boundaries (CONVENTIONS.md)', () => {
  const src = path.resolve('src');
  const modules = path.join(src, 'modules');

  it('core knows no module', () => {
    const offenders = files(path.join(src, 'core')).flatMap((f) => importsOf(f).filter((i) => i.startsWith(modules)).map((i) => `${path.relative(src, f)} → ${path.relative(src, i)}`));
    expect(offenders).toEqual([]);
  });

  it('a module reaches another module only through its index.ts (schema files may reference other schema files)', () => {
    const offenders: string[] = [];
    for (const name of fs.readdirSync(modules).filter((n) => fs.statSync(path.join(modules, n)).isDirectory())) {
      for (const f of files(path.join(modules, name))) {
        for (const i of importsOf(f)) {
          const rel = path.relative(modules, i);
          const [target, ...rest] = rel.split(path.sep);
          if (rel.startsWith('..') || target === name || rest.length === 0) continue;
          // drizzle-kit loads schema files on their own, so a table may reference another module's table directly.
          const schemaToSchema = path.basename(f) === 'schema.ts' && rest.join('/') === 'schema.ts';
          if (rest.join('/') !== 'index.ts' && !schemaToSchema) offenders.push(`${path.relative(src, f)} → ${path.relative(src, i)}`);
        }
      }
    }
    expect(offenders).toEqual([]);
  });
});
