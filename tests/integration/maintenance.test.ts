import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { purgeExpiredAccountData } from '../../src/core/auth/maintenance.ts';
import { accountTokens, loginAttempts, sessions, users } from '../../src/core/auth/schema.ts';
import { type TestApp, testApp } from '../support/app.ts';

let t: TestApp;
beforeAll(async () => {
  t = await testApp();
});
afterAll(() => t.close());

describe('purging expired account data', () => {
  it('removes expired sessions, day-old login attempts and spent tokens, and keeps the rest', async () => {
    const [user] = await t.ctx.db.insert(users).values({ email: 'p@example.kz', name: 'P', passwordHash: 'x' }).returning();
    const now = Date.now();
    const ago = (ms: number) => new Date(now - ms);
    const ahead = (ms: number) => new Date(now + ms);
    const day = 24 * 3600 * 1000;
    await t.ctx.db.insert(sessions).values([
      { id: 'expired', userId: user!.id, expiresAt: ago(1000) },
      { id: 'live', userId: user!.id, expiresAt: ahead(day) },
    ]);
    await t.ctx.db.insert(loginAttempts).values([
      { emailKey: 'p@example.kz', ip: '1.1.1.1', succeeded: false, at: ago(2 * day) },
      { emailKey: 'p@example.kz', ip: '1.1.1.1', succeeded: false, at: ago(60_000) },
    ]);
    await t.ctx.db.insert(accountTokens).values([
      { id: 'old-expired', userId: user!.id, purpose: 'reset-password', expiresAt: ago(8 * day) },
      { id: 'old-used', userId: user!.id, purpose: 'confirm-email', expiresAt: ahead(day), usedAt: ago(8 * day) },
      { id: 'fresh', userId: user!.id, purpose: 'confirm-email', expiresAt: ahead(day) },
    ]);
    await purgeExpiredAccountData(t.ctx.db);
    expect((await t.ctx.db.select().from(sessions)).map((s) => s.id)).toEqual(['live']);
    expect(await t.ctx.db.select().from(loginAttempts)).toHaveLength(1);
    expect((await t.ctx.db.select().from(accountTokens)).map((s) => s.id)).toEqual(['fresh']);
  });
});
