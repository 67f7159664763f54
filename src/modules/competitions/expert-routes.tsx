import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { notFound } from '../../core/errors/app-error.ts';
import { formatters } from '../../core/format/intl.ts';
import { emptyForm, type FormErrors, type FormState, type FormValues, parseForm } from '../../core/http/forms.ts';
import { requireSignIn } from '../../core/http/guards.ts';
import type { AppContext } from '../../core/module.ts';
import { organisationName } from '../organisations/index.ts';
import { type ExpertStanding, expertStanding } from './commission.ts';
import { declareConflict } from './declare-conflict.ts';
import { declaredNote, expertDesk, myScores, recusalReason, weightedTotal } from './expert-queries.ts';
import { type ApplicationRecord, loadApplication, applicationAttachmentsOf } from './records.ts';
import { maxScore } from './results.ts';
import type { Criterion } from './schema.ts';
import { type CriterionScore, scoreApplication } from './score-application.ts';
import { ExpertDeclarationPage } from './views/expert-declaration-page.tsx';
import { ExpertDeskPage } from './views/expert-desk-page.tsx';
import { ExpertNoticePage } from './views/expert-notice-page.tsx';
import { ExpertScoringPage } from './views/expert-scoring-page.tsx';

const optionalText = (max: number) => z.preprocess((v) => (v === '' ? undefined : v), z.string().trim().max(max, 'form.error.too-long').optional());

const DeclarationInput = z.object({
  hasConflict: z.enum(['yes', 'no'], { message: 'competitions.expert.declare.error.choice' }),
  note: optionalText(1000),
});

const COMMENT_MAX = 4000;

/**
 * The points and comment typed for each criterion of the rule, as the use case takes them; a
 * value that is not a whole number becomes NaN, which the use case refuses with its own message.
 */
function readScores(criteria: readonly Criterion[], body: FormValues): { given: CriterionScore[]; errors: FormErrors } {
  const first = (v: FormValues[string]) => (Array.isArray(v) ? (v[0] ?? '') : (v ?? ''));
  const errors: FormErrors = {};
  const given = criteria.map((c) => {
    const raw = first(body[`points.${c.code}`]).trim();
    const comment = first(body[`comment.${c.code}`]);
    if (comment.length > COMMENT_MAX) errors[`comment.${c.code}`] = { key: 'form.error.too-long' };
    return { criterion: c.code, points: /^\d{1,6}$/.test(raw) ? Number(raw) : Number.NaN, comment };
  });
  return { given, errors };
}

/** Everything the expert typed, except the CSRF token, to put back into a refused form. */
const kept = (body: FormValues): FormValues => Object.fromEntries(Object.entries(body).filter(([k]) => k !== '_csrf'));

/** The expert's saved scores as form values. */
const savedValues = (saved: Awaited<ReturnType<typeof myScores>>): FormValues =>
  Object.fromEntries(Object.entries(saved).flatMap(([code, s]) => [[`points.${code}`, String(s.points)], [`comment.${code}`, s.comment]]));

/**
 * The expert's desk: the competitions whose commission they sit on; per application a
 * declaration of conflicts of interest, then the scoring form. Routes stay thin: the use cases
 * (declare-conflict.ts, score-application.ts) authorise again and decide.
 */
