import { eq } from 'drizzle-orm';
import { files } from '../../core/files/schema.ts';
import type { Executor } from '../../core/db/client.ts';
import { isUuid } from '../../core/db/uuid.ts';
import { AppError } from '../../core/errors/app-error.ts';
import type { Lang } from '../../core/i18n/langs.ts';
import { organisations } from '../organisations/index.ts';
import { applicationAttachments, applications, competitions, lots, ruleVersions } from './schema.ts';

export type CompetitionRow = typeof competitions.$inferSelect;
export type LotRow = typeof lots.$inferSelect;
export type ApplicationRow = typeof applications.$inferSelect;
export type RuleVersionRow = typeof ruleVersions.$inferSelect;
export type OrganisationRow = typeof organisations.$inferSelect;

export type LotRecord = { lot: LotRow; competition: CompetitionRow; rule: RuleVersionRow };
export type ApplicationRecord = LotRecord & { application: ApplicationRow; organisation: OrganisationRow };

/** Texts that exist in Kazakh and Russian, and sometimes English: the reader's language, else Kazakh. */
export function localised(row: { titleKk: string; titleRu: string; titleEn?: string | null }, lang: Lang): string {
  return lang === 'ru' ? row.titleRu : lang === 'en' ? row.titleEn || row.titleRu : row.titleKk;
}

export async function loadCompetition(db: Executor, id: string, opts: { lock?: boolean } = {}): Promise<CompetitionRow> {
  if (!isUuid(id)) throw new AppError('NOT_FOUND');
  const q = db.select().from(competitions).where(eq(competitions.id, id));
  const [row] = opts.lock ? await q.for('update') : await q;
  if (!row) throw new AppError('NOT_FOUND');
  return row;
}

export async function loadRule(db: Executor, id: string): Promise<RuleVersionRow> {
  const [rule] = await db.select().from(ruleVersions).where(eq(ruleVersions.id, id));
  if (!rule) throw new Error(`rule version ${id} is missing`);
  return rule;
}

/** Locks a row until the transaction ends, before it is read with its neighbours (so the read sees what the lock's wait let commit). */
async function lockRow(db: Executor, table: typeof lots | typeof applications, id: string): Promise<boolean> {
  const [row] = await db.select({ id: table.id }).from(table).where(eq(table.id, id)).for('update');
  return Boolean(row);
}

/** A lot with its competition and rule version, in one statement; `lock` holds the lot's row until the transaction ends. */
export async function loadLot(db: Executor, id: string, opts: { lock?: boolean } = {}): Promise<LotRecord> {
  if (!isUuid(id)) throw new AppError('NOT_FOUND');
  if (opts.lock && !(await lockRow(db, lots, id))) throw new AppError('NOT_FOUND');
  const [record] = await db
    .select({ lot: lots, competition: competitions, rule: ruleVersions })
    .from(lots)
    .innerJoin(competitions, eq(competitions.id, lots.competitionId))
    .innerJoin(ruleVersions, eq(ruleVersions.id, competitions.ruleVersionId))
    .where(eq(lots.id, id));
  if (!record) throw new AppError('NOT_FOUND');
  return record;
}

/** An application with everything deciding about it needs, in one statement; `lock` holds its row until the transaction ends. */
export async function loadApplication(db: Executor, id: string, opts: { lock?: boolean } = {}): Promise<ApplicationRecord> {
  if (!isUuid(id)) throw new AppError('NOT_FOUND');
  if (opts.lock && !(await lockRow(db, applications, id))) throw new AppError('NOT_FOUND');
  const [record] = await db
    .select({ application: applications, organisation: organisations, lot: lots, competition: competitions, rule: ruleVersions })
    .from(applications)
    .innerJoin(organisations, eq(organisations.id, applications.organisationId))
    .innerJoin(lots, eq(lots.id, applications.lotId))
    .innerJoin(competitions, eq(competitions.id, lots.competitionId))
    .innerJoin(ruleVersions, eq(ruleVersions.id, competitions.ruleVersionId))
    .where(eq(applications.id, id));
  if (!record) throw new AppError('NOT_FOUND');
  return record;
}

/** What the policies need to know about an application. */
export const applicationRef = (r: Pick<ApplicationRecord, 'application' | 'competition'>) => ({
  organisationId: r.application.organisationId,
  status: r.application.status,
  competition: { organiserId: r.competition.organiserId, stage: r.competition.stage },
});

export type ApplicationAttachment = { fileId: string; name: string; size: number; mediaType: string; documentCode: string; addedAt: Date };

/** The files attached to an application, oldest first. */
export async function applicationAttachmentsOf(db: Executor, applicationId: string): Promise<ApplicationAttachment[]> {
  return db
    .select({
      fileId: files.id,
      name: files.name,
      size: files.size,
      mediaType: files.mediaType,
      documentCode: applicationAttachments.documentCode,
      addedAt: applicationAttachments.addedAt,
    })
    .from(applicationAttachments)
    .innerJoin(files, eq(files.id, applicationAttachments.fileId))
    .where(eq(applicationAttachments.applicationId, applicationId))
    .orderBy(applicationAttachments.addedAt, files.name);
}
