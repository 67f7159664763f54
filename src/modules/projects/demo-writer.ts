import type { PgTable } from 'drizzle-orm/pg-core';
import type { Executor } from '../../core/db/client.ts';
import { almaty, almatyDay, chunks, daysBetween, demoId, laterOf, mix, officeTime, shiftDay } from './demo-support.ts';
import { beneficiariesOf, evaluationOf, evidence, femaleOf, type Lang, narrative, reachedOf, returnComment, STATUS_TEXT, visitNote } from './demo-texts.ts';
import {
  agreements,
  type Beneficiaries,
  type EvaluationCriterion,
  indicatorTargets,
  monitoringVisits,
  projectBudgetLines,
  projectEvaluations,
  projectIndicators,
  projectPeriods,
  projects,
  projectStatusChanges,
  type ProjectStatus,
  reports,
  type ReportStatus,
  reportSpending,
  reportValues,
  tranches,
} from './schema.ts';

/*
 * The demo's projects are history: agreements confirmed, reports handed in and decided, tranches
 * released, statuses changed — on the dates they happened, not today. So they are written as data,
 * in bulk, the way the use cases would have left them (confirm-agreement.ts, decide-report.ts,
 * change-project-status.ts): indicators and budget lines from the application, targets split over
 * the periods, a tranche released exactly when the report of its period was accepted, a project
 * flagged overdue exactly as report-reminders would flag it. Where a period stands today follows
 * from the seeding day, so the demo always shows a real year: some reports decided, some awaited,
 * a few late.
 */

export type DemoPeriod = { startsOn: string; endsOn: string; reportDueOn: string };
export type DemoIndicator = { name: string; unit: string; baseline?: number; targets: number[] };
export type DemoLine = { year: number; item: string; kind: 'direct' | 'administrative'; amountTiyn: number };
export type DemoTranche = { amountTiyn: number; periodNumber: number | null };
export type Risk = 'none' | 'low' | 'medium' | 'high';
type Stop = { on: string; reason: string };

/** How a project's life went, beyond every report being handed in a few days early and accepted. */
export type LifeOptions = {
  /** Periods whose report was returned once, corrected and accepted. */
  returned?: number[];
  /** The actual value of each indicator, per period (else close to the period's target). */
  actuals?: number[][];
  /** This period's report is never handed in (nor any after it): the project is late. */
  missing?: number;
  /** This period's report is handed in and waits for the organiser. */
  pending?: number;
  /** This period's report was returned and waits to be corrected. */
  returnedNow?: number;
  /** This period's report is a draft (when its period has ended or is about to). */
  draft?: number;
  /** The day a period's report is handed in, when not a few days before it is due. */
  handIn?: Record<number, string>;
  /** How many days after handing in the organiser decides, per period. */
  decideAfter?: Record<number, number>;
  /** Suspended, and then resumed or terminated. */
  suspend?: Stop & { resume?: Stop; terminate?: Stop };
  /** Terminated while active; `unfixed`: the report of that period was returned and never corrected. */
  terminate?: Stop & { unfixed?: number };
  narratives?: Record<number, string>;
  /** The reason of every status change the organiser makes, in the organisation's language. */
  completedReason?: string;
  /** Days after the last accepted report that the organiser closes the project. */
  closeAfter?: number;
};

export type ProjectSpec = {
  key: string;
  lang: Lang;
  applicationId: string;
  organisationId: string;
  competitionId: string;
  lotId: string;
  regionCode: string;
  area: string;
  titleKk: string;
  titleRu: string;
  summary: string;
  agreement: {
    number: string;
    signedOn: string;
    amountTiyn: number;
    startsOn: string;
    endsOn: string;
    /** When the organiser made it, and when each side confirmed it (the project starts with the later). */
    madeAt: Date;
    organiserConfirmedAt: Date;
    organisationConfirmedAt: Date;
  };
  /** The organiser's account that confirms, decides and monitors. */
  organiser: string | null;
  /** The organisation's admin who confirms the agreement, and the member who hands in reports (historical organisations have no accounts). */
  signatory: string | null;
  reporter: string | null;
  periods: DemoPeriod[];
  indicators: DemoIndicator[];
  budget: DemoLine[];
  tranches: DemoTranche[];
  /** People the project means to reach in all. */
  reach: number;
  life?: LifeOptions;
  visits?: { on: string; risk: Risk; notes?: string }[];
  evaluation?: { scaleMax: number; quality: number; afterDays?: number };
};

