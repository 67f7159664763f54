import { count, countDistinct, eq, sql } from 'drizzle-orm';
import type { Membership } from '../../core/auth/actor.ts';
import type { Db, Executor } from '../../core/db/client.ts';
import { recent } from '../../core/db/recent.ts';
import type { Lang } from '../../core/i18n/langs.ts';
import type { HomeFigure } from '../../core/module.ts';
import { organisationMembers, organisations } from './schema.ts';

export type OrganisationRow = typeof organisations.$inferSelect;

/** The organisation's name in the reader's language; English falls back to Kazakh. */
export function organisationName(org: Pick<OrganisationRow, 'nameKk' | 'nameRu' | 'nameEn'>, lang: Lang): string {
  return lang === 'ru' ? org.nameRu : lang === 'en' ? (org.nameEn ?? org.nameKk) : org.nameKk;
}

export async function membershipsOf(db: Executor, userId: string): Promise<Membership[]> {
  return db
    .select({ organisationId: organisationMembers.organisationId, role: organisationMembers.role })
    .from(organisationMembers)
    .where(eq(organisationMembers.userId, userId));
}

/** The home page's figures: counted over the whole register, so kept for a short while (`recent`). */
export async function organisationFigures(db: Db): Promise<HomeFigure[]> {
  const row = await recent(db, 'organisations:home-figures', async () => {
    const [counted] = await db
      .select({
        ngos: count(),
        active: sql<number>`count(*) filter (where ${organisations.status} = 'active')`.mapWith(Number),
        regions: countDistinct(organisations.regionCode),
      })
      .from(organisations)
      .where(eq(organisations.kind, 'ngo'));
    return counted;
  });
  return [
    { label: 'organisations.figure.ngos', value: row?.ngos ?? 0 },
    { label: 'organisations.figure.active', value: row?.active ?? 0 },
    { label: 'organisations.figure.regions', value: row?.regions ?? 0 },
  ];
}
