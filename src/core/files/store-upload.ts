import type { Executor } from '../db/client.ts';
import { AppError } from '../errors/app-error.ts';
import type { BlobStore } from './blob-store.ts';
import { files } from './schema.ts';
import { safeFileName, sniffMediaType } from './sniff.ts';

export type StoredFile = typeof files.$inferSelect;

/**
 * Checks an upload's size and real type, writes its bytes to the blob store and records it.
 * The blob is written before the row, so a crash leaves at most an unreferenced blob, never a
 * row without bytes.
 */
export async function storeUpload(
  deps: { tx: Executor; blobs: BlobStore; maxBytes: number },
  upload: { bytes: Buffer; name: string; uploadedBy: string | null; visibility?: 'public' | 'private' },
): Promise<StoredFile> {
  if (upload.bytes.length === 0) throw new AppError('BAD_REQUEST');
  if (upload.bytes.length > deps.maxBytes) throw new AppError('PAYLOAD_TOO_LARGE', { max: Math.floor(deps.maxBytes / 1048576) });
  const name = safeFileName(upload.name);
  const mediaType = await sniffMediaType(upload.bytes, name);
  if (!mediaType) throw new AppError('UNSUPPORTED_MEDIA_TYPE');
  const { sha256, size } = await deps.blobs.put(upload.bytes);
  const [row] = await deps.tx
    .insert(files)
    .values({ sha256, size, mediaType, name, uploadedBy: upload.uploadedBy, visibility: upload.visibility ?? 'private' })
    .returning();
  return row!;
}
