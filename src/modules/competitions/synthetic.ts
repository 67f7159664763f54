import { createHash } from 'node:crypto';
import { tokenId } from '../../core/auth/tokens.ts';
import { copyRows, type CopyValue } from '../../core/db/bulk-copy.ts';
import type { Database } from '../../core/db/client.ts';
import { REGIONS } from '../../core/geo/regions.ts';
import type { Random } from '../../core/synthetic/random.ts';
import type { Area } from '../organisations/index.ts';
import type { SyntheticRegister } from '../organisations/index.ts';
import type { ApplicationContent, DurationType, FailureReason, Instrument, LotIndicator } from './schema.ts';

/**
 * Synthetic competitions for load tests: a decade of announced, judged and published competitions
 * with their lots and applications, a few open now, and — for the deadline surge — complete draft
 * applications whose members hold sessions of known tokens.
 */

const DAY = 86_400_000;
/** MCI per year in tiyn, as in migration 0006. */
const MCI: Record<number, number> = { 2016: 212100, 2017: 226900, 2018: 240500, 2019: 252500, 2020: 265100, 2021: 291700, 2022: 306300, 2023: 345000, 2024: 369200, 2025: 393200, 2026: 432500 };
const mciOf = (year: number) => MCI[year] ?? MCI[2026]!;

const THEMES: readonly { area: Area; kk: string; ru: string; indicators: LotIndicator[] }[] = [
  { area: 'youth', kk: 'Ауыл жастарының бастамаларын қолдау', ru: 'Поддержка инициатив сельской молодёжи', indicators: [ind('Дөңгелек үстел', 'Круглый стол', 'дана', 'шт.', 3), ind('Қатысушылар', 'Участники', 'адам', 'чел.', 200)] },
  { area: 'children', kk: 'Балалардың бос уақытын ұйымдастыру', ru: 'Организация досуга детей', indicators: [ind('Үйірмелер', 'Кружки', 'дана', 'шт.', 5), ind('Балалар', 'Дети', 'адам', 'чел.', 150)] },
  { area: 'vulnerable-groups', kk: 'Мүгедектігі бар адамдарды әлеуметтік бейімдеу', ru: 'Социальная адаптация людей с инвалидностью', indicators: [ind('Кеңес беру', 'Консультации', 'дана', 'шт.', 120), ind('Тренингтер', 'Тренинги', 'дана', 'шт.', 6)] },
  { area: 'environment', kk: 'Экологиялық мәдениетті арттыру', ru: 'Повышение экологической культуры', indicators: [ind('Сенбіліктер', 'Субботники', 'дана', 'шт.', 4), ind('Отырғызылған ағаш', 'Посажено деревьев', 'дана', 'шт.', 500)] },
  { area: 'family-gender', kk: 'Отбасы институтын нығайту', ru: 'Укрепление института семьи', indicators: [ind('Семинарлар', 'Семинары', 'дана', 'шт.', 4), ind('Кітапшалар', 'Брошюры', 'дана', 'шт.', 1000)] },
  { area: 'social-harmony', kk: 'Қоғамдық келісім мен бірлікті нығайту', ru: 'Укрепление общественного согласия и единства', indicators: [ind('Кездесулер', 'Встречи', 'дана', 'шт.', 3), ind('Мақалалар', 'Статьи', 'дана', 'шт.', 3)] },
  { area: 'heritage', kk: 'Тарихи-мәдени мұраны насихаттау', ru: 'Популяризация историко-культурного наследия', indicators: [ind('Көрмелер', 'Выставки', 'дана', 'шт.', 2), ind('Бейнероликтер', 'Видеоролики', 'дана', 'шт.', 5)] },
  { area: 'health', kk: 'Салауатты өмір салтын насихаттау', ru: 'Пропаганда здорового образа жизни', indicators: [ind('Акциялар', 'Акции', 'дана', 'шт.', 6), ind('Қатысушылар', 'Участники', 'адам', 'чел.', 300)] },
  { area: 'rights', kk: 'Азаматтарға тегін заң көмегі', ru: 'Бесплатная юридическая помощь гражданам', indicators: [ind('Кеңес беру', 'Консультации', 'дана', 'шт.', 200)] },
  { area: 'education-science-sport', kk: 'Мектеп оқушыларына арналған спорт жарыстары', ru: 'Спортивные соревнования для школьников', indicators: [ind('Жарыстар', 'Соревнования', 'дана', 'шт.', 4), ind('Қатысушылар', 'Участники', 'адам', 'чел.', 400)] },
  { area: 'employment', kk: 'Жастарды жұмыспен қамтуға жәрдемдесу', ru: 'Содействие занятости молодёжи', indicators: [ind('Курстар', 'Курсы', 'дана', 'шт.', 3), ind('Жұмысқа орналасқандар', 'Трудоустроено', 'адам', 'чел.', 40)] },
  { area: 'culture-art', kk: 'Ауылдағы мәдени іс-шаралар', ru: 'Культурные мероприятия на селе', indicators: [ind('Концерттер', 'Концерты', 'дана', 'шт.', 2), ind('Байқаулар', 'Конкурсы', 'дана', 'шт.', 1)] },
];
function ind(kk: string, ru: string, unitKk: string, unitRu: string, target: number): LotIndicator {
  return { name: { kk, ru }, unit: { kk: unitKk, ru: unitRu }, target };
}

