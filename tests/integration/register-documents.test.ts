import { execFileSync } from 'node:child_process';
import { and, count, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemo } from '../../src/core/demo/seed.ts';
import { formatters } from '../../src/core/format/intl.ts';
import { makeBin, organisations } from '../../src/modules/organisations/index.ts';
import { TestClient, type TestApp, testApp } from '../support/app.ts';

let t: TestApp;
let client: TestClient;
let associationBin: string;

/** The Kazakh letters that Russian lacks: every one must survive into the PDF's text. */
const KAZAKH_LETTERS = [...'әғқңөұүһі'];
/** Kazakh alphabetical order, as the compilation must follow it (Ә after А, not after Я). */
const KAZAKH_ALPHABET = [...'АӘБВГҒДЕЁЖЗИЙКҚЛМНҢОӨПРСТУҰҮФХҺЦЧШЩЪЫІЬЭЮЯ'];

/** An NGO whose name uses every Kazakh letter, one in Ulytau region (KZ-62) for the compilation. */
const ALL_LETTERS_NAME = '«Шаһар нұры» әжелер мен немерелер, өнер мен ғылым үйінің қоғамдық қоры';

const pdfText = (bytes: Buffer) => execFileSync('/usr/bin/pdftotext', ['-enc', 'UTF-8', '-', '-'], { input: bytes }).toString('utf8');
const bins = (text: string, label: string) => [...text.matchAll(new RegExp(`${label} (\\d{12})`, 'g'))].map((m) => m[1]!);

async function getPdf(url: string) {
  const res = await client.get(url);
  expect(res.statusCode, url).toBe(200);
  expect(res.headers['content-type']).toBe('application/pdf');
  const bytes = res.rawPayload;
  expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
  return { res, bytes, text: pdfText(bytes) };
}

beforeAll(async () => {
  t = await testApp();
  await seedDemo(t.ctx);
  client = new TestClient(t.app);
  const found = (await client.get('/api/v1/organisations?q=Aktobe+NGO+association&pageSize=1', { accept: 'application/json' })).json();
  associationBin = found.items[0].bin;
  await t.ctx.db.insert(organisations).values({
    bin: makeBin('2405', 77123),
    legalForm: 'public-foundation',
    nameKk: ALL_LETTERS_NAME,
    nameRu: 'Общественный фонд «Шаһар нұры»',
    regionCode: 'KZ-62',
    headName: 'Гауһар Жұмабаева',
    address: 'Жезқазған қаласы, Әлихан Бөкейхан көшесі, 1',
    phone: '+7 7102 00 00 00',
  });
});
afterAll(() => t.close());

describe('an association and its members', () => {
  it('lists its 66 member organisations with certificate numbers and dates', async () => {
    const res = await client.get(`/kk/organisations/${associationBin}`);
    expect(res.statusCode).toBe(200);
    const section = /<section class="association-members"[\s\S]*?<\/section>\s*<\/section>/.exec(res.body)?.[0] ?? '';
    const rows = [...section.matchAll(/<tr><th scope="row"><a href="\/kk\/organisations\/(\d{12})"/g)];
    expect(rows).toHaveLength(66);
    expect(section).toContain('Мүше ұйымдар және олардың мүшелік куәліктері (66)');
    expect(section.match(/ҮЕҰҚ-\d{3}/g)).toHaveLength(66);
    expect(section).toContain(`/kk/organisations/${rows[0]![1]}/membership/${associationBin}/certificate.pdf?lang=ru`);
  });

  it('says on a member’s profile what it is a member of, since when, with which certificate', async () => {
    const assoc = await client.get(`/ru/organisations/${associationBin}`);
    const memberBin = /<tr><th scope="row"><a href="\/ru\/organisations\/(\d{12})"/.exec(assoc.body)![1]!;
    const res = await client.get(`/ru/organisations/${memberBin}`);
    expect(res.body).toContain('<h2 id="member-of-heading">Членство в объединениях</h2>');
    expect(res.body).toMatch(/ОЮЛ «Ассоциация НПО Актюбинской области»<\/a> — член с \d{1,2} [а-я]+ \d{4} г\., свидетельство № ҮЕҰҚ-\d{3}\./);
    expect(res.body).toContain('>Свидетельство (на казахском)</a>');
    expect(res.body).toContain('>Свидетельство (на русском)</a>');
    // An organisation that is neither an association nor a member shows neither section.
    const other = (await client.get('/api/v1/organisations?q=Koksu+Zhastary&pageSize=1', { accept: 'application/json' })).json().items[0].bin;
    const plain = await client.get(`/kk/organisations/${other}`);
    expect(plain.body).not.toContain('association-members');
    expect(plain.body).not.toContain('member-of');
  });
});

