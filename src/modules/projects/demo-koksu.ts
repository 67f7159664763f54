import { and, asc, eq, inArray } from 'drizzle-orm';
import type { Executor } from '../../core/db/client.ts';
import { applications, competitions, lots } from '../competitions/index.ts';
import { organisations } from '../organisations/index.ts';
import { almaty, shiftDay } from './demo-support.ts';
import { splitTarget } from './confirm-agreement.ts';
import { budgetByYear, type DemoIndicator, type ProjectSpec, periodsEnding, tranchesOf } from './demo-writer.ts';
import { agreements, type projectFeedback } from './schema.ts';

/*
 * Seed 002 (shared/SEED_FACTS.md): Koksu district's state social order of 2019, three lots, the
 * contracts signed. «Көксу Жастары» held 3 round tables and 2 meetings and published 3 articles in
 * the district newspaper, with posts in social networks; «Үш ұрпақ» (project no. 6, «Ел мақтанышы
 * – Мемлекеттік Рәміздер») held a drawing contest among pupils, 1 information event, 2 round
 * tables, 1 concert and 3 meetings and printed 1,000 brochures. On 23 November the district's party
 * control commission met the NGOs; «Нахичивань»'s head proposed engaging young people in crafts.
 * Each project: two periods in 2019, paid half on each accepted report, completed.
 */

export const KOKSU_WINNERS = {
  zhastary: '«Көксу Жастары» қоғамдық бірлестігі',
  ushUrpaq: '«Үш ұрпақ» қоғамдық бірлестігі',
  nakhichivan: '«Нахичивань» этномәдени орталығы қоғамдық бірлестігі',
} as const;
type Winner = keyof typeof KOKSU_WINNERS;

/** What seed 002 says each project did, per period: [targets, actuals] by indicator name as the application names it. */
const FACTS: Record<Winner, { unit: string; name: string; targets: [number, number]; actuals: [number, number] }[]> = {
  zhastary: [
    { name: 'Дөңгелек үстел', unit: 'дана', targets: [1, 2], actuals: [1, 2] },
    { name: 'Кездесу', unit: 'дана', targets: [1, 1], actuals: [1, 1] },
    { name: 'Аудандық газеттегі мақала', unit: 'дана', targets: [1, 2], actuals: [1, 2] },
    { name: 'Әлеуметтік желілердегі жарияланым', unit: 'дана', targets: [8, 12], actuals: [9, 14] },
  ],
  ushUrpaq: [
    { name: 'Оқушылар арасындағы сурет байқауы', unit: 'дана', targets: [1, 0], actuals: [1, 0] },
    { name: 'Ақпараттық іс-шара', unit: 'дана', targets: [1, 0], actuals: [1, 0] },
    { name: 'Дөңгелек үстел', unit: 'дана', targets: [0, 2], actuals: [0, 2] },
    { name: 'Кітапша', unit: 'дана', targets: [1000, 0], actuals: [1000, 0] },
    { name: 'Концерт', unit: 'дана', targets: [0, 1], actuals: [0, 1] },
    { name: 'Кездесу', unit: 'дана', targets: [0, 3], actuals: [0, 3] },
  ],
  nakhichivan: [
    { name: 'Мерекелік іс-шара', unit: 'дана', targets: [4, 0], actuals: [4, 0] },
    { name: 'Көрме', unit: 'дана', targets: [1, 0], actuals: [1, 0] },
    { name: 'Дөңгелек үстел', unit: 'дана', targets: [1, 1], actuals: [1, 1] },
    { name: 'Қатысушылар', unit: 'адам', targets: [1300, 200], actuals: [1350, 180] },
  ],
};

