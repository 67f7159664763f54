import type { LotInput } from './announce-competition.ts';
import { almaty, type DemoApplicant, type DemoApplication, type DemoCompetition, IND, mix, shiftDay, tiyn, writeApplication } from './demo-support.ts';
import { NATIONAL_REGION } from './schema.ts';

/*
 * Two competitions of the grant operator dated from the seeding day, so the demo always has one
 * taking applications and one whose commission is sitting. Their themes come from the seeds: the
 * Koksu proposal to engage young people in crafts and technical work (002), the Aktobe forum's
 * resolution — a social route for teenagers with special needs, an online portal for monitoring
 * NGO projects, a hackathon with grant support (001), rural NGOs of Kostanay region (004), and the
 * operator's plan of online applications and regional competitions (003).
 */

export const OPEN_TITLE_RU = (year: number) => `Конкурс государственных грантов для неправительственных организаций — ${year}`;
export const SITTING_TITLE_RU = (year: number) => `Региональные гранты для гражданских инициатив Актюбинской области — ${year}`;

/** A budget of so many MCI of the year, in whole thousands of tenge (grant-2022: short 500–3,000 MCI, medium 3,000–10,000). */
const inMci = (mci: number, mciTenge: number) => Math.round((mci * mciTenge) / 1000) * 1000;

const lotOf = (titleKk: string, titleRu: string, area: string, regionCode: string, mci: number, mciTenge: number, indicators: LotInput['indicators'], titleEn: string): LotInput => ({
  titleKk,
  titleRu,
  titleEn,
  area,
  regionCode,
  budgetTiyn: tiyn(inMci(mci, mciTenge)),
  durationType: mci <= 3000 ? 'short' : mci <= 10000 ? 'medium' : 'long',
  indicators,
});

/** The dates of a competition around today (a local date in Asia/Almaty), in days from it. */
function dates(today: string, announced: number, deadline: number, admission: number, evaluation: number, results: number) {
  return {
    announcedAt: almaty(shiftDay(today, announced), '10:00'),
    deadlineAt: almaty(shiftDay(today, deadline), '18:00'),
    admissionUntil: almaty(shiftDay(today, admission), '18:00'),
    evaluationUntil: almaty(shiftDay(today, evaluation), '18:00'),
    resultsDueAt: almaty(shiftDay(today, results), '18:00'),
  };
}

const applicationOf = (org: DemoApplicant, lot: LotInput, today: string, submittedDaysAgo: number, k: number, createdBy: string | null = null): DemoApplication => {
  const lang = mix('lang', org.bin) % 10 < 7 ? 'kk' : 'ru';
  const budget = lot.budgetTiyn / 100;
  const requested = Math.floor((budget * (0.9 + 0.1 * ((mix('requested', org.bin, lot.titleKk) % 100) / 100))) / 1000) * 1000;
  return {
    organisation: org,
    language: lang,
    content: writeApplication({ lang, lot, org, requestedTenge: requested, period: { from: shiftDay(today, 60), to: shiftDay(today, 240) } }),
    submittedAt: almaty(shiftDay(today, -submittedDaysAgo), `${String(10 + ((k * 3) % 8)).padStart(2, '0')}:${String((mix('at', org.bin) % 60)).padStart(2, '0')}`),
    quality: 0.55 + 0.35 * ((mix('quality', org.bin, lot.titleKk) % 100) / 100),
    createdBy,
  };
};

