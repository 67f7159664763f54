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

export async function loadLot(db: Executor, id: string, opts: { lock?: boolean } = {}): Promise<LotRecord> {
  if (!isUuid(id)) throw new AppError('NOT_FOUND');
  const q = db.select().from(lots).where(eq(lots.id, id));
  const [lot] = opts.lock ? await q.for('update') : await q;
  if (!lot) throw new AppError('NOT_FOUND');
  const competition = await loadCompetition(db, lot.competitionId);
  return { lot, competition, rule: await loadRule(db, competition.ruleVersionId) };
}

/** An application with everything deciding about it needs; `lock` holds its row until the transaction ends. */
export async function loadApplication(db: Executor, id: string, opts: { lock?: boolean } = {}): Promise<ApplicationRecord> {
  if (!isUuid(id)) throw new AppError('NOT_FOUND');
  const q = db.select().from(applications).where(eq(applications.id, id));
  const [application] = opts.lock ? await q.for('update') : await q;
  if (!application) throw new AppError('NOT_FOUND');
  const [organisation] = await db.select().from(organisations).where(eq(organisations.id, application.organisationId));
  return { application, organisation: organisation!, ...(await loadLot(db, application.lotId)) };
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
