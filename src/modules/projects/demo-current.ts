import { type Applicant, askFor, type DataApplication, type DataCompetition, languageOf, type Place, submittedBetween, topicLot, type WrittenLot, writeContent } from './demo-competitions.ts';
import { afternoonTime, almaty, mix, shiftDay, tiyn, unit } from './demo-support.ts';
import { type Topic, TOPICS } from './demo-topics.ts';
import { splitTarget } from './confirm-agreement.ts';
import { budgetByYear, type DemoPeriod, type LifeOptions, type ProjectSpec, type Risk, tranchesOf } from './demo-writer.ts';

/*
 * This year's small grants of the operator, dated from the seeding day, so the demo always has
 * projects running now: the Aktobe association's (ngo-admin@) first report is due within the
 * reminder window and only drafted; «Көксу Жастары»'s (ngo-staff@) waits for the organiser; a
 * Kostanay report was returned; one in Astana was accepted and paid; one in Mangystau is late; one
 * in Shymkent has its period still running. Seed 000 (the association's NGO database work), seed
 * 002 (Koksu's young people), seed 004 (public control in Kostanay villages).
 */

export const CURRENT_TITLE_RU = (year: number) => `Конкурс малых грантов — ${year}`;

const NGO_DATABASE: Topic = {
  key: 'ngo-database',
  kk: 'ҮЕҰ-ға ұлттық дерекқорға мәліметтер беру бойынша кеңес беру және азаматтарды қабылдау',
  ru: 'Консультирование НПО по представлению сведений в национальную базу данных и приём граждан',
  area: 'education-science-sport',
  indicators: [
    ['ҮЕҰ-ға кеңестер', 'Консультации НПО', 'piece', 300],
    ['Азаматтарды қабылдау', 'Приём граждан', 'piece', 12],
    ['Қазақ және орыс тілдеріндегі жинақтар', 'Сборники на казахском и русском языках', 'copy', 500],
  ],
  who: { kk: 'облыстың ҮЕҰ-лары, бастамашыл топтар мен тұрғындар', ru: 'НПО области, инициативные группы и жители' },
  goal: { kk: 'Облыстың ҮЕҰ-ларына ұлттық дерекқорға мәліметтерді уақытылы және дұрыс беруге көмектесу.', ru: 'Помочь НПО области своевременно и правильно представлять сведения в национальную базу данных.' },
  names: ['ҮЕҰ дерекқоры: бір терезе'],
  items: [5, 2, 0],
  reach: 400,
};

const topic = (key: string) => TOPICS.find((t) => t.key === key)!;

/** Each lot: where, what, and how its first period stands in days from today. */
const PLAN: {
  place: Place;
  topic: Topic;
  budget: number;
  winner: 'association' | 'zhastary' | 'region';
  /** Days from today: the first period's end, its report's due date. */
  p1End: number;
  p1Due: number;
  life: (today: string) => LifeOptions;
  visits?: (today: string) => { on: string; risk: Risk }[];
}[] = [
  {
    place: { regionCode: 'KZ-15', kk: 'Ақтөбе облысында', ru: 'в Актюбинской области' },
    topic: NGO_DATABASE,
    budget: 6_200_000,
    winner: 'association',
    p1End: -1,
    p1Due: 5,
    life: () => ({ draft: 1 }),
  },
  {
    place: { regionCode: 'KZ-33', kk: 'Жетісу облысының Көксу ауданында', ru: 'в Коксуском районе области Жетісу' },
    topic: topic('media-literacy'),
    budget: 4_300_000,
    winner: 'zhastary',
    p1End: -6,
    p1Due: 3,
    life: (today) => ({ pending: 1, handIn: { 1: shiftDay(today, -3) } }),
  },
  {
    place: { regionCode: 'KZ-39', kk: 'Қостанай облысының ауылдарында', ru: 'в сёлах Костанайской области' },
    topic: topic('public-control'),
    budget: 5_100_000,
    winner: 'region',
    p1End: -9,
    p1Due: 2,
    life: (today) => ({ returnedNow: 1, handIn: { 1: shiftDay(today, -6) }, decideAfter: { 1: 4 } }),
  },
  {
    place: { regionCode: 'KZ-71', kk: 'Астана қаласында', ru: 'в городе Астане' },
    topic: topic('anti-corruption'),
    budget: 7_400_000,
    winner: 'region',
    p1End: -40,
    p1Due: -30,
    life: () => ({}),
  },
  {
    place: { regionCode: 'KZ-47', kk: 'Маңғыстау облысында', ru: 'в Мангистауской области' },
    topic: topic('waste-sorting'),
    budget: 5_800_000,
    winner: 'region',
    p1End: -16,
    p1Due: -6,
    life: () => ({ missing: 1 }),
    visits: (today) => [{ on: shiftDay(today, -3), risk: 'medium' }],
  },
  {
    place: { regionCode: 'KZ-79', kk: 'Шымкент қаласында', ru: 'в городе Шымкенте' },
    topic: topic('accessibility'),
    budget: 3_900_000,
    winner: 'region',
    p1End: 2,
    p1Due: 12,
    life: () => ({}),
    visits: (today) => [{ on: shiftDay(today, -30), risk: 'none' }],
  },
];

const START = -135;
const END = START + 300;

export type CurrentPools = { association: Applicant | null; associationAdmin: string | null; zhastary: Applicant | null; zhastaryMember: string | null; byRegion: Map<string, Applicant[]> };

