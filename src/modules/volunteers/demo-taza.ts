import { REGIONS } from '../../core/geo/regions.ts';
import { PLACES } from './demo-places.ts';
import type { OpportunitySpec } from './demo-opportunities.ts';

/**
 * «Таза Қазақстан» (seed 001: 90,000+ volunteers, 15,000+ environmental events), as the demo shows
 * it: in every region a clean-up, a planting or a waste-sorting day coming up, one held half a year
 * ago, one in the autumn of 2025, and in half the regions one in the spring of 2024 — run by many
 * organisations.
 */
export const TAZA = {
  slug: 'taza-kazakhstan',
  titleKk: '«Таза Қазақстан»',
  titleRu: '«Таза Казахстан»',
  descriptionKk:
    'Жалпыұлттық экологиялық акция: өзен-көл жағаларын, саябақтар мен аулаларды тазалау, ағаш отырғызу, қалдықты сұрыптау. Платформаға дейін ұйымдастырушылар 90 000-нан астам еріктіні және 15 000-нан астам экологиялық іс-шараны есептеген.',
  descriptionRu:
    'Общенациональная экологическая акция: уборка берегов рек и озёр, парков и дворов, посадка деревьев, раздельный сбор отходов. До платформы организаторы насчитали более 90 000 волонтёров и более 15 000 экологических мероприятий.',
  regionCode: 'KZ',
  startsOn: '2024-04-01',
  reportedVolunteers: 90_000,
  reportedEvents: 15_000,
};

type Kind = 'bank' | 'park' | 'sorting';

/** Who runs the campaign's work in a region, where it is not the first NGO of the register. */
const RUN_BY: Record<string, string> = { 'KZ-75': 'students', 'KZ-63': 'ulba', 'KZ-27': 'semey-nevada', 'KZ-11': 'kokshe', 'KZ-71': 'nvn', 'KZ-15': 'aktobe' };

