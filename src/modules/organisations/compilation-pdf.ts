import { and, asc, eq, sql } from 'drizzle-orm';
import type { Db } from '../../core/db/client.ts';
import { formatters } from '../../core/format/intl.ts';
import { DISTRICTS } from '../../core/geo/districts.ts';
import { regionName } from '../../core/geo/regions.ts';
import { LOCALE_TAGS } from '../../core/i18n/langs.ts';
import type { MessageRegistry } from '../../core/i18n/messages.ts';
import { createPdf, FONT, mm } from '../../core/pdf/pdf.ts';
import type { DocLang } from './documents.ts';
import { LEGAL_FORMS, ORGANISATION_STATUSES, organisations } from './schema.ts';

/**
 * A region's NGOs as a printed compilation: grouped by district (KATO order, then those without
 * a district), in Kazakh alphabetical order of the document's language within each group.
 */
export async function compilationEntries(db: Db, regionCode: string, lang: DocLang) {
  const name = lang === 'ru' ? organisations.nameRu : organisations.nameKk;
  return db
    .select({
      bin: organisations.bin,
      name,
      legalForm: organisations.legalForm,
      status: organisations.status,
      headName: organisations.headName,
      address: organisations.address,
      phone: organisations.phone,
      districtKato: organisations.districtKato,
    })
    .from(organisations)
    .where(and(eq(organisations.kind, 'ngo'), eq(organisations.regionCode, regionCode)))
    .orderBy(sql`${organisations.districtKato} asc nulls last`, asc(sql`${name} collate kazakh`), asc(organisations.bin));
}
export type CompilationEntry = Awaited<ReturnType<typeof compilationEntries>>[number];

/** The file name a compilation is saved under, e.g. «ҮЕҰ анықтамалығы — Ақтөбе облысы.pdf». */
export function compilationFileName(messages: MessageRegistry, regionCode: string, lang: DocLang): string {
  return `${messages.format(lang, 'organisations.compilation.title')} — ${regionName(regionCode, lang)}.pdf`;
}

const INK = '#1b1f24';
const MUTED = '#4a5561';
const BRAND = '#08476a';

/**
 * Lays out the compilation: a title page (region, date of compilation in Asia/Almaty, counts by
 * legal form and status), then every organisation with its legal form, BIN, status, head and
 * contacts; page numbers in the footer; one PDF bookmark per district.
 */
