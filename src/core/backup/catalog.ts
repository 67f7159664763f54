import type { Session } from './session.ts';

/** What the database's own catalog says about the application's tables (schema `public`). */
export type TableInfo = {
  name: string;
  /** Stored columns in table order (generated columns are left out: they are recomputed). */
  columns: string[];
  primaryKey: { name: string; collatable: boolean }[];
  /**
   * Reference data a migration loads (its table is commented `ortaq:reference-data`): a fresh
   * database already holds it, so it does not make the database "not empty", and a restore
   * replaces it with the backup's.
   */
  reference: boolean;
};

export const REFERENCE_DATA_COMMENT = 'ortaq:reference-data';

export type SequenceInfo = { name: string; table: string | null; column: string | null };

export type AppliedMigration = { hash: string; createdAt: string };

export const quoteIdent = (name: string) => `"${name.replaceAll('"', '""')}"`;

/** Every table in `public`: each module's tables, now and later. Drizzle's own lives in `drizzle`. */
export async function listTables(s: Session): Promise<TableInfo[]> {
  const rows = await s.query<{ name: string; columns: string[]; primary_key: { name: string; collatable: boolean }[]; reference: boolean }>(`
    select c.relname as name,
      coalesce(obj_description(c.oid, 'pg_class') = '${REFERENCE_DATA_COMMENT}', false) as reference,
      (select coalesce(json_agg(a.attname order by a.attnum), '[]'::json) from pg_attribute a
        where a.attrelid = c.oid and a.attnum > 0 and not a.attisdropped and a.attgenerated = '') as columns,
      (select coalesce(json_agg(json_build_object('name', a.attname, 'collatable', a.attcollation <> 0) order by k.ord), '[]'::json)
        from pg_index i
        cross join unnest(i.indkey::int2[]) with ordinality as k(attnum, ord)
        join pg_attribute a on a.attrelid = i.indrelid and a.attnum = k.attnum
        where i.indrelid = c.oid and i.indisprimary) as primary_key
    from pg_class c join pg_namespace n on n.oid = c.relnamespace
    where n.nspname = 'public' and c.relkind in ('r', 'p') and not c.relispartition
    order by c.relname collate "C"`);
  return rows.map((r) => ({ name: r.name, columns: r.columns, primaryKey: r.primary_key, reference: r.reference }));
}

/**
 * The query whose COPY output is a table's backup: the given columns, in primary-key order.
 * Text keys sort by code point (collation "C"), so the order, and the bytes, are the same on
 * every engine and server locale. A table without a primary key sorts by its whole row's text.
 */
export function dumpQuery(table: TableInfo, columns: readonly string[]): string {
  const order = table.primaryKey.length
    ? table.primaryKey.map((k) => (k.collatable ? `${quoteIdent(k.name)} collate "C"` : quoteIdent(k.name))).join(', ')
    : 't::text collate "C"';
  return `select ${columns.map(quoteIdent).join(', ')} from ${quoteIdent(table.name)} as t order by ${order}`;
}

/** Foreign keys between application tables, as child → parent. */
export async function listReferences(s: Session): Promise<{ child: string; parent: string }[]> {
  return s.query(`
    select child.relname as child, parent.relname as parent
    from pg_constraint k
    join pg_class child on child.oid = k.conrelid join pg_namespace cn on cn.oid = child.relnamespace
    join pg_class parent on parent.oid = k.confrelid join pg_namespace pn on pn.oid = parent.relnamespace
    where k.contype = 'f' and cn.nspname = 'public' and pn.nspname = 'public'`);
}

/**
 * Tables ordered so that every table comes after the tables it references (a table that
 * references itself is fine: one COPY checks its keys at the end of the statement).
 */
export function loadOrder(tables: readonly string[], references: readonly { child: string; parent: string }[]): string[] {
  const pending = new Map(tables.map((t) => [t, new Set<string>()]));
  for (const { child, parent } of references) {
    if (child !== parent && pending.has(child) && pending.has(parent)) pending.get(child)!.add(parent);
  }
  const order: string[] = [];
  while (pending.size > 0) {
    const ready = [...pending].filter(([, parents]) => parents.size === 0).map(([t]) => t);
    if (ready.length === 0) {
      throw new Error(`Tables reference each other in a cycle, which restore cannot order: ${[...pending.keys()].join(', ')}`);
    }
    for (const t of ready.sort()) {
      order.push(t);
      pending.delete(t);
      for (const parents of pending.values()) parents.delete(t);
    }
  }
  return order;
}

/** Sequences in `public`, with the column that owns each (a serial or identity column), if any. */
export async function listSequences(s: Session): Promise<SequenceInfo[]> {
  return s.query(`
    select s.relname as name, t.relname as table, a.attname as column
    from pg_class s join pg_namespace n on n.oid = s.relnamespace
    left join pg_depend d on d.objid = s.oid and d.classid = 'pg_class'::regclass and d.refclassid = 'pg_class'::regclass and d.deptype in ('a', 'i')
    left join pg_class t on t.oid = d.refobjid
    left join pg_attribute a on a.attrelid = t.oid and a.attnum = d.refobjsubid
    where s.relkind = 'S' and n.nspname = 'public'
    order by s.relname collate "C"`);
}

export async function sequenceState(s: Session, name: string): Promise<{ lastValue: string; isCalled: boolean }> {
  const [row] = await s.query<{ last_value: string; is_called: boolean }>(`select last_value::text as last_value, is_called from ${quoteIdent(name)}`);
  return { lastValue: row!.last_value, isCalled: row!.is_called };
}

/** User triggers that are switched on, per table (the foreign-key checks are not among them). */
export async function listEnabledTriggers(s: Session): Promise<{ table: string; name: string }[]> {
  return s.query(`
    select c.relname as table, t.tgname as name
    from pg_trigger t join pg_class c on c.oid = t.tgrelid join pg_namespace n on n.oid = c.relnamespace
    where n.nspname = 'public' and not t.tgisinternal and t.tgenabled <> 'D'
    order by c.relname collate "C", t.tgname collate "C"`);
}

/** The migrations applied to this database, oldest first, as drizzle records them. */
export async function appliedMigrations(s: Session): Promise<AppliedMigration[]> {
  const [exists] = await s.query<{ present: boolean }>("select to_regclass('drizzle.__drizzle_migrations') is not null as present");
  if (!exists?.present) return [];
  return s.query('select hash, created_at::text as "createdAt" from drizzle.__drizzle_migrations order by created_at, id');
}

export async function serverVersion(s: Session): Promise<string> {
  const [row] = await s.query<{ v: string }>("select current_setting('server_version') as v");
  return row!.v;
}
