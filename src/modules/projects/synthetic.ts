import { copyRows, type CopyValue } from '../../core/db/bulk-copy.ts';
import type { Database } from '../../core/db/client.ts';
import type { Random } from '../../core/synthetic/random.ts';
import type { SyntheticAward } from '../competitions/index.ts';

/**
 * Synthetic funded projects for load tests, written the way the use cases would have left them:
 * a confirmed agreement, periods with indicator targets, budget lines, a report per ended period
 * (accepted and its tranche released, or still waiting), and the project's status by its dates.
 */

const DAY = 86_400_000;
const MONTHS: Record<SyntheticAward['durationType'], [number, number]> = { short: [6, 12], medium: [12, 24], long: [24, 36] };
const PERIODS: Record<SyntheticAward['durationType'], number> = { short: 2, medium: 3, long: 4 };
const day = (t: number) => new Date(t).toISOString().slice(0, 10);

const NARRATIVES = [
  'Кезеңде жоспарланған іс-шаралардың барлығы өткізілді, қатысушылар саны жоспардан асты.',
  'Іс-шаралар кестеге сай өтті; ақпараттық материалдар әлеуметтік желілерде жарияланды.',
  'Мероприятия периода проведены в полном объёме, отчёт о расходах приложен.',
  'Жоба серіктестермен бірге жүзеге асырылды, нәтижелері аудандық газетте жарияланды.',
];
const FEEDBACK = [
  ['Айгерім', 'Жобаның іс-шаралары өте пайдалы болды, рахмет!'],
  ['Сергей', 'Хороший проект, дети в восторге от кружков.'],
  ['Мұрат', 'Дөңгелек үстелге қатыстым, ұйымдастыру жақсы.'],
] as const;

export type SyntheticProjects = { projects: number; periods: number; reports: number; indicatorValues: number };

