import type { FastifyPluginAsync } from 'fastify';
import type { AppContext } from '../../core/module.ts';

/** The public API of funded projects, and the open-data downloads (root routes). */
export const projectApi: FastifyPluginAsync<{ ctx: AppContext }> = async (_app, { ctx: _ctx }) => {};
