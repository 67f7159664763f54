import { almaty, almatyDay, mix, pickOf, shiftDay, unit } from '../../core/demo/determinism.ts';
import type { Area } from '../organisations/index.ts';
import type { CompetitionInput, LotInput } from './announce-competition.ts';
import type { ApplicationContent, BudgetLine, LotIndicator, PlanItem, TeamMember } from './schema.ts';

export { almaty, almatyDay, mix, pickOf, shiftDay, unit };

/*
 * Building blocks of the demo competitions (the deterministic hash and Almaty dates come from
 * core/demo/determinism.ts): the usual indicators of a lot, and application texts in Kazakh and Russian
 * made from a lot, an organisation and an amount.
 */

// ---------------------------------------------------------------- time, in Kazakhstan

/** `n` spread out evenly (and a little unevenly, by `key`) between two dates. */
export function spread(from: string, to: string, n: number, key: string): { from: string; to: string }[] {
  const start = Date.parse(`${from}T00:00:00Z`);
  const span = (Date.parse(`${to}T00:00:00Z`) - start) / 86_400_000;
  const step = span / n;
  return Array.from({ length: n }, (_, i) => {
    const a = Math.floor(i * step + (mix(key, i) % Math.max(1, Math.floor(step / 4))));
    const b = Math.max(a, Math.floor((i + 1) * step) - 1);
    const day = (k: number) => new Date(start + k * 86_400_000).toISOString().slice(0, 10);
    return { from: day(a), to: day(b) };
  });
}

// ---------------------------------------------------------------- money and numbers

export const tiyn = (tenge: number) => Math.round(tenge * 100);
/** 1 000 000 with plain spaces, as people write it in both languages. */
export const grouped = (n: number) => String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ' ');

// ---------------------------------------------------------------- indicators

const unitText = {
  piece: { kk: 'дана', ru: 'шт.' },
  copy: { kk: 'дана', ru: 'экз.' },
  person: { kk: 'адам', ru: 'чел.' },
} as const;

const ind = (kk: string, ru: string, unitKey: keyof typeof unitText) => (target: number): LotIndicator => ({ name: { kk, ru }, unit: unitText[unitKey], target });

