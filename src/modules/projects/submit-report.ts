import { eq } from 'drizzle-orm';
import type { Actor } from '../../core/auth/actor.ts';
import { recordAudit } from '../../core/audit/audit-log.ts';
import type { AppContext } from '../../core/module.ts';
import { loadReport } from './records.ts';
import { projectIndicators, reports, reportValues } from './schema.ts';

/** Submits a draft or returned report to the organiser; every indicator must have its actual value. */
export async function submitReport(ctx: AppContext, actor: Actor, reportId: string): Promise<{ ok: true } | { ok: false; key: string }> {
  return ctx.db.transaction(async (tx) => {
    const record = await loadReport(tx, reportId, { lock: true });
    ctx.policy.authorize(actor, 'report.edit', record.ref);
    const { report } = record;
    if (report.status === 'submitted') return { ok: true };
    if (report.status === 'accepted') return { ok: false, key: 'projects.error.report-locked' };
    const indicators = await tx.select({ id: projectIndicators.id }).from(projectIndicators).where(eq(projectIndicators.projectId, report.projectId));
    const values = await tx.select({ id: reportValues.indicatorId }).from(reportValues).where(eq(reportValues.reportId, reportId));
    if (values.length < indicators.length || report.narrative.trim() === '') return { ok: false, key: 'projects.error.report-incomplete' };
    const now = ctx.clock.now();
    const round = report.status === 'returned' ? report.round + 1 : report.round;
    await tx.update(reports).set({ status: 'submitted', round, submittedAt: now, submittedBy: actor.userId, updatedAt: now }).where(eq(reports.id, reportId));
    await recordAudit(tx, { actorId: actor.userId, action: 'report.submit', entityType: 'report', entityId: reportId, changes: { round, period: record.period.number } });
    return { ok: true };
  });
}
