import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Database, queryRows } from '../../src/core/db/client.ts';
import { migrateDatabase } from '../../src/core/db/migrate.ts';
import { freshDatabase } from '../support/database.ts';

let database: Database;
beforeAll(async () => {
  database = await freshDatabase();
  await migrateDatabase(database);
});
afterAll(() => database.close());

const ALPHABET = 'А Ә Б В Г Ғ Д Е Ё Ж З И Й К Қ Л М Н Ң О Ө П Р С Т У Ұ Ү Ф Х Һ Ц Ч Ш Щ Ъ Ы І Ь Э Ю Я'.split(' ');

describe('the kazakh collation', () => {
  it('sorts the whole Kazakh alphabet, both cases, as the Kazakh locale does', async () => {
    const words = ALPHABET.flatMap((l) => [`${l}а`, `${l.toLowerCase()}б`]);
    const shuffled = [...words].reverse();
    const rows = await queryRows<{ w: string }>(database.db, sql`select w from unnest(${sql.param(shuffled)}::text[]) as t(w) order by w collate kazakh`);
    const sorted = rows.map((r) => r.w);
    expect(sorted).toEqual([...shuffled].sort(new Intl.Collator('kk').compare));
    expect(sorted).toEqual(words);
  });

  it('has the extensions search needs', async () => {
    const rows = await queryRows(database.db, sql`select unaccent('Hôtel') as u, similarity('Ақтөбе', 'Актобе') > 0 as s`);
    expect(rows[0]).toEqual({ u: 'Hotel', s: true });
  });
});
