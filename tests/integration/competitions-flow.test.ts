import { and, eq, like } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog } from '../../src/core/audit/schema.ts';
import { mailOutbox } from '../../src/core/mail/schema.ts';
import { declareConflict } from '../../src/modules/competitions/declare-conflict.ts';
import { decideAdmission } from '../../src/modules/competitions/decide-admission.ts';
import { nameCommission } from '../../src/modules/competitions/name-commission.ts';
import { publishResults } from '../../src/modules/competitions/publish-results.ts';
import { applications, lots } from '../../src/modules/competitions/schema.ts';
import { scoreApplication } from '../../src/modules/competitions/score-application.ts';
import { startEvaluation } from '../../src/modules/competitions/start-evaluation.ts';
import { submitApplication } from '../../src/modules/competitions/submit-application.ts';
import { withdrawApplication } from '../../src/modules/competitions/withdraw-application.ts';
import { organisationMembers } from '../../src/modules/organisations/schema.ts';
import { type TestApp, testApp } from '../support/app.ts';
import { actorOf, completeApplication, makeApplicant, makeCompetition, makeUser, sampleLot } from '../support/competitions.ts';

const DAY = 86_400_000;
let t: TestApp;
beforeAll(async () => {
  t = await testApp({ TEST_CLOCK: '1' });
});
afterAll(() => t.close());

const passDeadline = () => t.ctx.clock.setOffset!(8 * DAY);
const rewind = () => t.ctx.clock.setOffset!(0);

const scoresOf = (points: number) =>
  ['relevance', 'goals', 'plan', 'capacity', 'budget', 'sustainability'].map((criterion) => ({ criterion, points, comment: `${criterion}: ${points}` }));

