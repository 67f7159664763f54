import type { FastifyPluginAsync } from 'fastify';
import type { AppContext } from '../../core/module.ts';

export const opendataRoutes: FastifyPluginAsync<{ ctx: AppContext }> = async (_app, { ctx: _ctx }) => {};
