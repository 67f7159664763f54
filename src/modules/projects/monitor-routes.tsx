import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { hasRole, isAdmin } from '../../core/auth/actor.ts';
import { AppError } from '../../core/errors/app-error.ts';
import { type FormState, type FormValues, formError, parseForm } from '../../core/http/forms.ts';
import { requireSignIn } from '../../core/http/guards.ts';
import { LOCALE_TAGS } from '../../core/i18n/langs.ts';
import type { AppContext } from '../../core/module.ts';
import { localised } from '../competitions/index.ts';
import { changeProjectStatus, NEXT_STATUSES } from './change-project-status.ts';
import { evaluateProject, explainEvaluationErrors, parseEvaluationForm } from './evaluate-project.ts';
import { moderateFeedback } from './feedback.ts';
import { feedbackProject, moderationQueue, monitorDeskOf, monitoredProjects } from './monitor-queries.ts';
import { recordVisit, VisitForm } from './record-visit.ts';
import { isoDay, loadProject, type ProjectRecord } from './records.ts';
import { type EvaluationCriterion, PROJECT_STATUSES, type ProjectStatus } from './schema.ts';
import { MonitorDeskPage, type MonitorForms } from './views/monitor-desk.tsx';
import { MonitorListPage } from './views/monitor-list.tsx';

const StatusForm = z.object({
  to: z.enum(PROJECT_STATUSES, { message: 'projects.monitor.error.status' }),
  reason: z.string({ message: 'projects.error.reason' }).trim().min(1, 'projects.error.reason').max(2000, 'form.error.too-long'),
});

const ModerationForm = z.object({
  decision: z.enum(['publish', 'reject']),
  /** The page the buttons were on, to come back to it. */
  from: z.enum(['list', 'desk']).catch('list'),
});

type WithId = FastifyRequest<{ Params: { id: string } }>;

/**
 * The organiser's monitoring: the list of projects their competitions fund, each project's desk
 * (status with reason, visits with risk flags, final evaluation), and the moderation of citizens'
 * comments, which platform admins may do too. Everyone else gets 403.
 */
