import type { FastifyPluginAsync } from 'fastify';
import type { AppContext } from '../../core/module.ts';
import { projectApi } from './api.ts';
import { openDataDownloads } from './opendata-downloads.ts';

export const projectRootRoutes: FastifyPluginAsync<{ ctx: AppContext }> = async (app, { ctx }) => {
  await app.register(projectApi, { ctx });
  await app.register(openDataDownloads, { ctx });
};
