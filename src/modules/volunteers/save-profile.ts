import { eq } from 'drizzle-orm';
import type { Actor } from '../../core/auth/actor.ts';
import { recordAudit } from '../../core/audit/audit-log.ts';
import { storeUpload } from '../../core/files/store-upload.ts';
import { userRoles } from '../../core/auth/schema.ts';
import type { AppContext } from '../../core/module.ts';
import type { ProfileValues } from './inputs.ts';
import { volunteerProfiles } from './schema.ts';

/** Creates or updates the signed-in person's volunteer profile; having one makes them a volunteer. */
export async function saveProfile(ctx: AppContext, actor: Actor, values: ProfileValues): Promise<void> {
  ctx.policy.authorize(actor, 'volunteer.profile');
  const userId = actor.userId!;
  await ctx.db.transaction(async (tx) => {
    const now = ctx.clock.now();
    await tx
      .insert(volunteerProfiles)
      .values({ userId, ...values, createdAt: now, updatedAt: now })
      .onConflictDoUpdate({ target: volunteerProfiles.userId, set: { ...values, updatedAt: now } });
    await tx.insert(userRoles).values({ userId, role: 'volunteer' }).onConflictDoNothing();
  });
}

/**
 * Keeps a parent's written consent on record for a volunteer under 14: the signed paper as a
 * scan or photo, and the parent's name. The file is private to the volunteer and the platform.
 */
export async function recordConsent(ctx: AppContext, actor: Actor, consent: { parentName: string; file: { bytes: Buffer; name: string } }): Promise<{ ok: boolean; key?: string }> {
  ctx.policy.authorize(actor, 'volunteer.profile');
  const userId = actor.userId!;
  return ctx.db.transaction(async (tx) => {
    const [profile] = await tx.select({ userId: volunteerProfiles.userId }).from(volunteerProfiles).where(eq(volunteerProfiles.userId, userId)).for('update');
    if (!profile) return { ok: false, key: 'volunteers.error.profile-needed' };
    const stored = await storeUpload({ tx, blobs: ctx.blobs, maxBytes: ctx.config.maxUploadBytes }, { ...consent.file, uploadedBy: userId });
    const now = ctx.clock.now();
    await tx
      .update(volunteerProfiles)
      .set({ consentParentName: consent.parentName, consentFileId: stored.id, consentRecordedAt: now, updatedAt: now })
      .where(eq(volunteerProfiles.userId, userId));
    await recordAudit(tx, { actorId: userId, action: 'volunteer.consent', entityType: 'user', entityId: userId, changes: { fileId: stored.id, parentName: consent.parentName } });
    return { ok: true };
  });
}
