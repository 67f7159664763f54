import type { Readable } from 'node:stream';
import { and, asc, eq, gt, inArray, ne, sql } from 'drizzle-orm';
import type { Executor } from '../../../core/db/client.ts';
import { regionName } from '../../../core/geo/regions.ts';
import type { MessageRegistry } from '../../../core/i18n/messages.ts';
import type { AppContext } from '../../../core/module.ts';
import { applications, competitions, lots, NATIONAL_REGION } from '../../competitions/index.ts';
import { organisations } from '../../organisations/index.ts';
import { type FundedProject, fundedOfCompetitions, released } from './funded.ts';
import { CURRENCY, type DataLang, dayEnd, dayStart, LICENCE_URL, OPEN_DATA_PATHS, ocid, ORGANISATION_PREFIX, organisationId, tenge } from './identifiers.ts';
import { streamJsonObject } from './stream-json.ts';

/**
 * Competitions as an OCDS 1.1 release package (schema in schemas/ocds-1.1.5/): one
 * contracting process per announced competition, its lots as the tender's lots (the lots
 * extension), an award per awarded lot, a contract per agreement confirmed by both sides, and
 * the contract's implementation: tranches released as transactions, reporting periods as
 * milestones. Each release is a snapshot of the process as it stands (docs/open-data.md).
 */

export const OCDS_VERSION = '1.1';
export const LOTS_EXTENSION = 'https://raw.githubusercontent.com/open-contracting-extensions/ocds_lots_extension/v1.1.5/extension.json';

type CompetitionRow = typeof competitions.$inferSelect;
type LotRow = typeof lots.$inferSelect;
type OrganisationRow = Pick<typeof organisations.$inferSelect, 'id' | 'bin' | 'nameKk' | 'nameRu' | 'regionCode'>;

type Context = { lang: DataLang; publicUrl: string; messages: MessageRegistry; now: Date };

const organisationColumns = { id: organisations.id, bin: organisations.bin, nameKk: organisations.nameKk, nameRu: organisations.nameRu, regionCode: organisations.regionCode };
const byLang = (lang: DataLang, kk: string, ru: string | null) => (lang === 'ru' && ru ? ru : kk);

export const COMPETITION_BATCH_SIZE = 50;

/** Announced competitions (drafts are not public), by number, a batch at a time after the last one read. */
async function* competitionBatches(db: Executor, batchSize = COMPETITION_BATCH_SIZE): AsyncGenerator<CompetitionRow[]> {
  let after: string | undefined;
  for (;;) {
    const batch = await db
      .select()
      .from(competitions)
      .where(and(ne(competitions.stage, 'draft'), after === undefined ? undefined : gt(competitions.number, after)))
      .orderBy(asc(competitions.number))
      .limit(batchSize);
    if (batch.length > 0) yield batch;
    if (batch.length < batchSize) return;
    after = batch[batch.length - 1]!.number;
  }
}

/** What a batch of competitions needs besides its rows: lots, organisations, applicants, funded projects. */
async function loadDetails(db: Executor, batch: CompetitionRow[]) {
  const ids = batch.map((c) => c.id);
  const orgIds = [...new Set(batch.flatMap((c) => [c.organiserId, ...(c.customerId ? [c.customerId] : [])]))];
  const [lotRows, orgRows, applicants, funded] = await Promise.all([
    db.select().from(lots).where(inArray(lots.competitionId, ids)).orderBy(asc(lots.competitionId), asc(lots.number)),
    db.select(organisationColumns).from(organisations).where(inArray(organisations.id, orgIds)),
    db
      .select({ lotId: applications.lotId, applicationId: applications.id, status: applications.status, organisation: organisationColumns })
      .from(applications)
      .innerJoin(lots, eq(lots.id, applications.lotId))
      .innerJoin(organisations, eq(organisations.id, applications.organisationId))
      .where(and(inArray(lots.competitionId, ids), inArray(applications.status, ['submitted', 'admitted', 'refused'])))
      .orderBy(sql`${organisations.nameKk} collate kazakh`, asc(organisations.bin)),
    fundedOfCompetitions(db, ids),
  ]);
  return { lotRows, orgs: new Map(orgRows.map((o) => [o.id, o])), applicants, funded };
}

/** The tender's status (OCDS tenderStatus codelist), read against the server clock as the public pages do. */
function tenderStatus(c: CompetitionRow, competitionLots: LotRow[], now: Date): string {
  if (c.stage === 'published') return competitionLots.some((l) => l.outcome === 'awarded') ? 'complete' : 'unsuccessful';
  if (c.stage === 'announced' && now < c.announcedAt) return 'planned';
  return 'active';
}

/** Applications are counted in public once the deadline has passed; applicants are named once the results are published. */
const countsArePublic = (c: CompetitionRow, now: Date) => c.stage === 'evaluation' || c.stage === 'published' || (c.stage === 'announced' && now >= c.deadlineAt);

type Party = { org: OrganisationRow; roles: Set<string> };

