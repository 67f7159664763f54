import { and, eq } from 'drizzle-orm';
import type { Actor } from '../../core/auth/actor.ts';
import { recordAudit } from '../../core/audit/audit-log.ts';
import type { Executor } from '../../core/db/client.ts';
import type { AppContext } from '../../core/module.ts';
import { loadApplication, lots } from '../competitions/index.ts';
import { agreements, tranches } from './schema.ts';

export type PeriodInput = { startsOn: string; endsOn: string; reportDueOn: string };
export type TrancheInput = { amountTiyn: number; periodNumber: number | null };
export type AgreementInput = {
  number: string;
  signedOn: string;
  amountTiyn: number;
  startsOn: string;
  endsOn: string;
  periods: PeriodInput[];
  tranches: TrancheInput[];
};
export type AgreementProblem = { key: string; params?: Record<string, string> };

/** An agreement's terms must hold together: tranches add up to the amount, periods tile the term, at most three years. */
export function checkAgreement(input: AgreementInput, awardTiyn: number): AgreementProblem[] {
  const problems: AgreementProblem[] = [];
  if (input.amountTiyn <= 0 || input.amountTiyn > awardTiyn) problems.push({ key: 'projects.error.amount' });
  if (!(input.startsOn <= input.endsOn)) problems.push({ key: 'projects.error.term' });
  const years = (Date.parse(input.endsOn) - Date.parse(input.startsOn)) / (365.25 * 86_400_000);
  if (years > 3) problems.push({ key: 'projects.error.too-long' });
  if (input.periods.length === 0) problems.push({ key: 'projects.error.no-periods' });
  const ordered = input.periods.every((p, i) => p.startsOn <= p.endsOn && p.endsOn <= p.reportDueOn && (i === 0 || input.periods[i - 1]!.endsOn < p.startsOn));
  const inside = input.periods.every((p) => p.startsOn >= input.startsOn && p.endsOn <= input.endsOn);
  if (!ordered || !inside) problems.push({ key: 'projects.error.periods' });
  const sum = input.tranches.reduce((s, t) => s + t.amountTiyn, 0);
  if (input.tranches.length === 0 || sum !== input.amountTiyn) problems.push({ key: 'projects.error.tranches-sum' });
  if (input.tranches.some((t) => t.periodNumber !== null && (t.periodNumber < 1 || t.periodNumber > input.periods.length))) {
    problems.push({ key: 'projects.error.tranche-period' });
  }
  return problems;
}

/** Writes the agreement, its periods and tranches as given (the demo uses it for history). */
export async function insertAgreement(tx: Executor, applicationId: string, input: AgreementInput, createdBy: string | null): Promise<string> {
  const [row] = await tx
    .insert(agreements)
    .values({
      applicationId,
      number: input.number,
      signedOn: input.signedOn,
      amountTiyn: input.amountTiyn,
      startsOn: input.startsOn,
      endsOn: input.endsOn,
      periods: input.periods,
      createdBy,
    })
    .returning({ id: agreements.id });
  const id = row!.id;
  await tx.insert(tranches).values(input.tranches.map((t, i) => ({ agreementId: id, number: i + 1, amountTiyn: t.amountTiyn, periodNumber: t.periodNumber })));
  return id;
}

/**
 * The organiser makes the agreement with the winner of a lot: the amount is at most the award,
 * paid in tranches, each released when the report of its period is accepted. It binds once both
 * sides have confirmed it (confirm-agreement.ts), and the project begins with its reporting periods.
 */
export async function makeAgreement(
  ctx: AppContext,
  actor: Actor,
  applicationId: string,
  input: AgreementInput,
): Promise<{ ok: true; id: string } | { ok: false; problems: AgreementProblem[] }> {
  return ctx.db.transaction(async (tx) => {
    const record = await loadApplication(tx, applicationId, { lock: true });
    ctx.policy.authorize(actor, 'agreement.make', { organisationId: record.organisation.id, organiserId: record.competition.organiserId });
    const [lot] = await tx.select().from(lots).where(and(eq(lots.id, record.lot.id), eq(lots.winnerApplicationId, applicationId)));
    if (lot?.outcome !== 'awarded' || lot.awardTiyn === null) return { ok: false, problems: [{ key: 'projects.error.not-winner' }] };
    const [existing] = await tx.select({ id: agreements.id }).from(agreements).where(eq(agreements.applicationId, applicationId));
    if (existing) return { ok: false, problems: [{ key: 'projects.error.agreement-exists' }] };
    const problems = checkAgreement(input, lot.awardTiyn);
    const [taken] = await tx.select({ id: agreements.id }).from(agreements).where(eq(agreements.number, input.number));
    if (taken) problems.push({ key: 'projects.error.number-taken' });
    if (problems.length) return { ok: false, problems };
    const id = await insertAgreement(tx, applicationId, input, actor.userId);
    await recordAudit(tx, {
      actorId: actor.userId,
      action: 'agreement.make',
      entityType: 'agreement',
      entityId: id,
      changes: { applicationId, number: input.number, amountTiyn: input.amountTiyn, tranches: input.tranches, periods: input.periods.length },
    });
    return { ok: true, id };
  });
}
