import type { LotInput } from './announce-competition.ts';
import {
  almaty,
  budgetLines,
  type DemoApplicant,
  type DemoApplication,
  type DemoCompetition,
  type DemoLot,
  IND,
  mix,
  role,
  shiftDay,
  tiyn,
  unit,
  writeApplication,
} from './demo-support.ts';
import { type ApplicationContent, type LotIndicator, NATIONAL_REGION } from './schema.ts';

/*
 * Seed 003 (shared/SEED_FACTS.md): in January 2018 the grant operator announced a competition for
 * 86 state grants, up to 1 billion tenge in all. Some themes were not held for lack of NGOs — some
 * got no application at all. The commission met on 13 August and published the results. The
 * grantees the chairman names win their themes: the Eurasian Expert Council's panel at the Astana
 * Economic Forum, the legal-culture project of the European Law Institute, the Eurasian Human
 * Rights Centre, «Шырақ»'s study of disability rights, «Тринта»'s e-library and discussion
 * platforms, KAMEDA's republican civic centre and the National Volunteer Network's platform.
 * Limits in MCI are those of grant-2016 at the 2018 MCI (2,405 tenge).
 */

export const GRANTS_2018_TITLE_RU = 'Конкурс на предоставление государственных грантов на 2018 год';

/** The named grantees, by their Kazakh names in the organisations seed. */
export const NAMED_2018 = {
  eec: '«Eurasian Expert Council» қоғамдық қоры',
  eurolaw: '«Европалық құқық және адам құқығы институты» жеке қоры',
  ehrc: '«Еуразиялық құқық қорғаушы орталығы» жеке қоры',
  shyrak: '«Шырақ» мүгедек әйелдер қауымдастығы қоғамдық бірлестігі',
  trinta: '«Тринта» жеке қоры',
  kameda: '«КАМЕДА» қоғамдық қоры',
  nvn: '«Ұлттық еріктілер желісі» заңды тұлғалар бірлестігі',
} as const;
export type NamedKey = keyof typeof NAMED_2018;

/** A theme for the whole country has no region of its own. */


/** The regions as they were in 2018 (KZ-61 was South Kazakhstan until June 2018), with their names in the phrase. */
const REGIONS_2018 = [
  { code: 'KZ-11', kk: 'Ақмола облысында', ru: 'в Акмолинской области' },
  { code: 'KZ-15', kk: 'Ақтөбе облысында', ru: 'в Актюбинской области' },
  { code: 'KZ-19', kk: 'Алматы облысында', ru: 'в Алматинской области' },
  { code: 'KZ-23', kk: 'Атырау облысында', ru: 'в Атырауской области' },
  { code: 'KZ-27', kk: 'Батыс Қазақстан облысында', ru: 'в Западно-Казахстанской области' },
  { code: 'KZ-31', kk: 'Жамбыл облысында', ru: 'в Жамбылской области' },
  { code: 'KZ-35', kk: 'Қарағанды облысында', ru: 'в Карагандинской области' },
  { code: 'KZ-39', kk: 'Қостанай облысында', ru: 'в Костанайской области' },
  { code: 'KZ-43', kk: 'Қызылорда облысында', ru: 'в Кызылординской области' },
  { code: 'KZ-47', kk: 'Маңғыстау облысында', ru: 'в Мангистауской области' },
  { code: 'KZ-55', kk: 'Павлодар облысында', ru: 'в Павлодарской области' },
  { code: 'KZ-59', kk: 'Солтүстік Қазақстан облысында', ru: 'в Северо-Казахстанской области' },
  { code: 'KZ-61', kk: 'Оңтүстік Қазақстан облысында', ru: 'в Южно-Казахстанской области' },
  { code: 'KZ-63', kk: 'Шығыс Қазақстан облысында', ru: 'в Восточно-Казахстанской области' },
  { code: 'KZ-71', kk: 'Астана қаласында', ru: 'в городе Астане' },
  { code: 'KZ-75', kk: 'Алматы қаласында', ru: 'в городе Алматы' },
] as const;
const regionOf = (code: string) => REGIONS_2018.find((r) => r.code === code)!;

type Topic = { kk: string; ru: string; area: string; short: boolean; budget: number; indicators: LotIndicator[] };