/** Indicators as lots list them: a name and unit in both languages; the target is given per lot. */
export const IND = {
  roundTables: ind('Дөңгелек үстел', 'Круглый стол', 'piece'),
  meetings: ind('Кездесу', 'Встреча', 'piece'),
  newspaperArticles: ind('Аудандық газеттегі мақала', 'Статья в районной газете', 'piece'),
  socialPosts: ind('Әлеуметтік желілердегі жарияланым', 'Публикация в социальных сетях', 'piece'),
  drawingContest: ind('Оқушылар арасындағы сурет байқауы', 'Конкурс рисунков среди школьников', 'piece'),
  infoEvents: ind('Ақпараттық іс-шара', 'Информационное мероприятие', 'piece'),
  brochures: ind('Кітапша', 'Брошюра', 'copy'),
  concerts: ind('Концерт', 'Концерт', 'piece'),
  festivals: ind('Мерекелік іс-шара', 'Праздничное мероприятие', 'piece'),
  exhibitions: ind('Көрме', 'Выставка', 'piece'),
  participants: ind('Қатысушылар', 'Участники', 'person'),
  beneficiaries: ind('Жоба алушылар', 'Благополучатели', 'person'),
  trainings: ind('Семинар-тренинг', 'Семинар-тренинг', 'piece'),
  consultations: ind('Кеңес беру', 'Консультация', 'piece'),
  onlineAnswers: ind('Онлайн «сұрақ-жауап» кеңесі', 'Онлайн-консультация «вопрос-ответ»', 'piece'),
  legalAidCentres: ind('Құқықтық көмек орталығы', 'Центр правовой помощи', 'piece'),
  studies: ind('Аналитикалық зерттеу', 'Аналитическое исследование', 'piece'),
  respondents: ind('Сауалнамаға қатысушылар', 'Участники анкетирования', 'person'),
  panelSessions: ind('Панельдік сессия', 'Панельная сессия', 'piece'),
  discussionPlatforms: ind('Талқылау алаңы', 'Дискуссионная площадка', 'piece'),
  libraryItems: ind('Электрондық кітапханадағы материал', 'Материал электронной библиотеки', 'piece'),
  webinars: ind('Вебинар', 'Вебинар', 'piece'),
  videos: ind('Бейнеролик', 'Видеоролик', 'piece'),
  methodologies: ind('Әдістемелік құрал', 'Методическое пособие', 'piece'),
  volunteers: ind('Тартылған еріктілер', 'Привлечённые волонтёры', 'person'),
  trees: ind('Отырғызылған ағаш', 'Высаженные деревья', 'piece'),
  actions: ind('Акция', 'Акция', 'piece'),
  sessions: ind('Оңалту сабағы', 'Реабилитационное занятие', 'piece'),
  homeVisits: ind('Үйге бару', 'Посещение на дому', 'piece'),
  businessPlans: ind('Дайындалған бизнес-жоспар', 'Подготовленный бизнес-план', 'piece'),
  mentors: ind('Тәлімгер', 'Наставник', 'person'),
  camps: ind('Жазғы лагерь', 'Летний лагерь', 'piece'),
  sportsSections: ind('Спорт секциясы', 'Спортивная секция', 'piece'),
  competitions: ind('Жарыс', 'Соревнование', 'piece'),
  expeditions: ind('Экспедиция', 'Экспедиция', 'piece'),
  books: ind('Кітап', 'Книга', 'copy'),
  receptions: ind('Азаматтарды қабылдау', 'Приём граждан', 'piece'),
  hackathons: ind('Хакатон', 'Хакатон', 'piece'),
  miniProjects: ind('Қолдау көрсетілген шағын жоба', 'Поддержанный мини-проект', 'piece'),
  workshops: ind('Шеберхана сабағы', 'Занятие мастерской', 'piece'),
  mediations: ind('Медиация рәсімі', 'Процедура медиации', 'piece'),
  councilsSupported: ind('Сүйемелденген қоғамдық кеңес', 'Сопровождённый общественный совет', 'piece'),
  portals: ind('Онлайн-портал', 'Онлайн-портал', 'piece'),
} as const;

// ---------------------------------------------------------------- application texts

type Lang = 'kk' | 'ru';

