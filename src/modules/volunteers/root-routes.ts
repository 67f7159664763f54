import type { FastifyPluginAsync } from 'fastify';
import type { AppContext } from '../../core/module.ts';
import { certificateApi } from './certificate-api.ts';
import { opportunityApi } from './opportunity-api.ts';

export const volunteerRootRoutes: FastifyPluginAsync<{ ctx: AppContext }> = async (app, { ctx }) => {
  await app.register(opportunityApi, { ctx });
  await app.register(certificateApi, { ctx });
};
