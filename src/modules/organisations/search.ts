import { and, asc, count, desc, eq, type SQL, sql } from 'drizzle-orm';
import type { Db } from '../../core/db/client.ts';
import type { Lang } from '../../core/i18n/langs.ts';
import { foldForSearch } from '../../core/search/fold.ts';
import type { Facet, SearchParams } from './inputs.ts';
import { organisations } from './schema.ts';

export type FacetCount = { key: string; count: number };
export type SearchResult = {
  items: (typeof organisations.$inferSelect)[];
  total: number;
  page: number;
  pageSize: number;
  facets: Record<Facet, FacetCount[]>;
};

const FACET_COLUMNS = {
  region: organisations.regionCode,
  district: organisations.districtKato,
  legalForm: organisations.legalForm,
  status: organisations.status,
  settlement: organisations.settlement,
} as const;

/**
 * The filters of a search, leaving one facet out so its own choices keep their counts. The
 * register is of non-governmental organisations: state bodies (organisers of competitions) have
 * profiles, reached from their competitions, but are not listed or counted.
 */
function conditions(p: SearchParams, except?: Facet): SQL | undefined {
  const c: SQL[] = [eq(organisations.kind, 'ngo')];
  if (p.q) {
    const key = foldForSearch(p.q);
    const digits = p.q.replace(/\D/g, '');
    const byName = key ? sql`${key} <% ${organisations.searchKey}` : sql`false`;
    c.push(digits.length >= 4 && digits.length === p.q.replace(/[\s-]/g, '').length ? sql`(${organisations.bin} like ${`${digits}%`} or ${byName})` : byName);
  }
  for (const facet of ['region', 'district', 'legalForm', 'status', 'settlement'] as const) {
    const value = p[facet];
    if (value && facet !== except) c.push(eq(FACET_COLUMNS[facet], value));
  }
  if (p.area && except !== 'area') c.push(sql`${organisations.areas} @> array[${p.area}]::text[]`);
  return and(...c);
}

async function facetCounts(db: Db, p: SearchParams, facet: Facet): Promise<FacetCount[]> {
  if (facet === 'district' && !p.region) return [];
  const where = conditions(p, facet);
  if (facet === 'area') {
    const area = sql<string>`unnest(${organisations.areas})`;
    const rows = await db.select({ key: area, count: count() }).from(organisations).where(where).groupBy(area);
    return rows.map((r) => ({ key: r.key, count: r.count }));
  }
  const column = FACET_COLUMNS[facet];
  const rows = await db.select({ key: column, count: count() }).from(organisations).where(where).groupBy(column);
  return rows.filter((r) => r.key !== null).map((r) => ({ key: r.key as string, count: r.count }));
}

/**
 * Searches the register: names in any script, typos forgiven, filters with counts beside each
 * choice, in Kazakh alphabetical order or by relevance.
 */
export async function searchOrganisations(db: Db, p: SearchParams, lang: Lang, options: { facets?: boolean } = {}): Promise<SearchResult> {
  const where = conditions(p);
  const name = lang === 'ru' ? organisations.nameRu : organisations.nameKk;
  const byName = sql`${name} collate kazakh`;
  const byRelevance = p.q ? sql`word_similarity(${foldForSearch(p.q)}, ${organisations.searchKey})` : undefined;
  const order = (p.sort ?? (p.q ? 'relevance' : 'name')) === 'relevance' && byRelevance ? [desc(byRelevance), asc(byName)] : [asc(byName)];
  const [items, [total], ...facetLists] = await Promise.all([
    db
      .select()
      .from(organisations)
      .where(where)
      .orderBy(...order, asc(organisations.bin))
      .limit(p.pageSize)
      .offset((p.page - 1) * p.pageSize),
    db.select({ n: count() }).from(organisations).where(where),
    ...(['region', 'district', 'legalForm', 'area', 'status', 'settlement'] as const).map((f) => (options.facets === false ? Promise.resolve([]) : facetCounts(db, p, f))),
  ]);
  const [region, district, legalForm, area, status, settlement] = facetLists as FacetCount[][];
  return {
    items,
    total: total?.n ?? 0,
    page: p.page,
    pageSize: p.pageSize,
    facets: { region: region!, district: district!, legalForm: legalForm!, area: area!, status: status!, settlement: settlement! },
  };
}

export async function findOrganisationByBin(db: Db, bin: string) {
  const [row] = await db.select().from(organisations).where(eq(organisations.bin, bin));
  return row;
}

export { conditions as searchConditions };