/** Themes each region gets one of: the phrase follows the region in Kazakh and precedes it in Russian. */
const REGIONAL_TOPICS: Topic[] = [
  { kk: 'жастардың азаматтық белсенділігін арттыру', ru: 'Повышение гражданской активности молодёжи', area: 'youth', short: true, budget: 6_500_000, indicators: [IND.trainings(6), IND.participants(300), IND.miniProjects(10)] },
  { kk: 'мүгедектігі бар балаларды әлеуметтік оңалту', ru: 'Социальная реабилитация детей с инвалидностью', area: 'vulnerable-groups', short: true, budget: 6_800_000, indicators: [IND.sessions(240), IND.beneficiaries(60), IND.trainings(4)] },
  { kk: 'этносаралық келісім мен қоғамдық татулықты нығайту', ru: 'Укрепление межэтнического согласия и общественного мира', area: 'social-harmony', short: true, budget: 6_000_000, indicators: [IND.festivals(6), IND.roundTables(4), IND.participants(1000)] },
  { kk: 'экологиялық мәдениетті қалыптастыру және көгалдандыру', ru: 'Формирование экологической культуры и озеленение', area: 'environment', short: true, budget: 5_000_000, indicators: [IND.trees(2000), IND.actions(10), IND.volunteers(200)] },
  { kk: 'салауатты өмір салтын насихаттау', ru: 'Пропаганда здорового образа жизни', area: 'health', short: true, budget: 5_500_000, indicators: [IND.infoEvents(12), IND.participants(1500), IND.videos(5)] },
  { kk: 'отбасылық-тұрмыстық зорлық-зомбылықтың алдын алу', ru: 'Профилактика семейно-бытового насилия', area: 'family-gender', short: true, budget: 6_500_000, indicators: [IND.consultations(300), IND.trainings(8), IND.brochures(2000)] },
  { kk: 'тарихи-мәдени мұраны зерделеу және насихаттау', ru: 'Изучение и популяризация историко-культурного наследия', area: 'heritage', short: true, budget: 6_000_000, indicators: [IND.expeditions(3), IND.books(500), IND.exhibitions(2)] },
  { kk: 'әлеуметтік кәсіпкерлікті дамыту', ru: 'Развитие социального предпринимательства', area: 'employment', short: false, budget: 12_000_000, indicators: [IND.trainings(10), IND.businessPlans(30), IND.participants(150)] },
  { kk: 'жетім балаларды және ата-анасының қамқорлығынсыз қалған балаларды әлеуметтендіру', ru: 'Социализация детей-сирот и детей, оставшихся без попечения родителей,', area: 'children', short: true, budget: 6_800_000, indicators: [IND.mentors(40), IND.beneficiaries(120), IND.camps(1)] },
  { kk: 'халыққа тегін заң көмегін көрсету', ru: 'Оказание бесплатной юридической помощи населению', area: 'rights', short: false, budget: 10_500_000, indicators: [IND.consultations(600), IND.receptions(24), IND.brochures(1000)] },
  { kk: 'жалғызбасты қарттарға әлеуметтік-тұрмыстық көмек көрсету', ru: 'Социально-бытовая помощь одиноким пожилым людям', area: 'vulnerable-groups', short: true, budget: 5_500_000, indicators: [IND.beneficiaries(150), IND.homeVisits(1200), IND.volunteers(50)] },
  { kk: 'балалар мен жасөспірімдер спортын дамыту', ru: 'Развитие детско-юношеского спорта', area: 'education-science-sport', short: true, budget: 6_500_000, indicators: [IND.sportsSections(10), IND.competitions(6), IND.participants(400)] },
];

/**
 * How many applications each of the 55 regional themes got, in order: a digit is that many; `r`
 * two, one of them refused (the theme fails with one admitted); `R` three, one refused; `l` three,
 * all weak (the theme fails on low scores). Theme i is region i mod 16 with topic (i + ⌊i/16⌋) mod 12.
 */
const REGIONAL_APPLICATIONS = '32r3402313240132' + '2302431l03322423' + '4203323032402R32' + '3R42023';

type Story = {
  lang: 'kk' | 'ru';
  title: string;
  summary: string;
  goal: string;
  tasks: string;
  plan: [string, string, string][];
  who: string;
  count: number;
  items: [string, number][];
  adminItem: string;
  team: [string, 'head' | 'coordinator' | 'expert' | 'accountant' | 'media'][];
  indicators?: { name: string; unit: string; target: number }[];
};

type Theme = {
  lot: LotInput;
  /** Applications by code (see REGIONAL_APPLICATIONS). */
  code: string;
  winner?: { key: NamedKey; requested: number; story: Story };
};

const storyContent = (s: Story, lot: LotInput, requested: number): ApplicationContent => ({
  summary: { title: s.title, summary: s.summary },
  goals: { goal: s.goal, tasks: s.tasks },
  plan: s.plan.map(([activity, from, to]) => ({ activity, from, to })),
  indicators: s.indicators ?? lot.indicators.map((i) => ({ name: i.name[s.lang], unit: i.unit[s.lang], target: i.target })),
  beneficiaries: { description: s.who, count: s.count },
  budget: budgetLines(requested, s.items.map(([item, share]) => ({ item, share })), s.adminItem),
  team: s.team.map(([name, r]) => ({ name, role: role(r, s.lang) })),
});

const ADMIN_KK = 'Жобаны әкімшілендіру: бухгалтерлік қызмет, байланыс, банк қызметтері';
const ADMIN_RU = 'Администрирование проекта: бухгалтерские услуги, связь, банковские услуги';

