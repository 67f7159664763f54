import { asc, count, eq, type SQL, and } from 'drizzle-orm';
import type { FastifyPluginAsync } from 'fastify';
import { serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { REGION_CODES } from '../../core/geo/regions.ts';
import { notFound } from '../../core/errors/app-error.ts';
import { PUBLIC_PAGE } from '../../core/http/page-cache.ts';
import type { AppContext } from '../../core/module.ts';
import { SearchParams } from './inputs.ts';
import { AREAS, LEGAL_FORMS, ngoDatabaseReports, ORGANISATION_STATUSES, organisations, SETTLEMENTS } from './schema.ts';
import { findOrganisationByBin, searchOrganisations } from './search.ts';

const OrganisationItem = z.object({
  bin: z.string().describe('12-digit business identification number'),
  kind: z.enum(['ngo', 'state']),
  legalForm: z.enum(LEGAL_FORMS),
  name: z.object({ kk: z.string(), ru: z.string(), en: z.string().nullable() }),
  shortName: z.object({ kk: z.string().nullable(), ru: z.string().nullable(), en: z.string().nullable() }),
  region: z.enum(REGION_CODES).describe('ISO 3166-2:KZ'),
  district: z.string().nullable().describe('KATO code of the district or city of regional significance'),
  settlement: z.enum(SETTLEMENTS),
  status: z.enum(ORGANISATION_STATUSES),
  areas: z.array(z.enum(AREAS)),
  registeredOn: z.string().nullable(),
  website: z.string().nullable(),
  url: z.string().describe('The public profile page'),
});

const OrganisationDetail = OrganisationItem.extend({
  headName: z.string().nullable(),
  staffCount: z.number().int().nullable(),
  volunteerCount: z.number().int().nullable(),
  ngoDatabaseReports: z.array(z.object({ year: z.number().int(), submittedOn: z.string() })),
});

type Row = typeof organisations.$inferSelect;
const toItem = (o: Row, publicUrl: string): z.infer<typeof OrganisationItem> => ({
  bin: o.bin,
  kind: o.kind,
  legalForm: o.legalForm,
  name: { kk: o.nameKk, ru: o.nameRu, en: o.nameEn },
  shortName: { kk: o.shortNameKk, ru: o.shortNameRu, en: o.shortNameEn },
  region: o.regionCode,
  district: o.districtKato,
  settlement: o.settlement,
  status: o.status,
  areas: o.areas,
  registeredOn: o.registeredOn,
  website: o.website,
  url: `${publicUrl}/kk/organisations/${o.bin}`,
});

const StatsQuery = z.object({
  groupBy: z.enum(['region', 'legalForm', 'status']),
  region: z.enum(REGION_CODES).optional(),
});

const GROUP_COLUMNS = { region: organisations.regionCode, legalForm: organisations.legalForm, status: organisations.status } as const;

export const organisationApi: FastifyPluginAsync<{ ctx: AppContext }> = async (root, { ctx }) => {
  const app = root.withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);

  app.get(
    '/api/v1/organisations',
    {
      config: PUBLIC_PAGE,
      schema: {
        summary: 'Search the register of organisations',
        tags: ['organisations'],
        querystring: SearchParams,
        response: { 200: z.object({ items: z.array(OrganisationItem), total: z.number().int(), page: z.number().int(), pageSize: z.number().int() }) },
      },
    },
    async (req) => {
      ctx.policy.authorize(req.actor, 'organisation.list');
      const result = await searchOrganisations(ctx.db, req.query, 'kk', { facets: false });
      return { items: result.items.map((o) => toItem(o, ctx.config.publicUrl)), total: result.total, page: result.page, pageSize: result.pageSize };
    },
  );

  app.get(
    '/api/v1/organisations/:bin',
    {
      config: PUBLIC_PAGE,
      schema: {
        summary: 'One organisation by its BIN',
        tags: ['organisations'],
        params: z.object({ bin: z.string().regex(/^\d{12}$/) }),
        response: { 200: OrganisationDetail },
      },
    },
    async (req) => {
      const org = await findOrganisationByBin(ctx.db, req.params.bin);
      if (!org) throw notFound();
      ctx.policy.authorize(req.actor, 'organisation.view', org);
      const reports = await ctx.db
        .select({ year: ngoDatabaseReports.year, submittedOn: ngoDatabaseReports.submittedOn })
        .from(ngoDatabaseReports)
        .where(eq(ngoDatabaseReports.organisationId, org.id))
        .orderBy(asc(ngoDatabaseReports.year));
      return { ...toItem(org, ctx.config.publicUrl), headName: org.headName, staffCount: org.staffCount, volunteerCount: org.volunteerCount, ngoDatabaseReports: reports };
    },
  );

  app.get(
    '/api/v1/stats/organisations',
    {
      config: PUBLIC_PAGE,
      schema: {
        summary: 'Counts of non-governmental organisations by region, legal form or status',
        tags: ['organisations'],
        querystring: StatsQuery,
        response: { 200: z.object({ total: z.number().int(), groups: z.array(z.object({ key: z.string(), count: z.number().int() })) }) },
      },
    },
    async (req) => {
      ctx.policy.authorize(req.actor, 'organisation.list');
      const filters: SQL[] = [eq(organisations.kind, 'ngo')];
      if (req.query.region) filters.push(eq(organisations.regionCode, req.query.region));
      const column = GROUP_COLUMNS[req.query.groupBy];
      const groups = await ctx.db
        .select({ key: column, count: count() })
        .from(organisations)
        .where(and(...filters))
        .groupBy(column)
        .orderBy(asc(column));
      return { total: groups.reduce((sum, g) => sum + g.count, 0), groups: groups.map((g) => ({ key: String(g.key), count: g.count })) };
    },
  );
};
