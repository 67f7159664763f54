import { and, eq } from 'drizzle-orm';
import type { Actor } from '../../core/auth/actor.ts';
import type { Executor } from '../../core/db/client.ts';
import { isUuid } from '../../core/db/uuid.ts';
import { AppError } from '../../core/errors/app-error.ts';
import { storeUpload } from '../../core/files/store-upload.ts';
import type { AppContext } from '../../core/module.ts';
import { loadProject, type ReportRow } from './records.ts';
import { projectPeriods, reportFiles, reports } from './schema.ts';

export const FILE_PURPOSES = ['evidence', 'finance'] as const;
export type FilePurpose = (typeof FILE_PURPOSES)[number];

export type ReportFileResult = { ok: true; reportId: string } | { ok: false; key: string };

/** The report of a period, locked for the change, if it may still change (a file may come before the first save: no report yet). */
async function reportFor(ctx: AppContext, tx: Executor, actor: Actor, projectId: string, periodNumber: number): Promise<{ periodId: string; report: ReportRow | null } | { key: string }> {
  const record = await loadProject(tx, projectId, { lock: true });
  ctx.policy.authorize(actor, 'report.edit', record.ref);
  if (record.project.status === 'terminated') return { key: 'projects.error.terminated' };
  const [period] = await tx.select().from(projectPeriods).where(and(eq(projectPeriods.projectId, projectId), eq(projectPeriods.number, periodNumber)));
  if (!period) throw new AppError('NOT_FOUND');
  const [report] = await tx.select().from(reports).where(eq(reports.periodId, period.id)).for('update');
  if (report && (report.status === 'submitted' || report.status === 'accepted')) return { key: 'projects.error.report-locked' };
  return { periodId: period.id, report: report ?? null };
}

/**
 * Attaches a file to the report of a period while the report is a draft or returned (a file may
 * come before the first save: the report is then opened as a draft). Evidence — photos, lists,
 * publications — is stored as public, to be shown once the report is accepted; financial
 * documents stay private to the two sides. The file's size and real type are checked.
 */
export async function attachReportFile(
  ctx: AppContext,
  actor: Actor,
  projectId: string,
  periodNumber: number,
  input: { purpose: FilePurpose; name: string; bytes: Buffer },
): Promise<ReportFileResult> {
  return ctx.db.transaction(async (tx) => {
    const found = await reportFor(ctx, tx, actor, projectId, periodNumber);
    if ('key' in found) return { ok: false, key: found.key };
    if (!(FILE_PURPOSES as readonly string[]).includes(input.purpose)) return { ok: false, key: 'projects.work.files.error.purpose' };
    const file = await storeUpload(
      { tx, blobs: ctx.blobs, maxBytes: ctx.config.maxUploadBytes },
      { bytes: input.bytes, name: input.name, uploadedBy: actor.userId, visibility: 'private' },
    );
    const reportId = found.report?.id ?? (await tx.insert(reports).values({ projectId, periodId: found.periodId }).returning({ id: reports.id }))[0]!.id;
    await tx.insert(reportFiles).values({ reportId, fileId: file.id, purpose: input.purpose });
    await tx.update(reports).set({ updatedAt: ctx.clock.now() }).where(eq(reports.id, reportId));
    return { ok: true, reportId };
  });
}

/** Removes a file from the report of a period, while the report may still change. */
export async function removeReportFile(ctx: AppContext, actor: Actor, projectId: string, periodNumber: number, fileId: string): Promise<ReportFileResult> {
  return ctx.db.transaction(async (tx) => {
    const found = await reportFor(ctx, tx, actor, projectId, periodNumber);
    if ('key' in found) return { ok: false, key: found.key };
    const report = found.report;
    if (!report || !isUuid(fileId)) throw new AppError('NOT_FOUND');
    const removed = await tx
      .delete(reportFiles)
      .where(and(eq(reportFiles.reportId, report.id), eq(reportFiles.fileId, fileId)))
      .returning({ fileId: reportFiles.fileId });
    if (!removed.length) throw new AppError('NOT_FOUND');
    await tx.update(reports).set({ updatedAt: ctx.clock.now() }).where(eq(reports.id, report.id));
    return { ok: true, reportId: report.id };
  });
}
