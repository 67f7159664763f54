import { randomBytes } from 'node:crypto';
import { eq } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { appSettings } from '../db/schema.ts';

/**
 * The key that signs cookies and CSRF tokens. SECRET_KEY wins; otherwise one is generated on the
 * first boot and kept in the database, so every app process (and every restart) shares it.
 */
export async function resolveSecretKey(db: Db, configured: string | undefined): Promise<string> {
  if (configured) return configured;
  await db
    .insert(appSettings)
    .values({ key: 'secret-key', value: randomBytes(48).toString('base64url') })
    .onConflictDoNothing();
  const [row] = await db.select().from(appSettings).where(eq(appSettings.key, 'secret-key'));
  return row!.value;
}
