import { and, asc, desc, eq, or, type SQL, sql } from 'drizzle-orm';
import { type Db, queryRows } from '../../core/db/client.ts';
import { listFigures } from '../../core/db/recent.ts';
import type { Lang } from '../../core/i18n/langs.ts';
import { FACETS, type Facet, type SearchParams } from './inputs.ts';
import { type RegisterQuery, readRegisterQuery } from './register-query.ts';
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
    const digits = p.q.replace(/\D/g, '');
    const byName = nameMatches(readRegisterQuery(p.q));
    c.push(digits.length >= 4 && digits.length === p.q.replace(/[\s-]/g, '').length ? sql`(${organisations.bin} like ${`${digits}%`} or ${byName})` : byName);
  }
  for (const facet of ['region', 'district', 'legalForm', 'status', 'settlement'] as const) {
    const value = p[facet];
    if (value && facet !== except) c.push(eq(FACET_COLUMNS[facet], value));
  }
  if (p.area && except !== 'area') c.push(sql`${organisations.areas} @> array[${p.area}]::text[]`);
  return and(...c);
}

/**
 * The names a query finds: by similarity to its words, or, when it is made only of legal-form
 * words, those that hold each of them (`organisations_search_words`, a word index on the key).
 */
function nameMatches({ fuzzy, words }: RegisterQuery): SQL {
  if (fuzzy) return sql`${fuzzy} <% ${organisations.searchKey}`;
  if (words) return sql`to_tsvector('simple', ${organisations.searchKey}) @@ to_tsquery('simple', ${words})`;
  return sql`false`;
}

/** Whether the search narrows the register, leaving one facet out: a text, or any other filter. */
const narrowed = (p: SearchParams, except?: Facet) => Boolean(p.q) || FACETS.some((f) => f !== except && p[f] !== undefined);

/** The filters read on the figures' common table (`base`), leaving one facet out. */
function baseChoices(p: SearchParams, except: Facet | undefined): SQL {
  const c: SQL[] = [];
  for (const f of ['region', 'district', 'legalForm', 'status', 'settlement'] as const) {
    if (p[f] !== undefined && f !== except) c.push(sql`${sql.identifier(f)} = ${p[f]}`);
  }
  if (p.area && except !== 'area') c.push(sql`areas @> array[${p.area}]::text[]`);
  return c.length ? and(...c)! : sql`true`;
}

type Figures = { total: number; facets: Record<Facet, FacetCount[]> };

/**
 * The number of matching organisations and the counts of the given facets' choices (each with
 * the other filters applied), in one statement: the rows any of them needs are read once (a
 * materialised common table), then counted by each facet.
 */
async function countFigures(db: Db, p: SearchParams, counted: readonly Facet[]): Promise<Figures> {
  // The rows the total needs, and those each counted facet's choices need beside them (its own filter left out).
  const where = or(conditions(p), ...counted.filter((f) => p[f] !== undefined).map((f) => conditions(p, f)));
  const perFacet = counted.map((f) =>
    f === 'area'
      ? sql`union all select 'area', a.key, count(*) from base cross join lateral unnest(base.areas) as a(key) where ${baseChoices(p, f)} group by 2`
      : sql`union all select ${f}::text, ${sql.identifier(f)}, count(*) from base where ${baseChoices(p, f)} and ${sql.identifier(f)} is not null group by 2`,
  );
  const rows = await queryRows<{ facet: string; key: string | null; n: number | string }>(
    db,
    sql`with base as materialized (
          select ${organisations.regionCode} as region, ${organisations.districtKato} as district, ${organisations.legalForm} as "legalForm",
                 ${organisations.status} as status, ${organisations.settlement} as settlement, ${organisations.areas} as areas
          from ${organisations} where ${where}
        )
        select 'total' as facet, null as key, count(*) as n from base where ${baseChoices(p, undefined)}
        ${sql.join(perFacet, sql` `)}`,
  );
  const figures: Figures = { total: 0, facets: Object.fromEntries(FACETS.map((f) => [f, [] as FacetCount[]])) as Record<Facet, FacetCount[]> };
  for (const r of rows) {
    if (r.facet === 'total') figures.total = Number(r.n);
    else figures.facets[r.facet as Facet].push({ key: r.key as string, count: Number(r.n) });
  }
  return figures;
}

/** The total and the facets' counts, those of the whole register kept a while (`listFigures`). */
function figures(db: Db, p: SearchParams, withFacets: boolean): Promise<Figures> {
  return listFigures(
    db,
    'organisations:register-figures',
    {
      narrowed: (except) => narrowed(p, except),
      count: (facets) => countFigures(db, p, facets),
      countWhole: () => countFigures(db, { page: 1, pageSize: 1 }, FACETS.filter((f) => f !== 'district')),
    },
    withFacets ? FACETS.filter((f) => f !== 'district' || p.region) : [],
  );
}

/**
 * Searches the register: names in any script, typos forgiven, filters with counts beside each
 * choice, in Kazakh alphabetical order or by relevance. Two statements: the page's rows, and the
 * figures.
 */
export async function searchOrganisations(db: Db, p: SearchParams, lang: Lang, options: { facets?: boolean } = {}): Promise<SearchResult> {
  const where = conditions(p);
  const name = lang === 'ru' ? organisations.nameRu : organisations.nameKk;
  const byName = sql`${name} collate kazakh`;
  // Names found by legal-form words alone are all alike in relevance: they are listed by name.
  const query = p.q ? readRegisterQuery(p.q) : undefined;
  const byRelevance = query?.fuzzy ? sql`word_similarity(${query.folded}, ${organisations.searchKey})` : undefined;
  const order = (p.sort ?? (p.q ? 'relevance' : 'name')) === 'relevance' && byRelevance ? [desc(byRelevance), asc(byName)] : [asc(byName)];
  const withFacets = options.facets !== false;
  const [items, { total, facets }] = await Promise.all([
    db
      .select()
      .from(organisations)
      .where(where)
      .orderBy(...order, asc(organisations.bin))
      .limit(p.pageSize)
      .offset((p.page - 1) * p.pageSize),
    figures(db, p, withFacets),
  ]);
  return {
    items,
    total,
    page: p.page,
    pageSize: p.pageSize,
    facets: Object.fromEntries(FACETS.map((f) => [f, withFacets && (f !== 'district' || p.region) ? facets[f] : []])) as Record<Facet, FacetCount[]>,
  };
}

export async function findOrganisationByBin(db: Db, bin: string) {
  const [row] = await db.select().from(organisations).where(eq(organisations.bin, bin));
  return row;
}

export { conditions as searchConditions };
