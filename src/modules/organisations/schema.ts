import { sql } from 'drizzle-orm';
import { check, date, index, integer, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
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

/** Areas of activity: the ministry's list used in its NGO statistics (research/domain_kz.md §2). */
export const AREAS = [
  'vulnerable-groups',
  'education-science-sport',
  'rights',
  'health',
  'family-gender',
  'culture-art',
  'social-harmony',
  'children',
  'heritage',
  'environment',
  'youth',
  'employment',
  'other',
] as const;
export type Area = (typeof AREAS)[number];

export const SETTLEMENTS = ['urban', 'rural'] as const;
export type Settlement = (typeof SETTLEMENTS)[number];

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
    shortNameKk: text('short_name_kk'),
    shortNameRu: text('short_name_ru'),
    shortNameEn: text('short_name_en'),
    regionCode: text('region_code').notNull(),
    /** KATO code of the district or city of regional significance. */
    districtKato: text('district_kato'),
    settlement: text('settlement').$type<Settlement>().notNull().default('urban'),
    areas: text('areas').array().$type<Area[]>().notNull().default(sql`'{}'::text[]`),
    headName: text('head_name'),
    email: text('email'),
    phone: text('phone'),
    address: text('address'),
    descriptionKk: text('description_kk'),
    descriptionRu: text('description_ru'),
    staffCount: integer('staff_count'),
    volunteerCount: integer('volunteer_count'),
    /** Names and BIN folded to one Latin key (core/search/fold.ts), for script- and typo-tolerant search. */
    searchKey: text('search_key').notNull().default(''),
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
    check('organisations_settlement', sql`${t.settlement} in ('urban','rural')`),
    index('organisations_region').on(t.regionCode),
    index('organisations_search_key').using('gin', sql`${t.searchKey} gin_trgm_ops`),
    index('organisations_search_words').using('gin', sql`to_tsvector('simple', ${t.searchKey})`),
    index('organisations_name_kk').using('btree', sql`${t.nameKk} collate kazakh`),
    index('organisations_name_ru').using('btree', sql`${t.nameRu} collate kazakh`),
    index('organisations_areas').using('gin', t.areas),
  ],
);

/** Per year, whether the organisation submitted its report to the national NGO database. */
export const ngoDatabaseReports = pgTable(
  'ngo_database_reports',
  {
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id, { onDelete: 'cascade' }),
    year: integer('year').notNull(),
    submittedOn: date('submitted_on').notNull(),
  },
  (t) => [primaryKey({ columns: [t.organisationId, t.year] })],
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

/** A user's request to join an organisation found in the register by its BIN. */
export const organisationClaims = pgTable(
  'organisation_claims',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id, { onDelete: 'cascade' }),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    /** What the claimant says about their place in the organisation. */
    message: text('message'),
    status: text('status').$type<'pending' | 'approved' | 'rejected'>().notNull().default('pending'),
    decidedBy: uuid('decided_by').references(() => users.id, { onDelete: 'set null' }),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
    reason: text('reason'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('organisation_claims_organisation').on(t.organisationId, t.status),
    uniqueIndex('organisation_claims_one_pending').on(t.organisationId, t.userId).where(sql`${t.status} = 'pending'`),
    check('organisation_claims_status', sql`${t.status} in ('pending','approved','rejected')`),
  ],
);

/** Members of an association (union) of legal entities, each with its membership certificate. */
export const associationMembers = pgTable(
  'association_members',
  {
    associationId: uuid('association_id')
      .notNull()
      .references(() => organisations.id, { onDelete: 'cascade' }),
    memberId: uuid('member_id')
      .notNull()
      .references(() => organisations.id, { onDelete: 'cascade' }),
    certificateNumber: text('certificate_number').notNull(),
    certificateDate: date('certificate_date').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.associationId, t.memberId] }),
    uniqueIndex('association_members_certificate').on(t.associationId, t.certificateNumber),
    index('association_members_member').on(t.memberId),
    check('association_members_not_self', sql`${t.associationId} <> ${t.memberId}`),
  ],
);
