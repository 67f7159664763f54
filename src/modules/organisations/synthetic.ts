import { ROLES, type Role } from '../../core/auth/schema.ts';
import { copyRows, type CopyValue } from '../../core/db/bulk-copy.ts';
import type { Database } from '../../core/db/client.ts';
import { DISTRICTS, type District } from '../../core/geo/districts.ts';
import { REGIONS } from '../../core/geo/regions.ts';
import type { Random } from '../../core/synthetic/random.ts';
import { makeBin } from './bin.ts';
import { AREAS, type Area, type LegalForm } from './schema.ts';
import { organisationSearchKey } from './search-key.ts';

/**
 * A synthetic register for load tests: organisations in every region with Kazakh and Russian
 * names and valid BINs, the state bodies that fund them, and the accounts behind them.
 */

/** NGOs per region, roughly by population (Almaty and Astana hold the most). */
const REGION_WEIGHTS: Record<string, number> = {
  'KZ-75': 12, 'KZ-71': 10, 'KZ-61': 8, 'KZ-35': 7, 'KZ-79': 6, 'KZ-19': 6, 'KZ-63': 5, 'KZ-31': 5, 'KZ-15': 5, 'KZ-39': 5,
  'KZ-10': 4, 'KZ-55': 4, 'KZ-11': 4, 'KZ-27': 4, 'KZ-43': 4, 'KZ-23': 3, 'KZ-47': 3, 'KZ-59': 3, 'KZ-33': 3, 'KZ-62': 1,
};

/** Shares of the legal forms in the national register (research/domain_kz.md §2). */
const FORM_WEIGHTS: readonly (readonly [LegalForm, number])[] = [
  ['public-association', 53], ['public-foundation', 27], ['private-institution', 14], ['association-of-legal-entities', 4],
  ['consumer-cooperative', 1], ['religious-association', 1],
];

const FORM_LABELS: Record<'kk' | 'ru', Partial<Record<LegalForm, string>>> = {
  kk: {
    'public-association': 'қоғамдық бірлестігі', 'public-foundation': 'қоғамдық қоры', 'private-institution': 'жеке мекемесі',
    'association-of-legal-entities': 'заңды тұлғалар бірлестігі', 'consumer-cooperative': 'тұтыну кооперативі', 'religious-association': 'діни бірлестігі',
  },
  ru: {
    'public-association': 'Общественное объединение', 'public-foundation': 'Общественный фонд', 'private-institution': 'Частное учреждение',
    'association-of-legal-entities': 'Объединение юридических лиц', 'consumer-cooperative': 'Потребительский кооператив', 'religious-association': 'Религиозное объединение',
  },
};

