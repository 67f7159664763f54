import type { FastifyPluginAsync } from 'fastify';
import { AppError, notFound } from '../../core/errors/app-error.ts';
import { contentDisposition } from '../../core/http/content-disposition.ts';
import { PUBLIC_PAGE } from '../../core/http/page-cache.ts';
import type { AppContext } from '../../core/module.ts';
import { PROTOCOL_LANGS, type ProtocolLang, protocolFileName, protocolPdf } from './protocol-pdf.ts';
import { CompetitionListParams, listCompetitions, publicCompetition } from './queries.ts';
import { localised } from './records.ts';
import { CompetitionListPage } from './views/competition-list.tsx';
import { CompetitionPage } from './views/competition-page.tsx';
import { LotScoresPage } from './views/competition-results.tsx';

/** The public face of competitions: the list, each competition's page, and its results protocol. */
export const publicRoutes: FastifyPluginAsync<{ ctx: AppContext }> = async (app, { ctx }) => {
  app.get('/competitions', { config: PUBLIC_PAGE }, async (req, reply) => {
    const parsed = CompetitionListParams.safeParse(req.query);
    if (!parsed.success) throw new AppError('BAD_REQUEST');
    const result = await listCompetitions(ctx.db, parsed.data, ctx.clock.now());
    return reply.page(ctx.messages.format(req.lang, 'competitions.public.list.title'), <CompetitionListPage params={parsed.data} result={result} />);
  });

  app.get<{ Params: { id: string } }>('/competitions/:id', { config: PUBLIC_PAGE }, async (req, reply) => {
    const data = await publicCompetition(ctx.db, req.params.id, ctx.clock.now());
    // A draft is hidden, not forbidden: the public should not learn that it exists.
    if (!data || !ctx.policy.can(req.actor, 'competition.view', data.competition)) throw notFound();
    return reply.page(localised(data.competition, req.lang), <CompetitionPage data={data} />);
  });

  app.get<{ Params: { id: string; number: string } }>('/competitions/:id/lots/:number/scores', { config: PUBLIC_PAGE }, async (req, reply) => {
    const data = await publicCompetition(ctx.db, req.params.id, ctx.clock.now());
    const lot = data?.lots.find((l) => String(l.lot.number) === req.params.number);
    if (data?.competition.stage !== 'published' || !lot) throw notFound();
    const title = `${ctx.messages.format(req.lang, 'competitions.public.scores.summary', { lot: String(lot.lot.number) })} ${localised(lot.lot, req.lang)}`;
    return reply.page(title, <LotScoresPage data={data} lot={lot} />);
  });

  app.get<{ Params: { id: string; file: string } }>('/competitions/:id/protocol/:file', async (req, reply) => {
    const lang = /^(kk|ru)\.pdf$/.exec(req.params.file)?.[1] as ProtocolLang | undefined;
    if (!lang || !PROTOCOL_LANGS.includes(lang)) throw notFound();
    const data = await publicCompetition(ctx.db, req.params.id, ctx.clock.now());
    if (data?.competition.stage !== 'published') throw notFound();
    const sourceUrl = `${ctx.config.publicUrl}/${lang}/competitions/${data.competition.id}`;
    const pdf = await protocolPdf(ctx.messages, data, lang, sourceUrl);
    return reply
      .type('application/pdf')
      .header('content-length', pdf.length)
      .header('content-disposition', contentDisposition(protocolFileName(ctx.messages, data.competition.number, lang), 'inline'))
      .header('x-content-type-options', 'nosniff')
      .header('cache-control', 'public, max-age=300')
      .send(pdf);
  });
};