function partyOf(p: Party, c: Context) {
  const name = byLang(c.lang, p.org.nameKk, p.org.nameRu);
  return {
    id: organisationId(p.org.bin),
    name,
    identifier: { scheme: ORGANISATION_PREFIX, id: p.org.bin, legalName: name },
    address: {
      region: p.org.regionCode === NATIONAL_REGION ? undefined : regionName(p.org.regionCode, c.lang),
      countryName: c.messages.format(c.lang, 'projects.opendata.country'),
    },
    roles: [...p.roles],
  };
}

const reference = (org: Pick<OrganisationRow, 'bin' | 'nameKk' | 'nameRu'>, lang: DataLang) => ({ id: organisationId(org.bin), name: byLang(lang, org.nameKk, org.nameRu) });

const latest = (...dates: (Date | null | undefined)[]) => new Date(Math.max(...dates.map((d) => d?.getTime() ?? 0)));

/** The reporting milestone of a period: met when its report was accepted, not met once its due date passed without. */
function milestoneStatus(period: FundedProject['periods'][number], now: Date): 'met' | 'notMet' | 'scheduled' {
  if (period.acceptedAt) return 'met';
  return new Date(dayEnd(period.reportDueOn)) < now ? 'notMet' : 'scheduled';
}

/** The contract's status (OCDS contractStatus codelist): a completed or terminated project has come to a close. */
const contractStatus = (p: FundedProject) => (p.status === 'completed' || p.status === 'terminated' ? 'terminated' : 'active');

