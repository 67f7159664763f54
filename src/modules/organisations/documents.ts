import type { FastifyReply } from 'fastify';
import { z } from 'zod';
import { contentDisposition } from '../../core/http/content-disposition.ts';
import type { Lang } from '../../core/i18n/langs.ts';

/** Printed documents (certificates, compilations) exist in Kazakh and Russian. */
export const DOC_LANGS = ['kk', 'ru'] as const;
export type DocLang = (typeof DOC_LANGS)[number];

/** `?lang=kk|ru` chooses the document's language; without it, the page's (Kazakh for English). */
export const DocumentQuery = z.object({ lang: z.enum(DOC_LANGS).optional() });

export function documentLang(query: unknown, pageLang: Lang): DocLang | null {
  const parsed = DocumentQuery.safeParse(query ?? {});
  if (!parsed.success) return null;
  return parsed.data.lang ?? (pageLang === 'ru' ? 'ru' : 'kk');
}

/** Sends a generated PDF; it shows in the browser and saves under its own name. */
export function sendPdf(reply: FastifyReply, bytes: Buffer, fileName: string): FastifyReply {
  return reply
    .type('application/pdf')
    .header('content-length', bytes.length)
    .header('content-disposition', contentDisposition(fileName, 'inline'))
    .header('x-content-type-options', 'nosniff')
    .header('cache-control', 'public, max-age=300')
    .send(bytes);
}
