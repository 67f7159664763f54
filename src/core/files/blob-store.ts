import { createHash, randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { Readable } from 'node:stream';

/** Where the bytes of uploads live, addressed by their SHA-256. Local disk by default. */
export type BlobStore = {
  put(bytes: Buffer): Promise<{ sha256: string; size: number }>;
  open(sha256: string): Readable;
  has(sha256: string): Promise<boolean>;
};

export function localBlobStore(root: string): BlobStore {
  const where = (sha256: string) => {
    if (!/^[0-9a-f]{64}$/.test(sha256)) throw new Error('Not a SHA-256 address');
    return path.join(root, sha256.slice(0, 2), sha256.slice(2, 4), sha256);
  };
  return {
    async put(bytes) {
      const sha256 = createHash('sha256').update(bytes).digest('hex');
      const target = where(sha256);
      if (!fs.existsSync(target)) {
        await fs.promises.mkdir(path.dirname(target), { recursive: true });
        const tmp = `${target}.${randomUUID()}.tmp`;
        const handle = await fs.promises.open(tmp, 'w');
        try {
          await handle.writeFile(bytes);
          await handle.sync();
        } finally {
          await handle.close();
        }
        await fs.promises.rename(tmp, target);
      }
      return { sha256, size: bytes.length };
    },
    open: (sha256) => fs.createReadStream(where(sha256)),
    has: async (sha256) => fs.existsSync(where(sha256)),
  };
}
