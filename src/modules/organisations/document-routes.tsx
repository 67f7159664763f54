import type { FastifyPluginAsync } from 'fastify';
import { z } from 'zod';
import { AppError, notFound } from '../../core/errors/app-error.ts';
import { formatters } from '../../core/format/intl.ts';
import { REGION_CODES, regionName } from '../../core/geo/regions.ts';
import type { AppContext } from '../../core/module.ts';
import { findMembershipCertificate } from './association-queries.ts';
import { certificateFileName, certificatePdf } from './certificate-pdf.ts';
import { compilationEntries, compilationFileName, compilationPdf } from './compilation-pdf.ts';
import { documentLang, sendPdf } from './documents.ts';
import { figuresChart } from './figures-chart.ts';
import { registerFigures } from './figures-query.ts';
import { FiguresPage, figuresChartText } from './views/figures-page.tsx';

const FiguresQuery = z.object({ region: z.preprocess((v) => (v === '' ? undefined : v), z.enum(REGION_CODES).optional()) });
const BIN = /^\d{12}$/;

/** The register in figures, its printed compilations and membership certificates. */
export const documentRoutes: FastifyPluginAsync<{ ctx: AppContext }> = async (app, { ctx }) => {
  app.get('/organisations/figures', async (req, reply) => {
    ctx.policy.authorize(req.actor, 'organisation.list');
    const parsed = FiguresQuery.safeParse(req.query);
    if (!parsed.success) throw new AppError('BAD_REQUEST');
    const { region } = parsed.data;
    const figures = await registerFigures(ctx.db, req.lang, { region, noDistrictLabel: ctx.messages.format(req.lang, 'organisations.compilation.no-district') });
    const title = region
      ? ctx.messages.format(req.lang, 'organisations.figures.title.region', { region: regionName(region, req.lang) })
      : ctx.messages.format(req.lang, 'organisations.figures.title');
    const [t, f] = [ctx.messages.translator(req.lang), formatters(req.lang)];
    const chart = await figuresChart(figures, t, f, figuresChartText(figures, t, f, req.lang));
    return reply.page(title, <FiguresPage figures={figures} chart={chart} at={new Date()} />);
  });

  app.get<{ Params: { file: string } }>('/organisations/compilation/:file', async (req, reply) => {
    const match = /^(KZ-\d{2})\.pdf$/.exec(req.params.file);
    const regionCode = match?.[1];
    if (!regionCode || !(REGION_CODES as readonly string[]).includes(regionCode)) throw notFound();
    const lang = documentLang(req.query, req.lang);
    if (!lang) throw new AppError('BAD_REQUEST');
    ctx.policy.authorize(req.actor, 'organisation.list');
    const entries = await compilationEntries(ctx.db, regionCode, lang);
    const sourceUrl = `${ctx.config.publicUrl}/${lang}/organisations?region=${regionCode}`;
    const pdf = await compilationPdf(ctx.messages, { regionCode, lang, entries, at: new Date(), sourceUrl });
    return sendPdf(reply, pdf, compilationFileName(ctx.messages, regionCode, lang));
  });

  app.get<{ Params: { bin: string; associationBin: string } }>('/organisations/:bin/membership/:associationBin/certificate.pdf', async (req, reply) => {
    if (!BIN.test(req.params.bin) || !BIN.test(req.params.associationBin)) throw notFound();
    const lang = documentLang(req.query, req.lang);
    if (!lang) throw new AppError('BAD_REQUEST');
    const cert = await findMembershipCertificate(ctx.db, req.params.bin, req.params.associationBin);
    if (!cert) throw notFound();
    // A membership is as public as the member's profile.
    ctx.policy.authorize(req.actor, 'organisation.view', cert.member);
    const pdf = await certificatePdf(ctx.messages, cert, lang);
    return sendPdf(reply, pdf, certificateFileName(ctx.messages, cert, lang));
  });
};
