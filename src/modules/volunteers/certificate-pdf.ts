import { formatters } from '../../core/format/intl.ts';
import { LOCALE_TAGS } from '../../core/i18n/langs.ts';
import type { MessageRegistry } from '../../core/i18n/messages.ts';
import { createPdf, FONT, mm } from '../../core/pdf/pdf.ts';
import { durationText } from './volunteer-book.ts';
import type { CertificatePayload } from './verify-certificate.ts';

const INK = '#1b1f24';
const MUTED = '#4a5561';
const ACCENT = '#0b5d8a';

/** Past this, a QR code printed 48 mm wide gets too dense to scan from paper. */
const QR_MAX = 1800;

/**
 * The address the certificate's QR code opens: the verification page with the signed data, so
 * altered paper fails. A very long certificate (dozens of organisations) gets the plain page.
 */
export function qrUrl(payload: CertificatePayload, token: string): string {
  const full = `${payload.url}?s=${token}`;
  return full.length <= QR_MAX ? full : payload.url;
}

/**
 * A certificate of volunteer hours, in its language (Kazakh or Russian), drawn from the signed
 * payload only: the volunteer, the totals by organisation, area and year, the code, a QR code of
 * the verification address and, in small print, the signature.
 */
export async function certificatePdf(
  messages: MessageRegistry,
  cert: { payload: CertificatePayload; signature: string; token: string; publicKeyUrl: string },
): Promise<Buffer> {
  const { payload } = cert;
  const lang = payload.lang;
  const t = (key: string, params?: Record<string, string | number>) => messages.format(lang, key, params);
  const f = formatters(lang);
  const duration = (minutes: number) => durationText(t, f, minutes);
  const { doc, toBuffer } = await createPdf({
    title: `${t('volunteers.certificate.title')} ${payload.code} — ${payload.volunteer.name}`,
    lang: LOCALE_TAGS[lang],
    author: 'Ortaq',
    subject: t('volunteers.certificate.title'),
    marginMm: 22,
  });
  const { width, height } = doc.page;
  const left = mm(22);
  const inner = width - 2 * left;
  const centred = { width: inner, align: 'center' as const };

  const frame = () => {
    doc.save().lineWidth(2).strokeColor(ACCENT).rect(mm(10), mm(10), width - mm(20), height - mm(20)).stroke().restore();
  };
  frame();
  doc.on('pageAdded', frame);

  doc.fillColor(MUTED).font(FONT.regular).fontSize(10).text(t('volunteers.certificate.platform'), left, mm(22), centred);
  doc.moveDown(1.2).fillColor(ACCENT).font(FONT.bold).fontSize(24).text(t('volunteers.certificate.title').toLocaleUpperCase(LOCALE_TAGS[lang]), centred);
  doc.font(FONT.bold).fontSize(15).text(t('volunteers.certificate.number', { code: payload.code }), centred);

  doc.moveDown(1.2).fillColor(MUTED).font(FONT.regular).fontSize(11).text(t('volunteers.certificate.issued-to'), centred);
  doc.moveDown(0.2).fillColor(INK).font(FONT.bold).fontSize(18).text(payload.volunteer.name, centred);
  if (payload.volunteer.birthYear !== null) doc.font(FONT.regular).fontSize(11).fillColor(MUTED).text(t('volunteers.certificate.born', { year: String(payload.volunteer.birthYear) }), centred);
  doc.moveDown(0.8).fillColor(INK).font(FONT.regular).fontSize(12).text(t('volunteers.certificate.statement', { duration: duration(payload.totalMinutes) }), left + mm(10), doc.y, {
    width: inner - mm(20),
    align: 'center',
  });

  const table = (heading: string, rows: { label: string; minutes: number }[]) => {
    doc.moveDown(1).fillColor(ACCENT).font(FONT.bold).fontSize(12).text(heading, left, doc.y, { width: inner });
    doc.moveDown(0.2);
    for (const row of rows) {
      const y = doc.y;
      doc.fillColor(INK).font(FONT.regular).fontSize(10.5).text(row.label, left, y, { width: inner - mm(40) });
      const after = doc.y;
      doc.text(duration(row.minutes), left + inner - mm(38), y, { width: mm(38), align: 'right' });
      doc.y = Math.max(after, doc.y);
      doc.save().lineWidth(0.3).strokeColor('#c5ccd3').moveTo(left, doc.y + 1).lineTo(left + inner, doc.y + 1).stroke().restore();
      doc.y += 3;
    }
  };
  table(
    t('volunteers.book.by-organisation'),
    payload.byOrganisation.map((o) => ({ label: o.informal ? `${o.name} ${t('volunteers.book.informal')}` : o.name, minutes: o.minutes })),
  );
  table(
    t('volunteers.book.by-area'),
    payload.byArea.map((a) => ({ label: a.name, minutes: a.minutes })),
  );
  table(
    t('volunteers.book.by-year'),
    payload.byYear.map((y) => ({ label: String(y.year), minutes: y.minutes })),
  );

  // The verification block (QR, how to check, the signature) stays together on one page.
  const qrSize = mm(48);
  const block = qrSize + mm(24);
  if (doc.y + mm(8) + block > height - mm(22)) doc.addPage();
  const top = Math.max(doc.y + mm(8), height - mm(22) - block);
  await drawQr(doc, qrUrl(payload, cert.token), left, top, qrSize);
  const textLeft = left + qrSize + mm(6);
  const textWidth = inner - qrSize - mm(6);
  doc
    .fillColor(MUTED)
    .font(FONT.regular)
    .fontSize(10)
    .text(t('volunteers.certificate.issued-at'), textLeft, top + mm(2), { width: textWidth })
    .fillColor(INK)
    .font(FONT.bold)
    .fontSize(11)
    .text(f.date(new Date(payload.issuedAt)), { width: textWidth });
  doc.moveDown(0.6).font(FONT.regular).fontSize(10).text(t('volunteers.certificate.check', { url: payload.url.replace(/\/[^/]+$/, ''), code: payload.code }), { width: textWidth });
  doc
    .fillColor(MUTED)
    .fontSize(6.5)
    .text(t('volunteers.certificate.signature-line', { keyId: payload.keyId, keyUrl: cert.publicKeyUrl, signature: cert.signature }), left, top + qrSize + mm(4), { width: inner });
  return toBuffer();
}

/** The QR code drawn as vector squares, with its quiet zone, so it prints sharp at any size. */
async function drawQr(doc: PDFKit.PDFDocument, text: string, x: number, y: number, size: number) {
  const { default: QRCode } = await import('qrcode');
  const { modules } = QRCode.create(text, { errorCorrectionLevel: 'M' });
  const quiet = 4;
  const cell = size / (modules.size + 2 * quiet);
  doc.save().rect(x, y, size, size).fill('#ffffff');
  // One rectangle per run of dark modules in a row: no hairline seams between neighbours when rendered.
  for (let row = 0; row < modules.size; row++) {
    for (let col = 0; col < modules.size; ) {
      if (!modules.get(row, col)) {
        col++;
        continue;
      }
      const start = col;
      while (col < modules.size && modules.get(row, col)) col++;
      doc.rect(x + (start + quiet) * cell, y + (row + quiet) * cell, (col - start) * cell, cell);
    }
  }
  doc.fill('#000000').restore();
}
