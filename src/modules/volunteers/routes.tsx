import type { FastifyPluginAsync } from 'fastify';
import type { AppContext } from '../../core/module.ts';
import { certificateRoutes } from './certificate-routes.tsx';
import { coordinateRoutes } from './coordinate-routes.tsx';
import { publicRoutes } from './public-routes.tsx';
import { workRoutes } from './work-routes.tsx';

/** Volunteering: the public opportunities and campaigns, the volunteer's desk, the coordinator's desk, certificates. */
export const volunteerRoutes: FastifyPluginAsync<{ ctx: AppContext }> = async (app, { ctx }) => {
  await app.register(publicRoutes, { ctx });
  await app.register(workRoutes, { ctx });
  await app.register(coordinateRoutes, { ctx });
  await app.register(certificateRoutes, { ctx });
};