/** Names with a Russian counterpart: [Kazakh, Russian]. */
const BRANDS: readonly (readonly [string, string])[] = [
  ['Мейірім', 'Милосердие'], ['Үміт', 'Надежда'], ['Сенім', 'Вера'], ['Достық', 'Дружба'], ['Бірлік', 'Единство'],
  ['Жарқын болашақ', 'Светлое будущее'], ['Ақ жол', 'Светлый путь'], ['Шапағат', 'Благодать'], ['Қамқор', 'Забота'],
  ['Жасыл ел', 'Зелёная страна'], ['Таза өлке', 'Чистый край'], ['Көмек қолы', 'Рука помощи'], ['Ана мен бала', 'Мать и дитя'],
  ['Отбасы', 'Семья'], ['Ізгілік', 'Добродетель'], ['Жан жылуы', 'Тепло души'], ['Ынтымақ', 'Согласие'], ['Болашақ көпірі', 'Мост в будущее'],
  ['Ел үміті', 'Надежда страны'], ['Қайырым', 'Доброта'], ['Шуақ', 'Солнечный свет'], ['Арман', 'Мечта'], ['Береке', 'Достаток'],
  ['Даналық', 'Мудрость'], ['Жігер', 'Энергия'], ['Нұр', 'Луч'], ['Ақниет', 'Добрые намерения'], ['Өркен', 'Росток'], ['Дарын', 'Талант'],
  ['Зерде', 'Разум'], ['Жұлдыз', 'Звезда'], ['Ерлік', 'Отвага'], ['Атамекен', 'Родной край'], ['Жас қанат', 'Молодые крылья'],
  ['Саналы ұрпақ', 'Сознательное поколение'], ['Құрмет', 'Почёт'], ['Аналар кеңесі', 'Совет матерей'], ['Жастар бастамасы', 'Молодёжная инициатива'],
  ['Дала шұғыласы', 'Сияние степи'], ['Ақ желкен', 'Белый парус'], ['Мөлдір бұлақ', 'Чистый родник'], ['Алтын бесік', 'Золотая колыбель'],
  ['Кемел', 'Совершенство'], ['Тірек', 'Опора'], ['Жол серік', 'Попутчик'], ['Ақ көгершін', 'Белый голубь'], ['Өмір', 'Жизнь'], ['Шыңға', 'К вершине'],
];
/** Names kept in Kazakh in both languages, as many NGOs do. */
const KAZAKH_BRANDS = ['Самға', 'Тұлпар', 'Шаңырақ', 'Ақбота', 'Айгөлек', 'Байтерек', 'Көкжиек', 'Ақсәуле', 'Бәйшешек', 'Нұрлы жол', 'Қыран', 'Аққу', 'Ұлағат', 'Асыл мұра', 'Кербез'];
/** «{place} жастары» — Молодёжь {place}: [Kazakh suffix, Russian prefix]. */
const GROUPS: readonly (readonly [string, string])[] = [
  ['жастары', 'Молодёжь'], ['әйелдері', 'Женщины'], ['ардагерлері', 'Ветераны'], ['балалары', 'Дети'], ['еріктілері', 'Волонтёры'],
  ['кәсіпкерлері', 'Предприниматели'], ['аналары', 'Матери'], ['экологтары', 'Экологи'], ['зейнеткерлері', 'Пенсионеры'], ['спортшылары', 'Спортсмены'],
];
const FIRST_NAMES = ['Айгүл', 'Ерлан', 'Гүлнар', 'Асқар', 'Динара', 'Бауыржан', 'Сәуле', 'Нұрлан', 'Жанар', 'Мұрат', 'Әсел', 'Серік', 'Ләззат', 'Қайрат', 'Мәдина', 'Талғат', 'Ольга', 'Сергей', 'Наталья', 'Андрей', 'Айжан', 'Дәурен', 'Гаухар', 'Ержан', 'Жұлдыз', 'Тимур', 'Алия', 'Руслан', 'Светлана', 'Бақыт'];
const LAST_NAMES = ['Ахметов', 'Сейітқали', 'Жұмабаев', 'Оспанов', 'Нұрғазиев', 'Төлеген', 'Қасымов', 'Әбенов', 'Серікбаев', 'Ержанов', 'Бекова', 'Жақсылықова', 'Мұқанова', 'Исаева', 'Иванова', 'Ким', 'Петров', 'Смагулов', 'Байжанова', 'Омаров', 'Тажибаева', 'Сулейменов', 'Абдрахманова', 'Кузнецов'];
const STREETS = ['Абай', 'Достық', 'Тәуелсіздік', 'Сейфуллин', 'Жамбыл', 'Төле би', 'Абылай хан', 'Қабанбай батыр', 'Желтоқсан', 'Әл-Фараби', 'Бейбітшілік', 'Наурыз'];
const AREA_WORDS: Record<Area, readonly [string, string]> = {
  'vulnerable-groups': ['әлеуметтік осал топтарды қолдау', 'поддержка социально уязвимых групп'],
  'education-science-sport': ['білім, ғылым және спорт', 'образование, наука и спорт'],
  rights: ['азаматтардың құқықтарын қорғау', 'защита прав граждан'],
  health: ['денсаулық сақтау және салауатты өмір салты', 'здравоохранение и здоровый образ жизни'],
  'family-gender': ['отбасы және гендерлік саясат', 'семья и гендерная политика'],
  'culture-art': ['мәдениет және өнер', 'культура и искусство'],
  'social-harmony': ['қоғамдық келісім', 'общественное согласие'],
  children: ['балаларды қолдау', 'поддержка детей'],
  heritage: ['тарихи-мәдени мұра', 'историко-культурное наследие'],
  environment: ['қоршаған ортаны қорғау', 'охрана окружающей среды'],
  youth: ['жастар саясаты', 'молодёжная политика'],
  employment: ['жұмыспен қамту', 'содействие занятости'],
  other: ['азаматтық бастамалар', 'гражданские инициативы'],
};