const lot = (titleKk: string, titleRu: string, area: string, regionCode: string, budget: number, indicators: LotInput['indicators'], titleEn?: string): LotInput => ({
  titleKk,
  titleRu,
  titleEn: titleEn ?? null,
  area,
  regionCode,
  budgetTiyn: tiyn(budget),
  // Limits of grant-2016 at 2,405 tenge: short up to 3,000 MCI (7,215,000), medium up to 10,000 MCI (24,050,000).
  durationType: budget <= 7_215_000 ? 'short' : budget <= 24_050_000 ? 'medium' : 'long',
  indicators,
});

/** The themes won by the grantees seed 003 names, with what they wrote. */
const NAMED_THEMES: Theme[] = [
  {
    lot: lot(
      'Астана экономикалық форумы аясында «Азаматтық қоғамның болашағы. Жаңа азаматтық белсенділік» панелін өткізу',
      'Проведение панели «Будущее гражданского общества. Новая гражданская активность» в рамках Астанинского экономического форума',
      'education-science-sport',
      'KZ-71',
      6_500_000,
      [IND.panelSessions(1), IND.participants(150), IND.exhibitions(1)],
      'Panel "The future of civil society: new civic activism" at the Astana Economic Forum',
    ),
    code: '3',
    winner: {
      key: 'eec',
      requested: 6_480_000,
      story: {
        lang: 'ru',
        title: 'Панель «Будущее гражданского общества. Новая гражданская активность»',
        summary:
          'Панельная сессия о новой гражданской активности на Астанинском экономическом форуме (Global Challenges Summit) с участием НПО, государственных органов, экспертов и международных гостей; интерактивная выставка проектов гражданского общества.',
        goal: 'Вынести повестку развития гражданского общества на площадку Астанинского экономического форума и показать новые формы гражданской активности.',
        tasks: '1) подготовить программу панели и пригласить спикеров; 2) провести панельную сессию не менее чем на 150 участников; 3) организовать интерактивную выставку; 4) подготовить и опубликовать резолюцию панели.',
        plan: [
          ['Программа панели, приглашение спикеров', '2018-09-01', '2018-09-30'],
          ['Панельная сессия и интерактивная выставка', '2018-10-15', '2018-10-16'],
          ['Резолюция панели и отчёт', '2018-10-17', '2018-11-15'],
        ],
        who: 'Представители НПО, государственных органов, экспертного сообщества и бизнеса.',
        count: 178,
        items: [
          ['Аренда площадки и техническое обеспечение панели', 40],
          ['Проезд и проживание спикеров', 30],
          ['Интерактивная выставка', 20],
          ['Печать резолюции и информационное сопровождение', 10],
        ],
        adminItem: ADMIN_RU,
        team: [
          ['Динара Сейітқали', 'head'],
          ['Бекзат Жолдасбеков', 'coordinator'],
          ['Сымбат Ермекова', 'accountant'],
        ],
      },
    },
  },
  {
    lot: lot(
      'Қоғамның құқықтық мәдениеті мен құқықтық санасын қалыптастыру',
      'Формирование правовой культуры и правосознания общества',
      'rights',
      NATIONAL_REGION,
      20_000_000,
      [IND.legalAidCentres(4), IND.consultations(150), IND.trainings(8)],
      'Building legal culture and legal awareness',
    ),
    code: '3',
    winner: {
      key: 'eurolaw',
      requested: 19_850_000,
      story: {
        lang: 'kk',
        title: 'Қоғамның құқықтық мәдениеті мен құқықтық санасын қалыптастыру',
        summary:
          'Ақтөбе, Атырау, Ақтау және Орал қалаларындағы халыққа қызмет көрсету орталықтарында 4 құқықтық көмек орталығын ашып, азаматтарға отбасылық, еңбек және тұрғын үй мәселелері бойынша тегін кеңес береміз; заңгерлер мен белсенділерге семинарлар өткіземіз.',
        goal: 'Батыс өңірлер тұрғындарының құқықтық мәдениеті мен құқықтық санасын арттыру.',
        tasks: '1) ХҚКО-да 4 құқықтық көмек орталығын ашу; 2) отбасылық, еңбек және тұрғын үй мәселелері бойынша кемінде 150 кеңес беру; 3) 8 семинар өткізу; 4) жиі қойылатын сұрақтар бойынша жадынамалар әзірлеу.',
        plan: [
          ['Ақтөбе, Атырау, Ақтау, Орал қалаларындағы ХҚКО-мен келісім', '2018-09-01', '2018-09-20'],
          ['Құқықтық көмек орталықтарының жұмысы, кеңес беру', '2018-09-21', '2018-12-10'],
          ['Заңгерлер мен белсенділерге 8 семинар', '2018-10-01', '2018-11-30'],
          ['Қорытынды есеп', '2018-12-11', '2018-12-20'],
        ],
        who: 'Ақтөбе, Атырау, Маңғыстау және Батыс Қазақстан облыстарының тұрғындары.',
        count: 173,
        items: [
          ['Заңгерлердің қызметтері', 55],
          ['Семинарлар өткізу', 20],
          ['Жол жүру және тұру', 15],
          ['Жадынамаларды басып шығару', 10],
        ],
        adminItem: ADMIN_KK,
        team: [
          ['Асқар Оспанов', 'head'],
          ['Динара Мұқанова', 'expert'],
          ['Жанар Әбенова', 'accountant'],
        ],
      },
    },
  },
  {
    lot: lot(
      'Азаматтардың құқықтарын қорғау мәселелері бойынша ҮЕҰ мен мемлекеттік органдардың өзара әрекеттесу деңгейін жоғарылату',
      'Повышение уровня взаимодействия НПО и государственных органов по вопросам защиты прав граждан',
      'rights',
      NATIONAL_REGION,
      7_000_000,
      [IND.trainings(2), IND.onlineAnswers(100), IND.participants(60)],
    ),
    code: '2',
    winner: {
      key: 'ehrc',
      requested: 6_950_000,
      story: {
        lang: 'kk',
        title: 'Құқық қорғау: ҮЕҰ мен мемлекеттік органдар бірге',
        summary:
          'Қостанай мен Көкшетауда ҮЕҰ мен мемлекеттік органдар өкілдеріне 2 семинар-тренинг өткіземіз, азаматтарға онлайн «сұрақ-жауап» форматында кеңес береміз.',
        goal: 'Азаматтардың құқықтарын қорғауда ҮЕҰ мен мемлекеттік органдардың өзара әрекеттесуін жақсарту.',
        tasks: '1) Қостанай мен Көкшетауда 2 семинар-тренинг; 2) кемінде 100 онлайн кеңес; 3) ұсынымдар жинағы.',
        plan: [
          ['Қостанайдағы семинар-тренинг', '2018-10-04', '2018-10-05'],
          ['Көкшетаудағы семинар-тренинг', '2018-10-25', '2018-10-26'],
          ['Онлайн «сұрақ-жауап» кеңестері', '2018-09-15', '2018-12-15'],
          ['Ұсынымдар жинағы және есеп', '2018-12-01', '2018-12-20'],
        ],
        who: 'ҮЕҰ қызметкерлері, мемлекеттік қызметшілер және құқығы бұзылған азаматтар.',
        count: 160,
        items: [
          ['Семинар-тренингтер өткізу', 45],
          ['Тренерлердің қызметтері', 35],
          ['Онлайн кеңес беру платформасы', 20],
        ],
        adminItem: ADMIN_KK,
        team: [
          ['Мұрат Жұмабаев', 'head'],
          ['Әсел Нұрланқызы', 'expert'],
          ['Индира Тұрсынова', 'accountant'],
        ],
      },
    },
  },
  {
    lot: lot(
      'Ұлттық адам құқықтары институттары және мүгедектігі бар адамдардың құқықтары',
      'Национальные правозащитные институты и права лиц с инвалидностью',
      'vulnerable-groups',
      NATIONAL_REGION,
      6_000_000,
      [IND.respondents(500), IND.studies(1), IND.roundTables(2)],
    ),
    code: '3',
    winner: {
      key: 'shyrak',
      requested: 5_990_000,
      story: {
        lang: 'kk',
        title: 'Мүгедектігі бар адамдардың құқықтары: ұлттық заңнама және БҰҰ Конвенциясы',
        summary:
          'Мүгедектігі бар адамдардың ұлттық адам құқықтары институттарына қолжетімділігі туралы сауалнама жүргіземіз және ұлттық заңнаманы БҰҰ-ның Мүгедектердің құқықтары туралы конвенциясымен салыстыра зерттейміз.',
        goal: 'Мүгедектігі бар адамдардың, әсіресе әйелдердің, құқықтарын қорғау тетіктерін жетілдіруге ұсыныстар дайындау.',
        tasks: '1) 500 респонденттен сауалнама; 2) ұлттық заңнаманы Конвенциямен салыстыру; 3) 2 дөңгелек үстелде нәтижелерді талқылау.',
        plan: [
          ['Сауалнама жүргізу', '2018-09-01', '2018-10-15'],
          ['Заңнаманы Конвенциямен салыстыру', '2018-09-15', '2018-11-15'],
          ['2 дөңгелек үстел', '2018-11-20', '2018-12-05'],
          ['Зерттеу есебін жариялау', '2018-12-06', '2018-12-20'],
        ],
        who: 'Мүгедектігі бар әйелдер мен ерлер, олардың ұйымдары.',
        count: 500,
        items: [
          ['Сауалнама жүргізу', 35],
          ['Сарапшылардың қызметтері', 40],
          ['Дөңгелек үстелдер', 15],
          ['Есепті басып шығару', 10],
        ],
        adminItem: ADMIN_KK,
        team: [
          ['Гүлнар Исаева', 'head'],
          ['Ләззат Бекова', 'expert'],
          ['Сәуле Төлеген', 'accountant'],
        ],
      },
    },
  },
  {
    lot: lot(
      'Мемлекет пен үкіметтік емес ұйымдардың өзара әрекеттесу деңгейін арттыру',
      'Повышение уровня взаимодействия государства и неправительственных организаций',
      'education-science-sport',
      NATIONAL_REGION,
      18_000_000,
      [IND.libraryItems(300), IND.discussionPlatforms(5), IND.webinars(10)],
    ),
    code: '4',
    winner: {
      key: 'trinta',
      requested: 17_900_000,
      story: {
        lang: 'ru',
        title: 'Электронная библиотека и дискуссионные площадки для государства и НПО',
        summary:
          'Электронная библиотека (книги, методики, видеоуроки, вебинары, публичные дебаты, памятки, презентации, статьи) и дискуссионные площадки в Усть-Каменогорске, Алматы, Таразе, Кызылорде и Актау на тему «Мемлекеттік органдар мен ҮЕҰ-дың өзара байланысы: не тиімді, қандай өзгерістер керек?».',
        goal: 'Повысить уровень взаимодействия государственных органов и НПО.',
        tasks: '1) наполнить электронную библиотеку (не менее 300 материалов); 2) провести 5 дискуссионных площадок; 3) провести 10 вебинаров.',
        plan: [
          ['Наполнение электронной библиотеки', '2018-09-01', '2018-12-15'],
          ['Дискуссионные площадки: Усть-Каменогорск, Алматы, Тараз, Кызылорда, Актау', '2018-09-20', '2018-11-30'],
          ['Вебинары', '2018-10-01', '2018-12-10'],
          ['Итоговый отчёт', '2018-12-16', '2018-12-20'],
        ],
        who: 'НПО, государственные служащие, активисты во всех регионах.',
        count: 2500,
        items: [
          ['Разработка и наполнение электронной библиотеки', 40],
          ['Дискуссионные площадки в пяти городах', 35],
          ['Вебинары и видеоуроки', 15],
          ['Проезд экспертов', 10],
        ],
        adminItem: ADMIN_RU,
        team: [
          ['Серік Ахметов', 'head'],
          ['Айгүл Жақсылықова', 'coordinator'],
          ['Қайрат Серікбаев', 'accountant'],
        ],
      },
    },
  },
  {
    lot: lot(
      '«Жалғыз терезе» қағидаты бойынша республикалық азаматтық орталықтың жұмысын ұйымдастыру',
      'Организация работы республиканского гражданского центра по принципу «одного окна»',
      'rights',
      'KZ-71',
      45_000_000,
      [IND.consultations(2000), IND.trainings(24), IND.methodologies(10)],
      'Republican civic centre on the one-window principle',
    ),
    code: '3',
    winner: {
      key: 'kameda',
      requested: 44_800_000,
      story: {
        lang: 'kk',
        title: 'Республикалық азаматтық орталық: «Жалғыз терезе»',
        summary:
          'Астанада республикалық азаматтық орталық «Жалғыз терезе» қағидаты бойынша жұмыс істейді: ҮЕҰ мен азаматтарға кеңес, әдістемелік көмек, ҮЕҰ дерекқорымен жұмыс, мемлекеттік әлеуметтік тапсырыс, гранттар мен сыйлықтар, қоғамдық кеңестер және «Атамекен» бағдарламасы бойынша оқыту; 8 өңірлік орталықты үйлестіру.',
        goal: 'ҮЕҰ мен азаматтарға бір терезеден кешенді қолдау көрсету.',
        tasks: '1) 2 000 кеңес; 2) 24 оқыту; 3) 10 әдістемелік құрал; 4) өңірлік азаматтық орталықтармен үйлестіру.',
        plan: [
          ['Орталықтың жұмысы, кеңес беру', '2018-09-01', '2020-08-31'],
          ['ҮЕҰ дерекқоры, мемлекеттік әлеуметтік тапсырыс, гранттар бойынша оқыту', '2018-10-01', '2020-06-30'],
          ['Әдістемелік құралдар', '2018-11-01', '2019-12-31'],
        ],
        who: 'ҮЕҰ, бастамашыл азаматтар, қоғамдық кеңестердің мүшелері.',
        count: 2000,
        items: [
          ['Кеңесшілер мен тренерлердің қызметтері', 50],
          ['Орталық үй-жайын жалға алу және жабдықтау', 25],
          ['Оқыту және әдістемелік құралдар', 15],
          ['Өңірлік орталықтармен байланыс', 10],
        ],
        adminItem: ADMIN_KK,
        team: [
          ['Жанар Нұрғазиева', 'head'],
          ['Талғат Ержанов', 'coordinator'],
          ['Мәдина Қасымова', 'accountant'],
        ],
      },
    },
  },
];

