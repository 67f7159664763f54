import { eq } from 'drizzle-orm';
import type { Actor } from '../../core/auth/actor.ts';
import { recordAudit } from '../../core/audit/audit-log.ts';
import { AppError } from '../../core/errors/app-error.ts';
import type { AppContext } from '../../core/module.ts';
import { loadProject } from './records.ts';
import { projectFeedback } from './schema.ts';

/** A citizen's comment on a project; nobody sees it until it is moderated. */
export async function leaveFeedback(ctx: AppContext, actor: Actor, projectId: string, input: { authorName: string; body: string }): Promise<{ id: string }> {
  return ctx.db.transaction(async (tx) => {
    const record = await loadProject(tx, projectId);
    ctx.policy.authorize(actor, 'feedback.leave', record.ref);
    const [row] = await tx
      .insert(projectFeedback)
      .values({ projectId, authorName: input.authorName.trim(), body: input.body.trim(), createdAt: ctx.clock.now() })
      .returning({ id: projectFeedback.id });
    return { id: row!.id };
  });
}

/** The project's organiser, or a platform admin, publishes or rejects a comment. */
export async function moderateFeedback(ctx: AppContext, actor: Actor, feedbackId: string, publish: boolean): Promise<void> {
  await ctx.db.transaction(async (tx) => {
    const [row] = await tx.select().from(projectFeedback).where(eq(projectFeedback.id, feedbackId)).for('update');
    if (!row) throw new AppError('NOT_FOUND');
    const record = await loadProject(tx, row.projectId);
    ctx.policy.authorize(actor, 'feedback.moderate', record.ref);
    const status = publish ? 'published' : 'rejected';
    await tx.update(projectFeedback).set({ status, moderatedBy: actor.userId, moderatedAt: ctx.clock.now() }).where(eq(projectFeedback.id, feedbackId));
    await recordAudit(tx, { actorId: actor.userId, action: `feedback.${status}`, entityType: 'project', entityId: row.projectId, changes: { feedbackId } });
  });
}
