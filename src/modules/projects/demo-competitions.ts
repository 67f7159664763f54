import { and, asc, eq, inArray, like, lt, sql } from 'drizzle-orm';
import type { Executor } from '../../core/db/client.ts';
import { type ApplicationContent, applications, competitions, type Instrument, lots } from '../competitions/index.ts';
import { organisations } from '../organisations/index.ts';
import { almaty, chunks, daysBetween, demoId, grouped, inSentence, mix, pickOf, roundTarget, shiftDay, tiyn, unit } from './demo-support.ts';
import type { Lang } from './demo-texts.ts';
import { ADMIN_ITEM, ITEMS, type Topic, UNITS } from './demo-topics.ts';

/*
 * Competitions of recent years whose projects the demo follows (the Aktobe region's state social
 * order of 2025, the operator's grants of 2025 and this year's small grants), written as data the
 * way the competitions module leaves a published competition: lots, applications with receipts,
 * admission, computed scores and ranks, each lot's outcome and award. The competitions module's
 * use cases (announce, commission, publishResults) are not part of its public index, so the
 * outcome is computed here by the same rules (results.ts): at least two admitted applications,
 * the best strictly above the pass mark, the award what the winner asked for.
 */

export type Applicant = {
  id: string;
  bin: string;
  nameKk: string;
  nameRu: string;
  headName: string | null;
  regionCode: string;
  districtKato: string | null;
  areas: string[];
};

const applicantColumns = {
  id: organisations.id,
  bin: organisations.bin,
  nameKk: organisations.nameKk,
  nameRu: organisations.nameRu,
  headName: organisations.headName,
  regionCode: organisations.regionCode,
  districtKato: organisations.districtKato,
  areas: organisations.areas,
};

/** Active NGOs of a region registered before a date, in a fixed shuffled order. */
export async function activeNgos(db: Executor, regionCodes: string[], registeredBefore: string, except: string[] = []): Promise<Applicant[]> {
  const rows = await db
    .select(applicantColumns)
    .from(organisations)
    .where(
      and(
        eq(organisations.kind, 'ngo'),
        eq(organisations.status, 'active'),
        inArray(organisations.regionCode, regionCodes),
        lt(organisations.registeredOn, registeredBefore),
        except.length ? sql`${organisations.id} not in (${sql.join(except.map((id) => sql`${id}`), sql`, `)})` : undefined,
      ),
    )
    .orderBy(asc(organisations.bin));
  return rows.sort((a, b) => mix('pool', a.bin) - mix('pool', b.bin));
}

export async function organisationNamed(db: Executor, nameKk: string): Promise<Applicant> {
  const [org] = await db.select(applicantColumns).from(organisations).where(eq(organisations.nameKk, nameKk));
  if (!org) throw new Error(`demo: the organisations seed has no ${nameKk}`);
  return org;
}

// ---------------------------------------------------------------- what an applicant writes

export type Place = { regionCode: string; kk: string; ru: string };
export type PlannedIndicator = { kk: string; ru: string; unitKk: string; unitRu: string; target: number };

/** A lot of the topic in the place, with targets in proportion to its budget. */
export function topicLot(topic: Topic, place: Place, budgetTenge: number) {
  const factor = Math.min(1.6, Math.max(0.3, budgetTenge / (topic.long ? 80_000_000 : 25_000_000)));
  const indicators: PlannedIndicator[] = topic.indicators.map(([kk, ru, u, base]) => ({
    kk,
    ru,
    unitKk: UNITS[u].kk,
    unitRu: UNITS[u].ru,
    target: base <= 4 ? base : roundTarget(base * factor),
  }));
  return {
    titleKk: `${place.kk} ${topic.kk}`,
    titleRu: `${topic.ru} ${place.ru}`,
    area: topic.area,
    regionCode: place.regionCode,
    indicators,
    reach: roundTarget(topic.reach * factor),
  };
}

const PEOPLE = [
  'Әсел Нұрланқызы', 'Ержан Төлеуов', 'Гүлмира Сапарова', 'Дәурен Мұхамедиев', 'Айжан Бекмағамбетова', 'Мақсат Оразбаев', 'Жадыра Қалиева', 'Нұржан Әбдірахманов',
  'Сымбат Ермекова', 'Бекзат Жолдасбеков', 'Индира Тұрсынова', 'Арман Сейітов', 'Ләйлә Ахметжанова', 'Ринат Исмаилов', 'Назерке Дәулетова', 'Олжас Қуанышев',
  'Гүлжан Әлімова', 'Тимур Бекенов', 'Светлана Ким', 'Анна Петренко',
];
const ROLES = {
  head: { kk: 'Жоба жетекшісі', ru: 'Руководитель проекта' },
  coordinator: { kk: 'Жоба үйлестірушісі', ru: 'Координатор проекта' },
  accountant: { kk: 'Бухгалтер', ru: 'Бухгалтер' },
} as const;