/** National themes: [kk, ru, area, budget, applications code, indicators]. */
const NATIONAL_REGION_THEMES: Theme[] = (
  [
    ['«Рухани жаңғыру» бағдарламасының идеяларын ҮЕҰ арқылы ілгерілету', 'Продвижение идей программы «Рухани жаңғыру» через НПО', 'culture-art', 24_000_000, '3', [IND.infoEvents(17), IND.participants(3000), IND.videos(10)]],
    ['Діни экстремизм мен терроризмнің алдын алу бойынша ақпараттық-түсіндіру жұмысы', 'Информационно-разъяснительная работа по профилактике религиозного экстремизма и терроризма', 'social-harmony', 24_000_000, '4', [IND.meetings(60), IND.trainings(10), IND.videos(5)]],
    ['Қоғамда сыбайлас жемқорлыққа қарсы мәдениетті қалыптастыру', 'Формирование антикоррупционной культуры в обществе', 'rights', 18_000_000, '3', [IND.trainings(16), IND.participants(800), IND.videos(4)]],
    ['Отбасылық-тұрмыстық зорлық-зомбылықтан зардап шеккендерге арналған дағдарыс орталықтарының желісін қолдау', 'Поддержка сети кризисных центров для пострадавших от семейно-бытового насилия', 'family-gender', 40_000_000, '2', [IND.beneficiaries(1000), IND.consultations(3000), IND.trainings(12)]],
    ['Мүгедектігі бар адамдарды жұмысқа орналастыруға жәрдемдесу', 'Содействие трудоустройству лиц с инвалидностью', 'employment', 20_000_000, '3', [IND.beneficiaries(200), IND.trainings(12), IND.businessPlans(20)]],
    ['ҮЕҰ-ны мемлекеттік әлеуметтік тапсырыс, гранттар және сыйлықтар тетіктеріне оқыту', 'Обучение НПО механизмам государственного социального заказа, грантов и премий', 'education-science-sport', 14_000_000, '4', [IND.trainings(17), IND.participants(850), IND.methodologies(2)]],
    ['Қоғамдық кеңестердің жұмысын әдістемелік сүйемелдеу', 'Методическое сопровождение деятельности общественных советов', 'rights', 12_000_000, '2', [IND.councilsSupported(50), IND.trainings(16), IND.methodologies(3)]],
    ['Ауыл жастарының кәсіпкерлік бастамаларын қолдау', 'Поддержка предпринимательских инициатив сельской молодёжи', 'youth', 18_000_000, '3', [IND.trainings(14), IND.businessPlans(60), IND.miniProjects(20)]],
    ['Медиация арқылы дауларды сотқа дейін реттеуді дамыту', 'Развитие досудебного урегулирования споров через медиацию', 'rights', 7_000_000, '2', [IND.mediations(200), IND.trainings(6), IND.brochures(3000)]],
    ['Қалдықтарды бөлек жинау мәдениетін қалыптастыру', 'Формирование культуры раздельного сбора отходов', 'environment', 6_000_000, '0', [IND.actions(20), IND.volunteers(500), IND.videos(3)]],
    ['Ана мен бала денсаулығын сақтау бойынша ақпараттық науқан', 'Информационная кампания по охране здоровья матери и ребёнка', 'health', 5_500_000, '2', [IND.infoEvents(20), IND.videos(6), IND.brochures(5000)]],
    ['Көп балалы отбасыларды әлеуметтік қолдау', 'Социальная поддержка многодетных семей', 'family-gender', 10_000_000, '3', [IND.beneficiaries(400), IND.consultations(800), IND.trainings(10)]],
    ['Мемлекеттік тілді оқыту мен қолдану аясын кеңейту', 'Расширение обучения и применения государственного языка', 'culture-art', 14_000_000, '3', [IND.trainings(30), IND.participants(1200), IND.videos(20)]],
    ['Балалардың құқықтарын қорғау және балаларға қатысты зорлық-зомбылықтың алдын алу', 'Защита прав детей и профилактика насилия в отношении детей', 'children', 12_000_000, '2', [IND.trainings(20), IND.consultations(500), IND.brochures(3000)]],
    ['Аз қамтылған отбасылардың дарынды балаларын қолдау', 'Поддержка одарённых детей из малообеспеченных семей', 'children', 7_000_000, '4', [IND.beneficiaries(100), IND.mentors(30), IND.camps(1)]],
    ['ҮЕҰ-ға ұлттық дерекқорға мәліметтер ұсыну бойынша кеңес беру', 'Консультирование НПО по представлению сведений в национальную базу данных', 'education-science-sport', 5_000_000, '1', [IND.consultations(1000), IND.webinars(12), IND.methodologies(1)]],
  ] as const
).map(([kk, ru, area, budget, code, indicators]) => ({ lot: lot(kk, ru, area, NATIONAL_REGION, budget, [...indicators]), code }));

