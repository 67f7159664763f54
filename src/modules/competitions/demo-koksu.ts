import { makeBin } from '../organisations/index.ts';
import { almaty, type DemoApplicant, type DemoApplication, type DemoCompetition, IND, role, tiyn, writeApplication } from './demo-support.ts';
import type { LotInput } from './announce-competition.ts';

/*
 * Seed 002 (shared/SEED_FACTS.md): in 2019 Koksu district got 3 million tenge from the region for
 * socially significant projects, put out as a state social order in 3 lots. «Көксу Жастары» won
 * 428,571 tenge and «Үш ұрпақ» 557,143 tenge; the third lot, the rest of the money, goes to the
 * district's ethno-cultural centre «Нахичивань». The district was in Almaty region then and has been
 * in Zhetisu region (KZ-33) since 2022.
 */

export const KOKSU_KATO = '334200000';

/** The state body that announces it: the district akimat's internal policy department. */
export const KOKSU_DEPARTMENT = {
  bin: makeBin('0502', 7373),
  kind: 'state' as const,
  legalForm: 'state-body' as const,
  nameKk: '«Көксу ауданы әкімдігінің ішкі саясат бөлімі» мемлекеттік мекемесі',
  nameRu: 'ГУ «Отдел внутренней политики акимата Коксуского района»',
  nameEn: 'Internal Policy Department, Koksu District Akimat',
  regionCode: 'KZ-33',
  districtKato: KOKSU_KATO,
  settlement: 'rural' as const,
  registeredOn: '2005-02-21',
  address: 'Балпық би ауылы',
  descriptionKk:
    'Аудан әкімдігінің ішкі саясат бөлімі: азаматтық қоғамды дамыту тұжырымдамасын іске асыру жөніндегі кеңесті (13 мүше) сүйемелдейді, ҮЕҰ әлеуетін арттырудың 2010–2020 жылдарға арналған медиа-жоспарын жүргізеді, мемлекеттік әлеуметтік тапсырысты орналастырады. Көксу ауданы 2022 жылға дейін Алматы облысының құрамында болды, қазір Жетісу облысында.',
  descriptionRu:
    'Отдел внутренней политики акимата района: сопровождает совет по реализации концепции развития гражданского общества (13 членов), ведёт медиаплан по развитию потенциала НПО на 2010–2020 годы, размещает государственный социальный заказ. До 2022 года Коксуский район входил в Алматинскую область, теперь — в область Жетісу.',
};

/** Its staff member who runs the competition (role organiser). */
export const KOKSU_ORGANISER = { email: 'koksu-organiser@ortaq.kz', name: 'Ботагөз Әлімбекова' };

export const KOKSU_TITLE_RU = 'Конкурс государственного социального заказа Коксуского района на 2019 год';

const PERIOD = { from: '2019-03-01', to: '2019-11-29' };

const lots = {
  youth: {
    titleKk: 'Көксу ауданының жастарын қоғамдық-саяси өмірге тарту',
    titleRu: 'Вовлечение молодёжи Коксуского района в общественно-политическую жизнь',
    titleEn: 'Engaging the young people of Koksu District in public life',
    area: 'youth',
    regionCode: 'KZ-33',
    budgetTiyn: tiyn(428_571),
    durationType: 'short',
    indicators: [IND.roundTables(3), IND.meetings(2), IND.newspaperArticles(3)],
  },
  symbols: {
    titleKk: '«Ел мақтанышы – Мемлекеттік Рәміздер»: мемлекеттік рәміздерді насихаттау',
    titleRu: '«Ел мақтанышы – Мемлекеттік Рәміздер»: пропаганда государственных символов',
    titleEn: '"Pride of the Nation: the State Symbols"',
    area: 'heritage',
    regionCode: 'KZ-33',
    budgetTiyn: tiyn(557_143),
    durationType: 'short',
    indicators: [IND.drawingContest(1), IND.infoEvents(1), IND.roundTables(2), IND.brochures(1000), IND.concerts(1), IND.meetings(3)],
  },
  unity: {
    titleKk: '«Қазақстан – ортақ шаңырағым»: аудандағы этносаралық келісім мен бірлікті нығайту',
    titleRu: '«Казахстан – наш общий дом»: укрепление межэтнического согласия и единства в районе',
    titleEn: '"Kazakhstan, our common home": interethnic harmony and unity in the district',
    area: 'social-harmony',
    regionCode: 'KZ-33',
    budgetTiyn: tiyn(3_000_000 - 428_571 - 557_143),
    durationType: 'short',
    indicators: [IND.festivals(4), IND.exhibitions(1), IND.roundTables(2), IND.participants(1500)],
  },
} satisfies Record<string, LotInput>;