/** The password of every synthetic account; the hash is made once by the caller. */
export const SYNTHETIC_PASSWORD = 'ortaq-synthetic-2026';
/** Synthetic accounts live under this domain, so they are never mistaken for people. */
export const SYNTHETIC_EMAIL_DOMAIN = 'synthetic.ortaq.kz';

export type SyntheticNgo = { id: string; bin: string; nameKk: string; nameRu: string; regionCode: string; active: boolean; adminUserId: string | null };
export type SyntheticStateBody = { id: string; regionCode: string | null; organiserUserId: string };
export type SyntheticRegister = { ngos: SyntheticNgo[]; stateBodies: SyntheticStateBody[]; expertUserIds: string[] };

const placeOf = (d: District) => d.name.kk.replace(/ (ауданы|аудан|қаласы)$/, '');
const districtsByRegion = new Map(REGIONS.map((r) => [r.code, DISTRICTS.filter((d) => d.regionCode === r.code)]));
const genitiveRu = (regionRu: string) => (regionRu.endsWith('ая область') ? regionRu.replace(/ая область$/, 'ой области') : `города ${regionRu}`);

const personName = (rand: Random) => `${rand.pick(FIRST_NAMES)} ${rand.pick(LAST_NAMES)}`;

/** BINs are unique: a draw already taken moves to the next serial of the same month. */
function uniqueBin(rand: Random, yymm: string, taken: Set<string>): string {
  let serial = rand.int(0, 99_999);
  for (;;) {
    const bin = makeBin(yymm, serial);
    if (!taken.has(bin)) {
      taken.add(bin);
      return bin;
    }
    serial = (serial + 1) % 100_000;
  }
}

type OrgRow = {
  id: string; bin: string; kind: 'ngo' | 'state'; legalForm: LegalForm; nameKk: string; nameRu: string; regionCode: string; districtKato: string | null;
  settlement: 'urban' | 'rural'; areas: Area[]; headName: string; email: string; phone: string; address: string; descriptionKk: string | null;
  descriptionRu: string | null; staffCount: number; volunteerCount: number; status: string; registeredOn: string; website: string | null;
};

