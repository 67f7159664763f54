import { eq, inArray } from 'drizzle-orm';
import { users } from '../../core/auth/schema.ts';
import type { AppContext } from '../../core/module.ts';
import { makeBin } from './bin.ts';
import { type LegalForm, organisationMembers, organisations } from './schema.ts';

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
  },
  {
    key: 'semey-nevada-wko',
    legalForm: 'public-foundation',
    nameKk: '«Халықаралық ядролық қаруға қарсы «Семей-Невада» қозғалысы» қоғамдық қоры, Батыс Қазақстан облыстық филиалы',
    nameRu: 'Общественный фонд «Международное антиядерное движение «Семей-Невада», Западно-Казахстанский областной филиал',
    nameEn: 'International Anti-Nuclear Movement "Semey-Nevada", West Kazakhstan branch',
    regionCode: 'KZ-27',
    registeredOn: '2003-02-20',
  },
  {
    key: 'civil-alliance',
    legalForm: 'association-of-legal-entities',
    nameKk: '«Қазақстан азаматтық альянсы» заңды тұлғалар қауымдастығы',
    nameRu: 'Ассоциация юридических лиц «Гражданский альянс Казахстана»',
    nameEn: 'Civil Alliance of Kazakhstan',
    regionCode: 'KZ-71',
    registeredOn: '2001-06-11',
  },
  {
    key: 'kazakhstan-khalkyna',
    legalForm: 'public-foundation',
    nameKk: '«Қазақстан халқына» қоғамдық қоры',
    nameRu: 'Общественный фонд «Қазақстан халқына»',
    nameEn: '"Kazakhstan Khalkyna" Foundation',
    regionCode: 'KZ-71',
    registeredOn: '2022-03-01',
  },
  {
    key: 'koksu-zhastary',
    legalForm: 'public-association',
    nameKk: '«Көксу Жастары» қоғамдық бірлестігі',
    nameRu: 'Общественное объединение «Көксу Жастары»',
    regionCode: 'KZ-33',
    registeredOn: '2016-04-12',
  },
  {
    key: 'ush-urpaq',
    legalForm: 'public-association',
    nameKk: '«Үш ұрпақ» қоғамдық бірлестігі',
    nameRu: 'Общественное объединение «Үш ұрпақ»',
    regionCode: 'KZ-33',
    registeredOn: '2015-09-03',
  },
  {
    key: 'nakhichivan',
    legalForm: 'public-association',
    nameKk: '«Нахичивань» этномәдени орталығы қоғамдық бірлестігі',
    nameRu: 'Общественное объединение «Этнокультурный центр «Нахичивань»',
    regionCode: 'KZ-33',
    registeredOn: '2008-11-20',
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
  },
  {
    key: 'eurasian-expert-council',
    legalForm: 'public-foundation',
    nameKk: '«Eurasian Expert Council» қоғамдық қоры',
    nameRu: 'Общественный фонд «Eurasian Expert Council»',
    nameEn: 'Eurasian Expert Council',
    regionCode: 'KZ-71',
    registeredOn: '2014-10-15',
  },
  {
    key: 'kameda',
    legalForm: 'public-foundation',
    nameKk: '«КАМЕДА» қоғамдық қоры',
    nameRu: 'Общественный фонд «КАМЕДА»',
    nameEn: 'KAMEDA Foundation',
    regionCode: 'KZ-71',
    registeredOn: '2012-07-09',
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
  },
  {
    key: 'trinta',
    legalForm: 'other',
    nameKk: '«Тринта» жеке қоры',
    nameRu: 'Частный фонд «Тринта»',
    nameEn: 'Trinta Foundation',
    regionCode: 'KZ-75',
    registeredOn: '2013-01-22',
  },
  {
    key: 'national-volunteer-network',
    legalForm: 'association-of-legal-entities',
    nameKk: '«Ұлттық еріктілер желісі» заңды тұлғалар бірлестігі',
    nameRu: 'Объединение юридических лиц «Национальная сеть волонтёров»',
    nameEn: 'National Volunteer Network',
    regionCode: 'KZ-71',
    registeredOn: '2014-12-05',
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
  { email: 'organiser@ortaq.kz', organisation: 'grant-operator', role: 'admin' },
] as const;

export async function seedDemoOrganisations(ctx: AppContext): Promise<void> {
  await ctx.db.transaction(async (tx) => {
    const ids = new Map<string, string>();
    for (const [index, org] of DEMO_ORGANISATIONS.entries()) {
      const yymm = org.registeredOn.slice(2, 4) + org.registeredOn.slice(5, 7);
      const bin = makeBin(yymm, 1000 + index * 37);
      const { key, ...values } = org;
      await tx.insert(organisations).values({ ...values, bin }).onConflictDoNothing();
      const [row] = await tx.select({ id: organisations.id }).from(organisations).where(eq(organisations.bin, bin));
      ids.set(key, row!.id);
    }
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