const INSTRUMENTS: readonly (readonly [Instrument, number])[] = [['social-order', 60], ['grant', 32], ['prize', 8]];
const LETTER: Record<Instrument, string> = { grant: 'G', 'social-order': 'S', prize: 'P' };
const DURATIONS: readonly (readonly [DurationType, number])[] = [['short', 70], ['medium', 24], ['long', 6]];
const MCI_RANGE: Record<DurationType, [number, number]> = { short: [500, 3000], medium: [3000, 10000], long: [10000, 20000] };
const LOTS_PER_COMPETITION: readonly (readonly [number, number])[] = [[1, 10], [2, 15], [3, 25], [4, 25], [5, 25]];

/** A lot that was awarded: what the projects' generator turns into an agreement and a project. */
export type SyntheticAward = {
  applicationId: string;
  organisationId: string;
  adminUserId: string;
  organiserUserId: string;
  competitionId: string;
  competitionNumber: string;
  lotId: string;
  lotNumber: number;
  regionCode: string;
  area: string;
  titleKk: string;
  titleRu: string;
  durationType: DurationType;
  awardTiyn: number;
  indicators: LotIndicator[];
  budget: ApplicationContent['budget'];
  resultsDueAt: Date;
};

export type SyntheticCompetitions = { competitions: number; lots: number; applications: number; awards: SyntheticAward[]; surgeDrafts: number };

/** The session token of the n-th surge applicant (0-based): known to the surge benchmark, never random. */
export function surgeSessionToken(seed: number, n: number): string {
  return createHash('sha256').update(`ortaq-synthetic-surge:${seed}:${n}`).digest('base64url');
}