const NARRATIVES: Record<Winner, [string, string]> = {
  zhastary: [
    '1-кезең (2019 жылғы 1 наурыз – 30 маусым). Аудандық Жастар орталығымен бірлесіп Балпық би ауылында «Ауыл жастарының жұмыспен қамтылуы» дөңгелек үстелі өтті (14 мамыр, 42 қатысушы). 20 маусымда жастардың аудан әкімдігі өкілдерімен кездесуі ұйымдастырылды. Аудандық газетте жоба туралы алғашқы мақала жарияланды (мамыр), әлеуметтік желілерде 9 жарияланым шықты.',
    '2-кезең (2019 жылғы 1 шілде – 29 қараша). «Жастардың бос уақыты және спорт» (11 шілде) және «Жастар және ауыл дамуы» (18 қыркүйек) дөңгелек үстелдері өтті; 24 қазанда жастардың аудандық мәслихат депутаттарымен кездесуі болды. Аудандық газетте тағы 2 мақала жарияланды (тамыз, қараша), әлеуметтік желілерде 14 жарияланым. Жоба бойынша барлығы: 3 дөңгелек үстел, 2 кездесу, аудандық газетте 3 мақала. 23 қарашада жоба нәтижелері партияның аудандық бақылау комиссиясының ҮЕҰ-мен кездесуінде таныстырылды.',
  ],
  ushUrpaq: [
    '1-кезең (2019 жылғы 1 наурыз – 30 маусым). Ауданның мектеп оқушылары арасында «Менің Туым» сурет байқауы өтті (наурыз–мамыр, 64 жұмыс, 12 жүлдегер). 4 маусымда Мемлекеттік рәміздер күніне арналған ақпараттық іс-шара өткізілді. «Ел мақтанышы – Мемлекеттік Рәміздер» кітапшасы 1 000 данамен басылып, ауданның мектептері мен кітапханаларына таратылды.',
    '2-кезең (2019 жылғы 1 шілде – 29 қараша). Ардагерлермен 3 кездесу (шілде, тамыз, қыркүйек) және 2 дөңгелек үстел (тамыз, қазан) өтті; 15 қарашада қорытынды концерт болды. Жоба толық аяқталды: сурет байқауы — 1, ақпараттық іс-шара — 1, дөңгелек үстел — 2, кітапша — 1 000 дана, концерт — 1, кездесу — 3.',
  ],
  nakhichivan: [
    '1-кезең (2019 жылғы 1 наурыз – 30 маусым). Алғыс айту күні (1 наурыз), Масленица (10 наурыз) және Наурыз (21–22 наурыз) мерекелері өтті; 1 мамырда Батыржан Оңғаров атындағы орталық стадионда «Қазақстан – ортақ шаңырағым» мерекесі мен этномәдени көрме ұйымдастырылды. 26 маусымда этномәдени бірлестіктер мен жастардың дөңгелек үстелі болды. Қатысушылар — 1 350 адам.',
    '2-кезең (2019 жылғы 1 шілде – 29 қараша). 25 қыркүйекте «Тілдер мен дәстүрлер» дөңгелек үстелі өтті. 23 қарашада партияның аудандық бақылау комиссиясының ҮЕҰ-мен кездесуінде орталық жетекшісі Фахридин Джабрайлов жастарды Жастар орталығымен бірлесіп қолөнер мен техникалық шығармашылыққа тарту туралы ұсыныс жасады; ұсыныс қолдау тапты.',
  ],
};

const PERIODS = periodsEnding('2019-03-01', '2019-11-29', ['2019-06-30'], 6);
const HAND_IN: Record<Winner, [string, string]> = {
  zhastary: ['2019-07-03', '2019-12-02'],
  ushUrpaq: ['2019-07-04', '2019-12-03'],
  nakhichivan: ['2019-07-02', '2019-12-04'],
};

/** The Koksu competition of 2019 and its three winners, or null when the competitions demo has not written it. */
export async function koksuWinners(db: Executor) {
  const [competition] = await db
    .select({ id: competitions.id, number: competitions.number, organiser: competitions.createdBy })
    .from(competitions)
    .where(and(eq(competitions.instrument, 'social-order'), eq(competitions.year, 2019), eq(competitions.regionCode, 'KZ-33'), eq(competitions.stage, 'published')))
    .orderBy(asc(competitions.number))
    .limit(1);
  if (!competition) return null;
  const won = await db
    .select({ lot: lots, application: applications, nameKk: organisations.nameKk })
    .from(lots)
    .innerJoin(applications, eq(applications.id, lots.winnerApplicationId))
    .innerJoin(organisations, eq(organisations.id, applications.organisationId))
    .where(and(eq(lots.competitionId, competition.id), eq(lots.outcome, 'awarded')))
    .orderBy(asc(lots.number));
  return { competition, won };
}

