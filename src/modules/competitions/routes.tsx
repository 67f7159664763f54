import type { FastifyPluginAsync } from 'fastify';
import type { AppContext } from '../../core/module.ts';
import { applyRoutes } from './apply-routes.tsx';
import { expertRoutes } from './expert-routes.tsx';
import { manageRoutes } from './manage-routes.tsx';
import { publicRoutes } from './public-routes.tsx';

/** Competitions: public pages, applying, the organiser's desk and the expert's desk. */
export const competitionRoutes: FastifyPluginAsync<{ ctx: AppContext }> = async (app, { ctx }) => {
  await app.register(publicRoutes, { ctx });
  await app.register(applyRoutes, { ctx });
  await app.register(manageRoutes, { ctx });
  await app.register(expertRoutes, { ctx });
};
