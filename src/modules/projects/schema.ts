import { sql } from 'drizzle-orm';
import { bigint, check, date, doublePrecision, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { users } from '../../core/auth/schema.ts';
import { files } from '../../core/files/schema.ts';
import { applications, competitions, lots } from '../competitions/schema.ts';
import { organisations } from '../organisations/schema.ts';

export const PROJECT_STATUSES = ['active', 'suspended', 'terminated', 'completed'] as const;
export type ProjectStatus = (typeof PROJECT_STATUSES)[number];

export const REPORT_STATUSES = ['draft', 'submitted', 'returned', 'accepted'] as const;
export type ReportStatus = (typeof REPORT_STATUSES)[number];

export const FEEDBACK_STATUSES = ['pending', 'published', 'rejected'] as const;
export type FeedbackStatus = (typeof FEEDBACK_STATUSES)[number];

/** The five criteria of a social project's final evaluation (research/domain_kz.md §4). */
export const EVALUATION_CRITERIA = ['relevance', 'plan-fulfilment', 'result', 'continuation', 'impact'] as const;
export type EvaluationCriterion = (typeof EVALUATION_CRITERIA)[number];

export const AGE_GROUPS = ['under-18', '18-29', '30-59', '60-plus'] as const;
export type AgeGroup = (typeof AGE_GROUPS)[number];
/** People reached, by sex and age group: `female.18-29` → count. */
export type Beneficiaries = { female: Partial<Record<AgeGroup, number>>; male: Partial<Record<AgeGroup, number>> };

/**
 * The agreement made from a winning application. It binds once both sides have confirmed it in
 * the system: the organiser, and an admin of the organisation.
 */
export const agreements = pgTable(
  'agreements',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    applicationId: uuid('application_id')
      .notNull()
      .unique()
      .references(() => applications.id),
    number: text('number').notNull().unique(),
    signedOn: date('signed_on').notNull(),
    amountTiyn: bigint('amount_tiyn', { mode: 'number' }).notNull(),
    startsOn: date('starts_on').notNull(),
    endsOn: date('ends_on').notNull(),
    /** The reporting periods agreed; they become the project's periods once both sides confirm. */
    periods: jsonb('periods').$type<{ startsOn: string; endsOn: string; reportDueOn: string }[]>().notNull(),
    organiserConfirmedBy: uuid('organiser_confirmed_by').references(() => users.id, { onDelete: 'set null' }),
    organiserConfirmedAt: timestamp('organiser_confirmed_at', { withTimezone: true }),
    organisationConfirmedBy: uuid('organisation_confirmed_by').references(() => users.id, { onDelete: 'set null' }),
    organisationConfirmedAt: timestamp('organisation_confirmed_at', { withTimezone: true }),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check('agreements_amount_positive', sql`${t.amountTiyn} > 0`),
    check('agreements_period', sql`${t.startsOn} <= ${t.endsOn}`),
  ],
);

/** Every change to an agreement after it was made: what it was, what it became, and why. */
export const agreementAmendments = pgTable(
  'agreement_amendments',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    agreementId: uuid('agreement_id')
      .notNull()
      .references(() => agreements.id, { onDelete: 'cascade' }),
    number: integer('number').notNull(),
    before: jsonb('before').$type<Record<string, unknown>>().notNull(),
    after: jsonb('after').$type<Record<string, unknown>>().notNull(),
    reason: text('reason').notNull(),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('agreement_amendments_number').on(t.agreementId, t.number)],
);

/** A funded project: what the agreement pays for, followed in public. */
export const projects = pgTable(
  'projects',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    agreementId: uuid('agreement_id')
      .notNull()
      .unique()
      .references(() => agreements.id),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id),
    competitionId: uuid('competition_id')
      .notNull()
      .references(() => competitions.id),
    lotId: uuid('lot_id')
      .notNull()
      .references(() => lots.id),
    titleKk: text('title_kk').notNull(),
    titleRu: text('title_ru').notNull(),
    summary: text('summary').notNull().default(''),
    regionCode: text('region_code').notNull(),
    area: text('area').notNull(),
    status: text('status').$type<ProjectStatus>().notNull().default('active'),
    startsOn: date('starts_on').notNull(),
    endsOn: date('ends_on').notNull(),
    /** Set when a report's deadline passed without an accepted or submitted report. */
    overdueSince: date('overdue_since'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('projects_organisation').on(t.organisationId),
    index('projects_region').on(t.regionCode),
    // The portal's list, newest competitions first: walked from competitions_year.
    index('projects_competition').on(t.competitionId),
    // The portal's text search (`ilike '%…%'`) on the titles.
    index('projects_title_kk').using('gin', sql`${t.titleKk} gin_trgm_ops`),
    index('projects_title_ru').using('gin', sql`${t.titleRu} gin_trgm_ops`),
    check('projects_status', sql`${t.status} in ('active','suspended','terminated','completed')`),
  ],
);

