import type { FastifyPluginAsync, FastifyReply } from 'fastify';
import { AppError } from '../../core/errors/app-error.ts';
import { safeFileName } from '../../core/files/sniff.ts';
import type { AppContext } from '../../core/module.ts';
import { exportCsv, exportXlsx } from './export-organisations.ts';
import { ImportRefusedError, importOrganisations } from './import-organisations.ts';
import { SearchParams } from './inputs.ts';
import { ImportPage, type ImportPageState } from './views/import-page.tsx';

/** Exports are whole-register reads: a few a minute per address is plenty for people. */
const exportLimit = { rateLimit: { max: 20, timeWindow: '1 minute' } };

/** The register's exports (any search, as CSV or XLSX) and the administrators' import page. */
export const importRoutes: FastifyPluginAsync<{ ctx: AppContext }> = async (app, { ctx }) => {
  const download = (reply: FastifyReply, type: string, extension: string) => {
    const day = new Date().toISOString().slice(0, 10);
    return reply
      .header('content-type', type)
      .header('content-disposition', `attachment; filename="organisations-${day}.${extension}"`)
      .header('cache-control', 'no-store');
  };

  app.get('/organisations/export.csv', { config: exportLimit }, async (req, reply) => {
    ctx.policy.authorize(req.actor, 'organisation.list');
    const parsed = SearchParams.safeParse(req.query);
    if (!parsed.success) throw new AppError('BAD_REQUEST');
    return download(reply, 'text/csv; charset=utf-8', 'csv').send(exportCsv(ctx.db, parsed.data, req.lang));
  });

  app.get('/organisations/export.xlsx', { config: exportLimit }, async (req, reply) => {
    ctx.policy.authorize(req.actor, 'organisation.list');
    const parsed = SearchParams.safeParse(req.query);
    if (!parsed.success) throw new AppError('BAD_REQUEST');
    return download(reply, 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', 'xlsx').send(exportXlsx(ctx.db, parsed.data, req.lang));
  });

  const maxMb = Math.floor(ctx.config.maxUploadBytes / 1048576);
  const page = (reply: FastifyReply, lang: Parameters<typeof ctx.messages.format>[0], state: ImportPageState, status = 200) =>
    reply.page(ctx.messages.format(lang, 'organisations.import.title'), <ImportPage state={state} maxMb={maxMb} />, status);

  app.get('/admin/import/organisations', async (req, reply) => {
    ctx.policy.authorize(req.actor, 'organisation.import');
    return page(reply, req.lang, { kind: 'form' });
  });

  app.post('/admin/import/organisations', async (req, reply) => {
    ctx.policy.authorize(req.actor, 'organisation.import');
    if (!req.isMultipart()) throw new AppError('UNSUPPORTED_MEDIA_TYPE');
    let file: { bytes: Buffer; name: string } | undefined;
    let allOrNothing = false;
    // The upload's size is capped by the multipart limit (MAX_UPLOAD_MB): beyond it, 413.
    try {
      for await (const part of req.parts()) {
        if (part.type === 'file') {
          const bytes = await part.toBuffer();
          // The name is only shown and logged: without folders or control characters.
          if (part.fieldname === 'file' && !file && bytes.length > 0) file = { bytes, name: safeFileName(part.filename) };
        } else if (part.fieldname === 'allOrNothing') {
          allOrNothing = part.value === 'yes';
        }
      }
    } catch (err) {
      // A body that is not the multipart it claims (busboy's errors carry no status) is a bad request, not a failure.
      const status = (err as { statusCode?: number }).statusCode;
      throw status && status < 500 ? err : new AppError('BAD_REQUEST');
    }
    if (!file) return page(reply, req.lang, { kind: 'form', missingFile: true }, 422);
    try {
      const result = await importOrganisations(ctx, { bytes: file.bytes, fileName: file.name, allOrNothing, actorId: req.actor.userId });
      req.log.info({ file: file.name, created: result.created, updated: result.updated, unchanged: result.unchanged, rejected: result.rejected }, 'organisations imported');
      return page(reply, req.lang, { kind: 'done', fileName: file.name, result }, result.written ? 200 : 422);
    } catch (err) {
      if (!(err instanceof ImportRefusedError)) throw err;
      return page(reply, req.lang, { kind: 'refused', code: err.code, params: err.params }, 422);
    }
  });
};