/** What an applicant in each area says it wants and for whom. */
const AREA_TEXT: Record<Area, { goal: Record<Lang, string>; who: Record<Lang, string> }> = {
  youth: {
    goal: { kk: 'Жастардың азаматтық белсенділігін арттыру және оларды қоғамдық өмірге тарту.', ru: 'Повысить гражданскую активность молодёжи и вовлечь её в общественную жизнь.' },
    who: { kk: '14–29 жас аралығындағы жастар, оның ішінде ауыл жастары', ru: 'молодёжь 14–29 лет, в том числе сельская' },
  },
  'vulnerable-groups': {
    goal: { kk: 'Әлеуметтік осал топтардың өмір сапасын жақсарту және оларды қоғамға толық қосу.', ru: 'Улучшить качество жизни социально уязвимых групп и их полноценное включение в общество.' },
    who: { kk: 'мүгедектігі бар адамдар, олардың отбасылары және жалғызбасты қарттар', ru: 'люди с инвалидностью, их семьи и одинокие пожилые люди' },
  },
  'social-harmony': {
    goal: { kk: 'Этносаралық және конфессияаралық келісімді, қоғамдық татулықты нығайту.', ru: 'Укрепить межэтническое и межконфессиональное согласие и общественный мир.' },
    who: { kk: 'әр түрлі этнос өкілдері, жастар және жергілікті қауымдастықтар', ru: 'представители разных этносов, молодёжь и местные сообщества' },
  },
  environment: {
    goal: { kk: 'Тұрғындардың экологиялық мәдениетін қалыптастыру және елді мекендерді көгалдандыру.', ru: 'Сформировать экологическую культуру жителей и озеленить населённые пункты.' },
    who: { kk: 'мектеп оқушылары, студенттер, еріктілер және тұрғындар', ru: 'школьники, студенты, волонтёры и жители' },
  },
  health: {
    goal: { kk: 'Салауатты өмір салтын насихаттау және аурулардың алдын алу.', ru: 'Пропагандировать здоровый образ жизни и профилактику заболеваний.' },
    who: { kk: 'жастар, жүкті әйелдер мен жас аналар, тұрғындар', ru: 'молодёжь, беременные женщины и молодые матери, жители' },
  },
  'family-gender': {
    goal: { kk: 'Отбасы институтын нығайту, тұрмыстық зорлық-зомбылықтың алдын алу.', ru: 'Укрепить институт семьи и предупредить бытовое насилие.' },
    who: { kk: 'отбасылар, зорлық-зомбылықтан зардап шеккен әйелдер мен балалар', ru: 'семьи, женщины и дети, пострадавшие от насилия' },
  },
  heritage: {
    goal: { kk: 'Тарихи-мәдени мұраны зерделеу, сақтау және жас ұрпаққа насихаттау.', ru: 'Изучить, сохранить и популяризировать историко-культурное наследие среди молодого поколения.' },
    who: { kk: 'мектеп оқушылары, жастар, өлкетанушылар', ru: 'школьники, молодёжь, краеведы' },
  },
  employment: {
    goal: { kk: 'Әлеуметтік кәсіпкерлікті дамыту және халықтың жұмыспен қамтылуын арттыру.', ru: 'Развить социальное предпринимательство и повысить занятость населения.' },
    who: { kk: 'жұмыссыздар, мүгедектігі бар адамдар, ауыл тұрғындары', ru: 'безработные, люди с инвалидностью, сельские жители' },
  },
  children: {
    goal: { kk: 'Балалардың құқықтарын қорғау және олардың әлеуметтенуіне жағдай жасау.', ru: 'Защитить права детей и создать условия для их социализации.' },
    who: { kk: 'жетім балалар, ата-анасының қамқорлығынсыз қалған балалар, аз қамтылған отбасылардың балалары', ru: 'дети-сироты, дети, оставшиеся без попечения родителей, дети из малообеспеченных семей' },
  },
  rights: {
    goal: { kk: 'Азаматтардың құқықтық сауаттылығын арттыру және құқықтарын қорғауға көмектесу.', ru: 'Повысить правовую грамотность граждан и помочь им в защите своих прав.' },
    who: { kk: 'тұрғындар, оның ішінде әлеуметтік осал топтар', ru: 'жители, в том числе социально уязвимые группы' },
  },
  'education-science-sport': {
    goal: { kk: 'Білім беру, ғылым және спорт арқылы азаматтардың әлеуетін дамыту.', ru: 'Развить потенциал граждан через образование, науку и спорт.' },
    who: { kk: 'ҮЕҰ қызметкерлері, мұғалімдер, балалар мен жастар', ru: 'сотрудники НПО, учителя, дети и молодёжь' },
  },
  'culture-art': {
    goal: { kk: 'Ұлттық мәдениет пен мемлекеттік тілді дамыту, рухани құндылықтарды насихаттау.', ru: 'Развивать национальную культуру и государственный язык, продвигать духовные ценности.' },
    who: { kk: 'жастар, шығармашылық ұжымдар, тұрғындар', ru: 'молодёжь, творческие коллективы, жители' },
  },
  other: {
    goal: { kk: 'Азаматтық бастамаларды қолдау.', ru: 'Поддержать гражданские инициативы.' },
    who: { kk: 'тұрғындар мен ҮЕҰ', ru: 'жители и НПО' },
  },
};

