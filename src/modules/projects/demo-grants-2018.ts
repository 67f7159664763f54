import { and, asc, eq } from 'drizzle-orm';
import type { Executor } from '../../core/db/client.ts';
import { applications, competitions, lots } from '../competitions/index.ts';
import { organisations } from '../organisations/index.ts';
import { afternoonTime, almaty, laterOf, mix, officeTime, shiftDay } from './demo-support.ts';
import { splitTarget } from './confirm-agreement.ts';
import { budgetByYear, type DemoPeriod, type LifeOptions, type ProjectSpec, periodsEnding, type Risk, tranchesOf } from './demo-writer.ts';
import { projects } from './schema.ts';

/*
 * Seed 003 (shared/SEED_FACTS.md): the operator's 2018 grants. Every theme awarded became a project
 * from September 2018. Part of them stopped because of «Астана Банкі» АҚ: the advance sat on
 * accounts in that bank when its licence was revoked — one project is suspended to this day (its
 * money is still in the liquidation), one resumed when the money came back and was completed, one
 * was terminated. One grantee never corrected its returned report and its agreement was
 * terminated. KAMEDA's republican civic centre ran for three years, 2018–2021, with half-year
 * reports (its quarantine report of 2020 went back once). Everyone else completed by January 2019.
 */

export const BANK = '«Астана Банкі» АҚ';

const BANK_SUSPENSION = {
  kk: `Грант алушының шоты ашылған ${BANK}-ның лицензиясы кері қайтарылды: аванс ретінде аударылған грант қаражаты бұғатталды. Жобаны іске асыру қаражат қайтарылғанға дейін тоқтатылды.`,
  ru: `У банка ${BANK}, где открыт счёт грантополучателя, отозвана лицензия: перечисленный аванс гранта заблокирован. Реализация проекта приостановлена до возврата средств.`,
};
const BANK_RESUMED = {
  kk: 'Бұғатталған аванс қаражаты ликвидациялық комиссиядан қайтарылды, грант алушы басқа банкте жаңа шот ашты. Жоба жалғасады.',
  ru: 'Заблокированный аванс возвращён ликвидационной комиссией, грантополучатель открыл новый счёт в другом банке. Проект продолжается.',
};
const BANK_TERMINATED = {
  kk: 'Бұғатталған қаражат қайтарылмады, грант алушы жобаны өз қаражатымен жалғастыра алмады. Шарт тараптардың келісімімен бұзылды.',
  ru: 'Заблокированные средства не возвращены, грантополучатель не смог продолжить проект за свой счёт. Договор расторгнут по соглашению сторон.',
};
const NOT_DELIVERED = {
  kk: 'Грант алушы қайтарылған бірінші кезең есебін мерзімінде түзетпеді және екінші кезеңнің іс-шараларын өткізбеді. Шарт біржақты бұзылды, пайдаланылмаған аванс қайтарылуы тиіс.',
  ru: 'Грантополучатель не исправил в срок возвращённый отчёт за первый период и не провёл мероприятия второго. Договор расторгнут в одностороннем порядке, неиспользованный аванс подлежит возврату.',
};
const STILL_SUSPENDED_NOTE = {
  kk: `Грант алушымен кездесу: ${BANK}-ның ликвидациялық комиссиясына кредиторлық талап берілген, қаражат әлі қайтарылмаған. Жоба тоқтатулы күйде қалады.`,
  ru: `Встреча с грантополучателем: требование кредитора подано в ликвидационную комиссию «Астана Банкі» АҚ, средства пока не возвращены. Проект остаётся приостановленным.`,
};

const KAMEDA = '«КАМЕДА» қоғамдық қоры';
const NAMED = [
  '«Eurasian Expert Council» қоғамдық қоры',
  '«Европалық құқық және адам құқығы институты» жеке қоры',
  '«Еуразиялық құқық қорғаушы орталығы» жеке қоры',
  '«Шырақ» мүгедек әйелдер қауымдастығы қоғамдық бірлестігі',
  '«Тринта» жеке қоры',
  KAMEDA,
  '«Ұлттық еріктілер желісі» заңды тұлғалар бірлестігі',
];

