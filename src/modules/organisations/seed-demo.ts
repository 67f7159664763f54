import { eq, inArray, sql } from 'drizzle-orm';
import { recordAudit } from '../../core/audit/audit-log.ts';
import { users } from '../../core/auth/schema.ts';
import { DISTRICTS } from '../../core/geo/districts.ts';
import type { AppContext } from '../../core/module.ts';
import { makeBin } from './bin.ts';
import { generateRegion, type RegionPlan } from './demo-register.ts';
import { type Area, type LegalForm, organisationMembers, organisations } from './schema.ts';
import { organisationSearchKey } from './search-key.ts';

type DemoOrganisation = {
  key: string;
  kind?: 'ngo' | 'state';
  legalForm: LegalForm;
  nameKk: string;
  nameRu: string;
  nameEn?: string;
  regionCode: string;
  registeredOn: string;
  website?: string;
  areas?: Area[];
  headName?: string;
  descriptionKk?: string;
  descriptionRu?: string;
  settlement?: 'urban' | 'rural';
  /** Russian name of the district (as in core/geo/districts.ts), when the seeds place it in one. */
  district?: string;
  staffCount?: number;
  volunteerCount?: number;
};

/** The organisations named in the seed articles (shared/SEED_FACTS.md), with valid BINs made from their founding dates. */
export const DEMO_ORGANISATIONS: readonly DemoOrganisation[] = [
  {
    key: 'aktobe-ngo-association',
    legalForm: 'association-of-legal-entities',
    nameKk: '«Ақтөбе облысының үкіметтік емес ұйымдары қауымдастығы» заңды тұлғалар бірлестігі',
    nameRu: 'ОЮЛ «Ассоциация НПО Актюбинской области»',
    nameEn: 'Association of NGOs of Aktobe Region',
    regionCode: 'KZ-15',
    registeredOn: '2009-05-14',
    areas: ['rights', 'vulnerable-groups', 'family-gender', 'social-harmony'],
    headName: 'Айгүл Дүйсенова',
    descriptionKk: 'Облыстың қоғамдық ұйымдарының жұмысын үйлестіру үшін 2009 жылы құрылған; 2010 жылдан бері Азаматтық Альянстың мүшесі. 66 мүше ұйым, он жылда 3 000-нан астам іс-шара, 76 жаңа ҮЕҰ құруға көмек, 4 000-нан астам кеңес.',
    descriptionRu: 'Создана в 2009 году для координации общественных организаций области; с 2010 года входит в Гражданский альянс. 66 организаций-членов, за десять лет более 3 000 мероприятий, помощь в создании 76 новых НПО, более 4 000 консультаций.',
    staffCount: 6,
    volunteerCount: 40,
  },
  {
    key: 'semey-nevada-wko',
    legalForm: 'public-foundation',
    nameKk: '«Халықаралық ядролық қаруға қарсы «Семей-Невада» қозғалысы» қоғамдық қоры, Батыс Қазақстан облыстық филиалы',
    nameRu: 'Общественный фонд «Международное антиядерное движение «Семей-Невада», Западно-Казахстанский областной филиал',
    nameEn: 'International Anti-Nuclear Movement "Semey-Nevada", West Kazakhstan branch',
    regionCode: 'KZ-27',
    registeredOn: '2003-02-20',
    areas: ['environment', 'health'],
    headName: 'Ізімғали Көбенов',
  },
  {
    key: 'civil-alliance',
    legalForm: 'association-of-legal-entities',
    nameKk: '«Қазақстан азаматтық альянсы» заңды тұлғалар қауымдастығы',
    nameRu: 'Ассоциация юридических лиц «Гражданский альянс Казахстана»',
    nameEn: 'Civil Alliance of Kazakhstan',
    regionCode: 'KZ-71',
    registeredOn: '2001-06-11',
    areas: ['rights', 'social-harmony'],
    headName: 'Бану Нұрғазиева',
  },
  {
    key: 'kazakhstan-khalkyna',
    legalForm: 'public-foundation',
    nameKk: '«Қазақстан халқына» қоғамдық қоры',
    nameRu: 'Общественный фонд «Қазақстан халқына»',
    nameEn: '"Kazakhstan Khalkyna" Foundation',
    regionCode: 'KZ-71',
    registeredOn: '2022-03-01',
    areas: ['education-science-sport', 'health', 'vulnerable-groups', 'culture-art'],
    headName: 'Ләззат Шыңғысбаева',
  },
  {
    key: 'koksu-zhastary',
    legalForm: 'public-association',
    nameKk: '«Көксу Жастары» қоғамдық бірлестігі',
    nameRu: 'Общественное объединение «Көксу Жастары»',
    regionCode: 'KZ-33',
    registeredOn: '2016-04-12',
    areas: ['youth', 'social-harmony'],
    settlement: 'rural',
    district: 'Коксуский район',
  },
  {
    key: 'ush-urpaq',
    legalForm: 'public-association',
    nameKk: '«Үш ұрпақ» қоғамдық бірлестігі',
    nameRu: 'Общественное объединение «Үш ұрпақ»',
    regionCode: 'KZ-33',
    registeredOn: '2015-09-03',
    areas: ['youth', 'heritage', 'culture-art'],
    settlement: 'rural',
    district: 'Коксуский район',
  },
  {
    key: 'nakhichivan',
    legalForm: 'public-association',
    nameKk: '«Нахичивань» этномәдени орталығы қоғамдық бірлестігі',
    nameRu: 'Общественное объединение «Этнокультурный центр «Нахичивань»',
    regionCode: 'KZ-33',
    registeredOn: '2008-11-20',
    areas: ['social-harmony', 'culture-art'],
    headName: 'Фахридин Джабрайлов',
    settlement: 'rural',
    district: 'Коксуский район',
  },
  {
    key: 'kokshe-jastary',
    legalForm: 'public-association',
    nameKk: '«Көкше жастары» қоғамдық бірлестігі',
    nameRu: 'Общественное объединение «Көкше жастары»',
    regionCode: 'KZ-11',
    registeredOn: '2017-03-14',
    areas: ['youth', 'education-science-sport'],
  },
  {
    key: 'grant-operator',
    kind: 'state',
    legalForm: 'non-commercial-joint-stock-company',
    nameKk: '«Азаматтық бастамаларды қолдау орталығы» коммерциялық емес акционерлік қоғамы',
    nameRu: 'НАО «Центр поддержки гражданских инициатив»',
    nameEn: 'Civil Initiatives Support Centre (grant operator)',
    regionCode: 'KZ-71',
    registeredOn: '2016-02-01',
    website: 'https://cisc.kz',
    headName: 'Нұрлан Өтешев',
  },
  {
    key: 'eurasian-expert-council',
    legalForm: 'public-foundation',
    nameKk: '«Eurasian Expert Council» қоғамдық қоры',
    nameRu: 'Общественный фонд «Eurasian Expert Council»',
    nameEn: 'Eurasian Expert Council',
    regionCode: 'KZ-71',
    registeredOn: '2014-10-15',
    areas: ['education-science-sport'],
  },
  {
    key: 'kameda',
    legalForm: 'public-foundation',
    nameKk: '«КАМЕДА» қоғамдық қоры',
    nameRu: 'Общественный фонд «КАМЕДА»',
    nameEn: 'KAMEDA Foundation',
    regionCode: 'KZ-71',
    registeredOn: '2012-07-09',
    areas: ['rights', 'vulnerable-groups'],
    descriptionKk: '«Жалғыз терезе» қағидаты бойынша республикалық азаматтық орталықты басқарады: ҮЕҰ мен азаматтарға кеңес, әдістемелік көмек және оқыту.',
    descriptionRu: 'Ведёт республиканский гражданский центр по принципу «одного окна»: консультации, методическая помощь и обучение для НПО и граждан.',
  },
  {
    key: 'eurolaw',
    legalForm: 'other',
    nameKk: '«Европалық құқық және адам құқығы институты» жеке қоры',
    nameRu: 'Частный фонд «Институт европейского права и прав человека»',
    nameEn: 'Institute of European Law and Human Rights',
    regionCode: 'KZ-75',
    registeredOn: '2010-03-25',
    website: 'https://eurolaw.kz',
    areas: ['rights'],
  },
  {
    key: 'ehrc',
    legalForm: 'other',
    nameKk: '«Еуразиялық құқық қорғаушы орталығы» жеке қоры',
    nameRu: 'Частный фонд «Евразийский правозащитный центр»',
    nameEn: 'Eurasian Human Rights Centre',
    regionCode: 'KZ-71',
    registeredOn: '2011-08-17',
    website: 'https://ehrc.kz',
    areas: ['rights'],
  },
  {
    key: 'shyrak',
    legalForm: 'public-association',
    nameKk: '«Шырақ» мүгедек әйелдер қауымдастығы қоғамдық бірлестігі',
    nameRu: 'Общественное объединение «Ассоциация женщин с инвалидностью «Шырақ»',
    nameEn: 'Shyrak Association of Women with Disabilities',
    regionCode: 'KZ-75',
    registeredOn: '2007-05-30',
    website: 'https://shyrak.kz',
    areas: ['rights', 'vulnerable-groups', 'family-gender'],
  },
  {
    key: 'trinta',
    legalForm: 'other',
    nameKk: '«Тринта» жеке қоры',
    nameRu: 'Частный фонд «Тринта»',
    nameEn: 'Trinta Foundation',
    regionCode: 'KZ-75',
    registeredOn: '2013-01-22',
    areas: ['education-science-sport'],
  },
  {
    key: 'national-volunteer-network',
    legalForm: 'association-of-legal-entities',
    nameKk: '«Ұлттық еріктілер желісі» заңды тұлғалар бірлестігі',
    nameRu: 'Объединение юридических лиц «Национальная сеть волонтёров»',
    nameEn: 'National Volunteer Network',
    regionCode: 'KZ-71',
    registeredOn: '2014-12-05',
    areas: ['youth', 'vulnerable-groups'],
  },
  {
    key: 'ministry-of-culture-and-information',
    kind: 'state',
    legalForm: 'state-body',
    nameKk: 'Қазақстан Республикасы Мәдениет және ақпарат министрлігі',
    nameRu: 'Министерство культуры и информации Республики Казахстан',
    nameEn: 'Ministry of Culture and Information of the Republic of Kazakhstan',
    regionCode: 'KZ-71',
    registeredOn: '2023-09-01',
  },
  {
    key: 'kostanay-public-development',
    kind: 'state',
    legalForm: 'state-body',
    nameKk: 'Қостанай облысы әкімдігінің қоғамдық даму басқармасы',
    nameRu: 'Управление общественного развития акимата Костанайской области',
    nameEn: 'Public Development Department, Kostanay Region Akimat',
    regionCode: 'KZ-39',
    registeredOn: '2005-04-01',
  },
];