describe('a membership certificate', () => {
  async function oneMember() {
    const assoc = await client.get(`/kk/organisations/${associationBin}`);
    const row = /<tr><th scope="row"><a href="\/kk\/organisations\/(\d{12})"[^>]*>([^<]+)<\/a><\/th><td class="nowrap">(ҮЕҰҚ-\d{3})<\/td>/.exec(assoc.body)!;
    const member = (await client.get(`/api/v1/organisations/${row[1]}`, { accept: 'application/json' })).json();
    const result = await t.ctx.db.execute<{ d: string }>(sql`select certificate_date::text as d from association_members where certificate_number = ${row[3]}`);
    const certificateDate = (result as unknown as { rows: { d: string }[] }).rows[0]!.d;
    return { bin: row[1]!, nameKk: member.name.kk as string, nameRu: member.name.ru as string, number: row[3]!, date: new Date(`${certificateDate}T12:00:00+05:00`) };
  }

  it('is a PDF in Kazakh with the association, number, member, BIN, date and head', async () => {
    const m = await oneMember();
    const started = performance.now();
    const { res, text, bytes } = await getPdf(`/kk/organisations/${m.bin}/membership/${associationBin}/certificate.pdf?lang=kk`);
    const ms = performance.now() - started;
    console.info(`certificate (kk): ${ms.toFixed(0)} ms, ${bytes.length} bytes`);
    expect(text).toContain('«Ақтөбе облысының үкіметтік емес ұйымдары қауымдастығы» заңды тұлғалар бірлестігі');
    expect(text).toContain('МҮШЕЛІК КУӘЛІГІ');
    expect(text).toContain(`№ ${m.number}`);
    expect(text).toContain(m.nameKk);
    expect(text).toContain(`БСН ${m.bin}`);
    expect(text).toContain(formatters('kk').date(m.date));
    expect(text).toContain('Айгүл Дүйсенова');
    for (const letter of KAZAKH_LETTERS.filter((l) => l !== 'һ')) expect(text, letter).toContain(letter);
    expect(String(res.headers['content-disposition'])).toBe(
      `inline; filename="_______ _______ ${m.number.replace(/[^\x20-\x7e]/g, '_')}.pdf"; filename*=UTF-8''${encodeURIComponent(`Мүшелік куәлігі ${m.number}.pdf`)}`,
    );
    expect(bytes.toString('latin1')).toContain('/Lang (kk-KZ)');
  });

  it('is a PDF in Russian when the reader chooses Russian', async () => {
    const m = await oneMember();
    const { text, bytes } = await getPdf(`/kk/organisations/${m.bin}/membership/${associationBin}/certificate.pdf?lang=ru`);
    expect(text).toContain('ОЮЛ «Ассоциация НПО Актюбинской области»');
    expect(text).toContain('СВИДЕТЕЛЬСТВО О ЧЛЕНСТВЕ');
    expect(text).toContain(`№ ${m.number}`);
    expect(text).toContain(m.nameRu);
    expect(text).toContain(`БИН ${m.bin}`);
    expect(text).toContain(formatters('ru').date(m.date));
    expect(text).toContain('Руководитель');
    expect(text).toContain('Айгүл Дүйсенова');
    expect(bytes.toString('latin1')).toContain('/Lang (ru-KZ)');
  });

  it('answers 404 for an organisation that is not a member, and 400 for another language', async () => {
    const m = await oneMember();
    expect((await client.get(`/kk/organisations/${associationBin}/membership/${m.bin}/certificate.pdf`)).statusCode).toBe(404);
    expect((await client.get(`/kk/organisations/${m.bin}/membership/940140000385/certificate.pdf`)).statusCode).toBe(404);
    expect((await client.get(`/kk/organisations/${m.bin}/membership/${associationBin}/certificate.pdf?lang=en`)).statusCode).toBe(400);
  });
});