/** Seed 003: the National Volunteer Network's volunteer platform and the regional Volunteer Corps centres. */
const VOLUNTEER_THEME: Theme = {
  lot: lot(
    'Еріктілерге арналған онлайн-платформаны дамыту және өңірлік Еріктілер корпусы орталықтарын ақпараттық қолдау',
    'Развитие онлайн-платформы для волонтёров и информационная поддержка региональных центров Корпуса волонтёров',
    'youth',
    NATIONAL_REGION,
    24_000_000,
    [IND.volunteers(5000), IND.trainings(17), IND.videos(8)],
  ),
  code: '3',
  winner: {
    key: 'nvn',
    requested: 23_800_000,
    story: {
      lang: 'kk',
      title: 'Еріктілер платформасы',
      summary:
        'Қазақ және орыс тілдеріндегі онлайн-платформа (сайт және телефонға арналған қосымша): ерікті немесе еріктілер ұйымы ретінде тіркелу, еріктілерді қажет ететін әрбір жобаны көру, ұйымдардың еріктілерді табуы; өңірлік Еріктілер корпусы орталықтарын ақпараттық қолдау. 2017 жылғы грант бойынша жасалған еріктілер ұйымдарының картасын жаңарту.',
      goal: 'Еріктілер мен еріктілерді қажет ететін ұйымдарды бір платформада табыстыру.',
      tasks: '1) платформаны және қосымшаны дамыту; 2) 5 000 ерікті тіркеу; 3) 17 өңірлік оқыту; 4) еріктілер ұйымдарының картасын жаңарту.',
      plan: [
        ['Платформа мен қосымшаны дамыту', '2018-09-01', '2018-11-30'],
        ['Өңірлік Еріктілер корпусы орталықтарында оқыту', '2018-10-01', '2018-12-10'],
        ['Картаны жаңарту, есеп', '2018-12-01', '2018-12-20'],
      ],
      who: 'Еріктілер, еріктілер ұйымдары, ҮЕҰ және мемлекеттік мекемелер.',
      count: 5000,
      items: [
        ['Платформа мен қосымшаны әзірлеу', 50],
        ['Өңірлерде оқыту', 30],
        ['Бейнероликтер мен ақпараттық науқан', 20],
      ],
      adminItem: ADMIN_KK,
      team: [
        ['Олжас Қуанышев', 'head'],
        ['Назерке Дәулетова', 'coordinator'],
        ['Ринат Исмаилов', 'expert'],
      ],
    },
  },
};

