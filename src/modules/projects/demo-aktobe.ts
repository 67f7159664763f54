import { makeBin } from '../organisations/index.ts';
import {
  type Applicant,
  askFor,
  type DataApplication,
  type DataCompetition,
  type DataLot,
  languageOf,
  type Place,
  submittedBetween,
  topicLot,
  type WrittenLot,
  writeContent,
} from './demo-competitions.ts';
import { afternoonTime, almaty, mix, officeTime, shiftDay, tiyn, unit } from './demo-support.ts';
import { LONG_TOPICS, type Topic, TOPICS } from './demo-topics.ts';
import { splitTarget } from './confirm-agreement.ts';
import { budgetByYear, type DemoPeriod, halfYears, type LifeOptions, type ProjectSpec, periodsEnding, type Risk, tranchesOf } from './demo-writer.ts';

/*
 * Seed 001 (shared/SEED_FACTS.md), ~2025: "Aktobe region this year: 86 projects, 2.1 billion tenge,
 * half of them in districts, 9 long-term". The region's public development department placed its
 * state social order of 2025 in 89 lots: 86 awarded (43 in the districts, 9 of them long-term, two
 * to three years, as the forum's resolution asked for three-year financing), three failed. The
 * projects began in April 2025; where each stands follows from the seeding day.
 */

export const AKTOBE_DEPARTMENT = {
  bin: makeBin('0503', 7415),
  kind: 'state' as const,
  legalForm: 'state-body' as const,
  nameKk: '«Ақтөбе облысының қоғамдық даму басқармасы» мемлекеттік мекемесі',
  nameRu: 'ГУ «Управление общественного развития Актюбинской области»',
  nameEn: 'Public Development Department of Aktobe Region',
  regionCode: 'KZ-15',
  districtKato: '151000000',
  settlement: 'urban' as const,
  registeredOn: '2005-03-15',
  address: 'Ақтөбе қаласы',
  descriptionKk:
    'Облыс әкімдігінің азаматтық қоғаммен өзара іс-қимыл жөніндегі басқармасы: ҮЕҰ арасында мемлекеттік әлеуметтік тапсырысты орналастырады және оның іске асырылуын бақылайды, қоғамдық кеңестердің жұмысын сүйемелдейді, жыл сайынғы өңірлік азаматтық форумды өткізеді.',
  descriptionRu:
    'Управление акимата области по взаимодействию с гражданским обществом: размещает государственный социальный заказ среди НПО и контролирует его исполнение, сопровождает работу общественных советов, проводит ежегодный региональный гражданский форум.',
};

/** Its staff member who runs the social order and monitors the projects (role organiser). */
export const AKTOBE_ORGANISER = { email: 'aktobe-organiser@ortaq.kz', name: 'Нұргүл Әбілқайырова' };

export const AKTOBE_TITLE_RU = 'Государственный социальный заказ Актюбинской области на 2025 год';
export const AKTOBE_YEAR = 2025;

const CITY: Place = { regionCode: 'KZ-15', kk: 'Ақтөбе қаласында', ru: 'в городе Актобе' };
const REGION: Place = { regionCode: 'KZ-15', kk: 'Ақтөбе облысында', ru: 'в Актюбинской области' };

/** The region's twelve districts, those with more NGOs first (they get four lots, the rest three). */
const DISTRICTS = [
  { kato: '153200000', kk: 'Алға ауданында', ru: 'в Алгинском районе' },
  { kato: '156400000', kk: 'Шалқар ауданында', ru: 'в Шалкарском районе' },
  { kato: '156800000', kk: 'Ырғыз ауданында', ru: 'в Иргизском районе' },
  { kato: '154800000', kk: 'Мұғалжар ауданында', ru: 'в Мугалжарском районе' },
  { kato: '156000000', kk: 'Хромтау ауданында', ru: 'в Хромтауском районе' },
  { kato: '154200000', kk: 'Қобда ауданында', ru: 'в Хобдинском районе' },
  { kato: '155200000', kk: 'Ойыл ауданында', ru: 'в Уилском районе' },
  { kato: '153400000', kk: 'Әйтеке би ауданында', ru: 'в Айтекебийском районе' },
  { kato: '153600000', kk: 'Байғанин ауданында', ru: 'в Байганинском районе' },
  { kato: '154000000', kk: 'Қарғалы ауданында', ru: 'в Каргалинском районе' },
  { kato: '155600000', kk: 'Темір ауданында', ru: 'в Темирском районе' },
  { kato: '154600000', kk: 'Мәртөк ауданында', ru: 'в Мартукском районе' },
];

