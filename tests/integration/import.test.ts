import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { asc, count, eq } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyAuditChain } from '../../src/core/audit/audit-log.ts';
import { auditLog } from '../../src/core/audit/schema.ts';
import { createSession, SESSION_COOKIE } from '../../src/core/auth/sessions.ts';
import { userRoles, users } from '../../src/core/auth/schema.ts';
import { DISTRICTS } from '../../src/core/geo/districts.ts';
import { seedDemo } from '../../src/core/demo/seed.ts';
import { ImportRefusedError, type ImportResult, importOrganisations, makeBin, organisations } from '../../src/modules/organisations/index.ts';
import { runOrtaq } from '../support/cli.ts';
import { engineUnderTest, freshPostgresDatabase } from '../support/database.ts';
import { TestClient, type TestApp, testApp } from '../support/app.ts';

let t: TestApp;
beforeAll(async () => {
  t = await testApp();
});
afterAll(() => t.close());

/** A CSV file as Excel writes it: cells quoted when they must be. */
function csv(rows: string[][], delimiter = ','): string {
  const quote = (c: string) => (c.includes(delimiter) || /["\r\n]/.test(c) ? `"${c.replace(/"/g, '""')}"` : c);
  return `${rows.map((r) => r.map(quote).join(delimiter)).join('\r\n')}\r\n`;
}

const run = (bytes: Buffer | string, fileName: string, allOrNothing = false): Promise<ImportResult> =>
  importOrganisations(t.ctx, { bytes: Buffer.isBuffer(bytes) ? bytes : Buffer.from(bytes), fileName, allOrNothing, actorId: null });

async function refusal(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (err) {
    if (err instanceof ImportRefusedError) return err.code;
    throw err;
  }
  return 'imported';
}

const find = async (bin: string) => (await t.ctx.db.select().from(organisations).where(eq(organisations.bin, bin)))[0];
const total = async () => (await t.ctx.db.select({ n: count() }).from(organisations))[0]!.n;

const ALMATY_DISTRICT = DISTRICTS.find((d) => d.regionCode === 'KZ-19')!;
const ASTANA_DISTRICT = DISTRICTS.find((d) => d.regionCode === 'KZ-71')!;
const serials = new Map<string, number>();
/** A new valid BIN each call, registered in `yymm`; never the same twice. */
function nextBin(yymm = '1203'): string {
  const bin = makeBin(yymm, serials.get(yymm) ?? 1);
  serials.set(yymm, Number(bin.slice(6, 11)) + 1);
  return bin;
}
let userSerial = 1;

const FULL_HEADER = ['bin', 'kind', 'legalForm', 'nameKk', 'nameRu', 'nameEn', 'regionCode', 'districtKato', 'settlement', 'status', 'areas', 'registeredOn', 'phone', 'staffCount'];
const fullRow = (bin: string, n: number) => [
  bin,
  'ngo',
  'public-foundation',
  `«Шұғыла ${n}» қоғамдық қоры`,
  `Общественный фонд «Шугыла ${n}»`,
  `Shugyla Foundation ${n}`,
  'KZ-19',
  ALMATY_DISTRICT.kato,
  'rural',
  'active',
  'children;health',
  '2012-03-15',
  '+7 727 000 00 00',
  String(n),
];

describe('reading files', () => {
  it('imports UTF-8 CSV with a BOM and commas, and a second time changes nothing', async () => {
    const bins = [nextBin(), nextBin()];
    const file = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(csv([FULL_HEADER, fullRow(bins[0]!, 1), fullRow(bins[1]!, 2)]))]);
    expect(await run(file, 'orgs.csv')).toMatchObject({ created: 2, updated: 0, unchanged: 0, rejected: 0, errors: [], written: true, encoding: 'utf-8' });
    const org = await find(bins[0]!);
    expect(org).toMatchObject({ nameKk: '«Шұғыла 1» қоғамдық қоры', nameEn: 'Shugyla Foundation 1', regionCode: 'KZ-19', districtKato: ALMATY_DISTRICT.kato, settlement: 'rural', areas: ['children', 'health'], registeredOn: '2012-03-15', staffCount: 1 });
    expect(await run(file, 'orgs.csv')).toMatchObject({ created: 0, updated: 0, unchanged: 2, rejected: 0 });
  });

  it('reads semicolons and Kazakh or Russian column names, and updates by BIN', async () => {
    const bin = nextBin();
    const kk = csv(
      [
        ['БСН', 'Ұйымдық-құқықтық нысаны', 'Атауы (қазақша)', 'Атауы (орысша)', 'Өңір', 'Қызмет салалары', 'Басшысы'],
        [bin, 'public-association', '«Ақ жол» қоғамдық бірлестігі', 'ОО «Ак жол», г. Актобе', 'KZ-15', 'youth;rights', 'Әсел Серікбаева'],
      ],
      ';',
    );
    expect(await run(kk, 'ақ-жол.csv')).toMatchObject({ created: 1, rejected: 0 });
    expect(await find(bin)).toMatchObject({ nameRu: 'ОО «Ак жол», г. Актобе', areas: ['youth', 'rights'], headName: 'Әсел Серікбаева' });
    const ru = csv(
      [
        ['БИН', 'ОПФ', 'Наименование (на казахском)', 'Наименование (на русском)', 'Регион', 'Руководитель'],
        [bin, 'public-association', '«Ақ жол» қоғамдық бірлестігі', 'ОО «Ак жол», г. Актобе', 'KZ-15', 'Асель Серикбаева'],
      ],
      ';',
    );
    expect(await run(ru, 'ak-zhol.csv')).toMatchObject({ created: 0, updated: 1, rejected: 0 });
    const history = await t.ctx.db.select().from(auditLog).where(eq(auditLog.entityId, (await find(bin))!.id)).orderBy(asc(auditLog.id));
    expect(history.map((e) => [e.action, e.changes.fields])).toEqual([
      ['organisation.import', expect.arrayContaining(['nameKk', 'areas', 'headName'])],
      ['organisation.import', ['headName']],
    ]);
    // Columns the file does not have (areas here) keep their values.
    expect(await find(bin)).toMatchObject({ headName: 'Асель Серикбаева', areas: ['youth', 'rights'] });
    // As people type it: quotes inside a cell without quoting it, a date as Excel writes it in Kazakh or Russian.
    const typed = `БИН;ОПФ;Наименование (на казахском);Наименование (на русском);Регион;Дата регистрации\n${bin};public-association;"«Ақ жол» қоғамдық бірлестігі";ОО "Ак жол", г. Актобе;KZ-15;5.03.2012\n`;
    expect(await run(typed, 'typed.csv')).toMatchObject({ updated: 1, rejected: 0 });
    expect(await find(bin)).toMatchObject({ nameRu: 'ОО "Ак жол", г. Актобе', registeredOn: '2012-03-05', headName: 'Асель Серикбаева' });
  });

  it('decodes Windows-1251 CSV with Russian text, and never stores Kazakh letters it lost', async () => {
    const [good, lost] = [nextBin(), nextBin()];
    const text = csv(
      [
        ['БИН', 'Организационно-правовая форма', 'Наименование (на казахском)', 'Наименование (на русском)', 'Регион', 'Адрес'],
        [good, 'private-institution', 'Мейірім жеке мекемесі', 'Частное учреждение «Мейирим»', 'KZ-39', 'г. Костанай, ул. Тәуелсіздік, 5'],
        [lost, 'private-institution', 'Ақтөбе жастары', 'Частное учреждение «Актобе жастары»', 'KZ-15', ''],
      ],
      ';',
    );
    const bytes = iconv.encode(text, 'win1251');
    expect(() => new TextDecoder('utf-8', { fatal: true }).decode(bytes)).toThrow();
    const result = await run(bytes, 'windows.csv');
    // Row 2 has "Мейірім" (і exists in Windows-1251) but "Тәуелсіздік" lost its ә; row 3 lost Қ and ө.
    expect(result).toMatchObject({ encoding: 'windows-1251', created: 0, rejected: 2 });
    expect(result.errors).toEqual([
      { row: 2, column: 'address', code: 'CHARACTERS_LOST' },
      { row: 3, column: 'nameKk', code: 'CHARACTERS_LOST' },
    ]);
    const russianOnly = iconv.encode(
      csv([
        ['БИН', 'ОПФ', 'Наименование (на казахском)', 'Наименование (на русском)', 'Регион', 'Адрес'],
        [good, 'private-institution', 'Мейірім жеке мекемесі', 'Частное учреждение «Мейирим» — приют №1', 'KZ-39', 'г. Костанай, ул. Ленина, 5'],
      ]),
      'win1251',
    );
    expect(await run(russianOnly, 'windows.csv')).toMatchObject({ created: 1, rejected: 0 });
    expect(await find(good)).toMatchObject({ nameKk: 'Мейірім жеке мекемесі', nameRu: 'Частное учреждение «Мейирим» — приют №1', address: 'г. Костанай, ул. Ленина, 5' });
  });

  it('refuses text it cannot decode for sure, and files that are not the layout', async () => {
    const russian = csv([
      ['БИН', 'ОПФ', 'Наименование (на казахском)', 'Наименование (на русском)', 'Регион'],
      [nextBin(), 'public-association', 'Общественное объединение', 'Общественное объединение «Доброе сердце»', 'KZ-11'],
    ]);
    expect(await refusal(run(iconv.encode(russian, 'koi8-r'), 'koi8.csv'))).toBe('ENCODING');
    expect(await refusal(run(iconv.encode(russian, 'cp866'), 'dos.csv'))).toBe('ENCODING');
    expect(await refusal(run(iconv.encode(russian, 'utf-16le'), 'utf16.csv'))).toBe('ENCODING');
    // Windows-1251 decodes, but its header is not the layout: no guess is trusted.
    const odd = iconv.encode(csv([['Номер', 'Название'], ['1', 'Общественное объединение «Доброе сердце»']]), 'win1251');
    expect(await refusal(run(odd, 'odd.csv'))).toBe('ENCODING');
    expect(await refusal(run(csv([['bin', 'nameKk'], [nextBin(), 'Атауы']]), 'short.csv'))).toBe('COLUMNS_MISSING');
    expect(await refusal(run(csv([['bin', 'БСН', 'legalForm', 'nameKk', 'nameRu', 'regionCode'], [nextBin(), nextBin(), 'other', 'Атауы', 'Название', 'KZ-11']]), 'twice.csv'))).toBe('COLUMN_DUPLICATE');
    expect(await refusal(run(csv([FULL_HEADER]), 'empty.csv'))).toBe('FILE_EMPTY');
    expect(await refusal(run('bin,legalForm,nameKk,nameRu,regionCode\r\n"123,x,y,z,KZ-11\r\n', 'broken.csv'))).toBe('FILE_UNREADABLE');
    expect(await refusal(run(csv([FULL_HEADER]), 'orgs.pdf'))).toBe('FILE_TYPE');
    expect(await refusal(run(Buffer.from('PK\x03\x04garbage'), 'orgs.xlsx'))).toBe('FILE_UNREADABLE');
  });

  it('reads the first worksheet of an XLSX file: numbers, dates, formulas', async () => {
    const oldBin = makeBin('0507', 4242); // registered in 2005: starts with 0
    expect(oldBin.startsWith('0')).toBe(true);
    const newBin = nextBin();
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Тізім');
    sheet.addRow(['БСН', 'ҰҚН', 'Атауы (қазақша)', 'Атауы (орысша)', 'Өңір', 'Тіркелген күні', 'Қызметкерлер саны', 'Сайты']);
    sheet.addRow([Number(oldBin), 'public-association', '«Бірлік» қоғамдық бірлестігі', 'ОО «Бирлик»', 'KZ-75', new Date(Date.UTC(2005, 6, 1)), 12, { text: 'https://birlik.kz', hyperlink: 'https://birlik.kz' }]);
    sheet.addRow([]);
    sheet.addRow([newBin, 'public-foundation', { richText: [{ text: '«Қамқор» ' }, { text: 'қоғамдық қоры', font: { bold: true } }] }, 'ОФ «Камкор»', 'KZ-75', '2019-11-30', { formula: '2*3', result: 6 }, 'https://kamkor.kz']);
    sheet.addRow([nextBin(), 'company', 'ЖШ', 'ТО', 'KZ-75']);
    const bytes = Buffer.from(await workbook.xlsx.writeBuffer());
    const result = await run(bytes, 'тізім.xlsx');
    expect(result).toMatchObject({ created: 2, rejected: 1, encoding: null });
    expect(result.errors).toEqual([
      { row: 5, column: 'legalForm', code: 'LEGAL_FORM' },
      { row: 5, column: 'nameKk', code: 'NAME_KK' },
      { row: 5, column: 'nameRu', code: 'NAME_RU' },
    ]);
    expect(result.headers).toMatchObject({ bin: 'БСН', legalForm: 'ҰҚН' });
    expect(await find(oldBin)).toMatchObject({ registeredOn: '2005-07-01', staffCount: 12, website: 'https://birlik.kz' });
    expect(await find(newBin)).toMatchObject({ nameKk: '«Қамқор» қоғамдық қоры', registeredOn: '2019-11-30', staffCount: 6, website: 'https://kamkor.kz' });
  });
});

describe('validating rows', () => {
  it('reports each bad cell by row and column, and duplicate BINs on the later rows', async () => {
    const [a, b] = [nextBin(), nextBin()];
    const wrongCheckDigit = `${a.slice(0, 11)}${(Number(a[11]) + 1) % 10}`;
    const file = csv([
      FULL_HEADER,
      fullRow(a, 1),
      ['', ...fullRow(b, 2).slice(1)],
      [wrongCheckDigit, ...fullRow(b, 3).slice(1)],
      [b, 'ngo', 'public-foundation', 'Аб', 'ОФ «Бета»', '', 'KZ-19', ASTANA_DISTRICT.kato, 'city', 'open', 'health;sport', '03/15/2012', 'call us', '-1'],
      fullRow(a, 5),
      fullRow(`${b.slice(0, 4)} ${b.slice(4, 8)} ${b.slice(8)}`, 6),
    ]);
    const result = await run(file, 'bad.csv');
    expect(result.errors).toEqual([
      { row: 3, column: 'bin', code: 'BIN_INVALID' },
      { row: 4, column: 'bin', code: 'BIN_INVALID' },
      { row: 5, column: 'nameKk', code: 'NAME_KK' },
      { row: 5, column: 'settlement', code: 'SETTLEMENT' },
      { row: 5, column: 'status', code: 'STATUS' },
      { row: 5, column: 'areas', code: 'AREA' },
      { row: 5, column: 'registeredOn', code: 'DATE' },
      { row: 5, column: 'phone', code: 'PHONE' },
      { row: 5, column: 'staffCount', code: 'COUNT' },
      { row: 6, column: 'bin', code: 'BIN_DUPLICATE' },
      { row: 7, column: 'bin', code: 'BIN_DUPLICATE' },
    ]);
    expect(result).toMatchObject({ created: 1, rejected: 5 });
    const mismatch = await run(csv([FULL_HEADER, fullRow(b, 7).map((c, i) => (FULL_HEADER[i] === 'districtKato' ? ASTANA_DISTRICT.kato : c))]), 'district.csv');
    expect(mismatch.errors).toEqual([{ row: 2, column: 'districtKato', code: 'DISTRICT_REGION' }]);
  });

  it('writes nothing from an all-or-nothing file with one bad row', async () => {
    const before = await total();
    const rows = Array.from({ length: 50 }, (_, i) => fullRow(nextBin(), i));
    rows[37]![FULL_HEADER.indexOf('regionCode')] = 'KZ-99';
    const result = await run(csv([FULL_HEADER, ...rows]), 'all.csv', true);
    expect(result).toMatchObject({ created: 0, updated: 0, unchanged: 0, rejected: 1, written: false, errors: [{ row: 39, column: 'regionCode', code: 'REGION' }] });
    expect(await total()).toBe(before);
    rows[37]![FULL_HEADER.indexOf('regionCode')] = 'KZ-19';
    expect(await run(csv([FULL_HEADER, ...rows]), 'all.csv', true)).toMatchObject({ created: 50, rejected: 0, written: true });
    expect(await total()).toBe(before + 50);
  });

  it('keeps whole batches when stopped half-way, and converges when the file is imported again', async () => {
    const rows = Array.from({ length: 1200 }, (_, i) => fullRow(nextBin('1305'), i));
    const file = csv([FULL_HEADER, ...rows]);
    const before = await total();
    const stopped = importOrganisations(t.ctx, {
      bytes: Buffer.from(file),
      fileName: 'stopped.csv',
      allOrNothing: false,
      actorId: null,
      onProgress: ({ done }) => {
        if (done >= 500) throw new Error('killed');
      },
    });
    await expect(stopped).rejects.toThrow('killed');
    expect(await total()).toBe(before + 500);
    expect(await run(file, 'stopped.csv')).toMatchObject({ created: 700, unchanged: 500, rejected: 0 });
    expect(await total()).toBe(before + 1200);
  });

  it('lets two imports of the same new rows run at once, and each row is created once', async () => {
    const file = csv([FULL_HEADER, ...Array.from({ length: 800 }, (_, i) => fullRow(nextBin('1407'), i))]);
    const before = await total();
    const [a, b] = await Promise.all([run(file, 'a.csv'), run(file, 'b.csv')]);
    expect(a.created + b.created).toBe(800);
    expect([a.created + a.unchanged, b.created + b.unchanged, a.rejected + b.rejected]).toEqual([800, 800, 0]);
    expect(await total()).toBe(before + 800);
    expect((await verifyAuditChain(t.ctx.db)).firstBreak).toBeNull();
  });

  it('imports 10,000 rows with a few broken ones, reports exactly those, and a re-import changes nothing', { timeout: 180_000 }, async () => {
    const districts = DISTRICTS.filter((d) => d.regionCode === 'KZ-15');
    const rows = Array.from({ length: 10_000 }, (_, i) => {
      const d = districts[i % districts.length]!;
      return [nextBin('1911'), i % 3 ? 'public-association' : 'public-foundation', `«Жігер ${i}» қоғамдық бірлестігі`, `ОО «Жигер ${i}»`, 'KZ-15', d.kato, i % 10 ? 'active' : 'inactive', 'youth;employment', `+7 713 ${String(i).padStart(7, '0')}`, String(i % 40)];
    });
    const header = ['bin', 'legalForm', 'nameKk', 'nameRu', 'regionCode', 'districtKato', 'status', 'areas', 'phone', 'staffCount'];
    rows[10]![0] = '123456789012';
    rows[500]![2] = '';
    rows[4321]![4] = 'KZ-99';
    rows[7000]![9] = 'many';
    rows[9999]![0] = rows[0]![0]!;
    const file = Buffer.from(csv([header, ...rows]));
    const expected = [
      { row: 12, column: 'bin', code: 'BIN_INVALID' },
      { row: 502, column: 'nameKk', code: 'NAME_KK' },
      { row: 4323, column: 'regionCode', code: 'REGION' },
      { row: 7002, column: 'staffCount', code: 'COUNT' },
      { row: 10_001, column: 'bin', code: 'BIN_DUPLICATE' },
    ];
    const before = await total();
    let started = performance.now();
    const first = await run(file, 'big.csv');
    const firstMs = performance.now() - started;
    expect(first.errors).toEqual(expected);
    expect(first).toMatchObject({ created: 9995, updated: 0, unchanged: 0, rejected: 5 });
    expect(await total()).toBe(before + 9995);

    started = performance.now();
    const again = await run(file, 'big.csv');
    const againMs = performance.now() - started;
    expect(again).toMatchObject({ created: 0, updated: 0, unchanged: 9995, rejected: 5, errors: expected });
    console.info(`[${engineUnderTest()}] 10,000-row import: ${Math.round(firstMs)} ms; re-import: ${Math.round(againMs)} ms`);
    expect((await verifyAuditChain(t.ctx.db)).firstBreak).toBeNull();
  });
});

describe('exports', () => {
  const download = (url: string) => new TestClient(t.app).get(url);

  it('neutralises formulas: an apostrophe in CSV, a string cell in XLSX; the import takes them back unchanged', async () => {
    const bin = nextBin('0811');
    const header = ['bin', 'legalForm', 'nameKk', 'nameRu', 'nameEn', 'regionCode', 'phone', 'address', 'headName'];
    const row = [bin, 'public-association', '=HYPERLINK("http://evil.example","Мейірім")', '@SUM(A1:A9)', '-2+3', 'KZ-71', '+7 717 200 00 00', "'=already quoted", 'Тест'];
    expect(await run(csv([header, row]), 'formula.csv')).toMatchObject({ created: 1, rejected: 0 });
    expect(await find(bin)).toMatchObject({ nameKk: row[2], nameRu: row[3], nameEn: row[4], phone: row[6], address: '=already quoted' });

    const res = await download(`/kk/organisations/export.csv?q=${bin}`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(res.headers['content-disposition']).toMatch(/^attachment; filename="organisations-\d{4}-\d{2}-\d{2}\.csv"$/);
    expect(res.rawPayload.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    const lines = res.body.replace(/^\uFEFF/, '').split('\r\n');
    expect(lines[0]).toBe('bin;kind;legalForm;nameKk;nameRu;nameEn;shortNameKk;shortNameRu;shortNameEn;regionCode;districtKato;settlement;status;areas;registeredOn;headName;email;phone;address;website;descriptionKk;descriptionRu;staffCount;volunteerCount');
    expect(lines[1]).toContain(`;"'=HYPERLINK(""http://evil.example"",""Мейірім"")";'@SUM(A1:A9);'-2+3;`);
    expect(lines[1]).toContain(";'+7 717 200 00 00;'=already quoted;");
    expect(lines.filter(Boolean)).toHaveLength(2);

    const xlsx = await download(`/en/organisations/export.xlsx?q=${bin}`);
    expect(xlsx.statusCode).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0]!;
    expect(sheet.getRow(1).getCell(1).value).toBe('bin');
    const cell = sheet.getRow(2).getCell(4);
    expect(cell.type).toBe(ExcelJS.ValueType.String);
    expect(cell.value).toBe(row[2]);
    expect(sheet.getRow(2).getCell(1).value).toBe(bin);

    expect(await run(res.rawPayload, 'export.csv')).toMatchObject({ unchanged: 1, rejected: 0 });
    expect(await run(xlsx.rawPayload, 'export.xlsx')).toMatchObject({ unchanged: 1, rejected: 0 });
  });

  it('exports every organisation a search finds, in the import layout, and imports back unchanged', { timeout: 180_000 }, async () => {
    await seedDemo(t.ctx);
    const api = await new TestClient(t.app).get('/api/v1/organisations?region=KZ-15&pageSize=1', { accept: 'application/json' });
    const aktobe = api.json().total as number;
    expect(aktobe).toBeGreaterThan(1000);

    let started = performance.now();
    const csvRes = await download('/ru/organisations/export.csv?region=KZ-15&page=3&pageSize=5');
    const csvMs = performance.now() - started;
    expect(csvRes.statusCode).toBe(200);
    expect(csvRes.body.trimEnd().split('\r\n')).toHaveLength(aktobe + 1);
    started = performance.now();
    const all = await download('/en/organisations/export.xlsx');
    const xlsxMs = performance.now() - started;
    // The register (and so its export) is of NGOs; state bodies are not in it.
    const everyone = (await t.ctx.db.select({ n: count() }).from(organisations).where(eq(organisations.kind, 'ngo')))[0]!.n;
    console.info(`[${engineUnderTest()}] export of ${aktobe} rows as CSV: ${Math.round(csvMs)} ms; of all ${everyone} rows as XLSX: ${Math.round(xlsxMs)} ms`);

    const page = await new TestClient(t.app).get('/kk/organisations?region=KZ-15&status=active&page=2');
    expect(page.body).toContain('href="/kk/organisations/export.csv?region=KZ-15&amp;status=active"');
    expect(page.body).toContain('href="/kk/organisations/export.xlsx?region=KZ-15&amp;status=active"');

    const fromCsv = await run(csvRes.rawPayload, 'aktobe.csv');
    expect(fromCsv).toMatchObject({ created: 0, updated: 0, unchanged: aktobe, rejected: 0 });
    const fromXlsx = await run(all.rawPayload, 'all.xlsx');
    expect(fromXlsx).toMatchObject({ created: 0, updated: 0, unchanged: everyone, rejected: 0 });
  });

  it('refuses a malformed filter', async () => {
    expect((await download('/kk/organisations/export.csv?region=KZ-99')).statusCode).toBe(400);
  });
});

describe('the import page', () => {
  async function signedIn(admin: boolean): Promise<TestClient> {
    const [user] = await t.ctx.db
      .insert(users)
      .values({ email: `user${userSerial++}@example.kz`, name: 'Тест', passwordHash: 'x', emailVerifiedAt: new Date() })
      .returning();
    if (admin) await t.ctx.db.insert(userRoles).values({ userId: user!.id, role: 'admin' });
    const client = new TestClient(t.app);
    client.setCookie(SESSION_COOKIE, (await createSession(t.ctx.db, user!.id, {})).token);
    return client;
  }

  /** Sends the page's multipart form as a browser does, with the CSRF token in its action. */
  async function upload(client: TestClient, lang: string, file: { name: string; bytes: Buffer } | null, allOrNothing = false) {
    const page = await client.get(`/${lang}/admin/import/organisations`);
    const action = /<form method="post" action="([^"]*\/admin\/import\/organisations\?_csrf=[^"]+)"/.exec(page.body)![1]!.replace(/&amp;/g, '&');
    return post(client, action, file, allOrNothing);
  }

  async function post(client: TestClient, action: string, file: { name: string; bytes: Buffer } | null, allOrNothing = false) {
    const boundary = '----ortaq-test-boundary';
    const parts: Buffer[] = [];
    if (allOrNothing) parts.push(Buffer.from(`--${boundary}\r\ncontent-disposition: form-data; name="allOrNothing"\r\n\r\nyes\r\n`));
    parts.push(
      Buffer.from(`--${boundary}\r\ncontent-disposition: form-data; name="file"; filename="${file?.name ?? ''}"\r\ncontent-type: application/octet-stream\r\n\r\n`),
      file?.bytes ?? Buffer.alloc(0),
      Buffer.from(`\r\n--${boundary}--\r\n`),
    );
    const cookie = ['ortaq_session', 'ortaq_csrf'].map((n) => `${n}=${client.cookie(n)}`).join('; ');
    return t.app.inject({ method: 'POST', url: action, payload: Buffer.concat(parts), headers: { 'content-type': `multipart/form-data; boundary=${boundary}`, cookie } });
  }

  it('is for platform administrators only', async () => {
    expect((await new TestClient(t.app).get('/kk/admin/import/organisations')).statusCode).toBe(403);
    const member = await signedIn(false);
    expect((await member.get('/kk/admin/import/organisations')).statusCode).toBe(403);
    const admin = await signedIn(true);
    const home = await admin.get('/kk/');
    expect(home.body).toContain('href="/kk/admin/import/organisations"');
    expect((await member.get('/kk/')).body).not.toContain('/admin/import/organisations');
    // A member's POST with a valid CSRF token of the session (from any page's form) is refused by the policy.
    const token = /name="_csrf" value="([^"]+)"/.exec((await member.get('/en/account')).body)![1]!;
    const bin = nextBin();
    const res = await post(member, `/en/admin/import/organisations?_csrf=${encodeURIComponent(token)}`, { name: 'x.csv', bytes: Buffer.from(csv([FULL_HEADER, fullRow(bin, 1)])) });
    expect(res.statusCode).toBe(403);
    expect(res.body).toContain('You do not have permission');
    expect(await find(bin)).toBeUndefined();
  });

  it('imports a file and shows the counts and each row error in the page language', async () => {
    const admin = await signedIn(true);
    const bin = nextBin();
    const rows = [FULL_HEADER, fullRow(bin, 1), fullRow('940140000386', 2)];
    const res = await upload(admin, 'ru', { name: 'реестр.csv', bytes: Buffer.from(csv(rows)) });
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('Результат импорта файла реестр.csv');
    expect(res.body).toMatch(/<dt>Добавлено<\/dt>\s*<dd>1<\/dd>/);
    expect(res.body).toMatch(/<dt>Отклонено строк<\/dt>\s*<dd>1<\/dd>/);
    expect(res.body).toContain('<td>3</td><td>bin</td><td>Введите 12-значный БИН');
    expect(await find(bin)).toBeDefined();

    const strict = await upload(admin, 'kk', { name: 'strict.csv', bytes: Buffer.from(csv([FULL_HEADER, fullRow(nextBin(), 1), fullRow('940140000386', 2)])) }, true);
    expect(strict.statusCode).toBe(422);
    expect(strict.body).toContain('ештеңе жазылмады');

    const refused = await upload(admin, 'kk', { name: 'koi8.csv', bytes: iconv.encode(csv([['БИН', 'Наименование'], ['1', 'Общественный фонд']]), 'koi8-r') });
    expect(refused.statusCode).toBe(422);
    expect(refused.body).toContain('Файл мәтінінің кодтамасы анықталмады');

    const none = await upload(admin, 'en', null);
    expect(none.statusCode).toBe(422);
    expect(none.body).toContain('Choose a CSV or XLSX file');
  });
});

describe('the ortaq import command', () => {
  let env: Record<string, string>;
  let dir: string;
  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ortaq-import-'));
    env = { DATA_DIR: dir, LOG_LEVEL: 'silent' };
    if (engineUnderTest() === 'postgres') env.DATABASE_URL = (await freshPostgresDatabase()).url;
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  const ortaq = (...args: string[]) => runOrtaq(args, env);

  it('prints one JSON summary and exits 1 when rows were rejected, 0 when none, 2 for a refused file', { timeout: 120_000 }, async () => {
    const file = path.join(dir, 'orgs.csv');
    const good = [nextBin(), nextBin()];
    fs.writeFileSync(file, csv([FULL_HEADER, fullRow(good[0]!, 1), fullRow('940140000386', 2), fullRow(good[1]!, 3)]));
    const first = await ortaq('import', 'organisations', file, '--json');
    expect(first.stderr).toBe('');
    expect(first.code).toBe(1);
    expect(JSON.parse(first.stdout)).toEqual({ created: 2, updated: 0, unchanged: 0, rejected: 1, errors: [{ row: 3, column: 'bin', code: 'BIN_INVALID' }] });
    expect(first.stdout.trim().split('\n')).toHaveLength(1);

    fs.writeFileSync(file, csv([FULL_HEADER, fullRow(good[0]!, 1), fullRow(good[1]!, 3)]));
    const human = await ortaq('import', 'organisations', file);
    expect(human.code).toBe(0);
    expect(human.stdout).toBe(`${file}: 0 created, 0 updated, 2 unchanged, 0 rejected.\n`);

    fs.writeFileSync(file, iconv.encode('БИН;Наименование\n1;Общественный фонд\n', 'koi8-r'));
    const refused = await ortaq('import', 'organisations', file, '--json');
    expect(refused.code).toBe(2);
    expect(JSON.parse(refused.stdout).error.code).toBe('ENCODING');
    const missing = await ortaq('import', 'organisations', path.join(dir, 'nope.csv'));
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('cannot read the file');
    expect(missing.stdout).toBe('');
  });
});
