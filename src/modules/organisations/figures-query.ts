import { and, count, eq, type SQL } from 'drizzle-orm';
import type { Db } from '../../core/db/client.ts';
import { DISTRICTS } from '../../core/geo/districts.ts';
import { REGIONS } from '../../core/geo/regions.ts';
import type { Lang } from '../../core/i18n/langs.ts';
import { LEGAL_FORMS, type LegalForm, ORGANISATION_STATUSES, type OrganisationStatus, organisations } from './schema.ts';

/** One row of the figures: a region (or, within a region, a district), its counts and total. */
export type FigureRow = {
  /** ISO region code, KATO district code, or '' for organisations without a district. */
  key: string;
  label: string;
  byForm: Partial<Record<LegalForm, number>>;
  byStatus: Partial<Record<OrganisationStatus, number>>;
  total: number;
};

export type RegisterFigures = {
  /** Set when the rows are the districts of one region. */
  region?: string;
  rows: FigureRow[];
  /** The legal forms that occur, in the schema's order: the columns of the tables. */
  forms: LegalForm[];
  statuses: readonly OrganisationStatus[];
  totals: { byForm: Partial<Record<LegalForm, number>>; byStatus: Partial<Record<OrganisationStatus, number>>; total: number };
};

/**
 * Counts non-governmental organisations (kind ngo) by region × legal form × status in one query;
 * with a region, by its districts (KATO order, then "without district") instead of by region.
 */
export async function registerFigures(db: Db, lang: Lang, options: { region?: string; noDistrictLabel: string }): Promise<RegisterFigures> {
  const where: SQL[] = [eq(organisations.kind, 'ngo')];
  if (options.region) where.push(eq(organisations.regionCode, options.region));
  const key = options.region ? organisations.districtKato : organisations.regionCode;
  const cells = await db
    .select({ key, legalForm: organisations.legalForm, status: organisations.status, count: count() })
    .from(organisations)
    .where(and(...where))
    .groupBy(key, organisations.legalForm, organisations.status);

  const rowKeys: { key: string; label: string }[] = options.region
    ? [
        ...DISTRICTS.filter((d) => d.regionCode === options.region)
          .sort((a, b) => a.kato.localeCompare(b.kato))
          .map((d) => ({ key: d.kato, label: d.name[lang] })),
        { key: '', label: options.noDistrictLabel },
      ]
    : REGIONS.map((r) => ({ key: r.code, label: r.name[lang] }));
  const rows = new Map<string, FigureRow>(rowKeys.map((r) => [r.key, { ...r, byForm: {}, byStatus: {}, total: 0 }]));
  const totals: RegisterFigures['totals'] = { byForm: {}, byStatus: {}, total: 0 };
  for (const c of cells) {
    const k = c.key ?? '';
    let row = rows.get(k);
    if (!row) {
      row = { key: k, label: k, byForm: {}, byStatus: {}, total: 0 };
      rows.set(k, row);
    }
    row.byForm[c.legalForm] = (row.byForm[c.legalForm] ?? 0) + c.count;
    row.byStatus[c.status] = (row.byStatus[c.status] ?? 0) + c.count;
    row.total += c.count;
    totals.byForm[c.legalForm] = (totals.byForm[c.legalForm] ?? 0) + c.count;
    totals.byStatus[c.status] = (totals.byStatus[c.status] ?? 0) + c.count;
    totals.total += c.count;
  }
  // Within a region, districts without any NGO are left out, as is an empty "without district".
  const list = [...rows.values()].filter((r) => !options.region || r.total > 0);
  return {
    region: options.region,
    rows: list,
    forms: LEGAL_FORMS.filter((f) => totals.byForm[f]),
    statuses: ORGANISATION_STATUSES,
    totals,
  };
}
