import fs from 'node:fs';
import { createRequire } from 'node:module';

/**
 * PDF documents in Kazakh, Russian and English. pdfkit needs a full TrueType font: the web font
 * files (woff, woff2) lack the Kazakh letters or crash it, so the Noto Sans TTFs are embedded
 * (subset to the glyphs used).
 */
export const FONT = { regular: 'NotoSans', bold: 'NotoSans-Bold' } as const;

const require = createRequire(import.meta.url);
let fonts: { regular: Buffer; bold: Buffer } | undefined;
function fontFiles() {
  fonts ??= {
    regular: fs.readFileSync(require.resolve('@expo-google-fonts/noto-sans/400Regular/NotoSans_400Regular.ttf')),
    bold: fs.readFileSync(require.resolve('@expo-google-fonts/noto-sans/700Bold/NotoSans_700Bold.ttf')),
  };
  return fonts;
}

export type PdfOptions = {
  /** Shown by PDF readers in the title bar (document metadata). */
  title: string;
  /** BCP 47 language of the text, e.g. `kk-KZ`. */
  lang: string;
  author?: string;
  subject?: string;
  /** Millimetres of margin on every side; 20 unless given. */
  marginMm?: number;
  layout?: 'portrait' | 'landscape';
  /**
   * The footer text of a page, e.g. "3 / 57". Pages are numbered from 1. Returning null leaves
   * the page without a footer. Needs all pages in memory until the end (they are small).
   */
  footer?: (page: number, pages: number) => string | null;
};

export type Pdf = {
  doc: PDFKit.PDFDocument;
  /** Finishes the document (writing the footers) and returns its bytes. */
  toBuffer(): Promise<Buffer>;
};

export const mm = (value: number) => (value * 72) / 25.4;

/**
 * An A4 document with Noto Sans regular (the default) and bold registered, and its metadata set.
 * pdfkit (and its font metrics, ~30 MB resident) is loaded on the first document, not at start.
 */
export async function createPdf(options: PdfOptions): Promise<Pdf> {
  const { default: PDFDocument } = await import('pdfkit');
  const margin = mm(options.marginMm ?? 20);
  const doc = new PDFDocument({
    size: 'A4',
    layout: options.layout ?? 'portrait',
    margin,
    bufferPages: Boolean(options.footer),
    lang: options.lang,
    displayTitle: true,
    pdfVersion: '1.7',
    info: {
      Title: options.title,
      ...(options.author ? { Author: options.author } : {}),
      ...(options.subject ? { Subject: options.subject } : {}),
      Creator: 'Ortaq',
    },
  });
  const files = fontFiles();
  doc.registerFont(FONT.regular, files.regular);
  doc.registerFont(FONT.bold, files.bold);
  doc.font(FONT.regular);

  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });

  return {
    doc,
    toBuffer() {
      if (options.footer) writeFooters(doc, options.footer);
      doc.end();
      return done;
    },
  };
}

function writeFooters(doc: PDFKit.PDFDocument, footer: NonNullable<PdfOptions['footer']>) {
  const range = doc.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i++) {
    const text = footer(i - range.start + 1, range.count);
    if (text === null) continue;
    doc.switchToPage(i);
    const { margins, width, height } = doc.page;
    // Writing below the bottom margin would start a new page: lift the margin while we write.
    const bottom = margins.bottom;
    margins.bottom = 0;
    doc
      .font(FONT.regular)
      .fontSize(8)
      .fillColor('#444444')
      .text(text, margins.left, height - bottom / 2 - 4, { width: width - margins.left - margins.right, align: 'center', lineBreak: false });
    margins.bottom = bottom;
  }
}
