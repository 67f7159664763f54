import type { FastifyPluginAsync } from 'fastify';
import { serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { PUBLIC_PAGE } from '../../core/http/page-cache.ts';
import type { AppContext } from '../../core/module.ts';
import { AREAS } from '../organisations/index.ts';
import { listOpportunities, OPPORTUNITY_REGIONS, OpportunityListParams } from './public-queries.ts';
import { RISKS, SKILLS } from './schema.ts';

const Text = z.object({ kk: z.string(), ru: z.string() }).describe('In Kazakh and Russian');

const OpportunityItem = z.object({
  id: z.string().describe('UUID'),
  title: Text,
  organisation: z.object({
    id: z.string().describe('UUID of the volunteer organisation'),
    name: Text,
    informal: z.boolean().describe('An informal group of volunteers: no BIN, not a legal entity'),
    bin: z.string().nullable().describe('The registered organisation’s BIN; null for an informal group'),
    url: z.string().describe('Its public page'),
  }),
  area: z.enum(AREAS),
  region: z.enum(OPPORTUNITY_REGIONS).describe('ISO 3166-2:KZ; KZ for the whole country'),
  online: z.boolean(),
  address: z.string().nullable(),
  skills: z.array(z.enum(SKILLS)),
  minAge: z.number().int(),
  risk: z.enum(RISKS).describe('none, or one of the categories the law closes to people under 18'),
  nextShiftAt: z.string().nullable().describe('ISO 8601 instant in UTC of the next shift (within from/to); shown to people in Asia/Almaty time'),
  placesLeft: z.number().int().describe('Free places on its upcoming shifts (within from/to)'),
  url: z.string().describe('The public page, where volunteers sign up'),
});

/** Open volunteer opportunities as open data, with the same filters as the public list. */
export const opportunityApi: FastifyPluginAsync<{ ctx: AppContext }> = async (root, { ctx }) => {
  const app = root.withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  const publicUrl = ctx.config.publicUrl;

  app.get(
    '/api/v1/opportunities',
    {
      config: PUBLIC_PAGE,
      schema: {
        summary: 'Open volunteer opportunities',
        description:
          'Opportunities that are not closed and have a shift that has not ended, soonest first. `from` and `to` are days in Kazakhstan (Asia/Almaty) and keep the opportunities with a shift starting within them; `online` is true or false; `skill` is one of the skill codes.',
        tags: ['volunteers'],
        querystring: OpportunityListParams,
        response: { 200: z.object({ items: z.array(OpportunityItem), total: z.number().int(), page: z.number().int(), pageSize: z.number().int() }) },
      },
    },
    async (req) => {
      const result = await listOpportunities(ctx.db, req.query, ctx.clock.now());
      return {
        items: result.items.map((o) => ({
          id: o.id,
          title: { kk: o.titleKk, ru: o.titleRu },
          organisation: {
            id: o.host.id,
            name: { kk: o.host.nameKk, ru: o.host.nameRu },
            informal: o.host.informal,
            bin: o.host.bin,
            url: `${publicUrl}/kk/volunteering/organisations/${o.host.id}`,
          },
          area: o.area,
          region: o.regionCode,
          online: o.online,
          address: o.address,
          skills: o.skills,
          minAge: o.minAge,
          risk: o.risk,
          nextShiftAt: o.nextShift?.toISOString() ?? null,
          placesLeft: o.placesLeft,
          url: `${publicUrl}/kk/volunteering/opportunities/${o.id}`,
        })),
        total: result.total,
        page: result.page,
        pageSize: result.pageSize,
      };
    },
  );
};