/** A reporting period: each ends with a report (interim, or the final one) due on its date. */
export const projectPeriods = pgTable(
  'project_periods',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    projectId: uuid('project_id')
      .notNull()
      .references(() => projects.id, { onDelete: 'cascade' }),
    number: integer('number').notNull(),
    startsOn: date('starts_on').notNull(),
    endsOn: date('ends_on').notNull(),
    reportDueOn: date('report_due_on').notNull(),
    final: integer('final').notNull().default(0),
    /** When the reminder for this period's report was sent. */
    remindedAt: timestamp('reminded_at', { withTimezone: true }),
  },
  (t) => [uniqueIndex('project_periods_number').on(t.projectId, t.number)],
);

/** A tranche of the agreement's amount, released when the report of its period is accepted. */
export const tranches = pgTable(
  'tranches',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    agreementId: uuid('agreement_id')
      .notNull()
      .references(() => agreements.id, { onDelete: 'cascade' }),
    number: integer('number').notNull(),
    amountTiyn: bigint('amount_tiyn', { mode: 'number' }).notNull(),
    /** The period whose accepted report releases it; the first tranche may be an advance (no period). */
    periodNumber: integer('period_number'),
    releasedAt: timestamp('released_at', { withTimezone: true }),
    releasedBy: uuid('released_by').references(() => users.id, { onDelete: 'set null' }),
  },
  (t) => [uniqueIndex('tranches_number').on(t.agreementId, t.number), check('tranches_amount_positive', sql`${t.amountTiyn} > 0`)],
);

export const projectIndicators = pgTable(
  'project_indicators',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    projectId: uuid('project_id')
      .notNull()
      .references(() => projects.id, { onDelete: 'cascade' }),
    position: integer('position').notNull(),
    name: text('name').notNull(),
    unit: text('unit').notNull(),
    baseline: doublePrecision('baseline').notNull().default(0),
  },
  (t) => [uniqueIndex('project_indicators_position').on(t.projectId, t.position)],
);

/** The target of an indicator for one period (targets per year and per period). */
export const indicatorTargets = pgTable(
  'indicator_targets',
  {
    indicatorId: uuid('indicator_id')
      .notNull()
      .references(() => projectIndicators.id, { onDelete: 'cascade' }),
    periodId: uuid('period_id')
      .notNull()
      .references(() => projectPeriods.id, { onDelete: 'cascade' }),
    target: doublePrecision('target').notNull(),
  },
  (t) => [primaryKey({ columns: [t.indicatorId, t.periodId] })],
);

export const projectBudgetLines = pgTable(
  'project_budget_lines',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    projectId: uuid('project_id')
      .notNull()
      .references(() => projects.id, { onDelete: 'cascade' }),
    position: integer('position').notNull(),
    year: integer('year').notNull(),
    item: text('item').notNull(),
    kind: text('kind').$type<'direct' | 'administrative'>().notNull(),
    amountTiyn: bigint('amount_tiyn', { mode: 'number' }).notNull(),
  },
  (t) => [uniqueIndex('project_budget_lines_position').on(t.projectId, t.position)],
);

/** A report for one period; returned reports are corrected and submitted again (`round` counts). */
export const reports = pgTable(
  'reports',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    projectId: uuid('project_id')
      .notNull()
      .references(() => projects.id, { onDelete: 'cascade' }),
    periodId: uuid('period_id')
      .notNull()
      .references(() => projectPeriods.id, { onDelete: 'cascade' }),
    status: text('status').$type<ReportStatus>().notNull().default('draft'),
    narrative: text('narrative').notNull().default(''),
    beneficiaries: jsonb('beneficiaries').$type<Beneficiaries>().notNull().default(sql`'{"female":{},"male":{}}'::jsonb`),
    round: integer('round').notNull().default(1),
    submittedAt: timestamp('submitted_at', { withTimezone: true }),
    submittedBy: uuid('submitted_by').references(() => users.id, { onDelete: 'set null' }),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
    decidedBy: uuid('decided_by').references(() => users.id, { onDelete: 'set null' }),
    /** The organiser's comments when returning it. */
    comments: text('comments'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('reports_one_per_period').on(t.periodId),
    index('reports_project').on(t.projectId),
    check('reports_status', sql`${t.status} in ('draft','submitted','returned','accepted')`),
  ],
);