const PROJECT_NAMES = [
  'Бірге – біз күштіміз', 'Белсенді азамат', 'Жаңа мүмкіндік', 'Ашық диалог', 'Қамқор жүрек', 'Болашаққа қадам', 'Бірлік көпірі', 'Жасыл өлке',
  'Салауатты ұрпақ', 'Мейірім мектебі', 'Ел үміті', 'Құқық және мен', 'Өнегелі отбасы', 'Туған жерге тағзым', 'Ізгі қадам', 'Серпін', 'Шабыт', 'Сенім алаңы',
];
const PEOPLE = [
  'Әсел Нұрланқызы', 'Ержан Төлеуов', 'Гүлмира Сапарова', 'Дәурен Мұхамедиев', 'Айжан Бекмағамбетова', 'Мақсат Оразбаев', 'Жадыра Қалиева', 'Нұржан Әбдірахманов',
  'Сымбат Ермекова', 'Бекзат Жолдасбеков', 'Индира Тұрсынова', 'Арман Сейітов', 'Ләйлә Ахметжанова', 'Ринат Исмаилов', 'Назерке Дәулетова', 'Олжас Қуанышев',
];
const ROLES = {
  head: { kk: 'Жоба жетекшісі', ru: 'Руководитель проекта' },
  coordinator: { kk: 'Жоба үйлестірушісі', ru: 'Координатор проекта' },
  expert: { kk: 'Сарапшы-тренер', ru: 'Эксперт-тренер' },
  accountant: { kk: 'Бухгалтер', ru: 'Бухгалтер' },
  media: { kk: 'БАҚ-пен жұмыс жөніндегі маман', ru: 'Специалист по работе со СМИ' },
} as const;
export const role = (key: keyof typeof ROLES, lang: Lang) => ROLES[key][lang];

/** The direct lines, by kind of lot: what the money buys. */
const DIRECT_ITEMS: Record<Lang, string[]> = {
  kk: [
    'Іс-шараларды өткізу: зал жалы, кофе-брейк, таратпа материалдар',
    'Сарапшылар мен тренерлердің қызметтері',
    'Баспа өнімдері және ақпараттық сүйемелдеу',
    'Қатысушылардың жол жүруі мен тұруы',
  ],
  ru: [
    'Проведение мероприятий: аренда зала, кофе-брейк, раздаточные материалы',
    'Услуги экспертов и тренеров',
    'Печатная продукция и информационное сопровождение',
    'Проезд и проживание участников',
  ],
};
const ADMIN_ITEM: Record<Lang, string> = {
  kk: 'Жобаны әкімшілендіру: бухгалтерлік қызмет, байланыс, банк қызметтері',
  ru: 'Администрирование проекта: бухгалтерские услуги, связь, банковские услуги',
};

/**
 * Budget lines summing exactly to the requested amount: direct items in the given shares and an
 * administrative line of about 8 % (the rules allow 10 %), in whole tenge.
 */
export function budgetLines(requestedTenge: number, items: { item: string; share: number }[], adminItem: string, adminPercent = 8): BudgetLine[] {
  const admin = Math.floor((requestedTenge * adminPercent) / 100);
  const direct = requestedTenge - admin;
  const shares = items.reduce((s, i) => s + i.share, 0);
  let left = direct;
  const lines: BudgetLine[] = items.map((i, k) => {
    const amount = k === items.length - 1 ? left : Math.floor((direct * i.share) / shares);
    left -= amount;
    return { item: i.item, kind: 'direct', amountTiyn: tiyn(amount) };
  });
  return [...lines, { item: adminItem, kind: 'administrative', amountTiyn: tiyn(admin) }];
}

export type DemoApplicant = {
  id: string;
  bin: string;
  nameKk: string;
  nameRu: string;
  headName: string | null;
  regionCode: string;
  areas: Area[];
};

/**
 * An application as an organisation of the register would write it for a lot: its own project
 * name, what it will do (the lot's indicators), when, for whom, for how much, and who.
 */
