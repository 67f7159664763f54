import { z } from 'zod';
import { DISTRICTS } from '../../core/geo/districts.ts';
import { REGION_CODES } from '../../core/geo/regions.ts';
import { isValidBin } from './bin.ts';
import { AREAS, LEGAL_FORMS, ORGANISATION_STATUSES, SETTLEMENTS } from './schema.ts';

/** An empty (or blank) value from a form means "none" (or "any", for a filter). */
const optional = <T extends z.ZodType>(schema: T) => z.preprocess((v) => (typeof v === 'string' && v.trim() === '' ? undefined : v), schema.optional());

/** The register's search, as a query string: the same for the page, its export and the API. */
export const SearchParams = z.object({
  q: optional(z.string().trim().max(200)),
  region: optional(z.enum(REGION_CODES)),
  district: optional(z.string().regex(/^\d{9}$/)),
  legalForm: optional(z.enum(LEGAL_FORMS)),
  area: optional(z.enum(AREAS)),
  status: optional(z.enum(ORGANISATION_STATUSES)),
  settlement: optional(z.enum(SETTLEMENTS)),
  sort: optional(z.enum(['name', 'relevance'])),
  page: optional(z.coerce.number().int().min(1).max(10_000)).default(1),
  pageSize: optional(z.coerce.number().int().min(1).max(100)).default(20),
});
export type SearchParams = z.infer<typeof SearchParams>;

export const FACETS = ['region', 'district', 'legalForm', 'area', 'status', 'settlement'] as const;
export type Facet = (typeof FACETS)[number];

const text = (max: number) => optional(z.string().trim().max(max, 'form.error.too-long'));
const count = optional(z.coerce.number({ message: 'organisations.error.count' }).int('organisations.error.count').min(0, 'organisations.error.count').max(1_000_000, 'organisations.error.count'));

/**
 * An organisation's record as people type it (a form) or as a row of an import file. Codes are
 * checked against the reference lists; the BIN's check digit is verified.
 */
export const OrganisationFields = z.object({
  bin: z
    .string({ message: 'organisations.error.bin-invalid' })
    .transform((v) => v.replace(/[\s-]/g, ''))
    .refine(isValidBin, 'organisations.error.bin-invalid'),
  kind: optional(z.enum(['ngo', 'state'])).default('ngo'),
  legalForm: z.enum(LEGAL_FORMS, { message: 'organisations.error.legal-form' }),
  nameKk: z.string({ message: 'organisations.error.name-kk' }).trim().min(3, 'organisations.error.name-kk').max(500, 'form.error.too-long'),
  nameRu: z.string({ message: 'organisations.error.name-ru' }).trim().min(3, 'organisations.error.name-ru').max(500, 'form.error.too-long'),
  nameEn: text(500),
  shortNameKk: text(200),
  shortNameRu: text(200),
  shortNameEn: text(200),
  regionCode: z.enum(REGION_CODES, { message: 'organisations.error.region' }),
  districtKato: optional(z.string().regex(/^\d{9}$/, 'organisations.error.district')),
  settlement: optional(z.enum(SETTLEMENTS, { message: 'organisations.error.settlement' })).default('urban'),
  status: optional(z.enum(ORGANISATION_STATUSES, { message: 'organisations.error.status' })).default('active'),
  areas: z.preprocess(
    (v) => (v === undefined || v === '' ? [] : Array.isArray(v) ? v : String(v).split(/[;,]\s*/)),
    z.array(z.enum(AREAS, { message: 'organisations.error.area' })).max(AREAS.length),
  ),
  registeredOn: optional(z.iso.date('organisations.error.date')),
  headName: text(200),
  email: optional(z.string().trim().max(254).pipe(z.email('accounts.error.email'))),
  phone: optional(z.string().trim().regex(/^[+\d\s()-]{5,30}$/, 'organisations.error.phone')),
  address: text(500),
  website: optional(z.string().trim().max(300).pipe(z.url({ protocol: /^https?$/, message: 'organisations.error.website' }))),
  descriptionKk: text(5000),
  descriptionRu: text(5000),
  staffCount: count,
  volunteerCount: count,
}).superRefine((org, issues) => {
  if (org.districtKato && DISTRICTS.find((d) => d.kato === org.districtKato)?.regionCode !== org.regionCode) {
    issues.addIssue({ code: 'custom', path: ['districtKato'], message: 'organisations.error.district-region' });
  }
});
export type OrganisationFields = z.infer<typeof OrganisationFields>;
