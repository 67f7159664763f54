import type { Readable } from 'node:stream';
import { and, asc, eq, inArray } from 'drizzle-orm';
import type { Executor } from '../../../core/db/client.ts';
import type { MessageRegistry } from '../../../core/i18n/messages.ts';
import type { AppContext } from '../../../core/module.ts';
import type { ProjectStatus } from '../schema.ts';
import { indicatorTargets, projectIndicators, projectPeriods, reports, reportValues } from '../schema.ts';
import { type FundedProject, fundedBatches } from './funded.ts';
import { grantId, LICENCE_URL, ocid, organisationId } from './identifiers.ts';
import { streamJsonObject } from './stream-json.ts';

/**
 * Planned and actual indicator values per period, in the shape of the IATI 2.03 activity's
 * `result` element written as JSON (docs/open-data.md): element and attribute names in camel
 * case (`period-start/@iso-date` → `periodStart.isoDate`), texts as narratives with their
 * language, numbers as numbers. An actual value comes only from an accepted report.
 */

export const IATI_VERSION = '2.03';

/** IATI ActivityStatus codes. */
const ACTIVITY_STATUS: Record<ProjectStatus, string> = { active: '2', suspended: '6', terminated: '5', completed: '4' };
/** IATI ResultType 1 (output), IndicatorMeasure 1 (unit). */
const OUTPUT = '1';
const UNIT = '1';

type Narrative = { narrative: { text: string; lang: string }[] };
const narrative = (...texts: [lang: string, text: string][]): Narrative => ({ narrative: texts.filter(([, t]) => t.trim()).map(([lang, text]) => ({ text, lang })) });

type IndicatorRow = { id: string; projectId: string; position: number; name: string; unit: string; baseline: number };
type TargetRow = { indicatorId: string; periodNumber: number; target: number };
type ActualRow = { indicatorId: string; periodNumber: number; actual: number; evidence: string };

async function loadIndicators(db: Executor, projectIds: string[]) {
  const indicators: IndicatorRow[] = await db
    .select({
      id: projectIndicators.id,
      projectId: projectIndicators.projectId,
      position: projectIndicators.position,
      name: projectIndicators.name,
      unit: projectIndicators.unit,
      baseline: projectIndicators.baseline,
    })
    .from(projectIndicators)
    .where(inArray(projectIndicators.projectId, projectIds))
    .orderBy(asc(projectIndicators.projectId), asc(projectIndicators.position));
  const ids = indicators.map((i) => i.id);
  if (ids.length === 0) return { indicators, targets: [] as TargetRow[], actuals: [] as ActualRow[] };
  const [targets, actuals] = await Promise.all([
    db
      .select({ indicatorId: indicatorTargets.indicatorId, periodNumber: projectPeriods.number, target: indicatorTargets.target })
      .from(indicatorTargets)
      .innerJoin(projectPeriods, eq(projectPeriods.id, indicatorTargets.periodId))
      .where(inArray(indicatorTargets.indicatorId, ids)),
    db
      .select({ indicatorId: reportValues.indicatorId, periodNumber: projectPeriods.number, actual: reportValues.actual, evidence: reportValues.evidence })
      .from(reportValues)
      .innerJoin(reports, eq(reports.id, reportValues.reportId))
      .innerJoin(projectPeriods, eq(projectPeriods.id, reports.periodId))
      .where(and(inArray(reportValues.indicatorId, ids), eq(reports.status, 'accepted'))),
  ]);
  return { indicators, targets, actuals };
}

/** One project as an IATI activity carrying its results. */
export function activityOf(p: FundedProject, data: Awaited<ReturnType<typeof loadIndicators>>, publicUrl: string, messages: MessageRegistry) {
  const language = p.language;
  const indicators = data.indicators.filter((i) => i.projectId === p.projectId);
  return {
    iatiIdentifier: grantId(p.agreementId),
    ocid: ocid(p.competitionNumber),
    url: `${publicUrl}/kk/projects/${p.projectId}`,
    title: narrative(['kk', p.titleKk], ['ru', p.titleRu]),
    reportingOrg: { ref: organisationId(p.funder.bin), ...narrative(['kk', p.funder.nameKk], ['ru', p.funder.nameRu]) },
    participatingOrg: [
      { ref: organisationId(p.funder.bin), role: '1', ...narrative(['kk', p.funder.nameKk], ['ru', p.funder.nameRu]) },
      { ref: organisationId(p.recipient.bin), role: '4', ...narrative(['kk', p.recipient.nameKk], ['ru', p.recipient.nameRu]) },
    ],
    activityStatus: { code: ACTIVITY_STATUS[p.status] },
    activityDate: [
      { type: '1', isoDate: p.startsOn },
      { type: '3', isoDate: p.endsOn },
    ],
    result: [
      {
        type: OUTPUT,
        aggregationStatus: false,
        title: narrative(['kk', messages.format('kk', 'projects.opendata.results.title')], ['ru', messages.format('ru', 'projects.opendata.results.title')]),
        indicator: indicators.map((ind) => ({
          measure: UNIT,
          ascending: true,
          title: narrative([language, ind.name]),
          unit: ind.unit,
          baseline: [{ year: Number(p.startsOn.slice(0, 4)), isoDate: p.startsOn, value: ind.baseline }],
          period: p.periods.map((period) => {
            const target = data.targets.find((t) => t.indicatorId === ind.id && t.periodNumber === period.number);
            const actual = period.acceptedAt ? data.actuals.find((a) => a.indicatorId === ind.id && a.periodNumber === period.number) : undefined;
            return {
              periodStart: { isoDate: period.startsOn },
              periodEnd: { isoDate: period.endsOn },
              target: target ? [{ value: target.target }] : [],
              actual: actual ? [{ value: actual.actual, ...(actual.evidence.trim() ? { comment: narrative([language, actual.evidence]) } : {}) }] : [],
            };
          }),
        })),
      },
    ],
  };
}

export type Activity = ReturnType<typeof activityOf>;

async function* activityBatches(ctx: AppContext) {
  for await (const batch of fundedBatches(ctx.db)) {
    const data = await loadIndicators(
      ctx.db,
      batch.map((p) => p.projectId),
    );
    yield batch.map((p) => activityOf(p, data, ctx.config.publicUrl, ctx.messages));
  }
}

/** The indicator results of every funded project, streamed. */
export function indicatorResultsJson(ctx: AppContext, dataDate: Date): Readable {
  const publicUrl = ctx.config.publicUrl;
  const head = {
    version: IATI_VERSION,
    generatedDatetime: dataDate.toISOString(),
    shape: 'IATI 2.03 iati-activities/iati-activity/result as JSON; see the open-data page',
    documentation: `${publicUrl}/en/open-data#indicator-results`,
    publisher: { name: 'Ortaq', url: publicUrl },
    license: LICENCE_URL,
  };
  return streamJsonObject(head, 'activities', activityBatches(ctx));
}
