import { type Applicant, askFor, type DataApplication, type DataCompetition, languageOf, type Place, submittedBetween, topicLot, type WrittenLot, writeContent } from './demo-competitions.ts';
import { afternoonTime, almaty, mix, officeTime, shiftDay, tiyn, unit } from './demo-support.ts';
import { type Topic, TOPICS } from './demo-topics.ts';
import { splitTarget } from './confirm-agreement.ts';
import { budgetByYear, halfYears, type ProjectSpec, periodsEnding, tranchesOf } from './demo-writer.ts';

/*
 * The operator's state grants of 2025 in the other regions, so that the year's map of funding has
 * more than Aktobe on it: twelve themes, one per region, short ones finished in December 2025 and
 * the one-to-two-year ones still running. Budgets are within grant-2022's limits at the 2025 MCI
 * (3,932 tenge): short up to 3,000 MCI, medium up to 10,000.
 */

export const GRANTS_2025_TITLE_RU = 'Конкурс государственных грантов для неправительственных организаций на 2025 год';
export const GRANTS_2025_YEAR = 2025;
const MCI_2025 = 3_932;

export const REGIONS_2025: Place[] = [
  { regionCode: 'KZ-19', kk: 'Алматы облысында', ru: 'в Алматинской области' },
  { regionCode: 'KZ-39', kk: 'Қостанай облысында', ru: 'в Костанайской области' },
  { regionCode: 'KZ-63', kk: 'Шығыс Қазақстан облысында', ru: 'в Восточно-Казахстанской области' },
  { regionCode: 'KZ-35', kk: 'Қарағанды облысында', ru: 'в Карагандинской области' },
  { regionCode: 'KZ-47', kk: 'Маңғыстау облысында', ru: 'в Мангистауской области' },
  { regionCode: 'KZ-27', kk: 'Батыс Қазақстан облысында', ru: 'в Западно-Казахстанской области' },
  { regionCode: 'KZ-71', kk: 'Астана қаласында', ru: 'в городе Астане' },
  { regionCode: 'KZ-75', kk: 'Алматы қаласында', ru: 'в городе Алматы' },
  { regionCode: 'KZ-79', kk: 'Шымкент қаласында', ru: 'в городе Шымкенте' },
  { regionCode: 'KZ-33', kk: 'Жетісу облысында', ru: 'в области Жетісу' },
  { regionCode: 'KZ-10', kk: 'Абай облысында', ru: 'в области Абай' },
  { regionCode: 'KZ-61', kk: 'Түркістан облысында', ru: 'в Туркестанской области' },
];

type Slot = { topic: Topic; place: Place; kind: 'short' | 'medium'; budget: number; startsOn: string; endsOn: string };

function slots(): Slot[] {
  return REGIONS_2025.map((place, i) => {
    const topic = TOPICS[(i * 5 + 2) % TOPICS.length]!;
    const medium = i % 3 === 0;
    const mci = medium ? 3_200 + (mix('mci', place.regionCode) % 40) * 100 : 1_500 + (mix('mci', place.regionCode) % 14) * 100;
    const budget = Math.round((mci * MCI_2025) / 1000) * 1000;
    const endsOn = medium ? (i % 2 === 0 ? '2026-04-30' : '2026-10-31') : '2025-12-15';
    return { topic, place, kind: medium ? 'medium' : 'short', budget, startsOn: '2025-05-01', endsOn };
  });
}

