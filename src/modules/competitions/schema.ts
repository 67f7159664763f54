import { sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
  check,
  date,
  doublePrecision,
  index,
  integer,
  jsonb,
  type AnyPgColumn,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { users } from '../../core/auth/schema.ts';
import { files } from '../../core/files/schema.ts';
import { organisations } from '../organisations/schema.ts';

export const INSTRUMENTS = ['grant', 'social-order', 'prize'] as const;
export type Instrument = (typeof INSTRUMENTS)[number];

/** The region code of a lot for the whole country (ISO 3166-1 for Kazakhstan). */
export const NATIONAL_REGION = 'KZ';

export const DURATION_TYPES = ['short', 'medium', 'long'] as const;
export type DurationType = (typeof DURATION_TYPES)[number];

/**
 * Where a competition stands by the organiser's hand; the public phase (accepting, admission, …)
 * also depends on the server clock (see phase.ts).
 */
export const COMPETITION_STAGES = ['draft', 'announced', 'evaluation', 'published'] as const;
export type CompetitionStage = (typeof COMPETITION_STAGES)[number];

export const APPLICATION_STATUSES = ['draft', 'submitted', 'withdrawn', 'admitted', 'refused'] as const;
export type ApplicationStatus = (typeof APPLICATION_STATUSES)[number];

export const FAILURE_REASONS = ['no-applications', 'one-application', 'none-admitted', 'one-admitted', 'low-scores'] as const;
export type FailureReason = (typeof FAILURE_REASONS)[number];

export type Texts = { kk: string; ru: string; en: string };

/** One scoring criterion of a rule version: its order is also the tie-break order. */
export type Criterion = { code: string; title: Texts; maxPoints: number; weight: number };
export type GrantType = { code: DurationType; minMci: number; maxMci: number | null; minMonths: number; maxMonths: number };
export type RequiredDocument = { code: string; title: Texts; required: boolean };

/** The rules a competition is announced under: data, kept per version, never edited once used. */
export type RuleDefinition = {
  criteria: Criterion[];
  /** A lot fails unless its best score is strictly above this share of the maximum. */
  passPercent: number;
  /** The largest share of the budget that may go to administrative costs. */
  maxAdministrativePercent: number;
  /** The organisation must have reported to the national NGO database for the previous year. */
  requiresNgoDatabase: boolean;
  grantTypes: GrantType[];
  documents: RequiredDocument[];
};

/** The monthly calculation index, per year, in tiyn. */
export const mciValues = pgTable('mci_values', {
  year: integer('year').primaryKey(),
  amountTiyn: bigint('amount_tiyn', { mode: 'number' }).notNull(),
});

export const ruleVersions = pgTable(
  'rule_versions',
  {
    id: text('id').primaryKey(),
    instrument: text('instrument').$type<Instrument>().notNull(),
    titleKk: text('title_kk').notNull(),
    titleRu: text('title_ru').notNull(),
    titleEn: text('title_en').notNull(),
    validFrom: date('valid_from').notNull(),
    definition: jsonb('definition').$type<RuleDefinition>().notNull(),
  },
  (t) => [check('rule_versions_instrument', sql`${t.instrument} in ('grant','social-order','prize')`)],
);

export const competitions = pgTable(
  'competitions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** The public reference, e.g. `2026-G-001`. */
    number: text('number').notNull().unique(),
    instrument: text('instrument').$type<Instrument>().notNull(),
    organiserId: uuid('organiser_id')
      .notNull()
      .references(() => organisations.id),
    customerId: uuid('customer_id').references(() => organisations.id),
    ruleVersionId: text('rule_version_id')
      .notNull()
      .references(() => ruleVersions.id),
    year: integer('year').notNull(),
    /** Null for a national competition. */
    regionCode: text('region_code'),
    titleKk: text('title_kk').notNull(),
    titleRu: text('title_ru').notNull(),
    titleEn: text('title_en'),
    descriptionKk: text('description_kk'),
    descriptionRu: text('description_ru'),
    stage: text('stage').$type<CompetitionStage>().notNull().default('draft'),
    announcedAt: timestamp('announced_at', { withTimezone: true }).notNull(),
    deadlineAt: timestamp('deadline_at', { withTimezone: true }).notNull(),
    admissionUntil: timestamp('admission_until', { withTimezone: true }).notNull(),
    evaluationUntil: timestamp('evaluation_until', { withTimezone: true }).notNull(),
    resultsDueAt: timestamp('results_due_at', { withTimezone: true }).notNull(),
    evaluationStartedAt: timestamp('evaluation_started_at', { withTimezone: true }),
    /** When the commission closed: scores are locked and the results published. */
    publishedAt: timestamp('published_at', { withTimezone: true }),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check('competitions_instrument', sql`${t.instrument} in ('grant','social-order','prize')`),
    check('competitions_stage', sql`${t.stage} in ('draft','announced','evaluation','published')`),
    check('competitions_dates', sql`${t.announcedAt} < ${t.deadlineAt} and ${t.deadlineAt} <= ${t.admissionUntil}
      and ${t.admissionUntil} <= ${t.evaluationUntil} and ${t.evaluationUntil} <= ${t.resultsDueAt}`),
    index('competitions_organiser').on(t.organiserId),
    index('competitions_year').on(t.year, t.instrument),
  ],
);