/** Open now: announced three days ago, the deadline thirty days ahead. */
export function openCompetition(organiserId: string, year: number, today: string, mciTenge: number, early: DemoApplicant[]): DemoCompetition {
  const lots = {
    youth: lotOf(
      'Жетісу облысының ауыл жастарын қолөнер мен техникалық шығармашылыққа тарту',
      'Вовлечение сельской молодёжи Жетысуской области в ремёсла и техническое творчество',
      'youth',
      'KZ-33',
      1500,
      mciTenge,
      [IND.workshops(48), IND.participants(200), IND.exhibitions(1), IND.roundTables(2)],
      'Rural young people of Zhetisu region in crafts and technical creativity',
    ),
    route: lotOf(
      'Ақтөбе облысында ерекше қажеттіліктері бар жасөспірімдерге арналған әлеуметтік маршрут',
      'Социальный маршрут для подростков с особыми потребностями в Актюбинской области',
      'vulnerable-groups',
      'KZ-15',
      2000,
      mciTenge,
      [IND.beneficiaries(80), IND.sessions(320), IND.trainings(6)],
      'A social route for teenagers with special needs in Aktobe region',
    ),
    portal: lotOf(
      'ҮЕҰ жобаларын қоғамдық мониторингтеудің онлайн-порталын әзірлеу',
      'Разработка онлайн-портала общественного мониторинга проектов НПО',
      'rights',
      NATIONAL_REGION,
      5000,
      mciTenge,
      [IND.portals(1), IND.trainings(17), IND.webinars(12)],
      'An online portal for public monitoring of NGO projects',
    ),
    rural: lotOf(
      'Қостанай облысындағы ауылдық ҮЕҰ-ның әлеуетін арттыру',
      'Развитие потенциала сельских НПО Костанайской области',
      'education-science-sport',
      'KZ-39',
      1200,
      mciTenge,
      [IND.trainings(10), IND.consultations(400), IND.participants(250)],
      'Building the capacity of rural NGOs in Kostanay region',
    ),
  };
  const [a, b, c] = early;
  return {
    input: {
      organiserId,
      instrument: 'grant',
      ruleVersionId: 'grant-2022',
      year,
      regionCode: null,
      titleKk: `Үкіметтік емес ұйымдарға арналған мемлекеттік гранттар конкурсы — ${year}`,
      titleRu: OPEN_TITLE_RU(year),
      titleEn: `State grants for non-governmental organisations, ${year}`,
      descriptionKk:
        'Өтінімдер тек онлайн қабылданады: ұйымның мүшесі өтінімді қадам-қадаммен толтырып, құжаттарды тіркейді және мерзім біткенге дейін (Алматы уақытымен) жібереді. Тақырыптар Жетісу, Ақтөбе және Қостанай облыстарының азаматтық форумдары мен кездесулерінің ұсыныстарынан алынды.',
      descriptionRu:
        'Заявки принимаются только онлайн: член организации заполняет заявку по шагам, прикладывает документы и подаёт её до срока по времени Алматы. Темы взяты из предложений гражданских форумов и встреч в областях Жетісу, Актюбинской и Костанайской.',
      ...dates(today, -3, 30, 37, 51, 58),
    },
    lots: [
      { lot: lots.youth, applications: [] },
      { lot: lots.route, applications: a ? [applicationOf(a, lots.route, today, 1, 0)] : [] },
      { lot: lots.portal, applications: [b, c].filter((o) => o !== undefined).map((o, k) => applicationOf(o, lots.portal, today, 2 - k, k)) },
      { lot: lots.rural, applications: [] },
    ],
  };
}

/**
 * Its commission sitting: the deadline passed twelve days ago, every application admitted, the
 * commission of five named and some of them have scored, so expert@ortaq.kz has work to do.
 */
export function sittingCompetition(organiserId: string, year: number, today: string, mciTenge: number, applicants: { association: DemoApplicant; associationAdmin: string | null; others: DemoApplicant[] }): DemoCompetition {
  const lots = {
    hackathon: lotOf(
      'Ақтөбе облысында жастар хакатонын өткізу',
      'Проведение молодёжного хакатона в Актюбинской области',
      'youth',
      'KZ-15',
      1000,
      mciTenge,
      [IND.hackathons(1), IND.participants(120), IND.miniProjects(10)],
      'A youth hackathon in Aktobe region',
    ),
    districts: lotOf(
      'Ақтөбе облысының аудандарындағы азаматтық бастамаларды қолдау',
      'Поддержка гражданских инициатив в районах Актюбинской области',
      'rights',
      'KZ-15',
      1800,
      mciTenge,
      [IND.trainings(10), IND.consultations(300), IND.receptions(12)],
      'Supporting civic initiatives in the districts of Aktobe region',
    ),
  };
  const [a, b, c, d] = applicants.others;
  if (!a || !b || !c || !d) throw new Error('demo: Aktobe region needs four NGOs');
  return {
    input: {
      organiserId,
      instrument: 'grant',
      ruleVersionId: 'grant-2022',
      year,
      regionCode: 'KZ-15',
      titleKk: `Ақтөбе облысының азаматтық бастамаларына арналған өңірлік гранттар — ${year}`,
      titleRu: SITTING_TITLE_RU(year),
      titleEn: `Regional grants for civic initiatives in Aktobe region, ${year}`,
      descriptionKk:
        'Облыс әкімдігі гранттарды оператор арқылы береді. Тақырыптар XII өңірлік азаматтық форумның «Белсенді қоғам — берік болашақ» қарарынан алынды: гранттық қолдауы бар хакатон, аудандардағы ҮЕҰ жобалары.',
      descriptionRu:
        'Акимат области предоставляет гранты через оператора. Темы взяты из резолюции XII регионального гражданского форума «Белсенді қоғам — берік болашақ»: хакатон с грантовой поддержкой, проекты НПО в районах.',
      ...dates(today, -50, -12, -5, 9, 14),
    },
    lots: [
      { lot: lots.hackathon, applications: [applicationOf(a, lots.hackathon, today, 14, 0), applicationOf(b, lots.hackathon, today, 13, 1), applicationOf(c, lots.hackathon, today, 20, 2)] },
      {
        lot: lots.districts,
        applications: [
          { ...applicationOf(applicants.association, lots.districts, today, 15, 0, applicants.associationAdmin), quality: 0.85 },
          applicationOf(d, lots.districts, today, 16, 1),
          applicationOf(b, lots.districts, today, 18, 2),
        ],
      },
    ],
  };
}
