import { and, eq, inArray, ne } from 'drizzle-orm';
import type { Executor } from '../../core/db/client.ts';
import type { MessageParams } from '../../core/i18n/messages.ts';
import { isValidBin, ngoDatabaseReports } from '../organisations/index.ts';
import { checkBudget } from './budget.ts';
import { isAccepting } from './phase.ts';
import type { ApplicationRecord } from './records.ts';
import { applicationAttachments, applications } from './schema.ts';

/** One condition for submitting, with the message key that explains it (`competitions.check.<code>`). */
export type Check = { code: string; ok: boolean; params?: MessageParams };

/**
 * Everything that must hold before an application can be submitted, each explained: first who
 * may apply (eligibility), then whether the application is complete.
 */
export async function checkApplication(db: Executor, r: ApplicationRecord, now: Date): Promise<{ eligibility: Check[]; completeness: Check[] }> {
  const { application: a, organisation: org, lot, competition, rule } = r;
  const def = rule.definition;
  const previousYear = competition.year - 1;
  const [report] = def.requiresNgoDatabase
    ? await db
        .select()
        .from(ngoDatabaseReports)
        .where(and(eq(ngoDatabaseReports.organisationId, org.id), eq(ngoDatabaseReports.year, previousYear)))
    : [true];
  const others = await db
    .select({ id: applications.id })
    .from(applications)
    .where(
      and(
        eq(applications.lotId, lot.id),
        eq(applications.organisationId, org.id),
        ne(applications.id, a.id),
        inArray(applications.status, ['submitted', 'admitted', 'refused']),
      ),
    );
  const eligibility: Check[] = [
    { code: 'ngo', ok: org.kind === 'ngo' },
    { code: 'active', ok: org.status === 'active' },
    { code: 'bin', ok: isValidBin(org.bin), params: { bin: org.bin } },
    ...(def.requiresNgoDatabase ? [{ code: 'ngo-database', ok: Boolean(report), params: { year: String(previousYear) } }] : []),
    { code: 'not-applied', ok: others.length === 0 },
    { code: 'lot-open', ok: isAccepting(competition, now) },
  ];

  const c = a.content;
  const attached = new Set(
    (await db.select({ code: applicationAttachments.documentCode }).from(applicationAttachments).where(eq(applicationAttachments.applicationId, a.id))).map(
      (x) => x.code,
    ),
  );
  const budget = checkBudget(c.budget, lot.budgetTiyn, def);
  const missingDocuments = def.documents.filter((d) => d.required && !attached.has(d.code));
  const completeness: Check[] = [
    { code: 'summary', ok: c.summary.title.trim() !== '' && c.summary.summary.trim() !== '' },
    { code: 'goals', ok: c.goals.goal.trim() !== '' && c.goals.tasks.trim() !== '' },
    { code: 'plan', ok: c.plan.length > 0 },
    { code: 'indicators', ok: c.indicators.length > 0 },
    { code: 'beneficiaries', ok: c.beneficiaries.description.trim() !== '' && (c.beneficiaries.count ?? 0) > 0 },
    { code: 'budget', ok: budget.problems.length === 0 },
    { code: 'team', ok: c.team.length > 0 },
    { code: 'documents', ok: missingDocuments.length === 0, params: { count: missingDocuments.length } },
  ];
  return { eligibility, completeness };
}

export const allPass = (checks: { eligibility: Check[]; completeness: Check[] }) => [...checks.eligibility, ...checks.completeness].every((c) => c.ok);
