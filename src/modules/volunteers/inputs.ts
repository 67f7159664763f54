import { z } from 'zod';
import { REGION_CODES } from '../../core/geo/regions.ts';
import { AREAS } from '../organisations/index.ts';
import { AVAILABILITY, CONTACT_CHANNELS, LANGUAGES, RISKS, SKILLS } from './schema.ts';

/** A checkbox group arrives as nothing, one string or many. */
const many = <T extends readonly [string, ...string[]]>(values: T) =>
  z.preprocess((v) => (v === undefined || v === '' ? [] : Array.isArray(v) ? v : [v]), z.array(z.enum(values)).max(values.length));
const checkbox = z.preprocess((v) => v === 'on' || v === 'true' || v === '1', z.boolean());
const optionalText = (max: number, key: string) =>
  z
    .string()
    .trim()
    .max(max, key)
    .optional()
    .transform((v) => v || null);

export const ProfileInput = z.object({
  birthDate: z.iso.date('volunteers.profile.error.birth-date'),
  regionCode: z.enum(REGION_CODES, 'volunteers.profile.error.region'),
  city: z.string().trim().min(1, 'volunteers.profile.error.city').max(100, 'volunteers.profile.error.city'),
  languages: many(LANGUAGES),
  skills: many(SKILLS),
  areas: many(AREAS),
  availability: many(AVAILABILITY),
  contactChannels: many(CONTACT_CHANNELS),
  phone: z
    .string()
    .trim()
    .max(30)
    .regex(/^$|^\+?[0-9 ()-]{7,20}$/, 'volunteers.profile.error.phone')
    .optional()
    .transform((v) => v || null),
  about: optionalText(1000, 'volunteers.profile.error.about'),
  publicProfile: checkbox,
  openToInvitations: checkbox,
});
export type ProfileValues = z.infer<typeof ProfileInput>;

export const GroupInput = z.object({
  groupNameKk: z.string().trim().min(3, 'volunteers.manage.error.group-name').max(200, 'volunteers.manage.error.group-name'),
  groupNameRu: z.string().trim().min(3, 'volunteers.manage.error.group-name').max(200, 'volunteers.manage.error.group-name'),
  regionCode: z.enum(REGION_CODES, 'volunteers.profile.error.region'),
  city: z.string().trim().min(1, 'volunteers.profile.error.city').max(100, 'volunteers.profile.error.city'),
  descriptionKk: optionalText(2000, 'volunteers.manage.error.description'),
  descriptionRu: optionalText(2000, 'volunteers.manage.error.description'),
  email: z
    .string()
    .trim()
    .max(200)
    .optional()
    .transform((v) => v || null)
    .pipe(z.email('volunteers.manage.error.email').nullable()),
});

export const EnableInput = z.object({
  organisationId: z.uuid('volunteers.manage.error.organisation'),
  city: z.string().trim().min(1, 'volunteers.profile.error.city').max(100, 'volunteers.profile.error.city'),
});

export const CoordinatorInput = z.object({ email: z.email('volunteers.manage.error.coordinator-email').transform((v) => v.toLowerCase()) });

export const OpportunityInput = z
  .object({
    titleKk: z.string().trim().min(3, 'volunteers.manage.error.title').max(200, 'volunteers.manage.error.title'),
    titleRu: z.string().trim().min(3, 'volunteers.manage.error.title').max(200, 'volunteers.manage.error.title'),
    descriptionKk: z.string().trim().min(10, 'volunteers.manage.error.description').max(4000, 'volunteers.manage.error.description'),
    descriptionRu: z.string().trim().min(10, 'volunteers.manage.error.description').max(4000, 'volunteers.manage.error.description'),
    area: z.enum(AREAS, 'volunteers.manage.error.area'),
    regionCode: z.enum(REGION_CODES, 'volunteers.profile.error.region'),
    online: checkbox,
    address: optionalText(300, 'volunteers.manage.error.address'),
    skills: many(SKILLS),
    minAge: z.coerce.number('volunteers.manage.error.min-age').int('volunteers.manage.error.min-age').min(6, 'volunteers.manage.error.min-age').max(99, 'volunteers.manage.error.min-age'),
    risk: z.enum(RISKS, 'volunteers.manage.error.risk'),
  })
  .refine((o) => o.online || o.address !== null, { path: ['address'], message: 'volunteers.manage.error.address-needed' })
  .refine((o) => o.risk === 'none' || o.minAge >= 18, { path: ['minAge'], message: 'volunteers.manage.error.risk-age' });
export type OpportunityValues = z.infer<typeof OpportunityInput>;

/** Up to this many shifts are entered on the form at once; more can be added later. */
export const SHIFT_ROWS = 4;

export const DisputeInput = z.object({
  hours: z.coerce.number('volunteers.desk.error.hours').min(0, 'volunteers.desk.error.hours').max(24, 'volunteers.desk.error.hours'),
  reason: z.string().trim().min(5, 'volunteers.desk.error.reason').max(1000, 'volunteers.desk.error.reason'),
});

export const ResolveInput = z.object({
  hours: z.coerce.number('volunteers.desk.error.hours').min(0, 'volunteers.desk.error.hours').max(24, 'volunteers.desk.error.hours'),
  note: z.string().trim().min(5, 'volunteers.manage.error.note').max(1000, 'volunteers.manage.error.note'),
});