export async function compilationPdf(
  messages: MessageRegistry,
  input: { regionCode: string; lang: DocLang; entries: CompilationEntry[]; at: Date; sourceUrl: string },
): Promise<Buffer> {
  const { regionCode, lang, entries } = input;
  const t = (key: string, params?: Record<string, string | number>) => messages.format(lang, key, params);
  const f = formatters(lang);
  const region = regionName(regionCode, lang);
  const title = t('organisations.compilation.title');
  const { doc, toBuffer } = await createPdf({
    title: `${title} — ${region}`,
    lang: LOCALE_TAGS[lang],
    author: 'Ortaq',
    subject: title,
    marginMm: 18,
    footer: (page, pages) => (page === 1 ? null : t('organisations.compilation.footer', { region, title, page: String(page), pages: String(pages) })),
  });
  const left = doc.page.margins.left;
  const width = doc.page.width - left - doc.page.margins.right;
  const bottom = () => doc.page.height - doc.page.margins.bottom;

  // Title page.
  doc.font(FONT.regular).fontSize(10).fillColor(MUTED).text('Ortaq', left, doc.page.margins.top, { width, align: 'right' });
  doc.moveDown(6).font(FONT.bold).fontSize(28).fillColor(BRAND).text(region, left, doc.y, { width });
  doc.moveDown(0.3).font(FONT.bold).fontSize(18).fillColor(INK).text(title, { width });
  doc.moveDown(1).font(FONT.regular).fontSize(11).fillColor(MUTED).text(`${t('organisations.compilation.compiled-on')}: ${f.date(input.at)}`, { width });
  doc.moveDown(1.5).font(FONT.bold).fontSize(13).fillColor(INK).text(t('organisations.compilation.total', { count: entries.length }), { width });

  const countTable = (heading: string, rows: [string, number][]) => {
    doc.moveDown(1).font(FONT.bold).fontSize(11).fillColor(INK).text(heading, left, doc.y, { width });
    doc.moveDown(0.3);
    for (const [label, n] of rows) {
      const y = doc.y;
      doc.font(FONT.regular).fontSize(10.5).text(label, left, y, { width: width - mm(30) });
      const after = doc.y;
      doc.text(f.number(n), left + width - mm(30), y, { width: mm(30), align: 'right' });
      doc.y = after + 2;
      doc.lineWidth(0.4).strokeColor('#cfd8df').moveTo(left, doc.y).lineTo(left + width, doc.y).stroke();
      doc.y += 3;
    }
  };
  const tally = <K extends string>(keys: readonly K[], of: (e: CompilationEntry) => K) => {
    const counts = new Map<K, number>();
    for (const e of entries) counts.set(of(e), (counts.get(of(e)) ?? 0) + 1);
    return keys.filter((k) => counts.has(k)).map((k) => [k, counts.get(k)!] as const);
  };
  countTable(
    t('organisations.field.legal-form'),
    tally(LEGAL_FORMS, (e) => e.legalForm).map(([k, n]) => [t(`organisations.legal-form.${k}`), n]),
  );
  countTable(
    t('organisations.field.status'),
    tally(ORGANISATION_STATUSES, (e) => e.status).map(([k, n]) => [t(`organisations.status.${k}`), n]),
  );
  doc
    .moveDown(2)
    .font(FONT.regular)
    .fontSize(9)
    .fillColor(MUTED)
    .text(t('organisations.compilation.note'), left, doc.y, { width })
    .moveDown(0.3)
    .text(input.sourceUrl, { width, link: input.sourceUrl, underline: false });

  // The organisations, district by district.
  const districtNames = new Map(DISTRICTS.filter((d) => d.regionCode === regionCode).map((d) => [d.kato, d.name[lang]]));
  const groups: { name: string; entries: CompilationEntry[] }[] = [];
  for (const e of entries) {
    const name = e.districtKato ? (districtNames.get(e.districtKato) ?? e.districtKato) : t('organisations.compilation.no-district');
    const last = groups[groups.length - 1];
    if (last && last.name === name) last.entries.push(e);
    else groups.push({ name, entries: [e] });
  }

  const indent = mm(9);
  const textWidth = width - indent;
  const labels = {
    bin: t('organisations.field.bin'),
    head: t('organisations.field.head'),
    address: t('organisations.compilation.address'),
    phone: t('organisations.compilation.phone'),
  };
  const formName = new Map(LEGAL_FORMS.map((k) => [k, t(`organisations.legal-form.${k}`)]));
  const statusName = new Map(ORGANISATION_STATUSES.map((k) => [k, t(`organisations.status.${k}`)]));
  const entryLines = (e: CompilationEntry) => {
    const details = [e.headName ? `${labels.head}: ${e.headName}` : null, e.address ? `${labels.address}: ${e.address}` : null, e.phone ? `${labels.phone}: ${e.phone}` : null]
      .filter(Boolean)
      .join(' · ');
    return { facts: `${formName.get(e.legalForm)} · ${labels.bin} ${e.bin} · ${statusName.get(e.status)}`, details };
  };
  // Laying a line out twice (to measure, then to write) is the slow part: a line that fits is
  // measured by its width alone, and only longer texts are wrapped to find their height.
  const heightOf = (text: string, font: string, size: number) => {
    doc.font(font).fontSize(size);
    return doc.widthOfString(text) <= textWidth ? doc.currentLineHeight(true) : doc.heightOfString(text, { width: textWidth });
  };
  const measure = (e: CompilationEntry) => {
    const { facts, details } = entryLines(e);
    return heightOf(e.name, FONT.bold, 10) + heightOf(facts, FONT.regular, 8.5) + (details ? heightOf(details, FONT.regular, 8.5) : 0) + 5;
  };

  doc.addPage();
  let number = 0;
  for (const group of groups) {
    const headingHeight = 30;
    if (number > 0) doc.moveDown(0.8);
    // A district's heading never ends a page: it stays with its first organisation.
    if (doc.y + headingHeight + measure(group.entries[0]!) > bottom()) doc.addPage();
    doc.outline.addItem(`${group.name} (${group.entries.length})`);
    doc.font(FONT.bold).fontSize(13).fillColor(BRAND).text(`${group.name} (${f.number(group.entries.length)})`, left, doc.y, { width });
    const ruleY = doc.y + 1;
    doc.lineWidth(0.8).strokeColor(BRAND).moveTo(left, ruleY).lineTo(left + width, ruleY).stroke();
    doc.y = ruleY + 5;
    for (const e of group.entries) {
      number++;
      if (doc.y + measure(e) > bottom()) doc.addPage();
      const { facts, details } = entryLines(e);
      const y = doc.y;
      doc.font(FONT.regular).fontSize(10).fillColor(MUTED).text(`${number}.`, left, y, { width: indent - 3, align: 'right' });
      doc.font(FONT.bold).fontSize(10).fillColor(INK).text(e.name, left + indent, y, { width: textWidth });
      doc.font(FONT.regular).fontSize(8.5).fillColor(MUTED).text(facts, { width: textWidth });
      if (details) doc.fillColor(INK).text(details, { width: textWidth });
      doc.y += 5;
    }
  }

  return toBuffer();
}