export const expertRoutes: FastifyPluginAsync<{ ctx: AppContext }> = async (app, { ctx }) => {
  const t = (req: FastifyRequest, key: string, params?: Record<string, string | number>) => ctx.messages.format(req.lang, key, params);
  const to = (req: FastifyRequest, path: string) => `/${req.lang}${path}`;
  const body = (req: FastifyRequest) => (req.body ?? {}) as FormValues;
  type AppRequest = FastifyRequest<{ Params: { appId: string } }>;
  const appPath = (req: AppRequest) => `/expert/applications/${req.params.appId}`;
  const title = (req: FastifyRequest, record: ApplicationRecord) => t(req, 'competitions.expert.app.title', { receipt: record.application.receiptNumber ?? '' });

  /** Only experts come further; where they stand on this application is decided from the commission and their declarations. */
  async function seat(req: AppRequest) {
    ctx.policy.authorize(req.actor, 'expert.assignments');
    const record = await loadApplication(ctx.db, req.params.appId);
    const standing = await expertStanding(ctx.db, req.actor, record);
    return { record, standing };
  }

  /** A 403 page that says why: not on this commission, the commission not sitting or closed, recused, or not yet declared. */
  function refuse(req: AppRequest, reply: FastifyReply, record: ApplicationRecord, standing: ExpertStanding) {
    const params = { organisation: organisationName(record.organisation, req.lang), receipt: record.application.receiptNumber ?? '' };
    if (!standing.onCommission) {
      const heading = t(req, 'competitions.expert.refused.not-on-commission.title');
      return reply.page(heading, <ExpertNoticePage title={heading} message={t(req, 'competitions.expert.refused.not-on-commission')} />, 403);
    }
    const reason = recusalReason(standing);
    const [headingKey, messageKey] =
      standing.stage === 'published'
        ? ['competitions.expert.refused.locked.title', 'competitions.expert.refused.locked']
        : standing.stage !== 'evaluation'
          ? ['competitions.expert.refused.not-sitting.title', 'competitions.expert.refused.not-sitting']
          : reason
            ? ['competitions.expert.refused.recused.title', `competitions.expert.refused.recused.${reason}`]
            : !standing.declared
              ? ['competitions.expert.refused.undeclared.title', 'competitions.expert.refused.undeclared']
              : ['errors.title.403', 'errors.FORBIDDEN'];
    const note = reason === 'declared' ? declaredNote(standing) : null;
    const message = t(req, messageKey, params) + (note ? ` ${t(req, 'competitions.expert.refused.note', { note })}` : '');
    return reply.page(t(req, headingKey), <ExpertNoticePage title={t(req, headingKey)} message={message} record={record} />, 403);
  }

  function declarationPage(req: AppRequest, reply: FastifyReply, record: ApplicationRecord, standing: ExpertStanding, form: FormState, status = 200) {
    return reply.page(
      title(req, record),
      <ExpertDeclarationPage title={title(req, record)} record={record} form={form} action={to(req, `${appPath(req)}/declaration`)} memberOfApplicant={standing.memberOfApplicant} />,
      status,
    );
  }

  async function scoringPage(req: AppRequest, reply: FastifyReply, record: ApplicationRecord, form: FormState | null, status = 200) {
    const criteria = record.rule.definition.criteria;
    const saved = await myScores(ctx.db, req.actor, record.application.id);
    return reply.page(
      title(req, record),
      <ExpertScoringPage
        title={title(req, record)}
        record={record}
        attachments={await applicationAttachmentsOf(ctx.db, record.application.id)}
        form={form ?? emptyForm(savedValues(saved))}
        scoreAction={to(req, `${appPath(req)}/scores`)}
        declareAction={to(req, `${appPath(req)}/declaration`)}
        total={weightedTotal(criteria, saved)}
        maxScore={maxScore(criteria)}
      />,
      status,
    );
  }

  app.get('/expert', { preHandler: requireSignIn }, async (req, reply) => {
    ctx.policy.authorize(req.actor, 'expert.assignments');
    const desk = await expertDesk(ctx.db, req.actor);
    const heading = t(req, 'competitions.expert.desk.title');
    return reply.page(heading, <ExpertDeskPage title={heading} desk={desk} now={ctx.clock.now()} />);
  });

  app.get<{ Params: { appId: string } }>('/expert/applications/:appId', { preHandler: requireSignIn }, async (req, reply) => {
    const { record, standing } = await seat(req);
    if (!standing.onCommission) return refuse(req, reply, record, standing);
    if (record.application.status !== 'admitted') throw notFound();
    if (standing.stage !== 'evaluation') {
      // Not an attempt to change anything: say where the commission stands, and show the locked scores once it has closed.
      ctx.policy.authorize(req.actor, 'application.review-own-scores', standing);
      const closed = standing.stage === 'published';
      const criteria = record.rule.definition.criteria;
      const saved = closed ? await myScores(ctx.db, req.actor, record.application.id) : {};
      const message = t(req, closed ? 'competitions.expert.refused.locked' : 'competitions.expert.refused.not-sitting');
      return reply.page(
        title(req, record),
        <ExpertNoticePage title={title(req, record)} message={message} record={record} scores={saved} total={weightedTotal(criteria, saved)} maxScore={maxScore(criteria)} />,
      );
    }
    if (!standing.declared) {
      ctx.policy.authorize(req.actor, 'application.declare', standing);
      return declarationPage(req, reply, record, standing, emptyForm());
    }
    if (!ctx.policy.can(req.actor, 'application.score', standing)) return refuse(req, reply, record, standing);
    return scoringPage(req, reply, record, null);
  });

  app.post<{ Params: { appId: string } }>('/expert/applications/:appId/declaration', { preHandler: requireSignIn }, async (req, reply) => {
    const { record, standing } = await seat(req);
    if (!standing.onCommission) return refuse(req, reply, record, standing);
    if (record.application.status !== 'admitted') throw notFound();
    if (!ctx.policy.can(req.actor, 'application.declare', standing)) return refuse(req, reply, record, standing);
    const parsed = parseForm(DeclarationInput, body(req));
    if (!parsed.ok) return declarationPage(req, reply, record, standing, parsed.form, 422);
    const hasConflict = parsed.data.hasConflict === 'yes';
    const result = await declareConflict(ctx, req.actor, record.application.id, { hasConflict, note: parsed.data.note });
    if (!result.ok) return reply.flashNext({ kind: 'error', key: result.key }).redirect(to(req, appPath(req)), 303);
    if (hasConflict) {
      const receipt = record.application.receiptNumber ?? '';
      return reply.flashNext({ kind: 'success', key: 'competitions.expert.declare.recused', params: { receipt } }).redirect(to(req, '/expert'), 303);
    }
    return reply.flashNext({ kind: 'success', key: 'competitions.expert.declare.done' }).redirect(to(req, appPath(req)), 303);
  });

  app.post<{ Params: { appId: string } }>('/expert/applications/:appId/scores', { preHandler: requireSignIn }, async (req, reply) => {
    const { record, standing } = await seat(req);
    if (!standing.onCommission) return refuse(req, reply, record, standing);
    if (record.application.status !== 'admitted') throw notFound();
    if (!ctx.policy.can(req.actor, 'application.score', standing)) return refuse(req, reply, record, standing);
    const criteria = record.rule.definition.criteria;
    const { given, errors } = readScores(criteria, body(req));
    if (Object.keys(errors).length) return scoringPage(req, reply, record, { values: kept(body(req)), errors }, 422);
    const result = await scoreApplication(ctx, req.actor, record.application.id, given);
    if (!result.ok) return scoringPage(req, reply, record, { values: kept(body(req)), errors: explained(req, criteria, result.errors) }, 422);
    const total = weightedTotal(criteria, Object.fromEntries(given.map((g) => [g.criterion, g])))!;
    const f = formatters(req.lang).number;
    return reply
      .flashNext({
        kind: 'success',
        key: 'competitions.expert.score.saved',
        params: { receipt: record.application.receiptNumber ?? '', total: f(total), max: f(maxScore(criteria)) },
      })
      .redirect(to(req, '/expert'), 303);
  });

  /** The use case's per-field errors, naming the criterion so that the summary at the top says which one. */
  function explained(req: FastifyRequest, criteria: readonly Criterion[], errors: Record<string, string>): FormErrors {
    const out: FormErrors = {};
    for (const [field, key] of Object.entries(errors)) {
      const [kind, code] = field.split('.', 2) as [string, string | undefined];
      const c = criteria.find((x) => x.code === code);
      const criterion = c ? c.title[req.lang] || c.title.ru : '';
      if (c && kind === 'points' && key === 'competitions.score.error.points') out[field] = { key: 'competitions.expert.score.error.points', params: { criterion, max: c.maxPoints } };
      else if (c && kind === 'comment' && key === 'competitions.score.error.comment') out[field] = { key: 'competitions.expert.score.error.comment', params: { criterion } };
      else out[field] = { key };
    }
    return out;
  }
};
