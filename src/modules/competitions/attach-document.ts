import { and, eq } from 'drizzle-orm';
import type { Actor } from '../../core/auth/actor.ts';
import { storeUpload } from '../../core/files/store-upload.ts';
import type { AppContext } from '../../core/module.ts';
import { isAccepting } from './phase.ts';
import { applicationRef, loadApplication } from './records.ts';
import { applicationAttachments } from './schema.ts';

export type AttachResult = { ok: true } | { ok: false; key: string };

/** Adds a document to a draft: its size and real type are checked, and it is one the rule asks for. */
export async function attachDocument(
  ctx: AppContext,
  actor: Actor,
  applicationId: string,
  input: { documentCode: string; name: string; bytes: Buffer },
): Promise<AttachResult> {
  return ctx.db.transaction(async (tx) => {
    const record = await loadApplication(tx, applicationId, { lock: true });
    ctx.policy.authorize(actor, 'application.edit', applicationRef(record));
    if (record.application.status !== 'draft') return { ok: false, key: 'competitions.error.not-draft' };
    if (!isAccepting(record.competition, ctx.clock.now())) return { ok: false, key: 'competitions.error.lot-closed' };
    if (!record.rule.definition.documents.some((d) => d.code === input.documentCode)) return { ok: false, key: 'competitions.error.document-kind' };
    const file = await storeUpload({ tx, blobs: ctx.blobs, maxBytes: ctx.config.maxUploadBytes }, { bytes: input.bytes, name: input.name, uploadedBy: actor.userId });
    await tx.insert(applicationAttachments).values({ applicationId, fileId: file.id, documentCode: input.documentCode });
    return { ok: true };
  });
}

export async function removeAttachment(ctx: AppContext, actor: Actor, applicationId: string, fileId: string): Promise<AttachResult> {
  return ctx.db.transaction(async (tx) => {
    const record = await loadApplication(tx, applicationId, { lock: true });
    ctx.policy.authorize(actor, 'application.edit', applicationRef(record));
    if (record.application.status !== 'draft') return { ok: false, key: 'competitions.error.not-draft' };
    if (!isAccepting(record.competition, ctx.clock.now())) return { ok: false, key: 'competitions.error.lot-closed' };
    await tx.delete(applicationAttachments).where(and(eq(applicationAttachments.applicationId, applicationId), eq(applicationAttachments.fileId, fileId)));
    return { ok: true };
  });
}
