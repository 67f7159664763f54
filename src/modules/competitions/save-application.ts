import { isDeepStrictEqual } from 'node:util';
import { eq } from 'drizzle-orm';
import type { Actor } from '../../core/auth/actor.ts';
import type { AppContext } from '../../core/module.ts';
import type { ContentStep } from './content.ts';
import { isAccepting } from './phase.ts';
import { applicationRef, loadApplication } from './records.ts';
import { type ApplicationContent, applications } from './schema.ts';

export type SaveResult = { ok: true; version: number; savedAt: Date } | { ok: false; key: string };

/**
 * Saves one step of a draft on the server. `version` is the one the form was loaded with: a
 * save from a stale tab is refused rather than silently overwriting newer work, unless it carries
 * exactly what is already stored.
 */
export async function saveApplication(
  ctx: AppContext,
  actor: Actor,
  applicationId: string,
  input: { step: ContentStep; part: Partial<ApplicationContent>; version: number | null; language?: 'kk' | 'ru' },
): Promise<SaveResult> {
  return ctx.db.transaction(async (tx) => {
    const record = await loadApplication(tx, applicationId, { lock: true });
    ctx.policy.authorize(actor, 'application.edit', applicationRef(record));
    const { application: a } = record;
    if (a.status !== 'draft') return { ok: false, key: 'competitions.error.not-draft' };
    if (!isAccepting(record.competition, ctx.clock.now())) return { ok: false, key: 'competitions.error.lot-closed' };
    if (input.version !== null && input.version !== a.version) {
      // A save of exactly what is stored (a double click, an autosave just before) is no conflict.
      const unchanged =
        (!input.language || input.language === a.language) &&
        Object.entries(input.part).every(([k, v]) => isDeepStrictEqual(v, a.content[k as keyof ApplicationContent]));
      return unchanged ? { ok: true, version: a.version, savedAt: a.updatedAt } : { ok: false, key: 'competitions.error.stale' };
    }
    const content: ApplicationContent = { ...a.content, ...input.part };
    const requestedTiyn = content.budget.reduce((sum, l) => sum + l.amountTiyn, 0);
    const savedAt = ctx.clock.now();
    const [row] = await tx
      .update(applications)
      .set({ content, requestedTiyn, language: input.language ?? a.language, version: a.version + 1, updatedAt: savedAt })
      .where(eq(applications.id, a.id))
      .returning({ version: applications.version });
    return { ok: true, version: row!.version, savedAt };
  });
}
