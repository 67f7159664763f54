import { and, desc, eq, inArray } from 'drizzle-orm';
import { z } from 'zod';
import { recordAudit } from '../../core/audit/audit-log.ts';
import type { Actor } from '../../core/auth/actor.ts';
import type { Executor } from '../../core/db/client.ts';
import { type FormState, type FormValues, parseForm } from '../../core/http/forms.ts';
import type { MessageParams } from '../../core/i18n/messages.ts';
import type { AppContext } from '../../core/module.ts';
import { loadProject, type ProjectRow } from './records.ts';
import { EVALUATION_CRITERIA, type EvaluationCriterion, projectEvaluations, projectPeriods, reports } from './schema.ts';

/** Scales seen in practice are 5 and 15 points per criterion (research/domain_kz.md §4); any up to 100 is accepted. */
export const MAX_SCALE = 100;

export type EvaluationInput = {
  scaleMax: number;
  scores: Record<EvaluationCriterion, { points: number; conclusion: string }>;
};

export const pointsField = (c: EvaluationCriterion) => `${c}.points`;
export const conclusionField = (c: EvaluationCriterion) => `${c}.conclusion`;

const POINTS = /^\d{1,3}(?:[.,]\d{1,2})?$/;
const toNumber = (v: string) => Number(v.trim().replace(',', '.'));

/**
 * The evaluation form: the scale, then points and a written conclusion for each of the five
 * criteria. Points may carry a fraction (a council's mean); that they stay within the scale is
 * checked by `parseEvaluationForm`, so it is told even when other fields are wrong too.
 */
export const EvaluationForm = z.object({
  scaleMax: z
    .string({ message: 'projects.monitor.error.scale' })
    .trim()
    .regex(/^\d{1,3}$/, 'projects.monitor.error.scale')
    .transform(Number)
    .refine((n) => n >= 1 && n <= MAX_SCALE, 'projects.monitor.error.scale'),
  ...Object.fromEntries(
    EVALUATION_CRITERIA.flatMap((c) => [
      [pointsField(c), z.string({ message: 'projects.monitor.error.points-missing' }).trim().regex(POINTS, 'projects.monitor.error.points-missing').transform(toNumber)],
      [conclusionField(c), z.string({ message: 'projects.monitor.error.conclusion' }).trim().min(1, 'projects.monitor.error.conclusion').max(3000, 'form.error.too-long')],
    ]),
  ),
});

/**
 * Reads the evaluation form into the use case's input, or the form back with its errors. Every
 * error on a criterion's field names the criterion (`criterionName` gives it in the reader's
 * language), so the summary at the top of the page says which one is wrong.
 */
export function parseEvaluationForm(body: unknown, criterionName: (c: EvaluationCriterion) => string): { ok: true; input: EvaluationInput } | { ok: false; form: FormState } {
  const parsed = parseForm(EvaluationForm, body);
  const values = (parsed.ok ? parsed.data : {}) as Record<string, number | string>;
  const { _csrf: _, ...typed } = (body ?? {}) as FormValues;
  const form: FormState = parsed.ok ? { values: typed, errors: {} } : parsed.form;
  const raw = form.values.scaleMax;
  const scale = /^\d{1,3}$/.test(String(raw ?? '').trim()) ? Number(String(raw).trim()) : null;
  if (scale !== null && !form.errors.scaleMax) {
    for (const c of EVALUATION_CRITERIA) {
      const points = String(form.values[pointsField(c)] ?? '').trim();
      if (!form.errors[pointsField(c)] && POINTS.test(points) && toNumber(points) > scale) form.errors[pointsField(c)] = { key: 'projects.monitor.error.points' };
    }
  }
  if (Object.keys(form.errors).length) return { ok: false, form: explainEvaluationErrors(form, criterionName) };
  const scores = Object.fromEntries(
    EVALUATION_CRITERIA.map((c) => [c, { points: values[pointsField(c)] as number, conclusion: values[conclusionField(c)] as string }]),
  ) as EvaluationInput['scores'];
  return { ok: true, input: { scaleMax: values.scaleMax as number, scores } };
}

