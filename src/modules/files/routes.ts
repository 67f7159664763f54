import { eq } from 'drizzle-orm';
import type { FastifyPluginAsync } from 'fastify';
import { isUuid } from '../../core/db/uuid.ts';
import { notFound } from '../../core/errors/app-error.ts';
import { files } from '../../core/files/schema.ts';
import type { AppContext } from '../../core/module.ts';
import { contentDisposition } from '../../core/http/content-disposition.ts';

export const fileRoutes: FastifyPluginAsync<{ ctx: AppContext }> = async (app, { ctx }) => {
  app.get<{ Params: { id: string } }>('/files/:id', async (req, reply) => {
    if (!isUuid(req.params.id)) throw notFound();
    const [file] = await ctx.db.select().from(files).where(eq(files.id, req.params.id));
    if (!file) throw notFound();
    ctx.policy.authorize(req.actor, 'file.download', file);
    return reply
      .type(file.mediaType)
      .header('content-length', file.size)
      .header('content-disposition', contentDisposition(file.name))
      .header('x-content-type-options', 'nosniff')
      .header('cache-control', file.visibility === 'public' ? 'public, max-age=86400, immutable' : 'private, no-store')
      .send(ctx.blobs.open(file.sha256));
  });
};