/** One competition as an OCDS release. */
export function releaseOf(
  competition: CompetitionRow,
  details: Awaited<ReturnType<typeof loadDetails>>,
  c: Context,
) {
  const { lang, now, messages } = c;
  /** A code's label, or the code itself if the catalogue has none: a file is never cut short by a missing text. */
  const label = (key: string, code: string) => (messages.has(key) ? messages.format(lang, key) : code);
  const id = ocid(competition.number);
  const competitionLots = details.lotRows.filter((l) => l.competitionId === competition.id);
  const lotIds = new Set(competitionLots.map((l) => l.id));
  const applicants = details.applicants.filter((a) => lotIds.has(a.lotId));
  const funded = details.funded.filter((p) => p.competitionId === competition.id);
  const organiser = details.orgs.get(competition.organiserId)!;
  const customer = competition.customerId ? details.orgs.get(competition.customerId) : undefined;
  const buyer = customer ?? organiser;
  const published = competition.stage === 'published';
  const status = tenderStatus(competition, competitionLots, now);

  const parties = new Map<string, Party>();
  const role = (org: OrganisationRow, r: string) => {
    const party = parties.get(org.bin) ?? { org, roles: new Set<string>() };
    party.roles.add(r);
    parties.set(org.bin, party);
  };
  role(buyer, 'buyer');
  role(organiser, 'procuringEntity');

  const lotId = (l: LotRow) => `lot-${l.number}`;
  const awardId = (l: LotRow) => `award-lot-${l.number}`;
  const winnerOf = (l: LotRow) => applicants.find((a) => a.applicationId === l.winnerApplicationId);

  const tenderers = published ? [...new Map(applicants.map((a) => [a.organisation.bin, a.organisation])).values()] : [];
  for (const t of tenderers) role(t, 'tenderer');

  const awarded = published ? competitionLots.filter((l) => l.outcome === 'awarded' && l.awardTiyn !== null && winnerOf(l)) : [];
  const awards = awarded.map((l) => {
    const winner = winnerOf(l)!.organisation;
    role(winner, 'supplier');
    return {
      id: awardId(l),
      title: byLang(lang, l.titleKk, l.titleRu),
      status: 'active',
      date: (competition.publishedAt ?? competition.updatedAt).toISOString(),
      value: { amount: tenge(l.awardTiyn!), currency: CURRENCY },
      suppliers: [reference(winner, lang)],
      relatedLots: [lotId(l)],
    };
  });

  const contracts = funded.flatMap((p) => {
    const lot = competitionLots.find((l) => l.number === p.lotNumber);
    if (!lot || !awarded.includes(lot)) return [];
    const paid = released(p);
    if (paid.length > 0) role(organiser, 'payer');
    if (paid.length > 0) role(winnerOf(lot)!.organisation, 'payee');
    return [
      {
        id: p.agreementId,
        awardID: awardId(lot),
        title: messages.format(lang, 'projects.opendata.ocds.contract', { number: p.agreementNumber }),
        description: byLang(lang, p.titleKk, p.titleRu),
        status: contractStatus(p),
        period: { startDate: dayStart(p.startsOn), endDate: dayEnd(p.endsOn) },
        value: { amount: tenge(p.amountTiyn), currency: CURRENCY },
        dateSigned: dayStart(p.signedOn),
        implementation: {
          transactions: paid.map((t) => ({
            id: `tranche-${t.number}`,
            source: `${c.publicUrl}/${lang}/projects/${p.projectId}`,
            date: t.releasedAt.toISOString(),
            value: { amount: tenge(t.amountTiyn), currency: CURRENCY },
            payer: reference(organiser, lang),
            payee: reference(p.recipient, lang),
          })),
          milestones: p.periods.map((period) => ({
            id: `report-${period.number}`,
            title: messages.format(lang, period.final ? 'projects.opendata.ocds.final-report' : 'projects.opendata.ocds.report', { period: period.number }),
            type: 'reporting',
            description: messages.format(lang, 'projects.opendata.ocds.report-period', { start: period.startsOn, end: period.endsOn }),
            dueDate: dayEnd(period.reportDueOn),
            ...(period.acceptedAt ? { dateMet: period.acceptedAt.toISOString() } : {}),
            status: milestoneStatus(period, now),
          })),
        },
      },
    ];
  });

  const counted = countsArePublic(competition, now);
  const description = byLang(lang, competition.descriptionKk ?? '', competition.descriptionRu);
  // Statuses also change with the clock (a tender opens, a report falls due): those moments date the release too.
  const passed = (d: Date) => (d <= now ? d : null);
  const dueDates = contracts.flatMap((k) => k.implementation.milestones.map((m) => passed(new Date(m.dueDate))));
  const date = latest(competition.updatedAt, competition.publishedAt, passed(competition.announcedAt), passed(competition.deadlineAt), ...dueDates, ...funded.map((p) => p.lastModified));
  const tags = ['tender', ...(awards.length ? ['award'] : []), ...(contracts.length ? ['contract'] : []), ...(contracts.some((k) => k.implementation.transactions.length || k.implementation.milestones.some((m) => m.status === 'met')) ? ['implementation'] : [])];

  return {
    ocid: id,
    id: `${id}-${date.toISOString().replace(/[-:.]/g, '')}`,
    date: date.toISOString(),
    tag: tags,
    initiationType: 'tender',
    language: lang,
    parties: [...parties.values()].map((p) => partyOf(p, c)),
    buyer: reference(buyer, lang),
    tender: {
      id: competition.number,
      title: byLang(lang, competition.titleKk, competition.titleRu),
      ...(description ? { description } : {}),
      status,
      procuringEntity: reference(organiser, lang),
      value: { amount: tenge(competitionLots.reduce((sum, l) => sum + l.budgetTiyn, 0)), currency: CURRENCY },
      procurementMethod: 'open',
      procurementMethodDetails: label(`competitions.instrument.${competition.instrument}`, competition.instrument),
      mainProcurementCategory: 'services',
      awardCriteria: 'qualityOnly',
      submissionMethod: ['electronicSubmission'],
      tenderPeriod: { startDate: competition.announcedAt.toISOString(), endDate: competition.deadlineAt.toISOString() },
      awardPeriod: { startDate: competition.deadlineAt.toISOString(), endDate: (competition.publishedAt ?? competition.resultsDueAt).toISOString() },
      ...(counted ? { numberOfTenderers: new Set(applicants.map((a) => a.organisation.bin)).size } : {}),
      ...(published ? { tenderers: tenderers.map((t) => reference(t, lang)) } : {}),
      lots: competitionLots.map((l) => ({
        id: lotId(l),
        title: byLang(lang, l.titleKk, l.titleRu),
        status: l.outcome === 'awarded' ? 'complete' : l.outcome === 'failed' ? 'unsuccessful' : status === 'planned' ? 'planned' : 'active',
        ...(l.outcome === 'failed' && l.failureReason
          ? { statusDetails: label(`competitions.failure.${l.failureReason}`, l.failureReason) }
          : {}),
        value: { amount: tenge(l.budgetTiyn), currency: CURRENCY },
      })),
    },
    awards,
    contracts,
  };
}

export type Release = ReturnType<typeof releaseOf>;

async function* releaseBatches(ctx: AppContext, c: Context) {
  for await (const batch of competitionBatches(ctx.db)) {
    const details = await loadDetails(ctx.db, batch);
    yield batch.map((competition) => releaseOf(competition, details, c));
  }
}

/** The release package, streamed: a batch of competitions is read, written, and let go. */
export function ocdsReleasePackage(ctx: AppContext, lang: DataLang, dataDate: Date): Readable {
  const publicUrl = ctx.config.publicUrl;
  const c: Context = { lang, publicUrl, messages: ctx.messages, now: ctx.clock.now() };
  const head = {
    uri: `${publicUrl}${OPEN_DATA_PATHS.ocds}${lang === 'kk' ? '' : `?lang=${lang}`}`,
    version: OCDS_VERSION,
    extensions: [LOTS_EXTENSION],
    publishedDate: dataDate.toISOString(),
    publisher: { name: 'Ortaq', uri: publicUrl },
    license: LICENCE_URL,
    publicationPolicy: `${publicUrl}/${lang}/open-data`,
  };
  return streamJsonObject(head, 'releases', releaseBatches(ctx, c));
}