/** Budgets are small grants (within 500–3,000 MCI for any MCI between 3,000 and 5,000 tenge), so no MCI needs reading. */
export function currentCompetition(operatorId: string, organiserId: string | null, year: number, today: string, pools: CurrentPools): DataCompetition {
  const day = (n: number) => shiftDay(today, n);
  const lots = PLAN.map((p, i) => {
    const key = `current-${year}:${i + 1}`;
    const base = topicLot(p.topic, p.place, p.budget);
    const region = (pools.byRegion.get(p.place.regionCode) ?? []).filter((o) => o.id !== pools.association?.id && o.id !== pools.zhastary?.id);
    const first = p.winner === 'association' ? pools.association : p.winner === 'zhastary' ? pools.zhastary : region[0];
    const others = region.filter((o) => o.id !== first?.id).slice(0, 1 + (mix('rivals', key) % 2));
    const applicants = [first, ...others].filter((o): o is Applicant => o !== undefined && o !== null);
    const applications: DataApplication[] = applicants.map((org, k) => {
      const lang = k === 0 && p.winner !== 'region' ? 'kk' : languageOf(org);
      const createdBy = k === 0 ? (p.winner === 'association' ? pools.associationAdmin : p.winner === 'zhastary' ? pools.zhastaryMember : null) : null;
      return {
        org,
        lang,
        content: writeContent({ lang, topic: p.topic, lot: base, org, requestedTenge: askFor(p.budget, key, k), from: day(START), to: day(END) }),
        submittedAt: submittedBetween(day(-195), 24, key, k),
        quality: k === 0 ? 0.85 + 0.08 * unit('q', key) : 0.5 + 0.25 * unit('q', key, k),
        createdBy,
      };
    });
    return { titleKk: base.titleKk, titleRu: base.titleRu, area: base.area, regionCode: base.regionCode, budgetTiyn: tiyn(p.budget), durationType: 'short' as const, indicators: base.indicators, applications };
  });
  return {
    key: `current-${year}`,
    organiserId: operatorId,
    actorId: organiserId,
    instrument: 'grant',
    ruleVersionId: 'grant-2022',
    maxScore: 70,
    passPercent: 50,
    year,
    regionCode: null,
    titleKk: `Шағын гранттар конкурсы — ${year}`,
    titleRu: CURRENT_TITLE_RU(year),
    titleEn: `Small grants, ${year}`,
    descriptionKk: 'Он айға дейінгі шағын жобаларға арналған гранттар: ҮЕҰ дерекқоры, ауыл жастарының медиасауаттылығы, ауылдардағы қоғамдық бақылау, сыбайлас жемқорлыққа қарсы мәдениет, қалдықтарды бөлек жинау, қолжетімді орта.',
    descriptionRu: 'Гранты на малые проекты до десяти месяцев: база данных НПО, медиаграмотность сельской молодёжи, общественный контроль в сёлах, антикоррупционная культура, раздельный сбор отходов, доступная среда.',
    announcedAt: almaty(day(-200), '10:00'),
    deadlineAt: almaty(day(-170), '18:00'),
    admissionUntil: almaty(day(-163), '18:00'),
    evaluationUntil: almaty(day(-150), '18:00'),
    resultsDueAt: almaty(day(-147), '18:00'),
    decidedAt: almaty(day(-164), '11:00'),
    evaluationStartedAt: almaty(day(-160), '10:00'),
    publishedAt: almaty(day(-150), '16:00'),
    lots,
  };
}

export function currentProjects(o: { competitionId: string; number: string; written: WrittenLot[]; organiser: string | null; today: string; year: number; pools: CurrentPools }): ProjectSpec[] {
  const day = (n: number) => shiftDay(o.today, n);
  return o.written
    .filter((w) => w.winner)
    .map((w) => {
      const p = PLAN[w.number - 1]!;
      const a = w.winner!.application;
      const key = `current-${o.year}/${w.number}`;
      const startsOn = day(START);
      const endsOn = day(END);
      const periods: DemoPeriod[] = [
        { startsOn, endsOn: day(p.p1End), reportDueOn: day(p.p1Due) },
        { startsOn: day(p.p1End + 1), endsOn, reportDueOn: day(END + 10) },
      ];
      const signedOn = day(START - 6 + (mix(key, 'signed') % 3));
      const amount = w.winner!.awardTiyn;
      const own = a.org.id === o.pools.association?.id ? o.pools.associationAdmin : a.org.id === o.pools.zhastary?.id ? o.pools.zhastaryMember : null;
      const admin = a.org.id === o.pools.association?.id ? o.pools.associationAdmin : null;
      return {
        key,
        lang: a.lang,
        applicationId: w.winner!.applicationId,
        organisationId: a.org.id,
        competitionId: o.competitionId,
        lotId: w.lotId,
        regionCode: w.lot.regionCode,
        area: w.lot.area,
        titleKk: a.lang === 'kk' ? a.content.summary.title : w.lot.titleKk,
        titleRu: a.lang === 'ru' ? a.content.summary.title : w.lot.titleRu,
        summary: a.content.summary.summary,
        agreement: {
          number: `${o.number}/${String(w.number).padStart(2, '0')}`,
          signedOn,
          amountTiyn: amount,
          startsOn,
          endsOn,
          madeAt: almaty(day(START - 9), '16:00'),
          organiserConfirmedAt: almaty(signedOn, '10:30'),
          organisationConfirmedAt: almaty(signedOn, afternoonTime(key, 'signed')),
        },
        organiser: o.organiser,
        signatory: admin,
        reporter: own,
        periods,
        indicators: a.content.indicators.map((i) => ({ name: i.name, unit: i.unit, targets: splitTarget(i.target, periods.length) })),
        budget: budgetByYear(a.content.budget, startsOn, endsOn),
        tranches: tranchesOf(amount, [
          [null, 40],
          [1, 30],
          [2, 30],
        ]),
        reach: a.content.beneficiaries.count ?? 200,
        life: p.life(o.today),
        visits: p.visits?.(o.today) ?? [],
      } satisfies ProjectSpec;
    });
}