/** Long-term lots: budget (million tenge), months, and where. */
const LONG_TERMS: Record<string, { million: number; endsOn: string; city?: boolean }> = {
  'resource-centre': { million: 96, endsOn: '2028-03-31' },
  'social-route': { million: 118, endsOn: '2028-03-31' },
  'innovation-hub': { million: 104, endsOn: '2027-12-31', city: true },
  'crisis-centre': { million: 90, endsOn: '2027-03-31', city: true },
  deradicalisation: { million: 84, endsOn: '2027-03-31' },
  'autism-centre': { million: 76, endsOn: '2027-12-31', city: true },
  'youth-centres': { million: 70, endsOn: '2027-03-31' },
  'gifted-children': { million: 62, endsOn: '2028-03-31' },
  'active-longevity': { million: 54, endsOn: '2027-03-31' },
};

type Kind = 'short' | 'medium' | 'long';
type Slot = { topic: Topic; place: Place; kato: string | null; kind: Kind; budget: number; startsOn: string; endsOn: string; fail?: 'none' | 'one' | 'low' };

/** What the region ordered: the 89 lots, their budgets (scaled so the awards come to about 2.1 billion tenge) and terms. */
function slots(): Slot[] {
  const out: Slot[] = [];
  for (const t of LONG_TOPICS) {
    const term = LONG_TERMS[t.key]!;
    out.push({ topic: t, place: term.city ? CITY : REGION, kato: null, kind: 'long', budget: term.million * 1_000_000, startsOn: '2025-04-01', endsOn: term.endsOn });
  }
  const shortTerm = (k: string) => ({ startsOn: mix('start', k) % 3 === 0 ? '2025-04-15' : '2025-04-01', endsOn: mix('end', k) % 2 ? '2025-11-30' : '2025-12-15' });
  const mediumEnd = (k: string) => {
    const m = mix('months', k) % 10;
    return m < 6 ? '2026-03-31' : m < 8 ? '2026-09-30' : '2026-11-30';
  };
  const add = (topic: Topic, place: Place, kato: string | null, mediumOdds: number, key: string, fail?: Slot['fail']) => {
    const medium = mix('kind', key) % 3 < mediumOdds;
    const budget = medium ? 13_000_000 + (mix('budget', key) % 50) * 500_000 : 3_500_000 + (mix('budget', key) % 160) * 50_000;
    out.push({ topic, place, kato, kind: medium ? 'medium' : 'short', budget, ...(medium ? { startsOn: '2025-04-01', endsOn: mediumEnd(key) } : shortTerm(key)), fail });
  };
  // The city and the whole region: every topic once, and again where the first time was elsewhere.
  for (let k = 0; k < 34; k++) {
    const t = TOPICS[k % TOPICS.length]!;
    const place = (k < TOPICS.length) === Boolean(t.district) ? REGION : CITY;
    add(t, place, null, 2, `city:${k}`);
  }
  // The districts: four lots in each of the first seven, three in the others; three lots failed.
  const districtTopics = TOPICS.filter((t) => t.district);
  DISTRICTS.forEach((d, i) => {
    const count = i < 7 ? 4 : 3;
    for (let j = 0; j < count; j++) add(districtTopics[(i + j * 4) % districtTopics.length]!, { regionCode: 'KZ-15', kk: d.kk, ru: d.ru }, d.kato, 1, `district:${i}:${j}`);
    const fail = ({ 8: 'none', 9: 'one', 10: 'low' } as const)[i as 8 | 9 | 10];
    if (fail) add(districtTopics[(i + 12) % districtTopics.length]!, { regionCode: 'KZ-15', kk: d.kk, ru: d.ru }, d.kato, 0, `district:${i}:3`, fail);
  });
  // Scale the one-year and medium budgets so the awards come to about 2.1 billion tenge.
  const asked = (s: Slot) => askFor(s.budget, s.place.kk, s.topic.key);
  const longSum = out.filter((s) => s.kind === 'long').reduce((sum, s) => sum + asked(s), 0);
  const rest = out.filter((s) => s.kind !== 'long' && !s.fail);
  // A few passes: budgets held at their grant type's limits leave the rest to the others.
  for (let pass = 0; pass < 4; pass++) {
    const factor = (2_100_000_000 - longSum) / rest.reduce((sum, s) => sum + asked(s), 0);
    for (const s of out) {
      if (s.kind === 'long') continue;
      const scaled = Math.round((s.budget * factor) / 50_000) * 50_000;
      s.budget = s.kind === 'short' ? Math.min(11_750_000, Math.max(2_500_000, scaled)) : Math.min(39_300_000, Math.max(11_850_000, scaled));
    }
  }
  return out;
}