const content = (rand: Random, theme: (typeof THEMES)[number], amount: number, year: number): ApplicationContent => {
  const admin = Math.round(amount * rand.int(3, 9) / 100);
  return {
    summary: { title: theme.kk, summary: `${theme.kk}: жоба ${rand.int(3, 12)} ай бойы ауыл және қала тұрғындарымен бірге жүзеге асырылады.` },
    goals: { goal: `${theme.kk} арқылы тұрғындардың белсенділігін арттыру`, tasks: 'Іс-шараларды өткізу; ақпараттық жұмыс; нәтижелерді бағалау' },
    plan: [
      { activity: 'Дайындық кезеңі', from: `${year}-03-01`, to: `${year}-03-31` },
      { activity: 'Негізгі іс-шаралар', from: `${year}-04-01`, to: `${year}-10-31` },
      { activity: 'Қорытынды есеп', from: `${year}-11-01`, to: `${year}-11-30` },
    ],
    indicators: theme.indicators.map((i) => ({ name: i.name.kk, unit: i.unit.kk, target: i.target })),
    beneficiaries: { description: 'Өңір тұрғындары, жастар мен отбасылар', count: rand.int(50, 2000) },
    budget: [
      { item: 'Іс-шараларды өткізу', kind: 'direct', amountTiyn: Math.round((amount - admin) * 0.7) },
      { item: 'Ақпараттық материалдар', kind: 'direct', amountTiyn: amount - admin - Math.round((amount - admin) * 0.7) },
      { item: 'Әкімшілік шығыстар', kind: 'administrative', amountTiyn: admin },
    ],
    team: [{ name: 'Жоба жетекшісі', role: 'Жетекші' }, { name: 'Бухгалтер', role: 'Қаржы' }],
  };
};

const COMPETITION_COLUMNS = [
  'id', 'number', 'instrument', 'organiser_id', 'rule_version_id', 'year', 'region_code', 'title_kk', 'title_ru', 'description_kk', 'description_ru', 'stage',
  'announced_at', 'deadline_at', 'admission_until', 'evaluation_until', 'results_due_at', 'evaluation_started_at', 'published_at', 'created_by', 'created_at', 'updated_at',
] as const;
const LOT_COLUMNS = ['id', 'competition_id', 'number', 'title_kk', 'title_ru', 'area', 'region_code', 'budget_tiyn', 'duration_type', 'indicators', 'outcome', 'failure_reason', 'winner_application_id', 'award_tiyn'] as const;
const APPLICATION_COLUMNS = [
  'id', 'lot_id', 'organisation_id', 'created_by', 'status', 'language', 'content', 'requested_tiyn', 'receipt_number', 'content_sha256', 'submitted_at', 'submitted_by',
  'decided_by', 'decided_at', 'score', 'rank', 'created_at', 'updated_at',
] as const;

/**
 * Writes `count` competitions from 2016 to this year (`openCount` of them accepting applications
 * now, a few in evaluation, the rest published with results), then `surgeApplicants` complete
 * drafts on the open lots, each by a different NGO whose admin gets a session of surgeSessionToken.
 */
