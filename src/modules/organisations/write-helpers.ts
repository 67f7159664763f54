import { eq } from 'drizzle-orm';
import type { Executor } from '../../core/db/client.ts';
import { organisations } from './schema.ts';

/** A refusal that belongs on the form: which field, and the message key that says what to fix. */
export type FieldRefusal = { ok: false; field: string; key: string };

const _isUniqueViolation = (err: unknown) => (err as { code?: string })?.code === '23505' || (err as { cause?: { code?: string } })?.cause?.code === '23505';

async function _findByBin(tx: Executor, bin: string) {
  const [org] = await tx.select().from(organisations).where(eq(organisations.bin, bin));
  return org;
}

export const isUniqueViolation = (err: unknown) =>
  (err as { code?: string })?.code === '23505' || (err as { cause?: { code?: string } })?.cause?.code === '23505';

export async function findByBin(tx: Executor, bin: string) {
  const [org] = await tx.select().from(organisations).where(eq(organisations.bin, bin));
  return org;
}