function ngo(rand: Random, regionCode: string, taken: Set<string>): OrgRow {
  const legalForm = rand.weighted(FORM_WEIGHTS);
  const districts = districtsByRegion.get(regionCode)!;
  const district = rand.pick(districts);
  const r = rand.next();
  let kk: string;
  let ru: string;
  if (r < 0.45) [kk, ru] = rand.pick(BRANDS);
  else if (r < 0.6) kk = ru = rand.pick(KAZAKH_BRANDS);
  else {
    const [suffix, prefix] = rand.pick(GROUPS);
    kk = `${placeOf(district)} ${suffix}`;
    ru = `${prefix} ${placeOf(district)}`;
  }
  const year = rand.int(1995, 2025);
  const month = rand.int(1, 12);
  const bin = uniqueBin(rand, `${String(year).slice(2)}${String(month).padStart(2, '0')}`, taken);
  const areas = [...new Set([rand.pick(AREAS), rand.pick(AREAS)].slice(0, rand.int(1, 2)))];
  const [areaKk, areaRu] = AREA_WORDS[areas[0]!];
  const active = rand.chance(0.25);
  return {
    id: rand.uuid(),
    bin,
    kind: 'ngo',
    legalForm,
    nameKk: `«${kk}» ${FORM_LABELS.kk[legalForm]}`,
    nameRu: `${FORM_LABELS.ru[legalForm]} «${ru}»`,
    regionCode,
    districtKato: district.kato,
    settlement: district.kind === 'city' ? 'urban' : 'rural',
    areas,
    headName: personName(rand),
    email: `info.${bin}@mail.kz`,
    phone: `+7 7${rand.int(0, 9)}${rand.int(0, 9)} ${rand.int(100, 999)} ${rand.int(10, 99)} ${rand.int(10, 99)}`,
    address: `${district.name.ru}, ул. ${rand.pick(STREETS)}, ${rand.int(1, 180)}`,
    descriptionKk: active ? `Ұйымның негізгі бағыты — ${areaKk}. ${district.name.kk} тұрғындарымен жұмыс істейді.` : null,
    descriptionRu: active ? `Основное направление — ${areaRu}. Работает с жителями: ${district.name.ru}.` : null,
    staffCount: rand.int(0, 15),
    volunteerCount: rand.int(0, 80),
    status: active ? 'active' : rand.weighted([['inactive', 90], ['in-liquidation', 7], ['liquidated', 3]] as const),
    registeredOn: `${year}-${String(month).padStart(2, '0')}-${String(rand.int(1, 28)).padStart(2, '0')}`,
    website: active && rand.chance(0.3) ? `https://${bin}.ngo.kz` : null,
  };
}

function stateBody(rand: Random, taken: Set<string>, nameKk: string, nameRu: string, regionCode: string): OrgRow {
  const bin = uniqueBin(rand, `${rand.int(10, 22)}0${rand.int(1, 9)}`, taken);
  return {
    id: rand.uuid(), bin, kind: 'state', legalForm: 'state-body', nameKk, nameRu, regionCode, districtKato: null, settlement: 'urban', areas: [],
    headName: personName(rand), email: `kense.${bin}@gov.kz`, phone: `+7 717 2${rand.int(10, 99)} ${rand.int(10, 99)} ${rand.int(10, 99)}`,
    address: `${regionCode === 'KZ-71' ? 'Астана' : 'Облыс орталығы'}, ${rand.pick(STREETS)}, ${rand.int(1, 60)}`, descriptionKk: null, descriptionRu: null,
    staffCount: rand.int(10, 60), volunteerCount: 0, status: 'active', registeredOn: `20${rand.int(10, 22)}-01-15`, website: null,
  };
}

const ORG_COLUMNS = [
  'id', 'bin', 'kind', 'legal_form', 'name_kk', 'name_ru', 'region_code', 'district_kato', 'settlement', 'areas', 'head_name', 'email', 'phone', 'address',
  'description_kk', 'description_ru', 'staff_count', 'volunteer_count', 'search_key', 'status', 'registered_on', 'website',
] as const;
const orgValues = (o: OrgRow): CopyValue[] => [
  o.id, o.bin, o.kind, o.legalForm, o.nameKk, o.nameRu, o.regionCode, o.districtKato, o.settlement, o.areas, o.headName, o.email, o.phone, o.address,
  o.descriptionKk, o.descriptionRu, o.staffCount, o.volunteerCount, organisationSearchKey(o), o.status, o.registeredOn, o.website,
];

/** Only the register's organisations, without writing anything: what the determinism test compares. */
export function generateNgos(rand: Random, count: number): OrgRow[] {
  const taken = new Set<string>();
  const regions = Object.entries(REGION_WEIGHTS) as [string, number][];
  return Array.from({ length: count }, (_, i) => ngo(rand, i < regions.length ? regions[i]![0] : rand.weighted(regions), taken));
}

