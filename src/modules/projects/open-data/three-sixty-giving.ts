import { Readable } from 'node:stream';
import { stringify } from 'csv-stringify/sync';
import { regionName } from '../../../core/geo/regions.ts';
import type { MessageRegistry } from '../../../core/i18n/messages.ts';
import type { AppContext } from '../../../core/module.ts';
import { NATIONAL_REGION } from '../../competitions/index.ts';
import { isoDay } from '../records.ts';
import { type FundedOrganisation, type FundedProject, fundedBatches, released } from './funded.ts';
import { CURRENCY, type DataLang, durationMonths, grantId, LICENCE_URL, OPEN_DATA_PATHS, organisationId, tenge } from './identifiers.ts';
import { streamJsonObject } from './stream-json.ts';

/**
 * The funded projects as 360Giving grants (standard 1.4, schema in schemas/360giving/):
 * one grant per agreement confirmed by both sides. Texts people wrote stay as written; names
 * the platform knows in both languages (organisations, competitions, regions) are given in the
 * language asked for, Kazakh by default.
 */

export const THREE_SIXTY_GIVING_VERSION = '1.4';

type Context = { publicUrl: string; lang: DataLang; messages: MessageRegistry };

const name = (o: FundedOrganisation, lang: DataLang) => (lang === 'ru' ? o.nameRu : o.nameKk);
const otherName = (o: FundedOrganisation, lang: DataLang) => (lang === 'ru' ? o.nameKk : o.nameRu);

function place(code: string, { lang, messages }: Context) {
  if (code === NATIONAL_REGION) return { name: messages.format(lang, 'projects.opendata.country'), countryCode: 'KZ', geoCode: 'KZ', geoCodeType: 'ISO 3166-1' };
  return { name: regionName(code, lang), countryCode: 'KZ', geoCode: code, geoCodeType: 'ISO 3166-2' };
}

/** A code's label, or the code itself if the catalogue has none: a file is never cut short by a missing text. */
const label = (messages: MessageRegistry, lang: DataLang, key: string, code: string) => (messages.has(key) ? messages.format(lang, key) : code);