/**
 * The Koksu projects, or null when there is nothing to do (no Koksu competition, or its projects
 * exist). `staff` is a member account that hands in «Көксу Жастары»'s reports, if it is theirs.
 */
export async function koksuProjects(db: Executor, staff: { userId: string; organisationId: string } | null) {
  const found = await koksuWinners(db);
  if (!found) return null;
  // «Нахичивань»'s agreement is left to be made: a demo user (ngo-koksu@ortaq.kz, its admin) and the
  // browser tests confirm it with the organiser.
  found.won = found.won.filter((w) => w.nameKk !== KOKSU_WINNERS.nakhichivan);
  if (found.won.length === 0) return null;
  const existing = await db.select({ id: agreements.id }).from(agreements).where(inArray(agreements.applicationId, found.won.map((w) => w.application.id)));
  if (existing.length) return null;
  const organiser = found.competition.organiser;
  const keys: Partial<Record<Winner, string>> = {};
  const specs = found.won.flatMap(({ lot, application, nameKk }): ProjectSpec[] => {
    const who = (Object.keys(KOKSU_WINNERS) as Winner[]).find((k) => KOKSU_WINNERS[k] === nameKk);
    const content = application.content;
    const facts = who ? FACTS[who] : [];
    // The application's indicators, with seed 002's figures per period; any the seed names that the application lacks are added.
    const fromApplication: { indicator: DemoIndicator; actuals: number[] }[] = content.indicators.map((ind) => {
      const fact = facts.find((f) => f.name === ind.name);
      return fact
        ? { indicator: { name: ind.name, unit: ind.unit, targets: [...fact.targets] }, actuals: [...fact.actuals] }
        : { indicator: { name: ind.name, unit: ind.unit, targets: splitTarget(ind.target, 2) }, actuals: splitTarget(ind.target, 2) };
    });
    for (const f of facts) {
      if (!content.indicators.some((i) => i.name === f.name)) fromApplication.push({ indicator: { name: f.name, unit: f.unit, targets: [...f.targets] }, actuals: [...f.actuals] });
    }
    const amount = lot.awardTiyn!;
    const key = `koksu-2019/${lot.number}`;
    if (who) keys[who] = key;
    const hand: [string, string] = who ? HAND_IN[who] : ['2019-07-03', '2019-12-03'];
    const spec: ProjectSpec = {
      key,
      lang: application.language,
      applicationId: application.id,
      organisationId: application.organisationId,
      competitionId: found.competition.id,
      lotId: lot.id,
      regionCode: lot.regionCode,
      area: lot.area,
      titleKk: application.language === 'kk' ? content.summary.title : lot.titleKk,
      titleRu: application.language === 'ru' ? content.summary.title : lot.titleRu,
      summary: content.summary.summary,
      agreement: {
        number: `${found.competition.number}/${String(lot.number).padStart(2, '0')}`,
        signedOn: '2019-03-01',
        amountTiyn: amount,
        startsOn: '2019-03-01',
        endsOn: '2019-11-29',
        madeAt: almaty('2019-02-28', '17:40'),
        organiserConfirmedAt: almaty('2019-03-01', '10:30'),
        organisationConfirmedAt: almaty('2019-03-01', `${14 + lot.number}:15`),
      },
      organiser,
      signatory: null,
      reporter: staff && staff.organisationId === application.organisationId ? staff.userId : null,
      periods: PERIODS,
      indicators: fromApplication.map((x) => x.indicator),
      budget: budgetByYear(content.budget, '2019-03-01', '2019-11-29'),
      tranches: tranchesOf(amount, [
        [1, 50],
        [2, 50],
      ]),
      reach: content.beneficiaries.count ?? 300,
      life: {
        actuals: [fromApplication.map((x) => x.actuals[0]!), fromApplication.map((x) => x.actuals[1]!)],
        handIn: { 1: hand[0], 2: hand[1] },
        decideAfter: { 1: 4, 2: 3 },
        // The district's final report from «Көксу Жастары» went back once for its newspaper clippings.
        returned: who === 'zhastary' ? [2] : [],
        narratives: who ? { 1: NARRATIVES[who][0], 2: NARRATIVES[who][1] } : undefined,
        closeAfter: 4,
      },
      visits:
        who === 'zhastary'
          ? [
              { on: '2019-05-14', risk: 'none', notes: '«Ауыл жастарының жұмыспен қамтылуы» дөңгелек үстеліне қатыстым (Балпық би ауылы): 42 қатысушы, тізім жүргізілді, аудан әкімдігінің өкілдері сұрақтарға жауап берді.' },
              {
                on: '2019-11-23',
                risk: 'none',
                notes:
                  '«Nur Otan» партиясы аудандық филиалының бақылау комиссиясының ҮЕҰ-мен кездесуі (төраға — Мәлік Бейсенов, бірінші орынбасар; Мадина Кубиева — партиялық бақылау комиссиясының төрағасы; Қуаныш Дүйсембаев — аудандық Жастар орталығының басшысы). Жобаның барысы баяндалды: 3 дөңгелек үстел, 2 кездесу, аудандық газетте 3 мақала, әлеуметтік желілерде жарияланымдар.',
              },
            ]
          : who === 'ushUrpaq'
            ? [{ on: '2019-11-15', risk: 'none', notes: 'Қорытынды концертке қатыстым: мектеп оқушылары, ата-аналар мен ардагерлер — шамамен 300 адам; «Менің Туым» байқауының жүлдегерлері марапатталды.' }]
            : [{ on: '2019-05-01', risk: 'none', notes: 'Батыржан Оңғаров атындағы орталық стадиондағы «Қазақстан – ортақ шаңырағым» мерекесі мен этномәдени көрмеге қатыстым; бағдарлама толық орындалды.' }],
      evaluation: { scaleMax: 5, quality: 0.95, afterDays: 8 },
    };
    return [spec];
  });
  return { competitionId: found.competition.id, organiser, specs, keys };
}