// ---------------------------------------------------------------- terms

/** Reporting periods ending on the given days (the last on `endsOn`), each report due `dueAfter` days later. */
export function periodsEnding(startsOn: string, endsOn: string, ends: string[], dueAfter = 10): DemoPeriod[] {
  const all = [...ends.filter((e) => e > startsOn && e < endsOn), endsOn];
  return all.map((end, i) => ({ startsOn: i === 0 ? startsOn : shiftDay(all[i - 1]!, 1), endsOn: end, reportDueOn: shiftDay(end, dueAfter) }));
}

/** Half-year periods ending 31 March and 30 September, up to the end of the project. */
export function halfYears(startsOn: string, endsOn: string, dueAfter = 10): DemoPeriod[] {
  const ends: string[] = [];
  for (let y = Number(startsOn.slice(0, 4)); y <= Number(endsOn.slice(0, 4)); y++) ends.push(`${y}-03-31`, `${y}-09-30`);
  // A last period shorter than two months joins the one before it.
  const cut = ends.filter((e) => e > startsOn && daysBetween(e, endsOn) >= 60);
  return periodsEnding(startsOn, endsOn, cut, dueAfter);
}

/**
 * The application's budget lines spread over the calendar years of the project (budgets per
 * year), in proportion to the project's days in each year; the last year takes what rounding left.
 */
export function budgetByYear(lines: { item: string; kind: 'direct' | 'administrative'; amountTiyn: number }[], startsOn: string, endsOn: string): DemoLine[] {
  const first = Number(startsOn.slice(0, 4));
  const last = Number(endsOn.slice(0, 4));
  const total = daysBetween(startsOn, endsOn) + 1;
  const years = Array.from({ length: last - first + 1 }, (_, i) => first + i);
  const share = years.map((y) => (daysBetween(laterOf(startsOn, `${y}-01-01`), endsOn < `${y}-12-31` ? endsOn : `${y}-12-31`) + 1) / total);
  const out: DemoLine[] = [];
  for (const [k, y] of years.entries()) {
    for (const l of lines) {
      const before = years.slice(0, k).reduce((s, _, j) => s + Math.floor((l.amountTiyn * share[j]!) / 100) * 100, 0);
      const amount = k === years.length - 1 ? l.amountTiyn - before : Math.floor((l.amountTiyn * share[k]!) / 100) * 100;
      if (amount > 0) out.push({ year: y, item: l.item, kind: l.kind, amountTiyn: amount });
    }
  }
  return out;
}

/** Tranches in the given shares (percent): `null` is an advance paid on signing, a number the period whose accepted report releases it. */
export function tranchesOf(amountTiyn: number, shares: [number | null, number][]): DemoTranche[] {
  const whole = shares.reduce((s, [, p]) => s + p, 0);
  let left = amountTiyn;
  return shares.map(([periodNumber, p], i) => {
    const amount = i === shares.length - 1 ? left : Math.round((amountTiyn * p) / whole / 100) * 100;
    left -= amount;
    return { amountTiyn: amount, periodNumber };
  });
}

// ---------------------------------------------------------------- a project's life, as of today

type ReportRow = typeof reports.$inferInsert;

type Life = {
  status: ProjectStatus;
  overdueSince: string | null;
  reports: { period: number; status: ReportStatus; round: number; submittedAt: Date | null; decidedAt: Date | null; createdAt: Date; updatedAt: Date; comments: string | null }[];
  releasedAt: Map<number, Date>;
  changes: { from: ProjectStatus | null; to: ProjectStatus; reason: string; at: Date }[];
};