/**
 * Writes the synthetic register: `count` NGOs, a public-development department per region, the
 * grant operator and the ministry, one organiser per state body, an admin per active NGO, experts
 * and a platform administrator. Every account's password is SYNTHETIC_PASSWORD.
 */
export async function seedSyntheticRegister(
  database: Database,
  rand: Random,
  options: { count: number; experts: number; passwordHash: string; now: Date },
): Promise<SyntheticRegister> {
  const ngos = generateNgos(rand.fork('ngos'), options.count);
  const stateRand = rand.fork('state');
  const taken = new Set(ngos.map((o) => o.bin));
  const bodies = [
    ...REGIONS.map((r) => ({
      row: stateBody(stateRand, taken, `${r.name.kk} қоғамдық даму басқармасы`, `Управление общественного развития ${genitiveRu(r.name.ru)}`, r.code),
      regionCode: r.code as string | null,
    })),
    { row: stateBody(stateRand, taken, '«Азаматтық бастамаларды қолдау орталығы» КЕАҚ', 'НАО «Центр поддержки гражданских инициатив»', 'KZ-71'), regionCode: null },
    { row: stateBody(stateRand, taken, 'ҚР Мәдениет және ақпарат министрлігі', 'Министерство культуры и информации РК', 'KZ-71'), regionCode: null },
  ];
  await copyRows(database, 'organisations', ORG_COLUMNS, [...ngos, ...bodies.map((b) => b.row)].map(orgValues));

  const userRand = rand.fork('users');
  const users: CopyValue[][] = [];
  const roles: CopyValue[][] = [];
  const members: CopyValue[][] = [];
  const created = options.now;
  const addUser = (email: string, name: string, role: Role | null, locale: 'kk' | 'ru' = 'kk') => {
    const id = userRand.uuid();
    users.push([id, email, name, options.passwordHash, locale, created, created]);
    if (role && ROLES.includes(role)) roles.push([id, role]);
    return id;
  };
  addUser(`admin@${SYNTHETIC_EMAIL_DOMAIN}`, 'Synthetic admin', 'admin', 'kk');
  const stateBodies = bodies.map((b, i) => {
    const organiserUserId = addUser(`organiser-${i + 1}@${SYNTHETIC_EMAIL_DOMAIN}`, personName(userRand), 'organiser', 'ru');
    members.push([b.row.id, organiserUserId, 'staff']);
    return { id: b.row.id, regionCode: b.regionCode, organiserUserId };
  });
  const expertUserIds = Array.from({ length: options.experts }, (_, i) => addUser(`expert-${i + 1}@${SYNTHETIC_EMAIL_DOMAIN}`, personName(userRand), 'expert'));
  const result: SyntheticNgo[] = ngos.map((o, i) => {
    const active = o.status === 'active';
    const adminUserId = active ? addUser(`ngo-${i + 1}@${SYNTHETIC_EMAIL_DOMAIN}`, o.headName, null, userRand.chance(0.6) ? 'kk' : 'ru') : null;
    if (adminUserId) members.push([o.id, adminUserId, 'admin']);
    return { id: o.id, bin: o.bin, nameKk: o.nameKk, nameRu: o.nameRu, regionCode: o.regionCode, active, adminUserId };
  });
  await copyRows(database, 'users', ['id', 'email', 'name', 'password_hash', 'locale', 'email_verified_at', 'created_at'], users);
  await copyRows(database, 'user_roles', ['user_id', 'role'], roles);
  await copyRows(database, 'organisation_members', ['organisation_id', 'user_id', 'role'], members);

  // Active NGOs reported to the national NGO database for the last three years, so they may apply.
  const year = options.now.getUTCFullYear();
  const reports = result.filter((o) => o.active).flatMap((o) => [3, 2, 1].map((back) => [o.id, year - back, `${year - back + 1}-03-${String(10 + back).padStart(2, '0')}`]));
  await copyRows(database, 'ngo_database_reports', ['organisation_id', 'year', 'submitted_on'], reports);
  return { ngos: result, stateBodies, expertUserIds };
}
