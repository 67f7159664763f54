import { sql } from 'drizzle-orm';
import { bigint, boolean, check, date, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { users } from '../../core/auth/schema.ts';
import { files } from '../../core/files/schema.ts';
import { type Area, organisations } from '../organisations/schema.ts';

/** What a volunteer can bring; each has a name in kk, ru and en in the messages. */
export const SKILLS = [
  'first-aid',
  'driving',
  'teaching',
  'care',
  'it',
  'design-media',
  'translation',
  'sign-language',
  'law',
  'psychology',
  'events',
  'manual-work',
  'sport',
  'cooking',
] as const;
export type Skill = (typeof SKILLS)[number];

export const LANGUAGES = ['kk', 'ru', 'en', 'uz', 'ug', 'de', 'tr', 'zh'] as const;
export type SpokenLanguage = (typeof LANGUAGES)[number];

export const AVAILABILITY = ['weekday-daytime', 'weekday-evening', 'weekend'] as const;
export type Availability = (typeof AVAILABILITY)[number];

export const CONTACT_CHANNELS = ['email', 'phone', 'whatsapp', 'telegram'] as const;
export type ContactChannel = (typeof CONTACT_CHANNELS)[number];

/**
 * Law 42-VI art. 12: people under 18 may not help in emergencies, work with people with a
 * criminal record, or do heavy or hazardous work. `none` is open to all (subject to the minimum age).
 */
export const RISKS = ['none', 'emergency', 'hazardous', 'criminal-record'] as const;
export type Risk = (typeof RISKS)[number];

export const SIGNUP_STATUSES = ['invited', 'pending', 'waitlisted', 'accepted', 'declined', 'cancelled'] as const;
export type SignupStatus = (typeof SIGNUP_STATUSES)[number];

export const HOURS_STATUSES = ['recorded', 'confirmed', 'disputed'] as const;
export type HoursStatus = (typeof HOURS_STATUSES)[number];

/** A person's volunteer profile; the user's name is the volunteer's name. */
export const volunteerProfiles = pgTable(
  'volunteer_profiles',
  {
    userId: uuid('user_id')
      .primaryKey()
      .references(() => users.id, { onDelete: 'cascade' }),
    birthDate: date('birth_date').notNull(),
    regionCode: text('region_code').notNull(),
    city: text('city').notNull(),
    languages: text('languages').array().$type<SpokenLanguage[]>().notNull().default(sql`'{}'::text[]`),
    skills: text('skills').array().$type<Skill[]>().notNull().default(sql`'{}'::text[]`),
    areas: text('areas').array().$type<Area[]>().notNull().default(sql`'{}'::text[]`),
    availability: text('availability').array().$type<Availability[]>().notNull().default(sql`'{}'::text[]`),
    contactChannels: text('contact_channels').array().$type<ContactChannel[]>().notNull().default(sql`'{}'::text[]`),
    phone: text('phone'),
    about: text('about'),
    /** Shown on a public page only when the volunteer says so. */
    publicProfile: boolean('public_profile').notNull().default(false),
    /** Organisations may find this volunteer and invite them to a shift. */
    openToInvitations: boolean('open_to_invitations').notNull().default(false),
    /** Under 14: a parent's written consent, kept on record as a file. */
    consentParentName: text('consent_parent_name'),
    consentFileId: uuid('consent_file_id').references(() => files.id, { onDelete: 'set null' }),
    consentRecordedAt: timestamp('consent_recorded_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('volunteer_profiles_region').on(t.regionCode), index('volunteer_profiles_skills').using('gin', t.skills)],
);

/**
 * Who organises volunteer work: an organisation of the register acting as one, or an informal
 * group of volunteers (no BIN, not a legal entity), shown as such everywhere.
 */
export const volunteerOrganisations = pgTable(
  'volunteer_organisations',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organisationId: uuid('organisation_id')
      .unique()
      .references(() => organisations.id, { onDelete: 'cascade' }),
    /** The informal group's own name; a registered organisation's name comes from the register. */
    groupNameKk: text('group_name_kk'),
    groupNameRu: text('group_name_ru'),
    regionCode: text('region_code').notNull(),
    city: text('city').notNull(),
    descriptionKk: text('description_kk'),
    descriptionRu: text('description_ru'),
    email: text('email'),
    phone: text('phone'),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check('volunteer_organisations_kind', sql`(${t.organisationId} is not null) <> (${t.groupNameKk} is not null and ${t.groupNameRu} is not null)`),
    index('volunteer_organisations_region').on(t.regionCode),
  ],
);

/** The people who run a volunteer organisation's opportunities, sign-ups and hours. */
export const volunteerCoordinators = pgTable(
  'volunteer_coordinators',
  {
    volunteerOrganisationId: uuid('volunteer_organisation_id')
      .notNull()
      .references(() => volunteerOrganisations.id, { onDelete: 'cascade' }),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.volunteerOrganisationId, t.userId] }), index('volunteer_coordinators_user').on(t.userId)],
);

