import { formatters } from '../../core/format/intl.ts';
import { LOCALE_TAGS } from '../../core/i18n/langs.ts';
import type { MessageRegistry } from '../../core/i18n/messages.ts';
import { createPdf, FONT, mm } from '../../core/pdf/pdf.ts';
import { organisationName } from '../organisations/index.ts';
import type { OrganisationRef, PublicCompetition } from './queries.ts';
import { localised } from './records.ts';
import { placeName } from './views/public-parts.tsx';

/** The protocol is issued in the two languages of official documents. */
export const PROTOCOL_LANGS = ['kk', 'ru'] as const;
export type ProtocolLang = (typeof PROTOCOL_LANGS)[number];

const INK = '#1b1f24';
const MUTED = '#4a5561';
const BRAND = '#08476a';
const RULE = '#cfd8df';

/** The file name the protocol is saved under, e.g. «Хаттама 2019-G-001.pdf». */
export function protocolFileName(messages: MessageRegistry, number: string, lang: ProtocolLang): string {
  return `${messages.format(lang, 'competitions.public.protocol.file')} ${number}.pdf`;
}

/**
 * The protocol of a competition's results, in Kazakh or Russian: the competition, its organiser
 * and date of publication, the commission and its quorum, and for each lot the applications
 * received and admitted, the ranking with scores, the winner and award or why the lot failed.
 * Experts' names appear only in the commission's list, never beside scores.
 */
