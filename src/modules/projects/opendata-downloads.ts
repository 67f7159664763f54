import type { Readable } from 'node:stream';
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { AppError } from '../../core/errors/app-error.ts';
import { contentDisposition } from '../../core/http/content-disposition.ts';
import type { AppContext } from '../../core/module.ts';
import { openDataDate } from './open-data/funded.ts';
import { isoDay } from './records.ts';
import { DATA_LANGS, type DataLang, OPEN_DATA_PATHS } from './open-data/identifiers.ts';
import { indicatorResultsJson } from './open-data/indicator-results.ts';
import { ocdsReleasePackage } from './open-data/ocds.ts';
import { threeSixtyGivingCsv, threeSixtyGivingJson } from './open-data/three-sixty-giving.ts';

/** Each file is a whole-database read: a few a minute per address is plenty for people and harvesters. */
const downloadLimit = { rateLimit: { max: 20, timeWindow: '1 minute' } };

const Query = z.object({ lang: z.enum(DATA_LANGS).default('kk') });

/**
 * The open-data files (docs/open-data.md): 360Giving JSON and CSV, the OCDS release package and
 * the indicator results. Each is written to the response as it is read from the database.
 */
export const openDataDownloads: FastifyPluginAsync<{ ctx: AppContext }> = async (app, { ctx }) => {
  const lang = (query: unknown): DataLang => {
    const parsed = Query.safeParse(query ?? {});
    if (!parsed.success) throw new AppError('BAD_PARAMETER', { parameter: 'lang' });
    return parsed.data.lang;
  };

  /** The date of the data, as of now: the date in the files and the response's Last-Modified. */
  const dated = async () => (await openDataDate(ctx.db)) ?? ctx.clock.now();

  /**
   * Open data is for any site to read, so other origins may fetch it. A file that depends only
   * on the data (not on the clock, as OCDS statuses do) is `conditional`: a harvester that sends
   * If-Modified-Since gets 304 while nothing has changed, and nothing more is read.
   */
  const send = (req: FastifyRequest, reply: FastifyReply, type: string, name: string, at: Date, body: () => Readable, conditional = true) => {
    reply
      .header('cache-control', 'public, max-age=300')
      .header('access-control-allow-origin', '*')
      .header('cross-origin-resource-policy', 'cross-origin');
    if (conditional) {
      reply.header('last-modified', at.toUTCString());
      const since = Date.parse(String(req.headers['if-modified-since'] ?? ''));
      if (!Number.isNaN(since) && Math.floor(at.getTime() / 1000) <= Math.floor(since / 1000)) return reply.code(304).send();
    }
    return reply
      .header('content-type', type)
      .header('content-disposition', contentDisposition(name))
      .header('x-content-type-options', 'nosniff')
      .send(body());
  };

  const day = isoDay;
  const suffix = (l: DataLang) => (l === 'kk' ? '' : `-${l}`);

  app.get(OPEN_DATA_PATHS.threeSixtyGivingJson, { config: downloadLimit }, async (req, reply) => {
    const l = lang(req.query);
    const at = await dated();
    return send(req, reply, 'application/json; charset=utf-8', `ortaq-360giving${suffix(l)}-${day(at)}.json`, at, () => threeSixtyGivingJson(ctx, l, at));
  });

  app.get(OPEN_DATA_PATHS.threeSixtyGivingCsv, { config: downloadLimit }, async (req, reply) => {
    const l = lang(req.query);
    const at = await dated();
    return send(req, reply, 'text/csv; charset=utf-8; header=present', `ortaq-360giving${suffix(l)}-${day(at)}.csv`, at, () => threeSixtyGivingCsv(ctx, l));
  });

  app.get(OPEN_DATA_PATHS.ocds, { config: downloadLimit }, async (req, reply) => {
    const l = lang(req.query);
    const at = await dated();
    return send(req, reply, 'application/json; charset=utf-8', `ortaq-ocds${suffix(l)}-${day(at)}.json`, at, () => ocdsReleasePackage(ctx, l, at), false);
  });

  app.get(OPEN_DATA_PATHS.indicatorResults, { config: downloadLimit }, async (req, reply) => {
    const at = await dated();
    return send(req, reply, 'application/json; charset=utf-8', `ortaq-indicator-results-${day(at)}.json`, at, () => indicatorResultsJson(ctx, at));
  });
};
