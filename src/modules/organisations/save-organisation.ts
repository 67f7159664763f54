import { eq, inArray } from 'drizzle-orm';
import { type AuditEntry, recordAudits } from '../../core/audit/audit-log.ts';
import type { Executor } from '../../core/db/client.ts';
import type { OrganisationFields } from './inputs.ts';
import { organisations } from './schema.ts';
import { organisationSearchKey } from './search-key.ts';

type Row = typeof organisations.$inferSelect;
export type SaveOutcome = { id: string; outcome: 'created' | 'updated' | 'unchanged'; fields: string[] };

/** The columns a record's fields fill; what is not given stays empty (a profile says what it knows). */
const FIELD_NAMES = [
  'kind', 'legalForm', 'nameKk', 'nameRu', 'nameEn', 'shortNameKk', 'shortNameRu', 'shortNameEn', 'regionCode', 'districtKato',
  'settlement', 'status', 'areas', 'registeredOn', 'headName', 'email', 'phone', 'address', 'website', 'descriptionKk',
  'descriptionRu', 'staffCount', 'volunteerCount',
] as const satisfies readonly (keyof OrganisationFields & keyof Row)[];

// A list column (areas) is a set: the form sends its choices in the list's order, a file in any order.
const comparable = (v: unknown) => (Array.isArray(v) ? [...v].sort() : (v ?? null));
const same = (a: unknown, b: unknown) => JSON.stringify(comparable(a)) === JSON.stringify(comparable(b));

type SaveAction = 'organisation.create' | 'organisation.update' | 'organisation.import';

/**
 * Creates the organisation with this BIN, or brings its record up to date, in the caller's
 * transaction, and writes what changed to the audit log. A record that already says the same
 * is left alone, so saving (or importing) the same data twice changes nothing.
 */
export async function saveOrganisation(tx: Executor, fields: OrganisationFields, audit: { actorId: string | null; action: SaveAction }): Promise<SaveOutcome> {
  const [outcome] = await saveOrganisations(tx, [fields], audit);
  return outcome!;
}

/**
 * `saveOrganisation` for many records at once (an import's batch), in the caller's transaction,
 * with one read, one insert for all new records and one append to the audit log. The BINs must
 * differ. A new record is audited as created (or imported); a changed one with its old and new values.
 */
export async function saveOrganisations(
  tx: Executor,
  list: readonly OrganisationFields[],
  audit: { actorId: string | null; action: SaveAction },
): Promise<SaveOutcome[]> {
  const createAction = audit.action === 'organisation.update' ? 'organisation.create' : audit.action;
  if (list.length === 0) return [];
  if (new Set(list.map((f) => f.bin)).size !== list.length) throw new Error('saveOrganisations: a BIN appears twice in one batch');
  const existing = new Map(
    (await tx.select().from(organisations).where(inArray(organisations.bin, list.map((f) => f.bin))).for('update')).map((r) => [r.bin, r]),
  );
  const prepared = list.map((fields) => {
    const values = Object.fromEntries(FIELD_NAMES.map((k) => [k, fields[k] ?? null])) as Pick<Row, (typeof FIELD_NAMES)[number]>;
    return { bin: fields.bin, values, searchKey: organisationSearchKey({ ...values, bin: fields.bin }) };
  });
  const fresh = prepared.filter((p) => !existing.has(p.bin));
  const createdIds = new Map<string, string>();
  for (let i = 0; i < fresh.length; i += 500) {
    const rows = await tx
      .insert(organisations)
      .values(fresh.slice(i, i + 500).map((p) => ({ ...p.values, bin: p.bin, searchKey: p.searchKey })))
      .returning({ id: organisations.id, bin: organisations.bin });
    for (const r of rows) createdIds.set(r.bin, r.id);
  }
  const entries: AuditEntry[] = [];
  const outcomes: SaveOutcome[] = [];
  for (const { bin, values, searchKey } of prepared) {
    const before = existing.get(bin);
    if (!before) {
      const id = createdIds.get(bin)!;
      entries.push({ actorId: audit.actorId, action: createAction, entityType: 'organisation', entityId: id, changes: { fields: [...FIELD_NAMES], after: values } });
      outcomes.push({ id, outcome: 'created', fields: [...FIELD_NAMES] });
      continue;
    }
    const changed = FIELD_NAMES.filter((k) => !same(before[k], values[k]));
    if (changed.length === 0) {
      outcomes.push({ id: before.id, outcome: 'unchanged', fields: [] });
      continue;
    }
    await tx.update(organisations).set({ ...values, searchKey, updatedAt: new Date() }).where(eq(organisations.id, before.id));
    entries.push({
      actorId: audit.actorId,
      action: audit.action,
      entityType: 'organisation',
      entityId: before.id,
      changes: { fields: changed, before: Object.fromEntries(changed.map((k) => [k, before[k]])), after: Object.fromEntries(changed.map((k) => [k, values[k]])) },
    });
    outcomes.push({ id: before.id, outcome: 'updated', fields: changed });
  }
  await recordAudits(tx, entries);
  return outcomes;
}