function live(spec: ProjectSpec, today: string): Life {
  const o = spec.life ?? {};
  const key = spec.key;
  const past = (day: string) => day < today;
  const at = (day: string, ...k: (string | number)[]) => almaty(day, officeTime(key, ...k));
  const started = spec.agreement.organisationConfirmedAt > spec.agreement.organiserConfirmedAt ? spec.agreement.organisationConfirmedAt : spec.agreement.organiserConfirmedAt;
  const life: Life = { status: 'active', overdueSince: null, reports: [], releasedAt: new Map(), changes: [{ from: null, to: 'active', reason: `agreement ${spec.agreement.number}`, at: started }] };
  // No report is handed in while suspended (unless resumed) or once terminated.
  const stoppedOn = o.suspend && !o.suspend.resume ? o.suspend.on : (o.terminate?.on ?? null);

  for (const [i, p] of spec.periods.entries()) {
    const n = i + 1;
    if (o.missing === n) break;
    let hand = o.handIn?.[n] ?? laterOf(p.endsOn, shiftDay(p.reportDueOn, -(mix(key, 'lead', n) % 6)));
    if (o.suspend?.resume && hand >= o.suspend.on && hand < o.suspend.resume.on) hand = shiftDay(o.suspend.resume.on, 7 + n);
    if (stoppedOn && hand >= stoppedOn) break;
    if (!past(hand)) {
      if (o.draft === n) life.reports.push({ period: n, status: 'draft', round: 1, submittedAt: null, decidedAt: null, createdAt: at(laterOf(p.startsOn, shiftDay(today, -4)), 'draft'), updatedAt: at(shiftDay(today, -1), 'draft-edit'), comments: null });
      break;
    }
    const submittedAt = at(hand, 'hand', n);
    const created = at(shiftDay(hand, -3), 'open', n);
    const decide = o.decideAfter?.[n] ?? 3 + (mix(key, 'decide', n) % 7);
    const returnedOnce = o.returned?.includes(n) || o.returnedNow === n || o.terminate?.unfixed === n;
    if (o.pending === n) {
      life.reports.push({ period: n, status: 'submitted', round: 1, submittedAt, decidedAt: null, createdAt: created, updatedAt: submittedAt, comments: null });
      continue;
    }
    if (returnedOnce) {
      const returnDay = shiftDay(hand, Math.min(decide, 4));
      const resubmitDay = shiftDay(returnDay, 4 + (mix(key, 'fix', n) % 4));
      const acceptDay = shiftDay(resubmitDay, 2 + (mix(key, 'again', n) % 3));
      const returnedAt = at(returnDay, 'return', n);
      const comments = returnComment(spec.lang, key, n);
      if (!past(returnDay)) {
        life.reports.push({ period: n, status: 'submitted', round: 1, submittedAt, decidedAt: null, createdAt: created, updatedAt: submittedAt, comments: null });
      } else if (o.returnedNow === n || o.terminate?.unfixed === n || !past(resubmitDay)) {
        life.reports.push({ period: n, status: 'returned', round: 1, submittedAt, decidedAt: returnedAt, createdAt: created, updatedAt: returnedAt, comments });
        if (o.terminate?.unfixed === n) break;
      } else if (!past(acceptDay)) {
        const again = at(resubmitDay, 'resubmit', n);
        life.reports.push({ period: n, status: 'submitted', round: 2, submittedAt: again, decidedAt: returnedAt, createdAt: created, updatedAt: again, comments });
      } else {
        const accepted = at(acceptDay, 'accept', n);
        life.reports.push({ period: n, status: 'accepted', round: 2, submittedAt: at(resubmitDay, 'resubmit', n), decidedAt: accepted, createdAt: created, updatedAt: accepted, comments: null });
        life.releasedAt.set(n, accepted);
      }
      continue;
    }
    const acceptDay = shiftDay(hand, decide);
    if (!past(acceptDay)) {
      life.reports.push({ period: n, status: 'submitted', round: 1, submittedAt, decidedAt: null, createdAt: created, updatedAt: submittedAt, comments: null });
    } else {
      const accepted = at(acceptDay, 'accept', n);
      life.reports.push({ period: n, status: 'accepted', round: 1, submittedAt, decidedAt: accepted, createdAt: created, updatedAt: accepted, comments: null });
      life.releasedAt.set(n, accepted);
    }
  }

  const change = (to: ProjectStatus, stop: Stop) => {
    if (!past(stop.on)) return false;
    life.changes.push({ from: life.status, to, reason: stop.reason, at: at(stop.on, 'status', to) });
    life.status = to;
    return true;
  };
  if (o.suspend && change('suspended', o.suspend)) {
    if (o.suspend.resume) change('active', o.suspend.resume);
    if (o.suspend.terminate) change('terminated', o.suspend.terminate);
  }
  if (o.terminate) change('terminated', o.terminate);
  const accepted = life.reports.filter((r) => r.status === 'accepted');
  if (life.status === 'active' && accepted.length === spec.periods.length) {
    const last = accepted.reduce((m, r) => (r.decidedAt! > m ? r.decidedAt! : m), accepted[0]!.decidedAt!);
    const lastDay = almatyDay(last);
    change('completed', { on: shiftDay(lastDay, o.closeAfter ?? 2 + (mix(key, 'close') % 5)), reason: o.completedReason ?? STATUS_TEXT.completed[spec.lang] });
  }
  if (life.status === 'active') {
    // As report-reminders flags it: the day after the earliest due date passed without a report handed in.
    const handedIn = new Set(life.reports.filter((r) => r.status === 'submitted' || r.status === 'accepted').map((r) => r.period));
    const missed = spec.periods.findIndex((p, i) => p.reportDueOn < today && !handedIn.has(i + 1));
    if (missed >= 0) life.overdueSince = shiftDay(spec.periods[missed]!.reportDueOn, 1);
  }
  return life;
}