export type LotIndicator = { name: { kk: string; ru: string }; unit: { kk: string; ru: string }; target: number };

/** A lot, or grant theme: what the money is for, and how much of it there is. */
export const lots = pgTable(
  'lots',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    competitionId: uuid('competition_id')
      .notNull()
      .references(() => competitions.id, { onDelete: 'cascade' }),
    number: integer('number').notNull(),
    titleKk: text('title_kk').notNull(),
    titleRu: text('title_ru').notNull(),
    titleEn: text('title_en'),
    area: text('area').notNull(),
    regionCode: text('region_code').notNull(),
    budgetTiyn: bigint('budget_tiyn', { mode: 'number' }).notNull(),
    durationType: text('duration_type').$type<DurationType>().notNull(),
    indicators: jsonb('indicators').$type<LotIndicator[]>().notNull().default(sql`'[]'::jsonb`),
    /** A failed lot announced again points at the lot it replaces. */
    reannouncedFromId: uuid('reannounced_from_id').references((): AnyPgColumn => lots.id),
    /** Set when the results are published (or when the lot fails before evaluation). */
    outcome: text('outcome').$type<'awarded' | 'failed'>(),
    failureReason: text('failure_reason').$type<FailureReason>(),
    winnerApplicationId: uuid('winner_application_id'),
    awardTiyn: bigint('award_tiyn', { mode: 'number' }),
  },
  (t) => [
    uniqueIndex('lots_competition_number').on(t.competitionId, t.number),
    index('lots_region').on(t.regionCode),
    index('lots_reannounced_from').on(t.reannouncedFromId).where(sql`${t.reannouncedFromId} is not null`),
    check('lots_budget_positive', sql`${t.budgetTiyn} > 0`),
    check('lots_duration_type', sql`${t.durationType} in ('short','medium','long')`),
    check('lots_outcome', sql`${t.outcome} is null or ${t.outcome} in ('awarded','failed')`),
    check(
      'lots_failure_reason',
      sql`(${t.outcome} = 'failed') = (${t.failureReason} is not null) or ${t.outcome} is null and ${t.failureReason} is null`,
    ),
  ],
);

export type PlanItem = { activity: string; from: string; to: string };
export type IndicatorTarget = { name: string; unit: string; target: number };
export type BudgetLine = { item: string; kind: 'direct' | 'administrative'; amountTiyn: number };
export type TeamMember = { name: string; role: string };