export async function seedSyntheticCompetitions(
  database: Database,
  rand: Random,
  register: SyntheticRegister,
  options: { count: number; openCount: number; surgeApplicants: number; seed: number; now: Date },
): Promise<SyntheticCompetitions> {
  const now = options.now.getTime();
  const thisYear = options.now.getUTCFullYear();
  const active = register.ngos.filter((o) => o.active && o.adminUserId);
  const activeByRegion = new Map(REGIONS.map((r) => [r.code, active.filter((o) => o.regionCode === r.code)]));
  const regional = new Map(register.stateBodies.filter((b) => b.regionCode).map((b) => [b.regionCode!, b]));
  const [operator, ministry] = register.stateBodies.filter((b) => !b.regionCode);
  const serials = new Map<string, number>();

  const competitionRows: CopyValue[][] = [];
  const lotRows: CopyValue[][] = [];
  const applicationRows: CopyValue[][] = [];
  const awards: SyntheticAward[] = [];
  const openLots: { id: string; regionCode: string; budgetTiyn: number; theme: (typeof THEMES)[number] }[] = [];

  for (let c = 0; c < options.count; c++) {
    const open = c < options.openCount;
    const evaluation = !open && c < options.openCount * 1.3;
    const instrument = rand.weighted(INSTRUMENTS);
    const year = open || evaluation ? thisYear : rand.int(2016, thisYear - 1);
    const region = rand.pick(REGIONS).code;
    const body = instrument === 'social-order' ? regional.get(region)! : instrument === 'grant' ? operator! : ministry!;
    const national = instrument !== 'social-order';
    const key = `${year}-${LETTER[instrument]}`;
    const serial = (serials.get(key) ?? 0) + 1;
    serials.set(key, serial);
    const number = `${key}-${String(serial).padStart(4, '0')}`;
    const announced = open ? now - rand.int(5, 20) * DAY : evaluation ? now - rand.int(50, 70) * DAY : Date.UTC(year, rand.int(0, 6), rand.int(1, 28), 4);
    const deadline = open ? now + rand.int(10, 30) * DAY : announced + 30 * DAY;
    const dates = [announced, deadline, deadline + 10 * DAY, deadline + 25 * DAY, deadline + 30 * DAY].map((t) => new Date(t));
    const stage = open ? 'announced' : evaluation ? 'evaluation' : 'published';
    const id = rand.uuid();
    const ruleVersion = instrument === 'grant' ? (year >= 2022 ? 'grant-2022' : 'grant-2016') : instrument === 'prize' ? 'prize-2016' : 'social-order-2016';
    const titles =
      instrument === 'social-order'
        ? [`${year} жылғы мемлекеттік әлеуметтік тапсырыс: ${REGIONS.find((r) => r.code === region)!.name.kk}`, `Государственный социальный заказ ${year} года: ${REGIONS.find((r) => r.code === region)!.name.ru}`]
        : instrument === 'grant'
          ? [`${year} жылғы мемлекеттік гранттар конкурсы №${serial}`, `Конкурс государственных грантов ${year} года №${serial}`]
          : [`${year} жылғы ҮЕҰ сыйлықтары №${serial}`, `Премии для НПО ${year} года №${serial}`];
    competitionRows.push([
      id, number, instrument, body.id, ruleVersion, year, national ? null : region, titles[0]!, titles[1]!,
      'Конкурс үкіметтік емес ұйымдар арасында өткізіледі.', 'Конкурс проводится среди неправительственных организаций.', stage,
      ...dates, stage === 'announced' ? null : dates[3]!, stage === 'published' ? dates[4]! : null, body.organiserUserId, dates[0]!, dates[0]!,
    ]);

    const lotCount = instrument === 'prize' ? 1 : rand.weighted(LOTS_PER_COMPETITION);
    for (let n = 1; n <= lotCount; n++) {
      const theme = rand.pick(THEMES);
      const durationType = instrument === 'prize' ? 'short' : rand.weighted(DURATIONS);
      const [lo, hi] = MCI_RANGE[durationType];
      const budgetTiyn = Math.round((rand.int(lo, hi) * mciOf(year)) / 100_000_00) * 100_000_00 || 100_000_00;
      const lotRegion = national && rand.chance(0.3) ? 'KZ' : national ? rand.pick(REGIONS).code : region;
      const lotId = rand.uuid();
      const lotLine = (outcome: 'awarded' | 'failed' | null, reason: FailureReason | null, winner: string | null, award: number | null): CopyValue[] => [
        lotId, id, n, theme.kk, theme.ru, theme.area, lotRegion, budgetTiyn, durationType, { json: theme.indicators }, outcome, reason, winner, award,
      ];
      if (open) {
        openLots.push({ id: lotId, regionCode: lotRegion, budgetTiyn, theme });
        lotRows.push(lotLine(null, null, null, null));
        continue;
      }
      const draw = rand.next();
      const applicants = draw < 0.05 ? 0 : draw < 0.12 ? 1 : rand.int(2, 4);
      const pool = lotRegion === 'KZ' ? active : activeByRegion.get(lotRegion)!;
      const chosen = new Set<(typeof active)[number]>();
      for (let tries = 0; chosen.size < Math.min(applicants, pool.length) && tries < 20; tries++) chosen.add(rand.pick(pool));
      const scored = [...chosen].map((org) => ({ org, score: rand.int(35, 98) + rand.int(0, 9) / 10, amount: Math.round(budgetTiyn * rand.int(80, 100) / 100) })).sort((a, b) => b.score - a.score);
      const lowScores = scored.length >= 2 && rand.chance(0.03);
      const reason: FailureReason | null = scored.length === 0 ? 'no-applications' : scored.length === 1 ? 'one-application' : lowScores ? 'low-scores' : null;
      const published = stage === 'published';
      let winner: { id: string; amount: number } | null = null;
      scored.forEach((s, i) => {
        const appId = rand.uuid();
        const submitted = new Date(deadline - rand.int(1, 20 * 24) * 3600_000);
        const body_ = content(rand, theme, s.amount, year);
        const admitted = rand.chance(0.92) || i === 0;
        const score = published && admitted && !reason ? (lowScores ? s.score / 3 : s.score) : null;
        applicationRows.push([
          appId, lotId, s.org.id, s.org.adminUserId, admitted ? 'admitted' : 'refused', rand.chance(0.7) ? 'kk' : 'ru', { json: body_ }, s.amount,
          `${number}-${String(n).padStart(2, '0')}-${String(i + 1).padStart(3, '0')}`, createHash('sha256').update(appId).digest('hex'), submitted, s.org.adminUserId,
          body.organiserUserId, dates[2]!, score, score === null ? null : i + 1, submitted, submitted,
        ]);
        if (i === 0 && published && !reason) {
          winner = { id: appId, amount: s.amount };
          awards.push({
            applicationId: appId, organisationId: s.org.id, adminUserId: s.org.adminUserId!, organiserUserId: body.organiserUserId, competitionId: id, competitionNumber: number,
            lotId, lotNumber: n, regionCode: lotRegion === 'KZ' ? s.org.regionCode : lotRegion, area: theme.area, titleKk: theme.kk, titleRu: theme.ru, durationType,
            awardTiyn: s.amount, indicators: theme.indicators, budget: body_.budget, resultsDueAt: dates[4]!,
          });
        }
      });
      const w = winner as { id: string; amount: number } | null;
      lotRows.push(published ? lotLine(reason ? 'failed' : 'awarded', reason, w?.id ?? null, w?.amount ?? null) : lotLine(null, null, null, null));
    }
  }

  // The deadline surge: distinct NGOs, each with one complete draft on an open lot of its region (or a national one).
  const surgeRows: CopyValue[][] = [];
  const sessionRows: CopyValue[][] = [];
  const surgeRand = rand.fork('surge');
  const nationalOpen = openLots.filter((l) => l.regionCode === 'KZ');
  const candidates = [...active].sort((a, b) => (a.id < b.id ? -1 : 1)).slice(0, options.surgeApplicants);
  candidates.forEach((org, n) => {
    const regionalOpen = openLots.filter((l) => l.regionCode === org.regionCode);
    const lot = surgeRand.pick(regionalOpen.length && surgeRand.chance(0.7) ? regionalOpen : nationalOpen.length ? nationalOpen : openLots);
    const amount = Math.round(lot.budgetTiyn * 0.9);
    const created = new Date(now - surgeRand.int(1, 5) * DAY);
    surgeRows.push([
      surgeRand.uuid(), lot.id, org.id, org.adminUserId, 'draft', 'kk', { json: content(surgeRand, lot.theme, amount, thisYear) }, amount,
      null, null, null, null, null, null, null, null, created, created,
    ]);
    sessionRows.push([tokenId(surgeSessionToken(options.seed, n)), org.adminUserId, new Date(now + 13 * DAY)]);
  });

  await copyRows(database, 'competitions', COMPETITION_COLUMNS, competitionRows);
  await copyRows(database, 'lots', LOT_COLUMNS, lotRows);
  await copyRows(database, 'applications', APPLICATION_COLUMNS, [...applicationRows, ...surgeRows]);
  await copyRows(database, 'sessions', ['id', 'user_id', 'expires_at'], sessionRows);
  return { competitions: competitionRows.length, lots: lotRows.length, applications: applicationRows.length, awards, surgeDrafts: surgeRows.length };
}