// ---------------------------------------------------------------- rows

type Rows = {
  agreements: (typeof agreements.$inferInsert)[];
  tranches: (typeof tranches.$inferInsert)[];
  projects: (typeof projects.$inferInsert)[];
  periods: (typeof projectPeriods.$inferInsert)[];
  indicators: (typeof projectIndicators.$inferInsert)[];
  targets: (typeof indicatorTargets.$inferInsert)[];
  lines: (typeof projectBudgetLines.$inferInsert)[];
  reports: ReportRow[];
  values: (typeof reportValues.$inferInsert)[];
  spending: (typeof reportSpending.$inferInsert)[];
  changes: (typeof projectStatusChanges.$inferInsert)[];
  visits: (typeof monitoringVisits.$inferInsert)[];
  evaluations: (typeof projectEvaluations.$inferInsert)[];
};

const emptyRows = (): Rows => ({
  agreements: [],
  tranches: [],
  projects: [],
  periods: [],
  indicators: [],
  targets: [],
  lines: [],
  reports: [],
  values: [],
  spending: [],
  changes: [],
  visits: [],
  evaluations: [],
});

/** The days of a period that fall in a year. */
const overlap = (p: DemoPeriod, year: number) => {
  const from = laterOf(p.startsOn, `${year}-01-01`);
  const to = p.endsOn < `${year}-12-31` ? p.endsOn : `${year}-12-31`;
  return Math.max(0, daysBetween(from, to) + 1);
};