/** What the operator's monitoring officer noted at the named grantees' events. */
const NAMED_VISITS: Record<string, { on: string; risk: Risk; notes: string }[]> = {
  '«Eurasian Expert Council» қоғамдық қоры': [
    { on: '2018-10-15', risk: 'none', notes: '«Азаматтық қоғамның болашағы. Жаңа азаматтық белсенділік» панеліне қатыстым: шамамен 178 қатысушы, интерактивті көрме жұмыс істеді, бағдарлама толық орындалды.' },
  ],
  '«Европалық құқық және адам құқығы институты» жеке қоры': [
    { on: '2018-10-23', risk: 'none', notes: 'Ақтөбедегі ХҚКО-да ашылған құқықтық көмек орталығында болдым: кеңестер журналы жүргізіледі, отбасылық, еңбек және тұрғын үй мәселелері бойынша кезек бар.' },
  ],
  [KAMEDA]: [
    { on: '2019-05-22', risk: 'none', notes: '«Жалғыз терезе» республикалық азаматтық орталығында болдым: кеңес беру, ҮЕҰ дерекқоры бойынша оқыту жүріп жатыр; 8 өңірлік орталықпен апта сайын байланыс.' },
    { on: '2020-06-10', risk: 'low', notes: 'Карантин кезінде кеңестер онлайн және телефон арқылы беріледі; бетпе-бет оқытулар кейінге қалдырылды. Тіркелімді толық жүргізу ұсынылды.' },
    { on: '2021-05-18', risk: 'none', notes: 'Оқытулар бетпе-бет форматқа қайта оралды; жыл басынан бері 400-ден астам кеңес берілді.' },
  ],
};

