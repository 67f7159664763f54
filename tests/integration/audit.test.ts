import { asc, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recordAudit, verifyAuditChain } from '../../src/core/audit/audit-log.ts';
import { auditLog } from '../../src/core/audit/schema.ts';
import { type TestApp, testApp } from '../support/app.ts';

let t: TestApp;
beforeAll(async () => {
  t = await testApp();
});
afterAll(() => t.close());

/** What someone with rights to alter the table could do: switch off the append-only triggers. */
const asTableOwner = () => t.ctx.db.execute(sql`alter table audit_log disable trigger user`);

async function freshChain(n: number): Promise<number[]> {
  await asTableOwner();
  await t.ctx.db.execute(sql`truncate audit_log restart identity`);
  await t.ctx.db.execute(sql`alter table audit_log enable trigger user`);
  for (let i = 0; i < n; i++) {
    await t.ctx.db.transaction((tx) =>
      recordAudit(tx, { actorId: null, action: 'grant.award', entityType: 'application', entityId: `A-${i}`, changes: { amount: 42857100 + i, lot: 'Ел мақтанышы' } }),
    );
  }
  return (await t.ctx.db.select({ id: auditLog.id }).from(auditLog).orderBy(asc(auditLog.id))).map((r) => r.id);
}

describe('the audit chain', () => {
  it('links each entry to the one before and verifies intact', async () => {
    const ids = await freshChain(5);
    const rows = await t.ctx.db.select().from(auditLog).orderBy(asc(auditLog.id));
    for (let i = 1; i < rows.length; i++) expect(rows[i]!.prevHash).toBe(rows[i - 1]!.hash);
    expect(await verifyAuditChain(t.ctx.db)).toEqual({ checked: ids.length, firstBreak: null });
  });

  it('refuses to change or remove history through ordinary statements', async () => {
    const ids = await freshChain(2);
    await expect(t.ctx.db.update(auditLog).set({ action: 'x' }).where(eq(auditLog.id, ids[0]!))).rejects.toThrow();
    await expect(t.ctx.db.delete(auditLog).where(eq(auditLog.id, ids[0]!))).rejects.toThrow();
    await expect(t.ctx.db.execute(sql`truncate audit_log`)).rejects.toThrow();
    expect(await verifyAuditChain(t.ctx.db)).toEqual({ checked: 2, firstBreak: null });
  });

  it('names an entry whose content was edited', async () => {
    const ids = await freshChain(5);
    await asTableOwner();
    await t.ctx.db.update(auditLog).set({ changes: { amount: 1 } }).where(eq(auditLog.id, ids[2]!));
    expect((await verifyAuditChain(t.ctx.db)).firstBreak).toEqual({ id: ids[2], reason: 'hash-mismatch' });
  });

  it('names the entry after a deleted one', async () => {
    const ids = await freshChain(5);
    await asTableOwner();
    await t.ctx.db.delete(auditLog).where(eq(auditLog.id, ids[1]!));
    expect((await verifyAuditChain(t.ctx.db)).firstBreak).toEqual({ id: ids[2], reason: 'prev-hash-mismatch' });
  });

  it('notices entries put in another order', async () => {
    const ids = await freshChain(5);
    const rows = await t.ctx.db.select().from(auditLog).orderBy(asc(auditLog.id));
    const [a, b] = [rows[1]!, rows[3]!];
    await asTableOwner();
    await t.ctx.db.transaction(async (tx) => {
      await tx.delete(auditLog).where(eq(auditLog.id, a.id));
      await tx.delete(auditLog).where(eq(auditLog.id, b.id));
      await tx.insert(auditLog).values({ ...b, id: a.id });
      await tx.insert(auditLog).values({ ...a, id: b.id });
    });
    expect((await verifyAuditChain(t.ctx.db)).firstBreak?.id).toBe(ids[1]);
  });

  it('keeps one chain when many transactions append at once', async () => {
    await freshChain(0);
    await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        t.ctx.db.transaction((tx) => recordAudit(tx, { actorId: null, action: 'test.concurrent', entityType: 'test', entityId: String(i) })),
      ),
    );
    expect(await verifyAuditChain(t.ctx.db)).toEqual({ checked: 20, firstBreak: null });
  });

  it('records the sign-up of an account', async () => {
    await freshChain(0);
    const { signUp } = await import('../../src/modules/accounts/sign-up.ts');
    await signUp(t.ctx, { name: 'Audited', email: 'audited@example.kz', password: 'a long enough passphrase', lang: 'kk' });
    const [entry] = await t.ctx.db.select().from(auditLog);
    expect(entry?.action).toBe('user.sign-up');
    expect(JSON.stringify(entry?.changes)).not.toContain('passphrase');
  });
});
