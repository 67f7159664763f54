import type { FastifyPluginAsync } from 'fastify';
import type { AppContext } from '../../core/module.ts';
import { listOrganisations } from './queries.ts';
import { OrganisationListPage } from './views/organisation-list.tsx';

export const organisationRoutes: FastifyPluginAsync<{ ctx: AppContext }> = async (app, { ctx }) => {
  app.get('/organisations', async (req, reply) => {
    ctx.policy.authorize(req.actor, 'organisation.list');
    const { rows, total } = await listOrganisations(ctx.db, req.lang);
    return reply.page(ctx.messages.format(req.lang, 'organisations.list.title'), <OrganisationListPage rows={rows} total={total} />);
  });
};