/** Seed 003: civic centres opened from May in 8 regions besides the republican one in Astana. */
const CIVIC_CENTRE_THEMES: Theme[] = (['KZ-19', 'KZ-11', 'KZ-63', 'KZ-31', 'KZ-61', 'KZ-47', 'KZ-59', 'KZ-27'] as const).map((code, i) => {
  const r = regionOf(code);
  return {
    lot: lot(`${r.kk} азаматтық орталықтың жұмысын ұйымдастыру`, `Организация работы гражданского центра ${r.ru}`, 'rights', code, 18_000_000, [
      IND.consultations(800),
      IND.trainings(12),
      IND.methodologies(2),
    ]),
    code: '32343223'[i]!,
  };
});

const REGIONAL_THEMES: Theme[] = [...REGIONAL_APPLICATIONS].map((code, i) => {
  const r = REGIONS_2018[i % 16]!;
  const t = REGIONAL_TOPICS[(i + Math.floor(i / 16)) % 12]!;
  // Budgets differ a little from region to region, in steps of 50,000 tenge, within the grant type.
  const raw = Math.round((t.budget * (0.9 + 0.2 * unit('budget', r.code, t.kk))) / 50_000) * 50_000;
  const budget = t.short ? Math.min(raw, 7_200_000) : Math.max(raw, 7_250_000);
  return { lot: lot(`${r.kk} ${t.kk}`, `${t.ru} ${r.ru}`, t.area, r.code, budget, t.indicators), code };
});