export const monitorRoutes: FastifyPluginAsync<{ ctx: AppContext }> = async (app, { ctx }) => {
  const t = (req: FastifyRequest, key: string, params?: Record<string, string | number>) => ctx.messages.format(req.lang, key, params);
  const to = (req: FastifyRequest, path: string) => `/${req.lang}${path}`;
  const body = (req: FastifyRequest) => (req.body ?? {}) as FormValues;

  async function monitored(req: WithId): Promise<ProjectRecord> {
    const record = await loadProject(ctx.db, req.params.id);
    ctx.policy.authorize(req.actor, 'project.monitor', record.ref);
    return record;
  }

  /** The desk as it is now (read again, so a failed form shows the latest state), with any failed form. */
  async function renderDesk(req: FastifyRequest, reply: FastifyReply, projectId: string, forms: MonitorForms = {}, status = 200) {
    const record = await loadProject(ctx.db, projectId);
    const desk = await monitorDeskOf(ctx.db, record);
    const title = `${localised(record.project, req.lang)} — ${t(req, 'projects.monitor.desk.title')}`;
    return reply.page(title, <MonitorDeskPage desk={desk} next={NEXT_STATUSES[record.project.status]} today={isoDay(ctx.clock.now())} forms={forms} />, status);
  }

  const backToDesk = (req: FastifyRequest, reply: FastifyReply, id: string, key: string, anchor: string, params?: Record<string, string>) =>
    reply.flashNext({ kind: 'success', key, params }).redirect(to(req, `/manage/projects/${id}${anchor}`), 303);

  /** Why a status cannot follow the current one, naming both and what may follow instead. */
  async function transitionRefused(req: FastifyRequest, projectId: string, wanted: ProjectStatus, values: FormValues): Promise<FormState> {
    const { project } = await loadProject(ctx.db, projectId);
    const name = (s: ProjectStatus) => t(req, `projects.status.${s}`);
    const next = NEXT_STATUSES[project.status];
    if (!next.length) return formError(values, '_form', 'projects.monitor.error.transition-final', { from: name(project.status), to: name(wanted) });
    const allowed = new Intl.ListFormat(LOCALE_TAGS[req.lang], { type: 'disjunction' }).format(next.map(name));
    return formError(values, 'to', 'projects.monitor.error.transition', { from: name(project.status), to: name(wanted), allowed });
  }

  app.get('/manage/projects', { preHandler: requireSignIn }, async (req, reply) => {
    const organiser = hasRole(req.actor, 'organiser');
    if (!organiser && !isAdmin(req.actor)) throw new AppError('FORBIDDEN');
    const items = await monitoredProjects(ctx, req.actor);
    const queue = await moderationQueue(ctx, req.actor, items.map((i) => i.project.id));
    return reply.page(t(req, 'projects.monitor.list.title'), <MonitorListPage items={items} queue={queue} organiser={organiser} />);
  });

  app.get<{ Params: { id: string } }>('/manage/projects/:id', { preHandler: requireSignIn }, async (req, reply) => {
    const record = await monitored(req);
    return renderDesk(req, reply, record.project.id);
  });

  app.post<{ Params: { id: string } }>('/manage/projects/:id/status', { preHandler: requireSignIn }, async (req, reply) => {
    const { project } = await monitored(req);
    const parsed = parseForm(StatusForm, body(req));
    if (!parsed.ok) return renderDesk(req, reply, project.id, { status: parsed.form }, 422);
    const result = await changeProjectStatus(ctx, req.actor, project.id, parsed.data.to, parsed.data.reason);
    if (!result.ok) {
      const form = result.key === 'projects.error.status-change' ? await transitionRefused(req, project.id, parsed.data.to, body(req)) : formError(body(req), 'reason', result.key);
      return renderDesk(req, reply, project.id, { status: form }, 422);
    }
    return backToDesk(req, reply, project.id, 'projects.monitor.status.done', '#status', { status: t(req, `projects.status.${parsed.data.to}`) });
  });

  app.post<{ Params: { id: string } }>('/manage/projects/:id/visits', { preHandler: requireSignIn }, async (req, reply) => {
    const { project } = await monitored(req);
    const parsed = parseForm(VisitForm, body(req));
    if (!parsed.ok) return renderDesk(req, reply, project.id, { visit: parsed.form }, 422);
    const result = await recordVisit(ctx, req.actor, project.id, parsed.data);
    if (!result.ok) return renderDesk(req, reply, project.id, { visit: formError(body(req), result.field, result.key) }, 422);
    return backToDesk(req, reply, project.id, 'projects.monitor.visits.done', `#visit-${result.id}`);
  });

  app.post<{ Params: { id: string } }>('/manage/projects/:id/evaluation', { preHandler: requireSignIn }, async (req, reply) => {
    const { project } = await monitored(req);
    const criterionName = (c: EvaluationCriterion) => t(req, `projects.monitor.criterion.${c}`);
    const parsed = parseEvaluationForm(body(req), criterionName);
    if (!parsed.ok) return renderDesk(req, reply, project.id, { evaluation: parsed.form }, 422);
    const result = await evaluateProject(ctx, req.actor, project.id, parsed.input);
    if (!result.ok) {
      const form = explainEvaluationErrors(formError(body(req), result.field ?? '_form', result.key, result.params), criterionName);
      return renderDesk(req, reply, project.id, { evaluation: form }, 422);
    }
    return backToDesk(req, reply, project.id, 'projects.monitor.evaluation.done', '#evaluation');
  });

  app.post<{ Params: { feedbackId: string } }>('/manage/feedback/:feedbackId', { preHandler: requireSignIn }, async (req, reply) => {
    const record = await feedbackProject(ctx.db, req.params.feedbackId);
    ctx.policy.authorize(req.actor, 'feedback.moderate', record.ref);
    const parsed = ModerationForm.safeParse(body(req));
    if (!parsed.success) throw new AppError('BAD_REQUEST');
    const publish = parsed.data.decision === 'publish';
    await moderateFeedback(ctx, req.actor, req.params.feedbackId, publish);
    const flash = { kind: 'success', key: publish ? 'projects.monitor.queue.published' : 'projects.monitor.queue.rejected' } as const;
    const back = parsed.data.from === 'desk' && ctx.policy.can(req.actor, 'project.monitor', record.ref) ? `/manage/projects/${record.project.id}#feedback` : '/manage/projects#queue';
    return reply.flashNext(flash).redirect(to(req, back), 303);
  });
};