/** What the use cases would have left of one project, as of `today`. */
export function projectRows(spec: ProjectSpec, today: string): Rows & { status: ProjectStatus; projectId: string } {
  const rows = emptyRows();
  const { key, agreement: a } = spec;
  const agreementId = demoId(key, 'agreement');
  const projectId = demoId(key, 'project');
  const life = live(spec, today);
  const amountCheck = spec.tranches.reduce((s, t) => s + t.amountTiyn, 0);
  if (amountCheck !== a.amountTiyn) throw new Error(`demo: the tranches of ${key} do not add up to its amount`);
  const started = life.changes[0]!.at;

  rows.agreements.push({
    id: agreementId,
    applicationId: spec.applicationId,
    number: a.number,
    signedOn: a.signedOn,
    amountTiyn: a.amountTiyn,
    startsOn: a.startsOn,
    endsOn: a.endsOn,
    periods: spec.periods,
    organiserConfirmedBy: spec.organiser,
    organiserConfirmedAt: a.organiserConfirmedAt,
    organisationConfirmedBy: spec.signatory,
    organisationConfirmedAt: a.organisationConfirmedAt,
    createdBy: spec.organiser,
    createdAt: a.madeAt,
  });
  spec.tranches.forEach((t, i) => {
    const releasedAt = t.periodNumber === null ? started : (life.releasedAt.get(t.periodNumber) ?? null);
    rows.tranches.push({ id: demoId(key, 'tranche', i + 1), agreementId, number: i + 1, amountTiyn: t.amountTiyn, periodNumber: t.periodNumber, releasedAt, releasedBy: releasedAt ? spec.organiser : null });
  });
  rows.projects.push({
    id: projectId,
    agreementId,
    organisationId: spec.organisationId,
    competitionId: spec.competitionId,
    lotId: spec.lotId,
    titleKk: spec.titleKk,
    titleRu: spec.titleRu,
    summary: spec.summary,
    regionCode: spec.regionCode,
    area: spec.area,
    status: life.status,
    startsOn: a.startsOn,
    endsOn: a.endsOn,
    overdueSince: life.overdueSince,
    createdAt: started,
  });
  const periodIds = spec.periods.map((_, i) => demoId(key, 'period', i + 1));
  spec.periods.forEach((p, i) => {
    // The reminder went out a week before each due date that has passed.
    const remindedAt = p.reportDueOn < today ? almaty(shiftDay(p.reportDueOn, -7), '09:00') : null;
    rows.periods.push({ id: periodIds[i]!, projectId, number: i + 1, ...p, final: i === spec.periods.length - 1 ? 1 : 0, remindedAt });
  });
  const indicatorIds = spec.indicators.map((_, k) => demoId(key, 'indicator', k + 1));
  spec.indicators.forEach((ind, k) => {
    if (ind.targets.length !== spec.periods.length) throw new Error(`demo: indicator ${k + 1} of ${key} has no target for every period`);
    rows.indicators.push({ id: indicatorIds[k]!, projectId, position: k + 1, name: ind.name, unit: ind.unit, baseline: ind.baseline ?? 0 });
    rows.targets.push(...ind.targets.map((target, p) => ({ indicatorId: indicatorIds[k]!, periodId: periodIds[p]!, target })));
  });
  const lineIds = spec.budget.map((_, k) => demoId(key, 'line', k + 1));
  rows.lines.push(...spec.budget.map((l, k) => ({ id: lineIds[k]!, projectId, position: k + 1, year: l.year, item: l.item, kind: l.kind, amountTiyn: l.amountTiyn })));

  const spent = spec.budget.map(() => 0);
  for (const r of life.reports) {
    const p = spec.periods[r.period - 1]!;
    const reportId = demoId(key, 'report', r.period);
    const final = r.period === spec.periods.length;
    const actuals = spec.indicators.map((ind, k) => {
      const given = spec.life?.actuals?.[r.period - 1]?.[k];
      if (given !== undefined) return given;
      const target = ind.targets[r.period - 1]!;
      const m = mix(key, 'actual', r.period, k) % 20;
      if (target === 0) return 0;
      if (target <= 5) return m >= 18 ? target + 1 : target;
      return Math.round(target * (m < 2 ? 0.92 : m < 14 ? 1 : m < 18 ? 1.08 : 1.2));
    });
    const reached = Math.max(1, Math.round((spec.reach / spec.periods.length) * (0.95 + (mix(key, 'reach', r.period) % 20) / 100)));
    const beneficiaries: Beneficiaries = beneficiariesOf(reached, spec.area, key, r.period);
    const text =
      spec.life?.narratives?.[r.period] ??
      narrative({
        lang: spec.lang,
        key,
        period: r.period,
        final,
        from: p.startsOn,
        to: p.endsOn,
        done: spec.indicators.map((ind, k) => ({ name: ind.name, unit: ind.unit, actual: actuals[k]! })),
        reached: reachedOf(beneficiaries),
        female: femaleOf(beneficiaries),
      });
    rows.reports.push({
      id: reportId,
      projectId,
      periodId: periodIds[r.period - 1]!,
      status: r.status,
      narrative: text,
      beneficiaries,
      round: r.round,
      submittedAt: r.submittedAt,
      submittedBy: r.submittedAt ? spec.reporter : null,
      decidedAt: r.decidedAt,
      decidedBy: r.decidedAt ? spec.organiser : null,
      comments: r.comments,
      createdAt: r.createdAt,
      updatedAt: r.updatedAt,
    });
    rows.values.push(...actuals.map((actual, k) => ({ reportId, indicatorId: indicatorIds[k]!, actual, evidence: evidence(spec.indicators[k]!.name, spec.lang, r.period) })));
    // Spending per budget line: the period's share of the line's year; the final report spends what is left.
    spec.budget.forEach((l, k) => {
      const inYear = spec.periods.reduce((s, q) => s + overlap(q, l.year), 0);
      const share = inYear ? overlap(p, l.year) / inYear : 0;
      const amount = final ? l.amountTiyn - spent[k]! : Math.floor((l.amountTiyn * share) / 100) * 100;
      if (amount <= 0) return;
      spent[k]! += amount;
      rows.spending.push({ reportId, budgetLineId: lineIds[k]!, spentTiyn: amount });
    });
  }

  rows.changes.push(...life.changes.map((c, i) => ({ id: demoId(key, 'status', i), projectId, from: c.from, to: c.to, reason: c.reason, changedBy: spec.organiser, changedAt: c.at })));
  for (const [i, v] of (spec.visits ?? []).entries()) {
    if (v.on >= today) continue;
    rows.visits.push({ id: demoId(key, 'visit', i), projectId, visitedOn: v.on, notes: v.notes ?? visitNote(spec.lang, v.risk, key, i), risk: v.risk, createdBy: spec.organiser, createdAt: almaty(v.on, '17:30') });
  }
  const closed = life.changes.at(-1)!;
  if (spec.evaluation && life.status === 'completed') {
    const day = almatyDay(closed.at);
    const on = shiftDay(day, spec.evaluation.afterDays ?? 10);
    if (on < today) {
      rows.evaluations.push({
        projectId,
        scaleMax: spec.evaluation.scaleMax,
        scores: evaluationOf(spec.lang, spec.evaluation.scaleMax, spec.evaluation.quality, key) as Record<EvaluationCriterion, { points: number; conclusion: string }>,
        evaluatedBy: spec.organiser,
        evaluatedAt: almaty(on, '16:00'),
      });
    }
  }
  return { ...rows, status: life.status, projectId };
}

