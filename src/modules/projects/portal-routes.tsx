import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { AppError, forbidden, notFound } from '../../core/errors/app-error.ts';
import { contentDisposition } from '../../core/http/content-disposition.ts';
import { emptyForm, type FormState, type FormValues, parseForm } from '../../core/http/forms.ts';
import { PUBLIC_PAGE } from '../../core/http/page-cache.ts';
import type { AppContext } from '../../core/module.ts';
import { leaveFeedback } from './feedback.ts';
import { loadProject } from './records.ts';
import { financeFiles, type PublicProject, ProjectListParams, listProjects, projectReportFile, publicProject } from './portal-queries.ts';
import { ProjectListPage } from './views/portal-list.tsx';
import { projectTitle } from './views/portal-parts.tsx';
import { FEEDBACK_COMMENT_MAX, FEEDBACK_NAME_MAX, ProjectPage } from './views/portal-project.tsx';

/** A citizen's comment: a name and the comment, both required, both limited. */
const FeedbackInput = z.object({
  name: z.string().trim().min(1, 'projects.portal.feedback.error.name').max(FEEDBACK_NAME_MAX, 'projects.portal.feedback.error.name-long'),
  comment: z.string().trim().min(1, 'projects.portal.feedback.error.comment').max(FEEDBACK_COMMENT_MAX, 'projects.portal.feedback.error.comment-long'),
});

/** The public portal of funded projects: the list with its map, each project's page, its comments and its files. */
export const portalRoutes: FastifyPluginAsync<{ ctx: AppContext }> = async (app, { ctx }) => {
  async function projectPage(req: FastifyRequest, reply: FastifyReply, data: PublicProject, form: FormState, status = 200) {
    const inside = ctx.policy.can(req.actor, 'project.inside', data.ref);
    const finance = inside ? await financeFiles(ctx.db, data.reports.map((r) => r.id)) : [];
    return reply.page(projectTitle(data.project, req.lang), <ProjectPage data={data} form={form} finance={finance} />, status);
  }

  async function visibleProject(req: FastifyRequest, id: string): Promise<PublicProject> {
    const data = await publicProject(ctx.db, id);
    if (!data) throw notFound();
    ctx.policy.authorize(req.actor, 'project.view', data.ref);
    return data;
  }

  app.get('/projects', { config: PUBLIC_PAGE }, async (req, reply) => {
    const parsed = ProjectListParams.safeParse(req.query);
    if (!parsed.success) throw new AppError('BAD_REQUEST');
    const result = await listProjects(ctx.db, parsed.data);
    return reply.page(ctx.messages.format(req.lang, 'projects.portal.list.title'), <ProjectListPage params={parsed.data} result={result} />);
  });

  app.get<{ Params: { id: string } }>('/projects/:id', { config: PUBLIC_PAGE }, async (req, reply) => {
    const data = await visibleProject(req, req.params.id);
    return projectPage(req, reply, data, emptyForm());
  });

  app.post<{ Params: { id: string } }>('/projects/:id/feedback', { config: { rateLimit: { max: 5, timeWindow: '1 hour' } } }, async (req, reply) => {
    const parsed = parseForm(FeedbackInput, (req.body ?? {}) as FormValues);
    if (!parsed.ok) return projectPage(req, reply, await visibleProject(req, req.params.id), parsed.form, 422);
    // The use case finds the project (404 if there is none) and asks the policy.
    await leaveFeedback(ctx, req.actor, req.params.id, { authorName: parsed.data.name, body: parsed.data.comment });
    return reply.flashNext({ kind: 'success', key: 'projects.portal.feedback.thanks' }).redirect(`/${req.lang}/projects/${req.params.id}#feedback`, 303);
  });

  /**
   * A file of one of the project's reports. Evidence of an accepted report is public; everything
   * else (financial documents, and the evidence of a report not yet accepted) only for the two
   * sides. A financial document is refused to others; unaccepted evidence is not found, as the
   * report itself is not public.
   */
  app.get<{ Params: { id: string; fileId: string } }>('/projects/:id/files/:fileId', async (req, reply) => {
    const { project, ref } = await loadProject(ctx.db, req.params.id);
    const file = await projectReportFile(ctx.db, project.id, req.params.fileId);
    if (!file) throw notFound();
    const open = file.purpose === 'evidence' && file.reportStatus === 'accepted';
    if (!open && !ctx.policy.can(req.actor, 'project.inside', ref)) throw file.purpose === 'finance' ? forbidden() : notFound();
    return reply
      .type(file.mediaType)
      .header('content-length', file.size)
      .header('content-disposition', contentDisposition(file.name))
      .header('x-content-type-options', 'nosniff')
      .header('cache-control', open ? 'public, max-age=3600' : 'private, no-store')
      .send(ctx.blobs.open(file.sha256));
  });
};
