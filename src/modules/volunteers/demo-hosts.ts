import { REGIONS } from '../../core/geo/regions.ts';
import type { Area } from '../organisations/index.ts';
import { PLACES } from './demo-places.ts';

/**
 * The demo's volunteer organisations. The seeds' own (KAMEDA, «Шырақ», the National Volunteer
 * Network of seed 003, the Aktobe NGO association of seed 000, «Көксу Жастары» of seed 002, …),
 * two active NGOs of the demo register in every region (`slot` 0 and 1), and three informal groups
 * of volunteers, which have no BIN. `coordinators` are demo accounts; every host also gets a
 * generated coordinator, so each shows a person to contact.
 */
export type HostSpec = {
  key: string;
  regionCode: string;
  city: string;
  /** The register's organisation, by its Kazakh name… */
  nameKk?: string;
  /** …or the n-th active NGO of the region's generated register… */
  slot?: number;
  /** …or an informal group. */
  group?: readonly [kk: string, ru: string];
  description?: readonly [kk: string, ru: string];
  coordinators?: readonly string[];
};

export const COORDINATOR = 'volunteer-coordinator@ortaq.kz';
const NGO_ADMIN = 'ngo-admin@ortaq.kz';
const NGO_STAFF = 'ngo-staff@ortaq.kz';

const NAMED: readonly HostSpec[] = [
  {
    key: 'nvn',
    regionCode: 'KZ-71',
    city: 'Астана',
    nameKk: '«Ұлттық еріктілер желісі» заңды тұлғалар бірлестігі',
    coordinators: [COORDINATOR],
    description: [
      'Еріктілер мен еріктілер ұйымдарын бір платформада табыстырады, өңірлердегі Еріктілер корпусы орталықтарын ақпаратпен қолдайды; 2017 жылы мемлекеттік грант аясында еріктілер ұйымдарының картасын жасады.',
      'Соединяет волонтёров и волонтёрские организации на одной платформе, информационно поддерживает региональные центры Корпуса волонтёров; в 2017 году по государственному гранту составила карту волонтёрских организаций.',
    ],
  },
  {
    key: 'kameda',
    regionCode: 'KZ-71',
    city: 'Астана',
    nameKk: '«КАМЕДА» қоғамдық қоры',
    description: [
      'Республикалық азаматтық орталықта «Жалғыз терезе» кезекшілері мен заңгер-еріктілер ҮЕҰ мен азаматтарды қабылдауға көмектеседі.',
      'В республиканском гражданском центре дежурные «одного окна» и волонтёры-юристы помогают принимать НПО и граждан.',
    ],
  },
  {
    key: 'shyrak',
    regionCode: 'KZ-75',
    city: 'Алматы',
    nameKk: '«Шырақ» мүгедек әйелдер қауымдастығы қоғамдық бірлестігі',
    description: [
      'Мүгедектігі бар әйелдердің құқықтарын қорғайды; еріктілер қала нысандарының қолжетімділігін тексереді, сауалнама жүргізеді, компьютерлік сауаттылыққа үйретеді.',
      'Защищает права женщин с инвалидностью; волонтёры проверяют доступность городских объектов, проводят опросы, обучают компьютерной грамотности.',
    ],
  },
  {
    key: 'aktobe',
    regionCode: 'KZ-15',
    city: 'Ақтөбе',
    nameKk: '«Ақтөбе облысының үкіметтік емес ұйымдары қауымдастығы» заңды тұлғалар бірлестігі',
    coordinators: [NGO_ADMIN],
    description: [
      'Қауымдастықтың азаматтық орталығы азаматтарды қабылдау күндерін, ҮЕҰ дерекқорын жинауды және облыстағы экологиялық акцияларды еріктілермен бірге өткізеді.',
      'Гражданский центр ассоциации проводит вместе с волонтёрами дни приёма граждан, сбор данных для базы НПО и экологические акции в области.',
    ],
  },
  { key: 'semey-nevada', regionCode: 'KZ-27', city: 'Орал', nameKk: '«Халықаралық ядролық қаруға қарсы «Семей-Невада» қозғалысы» қоғамдық қоры, Батыс Қазақстан облыстық филиалы' },
  { key: 'koksu', regionCode: 'KZ-33', city: 'Балпық би ауылы', nameKk: '«Көксу Жастары» қоғамдық бірлестігі', coordinators: [NGO_STAFF] },
  { key: 'kokshe', regionCode: 'KZ-11', city: 'Көкшетау', nameKk: '«Көкше жастары» қоғамдық бірлестігі' },
];

const GROUPS: readonly HostSpec[] = [
  {
    key: 'students',
    regionCode: 'KZ-75',
    city: 'Алматы',
    group: ['«Алатау студенттері» еріктілер тобы', 'Волонтёрская группа «Студенты Алатау»'],
    coordinators: [COORDINATOR],
    description: [
      'Алматы жоғары оқу орындарының студенттері 2019 жылдан бері бірге тазалық акцияларын өткізеді, балалар үйінің түлектерімен ағылшын тілінде сөйлеседі. Тіркелмеген топ.',
      'Студенты алматинских вузов с 2019 года вместе проводят акции по уборке и разговорный клуб английского для выпускников детских домов. Незарегистрированная группа.',
    ],
  },
  {
    key: 'batys-2',
    regionCode: 'KZ-15',
    city: 'Ақтөбе',
    group: ['«Батыс-2 көршілері» еріктілер тобы', 'Волонтёрская группа «Соседи Батыс-2»'],
    description: [
      'Ақтөбедегі Батыс-2 шағынауданының тұрғындары: аулаларды көгалдандырамыз, жалғыз тұратын қарт көршілерге көмектесеміз.',
      'Жители микрорайона Батыс-2 в Актобе: озеленяем дворы, помогаем одиноким пожилым соседям.',
    ],
  },
  {
    key: 'ulba',
    regionCode: 'KZ-63',
    city: 'Өскемен',
    group: ['«Үлбі жағасы» еріктілер тобы', 'Волонтёрская группа «Берег Ульбы»'],
    description: ['Өскемендегі Үлбі мен Ертістің жағаларын жыл сайын тазалайтын достар тобы.', 'Друзья, которые каждый год убирают берега Ульбы и Иртыша в Усть-Каменогорске.'],
  },
];

/** Register NGOs take volunteers for this kind of work first. */
export const VOLUNTEER_AREAS: readonly Area[] = ['environment', 'youth', 'vulnerable-groups', 'children', 'health', 'education-science-sport'];

export const HOSTS: readonly HostSpec[] = [
  ...NAMED,
  ...GROUPS,
  ...REGIONS.flatMap((r) => [0, 1].map((slot) => ({ key: `${r.code}#${slot}`, regionCode: r.code, city: PLACES[r.code]!.city[0], slot }))),
];
