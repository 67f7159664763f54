import type { FastifyPluginAsync } from 'fastify';
import type { AppContext } from '../../core/module.ts';

export const monitorRoutes: FastifyPluginAsync<{ ctx: AppContext }> = async (_app, { ctx: _ctx }) => {};