export type AktobePools = {
  /** Active NGOs of the region by district KATO (the city is one of them), in a fixed order. */
  byKato: Map<string, Applicant[]>;
  association: Applicant | null;
  associationAdmin: string | null;
};

const REFUSAL = 'Жарғының көшірмесі ұсынылмаған (міндетті құжат).';

export function aktobeCompetition(departmentId: string, organiserId: string | null, pools: AktobePools): { competition: DataCompetition; slots: Slot[] } {
  const city = pools.byKato.get('151000000') ?? [];
  const wins = new Map<string, number>();
  const cursor = new Map<string, number>();
  const pick = (pool: Applicant[], area: string, except: Set<string>, key: string, forWin: boolean): Applicant | undefined => {
    const start = cursor.get(key) ?? 0;
    const ok = (o: Applicant) => !except.has(o.id) && (!forWin || (wins.get(o.id) ?? 0) < 2);
    for (const preferArea of [true, false]) {
      for (let k = 0; k < pool.length; k++) {
        const o = pool[(start + k) % pool.length]!;
        if (ok(o) && (!preferArea || o.areas.includes(area))) {
          cursor.set(key, (start + k + 1) % pool.length);
          return o;
        }
      }
    }
    return undefined;
  };
  const all = slots();
  const lots: DataLot[] = all.map((s, i) => {
    const key = `aktobe-2025:${i + 1}`;
    const local = s.kato ? (pools.byKato.get(s.kato) ?? []) : [];
    const base = topicLot(s.topic, s.place, s.budget);
    const except = new Set<string>(pools.association ? [pools.association.id] : []);
    const apply = (org: Applicant, quality: number, k: number, refusal?: string, createdBy?: string | null): DataApplication => {
      const lang = languageOf(org);
      return {
        org,
        lang,
        content: writeContent({ lang, topic: s.topic, lot: base, org, requestedTenge: k === 0 ? askFor(s.budget, s.place.kk, s.topic.key) : askFor(s.budget, s.place.kk, s.topic.key, org.bin), from: s.startsOn, to: s.endsOn }),
        submittedAt: submittedBetween('2025-01-20', 25, key, k),
        quality,
        refusal,
        createdBy,
      };
    };
    const applications: DataApplication[] = [];
    if (s.fail === 'none') {
      // Nobody applied.
    } else if (s.fail === 'one' || s.fail === 'low') {
      const n = s.fail === 'one' ? 1 : 2;
      for (let k = 0; k < n; k++) {
        const org = pick(local.length ? local : city, s.topic.area, except, s.kato ?? 'city', false) ?? pick(city, s.topic.area, except, 'city', false);
        if (!org) break;
        except.add(org.id);
        applications.push(apply(org, 0.36 + 0.1 * unit('low', key, k), k + 1));
      }
    } else {
      const winner =
        s.topic.key === 'resource-centre' && pools.association
          ? pools.association
          : ((local.length ? pick(local, s.topic.area, except, s.kato!, true) : undefined) ?? pick(city, s.topic.area, except, 'city', true));
      if (!winner) throw new Error('demo: Aktobe region has too few NGOs for its social order');
      wins.set(winner.id, (wins.get(winner.id) ?? 0) + 1);
      except.add(winner.id);
      applications.push(apply(winner, 0.84 + 0.09 * unit('winner', key), 0, undefined, winner.id === pools.association?.id ? pools.associationAdmin : null));
      const rivals = 1 + (mix('rivals', key) % 3);
      for (let k = 0; k < rivals; k++) {
        const org = (local.length > 1 ? pick(local, s.topic.area, except, `${s.kato}:rival`, false) : undefined) ?? pick(city, s.topic.area, except, 'city:rival', false);
        if (!org) break;
        except.add(org.id);
        applications.push(apply(org, 0.5 + 0.28 * unit('rival', key, k), k + 1));
      }
      if (mix('refused', key) % 7 === 0) {
        const org = pick(city, s.topic.area, except, 'city:refused', false);
        if (org) applications.push(apply(org, 0.6, 9, REFUSAL));
      }
    }
    return {
      titleKk: base.titleKk,
      titleRu: base.titleRu,
      area: base.area,
      regionCode: base.regionCode,
      budgetTiyn: tiyn(s.budget),
      durationType: s.kind,
      indicators: base.indicators,
      applications,
    };
  });
  return {
    slots: all,
    competition: {
      key: 'aktobe-2025',
      organiserId: departmentId,
      actorId: organiserId,
      instrument: 'social-order',
      ruleVersionId: 'social-order-2016',
      maxScore: 75,
      passPercent: 50,
      year: AKTOBE_YEAR,
      regionCode: 'KZ-15',
      titleKk: 'Ақтөбе облысының 2025 жылға арналған мемлекеттік әлеуметтік тапсырысы',
      titleRu: AKTOBE_TITLE_RU,
      titleEn: 'State social order of Aktobe Region, 2025',
      descriptionKk:
        'Облыстың қоғамдық даму басқармасы 2025 жылы ҮЕҰ арасында мемлекеттік әлеуметтік тапсырысты 89 лот бойынша орналастырды: 86 лот бойынша шарттар жасалды, жалпы сомасы шамамен 2,1 млрд теңге. Жобалардың жартысы аудандарда іске асырылады; XII өңірлік азаматтық форумның қарарына сәйкес 9 жоба ұзақ мерзімді — екі-үш жылға.',
      descriptionRu:
        'Управление общественного развития области разместило в 2025 году государственный социальный заказ среди НПО по 89 лотам: по 86 лотам заключены договоры, всего около 2,1 млрд тенге. Половина проектов реализуется в районах; по резолюции XII регионального гражданского форума 9 проектов долгосрочные — на два-три года.',
      announcedAt: almaty('2025-01-15', '10:00'),
      deadlineAt: almaty('2025-02-14', '18:00'),
      admissionUntil: almaty('2025-02-21', '18:00'),
      evaluationUntil: almaty('2025-03-07', '18:00'),
      resultsDueAt: almaty('2025-03-12', '18:00'),
      decidedAt: almaty('2025-02-20', '11:00'),
      evaluationStartedAt: almaty('2025-02-24', '10:00'),
      publishedAt: almaty('2025-03-07', '16:00'),
      lots,
    },
  };
}