export function writeApplication(opts: {
  lang: Lang;
  lot: { titleKk: string; titleRu: string; area: string; indicators: LotIndicator[] };
  org: DemoApplicant;
  requestedTenge: number;
  period: { from: string; to: string };
}): ApplicationContent {
  const { lang, lot, org, period } = opts;
  const key = `${org.bin}:${lot.titleKk}`;
  const area = (lot.area in AREA_TEXT ? lot.area : 'other') as Area;
  const text = AREA_TEXT[area];
  const project = pickOf(PROJECT_NAMES, key, 'name');
  const months = Math.max(1, Math.round((Date.parse(period.to) - Date.parse(period.from)) / (30 * 86_400_000)));
  // Some applicants promise a little more than the lot asks.
  const targets = lot.indicators.map((i, k) => ({ ...i, target: i.target + (mix(key, 'more', k) % 4 === 0 ? Math.max(1, Math.round(i.target * 0.2)) : 0) }));
  const list = targets.map((i) => `${i.name[lang].toLowerCase()} — ${grouped(i.target)} ${i.unit[lang]}`).join('; ');
  const done = list.endsWith('.') ? list : `${list}.`;
  const windows = spread(period.from, period.to, targets.length + 2, key);
  const plan: PlanItem[] = [
    { activity: lang === 'kk' ? 'Дайындық: серіктестермен келісу, қатысушыларды іріктеу, ақпараттық хабарландыру' : 'Подготовка: согласование с партнёрами, отбор участников, информационное объявление', ...windows[0]! },
    ...targets.map((i, k) => ({ activity: `${i.name[lang]} (${grouped(i.target)} ${i.unit[lang]})`, ...windows[k + 1]! })),
    { activity: lang === 'kk' ? 'Қорытынды есеп, нәтижелерді БАҚ пен әлеуметтік желілерде жариялау' : 'Итоговый отчёт, публикация результатов в СМИ и социальных сетях', ...windows[targets.length + 1]! },
  ];
  const count = 100 + (mix(key, 'count') % 40) * 25;
  const items = DIRECT_ITEMS[lang].slice(0, 2 + (mix(key, 'items') % 3)).map((item, k) => ({ item, share: [45, 30, 15, 10][k]! }));
  const team: TeamMember[] = [
    { name: org.headName ?? pickOf(PEOPLE, key, 'head'), role: role('head', lang) },
    { name: pickOf(PEOPLE, key, 'coordinator'), role: role('coordinator', lang) },
    { name: pickOf(PEOPLE.slice().reverse(), key, 'accountant'), role: role('accountant', lang) },
  ];
  return lang === 'kk'
    ? {
        summary: {
          title: `«${project}» жобасы`,
          summary: `Жоба «${lot.titleKk}» тақырыбы бойынша іске асырылады. ${org.nameKk} ${months} ай ішінде өткізеді: ${done} Нысаналы топ — ${text.who.kk}.`,
        },
        goals: { goal: text.goal.kk, tasks: targets.map((i, k) => `${k + 1}) ${i.name.kk.toLowerCase()}: ${grouped(i.target)} ${i.unit.kk}`).join('; ') },
        plan,
        indicators: targets.map((i) => ({ name: i.name.kk, unit: i.unit.kk, target: i.target })),
        beneficiaries: { description: `${text.who.kk[0]!.toUpperCase()}${text.who.kk.slice(1)}.`, count },
        budget: budgetLines(opts.requestedTenge, items, ADMIN_ITEM.kk),
        team,
      }
    : {
        summary: {
          title: `Проект «${project}»`,
          summary: `Проект по теме «${lot.titleRu}». ${org.nameRu} за ${months} мес. проведёт: ${done} Целевая группа — ${text.who.ru}.`,
        },
        goals: { goal: text.goal.ru, tasks: targets.map((i, k) => `${k + 1}) ${i.name.ru.toLowerCase()}: ${grouped(i.target)} ${i.unit.ru}`).join('; ') },
        plan,
        indicators: targets.map((i) => ({ name: i.name.ru, unit: i.unit.ru, target: i.target })),
        beneficiaries: { description: `${text.who.ru[0]!.toUpperCase()}${text.who.ru.slice(1)}.`, count },
        budget: budgetLines(opts.requestedTenge, items, ADMIN_ITEM.ru),
        team,
      };
}