export function grants2025Competition(operatorId: string, organiserId: string | null, byRegion: Map<string, Applicant[]>): { competition: DataCompetition; slots: Slot[] } {
  const all = slots();
  const lots = all.map((s, i) => {
    const key = `grants-2025:${i + 1}`;
    const base = topicLot(s.topic, s.place, s.budget);
    const pool = (byRegion.get(s.place.regionCode) ?? []).slice().sort((a, b) => Number(b.areas.includes(s.topic.area)) - Number(a.areas.includes(s.topic.area)));
    const count = Math.min(pool.length, 2 + (mix('count', key) % 2));
    const applications: DataApplication[] = pool.slice(0, count).map((org, k) => {
      const lang = languageOf(org);
      return {
        org,
        lang,
        content: writeContent({ lang, topic: s.topic, lot: base, org, requestedTenge: askFor(s.budget, key, k), from: s.startsOn, to: s.endsOn }),
        submittedAt: submittedBetween('2025-02-10', 22, key, k),
        quality: k === 0 ? 0.82 + 0.1 * unit('q', key) : 0.5 + 0.28 * unit('q', key, k),
      };
    });
    return { titleKk: base.titleKk, titleRu: base.titleRu, area: base.area, regionCode: base.regionCode, budgetTiyn: tiyn(s.budget), durationType: s.kind, indicators: base.indicators, applications };
  });
  return {
    slots: all,
    competition: {
      key: 'grants-2025',
      organiserId: operatorId,
      actorId: organiserId,
      instrument: 'grant',
      ruleVersionId: 'grant-2022',
      maxScore: 70,
      passPercent: 50,
      year: GRANTS_2025_YEAR,
      regionCode: null,
      titleKk: 'Үкіметтік емес ұйымдарға арналған 2025 жылғы мемлекеттік гранттар конкурсы',
      titleRu: GRANTS_2025_TITLE_RU,
      titleEn: 'State grants for non-governmental organisations, 2025',
      descriptionKk: 'Өңірлердегі әлеуметтік жобаларға арналған мемлекеттік гранттар: он екі өңірде бір-бір тақырыптан. Өтінімдер тек онлайн қабылданды.',
      descriptionRu: 'Государственные гранты на социальные проекты в регионах: по одной теме в двенадцати регионах. Заявки принимались только онлайн.',
      announcedAt: almaty('2025-02-03', '10:00'),
      deadlineAt: almaty('2025-03-05', '18:00'),
      admissionUntil: almaty('2025-03-12', '18:00'),
      evaluationUntil: almaty('2025-04-04', '18:00'),
      resultsDueAt: almaty('2025-04-10', '18:00'),
      decidedAt: almaty('2025-03-11', '11:00'),
      evaluationStartedAt: almaty('2025-03-14', '10:00'),
      publishedAt: almaty('2025-04-04', '16:00'),
      lots,
    },
  };
}

export function grants2025Projects(o: { competitionId: string; number: string; written: WrittenLot[]; slots: Slot[]; organiser: string | null }): ProjectSpec[] {
  return o.written
    .filter((w) => w.winner)
    .map((w) => {
      const s = o.slots[w.number - 1]!;
      const a = w.winner!.application;
      const key = `grants-2025/${w.number}`;
      const periods = s.kind === 'short' ? periodsEnding(s.startsOn, s.endsOn, ['2025-08-31'], 10) : halfYears(s.startsOn, s.endsOn, 10);
      const amount = w.winner!.awardTiyn;
      const signedOn = shiftDay('2025-04-14', mix(key, 'signed') % 10);
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
          startsOn: s.startsOn,
          endsOn: s.endsOn,
          madeAt: almaty(shiftDay(signedOn, -2), officeTime(key, 'made')),
          organiserConfirmedAt: almaty(signedOn, '11:00'),
          organisationConfirmedAt: almaty(signedOn, afternoonTime(key, 'signed')),
        },
        organiser: o.organiser,
        signatory: null,
        reporter: null,
        periods,
        indicators: a.content.indicators.map((i) => ({ name: i.name, unit: i.unit, targets: splitTarget(i.target, periods.length) })),
        budget: budgetByYear(a.content.budget, s.startsOn, s.endsOn),
        tranches: tranchesOf(amount, [[null, 30], ...periods.map((_, i): [number, number] => [i + 1, 70 / periods.length])]),
        reach: a.content.beneficiaries.count ?? 300,
        life: { returned: periods.map((_, i) => i + 1).filter((n) => mix(key, 'returned', n) % 5 === 0) },
        visits: mix(key, 'visit') % 2 === 0 ? [{ on: shiftDay(s.startsOn, 60 + (mix(key, 'v') % 30)), risk: 'none' as const }] : [],
        evaluation: mix(key, 'evaluated') % 2 === 0 ? { scaleMax: 15, quality: 0.8 + (mix(key, 'quality') % 18) / 100 } : undefined,
      } satisfies ProjectSpec;
    });
}
