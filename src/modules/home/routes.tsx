import type { FastifyPluginAsync } from 'fastify';
import { PUBLIC_PAGE } from '../../core/http/page-cache.ts';
import type { AppContext } from '../../core/module.ts';
import { HomePage } from './home-page.tsx';

export const homeRoutes: FastifyPluginAsync<{ ctx: AppContext }> = async (app, { ctx }) => {
  app.get('/', { config: PUBLIC_PAGE }, async (req, reply) => {
    const figures = (await Promise.all(ctx.modules.map((m) => m.figures?.(ctx.db) ?? []))).flat();
    return reply.page(ctx.messages.format(req.lang, 'home.title'), <HomePage figures={figures} at={new Date()} />);
  });
};