describe('a competition from application to published results', () => {
  it('submits exactly once, scores with a recused expert, and publishes computed results with e-mails and audit', async () => {
    rewind();
    const c = await makeCompetition(t.ctx, { lots: [sampleLot(), sampleLot({ titleEn: 'Nobody applied' })] });
    const [lot1, lot2] = c.lots;
    const one = await makeApplicant(t.ctx, c.year);
    const two = await makeApplicant(t.ctx, c.year);
    const a1 = await completeApplication(t.ctx, one.admin.id, one.organisation.id, lot1!.id, { requestedTiyn: 250_000_000 });
    const a2 = await completeApplication(t.ctx, two.admin.id, two.organisation.id, lot1!.id, { requestedTiyn: 280_000_000 });
    const actor1 = await actorOf(t.ctx, one.admin.id);
    const actor2 = await actorOf(t.ctx, two.admin.id);

    const [first, second] = await Promise.all([submitApplication(t.ctx, actor1, a1), submitApplication(t.ctx, actor1, a1)]);
    expect(first.ok && second.ok).toBe(true);
    if (!first.ok || !second.ok) return;
    expect(first.receipt).toEqual(second.receipt);
    expect([first.already, second.already].sort()).toEqual([false, true]);
    expect(first.receipt.sha256).toMatch(/^[0-9a-f]{64}$/);
    const r2 = await submitApplication(t.ctx, actor2, a2);
    expect(r2.ok).toBe(true);
    const receipts = await t.ctx.db.select().from(mailOutbox).where(like(mailOutbox.subject, '%received%'));
    expect(receipts.filter((m) => m.to === one.admin.email)).toHaveLength(1);

    passDeadline();
    expect(await withdrawApplication(t.ctx, actor1, a1)).toEqual({ ok: false, key: 'competitions.error.lot-closed' });

    const organiser = await actorOf(t.ctx, c.organiser.id);
    const experts = await Promise.all([1, 2, 3, 4, 5].map(() => makeUser(t.ctx, { roles: ['expert'] })));
    // The fourth expert is staff of the first applicant.
    await t.ctx.db.insert(organisationMembers).values({ organisationId: one.organisation.id, userId: experts[3]!.id, role: 'staff' });
    expect(await nameCommission(t.ctx, organiser, c.competitionId, experts.slice(0, 4).map((e) => e.id))).toEqual({ ok: false, key: 'competitions.error.commission-size' });
    expect(await nameCommission(t.ctx, organiser, c.competitionId, experts.map((e) => e.id))).toEqual({ ok: true });
    expect(await startEvaluation(t.ctx, organiser, c.competitionId)).toEqual({ ok: false, key: 'competitions.error.undecided' });
    expect(await decideAdmission(t.ctx, organiser, a1, { admit: true })).toEqual({ ok: true });
    expect(await decideAdmission(t.ctx, organiser, a2, { admit: true })).toEqual({ ok: true });
    expect(await startEvaluation(t.ctx, organiser, c.competitionId)).toEqual({ ok: true });

    const [e1, e2, e3, e4] = await Promise.all(experts.map((e) => actorOf(t.ctx, e.id)));
    // Expert 4 says "no conflict" about their own organisation: the system records one and refuses.
    expect(await declareConflict(t.ctx, e4!, a1, { hasConflict: false })).toEqual({ ok: false, key: 'competitions.error.member-of-applicant' });
    await expect(scoreApplication(t.ctx, e4!, a1, scoresOf(10))).rejects.toMatchObject({ code: 'FORBIDDEN' });
    // Nobody scores before declaring.
    await expect(scoreApplication(t.ctx, e1!, a1, scoresOf(10))).rejects.toMatchObject({ code: 'FORBIDDEN' });
    for (const [expert, p1, p2] of [
      [e1!, 8, 6],
      [e2!, 9, 7],
      [e3!, 7, 7],
    ] as const) {
      for (const a of [a1, a2]) expect(await declareConflict(t.ctx, expert, a, { hasConflict: false })).toEqual({ ok: true });
      expect(await scoreApplication(t.ctx, expert, a1, scoresOf(p1))).toEqual({ ok: true });
      expect(await scoreApplication(t.ctx, expert, a2, scoresOf(p2))).toEqual({ ok: true });
    }
    // A score without comments is refused field by field.
    const bad = await scoreApplication(t.ctx, e1!, a1, [{ criterion: 'relevance', points: 11, comment: '' }]);
    expect(bad.ok).toBe(false);
    // Application 2: 3 of 5 scored, none recused → quorum is 4.
    const early = await publishResults(t.ctx, organiser, c.competitionId);
    expect(early).toMatchObject({ ok: false, key: 'competitions.error.no-quorum' });
    expect(await declareConflict(t.ctx, e4!, a2, { hasConflict: false })).toEqual({ ok: true });
    expect(await scoreApplication(t.ctx, e4!, a2, scoresOf(7))).toEqual({ ok: true });

    const published = await publishResults(t.ctx, organiser, c.competitionId);
    expect(published.ok).toBe(true);
    const [l1] = await t.ctx.db.select().from(lots).where(eq(lots.id, lot1!.id));
    const [l2] = await t.ctx.db.select().from(lots).where(eq(lots.id, lot2!.id));
    // Weights 2,1,1,1,1,1 → max 70; a1 = 7 × mean(8,9,7) = 56; a2 = 7 × mean(6,7,7,7) = 47.25.
    expect(l1).toMatchObject({ outcome: 'awarded', winnerApplicationId: a1, awardTiyn: 250_000_000 });
    expect(l2).toMatchObject({ outcome: 'failed', failureReason: 'no-applications' });
    const ranked = await t.ctx.db.select().from(applications).where(eq(applications.lotId, lot1!.id));
    expect(Object.fromEntries(ranked.map((a) => [a.id, [a.score, a.rank]]))).toEqual({ [a1]: [56, 1], [a2]: [47.25, 2] });

    // Scores are locked once the commission has closed.
    await expect(scoreApplication(t.ctx, e1!, a1, scoresOf(1))).rejects.toMatchObject({ code: 'FORBIDDEN' });
    const won = await t.ctx.db.select().from(mailOutbox).where(and(eq(mailOutbox.to, one.admin.email), like(mailOutbox.subject, '%won%')));
    expect(won).toHaveLength(1);
    const lost = await t.ctx.db.select().from(mailOutbox).where(and(eq(mailOutbox.to, two.admin.email), like(mailOutbox.subject, '%Results%')));
    expect(lost).toHaveLength(1);
    const decisions = await t.ctx.db.select().from(auditLog).where(eq(auditLog.entityId, lot1!.id));
    expect(decisions.map((d) => d.action)).toEqual(['lot.award']);
    const scored = await t.ctx.db.select().from(auditLog).where(and(eq(auditLog.entityId, a2), eq(auditLog.action, 'application.score')));
    expect(scored).toHaveLength(4);
  });

  it('refuses a submission after the deadline by the server clock', async () => {
    rewind();
    const c = await makeCompetition(t.ctx, { openForMs: DAY });
    const applicant = await makeApplicant(t.ctx, c.year);
    const id = await completeApplication(t.ctx, applicant.admin.id, applicant.organisation.id, c.lots[0]!.id);
    t.ctx.clock.setOffset!(DAY + 1000);
    const result = await submitApplication(t.ctx, await actorOf(t.ctx, applicant.admin.id), id);
    expect(result).toMatchObject({ ok: false, key: 'competitions.error.not-ready' });
    expect(!result.ok && result.failed?.map((f) => f.code)).toEqual(['lot-open']);
    rewind();
  });

  it('explains each unmet condition: NGO database, budget over the lot, missing documents', async () => {
    rewind();
    const c = await makeCompetition(t.ctx, { lots: [sampleLot({ budgetTiyn: 100_000_000 })] });
    const admin = await makeUser(t.ctx);
    const { makeOrganisation } = await import('../support/competitions.ts');
    const org = await makeOrganisation(t.ctx, { members: [{ userId: admin.id, role: 'admin' }] });
    const id = await completeApplication(t.ctx, admin.id, org.id, c.lots[0]!.id, { requestedTiyn: 150_000_000 });
    const result = await submitApplication(t.ctx, await actorOf(t.ctx, admin.id), id);
    expect(!result.ok && result.failed?.map((f) => f.code)).toEqual(['ngo-database', 'budget']);
  });

  it('lets a stranger neither start nor submit an application for an organisation', async () => {
    rewind();
    const c = await makeCompetition(t.ctx);
    const applicant = await makeApplicant(t.ctx, c.year);
    const id = await completeApplication(t.ctx, applicant.admin.id, applicant.organisation.id, c.lots[0]!.id);
    const stranger = await actorOf(t.ctx, (await makeUser(t.ctx)).id);
    await expect(submitApplication(t.ctx, stranger, id)).rejects.toMatchObject({ code: 'FORBIDDEN' });
  });
});

describe('the server clock', () => {
  it('can be moved only with TEST_CLOCK=1, which production refuses', async () => {
    const { loadConfig, ConfigError } = await import('../../src/config.ts');
    expect(() => loadConfig({ NODE_ENV: 'production', TEST_CLOCK: '1' })).toThrow(ConfigError);
    const before = t.ctx.clock.now().getTime();
    const moved = await t.app.inject({ method: 'POST', url: '/__test/clock', payload: { offsetMs: 3 * DAY } });
    expect(moved.statusCode).toBe(200);
    expect(new Date(moved.json<{ now: string }>().now).getTime() - before).toBeGreaterThanOrEqual(3 * DAY - 60_000);
    rewind();
    const plain = await testApp();
    try {
      expect(plain.ctx.clock.setOffset).toBeUndefined();
      // No such route: the CSRF guard refuses the unknown POST before the router would say 404.
      const refused = await plain.app.inject({ method: 'POST', url: '/__test/clock', payload: { offsetMs: DAY } });
      expect([403, 404]).toContain(refused.statusCode);
      expect(Math.abs(plain.ctx.clock.now().getTime() - Date.now())).toBeLessThan(60_000);
    } finally {
      await plain.close();
    }
  });
});