/**
 * The application as the organisation writes it for the lot: its project's name, what it will do
 * (the lot's indicators), when, for whom, for how much (direct lines and about 8 % administration,
 * summing to what it asks), and who.
 */
export function writeContent(o: {
  lang: Lang;
  topic: Topic;
  lot: { titleKk: string; titleRu: string; indicators: PlannedIndicator[]; reach: number };
  org: Applicant;
  requestedTenge: number;
  from: string;
  to: string;
  name?: string;
}): ApplicationContent {
  const { lang, topic, lot, org } = o;
  const key = `${org.bin}:${lot.titleKk}`;
  const name = o.name ?? pickOf(topic.names, key, 'name');
  const months = Math.max(3, Math.round(daysBetween(o.from, o.to) / 30.4));
  const ind = lot.indicators.map((i) => ({ name: lang === 'kk' ? i.kk : i.ru, unit: lang === 'kk' ? i.unitKk : i.unitRu, target: i.target }));
  const list = ind.map((i) => `${inSentence(i.name)} — ${grouped(i.target)} ${i.unit}`).join('; ');
  const span = daysBetween(o.from, o.to);
  const plan = [
    {
      activity: lang === 'kk' ? 'Дайындық: серіктестермен келісу, қатысушыларды іріктеу, ақпараттық хабарландыру' : 'Подготовка: согласование с партнёрами, отбор участников, информационное объявление',
      from: o.from,
      to: shiftDay(o.from, Math.min(30, Math.floor(span / 8))),
    },
    ...ind.map((i, k) => ({
      activity: `${i.name} (${grouped(i.target)} ${i.unit})`,
      from: shiftDay(o.from, Math.min(31, Math.floor(span / 8)) + k * 7),
      to: shiftDay(o.to, -15),
    })),
    { activity: lang === 'kk' ? 'Қорытынды есеп, нәтижелерді БАҚ пен әлеуметтік желілерде жариялау' : 'Итоговый отчёт, публикация результатов в СМИ и социальных сетях', from: shiftDay(o.to, -14), to: o.to },
  ];
  const admin = Math.floor((o.requestedTenge * 8) / 100);
  const direct = o.requestedTenge - admin;
  const shares = [45, 30, 15, 10].slice(0, topic.items.length);
  const whole = shares.reduce((s, x) => s + x, 0);
  let left = direct;
  const budget: ApplicationContent['budget'] = topic.items.map((item, k) => {
    const amount = k === topic.items.length - 1 ? left : Math.floor((direct * shares[k]!) / whole);
    left -= amount;
    return { item: ITEMS[item]![lang], kind: 'direct', amountTiyn: tiyn(amount) };
  });
  budget.push({ item: ADMIN_ITEM[lang], kind: 'administrative', amountTiyn: tiyn(admin) });
  const team = [
    { name: org.headName ?? pickOf(PEOPLE, key, 'head'), role: ROLES.head[lang] },
    { name: pickOf(PEOPLE, key, 'coordinator'), role: ROLES.coordinator[lang] },
    { name: pickOf(PEOPLE.slice().reverse(), key, 'accountant'), role: ROLES.accountant[lang] },
  ];
  const who = topic.who[lang];
  return lang === 'kk'
    ? {
        summary: { title: `«${name}» жобасы`, summary: `«${lot.titleKk}» тақырыбы бойынша жоба. ${org.nameKk} ${months} ай ішінде өткізеді: ${list}. Нысаналы топ — ${who}.` },
        goals: { goal: topic.goal.kk, tasks: ind.map((i, k) => `${k + 1}) ${inSentence(i.name)}: ${grouped(i.target)} ${i.unit}`).join('; ') },
        plan,
        indicators: ind,
        beneficiaries: { description: `${who[0]!.toUpperCase()}${who.slice(1)}.`, count: lot.reach },
        budget,
        team,
      }
    : {
        summary: { title: `Проект «${name}»`, summary: `Проект по теме «${lot.titleRu}». ${org.nameRu} за ${months} мес. проведёт: ${list}. Целевая группа — ${who}.` },
        goals: { goal: topic.goal.ru, tasks: ind.map((i, k) => `${k + 1}) ${inSentence(i.name)}: ${grouped(i.target)} ${i.unit}`).join('; ') },
        plan,
        indicators: ind,
        beneficiaries: { description: `${who[0]!.toUpperCase()}${who.slice(1)}.`, count: lot.reach },
        budget,
        team,
      };
}

