import { formatters } from '../../core/format/intl.ts';
import { regionName } from '../../core/geo/regions.ts';
import { LOCALE_TAGS } from '../../core/i18n/langs.ts';
import type { MessageRegistry } from '../../core/i18n/messages.ts';
import { createPdf, FONT, mm } from '../../core/pdf/pdf.ts';
import type { MembershipCertificate } from './association-queries.ts';
import type { DocLang } from './documents.ts';

const name = (o: { nameKk: string; nameRu: string }, lang: DocLang) => (lang === 'ru' ? o.nameRu : o.nameKk);

/** The file name a certificate is saved under. */
export function certificateFileName(messages: MessageRegistry, cert: MembershipCertificate, lang: DocLang): string {
  return `${messages.format(lang, 'organisations.certificate.title')} ${cert.certificateNumber}.pdf`;
}

/**
 * A membership certificate of an association (union) of legal entities, in Kazakh or Russian:
 * the association, the certificate's number, the member's full name and BIN, the date of issue
 * and the association's head. One A4 landscape page.
 */
export async function certificatePdf(messages: MessageRegistry, cert: MembershipCertificate, lang: DocLang): Promise<Buffer> {
  const t = (key: string, params?: Record<string, string | number>) => messages.format(lang, key, params);
  const f = formatters(lang);
  const title = `${t('organisations.certificate.title')} ${t('organisations.certificate.number-line', { number: cert.certificateNumber })}`;
  const { doc, toBuffer } = await createPdf({
    title: `${title} — ${name(cert.member, lang)}`,
    lang: LOCALE_TAGS[lang],
    author: name(cert.association, lang),
    subject: t('organisations.certificate.title'),
    layout: 'landscape',
  });
  const { width, height } = doc.page;
  const margin = mm(20);
  const inner = width - 2 * margin;

  doc.lineWidth(2.5).strokeColor('#0b5d8a').rect(mm(10), mm(10), width - mm(20), height - mm(20)).stroke();
  doc.lineWidth(0.8).rect(mm(13), mm(13), width - mm(26), height - mm(26)).stroke();

  const centred = { width: inner, align: 'center' as const };
  doc.fillColor('#1b1f24').font(FONT.bold).fontSize(15).text(name(cert.association, lang), margin, margin + mm(2), centred);
  doc
    .font(FONT.regular)
    .fontSize(9.5)
    .fillColor('#4a5561')
    .text(`${regionName(cert.association.regionCode, lang)} · ${t('organisations.field.bin')} ${cert.association.bin}`, centred);

  doc.moveDown(2.2).fillColor('#08476a').font(FONT.bold).fontSize(30).text(t('organisations.certificate.title').toLocaleUpperCase(lang), centred);
  doc.font(FONT.bold).fontSize(17).text(t('organisations.certificate.number-line', { number: cert.certificateNumber }), centred);

  doc.moveDown(1.6).fillColor('#4a5561').font(FONT.regular).fontSize(11).text(t('organisations.certificate.issued-to'), centred);
  doc.moveDown(0.3).fillColor('#1b1f24').font(FONT.bold).fontSize(17).text(name(cert.member, lang), centred);
  doc.moveDown(0.2).font(FONT.regular).fontSize(12).text(`${t('organisations.field.bin')} ${cert.member.bin}`, centred);
  doc.moveDown(1.2).fontSize(12).text(t('organisations.certificate.statement'), margin + mm(25), doc.y, { width: inner - mm(50), align: 'center' });

  const baseline = height - margin - mm(14);
  const half = inner / 2;
  doc
    .fontSize(11)
    .fillColor('#4a5561')
    .text(t('organisations.certificate.date'), margin + mm(5), baseline, { width: half - mm(10) })
    .fillColor('#1b1f24')
    .font(FONT.bold)
    .fontSize(12)
    .text(f.date(new Date(`${cert.certificateDate}T12:00:00+05:00`)), { width: half - mm(10) });
  const right = margin + half + mm(5);
  doc
    .font(FONT.regular)
    .fontSize(11)
    .fillColor('#4a5561')
    .text(t('organisations.field.head'), right, baseline, { width: half - mm(10), align: 'right' })
    .fillColor('#1b1f24')
    .font(FONT.bold)
    .fontSize(12)
    .text(cert.association.headName ?? '', { width: half - mm(10), align: 'right' });
  const lineY = baseline - mm(7);
  doc.lineWidth(0.6).strokeColor('#4a5561').moveTo(right + half / 3, lineY).lineTo(right + half - mm(10), lineY).stroke();
  doc
    .font(FONT.regular)
    .fontSize(7.5)
    .fillColor('#4a5561')
    .text(`(${t('organisations.certificate.signature')})`, right + half / 3, lineY + 2, { width: half - mm(10) - half / 3, align: 'center' });

  return toBuffer();
}