function texts(kind: Kind, variant: number, regionCode: string): Pick<OpportunitySpec, 'kk' | 'ru' | 'at' | 'minAge' | 'skills' | 'area'> {
  const { city, river, park } = PLACES[regionCode]!;
  if (kind === 'bank')
    return {
      area: 'environment',
      at: river[2],
      minAge: 14,
      skills: ['manual-work'],
      kk: [
        `Таза жаға: ${river[0]}, ${city[0]}`,
        variant === 0
          ? `«Таза Қазақстан» акциясы: ${city[0]} қаласындағы ${river[0]} жағалауынан тұрмыстық қалдық пен пластик жинаймыз. Қолғап, қап және ауыз су береміз; жиналғанын сұрыптап, коммуналдық қызметке тапсырамыз.`
          : `Су тасқынынан кейін жағада қоқыс көп қалады: оны жинап, шыны мен шприц сияқты қауіпті заттарды бөлек белгілейміз. ${city[0]}, «Таза Қазақстан» акциясы. Жабық аяқ киіммен келіңіз.`,
      ],
      ru: [
        `Чистый берег: ${river[1]}, ${city[1]}`,
        variant === 0
          ? `Акция «Таза Қазақстан»: собираем бытовой мусор и пластик на берегу. Перчатки, мешки и питьевую воду выдаём; собранное сортируем и передаём коммунальной службе.`
          : `После паводка на берегу остаётся много мусора: собираем его, опасные предметы вроде стекла и шприцев отмечаем отдельно. ${city[1]}, акция «Таза Қазақстан». Приходите в закрытой обуви.`,
      ],
    };
  if (kind === 'park')
    return {
      area: 'environment',
      at: park[2],
      minAge: 10,
      skills: ['manual-work'],
      kk: [
        `Ағаш отырғызу: ${park[0]}`,
        variant === 0
          ? `«Таза Қазақстан» акциясы аясында ${park[0]} аумағына қайың, шырша және қарағаш көшеттерін отырғызамыз. Күрек пен суару шлангін ұйымдастырушылар береді; балалар ата-анасымен бірге келе алады.`
          : `Былтыр отырғызылған көшеттерді суарып, қурап қалғандарының орнына жаңасын отырғызамыз, діңдерін әктейміз. ${park[0]}, «Таза Қазақстан» акциясы.`,
      ],
      ru: [
        `Посадка деревьев: ${park[1]}`,
        variant === 0
          ? `В рамках акции «Таза Қазақстан» высаживаем саженцы берёзы, ели и карагача (${park[1]}). Лопаты и шланги выдают организаторы; дети могут прийти вместе с родителями.`
          : `Поливаем прошлогодние саженцы, заменяем засохшие новыми, белим стволы. ${park[1]}, акция «Таза Қазақстан».`,
      ],
    };
  return {
    area: 'environment',
    at: park[2],
    minAge: variant === 0 ? 14 : 10,
    skills: ['events'],
    kk: [
      `Қалдықты сұрыптау күні: ${city[0]}`,
      variant === 0
        ? `Тұрғындар пластик, қағаз, шыны мен батареяларды әкеледі, еріктілер оларды контейнерлерге бөліп, неге сұрыптау керегін түсіндіреді. Орын: ${park[0]}. «Таза Қазақстан» акциясы.`
        : `Мектеп оқушыларымен бірге макулатура мен пластик бөтелке жинап, өңдеуге тапсырамыз; түскен қаржы мектеп кітапханасына жұмсалады. ${city[0]}, «Таза Қазақстан» акциясы.`,
    ],
    ru: [
      `День раздельного сбора отходов: ${city[1]}`,
      variant === 0
        ? `Жители приносят пластик, бумагу, стекло и батарейки, волонтёры раскладывают их по контейнерам и объясняют, зачем сортировать. Место: ${park[1]}. Акция «Таза Қазақстан».`
        : `Вместе со школьниками собираем макулатуру и пластиковые бутылки и сдаём на переработку; вырученные деньги идут в школьную библиотеку. ${city[1]}, акция «Таза Қазақстан».`,
    ],
  };
}

const KINDS: readonly Kind[] = ['bank', 'park', 'sorting'];

/** The campaign's opportunities in every region: one coming up, one half a year ago, one of autumn 2025, and every other region one of spring 2024. */
export function tazaOpportunities(): OpportunitySpec[] {
  return REGIONS.flatMap((r, i) => {
    const host = RUN_BY[r.code] ?? `${r.code}#0`;
    const past = `${r.code}#1`;
    const kind = (k: number) => KINDS[(i + k) % KINDS.length]!;
    const big = r.kind === 'city' ? 2 : 1;
    const specs: OpportunitySpec[] = [
      { key: `taza-${r.code}`, host, campaign: 'taza', ...texts(kind(0), i % 2, r.code), shifts: [[1 + (i % 3), 6, '10:00', 4, 25 * big], ...(i % 2 ? [] : ([[3 + (i % 3), 7, '10:00', 4, 20 * big]] as const))] },
      { key: `taza-2025-${r.code}`, host: past, campaign: 'taza', ...texts(kind(1), (i + 1) % 2, r.code), shifts: [[`2025-09-${String(6 + (i % 4) * 7).padStart(2, '0')}`, '10:00', 4, 30 * big]] },
      { key: `taza-lately-${r.code}`, host: i % 2 ? host : past, campaign: 'taza', ...texts(kind(2), (i + 1) % 2, r.code), shifts: [[-26 - (i % 4), 6, '10:00', 4, 30 * big]] },
    ];
    if (i % 2 === 0)
      specs.push({ key: `taza-2024-${r.code}`, host, campaign: 'taza', ...texts(kind(2), 0, r.code), shifts: [[`2024-04-${String(13 + (i % 3) * 7).padStart(2, '0')}`, '10:00', 5, 40 * big]] });
    return specs;
  });
}
