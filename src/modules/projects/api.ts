import type { FastifyPluginAsync } from 'fastify';
import { serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { notFound } from '../../core/errors/app-error.ts';
import { PUBLIC_PAGE } from '../../core/http/page-cache.ts';
import type { AppContext } from '../../core/module.ts';
import { INSTRUMENTS } from '../competitions/index.ts';
import { listProjects, type OrganisationRef, PROJECT_REGIONS, ProjectListParams, publicProject } from './portal-queries.ts';
import { PROJECT_STATUSES } from './schema.ts';

const Instant = z.string().describe('ISO 8601 instant in UTC; shown to people in Asia/Almaty time');
const Day = z.string().describe('Calendar date, YYYY-MM-DD');
const Tiyn = z.number().int().describe('Amount in tiyn (1 tenge = 100 tiyn)');
const Title = z.object({ kk: z.string(), ru: z.string() }).describe('The project’s title in Kazakh and Russian');

const Organisation = z.object({
  bin: z.string().describe('12-digit business identification number'),
  name: z.object({ kk: z.string(), ru: z.string(), en: z.string().nullable() }),
  url: z.string().describe('The public profile page'),
});

const Competition = z.object({
  id: z.string().describe('UUID'),
  number: z.string().describe('Public reference, e.g. 2019-G-001'),
  url: z.string().describe('The competition’s public page'),
});

const ProjectItem = z.object({
  id: z.string().describe('UUID'),
  title: Title,
  organisation: Organisation,
  amountTiyn: Tiyn.describe('The agreement’s amount, in tiyn'),
  region: z.enum(PROJECT_REGIONS).describe('ISO 3166-2:KZ; KZ for a project of the whole country'),
  area: z.string().describe('Area of social activity (the organisations register’s codes)'),
  instrument: z.enum(INSTRUMENTS).describe('How the state funds it: grant, social-order or prize'),
  year: z.number().int().describe('The year of the competition the project was funded by'),
  status: z.enum(PROJECT_STATUSES),
  startsOn: Day,
  endsOn: Day,
  competition: Competition,
  progress: z.number().nullable().describe('Share of the planned indicators reached by accepted reports (0–1, each indicator capped at 1, averaged); null when nothing is planned'),
  url: z.string().describe('The public page'),
});

const ProjectDetail = ProjectItem.extend({
  summary: z.string(),
  agreement: z.object({
    number: z.string(),
    signedOn: Day,
    amountTiyn: Tiyn,
    period: z.object({ startsOn: Day, endsOn: Day }),
    confirmedAt: Instant.nullable().describe('When the second side confirmed it in Ortaq; null until both have'),
  }),
  periods: z.array(
    z.object({
      number: z.number().int(),
      startsOn: Day,
      endsOn: Day,
      reportDueOn: Day,
      final: z.boolean(),
      reportAcceptedAt: Instant.nullable().describe('When the organiser accepted the period’s report; null until then'),
    }),
  ),
  tranches: z.array(
    z.object({
      number: z.number().int(),
      amountTiyn: Tiyn,
      periodNumber: z.number().int().nullable().describe('The period whose accepted report releases it; null for an advance'),
      releasedAt: Instant.nullable().describe('When it was released; null until then'),
    }),
  ),
  releasedTiyn: Tiyn.describe('Sum of the released tranches'),
  indicators: z.array(
    z.object({
      position: z.number().int(),
      name: z.string(),
      unit: z.string(),
      baseline: z.number(),
      planned: z.number().describe('Sum of the targets of every period'),
      actual: z.number().describe('Sum of the values of the accepted reports'),
      periods: z.array(
        z.object({
          number: z.number().int(),
          planned: z.number().describe('The target for the period'),
          actual: z.number().nullable().describe('The value of the period’s accepted report; null until it is accepted'),
        }),
      ),
    }),
  ),
  statusHistory: z.array(
    z.object({
      from: z.enum(PROJECT_STATUSES).nullable().describe('null for the project’s start'),
      to: z.enum(PROJECT_STATUSES),
      reason: z.string(),
      changedAt: Instant,
    }),
  ),
});

const organisation = (o: OrganisationRef, publicUrl: string): z.infer<typeof Organisation> => ({
  bin: o.bin,
  name: { kk: o.nameKk, ru: o.nameRu, en: o.nameEn },
  url: `${publicUrl}/kk/organisations/${o.bin}`,
});

/** The open data of funded projects: the list with its filters, and one project with its agreement, money, indicators and history. */
export const projectApi: FastifyPluginAsync<{ ctx: AppContext }> = async (root, { ctx }) => {
  const app = root.withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  const publicUrl = ctx.config.publicUrl;
  const competition = (c: { id: string; number: string }) => ({ id: c.id, number: c.number, url: `${publicUrl}/kk/competitions/${c.id}` });

  app.get(
    '/api/v1/projects',
    {
      config: PUBLIC_PAGE,
      schema: {
        summary: 'Funded projects: state grants, state social order and prizes',
        description: `Every project funded under an agreement made with a competition’s winner, newest competitions first. \`q\` matches a project’s title or its organisation’s name (any script) or BIN; \`region\` is where the project is carried out (\`KZ\` for the whole country); \`year\` is the competition’s year; \`status\` is one of ${PROJECT_STATUSES.join(', ')}.`,
        tags: ['projects'],
        querystring: ProjectListParams,
        response: {
          200: z.object({ items: z.array(ProjectItem), total: z.number().int(), amountTiyn: Tiyn.describe('Sum of the agreements of every project found'), page: z.number().int(), pageSize: z.number().int() }),
        },
      },
    },
    async (req) => {
      const result = await listProjects(ctx.db, req.query, { facets: false });
      return {
        items: result.items.map((p) => ({
          id: p.id,
          title: { kk: p.titleKk, ru: p.titleRu },
          organisation: organisation(p.organisation, publicUrl),
          amountTiyn: p.amountTiyn,
          region: p.regionCode,
          area: p.area,
          instrument: p.competition.instrument,
          year: p.competition.year,
          status: p.status,
          startsOn: p.startsOn,
          endsOn: p.endsOn,
          competition: competition(p.competition),
          progress: p.progress,
          url: `${publicUrl}/kk/projects/${p.id}`,
        })),
        total: result.total,
        amountTiyn: result.amountTiyn,
        page: result.page,
        pageSize: result.pageSize,
      };
    },
  );

  app.get(
    '/api/v1/projects/:id',
    {
      config: PUBLIC_PAGE,
      schema: {
        summary: 'One funded project: its agreement, tranches, indicators planned and achieved per period, and status history',
        tags: ['projects'],
        params: z.object({ id: z.uuid() }),
        response: { 200: ProjectDetail },
      },
    },
    async (req) => {
      const data = await publicProject(ctx.db, req.params.id);
      if (!data || !ctx.policy.can(req.actor, 'project.view', data.ref)) throw notFound();
      const { project: p, agreement: a } = data;
      const confirmed = a.organiserConfirmedAt && a.organisationConfirmedAt ? (a.organiserConfirmedAt > a.organisationConfirmedAt ? a.organiserConfirmedAt : a.organisationConfirmedAt) : null;
      return {
        id: p.id,
        title: { kk: p.titleKk, ru: p.titleRu },
        organisation: organisation(data.organisation, publicUrl),
        amountTiyn: a.amountTiyn,
        region: p.regionCode,
        area: p.area,
        instrument: data.competition.instrument,
        year: data.competition.year,
        status: p.status,
        startsOn: p.startsOn,
        endsOn: p.endsOn,
        competition: competition(data.competition),
        progress: progressOf(data.indicators),
        url: `${publicUrl}/kk/projects/${p.id}`,
        summary: p.summary,
        agreement: {
          number: a.number,
          signedOn: a.signedOn,
          amountTiyn: a.amountTiyn,
          period: { startsOn: a.startsOn, endsOn: a.endsOn },
          confirmedAt: confirmed?.toISOString() ?? null,
        },
        periods: data.periods.map((x) => ({
          number: x.number,
          startsOn: x.startsOn,
          endsOn: x.endsOn,
          reportDueOn: x.reportDueOn,
          final: x.final,
          reportAcceptedAt: x.reportAcceptedAt?.toISOString() ?? null,
        })),
        tranches: data.tranches.map((t) => ({ number: t.number, amountTiyn: t.amountTiyn, periodNumber: t.periodNumber, releasedAt: t.releasedAt?.toISOString() ?? null })),
        releasedTiyn: data.releasedTiyn,
        indicators: data.indicators.map((i) => ({
          position: i.position,
          name: i.name,
          unit: i.unit,
          baseline: i.baseline,
          planned: i.planned,
          actual: i.actual,
          periods: i.periods,
        })),
        statusHistory: data.statusChanges.map((c) => ({ from: c.from, to: c.to, reason: c.reason, changedAt: c.changedAt.toISOString() })),
      };
    },
  );
};

/** The same share as the list's (portal-queries.ts, progressOf), from the indicators already read. */
function progressOf(indicators: { planned: number; actual: number }[]): number | null {
  const planned = indicators.filter((i) => i.planned > 0);
  if (planned.length === 0) return null;
  return planned.reduce((s, i) => s + Math.min(i.actual / i.planned, 1), 0) / planned.length;
}