/** Which demo account belongs to which organisation, and as what. */
const DEMO_MEMBERSHIPS = [
  { email: 'ngo-admin@ortaq.kz', organisation: 'aktobe-ngo-association', role: 'admin' },
  { email: 'ngo-staff@ortaq.kz', organisation: 'koksu-zhastary', role: 'staff' },
  { email: 'ngo-koksu@ortaq.kz', organisation: 'nakhichivan', role: 'admin' },
  { email: 'organiser@ortaq.kz', organisation: 'grant-operator', role: 'admin' },
] as const;

/** How the generated part of the demo register is shaped, region by region (shared/SEED_FACTS.md). */
function regionPlans(): RegionPlan[] {
  const kato = (regionCode: string, kind: 'city' | 'district') => DISTRICTS.filter((d) => d.regionCode === regionCode && d.kind === kind).map((d) => d.kato);
  const plan = (regionCode: string, forms: RegionPlan['forms'], active: number, ruralShare: number, brands?: string[]): RegionPlan => ({
    regionCode,
    forms,
    active,
    ruralShare,
    cities: kato(regionCode, 'city'),
    districts: kato(regionCode, 'district'),
    brands,
  });
  const small = (n: number) => ({ 'public-association': Math.round(n * 0.52), 'public-foundation': Math.round(n * 0.28), 'association-of-legal-entities': Math.round(n * 0.05), 'private-institution': Math.round(n * 0.15) });
  return [
    // Seed 000: 764 registered = 404 public associations + 205 public foundations + 30 associations
    // of legal entities (one of them the named association) + 125 private institutions; ~100 active.
    plan('KZ-15', { 'public-association': 404, 'public-foundation': 205, 'association-of-legal-entities': 29, 'private-institution': 125 }, 103, 0.3),
    // Seed 004: Kostanay region has 1,029 NGOs, with a growing rural share.
    plan('KZ-39', { 'public-association': 560, 'public-foundation': 270, 'association-of-legal-entities': 40, 'private-institution': 159 }, 430, 0.38),
    ...['KZ-10', 'KZ-11', 'KZ-19', 'KZ-23', 'KZ-27', 'KZ-31', 'KZ-35', 'KZ-43', 'KZ-47', 'KZ-55', 'KZ-59', 'KZ-61', 'KZ-62', 'KZ-63', 'KZ-71', 'KZ-75', 'KZ-79'].map(
      (code, i) => plan(code, small(30 + ((i * 17) % 40)), 12 + ((i * 7) % 15), code >= 'KZ-71' ? 0 : 0.3),
    ),
    // Seed 002: five NGOs work in Koksu district; three are named, two more are generated there.
    { ...plan('KZ-33', { 'public-association': 2 }, 2, 1), districts: kato('KZ-33', 'district').filter((k) => k === KOKSU) },
    plan('KZ-33', small(40), 18, 0.4),
  ];
}

