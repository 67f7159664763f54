import type { FastifyPluginAsync } from 'fastify';
import type { AppContext } from '../../core/module.ts';
import { monitorRoutes } from './monitor-routes.tsx';
import { opendataRoutes } from './opendata-routes.tsx';
import { portalRoutes } from './portal-routes.tsx';
import { workRoutes } from './work-routes.tsx';

/** Funded projects: the public portal, agreements and reports, monitoring, open data. */
export const projectRoutes: FastifyPluginAsync<{ ctx: AppContext }> = async (app, { ctx }) => {
  await app.register(portalRoutes, { ctx });
  await app.register(workRoutes, { ctx });
  await app.register(monitorRoutes, { ctx });
  await app.register(opendataRoutes, { ctx });
};
