import { and, eq } from 'drizzle-orm';
import type { Actor } from '../../core/auth/actor.ts';
import type { Executor } from '../../core/db/client.ts';
import { organisationMembers } from '../organisations/index.ts';
import type { ScoringRef } from './policy.ts';
import type { ApplicationRecord } from './records.ts';
import { commissionMembers, conflictDeclarations } from './schema.ts';

export type ExpertStanding = ScoringRef & {
  /** The system's own finding: the expert is a member or staff of the applicant. */
  memberOfApplicant: boolean;
  declared: { hasConflict: boolean; note: string | null } | null;
};

/** Where an expert stands towards one application: on the commission or not, declared, recused. */
export async function expertStanding(db: Executor, actor: Actor, record: ApplicationRecord): Promise<ExpertStanding> {
  const userId = actor.userId ?? '00000000-0000-0000-0000-000000000000';
  const [seat] = await db
    .select()
    .from(commissionMembers)
    .where(and(eq(commissionMembers.competitionId, record.competition.id), eq(commissionMembers.expertId, userId)));
  const [membership] = await db
    .select()
    .from(organisationMembers)
    .where(and(eq(organisationMembers.organisationId, record.organisation.id), eq(organisationMembers.userId, userId)));
  const [declared] = await db
    .select({ hasConflict: conflictDeclarations.hasConflict, note: conflictDeclarations.note })
    .from(conflictDeclarations)
    .where(and(eq(conflictDeclarations.applicationId, record.application.id), eq(conflictDeclarations.expertId, userId)));
  const memberOfApplicant = Boolean(membership);
  return {
    onCommission: Boolean(seat),
    stage: record.competition.stage,
    memberOfApplicant,
    declared: declared ?? null,
    // Until an expert declares no conflict, they may not score; a declared or found conflict recuses them.
    recused: memberOfApplicant || !declared || declared.hasConflict,
  };
}

/** Two thirds of the members who may score an application (those not recused from it), rounded up. */
export const quorumFor = (commissionSize: number, recused: number) => Math.ceil(((commissionSize - recused) * 2) / 3);
