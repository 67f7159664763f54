import type { FastifyPluginAsync } from 'fastify';
import { PUBLIC_PAGE } from '../../core/http/page-cache.ts';
import type { AppContext } from '../../core/module.ts';
import { openDataSummary } from './open-data/funded.ts';
import { OpenDataPage } from './views/opendata-page.tsx';

/** The open-data page: what is published, the files with their formats and fields, identifiers and licence. */
export const opendataRoutes: FastifyPluginAsync<{ ctx: AppContext }> = async (app, { ctx }) => {
  app.get('/open-data', { config: PUBLIC_PAGE }, async (req, reply) => {
    const summary = await openDataSummary(ctx.db);
    return reply.page(ctx.messages.format(req.lang, 'projects.opendata.title'), <OpenDataPage summary={summary} publicUrl={ctx.config.publicUrl} />);
  });
};
