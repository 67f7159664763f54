import { eq } from 'drizzle-orm';
import { recordAudit } from '../../core/audit/audit-log.ts';
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

const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

/**
 * Creates the organisation with this BIN, or brings its record up to date, in the caller's
 * transaction, and writes what changed to the audit log. A record that already says the same
 * is left alone, so saving (or importing) the same data twice changes nothing.
 */
export async function saveOrganisation(
  tx: Executor,
  fields: OrganisationFields,
  audit: { actorId: string | null; action: 'organisation.create' | 'organisation.update' | 'organisation.import' },
): Promise<SaveOutcome> {
  const values = Object.fromEntries(FIELD_NAMES.map((k) => [k, fields[k] ?? null])) as Pick<Row, (typeof FIELD_NAMES)[number]>;
  const searchKey = organisationSearchKey({ ...values, bin: fields.bin });
  const [existing] = await tx.select().from(organisations).where(eq(organisations.bin, fields.bin)).for('update');
  if (!existing) {
    const [created] = await tx.insert(organisations).values({ ...values, bin: fields.bin, searchKey }).returning({ id: organisations.id });
    const action = audit.action === 'organisation.update' ? 'organisation.create' : audit.action;
    await recordAudit(tx, { actorId: audit.actorId, action, entityType: 'organisation', entityId: created!.id, changes: { fields: [...FIELD_NAMES], after: values } });
    return { id: created!.id, outcome: 'created', fields: [...FIELD_NAMES] };
  }
  const changed = FIELD_NAMES.filter((k) => !same(existing[k], values[k]));
  if (changed.length === 0) return { id: existing.id, outcome: 'unchanged', fields: [] };
  const before = Object.fromEntries(changed.map((k) => [k, existing[k]]));
  const after = Object.fromEntries(changed.map((k) => [k, values[k]]));
  await tx.update(organisations).set({ ...values, searchKey, updatedAt: new Date() }).where(eq(organisations.id, existing.id));
  await recordAudit(tx, { actorId: audit.actorId, action: audit.action, entityType: 'organisation', entityId: existing.id, changes: { fields: changed, before, after } });
  return { id: existing.id, outcome: 'updated', fields: changed };
}