export type KoksuApplicants = {
  zhastary: DemoApplicant;
  ushUrpaq: DemoApplicant;
  nakhichivan: DemoApplicant;
  /** The district's other NGOs of the register, and NGOs elsewhere in the region. */
  district: DemoApplicant[];
  region: DemoApplicant[];
};

const at = (date: string, time: string) => almaty(date, time);

export function koksuCompetition(organiserId: string, a: KoksuApplicants): DemoCompetition {
  const [districtA, districtB] = a.district;
  const [regionA, regionB, regionC] = a.region;
  if (!districtA || !districtB || !regionA || !regionB || !regionC) throw new Error('demo: Koksu district needs two more NGOs and Zhetisu region three');
  const other = (org: DemoApplicant, lot: LotInput, requestedTenge: number, lang: 'kk' | 'ru', submitted: string, quality: number, refusal?: string): DemoApplication => ({
    organisation: org,
    language: lang,
    content: writeApplication({ lang, lot, org, requestedTenge, period: PERIOD }),
    submittedAt: at(submitted.slice(0, 10), submitted.slice(11)),
    quality,
    refusal,
  });

  const zhastary: DemoApplication = {
    organisation: a.zhastary,
    language: 'kk',
    submittedAt: at('2019-02-04', '16:42'),
    quality: 0.9,
    content: {
      summary: {
        title: '«Белсенді жастар – Көксу болашағы»',
        summary:
          'Көксу ауданының жастарын қоғамдық-саяси өмірге тарту: аудандық Жастар орталығымен бірлесіп жастар мәселелері бойынша 3 дөңгелек үстел мен жастардың аудан басшылығымен және белсенділерімен 2 кездесуін өткіземіз, аудандық газетте 3 мақала жариялаймыз, жобаның барысын әлеуметтік желілерде үнемі көрсетеміз.',
      },
      goals: {
        goal: 'Көксу ауданы жастарының азаматтық белсенділігін арттыру және оларды аудан өміріндегі шешімдерді талқылауға тарту.',
        tasks: '1) жастардың жұмыспен қамтылуы, бос уақыты және ауыл өміріне арналған 3 дөңгелек үстел өткізу; 2) жастардың аудан әкімдігі мен мәслихат өкілдерімен 2 кездесуін ұйымдастыру; 3) аудандық газетте 3 мақала жариялау; 4) әлеуметтік желілерде жоба туралы тұрақты ақпарат беру.',
      },
      plan: [
        { activity: 'Дайындық: Жастар орталығымен жоспарды келісу, ауыл округтерінен қатысушыларды іріктеу', from: '2019-03-04', to: '2019-04-30' },
        { activity: '1-дөңгелек үстел: «Ауыл жастарының жұмыспен қамтылуы» (Балпық би ауылы)', from: '2019-05-14', to: '2019-05-14' },
        { activity: 'Жастардың аудан әкімдігі өкілдерімен 1-кездесуі', from: '2019-06-20', to: '2019-06-20' },
        { activity: '2-дөңгелек үстел: «Жастардың бос уақыты және спорт»', from: '2019-07-11', to: '2019-07-11' },
        { activity: 'Аудандық газетте 3 мақала (мамыр, тамыз, қараша)', from: '2019-05-20', to: '2019-11-22' },
        { activity: '3-дөңгелек үстел: «Жастар және ауыл дамуы»', from: '2019-09-18', to: '2019-09-18' },
        { activity: 'Жастардың мәслихат депутаттарымен 2-кездесуі', from: '2019-10-24', to: '2019-10-24' },
        { activity: 'Қорытынды есеп', from: '2019-11-25', to: '2019-11-29' },
      ],
      indicators: [
        { name: 'Дөңгелек үстел', unit: 'дана', target: 3 },
        { name: 'Кездесу', unit: 'дана', target: 2 },
        { name: 'Аудандық газеттегі мақала', unit: 'дана', target: 3 },
        { name: 'Әлеуметтік желілердегі жарияланым', unit: 'дана', target: 20 },
      ],
      beneficiaries: { description: 'Балпық би ауылы мен аудан ауылдарының 14–29 жастағы жастары.', count: 350 },
      budget: [
        { item: 'Дөңгелек үстелдерді өткізу: зал, кофе-брейк, таратпа материалдар', kind: 'direct', amountTiyn: tiyn(180_000) },
        { item: 'Кездесулерді ұйымдастыру: ауыл округтерінен көлік', kind: 'direct', amountTiyn: tiyn(110_000) },
        { item: 'Аудандық газеттегі мақалалар', kind: 'direct', amountTiyn: tiyn(96_000) },
        { item: 'Жобаны әкімшілендіру: байланыс, банк қызметтері', kind: 'administrative', amountTiyn: tiyn(42_571) },
      ],
      team: [
        { name: 'Қуаныш Дүйсембаев', role: role('coordinator', 'kk') },
        { name: 'Айжан Бекмағамбетова', role: role('media', 'kk') },
        { name: 'Гүлмира Сапарова', role: role('accountant', 'kk') },
      ],
    },
  };

  const ushUrpaq: DemoApplication = {
    organisation: a.ushUrpaq,
    language: 'kk',
    submittedAt: at('2019-02-06', '11:05'),
    quality: 0.9,
    content: {
      summary: {
        title: '«Ел мақтанышы – Мемлекеттік Рәміздер»',
        summary:
          'Үш ұрпақтың — ардагерлердің, ата-аналардың және оқушылардың — бірлескен жобасы: мемлекеттік рәміздерді насихаттау үшін оқушылар арасында сурет байқауы, ақпараттық іс-шара, 2 дөңгелек үстел, 3 кездесу және концерт өткізіледі, 1 000 дана кітапша таратылады.',
      },
      goals: {
        goal: 'Ауданның жас ұрпағының бойында мемлекеттік рәміздерге құрмет пен патриоттық сезімді тәрбиелеу.',
        tasks: '1) оқушылар арасында «Менің Туым» сурет байқауы; 2) мемлекеттік рәміздер туралы ақпараттық іс-шара; 3) 2 дөңгелек үстел; 4) ардагерлермен 3 кездесу; 5) 1 000 дана кітапша; 6) қорытынды концерт.',
      },
      plan: [
        { activity: 'Оқушылар арасындағы «Менің Туым» сурет байқауы', from: '2019-03-11', to: '2019-05-31' },
        { activity: 'Мемлекеттік рәміздер күніне арналған ақпараттық іс-шара', from: '2019-06-04', to: '2019-06-04' },
        { activity: '1 000 дана кітапша басып шығару және мектептерге тарату', from: '2019-05-15', to: '2019-06-30' },
        { activity: 'Ардагерлермен 3 кездесу', from: '2019-07-01', to: '2019-09-30' },
        { activity: '2 дөңгелек үстел', from: '2019-08-15', to: '2019-10-15' },
        { activity: 'Қорытынды концерт', from: '2019-11-15', to: '2019-11-15' },
      ],
      indicators: [
        { name: 'Оқушылар арасындағы сурет байқауы', unit: 'дана', target: 1 },
        { name: 'Ақпараттық іс-шара', unit: 'дана', target: 1 },
        { name: 'Дөңгелек үстел', unit: 'дана', target: 2 },
        { name: 'Кітапша', unit: 'дана', target: 1000 },
        { name: 'Концерт', unit: 'дана', target: 1 },
        { name: 'Кездесу', unit: 'дана', target: 3 },
      ],
      beneficiaries: { description: 'Ауданның мектеп оқушылары, олардың ата-аналары мен ардагерлер.', count: 1200 },
      budget: [
        { item: 'Сурет байқауы: жүлделер, материалдар', kind: 'direct', amountTiyn: tiyn(95_000) },
        { item: 'Ақпараттық іс-шара мен концерт: дыбыс аппаратурасы, безендіру', kind: 'direct', amountTiyn: tiyn(160_000) },
        { item: 'Дөңгелек үстелдер мен кездесулер', kind: 'direct', amountTiyn: tiyn(110_000) },
        { item: 'Кітапша басып шығару, 1 000 дана', kind: 'direct', amountTiyn: tiyn(137_000) },
        { item: 'Жобаны әкімшілендіру', kind: 'administrative', amountTiyn: tiyn(55_143) },
      ],
      team: [
        { name: 'Мақсат Оразбаев', role: role('head', 'kk') },
        { name: 'Жадыра Қалиева', role: role('coordinator', 'kk') },
        { name: 'Ләйлә Ахметжанова', role: role('accountant', 'kk') },
      ],
    },
  };

  const nakhichivan: DemoApplication = {
    organisation: a.nakhichivan,
    language: 'kk',
    submittedAt: at('2019-02-11', '15:20'),
    quality: 0.86,
    content: {
      summary: {
        title: '«Қазақстан – ортақ шаңырағым»',
        summary:
          'Аудандағы этносаралық келісімді нығайту: Батыржан Оңғаров атындағы орталық стадионда Қазақстан халқының бірлігі күніне арналған мереке мен этномәдени көрме, Наурыз, Масленица және Алғыс айту күні мерекелері, этномәдени бірлестіктердің 2 дөңгелек үстелі.',
      },
      goals: {
        goal: 'Көксу ауданында тұратын этностардың бірлігі мен достығын нығайту, мәдениеттерін таныстыру.',
        tasks: '1) 1 мамыр — Қазақстан халқының бірлігі күніне арналған мереке мен этномәдени көрме; 2) Наурыз, Масленица және Алғыс айту күні мерекелері; 3) 2 дөңгелек үстел; 4) кемінде 1 500 қатысушы.',
      },
      plan: [
        { activity: 'Алғыс айту күні: ауыл ақсақалдары мен этномәдени бірлестіктердің кездесуі', from: '2019-03-01', to: '2019-03-01' },
        { activity: 'Масленица мерекесі', from: '2019-03-10', to: '2019-03-10' },
        { activity: 'Наурыз мерекесі (аудан орталығы)', from: '2019-03-21', to: '2019-03-22' },
        { activity: '«Қазақстан – ортақ шаңырағым»: Батыржан Оңғаров атындағы орталық стадиондағы мереке мен этномәдени көрме', from: '2019-05-01', to: '2019-05-01' },
        { activity: '1-дөңгелек үстел: этномәдени бірлестіктер және жастар', from: '2019-06-26', to: '2019-06-26' },
        { activity: '2-дөңгелек үстел: тілдер мен дәстүрлер', from: '2019-09-25', to: '2019-09-25' },
        { activity: 'Қорытынды есеп', from: '2019-11-25', to: '2019-11-29' },
      ],
      indicators: [
        { name: 'Мерекелік іс-шара', unit: 'дана', target: 4 },
        { name: 'Көрме', unit: 'дана', target: 1 },
        { name: 'Дөңгелек үстел', unit: 'дана', target: 2 },
        { name: 'Қатысушылар', unit: 'адам', target: 1500 },
      ],
      beneficiaries: { description: 'Көксу ауданының тұрғындары: қазақ, орыс, әзербайжан, ұйғыр және басқа этностардың өкілдері.', count: 1500 },
      budget: [
        { item: '1 мамыр мерекесі, Батыржан Оңғаров атындағы орталық стадион: сахна, дыбыс, безендіру', kind: 'direct', amountTiyn: tiyn(720_000) },
        { item: 'Этномәдени көрме', kind: 'direct', amountTiyn: tiyn(260_000) },
        { item: 'Наурыз, Масленица, Алғыс айту күні мерекелері', kind: 'direct', amountTiyn: tiyn(540_000) },
        { item: 'Дөңгелек үстелдер', kind: 'direct', amountTiyn: tiyn(140_000) },
        { item: 'Ақпараттық сүйемелдеу: аудандық газет, әлеуметтік желілер', kind: 'direct', amountTiyn: tiyn(154_286) },
        { item: 'Жобаны әкімшілендіру: бухгалтерлік қызмет, байланыс', kind: 'administrative', amountTiyn: tiyn(200_000) },
      ],
      team: [
        { name: 'Фахридин Джабрайлов', role: role('head', 'kk') },
        { name: 'Ринат Исмаилов', role: role('coordinator', 'kk') },
        { name: 'Индира Тұрсынова', role: role('accountant', 'kk') },
      ],
    },
  };

  return {
    input: {
      organiserId,
      instrument: 'social-order',
      ruleVersionId: 'social-order-2016',
      year: 2019,
      regionCode: 'KZ-33',
      titleKk: 'Көксу ауданының 2019 жылға арналған мемлекеттік әлеуметтік тапсырыс конкурсы',
      titleRu: KOKSU_TITLE_RU,
      titleEn: 'Koksu District state social order competition, 2019',
      descriptionKk:
        '2019 жылы облыстық бюджеттен Көксу ауданындағы әлеуметтік маңызы бар жобаларға 3 000 000 теңге бөлінді; конкурс үш лот бойынша өтті, жеңімпаздар анықталып, шарттар жасалды. Ескерту: Көксу ауданы ол кезде Алматы облысының құрамында болды; 2022 жылдан бастап Жетісу облысына кіреді, сондықтан конкурс қазір Жетісу облысында көрсетіледі.',
      descriptionRu:
        'В 2019 году из областного бюджета на социально значимые проекты в Коксуском районе выделено 3 000 000 тенге; конкурс проведён по трём лотам, победители определены, договоры заключены. Примечание: тогда Коксуский район входил в Алматинскую область; с 2022 года он в составе области Жетісу, поэтому конкурс показан в области Жетісу.',
      announcedAt: at('2019-01-14', '10:00'),
      deadlineAt: at('2019-02-13', '18:00'),
      admissionUntil: at('2019-02-20', '18:00'),
      evaluationUntil: at('2019-02-28', '18:00'),
      resultsDueAt: at('2019-03-05', '18:00'),
    },
    lots: [
      {
        lot: lots.youth,
        applications: [
          zhastary,
          other(districtA, lots.youth, 415_000, 'kk', '2019-02-01T12:10', 0.62),
          other(regionA, lots.youth, 400_000, 'ru', '2019-02-12T17:31', 0.56),
        ],
      },
      {
        lot: lots.symbols,
        applications: [
          ushUrpaq,
          other(districtB, lots.symbols, 540_000, 'kk', '2019-01-28T10:48', 0.6),
          other(regionB, lots.symbols, 550_000, 'ru', '2019-02-13T17:52', 0.5, 'Жарғының көшірмесі ұсынылмаған (міндетті құжат).'),
        ],
      },
      {
        lot: lots.unity,
        applications: [
          nakhichivan,
          other(districtA, lots.unity, 1_950_000, 'kk', '2019-02-05T09:37', 0.58),
          other(regionC, lots.unity, 2_000_000, 'ru', '2019-02-07T14:03', 0.6),
        ],
      },
    ],
  };
}

/** When the organiser decided admission, the commission sat and closed (Asia/Almaty). */
export const KOKSU_DATES = {
  decidedAt: at('2019-02-18', '11:00'),
  evaluationStartedAt: at('2019-02-21', '10:00'),
  scoredAt: at('2019-02-26', '15:00'),
  publishedAt: at('2019-02-28', '16:00'),
};

