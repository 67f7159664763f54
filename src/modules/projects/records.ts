import { eq } from 'drizzle-orm';
import type { Executor } from '../../core/db/client.ts';
import { isUuid } from '../../core/db/uuid.ts';
import { AppError } from '../../core/errors/app-error.ts';
import { competitions } from '../competitions/index.ts';
import type { ProjectRef } from './policy.ts';
import { agreements, projectPeriods, projects, reports } from './schema.ts';

export type ProjectRow = typeof projects.$inferSelect;
export type AgreementRow = typeof agreements.$inferSelect;
export type ReportRow = typeof reports.$inferSelect;
export type PeriodRow = typeof projectPeriods.$inferSelect;

export type ProjectRecord = { project: ProjectRow; agreement: AgreementRow; ref: ProjectRef };

export async function loadProject(db: Executor, id: string, opts: { lock?: boolean } = {}): Promise<ProjectRecord> {
  if (!isUuid(id)) throw new AppError('NOT_FOUND');
  const q = db.select().from(projects).where(eq(projects.id, id));
  const [project] = opts.lock ? await q.for('update') : await q;
  if (!project) throw new AppError('NOT_FOUND');
  const [agreement] = await db.select().from(agreements).where(eq(agreements.id, project.agreementId));
  const [competition] = await db.select({ organiserId: competitions.organiserId }).from(competitions).where(eq(competitions.id, project.competitionId));
  return { project, agreement: agreement!, ref: { organisationId: project.organisationId, organiserId: competition!.organiserId } };
}

export type ReportRecord = ProjectRecord & { report: ReportRow; period: PeriodRow };

export async function loadReport(db: Executor, id: string, opts: { lock?: boolean } = {}): Promise<ReportRecord> {
  if (!isUuid(id)) throw new AppError('NOT_FOUND');
  const q = db.select().from(reports).where(eq(reports.id, id));
  const [report] = opts.lock ? await q.for('update') : await q;
  if (!report) throw new AppError('NOT_FOUND');
  const [period] = await db.select().from(projectPeriods).where(eq(projectPeriods.id, report.periodId));
  return { report, period: period!, ...(await loadProject(db, report.projectId)) };
}

/** Calendar dates are kept as `YYYY-MM-DD` strings, as the database gives them. */
const almatyCalendar = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Almaty' });
export const isoDay = (d: Date) => almatyCalendar.format(d);
