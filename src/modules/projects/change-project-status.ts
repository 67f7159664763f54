import { eq } from 'drizzle-orm';
import type { Actor } from '../../core/auth/actor.ts';
import { recordAudit } from '../../core/audit/audit-log.ts';
import type { AppContext } from '../../core/module.ts';
import { loadProject } from './records.ts';
import { type ProjectStatus, projects, projectStatusChanges } from './schema.ts';

/** Which status may follow which: a suspended project is resumed or terminated; the ends are final. */
export const NEXT_STATUSES: Record<ProjectStatus, ProjectStatus[]> = {
  active: ['suspended', 'terminated', 'completed'],
  suspended: ['active', 'terminated'],
  terminated: [],
  completed: [],
};

/** The organiser changes a project's status, always with a reason (seed 003: suspended when its bank failed). */
export async function changeProjectStatus(ctx: AppContext, actor: Actor, projectId: string, to: ProjectStatus, reason: string): Promise<{ ok: true } | { ok: false; key: string }> {
  return ctx.db.transaction(async (tx) => {
    const record = await loadProject(tx, projectId, { lock: true });
    ctx.policy.authorize(actor, 'project.monitor', record.ref);
    const from = record.project.status;
    if (!NEXT_STATUSES[from].includes(to)) return { ok: false, key: 'projects.error.status-change' };
    if (reason.trim() === '') return { ok: false, key: 'projects.error.reason' };
    await tx.update(projects).set({ status: to }).where(eq(projects.id, projectId));
    await tx.insert(projectStatusChanges).values({ projectId, from, to, reason: reason.trim(), changedBy: actor.userId, changedAt: ctx.clock.now() });
    await recordAudit(tx, { actorId: actor.userId, action: 'project.status', entityType: 'project', entityId: projectId, changes: { from, to, reason: reason.trim() } });
    return { ok: true };
  });
}
