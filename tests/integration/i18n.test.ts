import fs from 'node:fs';
import path from 'node:path';
import { parse, TYPE, type MessageFormatElement } from '@formatjs/icu-messageformat-parser';
import { describe, expect, it } from 'vitest';
import { LANGS } from '../../src/core/i18n/langs.ts';
import { MessageRegistry } from '../../src/core/i18n/messages.ts';
import { coreMessages } from '../../src/core/messages.ts';
import { MODULES } from '../../src/modules/index.ts';

const registry = new MessageRegistry();
registry.add(coreMessages);
for (const mod of MODULES) registry.add(mod.messages);

function argumentNames(elements: MessageFormatElement[], into = new Set<string>()): Set<string> {
  for (const el of elements) {
    if (el.type === TYPE.literal || el.type === TYPE.pound) continue;
    into.add(el.value);
    if (el.type === TYPE.plural || el.type === TYPE.select) {
      for (const option of Object.values(el.options)) argumentNames(option.value, into);
    }
  }
  return into;
}

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) return sourceFiles(full);
    return /\.(ts|tsx)$/.test(e.name) && !e.name.endsWith('.test.ts') ? [full] : [];
  });
}

describe('translations', () => {
  it('every catalogue has every key, non-empty, in Kazakh, Russian and English', () => {
    for (const catalogue of [coreMessages, ...MODULES.map((m) => m.messages)]) {
      const keys = Object.keys(catalogue.en).sort();
      for (const lang of LANGS) expect(Object.keys(catalogue[lang]).sort(), `keys in ${lang}`).toEqual(keys);
    }
    expect(registry.gaps()).toEqual([]);
  });

  it('every message parses, and names the same values in every language', () => {
    for (const key of registry.keys()) {
      const names = LANGS.map((lang) => [...argumentNames(parse(registry.raw(key, lang)!, { ignoreTag: true }))].sort());
      expect(names[1], `${key} (ru) vs kk`).toEqual(names[0]);
      expect(names[2], `${key} (en) vs kk`).toEqual(names[0]);
    }
  });

  it('every message key written literally in the code exists', () => {
    // Any quoted string that starts with a catalogue's namespace is a message key.
    const namespaces = new Set(registry.keys().map((k) => k.split('.')[0]!));
    const policyActions = new Set(MODULES.flatMap((m) => Object.keys(m.policies ?? {})));
    const used = new Set<string>();
    for (const file of sourceFiles(path.resolve('src'))) {
      for (const m of fs.readFileSync(file, 'utf8').matchAll(/'([a-z][\w-]*(?:\.[\w-]+)+)'/g)) {
        if (namespaces.has(m[1]!.split('.')[0]!) && !policyActions.has(m[1]!)) used.add(m[1]!);
      }
    }
    expect([...used].filter((k) => !registry.has(k))).toEqual([]);
    expect(used.size).toBeGreaterThan(50);
  });

  it('plural forms follow each language', () => {
    expect(registry.format('ru', 'organisations.list.count', { count: 1 })).toBe('1 организация');
    expect(registry.format('ru', 'organisations.list.count', { count: 3 })).toBe('3 организации');
    expect(registry.format('ru', 'organisations.list.count', { count: 5 })).toBe('5 организаций');
    expect(registry.format('en', 'organisations.list.count', { count: 1 })).toBe('1 organisation');
    expect(registry.format('kk', 'organisations.list.count', { count: 1000 })).toBe('1\u00a0000 ұйым');
  });
});