const KOKSU = DISTRICTS.find((d) => d.name.ru === 'Коксуский район')!.kato;
const chunks = <T>(rows: T[], size: number) => Array.from({ length: Math.ceil(rows.length / size) }, (_, i) => rows.slice(i * size, (i + 1) * size));

export async function seedDemoOrganisations(ctx: AppContext): Promise<void> {
  await ctx.db.transaction(async (tx) => {
    const ids = new Map<string, string>();
    const usedBins = new Set<string>();
    for (const [index, org] of DEMO_ORGANISATIONS.entries()) {
      const yymm = org.registeredOn.slice(2, 4) + org.registeredOn.slice(5, 7);
      const bin = makeBin(yymm, 1000 + index * 37);
      usedBins.add(bin);
      const { key, district, ...values } = org;
      const districtKato = district ? (DISTRICTS.find((d) => d.name.ru === district)?.kato ?? null) : null;
      const [created] = await tx
        .insert(organisations)
        .values({ ...values, bin, districtKato, searchKey: organisationSearchKey({ ...values, bin }) })
        .onConflictDoNothing()
        .returning({ id: organisations.id });
      const [row] = await tx.select({ id: organisations.id }).from(organisations).where(eq(organisations.bin, bin));
      ids.set(key, row!.id);
      if (created) await recordAudit(tx, { actorId: null, action: 'organisation.create', entityType: 'organisation', entityId: created.id, changes: { via: 'demo' } });
    }

    const generated = regionPlans().flatMap((plan, i) => generateRegion(plan, 2026 + i, usedBins));
    for (const batch of chunks(generated, 500)) {
      await tx
        .insert(organisations)
        .values(batch.map((g) => ({ ...g, searchKey: organisationSearchKey(g) })))
        .onConflictDoNothing();
    }
    // Active NGOs report to the national NGO database by 31 March of the next year.
    await tx.execute(sql`
      insert into ngo_database_reports (organisation_id, year, submitted_on)
      select o.id, y.year, make_date(y.year + 1, 3, 1 + (abs(hashtext(o.bin)) % 28))
      from organisations o cross join (values (2024), (2025)) as y(year)
      where o.kind = 'ngo' and o.status = 'active'
      on conflict do nothing`);

    // Seed 000: the Aktobe association has 66 member organisations, with membership certificates.
    await tx.execute(sql`
      insert into association_members (association_id, member_id, certificate_number, certificate_date)
      select ${ids.get('aktobe-ngo-association')}::uuid, m.id, 'ҮЕҰҚ-' || lpad(m.n::text, 3, '0'), make_date(2010 + (m.n % 10), 1 + (m.n % 12), 1 + (m.n % 27))
      from (
        select o.id, (row_number() over (order by o.status = 'active' desc, o.bin))::int as n
        from organisations o
        where o.region_code = 'KZ-15' and o.kind = 'ngo' and o.legal_form <> 'association-of-legal-entities' and o.status <> 'liquidated'
        order by n
        limit 66
      ) m
      on conflict do nothing`);

    const accounts = await tx
      .select({ id: users.id, email: users.email })
      .from(users)
      .where(inArray(users.email, DEMO_MEMBERSHIPS.map((m) => m.email)));
    for (const m of DEMO_MEMBERSHIPS) {
      const user = accounts.find((a) => a.email === m.email);
      const organisationId = ids.get(m.organisation);
      if (user && organisationId) {
        await tx.insert(organisationMembers).values({ organisationId, userId: user.id, role: m.role }).onConflictDoNothing();
      }
    }
  });
}
