import { REGIONS } from '../../core/geo/regions.ts';
import type { Area } from '../organisations/index.ts';
import { chance, mix, pickOf } from './demo-support.ts';
import { PLACES } from './demo-places.ts';
import type { Availability, ContactChannel, Skill, SpokenLanguage } from './schema.ts';

/** The demo accounts this module adds; the README lists them with DEMO_ACCOUNTS. The password is the same. */
export const VOLUNTEER_DEMO_ACCOUNTS = [
  { email: 'volunteer-coordinator@ortaq.kz', name: 'Мадина Әбенова', role: null, note: 'coordinator of the National Volunteer Network and of the informal group «Алатау студенттері»' },
  { email: 'young-volunteer@ortaq.kz', name: 'Аружан Серікова', role: 'volunteer', note: 'a volunteer aged 12 (born 2014) with no parental consent on record: her sign-ups are refused' },
] as const;

/** Generated people can not log in: the hash is no argon2 hash, so every password fails. */
export const NO_LOGIN = 'demo:no-login';
export const GENERATED_DOMAIN = 'demo.ortaq.kz';

type Culture = 'kazakh' | 'russian' | 'uzbek' | 'uyghur' | 'korean' | 'german';
type Names = { male: readonly string[]; female: readonly string[]; surnames: readonly string[] };

// Surnames are given in the male form; -ов/-ев/-ин take -а for women, the rest do not change.
const NAMES: Record<Culture, Names> = {
  kazakh: {
    male: ['Ерлан', 'Асқар', 'Бауыржан', 'Нұрлан', 'Мұрат', 'Серік', 'Қайрат', 'Талғат', 'Дәурен', 'Ержан', 'Тимур', 'Руслан', 'Ернұр', 'Нұрсұлтан', 'Ерасыл', 'Алмас', 'Данияр', 'Арман', 'Ақжол', 'Санжар', 'Диас', 'Әділет', 'Мейірхан', 'Жандос', 'Бекзат', 'Самат'],
    female: ['Айгүл', 'Гүлнар', 'Динара', 'Сәуле', 'Жанар', 'Әсел', 'Ләззат', 'Айжан', 'Гаухар', 'Жұлдыз', 'Алия', 'Томирис', 'Дана', 'Аяулым', 'Жансая', 'Назерке', 'Балнұр', 'Ақерке', 'Інжу', 'Мөлдір', 'Дильназ', 'Камила', 'Айым', 'Салтанат'],
    surnames: ['Ахметов', 'Жұмабаев', 'Оспанов', 'Серікбаев', 'Ержанов', 'Мұқанов', 'Байжанов', 'Омаров', 'Сүлейменов', 'Абдрахманов', 'Нұрпейісов', 'Тоқтаров', 'Жақыпов', 'Исабеков', 'Қалиев', 'Бекмұхамбетов', 'Әбілов', 'Сейітов', 'Рахимов', 'Тұрсынов', 'Кенжебаев', 'Сәрсенбаев', 'Есенов', 'Мұхамедиев', 'Сейітқали', 'Төлеген'],
  },
  russian: {
    male: ['Сергей', 'Андрей', 'Дмитрий', 'Алексей', 'Николай', 'Михаил', 'Иван', 'Артём', 'Максим', 'Владимир', 'Евгений', 'Павел'],
    female: ['Ольга', 'Наталья', 'Светлана', 'Екатерина', 'Анастасия', 'Мария', 'Елена', 'Татьяна', 'Ирина', 'Юлия', 'Дарья', 'Полина'],
    surnames: ['Иванов', 'Петров', 'Кузнецов', 'Смирнов', 'Попов', 'Васильев', 'Соколов', 'Морозов', 'Волков', 'Лебедев', 'Новиков', 'Никитин', 'Шевченко', 'Бондаренко', 'Мельник'],
  },
  uzbek: { male: ['Азиз', 'Шухрат', 'Бахтиёр', 'Рустам'], female: ['Дилноза', 'Гулнора', 'Нилуфар', 'Феруза'], surnames: ['Юсупов', 'Каримов', 'Рахматуллаев', 'Ахмедов'] },
  uyghur: { male: ['Ильхам', 'Дильшат', 'Мурат'], female: ['Гулзира', 'Мадинам', 'Назугум'], surnames: ['Мамутов', 'Исмаилов', 'Турдиев', 'Розахунов'] },
  korean: { male: ['Виктор', 'Константин', 'Олег'], female: ['Алина', 'Виктория', 'Ксения'], surnames: ['Ким', 'Цой', 'Пак', 'Ли'] },
  german: { male: ['Александр', 'Роман', 'Вальдемар'], female: ['Анна', 'Эльвира', 'Ирма'], surnames: ['Шульц', 'Майер', 'Фризен', 'Вагнер'] },
};

const feminine = (surname: string) => (/(ов|ев|ин)$/.test(surname) ? `${surname}а` : surname);

/** Who lives where, roughly: more Russian and German names in the north, Uzbek in the south, Uyghur around Almaty. */
const CULTURES: Record<string, readonly Culture[]> = {
  north: ['kazakh', 'kazakh', 'kazakh', 'russian', 'russian', 'russian', 'german', 'korean'],
  south: ['kazakh', 'kazakh', 'kazakh', 'kazakh', 'kazakh', 'uzbek', 'uzbek', 'russian'],
  almaty: ['kazakh', 'kazakh', 'kazakh', 'kazakh', 'russian', 'russian', 'uyghur', 'korean'],
  other: ['kazakh', 'kazakh', 'kazakh', 'kazakh', 'kazakh', 'russian', 'russian', 'korean'],
};
const cultureOf = (regionCode: string) =>
  ['KZ-39', 'KZ-55', 'KZ-59', 'KZ-11', 'KZ-35', 'KZ-63'].includes(regionCode)
    ? CULTURES.north!
    : ['KZ-61', 'KZ-79'].includes(regionCode)
      ? CULTURES.south!
      : ['KZ-75', 'KZ-19'].includes(regionCode)
        ? CULTURES.almaty!
        : CULTURES.other!;

