import { sql } from 'drizzle-orm';
import { check, date, index, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { users } from '../../core/auth/schema.ts';

export const LEGAL_FORMS = [
  'public-association',
  'public-foundation',
  'association-of-legal-entities',
  'private-institution',
  'non-commercial-joint-stock-company',
  'consumer-cooperative',
  'religious-association',
  'state-body',
  'other',
] as const;
export type LegalForm = (typeof LEGAL_FORMS)[number];

export const ORGANISATION_STATUSES = ['active', 'inactive', 'in-liquidation', 'liquidated'] as const;
export type OrganisationStatus = (typeof ORGANISATION_STATUSES)[number];

export const organisations = pgTable(
  'organisations',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    bin: text('bin').notNull().unique(),
    /** 'ngo' for non-commercial organisations; 'state' for ministries, akimats and the grant operator. */
    kind: text('kind').$type<'ngo' | 'state'>().notNull().default('ngo'),
    legalForm: text('legal_form').$type<LegalForm>().notNull(),
    nameKk: text('name_kk').notNull(),
    nameRu: text('name_ru').notNull(),
    nameEn: text('name_en'),
    regionCode: text('region_code').notNull(),
    status: text('status').$type<OrganisationStatus>().notNull().default('active'),
    registeredOn: date('registered_on'),
    website: text('website'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check('organisations_bin_format', sql`${t.bin} ~ '^[0-9]{12}$'`),
    check('organisations_kind', sql`${t.kind} in ('ngo','state')`),
    check(
      'organisations_status',
      sql`${t.status} in ('active','inactive','in-liquidation','liquidated')`,
    ),
    index('organisations_region').on(t.regionCode),
  ],
);

export const organisationMembers = pgTable(
  'organisation_members',
  {
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id, { onDelete: 'cascade' }),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    role: text('role').$type<'admin' | 'staff'>().notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.organisationId, t.userId] }),
    index('organisation_members_user').on(t.userId),
    check('organisation_members_role', sql`${t.role} in ('admin','staff')`),
  ],
);
