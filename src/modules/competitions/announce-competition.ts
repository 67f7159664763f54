import { and, eq, isNull, like, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Actor } from '../../core/auth/actor.ts';
import { recordAudit } from '../../core/audit/audit-log.ts';
import type { Executor } from '../../core/db/client.ts';
import { AppError } from '../../core/errors/app-error.ts';
import { localYear } from '../../core/format/local-time.ts';
import type { AppContext } from '../../core/module.ts';
import { organisations } from '../organisations/index.ts';
import { loadCompetition, loadRule } from './records.ts';
import { competitions, type DurationType, type Instrument, type LotIndicator, lots, mciValues } from './schema.ts';

export type LotInput = {
  titleKk: string;
  titleRu: string;
  titleEn?: string | null;
  area: string;
  regionCode: string;
  budgetTiyn: number;
  durationType: DurationType;
  indicators: LotIndicator[];
  reannouncedFromId?: string | null;
};

export type CompetitionInput = {
  organiserId: string;
  customerId?: string | null;
  instrument: Instrument;
  ruleVersionId: string;
  year: number;
  regionCode: string | null;
  titleKk: string;
  titleRu: string;
  titleEn?: string | null;
  descriptionKk?: string | null;
  descriptionRu?: string | null;
  announcedAt: Date;
  deadlineAt: Date;
  admissionUntil: Date;
  evaluationUntil: Date;
  resultsDueAt: Date;
  lots: LotInput[];
};

const PREFIX: Record<Instrument, string> = { grant: 'G', 'social-order': 'S', prize: 'P' };