/** A person's name from the parts: a first name and surname of one culture, in agreement. */
export function personName(regionCode: string, ...parts: (string | number)[]): { name: string; mother: string; culture: Culture } {
  const culture = pickOf(cultureOf(regionCode), 'culture', ...parts);
  const names = NAMES[culture];
  const female = chance(0.58, 'female', ...parts);
  const first = pickOf(female ? names.female : names.male, 'first', ...parts);
  const surname = pickOf(names.surnames, 'surname', ...parts);
  return { name: `${first} ${female ? feminine(surname) : surname}`, mother: `${pickOf(names.female, 'mother', ...parts)} ${feminine(surname)}`, culture };
}

/** Generated volunteers per region, about 200 in all, most in the three big cities. */
const PER_REGION: Record<string, number> = {
  'KZ-75': 30, 'KZ-71': 26, 'KZ-79': 12, 'KZ-15': 12, 'KZ-35': 10, 'KZ-61': 9, 'KZ-19': 9, 'KZ-39': 9, 'KZ-63': 8, 'KZ-31': 8, 'KZ-55': 8,
  'KZ-10': 7, 'KZ-11': 7, 'KZ-27': 7, 'KZ-43': 7, 'KZ-23': 7, 'KZ-47': 7, 'KZ-33': 7, 'KZ-59': 6, 'KZ-62': 4,
};

export type DemoVolunteer = {
  key: string;
  email: string;
  name: string;
  locale: 'kk' | 'ru';
  profile: VolunteerProfile;
};

type VolunteerProfile = {
  birthDate: string;
  regionCode: string;
  city: string;
  languages: SpokenLanguage[];
  skills: Skill[];
  areas: Area[];
  availability: Availability[];
  contactChannels: ContactChannel[];
  openToInvitations: boolean;
  publicProfile: boolean;
  /** Under 14: a parent's written consent is on record. */
  consentParentName: string | null;
};

const SKILL_SETS: readonly Skill[][] = [
  ['manual-work'], ['events', 'design-media'], ['teaching', 'translation'], ['first-aid', 'care'], ['it'], ['driving', 'manual-work'],
  ['sport', 'events'], ['psychology', 'care'], ['law'], ['cooking', 'care'], ['design-media'], ['teaching'], ['sign-language', 'care'],
];
const AREA_SETS: readonly Area[][] = [
  ['environment'], ['environment', 'youth'], ['vulnerable-groups', 'health'], ['children', 'education-science-sport'], ['rights'],
  ['culture-art', 'heritage'], ['vulnerable-groups'], ['environment', 'children'], ['social-harmony', 'youth'],
];
const AVAILABILITY_SETS: readonly Availability[][] = [['weekend'], ['weekday-evening', 'weekend'], ['weekday-daytime'], ['weekday-evening']];

/** Year of birth: mostly students and young professionals, some school pupils and pensioners, a few children with consent. */
function birthYear(key: string): number {
  const r = mix('age', key) % 100;
  if (r < 3) return 2013;
  if (r < 15) return 2009 + (mix('teen', key) % 3);
  if (r < 60) return 1999 + (mix('young', key) % 9);
  if (r < 90) return 1975 + (mix('adult', key) % 24);
  return 1955 + (mix('senior', key) % 15);
}

export function generatedVolunteers(): DemoVolunteer[] {
  let n = 0;
  return REGIONS.flatMap((r) =>
    Array.from({ length: PER_REGION[r.code] ?? 0 }, () => {
      n++;
      const key = `volunteer-${String(n).padStart(3, '0')}`;
      const person = personName(r.code, key);
      const year = birthYear(key);
      const languages: SpokenLanguage[] = person.culture === 'kazakh' ? ['kk', 'ru'] : person.culture === 'uzbek' ? ['uz', 'kk', 'ru'] : person.culture === 'uyghur' ? ['ug', 'kk', 'ru'] : person.culture === 'german' ? ['ru', 'de'] : ['ru', 'kk'];
      if (year > 1990 && chance(0.35, 'english', key)) languages.push('en');
      const profile: VolunteerProfile = {
        birthDate: `${year}-${String(1 + (mix('month', key) % 12)).padStart(2, '0')}-${String(1 + (mix('day', key) % 28)).padStart(2, '0')}`,
        regionCode: r.code,
        city: PLACES[r.code]!.city[0],
        languages,
        skills: pickOf(SKILL_SETS, 'skills', key),
        areas: pickOf(AREA_SETS, 'areas', key),
        availability: pickOf(AVAILABILITY_SETS, 'availability', key),
        contactChannels: chance(0.5, 'channel', key) ? ['email', 'telegram'] : ['email', 'whatsapp'],
        openToInvitations: chance(0.6, 'open', key),
        publicProfile: chance(0.3, 'public', key),
        consentParentName: year >= 2013 ? person.mother : null,
      };
      return { key, email: `${key}@${GENERATED_DOMAIN}`, name: person.name, locale: person.culture === 'kazakh' ? 'kk' : 'ru', profile } satisfies DemoVolunteer;
    }),
  );
}
