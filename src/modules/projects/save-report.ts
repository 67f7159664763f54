import { and, eq } from 'drizzle-orm';
import type { Actor } from '../../core/auth/actor.ts';
import { AppError } from '../../core/errors/app-error.ts';
import type { AppContext } from '../../core/module.ts';
import { loadProject } from './records.ts';
import { type Beneficiaries, projectBudgetLines, projectIndicators, projectPeriods, reports, reportSpending, reportValues } from './schema.ts';

export type ReportInput = {
  narrative: string;
  beneficiaries: Beneficiaries;
  values: { indicatorId: string; actual: number; evidence: string }[];
  spending: { budgetLineId: string; spentTiyn: number }[];
};

/**
 * Saves the report of a period as a draft (opening it if need be). A submitted or accepted report
 * does not change; a returned one is corrected here and submitted again.
 */
export async function saveReport(ctx: AppContext, actor: Actor, projectId: string, periodNumber: number, input: ReportInput): Promise<{ ok: true; reportId: string } | { ok: false; key: string }> {
  return ctx.db.transaction(async (tx) => {
    const record = await loadProject(tx, projectId, { lock: true });
    ctx.policy.authorize(actor, 'report.edit', record.ref);
    if (record.project.status === 'terminated') return { ok: false, key: 'projects.error.terminated' };
    const [period] = await tx.select().from(projectPeriods).where(and(eq(projectPeriods.projectId, projectId), eq(projectPeriods.number, periodNumber)));
    if (!period) throw new AppError('NOT_FOUND');
    const indicatorIds = new Set((await tx.select({ id: projectIndicators.id }).from(projectIndicators).where(eq(projectIndicators.projectId, projectId))).map((r) => r.id));
    const lineIds = new Set((await tx.select({ id: projectBudgetLines.id }).from(projectBudgetLines).where(eq(projectBudgetLines.projectId, projectId))).map((r) => r.id));
    if (input.values.some((v) => !indicatorIds.has(v.indicatorId)) || input.spending.some((s) => !lineIds.has(s.budgetLineId))) throw new AppError('BAD_REQUEST');
    let [report] = await tx.select().from(reports).where(eq(reports.periodId, period.id));
    if (report && (report.status === 'submitted' || report.status === 'accepted')) return { ok: false, key: 'projects.error.report-locked' };
    const now = ctx.clock.now();
    if (!report) {
      [report] = await tx.insert(reports).values({ projectId, periodId: period.id, narrative: input.narrative, beneficiaries: input.beneficiaries }).returning();
    } else {
      await tx.update(reports).set({ narrative: input.narrative, beneficiaries: input.beneficiaries, updatedAt: now }).where(eq(reports.id, report.id));
    }
    const reportId = report!.id;
    await tx.delete(reportValues).where(eq(reportValues.reportId, reportId));
    if (input.values.length) await tx.insert(reportValues).values(input.values.map((v) => ({ reportId, ...v })));
    await tx.delete(reportSpending).where(eq(reportSpending.reportId, reportId));
    if (input.spending.length) await tx.insert(reportSpending).values(input.spending.map((s) => ({ reportId, ...s })));
    return { ok: true, reportId };
  });
}
