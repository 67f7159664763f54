import { asc, eq } from 'drizzle-orm';
import type { FastifyPluginAsync } from 'fastify';
import { AppError, notFound } from '../../core/errors/app-error.ts';
import { PUBLIC_PAGE } from '../../core/http/page-cache.ts';
import type { AppContext } from '../../core/module.ts';
import { organisationHistory } from './history.ts';
import { SearchParams } from './inputs.ts';
import { renderProfileSections } from './profile-sections.ts';
import { selfServiceRoutes } from './self-service-routes.tsx';
import { organisationName } from './queries.ts';
import { ngoDatabaseReports } from './schema.ts';
import { findOrganisationByBin, searchOrganisations } from './search.ts';
import { ProfilePage } from './views/profile-page.tsx';
import { SearchPage } from './views/search-page.tsx';
import { associationProfile } from './association-queries.ts';
import { documentRoutes } from './document-routes.tsx';
import { importRoutes } from './import-routes.tsx';
import { associationSections } from './views/association-members.tsx';

export const organisationRoutes: FastifyPluginAsync<{ ctx: AppContext }> = async (app, { ctx }) => {
  await app.register(selfServiceRoutes, { ctx });
  await app.register(importRoutes, { ctx });
  await app.register(documentRoutes, { ctx });

  app.get('/organisations', { config: PUBLIC_PAGE }, async (req, reply) => {
    ctx.policy.authorize(req.actor, 'organisation.list');
    const parsed = SearchParams.safeParse(req.query);
    if (!parsed.success) throw new AppError('BAD_REQUEST');
    const result = await searchOrganisations(ctx.db, parsed.data, req.lang);
    return reply.page(ctx.messages.format(req.lang, 'organisations.list.title'), <SearchPage params={parsed.data} result={result} />);
  });

  app.get<{ Params: { bin: string } }>('/organisations/:bin', { config: PUBLIC_PAGE }, async (req, reply) => {
    if (!/^\d{12}$/.test(req.params.bin)) throw notFound();
    const org = await findOrganisationByBin(ctx.db, req.params.bin);
    if (!org) throw notFound();
    ctx.policy.authorize(req.actor, 'organisation.view', org);
    const [reports, history, sections, associations] = await Promise.all([
      ctx.db
        .select({ year: ngoDatabaseReports.year, submittedOn: ngoDatabaseReports.submittedOn })
        .from(ngoDatabaseReports)
        .where(eq(ngoDatabaseReports.organisationId, org.id))
        .orderBy(asc(ngoDatabaseReports.year)),
      organisationHistory(ctx.db, org.id),
      renderProfileSections(ctx, org, req.lang),
      associationProfile(ctx.db, org, req.lang),
    ]);
    return reply.page(organisationName(org, req.lang), <ProfilePage org={org} reports={reports} history={history} sections={[...associationSections(org, associations), ...sections]} />);
  });

};