/** The language an organisation writes in: Kazakh seven times in ten. */
export const languageOf = (org: Applicant): Lang => (mix('lang', org.bin) % 10 < 7 ? 'kk' : 'ru');

// ---------------------------------------------------------------- writing a published competition

export type DataApplication = {
  org: Applicant;
  lang: Lang;
  content: ApplicationContent;
  submittedAt: Date;
  /** 0–1: how good the commission found it. */
  quality: number;
  refusal?: string;
  createdBy?: string | null;
};

export type DataLot = {
  titleKk: string;
  titleRu: string;
  area: string;
  regionCode: string;
  budgetTiyn: number;
  durationType: 'short' | 'medium' | 'long';
  indicators: PlannedIndicator[];
  applications: DataApplication[];
};

export type DataCompetition = {
  key: string;
  organiserId: string;
  /** The organiser's account: it announced, decided admission and published. */
  actorId: string | null;
  instrument: Instrument;
  ruleVersionId: string;
  /** The rule's largest score and pass mark (percent), for computing outcomes. */
  maxScore: number;
  passPercent: number;
  year: number;
  regionCode: string | null;
  titleKk: string;
  titleRu: string;
  titleEn: string;
  descriptionKk: string;
  descriptionRu: string;
  announcedAt: Date;
  deadlineAt: Date;
  admissionUntil: Date;
  evaluationUntil: Date;
  resultsDueAt: Date;
  decidedAt: Date;
  evaluationStartedAt: Date;
  publishedAt: Date;
  lots: DataLot[];
};

export type WrittenLot = {
  lotId: string;
  number: number;
  lot: DataLot;
  winner: { applicationId: string; application: DataApplication; awardTiyn: number } | null;
};

const PREFIX: Record<Instrument, string> = { grant: 'G', 'social-order': 'S', prize: 'P' };

/** The competition of the given organiser, year and title, when the demo has written it already. */
export async function findCompetition(db: Executor, organiserId: string, year: number, titleRu: string): Promise<string | null> {
  const [row] = await db
    .select({ id: competitions.id })
    .from(competitions)
    .where(and(eq(competitions.organiserId, organiserId), eq(competitions.year, year), eq(competitions.titleRu, titleRu)));
  return row?.id ?? null;
}

