import { once } from 'node:events';
import { PassThrough, Readable } from 'node:stream';
import { stringify } from 'csv-stringify/sync';
import { and, asc, sql } from 'drizzle-orm';
import type { Db } from '../../core/db/client.ts';
import type { Lang } from '../../core/i18n/langs.ts';
import type { SearchParams } from './inputs.ts';
import { neutraliseFormula, REGISTER_FIELDS, registerCells } from './register-columns.ts';
import { organisations } from './schema.ts';
import { searchConditions } from './search.ts';

type Organisation = typeof organisations.$inferSelect;

export const EXPORT_BATCH_SIZE = 1000;

/**
 * Every organisation a search finds (its page and page size ignored), in alphabetical order of
 * the reader's language and then by BIN, a thousand at a time: each batch is read after the last
 * one's position (keyset), so memory stays flat however many rows there are.
 */
export async function* exportBatches(db: Db, params: SearchParams, lang: Lang, batchSize = EXPORT_BATCH_SIZE): AsyncGenerator<Organisation[]> {
  const name = lang === 'ru' ? organisations.nameRu : organisations.nameKk;
  const where = searchConditions(params);
  let after: { name: string; bin: string } | undefined;
  for (;;) {
    const position = after ? sql`(${name} collate kazakh, ${organisations.bin}) > (${after.name} collate kazakh, ${after.bin})` : undefined;
    const batch = await db
      .select()
      .from(organisations)
      .where(and(where, position))
      .orderBy(sql`${name} collate kazakh`, asc(organisations.bin))
      .limit(batchSize);
    if (batch.length > 0) yield batch;
    if (batch.length < batchSize) return;
    const last = batch[batch.length - 1]!;
    after = { name: lang === 'ru' ? last.nameRu : last.nameKk, bin: last.bin };
  }
}

/**
 * The search's organisations as CSV in the import layout: UTF-8 with a BOM so Excel reads
 * Cyrillic, `;` between cells in Kazakh and Russian (what Excel expects with those regional
 * settings) and `,` in English, and formulas neutralised.
 */
export function exportCsv(db: Db, params: SearchParams, lang: Lang): Readable {
  const options = { delimiter: lang === 'en' ? ',' : ';', record_delimiter: '\r\n', quoted_match: /[\r\n]/ } as const;
  return Readable.from(
    (async function* () {
      yield `\uFEFF${stringify([[...REGISTER_FIELDS]], options)}`;
      for await (const batch of exportBatches(db, params, lang)) {
        yield stringify(
          batch.map((org) => registerCells(org).map(neutraliseFormula)),
          options,
        );
      }
    })(),
  );
}

const COUNT_FIELDS = new Set(['staffCount', 'volunteerCount']);
const WIDTHS: Partial<Record<string, number>> = { bin: 14, nameKk: 50, nameRu: 50, nameEn: 40, address: 40, descriptionKk: 60, descriptionRu: 60, areas: 30 };

/**
 * The same as XLSX, written as the rows are read. Every text is a string cell, never a formula;
 * the counts are numbers; the BIN stays text so its leading zeros survive.
 */
export function exportXlsx(db: Db, params: SearchParams, lang: Lang): Readable {
  const out = new PassThrough();
  (async () => {
    // exceljs is ~30 MB resident: loaded when a spreadsheet is first read or written, not at start.
    const { default: Excel } = await import('exceljs');
    const workbook = new Excel.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
    const sheet = workbook.addWorksheet('organisations', { views: [{ state: 'frozen', ySplit: 1 }] });
    sheet.columns = REGISTER_FIELDS.map((field) => ({ header: field, key: field, width: WIDTHS[field] ?? 18 }));
    sheet.getRow(1).font = { bold: true };
    for await (const batch of exportBatches(db, params, lang)) {
      for (const org of batch) {
        const cells = registerCells(org);
        sheet.addRow(REGISTER_FIELDS.map((field, i) => (cells[i] === '' ? null : COUNT_FIELDS.has(field) ? Number(cells[i]) : cells[i]))).commit();
      }
      if (out.writableNeedDrain) await once(out, 'drain');
    }
    sheet.commit();
    await workbook.commit();
  })().catch((err: unknown) => out.destroy(err as Error));
  return out;
}