/** The awarded lots' projects, as they stand today. */
export function aktobeProjects(o: {
  competitionId: string;
  number: string;
  written: WrittenLot[];
  slots: Slot[];
  organiser: string | null;
  associationId: string | null;
  associationAdmin: string | null;
  today: string;
}): ProjectSpec[] {
  const won = o.written.filter((w) => w.winner);
  const periodsOf = (s: Slot): DemoPeriod[] => (s.kind === 'short' ? periodsEnding(s.startsOn, s.endsOn, ['2025-07-31'], 10) : halfYears(s.startsOn, s.endsOn, 10));
  // A few multi-period projects are late with their latest report (due within the last half-year), and two wait for the organiser's decision.
  const lastDue = (s: Slot) => periodsOf(s).filter((p) => p.reportDueOn < o.today).length;
  const recent = (s: Slot) => lastDue(s) >= 2 && periodsOf(s)[lastDue(s) - 1]!.reportDueOn >= shiftDay(o.today, -184);
  const candidates = won
    .filter((w) => o.slots[w.number - 1]!.kind !== 'short' && recent(o.slots[w.number - 1]!) && w.winner!.application.org.id !== o.associationId)
    .sort((a, b) => mix('late', a.number) - mix('late', b.number));
  const late = new Set(candidates.slice(0, 3).map((w) => w.number));
  const waiting = new Set(candidates.slice(3, 5).map((w) => w.number));

  return won.map((w) => {
    const s = o.slots[w.number - 1]!;
    const a = w.winner!.application;
    const key = `aktobe-2025/${w.number}`;
    const periods = periodsOf(s);
    const amount = w.winner!.awardTiyn;
    const signedOn = shiftDay('2025-03-14', mix(key, 'signed') % 12);
    const life: LifeOptions = { returned: periods.map((_, i) => i + 1).filter((n) => mix(key, 'returned', n) % 8 === 0) };
    const visits: { on: string; risk: Risk }[] = [];
    const due = lastDue(s);
    if (late.has(w.number)) {
      life.missing = due;
      visits.push({ on: shiftDay(periods[due - 1]!.reportDueOn, 12), risk: 'medium' });
    }
    if (waiting.has(w.number)) {
      life.pending = due;
      life.handIn = { [due]: shiftDay(o.today, -(1 + (mix(key, 'wait') % 3))) };
    }
    if (s.kind === 'long') visits.push({ on: shiftDay('2025-06-10', mix(key, 'v1') % 20), risk: 'none' }, { on: shiftDay('2026-05-12', mix(key, 'v2') % 20), risk: mix(key, 'risk') % 3 === 0 ? 'low' : 'none' });
    else if (mix(key, 'visit') % 4 === 0) visits.push({ on: shiftDay(s.startsOn, 45 + (mix(key, 'v') % 40)), risk: mix(key, 'risk') % 4 === 0 ? 'low' : 'none' });
    const isAssociation = a.org.id === o.associationId;
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
        madeAt: almaty(shiftDay(signedOn, -1), officeTime(key, 'made')),
        organiserConfirmedAt: almaty(signedOn, `10:${String(mix(key, 'o') % 60).padStart(2, '0')}`),
        organisationConfirmedAt: almaty(signedOn, afternoonTime(key, 'signed')),
      },
      organiser: o.organiser,
      signatory: isAssociation ? o.associationAdmin : null,
      reporter: isAssociation ? o.associationAdmin : null,
      periods,
      indicators: a.content.indicators.map((i) => ({ name: i.name, unit: i.unit, targets: splitTarget(i.target, periods.length) })),
      budget: budgetByYear(a.content.budget, s.startsOn, s.endsOn),
      tranches: tranchesOf(
        amount,
        s.kind === 'short'
          ? [
              [1, 50],
              [2, 50],
            ]
          : [[null, 20], ...periods.map((_, i): [number, number] => [i + 1, 80 / periods.length])],
      ),
      reach: a.content.beneficiaries.count ?? 300,
      life,
      visits,
      evaluation: mix(key, 'evaluated') % 3 === 0 ? { scaleMax: 5, quality: 0.75 + (mix(key, 'quality') % 24) / 100 } : undefined,
    } satisfies ProjectSpec;
  });
}