/** The 2018 competition's awarded themes and their winners, or null when there is nothing to do. */
export async function grants2018Projects(db: Executor): Promise<ProjectSpec[] | null> {
  const [competition] = await db
    .select({ id: competitions.id, number: competitions.number, organiser: competitions.createdBy })
    .from(competitions)
    .where(and(eq(competitions.instrument, 'grant'), eq(competitions.year, 2018), eq(competitions.ruleVersionId, 'grant-2016'), eq(competitions.stage, 'published')))
    .orderBy(asc(competitions.number))
    .limit(1);
  if (!competition) return null;
  const [done] = await db.select({ id: projects.id }).from(projects).where(eq(projects.competitionId, competition.id)).limit(1);
  if (done) return null;
  const won = await db
    .select({ lot: lots, application: applications, nameKk: organisations.nameKk })
    .from(lots)
    .innerJoin(applications, eq(applications.id, lots.winnerApplicationId))
    .innerJoin(organisations, eq(organisations.id, applications.organisationId))
    .where(and(eq(lots.competitionId, competition.id), eq(lots.outcome, 'awarded')))
    .orderBy(asc(lots.number));
  if (!won.length) return null;

  // Which grantees banked with «Астана Банкі», and which one failed to deliver: any but the named, by a fixed hash.
  const ordinary = won.filter((w) => !NAMED.includes(w.nameKk)).sort((a, b) => mix('bank', a.lot.number) - mix('bank', b.lot.number));
  const [stillSuspended, resumed, bankTerminated, notDelivered] = ordinary.map((w) => w.lot.number);

  return won.map(({ lot, application, nameKk }) => {
    const content = application.content;
    const lang = application.language;
    const key = `grants-2018/${lot.number}`;
    const kameda = nameKk === KAMEDA;
    const planFrom = content.plan.reduce((m, p) => (p.from < m ? p.from : m), content.plan[0]?.from ?? '2018-09-01');
    const planTo = content.plan.reduce((m, p) => (p.to > m ? p.to : m), content.plan[0]?.to ?? '2018-12-20');
    const startsOn = kameda ? '2018-09-01' : laterOf(planFrom, '2018-09-01');
    // KAMEDA's centre runs three years (the longest a project may run); the others as they planned.
    const endsOn = kameda ? '2021-08-31' : planTo;
    const periods: DemoPeriod[] = kameda
      ? periodsEnding(startsOn, endsOn, ['2019-02-28', '2019-08-31', '2020-02-29', '2020-08-31', '2021-02-28'], 10)
      : periodsEnding(startsOn, endsOn, [endsOn > '2018-11-20' ? '2018-10-31' : shiftDay(startsOn, Math.floor((Date.parse(endsOn) - Date.parse(startsOn)) / 172_800_000))], 5);
    const amount = lot.awardTiyn!;
    const signedOn = shiftDay('2018-08-20', mix(key, 'signed') % 9);
    const shares: [number | null, number][] = kameda
      ? [[null, 25], ...periods.map((_, i): [number, number] => [i + 1, 12.5])]
      : [
          [null, 30],
          [1, 40],
          [2, 30],
        ];
    const returned = periods.map((_, i) => i + 1).filter((n) => (kameda ? n === 4 : mix(key, 'returned', n) % 6 === 0));
    const life: LifeOptions = { returned };
    const visits: { on: string; risk: Risk; notes?: string }[] = [...(NAMED_VISITS[nameKk] ?? [])];
    const suspendOn = shiftDay('2018-09-03', mix(key, 'bank') % 4);
    if (lot.number === stillSuspended) {
      life.suspend = { on: suspendOn, reason: BANK_SUSPENSION[lang] };
      visits.push({ on: '2019-03-12', risk: 'high', notes: STILL_SUSPENDED_NOTE[lang] });
    } else if (lot.number === resumed) {
      life.suspend = { on: suspendOn, reason: BANK_SUSPENSION[lang], resume: { on: '2018-10-16', reason: BANK_RESUMED[lang] } };
    } else if (lot.number === bankTerminated) {
      life.suspend = { on: suspendOn, reason: BANK_SUSPENSION[lang], terminate: { on: '2019-02-15', reason: BANK_TERMINATED[lang] } };
    } else if (lot.number === notDelivered) {
      life.terminate = { on: '2018-12-28', reason: NOT_DELIVERED[lang], unfixed: 1 };
      visits.push({ on: '2018-12-12', risk: 'high' });
    }
    const madeAt = almaty(shiftDay(signedOn, -1), officeTime(key, 'made'));
    return {
      key,
      lang,
      applicationId: application.id,
      organisationId: application.organisationId,
      competitionId: competition.id,
      lotId: lot.id,
      regionCode: lot.regionCode,
      area: lot.area,
      titleKk: lang === 'kk' ? content.summary.title : lot.titleKk,
      titleRu: lang === 'ru' ? content.summary.title : lot.titleRu,
      summary: content.summary.summary,
      agreement: {
        number: `${competition.number}/${String(lot.number).padStart(2, '0')}`,
        signedOn,
        amountTiyn: amount,
        startsOn,
        endsOn,
        madeAt,
        organiserConfirmedAt: almaty(signedOn, '11:00'),
        organisationConfirmedAt: almaty(signedOn, afternoonTime(key, 'signed')),
      },
      organiser: competition.organiser,
      signatory: null,
      reporter: null,
      periods,
      indicators: content.indicators.map((i) => ({ name: i.name, unit: i.unit, targets: splitTarget(i.target, periods.length) })),
      budget: budgetByYear(content.budget, startsOn, endsOn),
      tranches: tranchesOf(amount, shares),
      reach: content.beneficiaries.count ?? 200,
      life,
      visits,
      evaluation: NAMED.includes(nameKk) ? { scaleMax: 5, quality: 0.92 } : mix(key, 'evaluated') % 4 === 0 ? { scaleMax: 5, quality: 0.7 + (mix(key, 'q') % 30) / 100 } : undefined,
    } satisfies ProjectSpec;
  });
}
