import type { FastifyPluginAsync } from 'fastify';
import { notFound } from '../../core/errors/app-error.ts';
import type { AppContext } from '../../core/module.ts';
import { findOutboxMessage, listOutbox } from './queries.ts';
import { OutboxListPage, OutboxMessagePage } from './views/outbox.tsx';

export const adminRoutes: FastifyPluginAsync<{ ctx: AppContext }> = async (app, { ctx }) => {
  app.get('/admin/outbox', async (req, reply) => {
    ctx.policy.authorize(req.actor, 'admin.outbox.read');
    return reply.page(ctx.messages.format(req.lang, 'admin.outbox.title'), <OutboxListPage messages={await listOutbox(ctx.db)} />);
  });

  app.get<{ Params: { id: string } }>('/admin/outbox/:id', async (req, reply) => {
    ctx.policy.authorize(req.actor, 'admin.outbox.read');
    const message = await findOutboxMessage(ctx.db, req.params.id);
    if (!message) throw notFound();
    return reply.page(message.subject, <OutboxMessagePage message={message} />);
  });
};
