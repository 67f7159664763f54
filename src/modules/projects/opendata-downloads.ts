import type { FastifyPluginAsync } from 'fastify';
import type { AppContext } from '../../core/module.ts';

/** The open-data files: 360Giving, OCDS and indicator results (root routes). */
export const openDataDownloads: FastifyPluginAsync<{ ctx: AppContext }> = async (_app, { ctx: _ctx }) => {};
