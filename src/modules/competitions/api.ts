import type { FastifyPluginAsync } from 'fastify';
import { serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { notFound } from '../../core/errors/app-error.ts';
import { REGION_CODES } from '../../core/geo/regions.ts';
import { PUBLIC_PAGE } from '../../core/http/page-cache.ts';
import type { AppContext } from '../../core/module.ts';
import { PHASES } from './phase.ts';
import { CompetitionListParams, countsArePublic, type LotLink, listCompetitions, type OrganisationRef, PUBLIC_PHASES, publicCompetition } from './queries.ts';
import { DURATION_TYPES, FAILURE_REASONS, INSTRUMENTS } from './schema.ts';

const Texts = z.object({ kk: z.string(), ru: z.string(), en: z.string().nullable() });
const Instant = z.string().describe('ISO 8601 instant in UTC; shown to people in Asia/Almaty time');
const Tiyn = z.number().int().describe('Amount in tiyn (1 tenge = 100 tiyn)');

const Organisation = z.object({
  bin: z.string().describe('12-digit business identification number'),
  name: Texts,
  url: z.string().describe('The public profile page'),
});

const CompetitionItem = z.object({
  id: z.string().describe('UUID'),
  number: z.string().describe('Public reference, e.g. 2019-G-001'),
  title: Texts,
  instrument: z.enum(INSTRUMENTS),
  status: z.enum(PHASES).describe('Where the competition stands by the server clock: upcoming, accepting, admission, evaluation, results (draft only for its organiser)'),
  organiser: Organisation,
  region: z.enum(REGION_CODES).nullable().describe('ISO 3166-2:KZ; null for a national competition'),
  year: z.number().int(),
  budgetTiyn: Tiyn.describe('Total budget of the lots, in tiyn'),
  lotCount: z.number().int(),
  announcedAt: Instant,
  deadlineAt: Instant.describe('Applications are accepted until this instant'),
  url: z.string().describe('The public page'),
});

const LotRef = z.object({ competitionId: z.string(), competitionNumber: z.string(), lotId: z.string(), lotNumber: z.number().int() });

const RankedApplication = z.object({
  rank: z.number().int(),
  organisation: Organisation,
  score: z.number().describe('Mean over the experts of each one’s weighted total'),
  winner: z.boolean(),
  awardTiyn: Tiyn.nullable(),
  expertScores: z
    .array(z.object({ expert: z.number().int().describe('The expert’s number in this competition; experts are not named beside their scores'), points: z.record(z.string(), z.number()) }))
    .describe('Points per criterion code, per expert'),
});

const Lot = z.object({
  id: z.string(),
  number: z.number().int(),
  title: Texts,
  area: z.string(),
  region: z.string().describe('ISO 3166-2:KZ; KZ for a lot of the whole country'),
  budgetTiyn: Tiyn,
  durationType: z.enum(DURATION_TYPES),
  indicators: z.array(z.object({ name: z.object({ kk: z.string(), ru: z.string() }), unit: z.object({ kk: z.string(), ru: z.string() }), target: z.number() })),
  status: z.enum([...PHASES, 'awarded', 'failed']).describe('The lot’s outcome once decided, else the competition’s status'),
  failureReason: z.enum(FAILURE_REASONS).nullable(),
  received: z.number().int().nullable().describe('Applications received; null before the deadline'),
  admitted: z.number().int().nullable().describe('Applications admitted; null before the deadline'),
  award: z.object({ organisation: Organisation, amountTiyn: Tiyn }).nullable(),
  results: z.array(RankedApplication).describe('Ranking of the admitted applications, once the results are published'),
  notAdmitted: z.array(z.object({ organisation: Organisation, reason: z.string().nullable() })),
  reannouncedFrom: LotRef.nullable().describe('The failed lot this one announces again'),
  reannouncedAs: z.array(LotRef).describe('Lots that announce this failed one again'),
});

const CompetitionDetail = CompetitionItem.extend({
  description: z.object({ kk: z.string().nullable(), ru: z.string().nullable() }),
  customer: Organisation.nullable(),
  ruleVersion: z.object({ id: z.string(), title: Texts }),
  criteria: z.array(z.object({ code: z.string(), title: Texts, maxPoints: z.number().int(), weight: z.number() })),
  maxScore: z.number(),
  passPercent: z.number(),
  dates: z.object({
    announcedAt: Instant,
    deadlineAt: Instant,
    admissionUntil: Instant,
    evaluationUntil: Instant,
    resultsDueAt: Instant,
    publishedAt: Instant.nullable(),
  }),
  lots: z.array(Lot),
});

const organisation = (o: OrganisationRef, publicUrl: string): z.infer<typeof Organisation> => ({
  bin: o.bin,
  name: { kk: o.nameKk, ru: o.nameRu, en: o.nameEn },
  url: `${publicUrl}/kk/organisations/${o.bin}`,
});
const lotRef = (l: LotLink): z.infer<typeof LotRef> => ({ competitionId: l.competitionId, competitionNumber: l.competitionNumber, lotId: l.lotId, lotNumber: l.lotNumber });

/** The open data of competitions: the list with its filters, and one competition with its lots and results. */
export const competitionApi: FastifyPluginAsync<{ ctx: AppContext }> = async (root, { ctx }) => {
  const app = root.withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  const publicUrl = ctx.config.publicUrl;

  app.get(
    '/api/v1/competitions',
    {
      config: PUBLIC_PAGE,
      schema: {
        summary: 'Competitions for state support: state grants, state social order, prizes',
        description: `Announced and past competitions, those taking applications first. \`status\` is one of ${PUBLIC_PHASES.join(', ')}; \`region\` matches a competition of the region or with a lot in it.`,
        tags: ['competitions'],
        querystring: CompetitionListParams,
        response: { 200: z.object({ items: z.array(CompetitionItem), total: z.number().int(), page: z.number().int(), pageSize: z.number().int() }) },
      },
    },
    async (req) => {
      const result = await listCompetitions(ctx.db, req.query, ctx.clock.now(), { facets: false });
      return {
        items: result.items.map((c) => ({
          id: c.id,
          number: c.number,
          title: { kk: c.titleKk, ru: c.titleRu, en: c.titleEn },
          instrument: c.instrument,
          status: c.phase,
          organiser: organisation(c.organiser, publicUrl),
          region: c.regionCode,
          year: c.year,
          budgetTiyn: c.budgetTiyn,
          lotCount: c.lotCount,
          announcedAt: c.announcedAt.toISOString(),
          deadlineAt: c.deadlineAt.toISOString(),
          url: `${publicUrl}/kk/competitions/${c.id}`,
        })),
        total: result.total,
        page: result.page,
        pageSize: result.pageSize,
      };
    },
  );

  app.get(
    '/api/v1/competitions/:id',
    {
      config: PUBLIC_PAGE,
      schema: {
        summary: 'One competition with its lots, their outcomes, results and awards',
        tags: ['competitions'],
        params: z.object({ id: z.uuid() }),
        response: { 200: CompetitionDetail },
      },
    },
    async (req) => {
      const data = await publicCompetition(ctx.db, req.params.id, ctx.clock.now());
      if (!data || !ctx.policy.can(req.actor, 'competition.view', data.competition)) throw notFound();
      const c = data.competition;
      const counted = countsArePublic(data.phase);
      return {
        id: c.id,
        number: c.number,
        title: { kk: c.titleKk, ru: c.titleRu, en: c.titleEn },
        instrument: c.instrument,
        status: data.phase,
        organiser: organisation(data.organiser, publicUrl),
        region: c.regionCode,
        year: c.year,
        budgetTiyn: data.budgetTiyn,
        lotCount: data.lots.length,
        announcedAt: c.announcedAt.toISOString(),
        deadlineAt: c.deadlineAt.toISOString(),
        url: `${publicUrl}/kk/competitions/${c.id}`,
        description: { kk: c.descriptionKk, ru: c.descriptionRu },
        customer: data.customer ? organisation(data.customer, publicUrl) : null,
        ruleVersion: { id: data.rule.id, title: { kk: data.rule.titleKk, ru: data.rule.titleRu, en: data.rule.titleEn } },
        criteria: data.rule.definition.criteria.map((k) => ({ code: k.code, title: k.title, maxPoints: k.maxPoints, weight: k.weight })),
        maxScore: data.maxScore,
        passPercent: data.rule.definition.passPercent,
        dates: {
          announcedAt: c.announcedAt.toISOString(),
          deadlineAt: c.deadlineAt.toISOString(),
          admissionUntil: c.admissionUntil.toISOString(),
          evaluationUntil: c.evaluationUntil.toISOString(),
          resultsDueAt: c.resultsDueAt.toISOString(),
          publishedAt: c.publishedAt?.toISOString() ?? null,
        },
        lots: data.lots.map(({ lot, ...l }) => ({
          id: lot.id,
          number: lot.number,
          title: { kk: lot.titleKk, ru: lot.titleRu, en: lot.titleEn },
          area: lot.area,
          region: lot.regionCode,
          budgetTiyn: lot.budgetTiyn,
          durationType: lot.durationType,
          indicators: lot.indicators,
          status: lot.outcome ?? data.phase,
          failureReason: lot.outcome === 'failed' ? lot.failureReason : null,
          received: counted ? l.received : null,
          admitted: counted ? l.admitted : null,
          award: lot.outcome === 'awarded' && l.winner && lot.awardTiyn !== null ? { organisation: organisation(l.winner, publicUrl), amountTiyn: lot.awardTiyn } : null,
          results: l.ranking.map((r) => ({
            rank: r.rank,
            organisation: organisation(r.organisation, publicUrl),
            score: r.score,
            winner: r.winner,
            awardTiyn: r.awardTiyn,
            expertScores: r.sheets.map((s) => ({ expert: s.expert, points: s.points })),
          })),
          notAdmitted: l.notAdmitted.map((a) => ({ organisation: organisation(a.organisation, publicUrl), reason: a.reason })),
          reannouncedFrom: l.reannouncedFrom ? lotRef(l.reannouncedFrom) : null,
          reannouncedAs: l.reannouncedAs.map(lotRef),
        })),
      };
    },
  );
};