/** Writes one project for each of the first `count` awards. */
export async function seedSyntheticProjects(database: Database, rand: Random, awards: readonly SyntheticAward[], options: { count: number; now: Date }): Promise<SyntheticProjects> {
  const now = options.now.getTime();
  const rows = {
    agreements: [] as CopyValue[][], projects: [] as CopyValue[][], periods: [] as CopyValue[][], tranches: [] as CopyValue[][], indicators: [] as CopyValue[][],
    targets: [] as CopyValue[][], lines: [] as CopyValue[][], reports: [] as CopyValue[][], values: [] as CopyValue[][], changes: [] as CopyValue[][], feedback: [] as CopyValue[][],
  };
  for (const award of awards.slice(0, options.count)) {
    const signed = award.resultsDueAt.getTime() + rand.int(5, 20) * DAY;
    const starts = signed + rand.int(1, 10) * DAY;
    const [lo, hi] = MONTHS[award.durationType];
    const ends = starts + rand.int(lo, hi) * 30 * DAY;
    const periodCount = PERIODS[award.durationType];
    const span = (ends - starts) / periodCount;
    const periods = Array.from({ length: periodCount }, (_, i) => {
      const from = starts + Math.round(span * i);
      const to = i === periodCount - 1 ? ends : starts + Math.round(span * (i + 1)) - DAY;
      return { id: rand.uuid(), number: i + 1, startsOn: day(from), endsOn: day(to), reportDueOn: day(to + 10 * DAY), due: to + 10 * DAY };
    });
    const agreementId = rand.uuid();
    const projectId = rand.uuid();
    rows.agreements.push([
      agreementId, award.applicationId, `${award.competitionNumber}-${String(award.lotNumber).padStart(2, '0')}`, day(signed), award.awardTiyn, day(starts), day(ends),
      { json: periods.map((p) => ({ startsOn: p.startsOn, endsOn: p.endsOn, reportDueOn: p.reportDueOn })) }, award.organiserUserId, new Date(signed),
      award.adminUserId, new Date(signed + DAY), award.organiserUserId, new Date(signed),
    ]);
    const finished = ends + 15 * DAY < now;
    const status = finished ? (rand.chance(0.98) ? 'completed' : 'terminated') : rand.chance(0.03) ? 'suspended' : 'active';
    rows.projects.push([
      projectId, agreementId, award.organisationId, award.competitionId, award.lotId, award.titleKk, award.titleRu,
      `${award.titleKk}: жоба ${day(starts)} – ${day(ends)} аралығында жүзеге асырылады.`, award.regionCode, award.area, status, day(starts), day(ends), new Date(signed + DAY),
    ]);
    rows.changes.push([rand.uuid(), projectId, null, 'active', 'Шарт екі тараппен расталды', award.organiserUserId, new Date(signed + DAY)]);
    if (status !== 'active') rows.changes.push([rand.uuid(), projectId, 'active', status, status === 'suspended' ? 'Банктің лицензиясы қайтарып алынды' : 'Жоба мерзімі аяқталды', award.organiserUserId, new Date(Math.min(now, ends + 14 * DAY))]);
    const share = Math.floor(award.awardTiyn / periodCount);
    const indicators = award.indicators.map((ind, position) => ({ id: rand.uuid(), position, target: ind.target, name: ind.name.kk, unit: ind.unit.kk }));
    for (const i of indicators) rows.indicators.push([i.id, projectId, i.position, i.name, i.unit, 0]);
    for (const [position, line] of award.budget.entries()) {
      rows.lines.push([rand.uuid(), projectId, position, new Date(starts).getUTCFullYear(), line.item, line.kind, line.amountTiyn]);
    }
    for (const p of periods) {
      const last = p.number === periodCount;
      rows.periods.push([p.id, projectId, p.number, p.startsOn, p.endsOn, p.reportDueOn, last ? 1 : 0]);
      const handedIn = p.due - rand.int(1, 8) * DAY;
      const decided = handedIn + rand.int(2, 12) * DAY;
      const reported = handedIn < now && status !== 'terminated';
      const accepted = reported && decided < now;
      rows.tranches.push([rand.uuid(), agreementId, p.number, last ? award.awardTiyn - share * (periodCount - 1) : share, p.number, accepted ? new Date(decided) : null, accepted ? award.organiserUserId : null]);
      for (const i of indicators) rows.targets.push([i.id, p.id, Math.max(1, Math.round(i.target / periodCount))]);
      if (!reported) continue;
      const reportId = rand.uuid();
      const beneficiaries = { female: { '18-29': rand.int(10, 120), '30-59': rand.int(10, 90) }, male: { '18-29': rand.int(10, 100), '30-59': rand.int(5, 60) } };
      rows.reports.push([
        reportId, projectId, p.id, accepted ? 'accepted' : 'submitted', rand.pick(NARRATIVES), { json: beneficiaries }, 1, new Date(handedIn), award.adminUserId,
        accepted ? new Date(decided) : null, accepted ? award.organiserUserId : null, new Date(handedIn - 3 * DAY), new Date(accepted ? decided : handedIn),
      ]);
      for (const i of indicators) rows.values.push([reportId, i.id, Math.max(0, Math.round((i.target / periodCount) * rand.int(80, 125) / 100)), 'Фотосуреттер мен қатысушылар тізімі']);
    }
    if (rand.chance(0.05)) {
      const [author, body] = rand.pick(FEEDBACK);
      rows.feedback.push([rand.uuid(), projectId, author, body, 'published', award.organiserUserId, new Date(Math.min(now, ends)), new Date(Math.min(now, ends) - DAY)]);
    }
  }

  await copyRows(database, 'agreements', ['id', 'application_id', 'number', 'signed_on', 'amount_tiyn', 'starts_on', 'ends_on', 'periods', 'organiser_confirmed_by', 'organiser_confirmed_at', 'organisation_confirmed_by', 'organisation_confirmed_at', 'created_by', 'created_at'], rows.agreements);
  await copyRows(database, 'projects', ['id', 'agreement_id', 'organisation_id', 'competition_id', 'lot_id', 'title_kk', 'title_ru', 'summary', 'region_code', 'area', 'status', 'starts_on', 'ends_on', 'created_at'], rows.projects);
  await copyRows(database, 'project_status_changes', ['id', 'project_id', 'from', 'to', 'reason', 'changed_by', 'changed_at'], rows.changes);
  await copyRows(database, 'project_periods', ['id', 'project_id', 'number', 'starts_on', 'ends_on', 'report_due_on', 'final'], rows.periods);
  await copyRows(database, 'tranches', ['id', 'agreement_id', 'number', 'amount_tiyn', 'period_number', 'released_at', 'released_by'], rows.tranches);
  await copyRows(database, 'project_indicators', ['id', 'project_id', 'position', 'name', 'unit', 'baseline'], rows.indicators);
  await copyRows(database, 'indicator_targets', ['indicator_id', 'period_id', 'target'], rows.targets);
  await copyRows(database, 'project_budget_lines', ['id', 'project_id', 'position', 'year', 'item', 'kind', 'amount_tiyn'], rows.lines);
  await copyRows(database, 'reports', ['id', 'project_id', 'period_id', 'status', 'narrative', 'beneficiaries', 'round', 'submitted_at', 'submitted_by', 'decided_at', 'decided_by', 'created_at', 'updated_at'], rows.reports);
  await copyRows(database, 'report_values', ['report_id', 'indicator_id', 'actual', 'evidence'], rows.values);
  await copyRows(database, 'project_feedback', ['id', 'project_id', 'author_name', 'body', 'status', 'moderated_by', 'moderated_at', 'created_at'], rows.feedback);
  return { projects: rows.projects.length, periods: rows.periods.length, reports: rows.reports.length, indicatorValues: rows.values.length };
}
