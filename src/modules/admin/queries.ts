import { desc, eq } from 'drizzle-orm';
import type { Db } from '../../core/db/client.ts';
import { isUuid } from '../../core/db/uuid.ts';
import { mailOutbox } from '../../core/mail/schema.ts';

export type OutboxMessage = typeof mailOutbox.$inferSelect;

export const listOutbox = (db: Db, limit = 100) => db.select().from(mailOutbox).orderBy(desc(mailOutbox.createdAt)).limit(limit);

export async function findOutboxMessage(db: Db, id: string): Promise<OutboxMessage | undefined> {
  if (!isUuid(id)) return undefined;
  const [row] = await db.select().from(mailOutbox).where(eq(mailOutbox.id, id));
  return row;
}