/** What an applicant writes, step by step; every field may still be empty in a draft. */
export type ApplicationContent = {
  summary: { title: string; summary: string };
  goals: { goal: string; tasks: string };
  plan: PlanItem[];
  indicators: IndicatorTarget[];
  beneficiaries: { description: string; count: number | null };
  budget: BudgetLine[];
  team: TeamMember[];
};

export const applications = pgTable(
  'applications',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    lotId: uuid('lot_id')
      .notNull()
      .references(() => lots.id, { onDelete: 'cascade' }),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    status: text('status').$type<ApplicationStatus>().notNull().default('draft'),
    language: text('language').$type<'kk' | 'ru'>().notNull(),
    content: jsonb('content').$type<ApplicationContent>().notNull(),
    /** The budget's total, kept in step with `content` by every save. */
    requestedTiyn: bigint('requested_tiyn', { mode: 'number' }).notNull().default(0),
    /** Bumped by every save; an autosave carrying an older version is refused, not merged. */
    version: integer('version').notNull().default(1),
    receiptNumber: text('receipt_number').unique(),
    contentSha256: text('content_sha256'),
    submittedAt: timestamp('submitted_at', { withTimezone: true }),
    submittedBy: uuid('submitted_by').references(() => users.id, { onDelete: 'set null' }),
    withdrawnAt: timestamp('withdrawn_at', { withTimezone: true }),
    decidedBy: uuid('decided_by').references(() => users.id, { onDelete: 'set null' }),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
    decisionReason: text('decision_reason'),
    /** Computed when the results are published. */
    score: doublePrecision('score'),
    rank: integer('rank'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('applications_one_per_lot').on(t.lotId, t.organisationId).where(sql`${t.status} <> 'withdrawn'`),
    index('applications_organisation').on(t.organisationId),
    // A lot's applications: its receipt numbers (counted under the lot's lock at each submission), its results.
    index('applications_lot').on(t.lotId),
    check('applications_status', sql`${t.status} in ('draft','submitted','withdrawn','admitted','refused')`),
    check('applications_language', sql`${t.language} in ('kk','ru')`),
    check('applications_submitted_has_receipt', sql`${t.status} = 'draft' or ${t.receiptNumber} is not null or ${t.status} = 'withdrawn'`),
  ],
);

export const applicationAttachments = pgTable(
  'application_attachments',
  {
    applicationId: uuid('application_id')
      .notNull()
      .references(() => applications.id, { onDelete: 'cascade' }),
    fileId: uuid('file_id')
      .notNull()
      .references(() => files.id),
    documentCode: text('document_code').notNull(),
    addedAt: timestamp('added_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.applicationId, t.fileId] })],
);

/** The experts named to a competition's commission. */
export const commissionMembers = pgTable(
  'commission_members',
  {
    competitionId: uuid('competition_id')
      .notNull()
      .references(() => competitions.id, { onDelete: 'cascade' }),
    expertId: uuid('expert_id')
      .notNull()
      .references(() => users.id),
    addedAt: timestamp('added_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.competitionId, t.expertId] })],
);

/** An expert's declaration, per application, of whether they have a conflict of interest. */
export const conflictDeclarations = pgTable(
  'conflict_declarations',
  {
    applicationId: uuid('application_id')
      .notNull()
      .references(() => applications.id, { onDelete: 'cascade' }),
    expertId: uuid('expert_id')
      .notNull()
      .references(() => users.id),
    hasConflict: boolean('has_conflict').notNull(),
    note: text('note'),
    declaredAt: timestamp('declared_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.applicationId, t.expertId] })],
);

export const scores = pgTable(
  'scores',
  {
    applicationId: uuid('application_id')
      .notNull()
      .references(() => applications.id, { onDelete: 'cascade' }),
    expertId: uuid('expert_id')
      .notNull()
      .references(() => users.id),
    criterion: text('criterion').notNull(),
    points: integer('points').notNull(),
    comment: text('comment').notNull(),
    scoredAt: timestamp('scored_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.applicationId, t.expertId, t.criterion] }), check('scores_points', sql`${t.points} >= 0`)],
);