describe('a region’s printed compilation', () => {
  const ngoCount = async (region: string) =>
    (await t.ctx.db.select({ n: count() }).from(organisations).where(and(eq(organisations.kind, 'ngo'), eq(organisations.regionCode, region))))[0]!.n;

  it('lists every NGO of Aktobe region in Kazakh, by district, with the counts on its title page', async () => {
    const { text, res } = await getPdf('/kk/organisations/compilation/KZ-15.pdf?lang=kk');
    expect(await ngoCount('KZ-15')).toBe(764);
    const listed = bins(text, 'БСН');
    expect(listed).toHaveLength(764);
    expect(new Set(listed).size).toBe(764);
    expect(text).toContain('Ақтөбе облысы');
    expect(text).toContain('Үкіметтік емес ұйымдар анықтамалығы');
    expect(text).toContain(`Жасалған күні: ${formatters('kk').date(new Date())}`);
    expect(text).toContain('Барлығы 764 ұйым');
    for (const [form, n] of [['Қоғамдық бірлестік', 404], ['Қоғамдық қор', 205], ['Заңды тұлғалар бірлестігі (одақ)', 30], ['Жеке мекеме', 125]] as const) {
      expect(text).toMatch(new RegExp(`${form.replace(/[()]/g, '\\$&')}\\s+${n}\\b`));
    }
    expect(text).toContain('Алға ауданы (');
    expect(text).toContain('Ауданы көрсетілмеген (1)');
    expect(text).toMatch(/Ақтөбе облысы · Үкіметтік емес ұйымдар анықтамалығы · 2-бет, барлығы \d+ бет/);
    expect(text).toContain('764. ');
    expect(text).not.toContain('765. ');
    for (const letter of KAZAKH_LETTERS.filter((l) => l !== 'һ')) expect(text, letter).toContain(letter);
    expect(String(res.headers['content-disposition'])).toContain(`filename*=UTF-8''${encodeURIComponent('Үкіметтік емес ұйымдар анықтамалығы — Ақтөбе облысы.pdf')}`);
  });

  it('lists all 1,029 NGOs of Kostanay region in Russian, quickly', async () => {
    const started = performance.now();
    const { text, bytes } = await getPdf('/kk/organisations/compilation/KZ-39.pdf?lang=ru');
    const ms = performance.now() - started;
    console.info(`compilation KZ-39 (ru): ${ms.toFixed(0)} ms, ${bytes.length} bytes`);
    expect(ms).toBeLessThan(10_000);
    expect(await ngoCount('KZ-39')).toBe(1029);
    expect(bins(text, 'БИН')).toHaveLength(1029);
    expect(text).toContain('Костанайская область');
    expect(text).toContain('Справочник неправительственных организаций');
    expect(text).toMatch(/Всего 1\s?029 организаций/);
    expect(text).toMatch(/стр\. 2 из \d+/);
  });

  it('puts names in Kazakh alphabetical order within each district (Ә right after А)', async () => {
    const { text } = await getPdf('/kk/organisations/compilation/KZ-39.pdf?lang=kk');
    expect(bins(text, 'БСН')).toHaveLength(1029);
    const groups: string[][] = [];
    for (const line of text.split('\n')) {
      if (/^.+ \([\d\u00a0 ]+\)$/.test(line) && !/^\d+\. /.test(line)) groups.push([]);
      const first = /^\d+\. «(.)/.exec(line)?.[1];
      if (first && groups.length) groups[groups.length - 1]!.push(first.toUpperCase());
    }
    expect(groups.length).toBeGreaterThan(5);
    let sawA = false;
    for (const letters of groups) {
      const ranks = letters.map((l) => KAZAKH_ALPHABET.indexOf(l));
      expect(ranks.every((r, i) => r >= 0 && (i === 0 || r >= ranks[i - 1]!)), letters.join('')).toBe(true);
      if (letters.includes('Ә')) sawA = true;
    }
    expect(sawA).toBe(true);
  });

  it('renders every Kazakh letter, and the address and phone when the register has them', async () => {
    const { text } = await getPdf('/ru/organisations/compilation/KZ-62.pdf?lang=kk');
    expect(bins(text, 'БСН')).toHaveLength(await ngoCount('KZ-62'));
    expect(text).toContain(ALL_LETTERS_NAME);
    for (const letter of KAZAKH_LETTERS) expect(text, letter).toContain(letter);
    expect(text).toContain('Басшысы: Гауһар Жұмабаева · Мекенжайы: Жезқазған қаласы, Әлихан Бөкейхан көшесі, 1 · Телефоны:');
    expect(text.replace(/\s+/g, ' ')).toContain('Телефоны: +7 7102 00 00 00');
  });

  it('answers 404 for an unknown region and 400 for another language', async () => {
    expect((await client.get('/kk/organisations/compilation/KZ-99.pdf')).statusCode).toBe(404);
    expect((await client.get('/kk/organisations/compilation/KZ-15.txt')).statusCode).toBe(404);
    expect((await client.get('/kk/organisations/compilation/KZ-15.pdf?lang=en')).statusCode).toBe(400);
  });
});

