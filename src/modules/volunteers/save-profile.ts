import { eq } from 'drizzle-orm';
import type { Actor } from '../../core/auth/actor.ts';
import { recordAudit } from '../../core/audit/audit-log.ts';
import { storeUpload } from '../../core/files/store-upload.ts';
import { userRoles } from '../../core/auth/schema.ts';
import type { AppContext } from '../../core/module.ts';
import type { ProfileValues } from './inputs.ts';
import { signups, volunteerProfiles } from './schema.ts';

/**
 * Creates or updates the signed-in person's volunteer profile; having one makes them a volunteer.
 * The date of birth decides what the law lets them do, so once they have signed up for a shift it
 * no longer changes here; a change before that is audited.
 */
export async function saveProfile(ctx: AppContext, actor: Actor, values: ProfileValues): Promise<{ ok: true } | { ok: false; key: string }> {
  ctx.policy.authorize(actor, 'volunteer.profile');
  const userId = actor.userId!;
  return ctx.db.transaction(async (tx) => {
    const now = ctx.clock.now();
    const [before] = await tx.select({ birthDate: volunteerProfiles.birthDate }).from(volunteerProfiles).where(eq(volunteerProfiles.userId, userId)).for('update');
    if (before && before.birthDate !== values.birthDate) {
      const [signedUp] = await tx.select({ id: signups.id }).from(signups).where(eq(signups.volunteerId, userId)).limit(1);
      if (signedUp) return { ok: false, key: 'volunteers.error.birth-date-locked' };
      await recordAudit(tx, { actorId: userId, action: 'volunteer.birth-date', entityType: 'user', entityId: userId, changes: { before: before.birthDate, after: values.birthDate } });
    }
    await tx
      .insert(volunteerProfiles)
      .values({ userId, ...values, createdAt: now, updatedAt: now })
      .onConflictDoUpdate({ target: volunteerProfiles.userId, set: { ...values, updatedAt: now } });
    await tx.insert(userRoles).values({ userId, role: 'volunteer' }).onConflictDoNothing();
    return { ok: true };
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