/** Adds to each error on a criterion's field the criterion's name and the scale, which its message names. */
export function explainEvaluationErrors(form: FormState, criterionName: (c: EvaluationCriterion) => string): FormState {
  const max = Number(String(form.values.scaleMax ?? '').trim());
  for (const c of EVALUATION_CRITERIA) {
    for (const field of [pointsField(c), conclusionField(c)]) {
      const error = form.errors[field];
      if (error) error.params = { ...error.params, criterion: criterionName(c), ...(error.key === 'projects.monitor.error.points' ? { max } : {}) };
    }
  }
  return form;
}

/**
 * Whether the project has come to its final evaluation: it is completed, or its final report is
 * in (submitted or accepted).
 */
export async function isEvaluable(db: Executor, project: ProjectRow): Promise<boolean> {
  if (project.status === 'completed') return true;
  if (project.status !== 'active') return false;
  const [finalPeriod] = await db
    .select({ id: projectPeriods.id })
    .from(projectPeriods)
    .where(eq(projectPeriods.projectId, project.id))
    .orderBy(desc(projectPeriods.final), desc(projectPeriods.number))
    .limit(1);
  if (!finalPeriod) return false;
  const [report] = await db
    .select({ id: reports.id })
    .from(reports)
    .where(and(eq(reports.periodId, finalPeriod.id), inArray(reports.status, ['submitted', 'accepted'])));
  return report !== undefined;
}

export type EvaluationResult = { ok: true } | { ok: false; key: string; field?: string; params?: MessageParams };

/**
 * The organiser's final evaluation on the five criteria (relevance, plan fulfilment, result
 * against the goal, continuation, long-term impact), each with points on the chosen scale and a
 * conclusion. Made once: it is a published judgement, and the audit log keeps who made it.
 */
export async function evaluateProject(ctx: AppContext, actor: Actor, projectId: string, input: EvaluationInput): Promise<EvaluationResult> {
  return ctx.db.transaction(async (tx) => {
    const record = await loadProject(tx, projectId, { lock: true });
    ctx.policy.authorize(actor, 'project.monitor', record.ref);
    if (!(await isEvaluable(tx, record.project))) return { ok: false, key: 'projects.monitor.error.not-evaluable' };
    const { scaleMax } = input;
    if (!Number.isInteger(scaleMax) || scaleMax < 1 || scaleMax > MAX_SCALE) return { ok: false, key: 'projects.monitor.error.scale', field: 'scaleMax' };
    const scores = {} as EvaluationInput['scores'];
    for (const c of EVALUATION_CRITERIA) {
      const score = input.scores[c];
      if (!score || !Number.isFinite(score.points) || score.points < 0 || score.points > scaleMax) {
        return { ok: false, key: 'projects.monitor.error.points', field: pointsField(c), params: { max: scaleMax } };
      }
      const conclusion = score.conclusion.trim();
      if (!conclusion) return { ok: false, key: 'projects.monitor.error.conclusion', field: conclusionField(c) };
      scores[c] = { points: Math.round(score.points * 100) / 100, conclusion };
    }
    const inserted = await tx
      .insert(projectEvaluations)
      .values({ projectId, scaleMax, scores, evaluatedBy: actor.userId, evaluatedAt: ctx.clock.now() })
      .onConflictDoNothing()
      .returning({ projectId: projectEvaluations.projectId });
    if (inserted.length === 0) return { ok: false, key: 'projects.monitor.error.evaluated' };
    const total = EVALUATION_CRITERIA.reduce((sum, c) => sum + scores[c].points, 0);
    await recordAudit(tx, {
      actorId: actor.userId,
      action: 'project.evaluate',
      entityType: 'project',
      entityId: projectId,
      changes: { scaleMax, total, points: Object.fromEntries(EVALUATION_CRITERIA.map((c) => [c, scores[c].points])) },
    });
    return { ok: true };
  });
}
