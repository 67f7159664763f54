import type { LegalForm, OrganisationStatus, Settlement, Area } from './schema.ts';
import { AREAS } from './schema.ts';
import { makeBin } from './bin.ts';

/** A small deterministic PRNG (mulberry32): the same seed gives the same demo register. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const pick = <T>(rand: () => number, list: readonly T[]): T => list[Math.floor(rand() * list.length)]!;

/** Names NGOs really give themselves: a Kazakh word or phrase, kept as it is in Russian too. */
const BRANDS = [
  'Мейірім', 'Жарқын болашақ', 'Ақ жол', 'Бірлік', 'Достық', 'Шапағат', 'Нұр', 'Жігер', 'Сенім', 'Үміт', 'Ізгілік',
  'Қамқор', 'Самға', 'Жас қанат', 'Ақниет', 'Арман', 'Береке', 'Тұлпар', 'Даналық', 'Атамекен', 'Отбасы', 'Ана мен бала',
  'Жасыл ел', 'Таза өлке', 'Шуақ', 'Қайырым', 'Кемел', 'Алтын бесік', 'Ынтымақ', 'Шаңырақ', 'Аққу', 'Жұлдыз', 'Мөлдір',
  'Дарын', 'Зерде', 'Өркен', 'Болашақ көпірі', 'Ел үміті', 'Жан жылуы', 'Көмек қолы', 'Саналы ұрпақ', 'Ақ бата', 'Құрмет',
  'Ақсақалдар алқасы', 'Аналар кеңесі', 'Жастар бастамасы', 'Ерлік', 'Қыран', 'Дала шұғыласы', 'Ақ желкен',
];
const PLACES: Record<string, readonly string[]> = {
  'KZ-15': ['Ақтөбе', 'Алға', 'Қандыағаш', 'Хромтау', 'Шалқар', 'Ембі', 'Темір', 'Мұғалжар', 'Ырғыз', 'Қобда'],
  'KZ-39': ['Қостанай', 'Рудный', 'Лисаков', 'Арқалық', 'Жітіқара', 'Тобыл', 'Әулиекөл', 'Қарабалық', 'Денисов', 'Амангелді'],
  default: ['Дала', 'Өңір', 'Ауыл', 'Қала', 'Өлке'],
};
const TOPICS_KK = ['жастары', 'әйелдері', 'ардагерлері', 'балалары', 'еріктілері', 'кәсіпкерлері', 'мүгедектігі бар адамдары'];
const FIRST_NAMES = ['Айгүл', 'Ерлан', 'Гүлнар', 'Асқар', 'Динара', 'Бауыржан', 'Сәуле', 'Нұрлан', 'Жанар', 'Мұрат', 'Әсел', 'Серік', 'Ләззат', 'Қайрат', 'Мәдина', 'Талғат'];
const LAST_NAMES = ['Ахметов', 'Сейітқали', 'Жұмабаев', 'Оспанов', 'Нұрғазиев', 'Төлеген', 'Қасымов', 'Әбенов', 'Серікбаев', 'Ержанов', 'Бекова', 'Жақсылықова', 'Мұқанова', 'Исаева'];

export const FORM_LABELS: Record<'kk' | 'ru', Partial<Record<LegalForm, string>>> = {
  kk: {
    'public-association': 'қоғамдық бірлестігі',
    'public-foundation': 'қоғамдық қоры',
    'association-of-legal-entities': 'заңды тұлғалар бірлестігі',
    'private-institution': 'жеке мекемесі',
  },
  ru: {
    'public-association': 'Общественное объединение',
    'public-foundation': 'Общественный фонд',
    'association-of-legal-entities': 'Объединение юридических лиц',
    'private-institution': 'Частное учреждение',
  },
};

export type GeneratedOrganisation = {
  bin: string;
  legalForm: LegalForm;
  nameKk: string;
  nameRu: string;
  regionCode: string;
  districtKato: string | null;
  settlement: Settlement;
  status: OrganisationStatus;
  areas: Area[];
  registeredOn: string;
  headName: string;
  staffCount: number;
  volunteerCount: number;
};

export type RegionPlan = {
  regionCode: string;
  forms: Partial<Record<LegalForm, number>>;
  active: number;
  ruralShare: number;
  /** KATO codes: cities of regional significance (urban) and districts (rural). */
  cities: readonly string[];
  districts: readonly string[];
  /** Extra names to use first, e.g. those the seeds mention. */
  brands?: readonly string[];
};

/**
 * Generates a region's register: so many organisations of each legal form, so many active, a
 * share in rural districts, all with realistic Kazakh and Russian names and valid, unique BINs.
 */
export function generateRegion(plan: RegionPlan, seed: number, usedBins: Set<string>): GeneratedOrganisation[] {
  const rand = prng(seed);
  const places = PLACES[plan.regionCode] ?? PLACES.default!;
  const out: GeneratedOrganisation[] = [];
  const usedNames = new Set<string>();
  const brands = [...(plan.brands ?? [])];
  for (const [form, count] of Object.entries(plan.forms) as [LegalForm, number][]) {
    for (let i = 0; i < count; i++) {
      let brand = brands.shift() ?? '';
      while (!brand || usedNames.has(brand)) {
        const r = rand();
        brand = r < 0.45 ? pick(rand, BRANDS) : r < 0.8 ? `${pick(rand, places)} ${pick(rand, TOPICS_KK)}` : `${pick(rand, places)} ${pick(rand, BRANDS).toLowerCase()}`;
        if (usedNames.has(brand)) brand = `${brand} ${Math.floor(rand() * 90) + 10}`;
      }
      usedNames.add(brand);
      const year = 1995 + Math.floor(rand() * 30);
      const month = 1 + Math.floor(rand() * 12);
      const day = 1 + Math.floor(rand() * 28);
      let bin = '';
      do bin = makeBin(`${String(year).slice(2)}${String(month).padStart(2, '0')}`, Math.floor(rand() * 99999));
      while (usedBins.has(bin));
      usedBins.add(bin);
      const rural = rand() < plan.ruralShare;
      const areaCount = 1 + Math.floor(rand() * 3);
      const areas = [...new Set(Array.from({ length: areaCount }, () => pick(rand, AREAS)))];
      out.push({
        bin,
        legalForm: form,
        nameKk: `«${brand}» ${FORM_LABELS.kk[form]}`,
        nameRu: `${FORM_LABELS.ru[form]} «${brand}»`,
        regionCode: plan.regionCode,
        districtKato: (() => {
          const from = rural ? plan.districts : plan.cities.length ? plan.cities : plan.districts;
          return from.length ? pick(rand, from) : null;
        })(),
        settlement: rural ? 'rural' : 'urban',
        status: 'inactive',
        areas,
        registeredOn: `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`,
        headName: `${pick(rand, FIRST_NAMES)} ${pick(rand, LAST_NAMES)}`,
        staffCount: Math.floor(rand() * 12),
        volunteerCount: Math.floor(rand() * 60),
      });
    }
  }
  // Exactly `active` of them work; a few of the rest are being wound up.
  const order = out.map((_, i) => i).sort(() => rand() - 0.5);
  order.slice(0, plan.active).forEach((i) => {
    out[i]!.status = 'active';
  });
  order.slice(plan.active, plan.active + Math.round(out.length * 0.02)).forEach((i) => {
    out[i]!.status = 'in-liquidation';
  });
  return out;
}
