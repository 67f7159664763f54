import { and, eq, isNull } from 'drizzle-orm';
import type { Actor } from '../../core/auth/actor.ts';
import { recordAudit, recordAudits } from '../../core/audit/audit-log.ts';
import { AppError } from '../../core/errors/app-error.ts';
import type { Executor } from '../../core/db/client.ts';
import type { AppContext } from '../../core/module.ts';
import { type ApplicationRecord, loadApplication } from '../competitions/index.ts';
import type { ProjectRef } from './policy.ts';
import type { AgreementRow } from './records.ts';
import { agreements, indicatorTargets, tranches, projectBudgetLines, projectIndicators, projectPeriods, projects, projectStatusChanges } from './schema.ts';

/** Splits a whole target over periods: equal shares, the remainder in the last. */
export function splitTarget(target: number, periods: number): number[] {
  const share = Math.floor(target / periods);
  return Array.from({ length: periods }, (_, i) => (i === periods - 1 ? target - share * (periods - 1) : share));
}

/**
 * Starts the project of a confirmed agreement: its indicators, targets per period and budget
 * lines come from the application as submitted; its periods from the agreement.
 */
export async function startProject(tx: Executor, agreement: AgreementRow, record: ApplicationRecord, actorId: string | null): Promise<string> {
  const { application, lot, competition } = record;
  const content = application.content;
  const [project] = await tx
    .insert(projects)
    .values({
      agreementId: agreement.id,
      organisationId: application.organisationId,
      competitionId: competition.id,
      lotId: lot.id,
      titleKk: application.language === 'kk' ? content.summary.title : lot.titleKk,
      titleRu: application.language === 'ru' ? content.summary.title : lot.titleRu,
      summary: content.summary.summary,
      regionCode: lot.regionCode,
      area: lot.area,
      startsOn: agreement.startsOn,
      endsOn: agreement.endsOn,
    })
    .returning({ id: projects.id });
  const projectId = project!.id;
  const periods = await tx
    .insert(projectPeriods)
    .values(agreement.periods.map((p, i) => ({ projectId, number: i + 1, ...p, final: i === agreement.periods.length - 1 ? 1 : 0 })))
    .returning({ id: projectPeriods.id });
  if (content.indicators.length) {
    const indicators = await tx
      .insert(projectIndicators)
      .values(content.indicators.map((ind, i) => ({ projectId, position: i + 1, name: ind.name, unit: ind.unit, baseline: 0 })))
      .returning({ id: projectIndicators.id });
    const targets = content.indicators.flatMap((ind, i) =>
      splitTarget(ind.target, periods.length).map((target, p) => ({ indicatorId: indicators[i]!.id, periodId: periods[p]!.id, target })),
    );
    await tx.insert(indicatorTargets).values(targets);
  }
  const year = Number(agreement.startsOn.slice(0, 4));
  if (content.budget.length) {
    await tx
      .insert(projectBudgetLines)
      .values(content.budget.map((b, i) => ({ projectId, position: i + 1, year, item: b.item, kind: b.kind, amountTiyn: b.amountTiyn })));
  }
  await tx.insert(projectStatusChanges).values({ projectId, from: null, to: 'active', reason: `agreement ${agreement.number}`, changedBy: actorId });
  return projectId;
}

/**
 * One side confirms the agreement: the organiser, or an admin of the organisation. When both have,
 * the project starts. Confirming twice changes nothing.
 */
export async function confirmAgreement(ctx: AppContext, actor: Actor, agreementId: string, side: 'organiser' | 'organisation'): Promise<{ ok: true; projectId: string | null }> {
  return ctx.db.transaction(async (tx) => {
    const [agreement] = await tx.select().from(agreements).where(eq(agreements.id, agreementId)).for('update');
    if (!agreement) throw new AppError('NOT_FOUND');
    const record = await loadApplication(tx, agreement.applicationId);
    const ref: ProjectRef = { organisationId: record.organisation.id, organiserId: record.competition.organiserId };
    ctx.policy.authorize(actor, side === 'organiser' ? 'agreement.confirm-as-organiser' : 'agreement.confirm-as-organisation', ref);
    const now = ctx.clock.now();
    const already = side === 'organiser' ? agreement.organiserConfirmedAt : agreement.organisationConfirmedAt;
    if (!already) {
      const set = side === 'organiser' ? { organiserConfirmedAt: now, organiserConfirmedBy: actor.userId } : { organisationConfirmedAt: now, organisationConfirmedBy: actor.userId };
      await tx.update(agreements).set(set).where(eq(agreements.id, agreementId));
      await recordAudit(tx, { actorId: actor.userId, action: `agreement.confirm-${side}`, entityType: 'agreement', entityId: agreementId, changes: {} });
    }
    const [after] = await tx.select().from(agreements).where(eq(agreements.id, agreementId));
    const [existing] = await tx.select({ id: projects.id }).from(projects).where(eq(projects.agreementId, agreementId));
    if (existing) return { ok: true, projectId: existing.id };
    if (!after!.organiserConfirmedAt || !after!.organisationConfirmedAt) return { ok: true, projectId: null };
    const projectId = await startProject(tx, after!, record, actor.userId);
    // The advance (a tranche tied to no report) is paid when the agreement binds.
    const advances = await tx
      .update(tranches)
      .set({ releasedAt: now, releasedBy: actor.userId })
      .where(and(eq(tranches.agreementId, agreementId), isNull(tranches.periodNumber), isNull(tranches.releasedAt)))
      .returning({ number: tranches.number, amountTiyn: tranches.amountTiyn });
    await recordAudits(tx, [
      { actorId: actor.userId, action: 'project.start', entityType: 'project', entityId: projectId, changes: { agreementId } },
      ...advances.map((t) => ({ actorId: actor.userId, action: 'tranche.release', entityType: 'agreement', entityId: agreementId, changes: { tranche: t.number, amountTiyn: t.amountTiyn } })),
    ]);
    return { ok: true, projectId };
  });
}
