import { localYear } from '../../core/format/local-time.ts';
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { AppError } from '../../core/errors/app-error.ts';
import { formatters } from '../../core/format/intl.ts';
import { emptyForm, type FormErrors, type FormState, type FormValues, formError, parseForm } from '../../core/http/forms.ts';
import { requireSignIn } from '../../core/http/guards.ts';
import type { AppContext } from '../../core/module.ts';
import { announceCompetition, reannounceLots } from './announce-competition.ts';
import { decideAdmission } from './decide-admission.ts';
import {
  BLANK_LOT_ROWS,
  keptValues,
  lotField,
  lotRowCount,
  MAX_LOT_ROWS,
  parseAnnounceForm,
  parseDates,
  problemErrors,
} from './manage-inputs.ts';
import { alreadyReannounced, competitionsOfBodies, deskOf, mciOf, organiserBodies, ruleVersionList } from './manage-queries.ts';
import { nameCommission } from './name-commission.ts';
import { competitionPhase } from './phase.ts';
import { publishResults } from './publish-results.ts';
import { applicationAttachmentsOf, applicationRef, type CompetitionRow, loadApplication, loadCompetition } from './records.ts';
import { startEvaluation } from './start-evaluation.ts';
import { AnnounceFormPage } from './views/manage-announce.tsx';
import { ManageApplicationPage } from './views/manage-application.tsx';
import { type DeskForms, DeskPage } from './views/manage-desk.tsx';
import { ManageListPage } from './views/manage-list.tsx';

const AdmissionInput = z.discriminatedUnion('decision', [
  z.object({ decision: z.literal('admit') }),
  z.object({
    decision: z.literal('refuse'),
    reason: z.string({ message: 'competitions.manage.error.reason' }).trim().min(1, 'competitions.manage.error.reason').max(2000, 'form.error.too-long'),
  }),
]);

const list = (v: FormValues[string]): string[] => (v === undefined ? [] : Array.isArray(v) ? v : [v]);

/**
 * The organiser's desk: announcing competitions, deciding admission, naming the commission,
 * starting its work, publishing the results and re-announcing failed lots. Every route is for
 * staff of the organising state body who hold the organiser role; the rest get 403.
 */