/** One project as a 360Giving grant. */
export function grantOf(p: FundedProject, c: Context) {
  const { lang, publicUrl, messages } = c;
  const id = grantId(p.agreementId);
  const recipientId = organisationId(p.recipient.bin);
  const funderId = organisationId(p.funder.bin);
  const paid = released(p);
  const description = lang === 'ru' ? p.recipient.descriptionRu : p.recipient.descriptionKk;
  return {
    id,
    title: lang === 'ru' ? p.titleRu : p.titleKk,
    description: p.summary.trim() || (lang === 'ru' ? p.lotTitleRu : p.lotTitleKk),
    currency: CURRENCY,
    amountAwarded: tenge(p.amountTiyn),
    amountDisbursed: tenge(paid.reduce((sum, t) => sum + t.amountTiyn, 0)),
    awardDate: p.publishedAt ? isoDay(p.publishedAt) : p.signedOn,
    url: `${publicUrl}/${lang}/projects/${p.projectId}`,
    plannedDates: [{ startDate: p.startsOn, endDate: p.endsOn, duration: durationMonths(p.startsOn, p.endsOn) }],
    recipientOrganization: [
      {
        id: recipientId,
        name: name(p.recipient, lang),
        alternateName: otherName(p.recipient, lang),
        addressRegion: place(p.recipient.regionCode, c).name,
        addressCountry: messages.format(lang, 'projects.opendata.country'),
        ...(description ? { description } : {}),
        ...(p.recipient.website && /^https?:\/\//.test(p.recipient.website) ? { url: p.recipient.website } : {}),
      },
    ],
    fundingOrganization: [{ id: funderId, name: name(p.funder, lang) }],
    beneficiaryLocation: [place(p.regionCode, c)],
    grantProgramme: [
      {
        code: p.competitionNumber,
        title: lang === 'ru' ? p.competitionTitleRu : p.competitionTitleKk,
        url: `${publicUrl}/${lang}/competitions/${p.competitionId}`,
      },
    ],
    fromOpenCall: 'Yes',
    classifications: [
      { vocabulary: 'ortaq-area', code: p.area, title: label(messages, lang, `organisations.area.${p.area}`, p.area) },
      { vocabulary: 'ortaq-instrument', code: p.instrument, title: label(messages, lang, `competitions.instrument.${p.instrument}`, p.instrument) },
    ],
    ...(paid.length > 0
      ? {
          disbursementTransaction: paid.map((t) => ({
            id: `${id}-tranche-${t.number}`,
            transactionDate: t.releasedAt.toISOString(),
            currency: CURRENCY,
            value: tenge(t.amountTiyn),
            provider: funderId,
            recipient: recipientId,
          })),
        }
      : {}),
    dateModified: p.lastModified.toISOString(),
    dataSource: `${publicUrl}/${lang}/open-data`,
  };
}

export type Grant = ReturnType<typeof grantOf>;

/** The 360Giving package's fields other than the grants. */
export function packageHead(publicUrl: string, lang: DataLang, dataDate: Date, messages: MessageRegistry) {
  return {
    title: messages.format(lang, 'projects.opendata.360.package-title'),
    description: messages.format(lang, 'projects.opendata.360.package-description'),
    version: THREE_SIXTY_GIVING_VERSION,
    modified: dataDate.toISOString(),
    identifier: `ortaq-360giving-${lang}`,
    publisher: { name: 'Ortaq', website: publicUrl },
    license: LICENCE_URL,
    downloadURL: `${publicUrl}${OPEN_DATA_PATHS.threeSixtyGivingJson}${lang === 'kk' ? '' : `?lang=${lang}`}`,
    accessURL: `${publicUrl}/${lang}/open-data`,
  };
}

async function* grantBatches(ctx: AppContext, c: Context) {
  for await (const batch of fundedBatches(ctx.db)) yield batch.map((p) => grantOf(p, c));
}

/** The 360Giving JSON package, streamed. */
export function threeSixtyGivingJson(ctx: AppContext, lang: DataLang, dataDate: Date): Readable {
  const c = { publicUrl: ctx.config.publicUrl, lang, messages: ctx.messages };
  return streamJsonObject(packageHead(c.publicUrl, lang, dataDate, ctx.messages), 'grants', grantBatches(ctx, c));
}

/**
 * The columns of the CSV: the 360Giving standard's own column titles (its "rollUp" fields, as
 * in the standard's spreadsheet template), each with the value it takes from a grant.
 */
export const CSV_COLUMNS: readonly [string, (g: Grant) => string | number | undefined][] = [
  ['Identifier', (g) => g.id],
  ['Title', (g) => g.title],
  ['Description', (g) => g.description],
  ['Currency', (g) => g.currency],
  ['Amount Awarded', (g) => g.amountAwarded],
  ['Amount Disbursed', (g) => g.amountDisbursed],
  ['Award Date', (g) => g.awardDate],
  ['URL', (g) => g.url],
  ['Planned Dates:Start Date', (g) => g.plannedDates[0]!.startDate],
  ['Planned Dates:End Date', (g) => g.plannedDates[0]!.endDate],
  ['Planned Dates:Duration (months)', (g) => g.plannedDates[0]!.duration],
  ['Recipient Org:Identifier', (g) => g.recipientOrganization[0]!.id],
  ['Recipient Org:Name', (g) => g.recipientOrganization[0]!.name],
  ['Recipient Org:County', (g) => g.recipientOrganization[0]!.addressRegion],
  ['Recipient Org:Country', (g) => g.recipientOrganization[0]!.addressCountry],
  ['Recipient Org:Description', (g) => g.recipientOrganization[0]!.description],
  ['Recipient Org:Web Address', (g) => g.recipientOrganization[0]!.url],
  ['Funding Org:Identifier', (g) => g.fundingOrganization[0]!.id],
  ['Funding Org:Name', (g) => g.fundingOrganization[0]!.name],
  ['Beneficiary Location:Name', (g) => g.beneficiaryLocation[0]!.name],
  ['Beneficiary Location:Country Code', (g) => g.beneficiaryLocation[0]!.countryCode],
  ['Beneficiary Location:Geographic Code', (g) => g.beneficiaryLocation[0]!.geoCode],
  ['Beneficiary Location:Geographic Code Type', (g) => g.beneficiaryLocation[0]!.geoCodeType],
  ['Grant Programme:Code', (g) => g.grantProgramme[0]!.code],
  ['Grant Programme:Title', (g) => g.grantProgramme[0]!.title],
  ['Grant Programme:URL', (g) => g.grantProgramme[0]!.url],
  ['From An Open Call?', (g) => g.fromOpenCall],
  ['Last Modified', (g) => g.dateModified],
  ['Data Source', (g) => g.dataSource],
];

/**
 * Text a spreadsheet would run as a formula (`=`, `+`, `-`, `@`, or a leading tab or carriage
 * return) gets a leading apostrophe, so Excel shows it as text. Numbers are written as numbers.
 */
export function neutraliseFormula(cell: string | number | undefined): string {
  if (cell === undefined) return '';
  if (typeof cell === 'number') return String(cell);
  return /^[=+\-@\t\r]/.test(cell) ? `'${cell}` : cell;
}

/** The 360Giving CSV (UTF-8 with a BOM, `,` between cells as the standard's tools expect), streamed. */
export function threeSixtyGivingCsv(ctx: AppContext, lang: DataLang): Readable {
  const c = { publicUrl: ctx.config.publicUrl, lang, messages: ctx.messages };
  const options = { record_delimiter: '\r\n', quoted_match: /[\r\n]/ } as const;
  return Readable.from(
    (async function* () {
      yield `\uFEFF${stringify([CSV_COLUMNS.map(([title]) => title)], options)}`;
      for await (const batch of grantBatches(ctx, c)) {
        yield stringify(
          batch.map((g) => CSV_COLUMNS.map(([, value]) => neutraliseFormula(value(g)))),
          options,
        );
      }
    })(),
    { objectMode: false },
  );
}