/** Writes the projects in bulk, parents first. Returns what was written, for the audit entry. */
export async function writeProjects(db: Executor, specs: readonly ProjectSpec[], today: string): Promise<{ projects: number; reports: number; released: number; ids: Map<string, string> }> {
  const all = emptyRows();
  const ids = new Map<string, string>();
  for (const spec of specs) {
    const r = projectRows(spec, today);
    ids.set(spec.key, r.projectId);
    for (const k of Object.keys(all) as (keyof Rows)[]) (all[k] as unknown[]).push(...r[k]);
  }
  const put = async (table: PgTable, rows: unknown[]) => {
    for (const batch of chunks(rows, 1000)) await db.insert(table).values(batch as never);
  };
  await put(agreements, all.agreements);
  await put(tranches, all.tranches);
  await put(projects, all.projects);
  await put(projectPeriods, all.periods);
  await put(projectIndicators, all.indicators);
  await put(indicatorTargets, all.targets);
  await put(projectBudgetLines, all.lines);
  await put(reports, all.reports);
  await put(reportValues, all.values);
  await put(reportSpending, all.spending);
  await put(projectStatusChanges, all.changes);
  await put(monitoringVisits, all.visits);
  await put(projectEvaluations, all.evaluations);
  return { projects: all.projects.length, reports: all.reports.length, released: all.tranches.filter((t) => t.releasedAt).length, ids };
}
