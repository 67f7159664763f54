import { and, asc, eq, isNull } from 'drizzle-orm';
import type { Actor } from '../../core/auth/actor.ts';
import { recordAudit } from '../../core/audit/audit-log.ts';
import { AppError } from '../../core/errors/app-error.ts';
import type { AppContext } from '../../core/module.ts';
import { loadApplication } from '../competitions/index.ts';
import type { AgreementProblem, TrancheInput } from './make-agreement.ts';
import { agreementAmendments, agreements, projectPeriods, projects, reports, tranches } from './schema.ts';

export type AmendmentInput = {
  amountTiyn: number;
  endsOn: string;
  /** The tranches not yet released, as they are to be; released tranches never change. */
  tranches: TrancheInput[];
  reason: string;
};

/** What an amendment records of the agreement, before and after it. */
export type AgreementTerms = {
  amountTiyn: number;
  endsOn: string;
  tranches: { number: number; amountTiyn: number; periodNumber: number | null; released: boolean }[];
};

const YEAR_MS = 365.25 * 86_400_000;

/**
 * The organiser amends a binding agreement — its amount, end date or unreleased tranches — with a
 * reason. The amount never exceeds the award; tranches already released stay as they were; the
 * rest must add up to the amount and each wait for a report not yet accepted. The agreement as it
 * was and as it became are kept in its amendment history, and the change is audited.
 */
export async function amendAgreement(
  ctx: AppContext,
  actor: Actor,
  agreementId: string,
  input: AmendmentInput,
): Promise<{ ok: true; number: number } | { ok: false; problems: AgreementProblem[] }> {
  return ctx.db.transaction(async (tx) => {
    const [agreement] = await tx.select().from(agreements).where(eq(agreements.id, agreementId)).for('update');
    if (!agreement) throw new AppError('NOT_FOUND');
    const record = await loadApplication(tx, agreement.applicationId);
    ctx.policy.authorize(actor, 'agreement.amend', { organisationId: record.organisation.id, organiserId: record.competition.organiserId });

    const [project] = await tx.select().from(projects).where(eq(projects.agreementId, agreementId));
    if (!agreement.organiserConfirmedAt || !agreement.organisationConfirmedAt || !project) return { ok: false, problems: [{ key: 'projects.work.amend.error.not-binding' }] };
    if (project.status === 'terminated' || project.status === 'completed') return { ok: false, problems: [{ key: 'projects.work.amend.error.closed' }] };

    const problems: AgreementProblem[] = [];
    const reason = input.reason.trim();
    if (!reason) problems.push({ key: 'projects.error.reason' });
    const award = record.lot.awardTiyn ?? 0;
    if (input.amountTiyn <= 0 || input.amountTiyn > award) problems.push({ key: 'projects.error.amount' });

    const periods = await tx.select().from(projectPeriods).where(eq(projectPeriods.projectId, project.id)).orderBy(asc(projectPeriods.number));
    const lastEnd = periods.at(-1)?.endsOn ?? agreement.startsOn;
    if (!(input.endsOn >= lastEnd)) problems.push({ key: 'projects.work.amend.error.ends-on', params: { date: lastEnd } });
    else if ((Date.parse(input.endsOn) - Date.parse(agreement.startsOn)) / YEAR_MS > 3) problems.push({ key: 'projects.error.too-long' });

    const existing = await tx.select().from(tranches).where(eq(tranches.agreementId, agreementId)).orderBy(asc(tranches.number));
    const released = existing.filter((t) => t.releasedAt);
    const releasedSum = released.reduce((s, t) => s + t.amountTiyn, 0);
    const newSum = input.tranches.reduce((s, t) => s + t.amountTiyn, 0);
    if (input.tranches.some((t) => t.amountTiyn <= 0) || releasedSum + newSum !== input.amountTiyn) problems.push({ key: 'projects.error.tranches-sum' });
    if (input.tranches.some((t) => t.periodNumber !== null && (t.periodNumber < 1 || t.periodNumber > periods.length))) {
      problems.push({ key: 'projects.error.tranche-period' });
    } else {
      // A tranche waits for a report; one whose report is already accepted would never be released.
      const accepted = await tx
        .select({ number: projectPeriods.number })
        .from(reports)
        .innerJoin(projectPeriods, eq(projectPeriods.id, reports.periodId))
        .where(and(eq(reports.projectId, project.id), eq(reports.status, 'accepted')));
      const closed = new Set(accepted.map((a) => a.number));
      const late = input.tranches.find((t) => t.periodNumber !== null && closed.has(t.periodNumber));
      if (late) problems.push({ key: 'projects.work.amend.error.period-accepted', params: { period: String(late.periodNumber) } });
    }
    if (problems.length) return { ok: false, problems };

    const before: AgreementTerms = {
      amountTiyn: agreement.amountTiyn,
      endsOn: agreement.endsOn,
      tranches: existing.map((t) => ({ number: t.number, amountTiyn: t.amountTiyn, periodNumber: t.periodNumber, released: t.releasedAt !== null })),
    };
    // Released tranches keep their numbers; the others take the free numbers in order.
    const used = new Set(released.map((t) => t.number));
    const numbers: number[] = [];
    for (let n = 1; numbers.length < input.tranches.length; n++) if (!used.has(n)) numbers.push(n);
    const after: AgreementTerms = {
      amountTiyn: input.amountTiyn,
      endsOn: input.endsOn,
      tranches: [
        ...released.map((t) => ({ number: t.number, amountTiyn: t.amountTiyn, periodNumber: t.periodNumber, released: true })),
        ...input.tranches.map((t, i) => ({ number: numbers[i]!, amountTiyn: t.amountTiyn, periodNumber: t.periodNumber, released: false })),
      ].sort((a, b) => a.number - b.number),
    };
    if (JSON.stringify(before) === JSON.stringify(after)) return { ok: false, problems: [{ key: 'projects.work.amend.error.unchanged' }] };

    await tx.update(agreements).set({ amountTiyn: input.amountTiyn, endsOn: input.endsOn }).where(eq(agreements.id, agreementId));
    await tx.update(projects).set({ endsOn: input.endsOn }).where(eq(projects.id, project.id));
    await tx.delete(tranches).where(and(eq(tranches.agreementId, agreementId), isNull(tranches.releasedAt)));
    if (input.tranches.length) {
      await tx.insert(tranches).values(input.tranches.map((t, i) => ({ agreementId, number: numbers[i]!, amountTiyn: t.amountTiyn, periodNumber: t.periodNumber })));
    }
    const history = await tx.select({ number: agreementAmendments.number }).from(agreementAmendments).where(eq(agreementAmendments.agreementId, agreementId));
    const number = history.reduce((m, h) => Math.max(m, h.number), 0) + 1;
    await tx.insert(agreementAmendments).values({ agreementId, number, before, after, reason, createdBy: actor.userId });
    await recordAudit(tx, { actorId: actor.userId, action: 'agreement.amend', entityType: 'agreement', entityId: agreementId, changes: { number, reason, before, after } });
    return { ok: true, number };
  });
}