/** The total of an application's budget, in tiyn: what it requests. */
export const requestedOf = (content: ApplicationContent) => content.budget.reduce((s, l) => s + l.amountTiyn, 0);

// ---------------------------------------------------------------- experts' scores

const COMMENTS: Record<string, [string, string, string]> = {
  relevance: ['Өзектілігі әлсіз негізделген, мәселе нақты деректермен көрсетілмеген.', 'Тақырыпқа сәйкес, өзектілігі жалпы сипатта көрсетілген.', 'Өңірдің нақты мәселесіне бағытталған, өзектілігі деректермен дәлелденген.'],
  goals: ['Мақсаты мен міндеттері бұлыңғыр, өлшенетін нәтижелер жоқ.', 'Мақсат түсінікті, кейбір міндеттер нақтылауды қажет етеді.', 'Мақсат пен міндеттер нақты, өлшенетін және өзара байланысты.'],
  plan: ['Жоспар тым жалпы, мерзімдері шынайы емес.', 'Жоспар орындалатын, бірақ кейбір іс-шаралардың мерзімі тығыз.', 'Жоспар егжей-тегжейлі, мерзімдері мен жауаптылары анық.'],
  capacity: ['Ұйымның осы саладағы тәжірибесі аз.', 'Ұйымның тәжірибесі жеткілікті, команда шағын.', 'Ұйымның осы бағытта бірнеше жылдық тәжірибесі және білікті командасы бар.'],
  budget: ['Бюджет баптары негізделмеген, шығындар асыра бағаланған.', 'Бюджет жалпы негізделген, кейбір баптар қымбаттау.', 'Бюджет нақты есептелген, шығындар нарықтық бағаларға сәйкес.'],
  sustainability: ['Жоба аяқталғаннан кейінгі жалғастыру жоспары жоқ.', 'Нәтижелерді сақтау жолдары аталған, бірақ нақтыланбаған.', 'Нәтижелердің тұрақтылығы серіктестіктермен және өз қаражатымен қамтамасыз етілген.'],
  impact: ['Күтілетін әлеуметтік әсер шамалы.', 'Әлеуметтік әсер орташа, қамту ауқымы шектеулі.', 'Күтілетін әлеуметтік әсер жоғары, қамту ауқымы кең.'],
  contribution: ['Үлесі шамалы.', 'Үлесі байқалады.', 'Азаматтық қоғамды дамытуға елеулі үлес қосқан.'],
  results: ['Нәтижелері аз.', 'Нәтижелері орташа.', 'Нәтижелері жоғары және дәлелденген.'],
  reach: ['Қамту ауқымы тар.', 'Қамту ауқымы орташа.', 'Қамту ауқымы кең.'],
};

/**
 * One expert's points on one criterion for an application of the given quality (0–1): the
 * quality on the criterion's scale, give or take a point as experts differ.
 */
export function expertPoints(quality: number, maxPoints: number, ...key: (string | number)[]): number {
  const jitter = (mix(...key) % 3) - 1;
  return Math.min(maxPoints, Math.max(1, Math.round(quality * maxPoints) + jitter));
}

export function expertComment(criterion: string, points: number, maxPoints: number): string {
  const [low, mid, high] = COMMENTS[criterion] ?? ['Әлсіз.', 'Орташа.', 'Жақсы.'];
  const share = points / maxPoints;
  return share < 0.5 ? low : share < 0.75 ? mid : high;
}

// ---------------------------------------------------------------- the shape of a demo competition

export type DemoApplication = {
  organisation: DemoApplicant;
  language: Lang;
  content: ApplicationContent;
  submittedAt: Date;
  /** 0–1: how good the experts find it; their points follow from it. */
  quality: number;
  /** Set when the organiser refused it at admission. */
  refusal?: string;
  /** The account that wrote and submitted it; historical applicants have none. */
  createdBy?: string | null;
};
export type DemoLot = { lot: LotInput; applications: DemoApplication[] };
export type DemoCompetition = { input: Omit<CompetitionInput, 'lots'>; lots: DemoLot[] };