/** A national or regional campaign grouping opportunities of many organisations. */
export const campaigns = pgTable(
  'volunteer_campaigns',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    slug: text('slug').notNull().unique(),
    titleKk: text('title_kk').notNull(),
    titleRu: text('title_ru').notNull(),
    descriptionKk: text('description_kk').notNull(),
    descriptionRu: text('description_ru').notNull(),
    /** `KZ` for a national campaign, otherwise the region's code. */
    regionCode: text('region_code').notNull(),
    startsOn: date('starts_on').notNull(),
    endsOn: date('ends_on'),
    /** Totals the organisers reported before the campaign was on the platform; shown apart from the live count. */
    reportedVolunteers: integer('reported_volunteers'),
    reportedEvents: integer('reported_events'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
);

export const opportunities = pgTable(
  'volunteer_opportunities',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    volunteerOrganisationId: uuid('volunteer_organisation_id')
      .notNull()
      .references(() => volunteerOrganisations.id, { onDelete: 'cascade' }),
    campaignId: uuid('campaign_id').references(() => campaigns.id, { onDelete: 'set null' }),
    titleKk: text('title_kk').notNull(),
    titleRu: text('title_ru').notNull(),
    descriptionKk: text('description_kk').notNull(),
    descriptionRu: text('description_ru').notNull(),
    area: text('area').$type<Area>().notNull(),
    regionCode: text('region_code').notNull(),
    address: text('address'),
    online: boolean('online').notNull().default(false),
    skills: text('skills').array().$type<Skill[]>().notNull().default(sql`'{}'::text[]`),
    minAge: integer('min_age').notNull().default(18),
    risk: text('risk').$type<Risk>().notNull().default('none'),
    closedAt: timestamp('closed_at', { withTimezone: true }),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check('volunteer_opportunities_risk', sql`${t.risk} in ('none','emergency','hazardous','criminal-record')`),
    check('volunteer_opportunities_min_age', sql`${t.minAge} between 6 and 99`),
    check('volunteer_opportunities_place', sql`${t.online} or ${t.address} is not null`),
    index('volunteer_opportunities_region').on(t.regionCode),
    index('volunteer_opportunities_organisation').on(t.volunteerOrganisationId),
    index('volunteer_opportunities_campaign').on(t.campaignId),
  ],
);

export const shifts = pgTable(
  'volunteer_shifts',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    opportunityId: uuid('opportunity_id')
      .notNull()
      .references(() => opportunities.id, { onDelete: 'cascade' }),
    startsAt: timestamp('starts_at', { withTimezone: true }).notNull(),
    endsAt: timestamp('ends_at', { withTimezone: true }).notNull(),
    capacity: integer('capacity').notNull(),
  },
  (t) => [
    check('volunteer_shifts_period', sql`${t.startsAt} < ${t.endsAt}`),
    check('volunteer_shifts_capacity', sql`${t.capacity} > 0`),
    index('volunteer_shifts_opportunity').on(t.opportunityId, t.startsAt),
  ],
);

/**
 * A volunteer's place on a shift, from sign-up (or invitation) to confirmed hours. A shift holds
 * at most `capacity` pending and accepted sign-ups; the rest wait in order of `queuedAt`.
 */
export const signups = pgTable(
  'volunteer_signups',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    shiftId: uuid('shift_id')
      .notNull()
      .references(() => shifts.id, { onDelete: 'cascade' }),
    volunteerId: uuid('volunteer_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    status: text('status').$type<SignupStatus>().notNull(),
    queuedAt: timestamp('queued_at', { withTimezone: true }).notNull(),
    invitedBy: uuid('invited_by').references(() => users.id, { onDelete: 'set null' }),
    decidedBy: uuid('decided_by').references(() => users.id, { onDelete: 'set null' }),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
    /** The code the volunteer shows at the place as a QR; it only lets a coordinator of this shift check them in. */
    checkInCode: text('check_in_code').unique(),
    checkedInAt: timestamp('checked_in_at', { withTimezone: true }),
    checkedInBy: uuid('checked_in_by').references(() => users.id, { onDelete: 'set null' }),
    remindedAt: timestamp('reminded_at', { withTimezone: true }),
    minutes: integer('minutes'),
    hoursStatus: text('hours_status').$type<HoursStatus>(),
    hoursConfirmedBy: uuid('hours_confirmed_by').references(() => users.id, { onDelete: 'set null' }),
    hoursConfirmedAt: timestamp('hours_confirmed_at', { withTimezone: true }),
    disputeReason: text('dispute_reason'),
    disputedMinutes: integer('disputed_minutes'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('volunteer_signups_once').on(t.shiftId, t.volunteerId),
    index('volunteer_signups_volunteer').on(t.volunteerId),
    index('volunteer_signups_queue').on(t.shiftId, t.status, t.queuedAt),
    check('volunteer_signups_status', sql`${t.status} in ('invited','pending','waitlisted','accepted','declined','cancelled')`),
    check('volunteer_signups_hours_status', sql`${t.hoursStatus} is null or ${t.hoursStatus} in ('recorded','confirmed','disputed')`),
    check('volunteer_signups_minutes', sql`${t.minutes} is null or ${t.minutes} between 0 and 1440`),
  ],
);

/**
 * A certificate of volunteer hours. `payload` is exactly what was signed (canonical JSON) and
 * `signature` its Ed25519 signature by the platform's key, so the record can be checked on its own.
 */
export const certificates = pgTable(
  'volunteer_certificates',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    code: text('code').notNull().unique(),
    volunteerId: uuid('volunteer_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    lang: text('lang').$type<'kk' | 'ru'>().notNull(),
    payload: jsonb('payload').notNull(),
    signature: text('signature').notNull(),
    totalMinutes: bigint('total_minutes', { mode: 'number' }).notNull(),
    issuedAt: timestamp('issued_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('volunteer_certificates_volunteer').on(t.volunteerId), check('volunteer_certificates_lang', sql`${t.lang} in ('kk','ru')`)],
);
