import { eq } from 'drizzle-orm';
import type { Actor } from '../../core/auth/actor.ts';
import { recordAudit } from '../../core/audit/audit-log.ts';
import { isUuid } from '../../core/db/uuid.ts';
import { notFound } from '../../core/errors/app-error.ts';
import type { FieldError, FormValues } from '../../core/http/forms.ts';
import { parseLocalDateTime } from '../../core/format/local-time.ts';
import type { AppContext } from '../../core/module.ts';
import { type OpportunityValues, SHIFT_ROWS } from './inputs.ts';
import { hostRef } from './records.ts';
import { opportunities, shifts } from './schema.ts';

export type ShiftInput = { startsAt: Date; endsAt: Date; capacity: number };

/**
 * Reads the shift rows of the opportunity form (`shift.N.start`, `shift.N.end`, `shift.N.capacity`,
 * local Almaty time); a row left empty is skipped, a half-filled or impossible one is an error.
 */
export function parseShifts(values: FormValues, now: Date): { shifts: ShiftInput[]; errors: Record<string, FieldError> } {
  const out: ShiftInput[] = [];
  const errors: Record<string, FieldError> = {};
  for (let i = 0; i < SHIFT_ROWS; i++) {
    const raw = (k: string) => String(values[`shift.${i}.${k}`] ?? '').trim();
    if (!raw('start') && !raw('end') && !raw('capacity')) continue;
    const startsAt = parseLocalDateTime(raw('start'));
    const endsAt = parseLocalDateTime(raw('end'));
    const capacity = Number(raw('capacity'));
    if (!startsAt || startsAt <= now) errors[`shift.${i}.start`] = { key: 'volunteers.manage.error.shift-start' };
    else if (!endsAt || endsAt <= startsAt || endsAt.getTime() - startsAt.getTime() > 24 * 3_600_000) errors[`shift.${i}.end`] = { key: 'volunteers.manage.error.shift-end' };
    if (!Number.isInteger(capacity) || capacity < 1 || capacity > 10_000) errors[`shift.${i}.capacity`] = { key: 'volunteers.manage.error.shift-capacity' };
    if (startsAt && endsAt && !errors[`shift.${i}.start`] && !errors[`shift.${i}.end`] && !errors[`shift.${i}.capacity`]) out.push({ startsAt, endsAt, capacity });
  }
  if (out.length === 0 && Object.keys(errors).length === 0) errors['shift.0.start'] = { key: 'volunteers.manage.error.shift-needed' };
  return { shifts: out, errors };
}

/** A coordinator publishes an opportunity with its shifts, all at once. */
export async function publishOpportunity(ctx: AppContext, actor: Actor, hostId: string, values: OpportunityValues, shiftRows: readonly ShiftInput[]): Promise<{ id: string }> {
  return ctx.db.transaction(async (tx) => {
    const host = await hostRef(tx, hostId);
    ctx.policy.authorize(actor, 'volunteer-organisation.coordinate', host);
    const [row] = await tx
      .insert(opportunities)
      .values({ ...values, volunteerOrganisationId: hostId, createdBy: actor.userId, createdAt: ctx.clock.now() })
      .returning({ id: opportunities.id });
    await tx.insert(shifts).values(shiftRows.map((s) => ({ ...s, opportunityId: row!.id })));
    await recordAudit(tx, { actorId: actor.userId, action: 'opportunity.publish', entityType: 'volunteer_opportunity', entityId: row!.id, changes: { shifts: shiftRows.length } });
    return row!;
  });
}

/** A coordinator closes an opportunity: it leaves the public list and takes no more sign-ups; what was agreed stands. */
export async function closeOpportunity(ctx: AppContext, actor: Actor, opportunityId: string): Promise<void> {
  await ctx.db.transaction(async (tx) => {
    if (!isUuid(opportunityId)) throw notFound();
    const [row] = await tx.select().from(opportunities).where(eq(opportunities.id, opportunityId)).for('update');
    if (!row) throw notFound();
    ctx.policy.authorize(actor, 'volunteer-organisation.coordinate', await hostRef(tx, row.volunteerOrganisationId));
    if (row.closedAt) return;
    await tx.update(opportunities).set({ closedAt: ctx.clock.now() }).where(eq(opportunities.id, opportunityId));
    await recordAudit(tx, { actorId: actor.userId, action: 'opportunity.close', entityType: 'volunteer_opportunity', entityId: opportunityId });
  });
}
