import { and, asc, eq, inArray } from 'drizzle-orm';
import type { Actor } from '../../core/auth/actor.ts';
import { type AuditEntry, recordAudits } from '../../core/audit/audit-log.ts';
import { formatters } from '../../core/format/intl.ts';
import type { AppContext } from '../../core/module.ts';
import { organisationMembers } from '../organisations/index.ts';
import { quorumFor } from './commission.ts';
import { mailApplicant } from './notify.ts';
import { loadApplication, loadCompetition, loadRule } from './records.ts';
import { computeLotResult, type LotResult, type ScoredApplication } from './results.ts';
import { applications, commissionMembers, competitions, conflictDeclarations, lots, scores } from './schema.ts';

export type PublishResult = { ok: true; lots: { lotId: string; result: LotResult }[] } | { ok: false; key: string; params?: Record<string, string> };

/**
 * Closes the commission and publishes the results: every lot's outcome is computed from the
 * admissions and scores (results.ts), scores lock, every applicant is told by e-mail, and each
 * decision goes into the audit log. Refused unless each application to be ranked was scored by a
 * quorum of the experts not recused from it.
 */
export async function publishResults(ctx: AppContext, actor: Actor, competitionId: string): Promise<PublishResult> {
  return ctx.db.transaction(async (tx) => {
    const competition = await loadCompetition(tx, competitionId, { lock: true });
    ctx.policy.authorize(actor, 'competition.manage', competition);
    if (competition.stage !== 'evaluation') return { ok: false, key: 'competitions.error.not-evaluation' };
    const rule = await loadRule(tx, competition.ruleVersionId);
    const { criteria, passPercent } = rule.definition;
    const commission = await tx.select().from(commissionMembers).where(eq(commissionMembers.competitionId, competitionId));
    const competitionLots = await tx.select().from(lots).where(eq(lots.competitionId, competitionId)).orderBy(asc(lots.number));
    const received = await tx
      .select()
      .from(applications)
      .where(and(inArray(applications.lotId, competitionLots.map((l) => l.id).concat(['00000000-0000-0000-0000-000000000000'])), inArray(applications.status, ['submitted', 'admitted', 'refused'])));
    const admittedIds = received.filter((a) => a.status === 'admitted').map((a) => a.id);
    const allScores = admittedIds.length ? await tx.select().from(scores).where(inArray(scores.applicationId, admittedIds)) : [];
    const conflicts = admittedIds.length
      ? await tx.select().from(conflictDeclarations).where(and(inArray(conflictDeclarations.applicationId, admittedIds), eq(conflictDeclarations.hasConflict, true)))
      : [];
    // A member or staff of the applicant is recused whether or not they declared it.
    const insiders = commission.length
      ? await tx
          .select({ organisationId: organisationMembers.organisationId, expertId: organisationMembers.userId })
          .from(organisationMembers)
          .where(inArray(organisationMembers.userId, commission.map((m) => m.expertId)))
      : [];
    const recusedFrom = (a: (typeof received)[number]) =>
      new Set([
        ...conflicts.filter((c) => c.applicationId === a.id).map((c) => c.expertId),
        ...insiders.filter((m) => m.organisationId === a.organisationId).map((m) => m.expertId),
      ]).size;

    const scoredBy = (applicationId: string) => {
      const perExpert = new Map<string, Record<string, number>>();
      for (const s of allScores.filter((x) => x.applicationId === applicationId)) {
        const row = perExpert.get(s.expertId) ?? {};
        row[s.criterion] = s.points;
        perExpert.set(s.expertId, row);
      }
      return [...perExpert.values()].filter((row) => criteria.every((c) => row[c.code] !== undefined));
    };

    const outcomes: { lot: (typeof competitionLots)[number]; result: LotResult; apps: typeof received }[] = [];
    for (const lot of competitionLots) {
      const apps = received.filter((a) => a.lotId === lot.id);
      const admitted = apps.filter((a) => a.status === 'admitted');
      if (admitted.length >= 2 && apps.length >= 2) {
        for (const a of admitted) {
          const needed = quorumFor(commission.length, recusedFrom(a));
          if (scoredBy(a.id).length < needed) {
            return { ok: false, key: 'competitions.error.no-quorum', params: { receipt: a.receiptNumber ?? '', needed: String(needed) } };
          }
        }
      }
      const scored: ScoredApplication[] = apps.map((a) => ({
        id: a.id,
        status: a.status as ScoredApplication['status'],
        submittedAt: a.submittedAt!,
        requestedTiyn: a.requestedTiyn,
        scores: a.status === 'admitted' ? scoredBy(a.id) : [],
      }));
      const result = computeLotResult({
        criteria,
        passPercent,
        applications: scored,
        award: (winner) => (competition.instrument === 'prize' ? lot.budgetTiyn : Math.min(winner.requestedTiyn, lot.budgetTiyn)),
      });
      outcomes.push({ lot, result, apps });
    }

    const now = ctx.clock.now();
    const audits: AuditEntry[] = [];
    for (const { lot, result } of outcomes) {
      const awarded = result.outcome === 'awarded';
      await tx
        .update(lots)
        .set({
          outcome: result.outcome,
          failureReason: awarded ? null : result.reason,
          winnerApplicationId: awarded ? result.winnerId : null,
          awardTiyn: awarded ? result.awardTiyn : null,
        })
        .where(eq(lots.id, lot.id));
      for (const r of result.ranking) await tx.update(applications).set({ score: r.score, rank: r.rank }).where(eq(applications.id, r.id));
      audits.push({
        actorId: actor.userId,
        action: awarded ? 'lot.award' : 'lot.fail',
        entityType: 'lot',
        entityId: lot.id,
        changes: awarded
          ? { winner: result.winnerId, awardTiyn: result.awardTiyn, ranking: result.ranking.map((r) => ({ id: r.id, score: r.score, rank: r.rank })) }
          : { reason: result.reason, ranking: result.ranking.map((r) => ({ id: r.id, score: r.score, rank: r.rank })) },
      });
    }
    await tx.update(competitions).set({ stage: 'published', publishedAt: now, updatedAt: now }).where(eq(competitions.id, competitionId));
    audits.push({ actorId: actor.userId, action: 'competition.publish-results', entityType: 'competition', entityId: competitionId, changes: {} });
    await recordAudits(tx, audits);

    for (const { result, apps } of outcomes) {
      for (const a of apps) {
        if (!a.submittedBy && !a.createdBy) continue;
        const record = await loadApplication(tx, a.id);
        const won = result.outcome === 'awarded' && result.winnerId === a.id;
        const ranked = result.ranking.find((r) => r.id === a.id);
        await mailApplicant(ctx, tx, record, won
            ? { subject: 'competitions.mail.won.subject', body: 'competitions.mail.won.body' }
            : { subject: 'competitions.mail.result.subject', body: 'competitions.mail.result.body' }, (lang) => ({
          award: result.outcome === 'awarded' ? formatters(lang).money(result.awardTiyn) : '',
          score: ranked ? formatters(lang).number(ranked.score) : '—',
          max: formatters(lang).number(result.maxScore),
          rank: ranked ? String(ranked.rank) : '—',
          outcome: ctx.messages.format(lang, result.outcome === 'failed' ? `competitions.failure.${result.reason}` : 'competitions.outcome.awarded'),
        }));
      }
    }
    return { ok: true, lots: outcomes.map((o) => ({ lotId: o.lot.id, result: o.result })) };
  });
}