describe('the register in figures', () => {
  const row = (body: string, table: string, name: string) => {
    const html = new RegExp(`<table class="figures-table" id="${table}">[\\s\\S]*?</table>`).exec(body)![0];
    const tr = new RegExp(`<tr><th scope="row">${name}</th>(.*?)</tr>`).exec(html)![1]!;
    return [...tr.matchAll(/<td[^>]*>([^<]*)<\/td>/g)].map((m) => m[1]);
  };

  it('counts NGOs by region × legal form and × status, as the seeds do', async () => {
    const res = await client.get('/en/organisations/figures');
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('<caption id="figures-by-form-caption">NGOs by region and legal form</caption>');
    expect(res.body).toContain('<th scope="col" class="num">Public association</th>');
    expect(row(res.body, 'figures-by-form', 'Aktobe Region')).toEqual(['404', '205', '30', '125', '0', '764']);
    expect(row(res.body, 'figures-by-form', 'Kostanay Region').at(-1)).toBe('1,029');
    const status = row(res.body, 'figures-by-status', 'Aktobe Region');
    expect(status.at(-1)).toBe('764');
    expect(Number(status[0])).toBeGreaterThanOrEqual(100);
    expect(Number(status[0])).toBeLessThan(110);
    expect(res.body).toMatch(/<tfoot><tr><th scope="row">Total<\/th>/);
  });

  it('formats numbers in the reader’s language', async () => {
    const kk = await client.get('/kk/organisations/figures');
    expect(row(kk.body, 'figures-by-form', 'Қостанай облысы').at(-1)).toBe('1\u00a0029');
    expect(row(kk.body, 'figures-by-form', 'Ақтөбе облысы')).toEqual(['404', '205', '30', '125', '0', '764']);
    const ru = await client.get('/ru/organisations/figures');
    expect(row(ru.body, 'figures-by-form', 'Костанайская область').at(-1)).toBe('1\u00a0029');
  });

  it('draws an accessible SVG chart with no inline styles', async () => {
    const { body } = await client.get('/en/organisations/figures');
    const svg = /<svg [^>]*class="chart-svg"[^>]*>[\s\S]*?<\/svg>/.exec(body)![0];
    expect(svg).toMatch(/role="img"/);
    expect(svg).toMatch(/aria-labelledby="figures-chart-title"/);
    expect(svg).toMatch(/xmlns="http:\/\/www\.w3\.org\/2000\/svg"/);
    expect(svg).toContain('<title id="figures-chart-title">NGOs by region and legal form</title>');
    expect(svg).toMatch(/<desc id="figures-chart-desc">[^<]*Kostanay Region with 1,029/);
    expect(svg).toContain('>Aktobe Region</text>');
    expect(body).not.toMatch(/\sstyle=/);
    expect(body).not.toContain('<style');
    expect(body).toContain('<ul class="chart-legend" aria-label="Legal forms">');
  });

  it('breaks one region down by district and links its compilations', async () => {
    const res = await client.get('/en/organisations/figures?region=KZ-15');
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('NGOs of Aktobe Region by district and legal form');
    expect(row(res.body, 'figures-by-form', 'Total')).toEqual(['404', '205', '30', '125', '764']);
    expect(res.body).toContain('href="/en/organisations/compilation/KZ-15.pdf?lang=kk"');
    expect(res.body).toContain('href="/en/organisations/compilation/KZ-15.pdf?lang=ru"');
    expect((await client.get('/en/organisations/figures?region=KZ-99')).statusCode).toBe(400);
  });

  it('is linked from the register, with the compilations when a region is chosen', async () => {
    const plain = await client.get('/kk/organisations');
    expect(plain.body).toContain('href="/kk/organisations/figures"');
    expect(plain.body).not.toContain('/compilation/');
    const aktobe = await client.get('/kk/organisations?region=KZ-15');
    expect(aktobe.body).toContain('href="/kk/organisations/compilation/KZ-15.pdf?lang=kk"');
    expect(aktobe.body).toContain('href="/kk/organisations/compilation/KZ-15.pdf?lang=ru"');
  });
});
