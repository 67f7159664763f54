import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import { AppError, notFound } from '../../core/errors/app-error.ts';
import { PUBLIC_PAGE } from '../../core/http/page-cache.ts';
import type { AppContext } from '../../core/module.ts';
import { campaignDetail, hostDetail, listCampaigns, listOpportunities, OpportunityListParams, opportunityDetail, publicVolunteer, regionFigures } from './public-queries.ts';
import { CampaignListPage, CampaignPage } from './views/public-campaigns.tsx';
import { HostPage } from './views/public-host.tsx';
import { OpportunityListPage } from './views/public-list.tsx';
import { OpportunityPage, type SignupRefusal } from './views/public-opportunity.tsx';
import { localised } from './views/public-parts.tsx';
import { VolunteerProfilePage } from './views/public-volunteer.tsx';

/**
 * Renders an opportunity's page; the sign-up handler calls it again with a refusal to show beside
 * the shift's button (and its status, e.g. 422).
 */
export async function sendOpportunityPage(ctx: AppContext, req: FastifyRequest, reply: FastifyReply, id: string, options: { refusal?: SignupRefusal; status?: number } = {}) {
  ctx.policy.authorize(req.actor, 'volunteering.view');
  const now = ctx.clock.now();
  const data = await opportunityDetail(ctx.db, id, now);
  if (!data) throw notFound();
  const title = localised(data.opportunity.titleKk, data.opportunity.titleRu, req.lang);
  return reply.page(title, <OpportunityPage data={data} now={now} refusal={options.refusal} />, options.status);
}

/** The public side: opportunities with filters and the cartogram, campaigns, volunteer organisations, public volunteer profiles. */
export const publicRoutes: FastifyPluginAsync<{ ctx: AppContext }> = async (app, { ctx }) => {
  const t = (req: FastifyRequest, key: string) => ctx.messages.format(req.lang, key);
  app.addHook('preHandler', async (req) => ctx.policy.authorize(req.actor, 'volunteering.view'));

  app.get('/volunteering', { config: PUBLIC_PAGE }, async (req, reply) => {
    const parsed = OpportunityListParams.safeParse(req.query);
    if (!parsed.success) throw new AppError('BAD_REQUEST');
    const now = ctx.clock.now();
    const [result, figures] = await Promise.all([listOpportunities(ctx.db, parsed.data, now), regionFigures(ctx.db, now)]);
    return reply.page(t(req, 'volunteers.public.list.title'), <OpportunityListPage params={parsed.data} result={result} figures={figures} />);
  });

  app.get<{ Params: { id: string } }>('/volunteering/opportunities/:id', { config: PUBLIC_PAGE }, (req, reply) => sendOpportunityPage(ctx, req, reply, req.params.id));

  app.get<{ Params: { id: string } }>('/volunteering/organisations/:id', { config: PUBLIC_PAGE }, async (req, reply) => {
    const data = await hostDetail(ctx.db, req.params.id, ctx.clock.now());
    if (!data) throw notFound();
    return reply.page(localised(data.host.nameKk, data.host.nameRu, req.lang), <HostPage data={data} />);
  });

  app.get('/volunteering/campaigns', { config: PUBLIC_PAGE }, async (req, reply) => {
    return reply.page(t(req, 'volunteers.public.campaigns.title'), <CampaignListPage campaigns={await listCampaigns(ctx.db)} />);
  });

  app.get<{ Params: { slug: string } }>('/volunteering/campaigns/:slug', { config: PUBLIC_PAGE }, async (req, reply) => {
    const data = await campaignDetail(ctx.db, req.params.slug, ctx.clock.now());
    if (!data) throw notFound();
    return reply.page(localised(data.campaign.titleKk, data.campaign.titleRu, req.lang), <CampaignPage data={data} />);
  });

  app.get<{ Params: { id: string } }>('/volunteers/:id', async (req, reply) => {
    const volunteer = await publicVolunteer(ctx.db, req.params.id);
    if (!volunteer) throw notFound();
    return reply.page(volunteer.name, <VolunteerProfilePage volunteer={volunteer} />);
  });
};
