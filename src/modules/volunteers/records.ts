import { eq } from 'drizzle-orm';
import type { Executor } from '../../core/db/client.ts';
import { isUuid } from '../../core/db/uuid.ts';
import { AppError } from '../../core/errors/app-error.ts';
import type { SignupRef, VolunteerOrganisationRef } from './policy.ts';
import { opportunities, shifts, signups, volunteerCoordinators, volunteerOrganisations } from './schema.ts';

export type VolunteerOrganisationRow = typeof volunteerOrganisations.$inferSelect;
export type OpportunityRow = typeof opportunities.$inferSelect;
export type ShiftRow = typeof shifts.$inferSelect;
export type SignupRow = typeof signups.$inferSelect;

export async function hostRef(db: Executor, id: string): Promise<VolunteerOrganisationRef> {
  if (!isUuid(id)) throw new AppError('NOT_FOUND');
  const [row] = await db.select({ id: volunteerOrganisations.id, organisationId: volunteerOrganisations.organisationId }).from(volunteerOrganisations).where(eq(volunteerOrganisations.id, id));
  if (!row) throw new AppError('NOT_FOUND');
  const coordinators = await db.select({ userId: volunteerCoordinators.userId }).from(volunteerCoordinators).where(eq(volunteerCoordinators.volunteerOrganisationId, id));
  return { ...row, coordinatorIds: coordinators.map((c) => c.userId) };
}

export type ShiftRecord = { shift: ShiftRow; opportunity: OpportunityRow; host: VolunteerOrganisationRef };

/** A shift with its opportunity and who runs it; `lock` takes the shift's row lock (the queue of its sign-ups is decided under it). */
export async function loadShift(db: Executor, id: string, opts: { lock?: boolean } = {}): Promise<ShiftRecord> {
  if (!isUuid(id)) throw new AppError('NOT_FOUND');
  const q = db.select().from(shifts).where(eq(shifts.id, id));
  const [shift] = opts.lock ? await q.for('update') : await q;
  if (!shift) throw new AppError('NOT_FOUND');
  const [opportunity] = await db.select().from(opportunities).where(eq(opportunities.id, shift.opportunityId));
  return { shift, opportunity: opportunity!, host: await hostRef(db, opportunity!.volunteerOrganisationId) };
}

export type SignupRecord = ShiftRecord & { signup: SignupRow; ref: SignupRef };

/** A sign-up with its shift; `lock` locks the shift first, then the sign-up, the order every writer keeps. */
export async function loadSignup(db: Executor, id: string, opts: { lock?: boolean } = {}): Promise<SignupRecord> {
  if (!isUuid(id)) throw new AppError('NOT_FOUND');
  const [found] = await db.select({ shiftId: signups.shiftId }).from(signups).where(eq(signups.id, id));
  if (!found) throw new AppError('NOT_FOUND');
  const record = await loadShift(db, found.shiftId, opts);
  const q = db.select().from(signups).where(eq(signups.id, id));
  const [signup] = opts.lock ? await q.for('update') : await q;
  return { ...record, signup: signup!, ref: { volunteerId: signup!.volunteerId, host: record.host } };
}