/** Writes a competition and its lots as given; the next free number of its year and instrument is taken. */
export async function insertCompetition(tx: Executor, input: CompetitionInput, createdBy: string | null, stage: 'draft' | 'announced' = 'announced'): Promise<string> {
  const prefix = `${input.year}-${PREFIX[input.instrument]}-`;
  await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${prefix}))`);
  const [last] = await tx
    .select({ number: competitions.number })
    .from(competitions)
    .where(like(competitions.number, `${prefix}%`))
    .orderBy(sql`${competitions.number} desc`)
    .limit(1);
  const next = last ? Number(last.number.slice(prefix.length)) + 1 : 1;
  const { lots: lotInputs, ...fields } = input;
  const [row] = await tx
    .insert(competitions)
    .values({ ...fields, number: `${prefix}${String(next).padStart(3, '0')}`, stage, createdBy })
    .returning({ id: competitions.id });
  const id = row!.id;
  if (lotInputs.length) await tx.insert(lots).values(lotInputs.map((l, i) => ({ ...l, competitionId: id, number: i + 1 })));
  return id;
}

export type AnnounceProblem = { key: string; params?: Record<string, string>; lot?: number };

/**
 * Checks a competition against the rule it is announced under: dates in order, at least one lot,
 * and for grants each lot's budget within its grant type's limits in MCI of the competition's year.
 */
export async function checkCompetition(db: Executor, input: CompetitionInput): Promise<AnnounceProblem[]> {
  const problems: AnnounceProblem[] = [];
  const order = [input.announcedAt, input.deadlineAt, input.admissionUntil, input.evaluationUntil, input.resultsDueAt];
  if (!(input.announcedAt < input.deadlineAt) || order.some((d, i) => i > 0 && d < order[i - 1]!)) problems.push({ key: 'competitions.error.dates' });
  if (input.lots.length === 0) problems.push({ key: 'competitions.error.no-lots' });
  const rule = await loadRule(db, input.ruleVersionId);
  if (rule.instrument !== input.instrument) problems.push({ key: 'competitions.error.rule-instrument' });
  if (input.instrument === 'grant') {
    const [mci] = await db.select().from(mciValues).where(eq(mciValues.year, input.year));
    if (!mci) problems.push({ key: 'competitions.error.no-mci', params: { year: String(input.year) } });
    else
      input.lots.forEach((lot, i) => {
        const type = rule.definition.grantTypes.find((g) => g.code === lot.durationType);
        if (!type) return;
        const inMci = lot.budgetTiyn / mci.amountTiyn;
        if (inMci < type.minMci || (type.maxMci !== null && inMci > type.maxMci)) {
          problems.push({ key: 'competitions.error.lot-budget-mci', lot: i + 1, params: { min: String(type.minMci), max: String(type.maxMci ?? '∞') } });
        }
      });
  }
  return problems;
}

/** An organiser announces a competition of their own state body, under a rule version. */
export async function announceCompetition(ctx: AppContext, actor: Actor, input: CompetitionInput): Promise<{ ok: true; id: string } | { ok: false; problems: AnnounceProblem[] }> {
  return ctx.db.transaction(async (tx) => {
    const [organiser] = await tx.select().from(organisations).where(eq(organisations.id, input.organiserId));
    if (!organiser) throw new AppError('NOT_FOUND');
    ctx.policy.authorize(actor, 'competition.create', organiser);
    const problems = await checkCompetition(tx, input);
    if (problems.length) return { ok: false, problems };
    const id = await insertCompetition(tx, input, actor.userId);
    await recordAudit(tx, {
      actorId: actor.userId,
      action: 'competition.announce',
      entityType: 'competition',
      entityId: id,
      changes: { budgetTiyn: input.lots.reduce((s, l) => s + l.budgetTiyn, 0), lots: input.lots.length, deadlineAt: input.deadlineAt.toISOString() },
    });
    return { ok: true, id };
  });
}

/**
 * Re-announces the failed lots of a published competition as a new competition, each new lot
 * linked to the one it replaces. A lot already re-announced is skipped, so a second click (or a
 * second organiser at the same moment: the old competition's row is locked) announces nothing twice.
 */
export async function reannounceLots(
  ctx: AppContext,
  actor: Actor,
  competitionId: string,
  dates: Pick<CompetitionInput, 'announcedAt' | 'deadlineAt' | 'admissionUntil' | 'evaluationUntil' | 'resultsDueAt'>,
): Promise<{ ok: true; id: string } | { ok: false; problems: AnnounceProblem[] }> {
  return ctx.db.transaction(async (tx) => {
    const competition = await loadCompetition(tx, competitionId, { lock: true });
    ctx.policy.authorize(actor, 'competition.manage', competition);
    const replaced = alias(lots, 'replaced');
    const failed = await tx
      .select({ lot: lots })
      .from(lots)
      .leftJoin(replaced, eq(replaced.reannouncedFromId, lots.id))
      .where(and(eq(lots.competitionId, competitionId), eq(lots.outcome, 'failed'), isNull(replaced.id)))
      .orderBy(lots.number);
    if (competition.stage !== 'published' || failed.length === 0) return { ok: false, problems: [{ key: 'competitions.error.nothing-to-reannounce' }] };
    const input: CompetitionInput = {
      organiserId: competition.organiserId,
      customerId: competition.customerId,
      instrument: competition.instrument,
      ruleVersionId: competition.ruleVersionId,
      year: localYear(dates.announcedAt),
      regionCode: competition.regionCode,
      titleKk: competition.titleKk,
      titleRu: competition.titleRu,
      titleEn: competition.titleEn,
      descriptionKk: competition.descriptionKk,
      descriptionRu: competition.descriptionRu,
      ...dates,
      lots: failed.map(({ lot: l }) => ({
        titleKk: l.titleKk,
        titleRu: l.titleRu,
        titleEn: l.titleEn,
        area: l.area,
        regionCode: l.regionCode,
        budgetTiyn: l.budgetTiyn,
        durationType: l.durationType,
        indicators: l.indicators,
        reannouncedFromId: l.id,
      })),
    };
    const problems = await checkCompetition(tx, input);
    if (problems.length) return { ok: false, problems };
    const id = await insertCompetition(tx, input, actor.userId);
    await recordAudit(tx, {
      actorId: actor.userId,
      action: 'competition.reannounce',
      entityType: 'competition',
      entityId: id,
      changes: { from: competitionId, lots: failed.map(({ lot }) => lot.id), deadlineAt: input.deadlineAt.toISOString() },
    });
    return { ok: true, id };
  });
}
