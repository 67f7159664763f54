import { z } from 'zod';
import { REGION_CODES } from '../../core/geo/regions.ts';
import { AREAS, LEGAL_FORMS, ORGANISATION_STATUSES, SETTLEMENTS } from './schema.ts';

/** An empty value from a form's select means "any". */
const optional = <T extends z.ZodType>(schema: T) => z.preprocess((v) => (v === '' ? undefined : v), schema.optional());

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