/** Citizens' comments on the Koksu projects: two published in 2019, one waiting for the organiser now. */
export function koksuFeedback(projectIds: { zhastary?: string; ushUrpaq?: string }, organiser: string | null, today: string): (typeof projectFeedback.$inferInsert)[] {
  const rows: (typeof projectFeedback.$inferInsert)[] = [];
  if (projectIds.zhastary) {
    rows.push({
      projectId: projectIds.zhastary,
      authorName: 'Айдана Т., Балпық би',
      body: 'Жұмыспен қамту туралы дөңгелек үстелге қатыстым. Аудан әкімдігінің өкілдеріне сұрақтарымызды тікелей қоя алдық, екі жігітке жұмыс ұсынылды. Рахмет!',
      status: 'published',
      moderatedBy: organiser,
      moderatedAt: almaty('2019-05-17', '11:20'),
      createdAt: almaty('2019-05-15', '21:04'),
    });
    rows.push({
      projectId: projectIds.zhastary,
      authorName: 'Ғалым Н.',
      body: 'Жоба аяқталған соң да жастар мен әкімдіктің кездесулері жалғасса екен. Биыл да осындай дөңгелек үстелдер өткізіле ме? Ауыл жастары қатысқысы келеді.',
      status: 'pending',
      createdAt: almaty(shiftDay(today, -2), '19:45'),
    });
  }
  if (projectIds.ushUrpaq) {
    rows.push({
      projectId: projectIds.ushUrpaq,
      authorName: 'Сәуле Қ., ата-ана',
      body: 'Қызымның суреті «Менің Туым» байқауында жүлделі орын алды. Ардагерлермен кездесу балаларға қатты әсер етті, кітапшаны үйде бірге оқыдық.',
      status: 'published',
      moderatedBy: organiser,
      moderatedAt: almaty('2019-11-19', '10:05'),
      createdAt: almaty('2019-11-16', '20:30'),
    });
  }
  return rows;
}
