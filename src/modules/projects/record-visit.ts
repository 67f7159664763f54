import { z } from 'zod';
import { recordAudit } from '../../core/audit/audit-log.ts';
import type { Actor } from '../../core/auth/actor.ts';
import type { AppContext } from '../../core/module.ts';
import { isoDay, loadProject } from './records.ts';
import { monitoringVisits } from './schema.ts';

export const VISIT_RISKS = ['none', 'low', 'medium', 'high'] as const;
export type VisitRisk = (typeof VISIT_RISKS)[number];

/**
 * A calendar day as typed: `2027-03-14` (a date input) or `14.03.2027` (how people write it in
 * Kazakhstan, and what a browser without a date picker gets); null if it is no real day.
 */
export function parseDay(raw: string): string | null {
  const s = raw.trim();
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s) ?? /^(\d{2})\.(\d{2})\.(\d{4})$/.exec(s);
  if (!m) return null;
  const [y, mo, d] = s.includes('-') ? [m[1], m[2], m[3]] : [m[3], m[2], m[1]];
  const day = new Date(Date.UTC(Number(y), Number(mo) - 1, Number(d)));
  const iso = `${y}-${mo}-${d}`;
  return day.toISOString().slice(0, 10) === iso && Number(y) >= 2000 ? iso : null;
}

/** The visit form: when, what was seen, and how risky the project looks now. */
export const VisitForm = z.object({
  visitedOn: z
    .string({ message: 'projects.monitor.error.visit-date' })
    .refine((v) => parseDay(v) !== null, 'projects.monitor.error.visit-date')
    .transform((v) => parseDay(v)!),
  notes: z.string({ message: 'projects.monitor.error.notes' }).trim().min(1, 'projects.monitor.error.notes').max(5000, 'form.error.too-long'),
  risk: z.enum(VISIT_RISKS, { message: 'projects.monitor.error.risk' }),
});
export type VisitInput = z.infer<typeof VisitForm>;

export type VisitResult = { ok: true; id: string } | { ok: false; field: keyof VisitInput; key: string };

/** The organiser records a monitoring visit or note on a project, with a risk flag; audited. */
export async function recordVisit(ctx: AppContext, actor: Actor, projectId: string, input: VisitInput): Promise<VisitResult> {
  return ctx.db.transaction(async (tx) => {
    const record = await loadProject(tx, projectId);
    ctx.policy.authorize(actor, 'project.monitor', record.ref);
    const visitedOn = parseDay(input.visitedOn);
    // A visit is recorded once it has happened: a day in Kazakhstan that has begun.
    if (!visitedOn || visitedOn > isoDay(ctx.clock.now())) return { ok: false, field: 'visitedOn', key: 'projects.monitor.error.visit-future' };
    const notes = input.notes.trim();
    if (!notes) return { ok: false, field: 'notes', key: 'projects.monitor.error.notes' };
    if (!VISIT_RISKS.includes(input.risk)) return { ok: false, field: 'risk', key: 'projects.monitor.error.risk' };
    const [row] = await tx
      .insert(monitoringVisits)
      .values({ projectId, visitedOn, notes, risk: input.risk, createdBy: actor.userId, createdAt: ctx.clock.now() })
      .returning({ id: monitoringVisits.id });
    await recordAudit(tx, { actorId: actor.userId, action: 'project.visit', entityType: 'project', entityId: projectId, changes: { visitId: row!.id, visitedOn, risk: input.risk } });
    return { ok: true, id: row!.id };
  });
}