/** Writes a published competition with its lots and applications; outcomes computed as results.ts does. */
export async function writeCompetition(db: Executor, c: DataCompetition): Promise<{ id: string; number: string; lots: WrittenLot[]; applications: number }> {
  const prefix = `${c.year}-${PREFIX[c.instrument]}-`;
  await db.execute(sql`select pg_advisory_xact_lock(hashtext(${prefix}))`);
  const [last] = await db
    .select({ number: competitions.number })
    .from(competitions)
    .where(like(competitions.number, `${prefix}%`))
    .orderBy(sql`${competitions.number} desc`)
    .limit(1);
  const number = `${prefix}${String(last ? Number(last.number.slice(prefix.length)) + 1 : 1).padStart(3, '0')}`;
  const id = demoId(c.key, 'competition');
  await db.insert(competitions).values({
    id,
    number,
    instrument: c.instrument,
    organiserId: c.organiserId,
    ruleVersionId: c.ruleVersionId,
    year: c.year,
    regionCode: c.regionCode,
    titleKk: c.titleKk,
    titleRu: c.titleRu,
    titleEn: c.titleEn,
    descriptionKk: c.descriptionKk,
    descriptionRu: c.descriptionRu,
    stage: 'published',
    announcedAt: c.announcedAt,
    deadlineAt: c.deadlineAt,
    admissionUntil: c.admissionUntil,
    evaluationUntil: c.evaluationUntil,
    resultsDueAt: c.resultsDueAt,
    evaluationStartedAt: c.evaluationStartedAt,
    publishedAt: c.publishedAt,
    createdBy: c.actorId,
    createdAt: new Date(c.announcedAt.getTime() - 4 * 86_400_000),
    updatedAt: c.publishedAt,
  });

  const lotRows: (typeof lots.$inferInsert)[] = [];
  const appRows: (typeof applications.$inferInsert)[] = [];
  const written: WrittenLot[] = [];
  c.lots.forEach((lot, i) => {
    const lotId = demoId(c.key, 'lot', i + 1);
    const ordered = lot.applications.map((a, k) => ({ a, k })).sort((x, y) => x.a.submittedAt.getTime() - y.a.submittedAt.getTime());
    const scored = ordered.map(({ a, k }, order) => {
      const admitted = !a.refusal;
      // The mean of five experts' totals moves in fifths of a point.
      const score = admitted ? Math.round((a.quality * c.maxScore + ((mix(c.key, i, k, 'score') % 11) - 5) / 5) * 5) / 5 : null;
      return { a, k, order, admitted, score, id: demoId(c.key, 'lot', i + 1, 'application', k) };
    });
    const ranking = scored.filter((s) => s.admitted).sort((x, y) => y.score! - x.score! || x.a.submittedAt.getTime() - y.a.submittedAt.getTime());
    const received = scored.length;
    const failure =
      received === 0 ? 'no-applications' : received === 1 ? 'one-application' : ranking.length === 0 ? 'none-admitted' : ranking.length === 1 ? 'one-admitted' : null;
    const best = failure ? undefined : ranking[0];
    const low = best && !(best.score! > (c.maxScore * c.passPercent) / 100);
    const reason = failure ?? (low ? 'low-scores' : null);
    const winner = reason ? null : best!;
    const requested = (a: DataApplication) => a.content.budget.reduce((s, l) => s + l.amountTiyn, 0);
    lotRows.push({
      id: lotId,
      competitionId: id,
      number: i + 1,
      titleKk: lot.titleKk,
      titleRu: lot.titleRu,
      area: lot.area,
      regionCode: lot.regionCode,
      budgetTiyn: lot.budgetTiyn,
      durationType: lot.durationType,
      indicators: lot.indicators.map((x) => ({ name: { kk: x.kk, ru: x.ru }, unit: { kk: x.unitKk, ru: x.unitRu }, target: x.target })),
      outcome: reason ? 'failed' : 'awarded',
      failureReason: reason,
      winnerApplicationId: winner?.id ?? null,
      awardTiyn: winner ? requested(winner.a) : null,
    });
    for (const s of scored) {
      // Ranked only when the lot was compared at all (a lot failing before evaluation ranks nobody).
      const rank = failure ? null : s.admitted ? ranking.indexOf(s) + 1 : null;
      appRows.push({
        id: s.id,
        lotId,
        organisationId: s.a.org.id,
        createdBy: s.a.createdBy ?? null,
        status: s.admitted ? 'admitted' : 'refused',
        language: s.a.lang,
        content: s.a.content,
        requestedTiyn: requested(s.a),
        receiptNumber: `${number}-${String(i + 1).padStart(2, '0')}-${String(s.order + 1).padStart(3, '0')}`,
        submittedAt: s.a.submittedAt,
        submittedBy: s.a.createdBy ?? null,
        decidedBy: c.actorId,
        decidedAt: c.decidedAt,
        decisionReason: s.a.refusal ?? null,
        score: failure ? null : s.score,
        rank,
        createdAt: new Date(s.a.submittedAt.getTime() - 3 * 86_400_000),
        updatedAt: c.publishedAt,
      });
    }
    written.push({ lotId, number: i + 1, lot, winner: winner ? { applicationId: winner.id, application: winner.a, awardTiyn: requested(winner.a) } : null });
  });
  for (const batch of chunks(lotRows, 200)) await db.insert(lots).values(batch);
  for (const batch of chunks(appRows, 200)) await db.insert(applications).values(batch);
  return { id, number, lots: written, applications: appRows.length };
}

/** A submission time within working hours on one of the days before the deadline. */
export function submittedBetween(from: string, days: number, ...key: (string | number)[]): Date {
  const h = mix('submitted', ...key);
  return almaty(shiftDay(from, h % days), `${String(9 + (h % 9)).padStart(2, '0')}:${String((h >>> 7) % 60).padStart(2, '0')}`);
}

/** An amount asked for: a little under the lot's budget, in whole thousands of tenge. */
export const askFor = (budgetTenge: number, ...key: (string | number)[]) => Math.floor((budgetTenge * (0.965 + 0.034 * unit('ask', ...key))) / 1000) * 1000;

export async function applicantById(db: Executor, id: string | null | undefined): Promise<Applicant | null> {
  if (!id) return null;
  const [org] = await db.select(applicantColumns).from(organisations).where(eq(organisations.id, id));
  return org ?? null;
}

/** Applicants grouped by a key of theirs (region, district). */
export function groupBy(list: Applicant[], keyOf: (a: Applicant) => string | null): Map<string, Applicant[]> {
  const out = new Map<string, Applicant[]>();
  for (const a of list) {
    const k = keyOf(a);
    if (k !== null) out.set(k, [...(out.get(k) ?? []), a]);
  }
  return out;
}