export const manageRoutes: FastifyPluginAsync<{ ctx: AppContext }> = async (app, { ctx }) => {
  const t = (req: FastifyRequest, key: string, params?: Record<string, string | number>) => ctx.messages.format(req.lang, key, params);
  const to = (req: FastifyRequest, path: string) => `/${req.lang}${path}`;
  const body = (req: FastifyRequest) => (req.body ?? {}) as FormValues;

  /** The state bodies the actor organises for; someone who organises for none is refused the desk. */
  async function bodiesOf(req: FastifyRequest) {
    const bodies = await organiserBodies(ctx, req.actor);
    if (!bodies.length) throw new AppError('FORBIDDEN');
    return bodies;
  }

  async function managed(req: FastifyRequest<{ Params: { id: string } }>): Promise<CompetitionRow> {
    const competition = await loadCompetition(ctx.db, req.params.id);
    ctx.policy.authorize(req.actor, 'competition.manage', competition);
    return competition;
  }

  async function renderDesk(req: FastifyRequest, reply: FastifyReply, competition: CompetitionRow, forms: DeskForms = {}, status = 200) {
    const desk = await deskOf(ctx.db, competition);
    const phase = competitionPhase(competition, ctx.clock.now());
    return reply.page(`${competition.number} — ${t(req, 'competitions.manage.desk.title')}`, <DeskPage desk={desk} phase={phase} forms={forms} />, status);
  }

  const backToDesk = (req: FastifyRequest, reply: FastifyReply, id: string, key: string, anchor = '') =>
    reply.flashNext({ kind: 'success', key }).redirect(to(req, `/manage/competitions/${id}${anchor}`), 303);

  app.get('/manage/competitions', { preHandler: requireSignIn }, async (req, reply) => {
    const bodies = await bodiesOf(req);
    const items = await competitionsOfBodies(ctx.db, bodies.map((b) => b.id));
    return reply.page(t(req, 'competitions.manage.list.title'), <ManageListPage items={items} now={ctx.clock.now()} />);
  });

  async function announcePage(req: FastifyRequest, reply: FastifyReply, form: FormState, rows: number, status = 200) {
    const [bodies, rules] = await Promise.all([bodiesOf(req), ruleVersionList(ctx.db)]);
    return reply.page(t(req, 'competitions.manage.new.title'), <AnnounceFormPage form={form} rows={rows} bodies={bodies} rules={rules} />, status);
  }

  app.get('/manage/competitions/new', { preHandler: requireSignIn }, async (req, reply) => {
    const bodies = await bodiesOf(req);
    const rules = await ruleVersionList(ctx.db);
    const values: FormValues = {
      organiserId: bodies[0]!.id,
      instrument: 'grant',
      ruleVersionId: rules.find((r) => r.instrument === 'grant')?.id ?? '',
      year: String(localYear(ctx.clock.now())),
    };
    for (let i = 0; i < BLANK_LOT_ROWS; i++) values[lotField(i, 'durationType')] = 'short';
    return announcePage(req, reply, emptyForm(values), BLANK_LOT_ROWS);
  });

  app.post('/manage/competitions/new', { preHandler: requireSignIn }, async (req, reply) => {
    const bodies = await bodiesOf(req);
    const values = keptValues(body(req));
    const rows = lotRowCount(body(req));
    // Without JavaScript, "add rows" is a submit button: the form comes back with every value and more empty rows.
    if (body(req).addRows) {
      const more = Math.min(rows + BLANK_LOT_ROWS, MAX_LOT_ROWS);
      for (let i = rows; i < more; i++) values[lotField(i, 'durationType')] ??= 'short';
      return announcePage(req, reply, emptyForm(values), more);
    }
    const rules = await ruleVersionList(ctx.db);
    const parsed = parseAnnounceForm(body(req), { organiserIds: bodies.map((b) => b.id), ruleVersions: rules });
    if (!parsed.ok) return announcePage(req, reply, { values, errors: parsed.errors }, rows, 422);
    const result = await announceCompetition(ctx, req.actor, parsed.input);
    if (!result.ok) {
      const { money, number } = formatters(req.lang);
      const errors = problemErrors(result.problems, parsed, { lang: req.lang, mciTiyn: await mciOf(ctx.db, parsed.input.year), money, number });
      return announcePage(req, reply, { values, errors }, rows, 422);
    }
    return backToDesk(req, reply, result.id, 'competitions.manage.new.done');
  });

  app.get<{ Params: { id: string } }>('/manage/competitions/:id', { preHandler: requireSignIn }, async (req, reply) => renderDesk(req, reply, await managed(req)));

  app.post<{ Params: { id: string } }>('/manage/competitions/:id/commission', { preHandler: requireSignIn }, async (req, reply) => {
    const competition = await managed(req);
    const expertIds = list(body(req).expertIds);
    const result = await nameCommission(ctx, req.actor, competition.id, expertIds);
    if (!result.ok) return renderDesk(req, reply, competition, { commission: formError({ expertIds }, 'expertIds', result.key) }, 422);
    return backToDesk(req, reply, competition.id, 'competitions.manage.commission.done', '#commission');
  });

  app.post<{ Params: { id: string } }>('/manage/competitions/:id/evaluation', { preHandler: requireSignIn }, async (req, reply) => {
    const competition = await managed(req);
    const result = await startEvaluation(ctx, req.actor, competition.id);
    if (!result.ok) return renderDesk(req, reply, competition, { evaluation: { key: result.key } }, 422);
    return backToDesk(req, reply, competition.id, 'competitions.manage.stage.started', '#stage');
  });

  app.post<{ Params: { id: string } }>('/manage/competitions/:id/results', { preHandler: requireSignIn }, async (req, reply) => {
    const competition = await managed(req);
    const result = await publishResults(ctx, req.actor, competition.id);
    if (!result.ok) return renderDesk(req, reply, competition, { results: { key: result.key, params: result.params } }, 422);
    return backToDesk(req, reply, competition.id, 'competitions.manage.stage.published-done', '#stage');
  });

  app.post<{ Params: { id: string } }>('/manage/competitions/:id/reannounce', { preHandler: requireSignIn }, async (req, reply) => {
    const competition = await managed(req);
    const values = keptValues(body(req));
    // A second press of the button must not announce the same lots twice.
    if (await alreadyReannounced(ctx.db, competition.id)) {
      return renderDesk(req, reply, competition, { reannounce: { values, errors: { _form: { key: 'competitions.manage.error.already-reannounced' } } } }, 422);
    }
    const errors: FormErrors = {};
    const dates = parseDates(body(req), errors);
    if (!dates) return renderDesk(req, reply, competition, { reannounce: { values, errors } }, 422);
    const result = await reannounceLots(ctx, req.actor, competition.id, dates);
    if (!result.ok) {
      const fieldOf = (key: string) => (key === 'competitions.error.dates' ? 'deadlineAt' : key === 'competitions.error.no-mci' ? 'announcedAt' : '_form');
      const problems = Object.fromEntries(result.problems.map((p) => [p.lot ? '_form' : fieldOf(p.key), { key: p.key, params: p.params }]));
      return renderDesk(req, reply, competition, { reannounce: { values, errors: problems } }, 422);
    }
    return backToDesk(req, reply, result.id, 'competitions.manage.reannounce.done');
  });

  async function decidable(req: FastifyRequest<{ Params: { appId: string } }>) {
    const record = await loadApplication(ctx.db, req.params.appId);
    ctx.policy.authorize(req.actor, 'application.decide', applicationRef(record));
    // The organiser sees an application once it is submitted; drafts are the applicant's own.
    if (!record.application.receiptNumber || record.application.status === 'withdrawn' || record.application.status === 'draft') throw new AppError('NOT_FOUND');
    return record;
  }

  async function applicationPage(req: FastifyRequest, reply: FastifyReply, record: Awaited<ReturnType<typeof decidable>>, form: FormState, status = 200) {
    const canDecide = competitionPhase(record.competition, ctx.clock.now()) === 'admission';
    const title = t(req, 'competitions.manage.application.title', { number: record.application.receiptNumber ?? '—' });
    return reply.page(title, <ManageApplicationPage record={record} canDecide={canDecide} form={form} attachments={await applicationAttachmentsOf(ctx.db, record.application.id)} />, status);
  }

  app.get<{ Params: { appId: string } }>('/manage/applications/:appId', { preHandler: requireSignIn }, async (req, reply) =>
    applicationPage(req, reply, await decidable(req), emptyForm()),
  );

  app.post<{ Params: { appId: string } }>('/manage/applications/:appId/admission', { preHandler: requireSignIn }, async (req, reply) => {
    const record = await decidable(req);
    const parsed = parseForm(AdmissionInput, body(req));
    if (!parsed.ok) {
      // A missing reason is the one error a person can make here; a missing decision is a broken form.
      const form = parsed.form.errors.decision ? formError(body(req), '_form', 'competitions.manage.error.decision') : parsed.form;
      return applicationPage(req, reply, record, form, 422);
    }
    const decision = parsed.data.decision === 'admit' ? ({ admit: true } as const) : ({ admit: false, reason: parsed.data.reason } as const);
    const result = await decideAdmission(ctx, req.actor, record.application.id, decision);
    if (!result.ok) return applicationPage(req, reply, record, formError(body(req), '_form', result.key), 422);
    const key = decision.admit ? 'competitions.manage.admission.admitted' : 'competitions.manage.admission.refused';
    return reply
      .flashNext({ kind: 'success', key, params: { number: record.application.receiptNumber ?? '' } })
      .redirect(to(req, `/manage/competitions/${record.competition.id}#application-${record.application.id}`), 303);
  });
};