export async function protocolPdf(messages: MessageRegistry, data: PublicCompetition, lang: ProtocolLang, sourceUrl: string): Promise<Buffer> {
  const t = messages.translator(lang);
  const f = formatters(lang);
  const c = data.competition;
  const title = t('competitions.public.protocol.title');
  const name = (o: OrganisationRef) => organisationName(o, lang);
  const { doc, toBuffer } = await createPdf({
    title: `${title} — ${c.number}`,
    lang: LOCALE_TAGS[lang],
    author: name(data.organiser),
    subject: localised(c, lang),
    marginMm: 18,
    footer: (page, pages) => t('competitions.public.protocol.footer', { number: c.number, page: String(page), pages: String(pages) }),
  });
  const left = doc.page.margins.left;
  const width = doc.page.width - left - doc.page.margins.right;
  const bottom = () => doc.page.height - doc.page.margins.bottom;
  const ensure = (height: number) => {
    if (doc.y + height > bottom()) doc.addPage();
  };
  const line = () => {
    doc.lineWidth(0.4).strokeColor(RULE).moveTo(left, doc.y).lineTo(left + width, doc.y).stroke();
    doc.y += 3;
  };
  const fact = (label: string, value: string) => {
    ensure(28);
    const y = doc.y;
    doc.font(FONT.bold).fontSize(9.5).fillColor(MUTED).text(label, left, y, { width: mm(52) });
    const afterLabel = doc.y;
    doc.font(FONT.regular).fontSize(10).fillColor(INK).text(value, left + mm(55), y, { width: width - mm(55) });
    doc.y = Math.max(afterLabel, doc.y) + 2;
  };
  const heading = (text: string, size = 13) => {
    ensure(60);
    doc.moveDown(0.8).font(FONT.bold).fontSize(size).fillColor(BRAND).text(text, left, doc.y, { width });
    doc.moveDown(0.3);
  };
  const para = (text: string, opts: { bold?: boolean; color?: string; size?: number } = {}) => {
    doc
      .font(opts.bold ? FONT.bold : FONT.regular)
      .fontSize(opts.size ?? 10)
      .fillColor(opts.color ?? INK)
      .text(text, left, doc.y, { width });
  };

  // Heading and the competition's facts.
  doc.font(FONT.regular).fontSize(9).fillColor(MUTED).text('Ortaq', left, doc.page.margins.top, { width, align: 'right' });
  doc.moveDown(0.5).font(FONT.bold).fontSize(18).fillColor(BRAND).text(title, left, doc.y, { width, align: 'center' });
  doc.moveDown(0.3).font(FONT.bold).fontSize(13).fillColor(INK).text(localised(c, lang), { width, align: 'center' });
  doc.moveDown(1);
  fact(t('competitions.public.field.number'), c.number);
  fact(t('competitions.public.field.instrument'), t(`competitions.instrument.${c.instrument}`));
  fact(t('competitions.public.field.organiser'), `${name(data.organiser)} (${t('competitions.public.protocol.bin')} ${data.organiser.bin})`);
  if (data.customer) fact(t('competitions.public.field.customer'), name(data.customer));
  fact(t('competitions.public.field.rules'), localised(data.rule, lang));
  fact(t('competitions.public.field.region'), placeName(c.regionCode, lang, t));
  fact(t('competitions.public.field.total-budget'), f.money(data.budgetTiyn));
  fact(t('competitions.public.protocol.deadline'), f.dateTime(c.deadlineAt));
  if (c.publishedAt) fact(t('competitions.public.protocol.published'), f.dateTime(c.publishedAt));
  fact(t('competitions.public.protocol.max-score'), t('competitions.public.results.rule', { max: f.number(data.maxScore), pass: f.number(data.rule.definition.passPercent) }));

  // The commission.
  if (data.commission) {
    heading(t('competitions.public.commission.title'));
    para(t('competitions.public.commission.summary', { members: data.commission.members.length, quorum: data.commission.quorum, scored: data.commission.scored }));
    doc.moveDown(0.3);
    data.commission.members.forEach((member, i) => {
      ensure(16);
      para(`${i + 1}. ${member}`);
    });
  }

  // Lot by lot.
  const cols = { rank: mm(14), score: mm(34), award: mm(34) };
  const orgWidth = width - cols.rank - cols.score - cols.award;
  for (const lot of data.lots) {
    const l = lot.lot;
    heading(`${t('competitions.public.results.lot', { number: String(l.number) })} ${localised(l, lang)}`, 12);
    para(`${t('competitions.public.field.budget')}: ${f.money(l.budgetTiyn)} · ${placeName(l.regionCode, lang, t)}`, { color: MUTED, size: 9.5 });
    para(t('competitions.public.lot.counts', { received: f.number(lot.received), admitted: f.number(lot.admitted) }), { color: MUTED, size: 9.5 });
    doc.moveDown(0.4);
    if (lot.ranking.length) {
      ensure(40);
      const headY = doc.y;
      doc.font(FONT.bold).fontSize(9).fillColor(MUTED);
      doc.text(t('competitions.public.ranking.rank'), left, headY, { width: cols.rank });
      doc.text(t('competitions.public.ranking.organisation'), left + cols.rank, headY, { width: orgWidth });
      doc.text(t('competitions.public.ranking.score'), left + cols.rank + orgWidth, headY, { width: cols.score, align: 'right' });
      doc.text(t('competitions.public.field.award'), left + cols.rank + orgWidth + cols.score, headY, { width: cols.award, align: 'right' });
      doc.y = doc.y + 2;
      line();
      for (const r of lot.ranking) {
        const orgText = `${name(r.organisation)} (${t('competitions.public.protocol.bin')} ${r.organisation.bin})${r.winner ? ` — ${t('competitions.public.ranking.winner')}` : ''}`;
        doc.font(r.winner ? FONT.bold : FONT.regular).fontSize(10);
        ensure(doc.heightOfString(orgText, { width: orgWidth }) + 8);
        const y = doc.y;
        doc.fillColor(INK).text(String(r.rank), left, y, { width: cols.rank });
        doc.text(orgText, left + cols.rank, y, { width: orgWidth });
        const after = doc.y;
        doc.text(t('competitions.public.ranking.score-of', { score: f.number(r.score), max: f.number(data.maxScore) }), left + cols.rank + orgWidth, y, {
          width: cols.score,
          align: 'right',
        });
        doc.text(r.awardTiyn !== null ? f.money(r.awardTiyn) : '—', left + cols.rank + orgWidth + cols.score, y, { width: cols.award, align: 'right' });
        doc.y = after + 2;
        line();
      }
      doc.moveDown(0.3);
    }
    if (l.outcome === 'awarded' && lot.winner && l.awardTiyn !== null) {
      para(t('competitions.public.protocol.winner', { organisation: name(lot.winner), amount: f.money(l.awardTiyn) }), { bold: true });
    } else if (l.failureReason) {
      para(t(`competitions.failure.${l.failureReason}`), { bold: true });
    }
    if (lot.notAdmitted.length) {
      doc.moveDown(0.4);
      para(t('competitions.public.results.not-admitted'), { bold: true, size: 9.5 });
      for (const a of lot.notAdmitted) {
        ensure(16);
        para(`• ${name(a.organisation)}${a.reason ? ` — ${t('competitions.public.results.reason')}: ${a.reason}` : ''}`, { size: 9.5 });
      }
    }
  }

  doc.moveDown(1.5);
  ensure(30);
  para(t('competitions.public.protocol.note'), { color: MUTED, size: 8.5 });
  doc.font(FONT.regular).fontSize(8.5).fillColor(BRAND).text(sourceUrl, left, doc.y, { width, link: sourceUrl, underline: false });
  return toBuffer();
}