/** All 86 themes, in the order they are numbered. */
export const THEMES_2018: Theme[] = [...NAMED_THEMES, VOLUNTEER_THEME, ...NATIONAL_REGION_THEMES, ...CIVIC_CENTRE_THEMES, ...REGIONAL_THEMES];

const REFUSALS = [
  'Бюджеттің негіздемесі ұсынылмаған (міндетті құжат).',
  'Жарғының көшірмесі ұсынылмаған (міндетті құжат).',
  'Өтінім гранттың тақырыбына сәйкес келмейді.',
];

export type Pools = {
  named: Record<NamedKey, DemoApplicant>;
  /** NGOs that could have applied in 2018, by region, in a fixed order. */
  byRegion: Map<string, DemoApplicant[]>;
  /** The same, from every region, for national themes. */
  all: DemoApplicant[];
};

const PERIOD = { from: '2018-09-01', to: '2018-12-20' };

/** The competition, with its 86 themes and, for each, the applications that came in. */
export function grants2018(organiserId: string, pools: Pools): DemoCompetition {
  const cursors = new Map<string, number>();
  const take = (pool: DemoApplicant[], key: string, n: number, except: Set<string>): DemoApplicant[] => {
    const out: DemoApplicant[] = [];
    let i = cursors.get(key) ?? 0;
    for (let tries = 0; out.length < n && tries < pool.length * 2; tries++, i++) {
      const org = pool[i % pool.length]!;
      if (!except.has(org.id) && !out.includes(org)) out.push(org);
    }
    cursors.set(key, i);
    if (out.length < n) throw new Error(`demo: not enough NGOs for ${key}`);
    return out;
  };

  const lots: DemoLot[] = THEMES_2018.map((theme, t) => {
    const budget = theme.lot.budgetTiyn / 100;
    const count = /\d/.test(theme.code) ? Number(theme.code) : theme.code === 'r' ? 2 : 3;
    const named = theme.winner ? pools.named[theme.winner.key] : undefined;
    const pool = theme.lot.regionCode === NATIONAL_REGION || theme.lot.regionCode === 'KZ-71' ? pools.all : (pools.byRegion.get(theme.lot.regionCode) ?? pools.all);
    const except = new Set(Object.values(pools.named).map((o) => o.id));
    const others = take(pool, theme.lot.regionCode, count - (named ? 1 : 0), except);
    const submitted = (k: number) => {
      const h = mix('submitted', t, k);
      const day = shiftDay('2018-01-22', h % 24);
      return almaty(day, `${String(9 + (h % 9)).padStart(2, '0')}:${String((h >>> 5) % 60).padStart(2, '0')}`);
    };
    const applications: DemoApplication[] = others.map((org, k) => {
      const lang = mix('lang', org.bin) % 10 < 7 ? 'kk' : 'ru';
      const requested = Math.floor((budget * (0.88 + 0.12 * unit('requested', t, org.bin))) / 1000) * 1000;
      const weak = theme.code === 'l';
      return {
        organisation: org,
        language: lang,
        content: writeApplication({ lang, lot: theme.lot, org, requestedTenge: requested, period: PERIOD }),
        submittedAt: submitted(k),
        // Weak themes stay under the pass mark; a named grantee's rivals under the grantee; elsewhere
        // the first applicant is solid and the others anything from fair to good.
        quality: weak
          ? 0.25 + 0.12 * unit('quality', t, org.bin)
          : named
            ? 0.5 + 0.22 * unit('quality', t, org.bin)
            : k === 0
              ? 0.66 + 0.24 * unit('quality', t, org.bin)
              : 0.45 + 0.4 * unit('quality', t, org.bin),
        refusal: (theme.code === 'r' || theme.code === 'R') && k === others.length - 1 ? REFUSALS[t % REFUSALS.length] : undefined,
      };
    });
    if (named && theme.winner) {
      applications.unshift({
        organisation: named,
        language: theme.winner.story.lang,
        content: storyContent(theme.winner.story, theme.lot, theme.winner.requested),
        submittedAt: submitted(99),
        quality: 0.92,
      });
    }
    return { lot: theme.lot, applications };
  });

  return {
    input: {
      organiserId,
      instrument: 'grant',
      ruleVersionId: 'grant-2016',
      year: 2018,
      regionCode: null,
      titleKk: '2018 жылға арналған мемлекеттік гранттар беру конкурсы',
      titleRu: GRANTS_2018_TITLE_RU,
      titleEn: 'State grants competition, 2018',
      descriptionKk:
        'Үкіметтік емес ұйымдарға арналған мемлекеттік гранттар: 86 гранттық тақырып, жалпы сомасы 1 млрд теңгеге дейін. Кейбір тақырыптар бойынша конкурс өтпеді: ҮЕҰ белсенділігі төмен болды, кейбір тақырыптарға бірде-бір өтінім түспеді. Конкурстық комиссия 2018 жылғы 13 тамызда отырыс өткізіп, нәтижелерді жариялады.',
      descriptionRu:
        'Государственные гранты для неправительственных организаций: 86 грантовых тем, всего до 1 млрд тенге. По некоторым темам конкурс не состоялся из-за низкой активности НПО, на часть тем не поступило ни одной заявки. Конкурсная комиссия заседала 13 августа 2018 года и опубликовала итоги.',
      announcedAt: almaty('2018-01-15', '10:00'),
      deadlineAt: almaty('2018-02-14', '18:00'),
      admissionUntil: almaty('2018-03-15', '18:00'),
      evaluationUntil: almaty('2018-08-13', '18:00'),
      resultsDueAt: almaty('2018-08-20', '18:00'),
    },
    lots,
  };
}

export const GRANTS_2018_DATES = {
  decidedAt: almaty('2018-03-12', '11:00'),
  evaluationStartedAt: almaty('2018-07-30', '10:00'),
  scoredAt: almaty('2018-08-09', '15:00'),
  publishedAt: almaty('2018-08-13', '17:00'),
};