/** The actual value of an indicator in a report, with its evidence links. */
export const reportValues = pgTable(
  'report_values',
  {
    reportId: uuid('report_id')
      .notNull()
      .references(() => reports.id, { onDelete: 'cascade' }),
    indicatorId: uuid('indicator_id')
      .notNull()
      .references(() => projectIndicators.id, { onDelete: 'cascade' }),
    actual: doublePrecision('actual').notNull(),
    evidence: text('evidence').notNull().default(''),
  },
  (t) => [primaryKey({ columns: [t.reportId, t.indicatorId] })],
);

/** Spending per budget line in a report's financial part. */
export const reportSpending = pgTable(
  'report_spending',
  {
    reportId: uuid('report_id')
      .notNull()
      .references(() => reports.id, { onDelete: 'cascade' }),
    budgetLineId: uuid('budget_line_id')
      .notNull()
      .references(() => projectBudgetLines.id, { onDelete: 'cascade' }),
    spentTiyn: bigint('spent_tiyn', { mode: 'number' }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.reportId, t.budgetLineId] }), check('report_spending_not_negative', sql`${t.spentTiyn} >= 0`)],
);

/** Files of a report: evidence (photos, lists, publications) is public; financial documents are not. */
export const reportFiles = pgTable(
  'report_files',
  {
    reportId: uuid('report_id')
      .notNull()
      .references(() => reports.id, { onDelete: 'cascade' }),
    fileId: uuid('file_id')
      .notNull()
      .references(() => files.id),
    purpose: text('purpose').$type<'evidence' | 'finance'>().notNull(),
  },
  (t) => [primaryKey({ columns: [t.reportId, t.fileId] })],
);

export const projectStatusChanges = pgTable(
  'project_status_changes',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    projectId: uuid('project_id')
      .notNull()
      .references(() => projects.id, { onDelete: 'cascade' }),
    from: text('from').$type<ProjectStatus | null>(),
    to: text('to').$type<ProjectStatus>().notNull(),
    reason: text('reason').notNull(),
    changedBy: uuid('changed_by').references(() => users.id, { onDelete: 'set null' }),
    changedAt: timestamp('changed_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('project_status_changes_project').on(t.projectId, t.changedAt)],
);

/** The organiser's monitoring visits and notes, each with a risk flag. */
export const monitoringVisits = pgTable('monitoring_visits', {
  id: uuid('id').primaryKey().defaultRandom(),
  projectId: uuid('project_id')
    .notNull()
    .references(() => projects.id, { onDelete: 'cascade' }),
  visitedOn: date('visited_on').notNull(),
  notes: text('notes').notNull(),
  risk: text('risk').$type<'none' | 'low' | 'medium' | 'high'>().notNull().default('none'),
  createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});

/** The final evaluation on the five criteria, on the scale it was made with. */
export const projectEvaluations = pgTable('project_evaluations', {
  projectId: uuid('project_id')
    .primaryKey()
    .references(() => projects.id, { onDelete: 'cascade' }),
  scaleMax: integer('scale_max').notNull(),
  scores: jsonb('scores').$type<Record<EvaluationCriterion, { points: number; conclusion: string }>>().notNull(),
  evaluatedBy: uuid('evaluated_by').references(() => users.id, { onDelete: 'set null' }),
  evaluatedAt: timestamp('evaluated_at', { withTimezone: true }).notNull().defaultNow(),
});

/** A citizen's comment on a project: shown only once a moderator has published it. */
export const projectFeedback = pgTable(
  'project_feedback',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    projectId: uuid('project_id')
      .notNull()
      .references(() => projects.id, { onDelete: 'cascade' }),
    authorName: text('author_name').notNull(),
    body: text('body').notNull(),
    status: text('status').$type<FeedbackStatus>().notNull().default('pending'),
    moderatedBy: uuid('moderated_by').references(() => users.id, { onDelete: 'set null' }),
    moderatedAt: timestamp('moderated_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('project_feedback_project').on(t.projectId, t.status),
    check('project_feedback_status', sql`${t.status} in ('pending','published','rejected')`),
  ],
);
