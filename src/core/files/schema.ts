import { bigint, index, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { users } from '../auth/schema.ts';

/**
 * An uploaded file: its bytes live in the blob store under their SHA-256; this row says who
 * uploaded it, what it is, and which record it belongs to (the owner module's policy decides who
 * may download it).
 */
export const files = pgTable(
  'files',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    sha256: text('sha256').notNull(),
    size: bigint('size', { mode: 'number' }).notNull(),
    mediaType: text('media_type').notNull(),
    name: text('name').notNull(),
    uploadedBy: uuid('uploaded_by').references(() => users.id, { onDelete: 'set null' }),
    visibility: text('visibility').$type<'public' | 'private'>().notNull().default('private'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('files_sha256').on(t.sha256), index('files_uploaded_by').on(t.uploadedBy)],
);
