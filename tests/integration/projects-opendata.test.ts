import fs from 'node:fs';
import path from 'node:path';
import Ajv2020 from 'ajv/dist/2020.js';
import AjvDraft04 from 'ajv-draft-04';
import addFormats from 'ajv-formats';
import { parse } from 'csv-parse/sync';
import { and, asc, eq, isNotNull } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { competitions, lots } from '../../src/modules/competitions/schema.ts';
import { decideReport } from '../../src/modules/projects/decide-report.ts';
import { fundedBatches } from '../../src/modules/projects/open-data/funded.ts';
import { saveReport } from '../../src/modules/projects/save-report.ts';
import { projectIndicators, projects, tranches } from '../../src/modules/projects/schema.ts';
import { submitReport } from '../../src/modules/projects/submit-report.ts';
import { type TestApp, TestClient, testApp } from '../support/app.ts';
import { actorOf, makeCompetition } from '../support/competitions.ts';
import { makeProject } from '../support/projects.ts';

/** The official schemas, kept in the repository as data (schemas/README.md). */
const schemas = path.resolve('schemas');
const readSchema = (file: string) => JSON.parse(fs.readFileSync(path.join(schemas, file), 'utf8')) as Record<string, unknown>;

/**
 * The 360Giving package schema (draft 2020-12) names its item schema by a 1.4.2 URL while the
 * item schema's own `$id` says 1.4.3: the local file is added under the URL the package uses.
 * The schemas say `http://` for the 2020-12 meta-schema, which Ajv knows as `https://`.
 */
function threeSixtyGivingValidator() {
  const ajv = new Ajv2020({ strict: false, allErrors: true });
  addFormats(ajv);
  ajv.addMetaSchema(ajv.getSchema('https://json-schema.org/draft/2020-12/schema')!.schema as object, 'http://json-schema.org/draft/2020-12/schema');
  const pkg = readSchema('360giving/360-giving-package-schema.json');
  const itemRef = ((pkg.properties as Record<string, { items: { $ref: string } }>).grants!.items.$ref);
  ajv.addSchema(readSchema('360giving/360-giving-schema.json'), itemRef);
  return ajv.compile(pkg);
}

/** OCDS 1.1.5 is draft-04 (`id`, not `$id`); the package refers to the release schema by its `id`. */
function ocdsValidator() {
  const ajv = new AjvDraft04({ strict: false, allErrors: true });
  addFormats(ajv);
  ajv.addSchema(readSchema('ocds-1.1.5/release-schema.json'));
  return ajv.compile(readSchema('ocds-1.1.5/release-package-schema.json'));
}

// biome-ignore lint/suspicious/noExplicitAny: parsed JSON, read in assertions
type Json = Record<string, any>;

let t: TestApp;
let p: Awaited<ReturnType<typeof makeProject>>;
let competitionNumber: string;
const secondTranche = () => p.awardTiyn - Math.floor(p.awardTiyn / 2);
/** The tranches released so far: the second by the accepted report (the advance, too, if confirming the agreement pays it). */
const releasedTranches = () =>
  t.ctx.db
    .select({ number: tranches.number, amountTiyn: tranches.amountTiyn })
    .from(tranches)
    .where(and(eq(tranches.agreementId, p.agreementId), isNotNull(tranches.releasedAt)))
    .orderBy(asc(tranches.number));

beforeAll(async () => {
  t = await testApp();
  p = await makeProject(t.ctx);
  // A title a spreadsheet would run as a formula.
  await t.ctx.db.update(projects).set({ titleKk: '=HYPERLINK("http://evil.test","Жастар үні")' }).where(eq(projects.id, p.projectId));
  const member = await actorOf(t.ctx, p.applicant.admin.id);
  const [indicator] = await t.ctx.db.select().from(projectIndicators).where(eq(projectIndicators.projectId, p.projectId));
  const saved = await saveReport(t.ctx, member, p.projectId, 2, {
    narrative: 'Үш дөңгелек үстел өтті.',
    beneficiaries: { female: { '18-29': 40 }, male: { '18-29': 35 } },
    values: [{ indicatorId: indicator!.id, actual: 3, evidence: 'https://example.kz/photos' }],
    spending: [],
  });
  if (!saved.ok) throw new Error(saved.key);
  expect(await submitReport(t.ctx, member, saved.reportId)).toEqual({ ok: true });
  expect(await decideReport(t.ctx, await actorOf(t.ctx, p.organiser.id), saved.reportId, { accept: true })).toEqual({ ok: true, releasedTiyn: secondTranche() });
  const [c] = await t.ctx.db.select().from(competitions).where(eq(competitions.id, p.competitionId));
  competitionNumber = c!.number;
});
afterAll(() => t.close());

const get = (url: string) => t.app.inject({ method: 'GET', url });

describe('open data: 360Giving', () => {
  it('serves the grants as a package that validates against the official schema', async () => {
    const res = await get('/open-data/360giving.json');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(res.headers['content-disposition']).toMatch(/^attachment; filename="ortaq-360giving-\d{4}-\d{2}-\d{2}\.json"/);
    expect(res.headers['cache-control']).toBe('public, max-age=300');
    expect(res.headers['last-modified']).toBeTruthy();
    const body = res.json() as Json;
    const validate = threeSixtyGivingValidator();
    expect(validate(body), JSON.stringify(validate.errors, null, 2)).toBe(true);
    expect(body.license).toBe('https://creativecommons.org/licenses/by/4.0/');

    const grant = (body.grants as Json[]).find((g) => g.id === `360G-ortaq-${p.agreementId}`)!;
    expect(grant).toBeDefined();
    expect(grant.currency).toBe('KZT');
    expect(grant.amountAwarded).toBe(p.awardTiyn / 100);
    const paid = await releasedTranches();
    expect(paid.map((x) => x.number)).toContain(2);
    expect(grant.amountDisbursed).toBe(paid.reduce((sum, x) => sum + x.amountTiyn, 0) / 100);
    expect(grant.recipientOrganization[0].id).toBe(`KZ-BIN-${p.applicant.organisation.bin}`);
    expect(grant.recipientOrganization[0].name).toBe(p.applicant.organisation.nameKk);
    expect(grant.fundingOrganization[0].id).toBe(`KZ-BIN-${p.organiserBody.bin}`);
    expect(grant.beneficiaryLocation[0]).toMatchObject({ countryCode: 'KZ', geoCode: 'KZ-33', name: 'Жетісу облысы' });
    expect(grant.grantProgramme[0].code).toBe(competitionNumber);
    expect(grant.plannedDates[0]).toEqual({ startDate: '2027-02-01', endDate: '2027-11-30', duration: 10 });
    expect(grant.disbursementTransaction).toEqual(
      paid.map((x) => expect.objectContaining({ id: `360G-ortaq-${p.agreementId}-tranche-${x.number}`, value: x.amountTiyn / 100, currency: 'KZT' })),
    );
    expect(grant.disbursementTransaction).toContainEqual(expect.objectContaining({ id: `360G-ortaq-${p.agreementId}-tranche-2`, value: secondTranche() / 100 }));
    expect(grant.dataSource).toBe('http://ortaq.test/kk/open-data');
    expect(Date.parse(grant.dateModified)).not.toBeNaN();
  });

  it('answers 304 to a harvester whose copy is current, and lets other sites read the file', async () => {
    const first = await get('/open-data/360giving.json');
    expect(first.headers['access-control-allow-origin']).toBe('*');
    const since = String(first.headers['last-modified']);
    const again = await t.app.inject({ method: 'GET', url: '/open-data/360giving.json', headers: { 'if-modified-since': since } });
    expect(again.statusCode).toBe(304);
    expect(again.body).toBe('');
    const older = new Date(Date.parse(since) - 1000).toUTCString();
    expect((await t.app.inject({ method: 'GET', url: '/open-data/360giving.json', headers: { 'if-modified-since': older } })).statusCode).toBe(200);
  });

  it('has validators that do check: a grant without its amount, a release without its tag, are refused', async () => {
    const grants = (await get('/open-data/360giving.json')).json() as Json;
    delete grants.grants[0].amountAwarded;
    expect(threeSixtyGivingValidator()(grants)).toBe(false);
    const ocds = (await get('/open-data/ocds.json')).json() as Json;
    delete ocds.releases[0].tag;
    expect(ocdsValidator()(ocds)).toBe(false);
  });

  it('gives names in Russian when asked, and refuses a language it does not have', async () => {
    const res = await get('/open-data/360giving.json?lang=ru');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-disposition']).toMatch(/ortaq-360giving-ru-/);
    const body = res.json() as Json;
    expect(threeSixtyGivingValidator()(body)).toBe(true);
    const grant = (body.grants as Json[]).find((g) => g.id === `360G-ortaq-${p.agreementId}`)!;
    expect(grant.recipientOrganization[0].name).toBe(p.applicant.organisation.nameRu);
    expect(grant.beneficiaryLocation[0].name).toBe('Жетысуская область');
    expect((await get('/open-data/360giving.json?lang=de')).statusCode).toBe(400);
  });

  it('writes the CSV under the standard’s column titles, with formulas neutralised', async () => {
    const res = await get('/open-data/360giving.csv');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/csv; charset=utf-8/);
    expect(res.headers['content-disposition']).toMatch(/^attachment; filename="ortaq-360giving-\d{4}-\d{2}-\d{2}\.csv"/);
    expect(res.body.startsWith('\uFEFF')).toBe(true);
    const rows = parse(res.body, { bom: true, columns: true }) as Record<string, string>[];
    const header = Object.keys(rows[0]!);
    for (const title of ['Identifier', 'Title', 'Description', 'Currency', 'Amount Awarded', 'Award Date', 'Recipient Org:Identifier', 'Recipient Org:Name', 'Funding Org:Identifier', 'Funding Org:Name', 'Beneficiary Location:Name', 'Grant Programme:Code', 'Planned Dates:Start Date', 'Last Modified', 'Data Source']) {
      expect(header).toContain(title);
    }
    const row = rows.find((r) => r.Identifier === `360G-ortaq-${p.agreementId}`)!;
    expect(row.Title).toBe('\'=HYPERLINK("http://evil.test","Жастар үні")');
    expect(row['Amount Awarded']).toBe(String(p.awardTiyn / 100));
    expect(row['Recipient Org:Identifier']).toBe(`KZ-BIN-${p.applicant.organisation.bin}`);
  });
});

describe('open data: OCDS', () => {
  it('serves a release package per competition that validates against the official schema', async () => {
    const res = await get('/open-data/ocds.json');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(res.headers['content-disposition']).toMatch(/^attachment; filename="ortaq-ocds-/);
    const body = res.json() as Json;
    const validate = ocdsValidator();
    expect(validate(body), JSON.stringify(validate.errors, null, 2)).toBe(true);
    expect(body.version).toBe('1.1');
    expect(body.extensions).toEqual([expect.stringContaining('ocds_lots_extension')]);

    const release = (body.releases as Json[]).find((r) => r.ocid === `ocds-ortaq-${competitionNumber}`)!;
    expect(release).toBeDefined();
    expect(release.tag).toEqual(['tender', 'award', 'contract', 'implementation']);
    expect(release.buyer.id).toBe(`KZ-BIN-${p.organiserBody.bin}`);
    expect(release.tender.procuringEntity.id).toBe(`KZ-BIN-${p.organiserBody.bin}`);
    expect(release.tender.status).toBe('complete');
    expect(release.tender.lots).toEqual([expect.objectContaining({ id: 'lot-1', status: 'complete', value: { amount: 3_000_000, currency: 'KZT' } })]);
    expect(release.tender.tenderers.map((x: Json) => x.id)).toEqual([`KZ-BIN-${p.applicant.organisation.bin}`]);

    const supplierId = `KZ-BIN-${p.applicant.organisation.bin}`;
    expect(release.awards).toEqual([expect.objectContaining({ id: 'award-lot-1', status: 'active', value: { amount: p.awardTiyn / 100, currency: 'KZT' }, relatedLots: ['lot-1'] })]);
    expect(release.awards[0].suppliers[0].id).toBe(supplierId);

    const contract = release.contracts.find((k: Json) => k.id === p.agreementId);
    expect(contract).toMatchObject({ awardID: 'award-lot-1', status: 'active', value: { amount: p.awardTiyn / 100, currency: 'KZT' } });
    expect(contract.dateSigned).toBe('2027-01-14T19:00:00.000Z');
    const paid = await releasedTranches();
    expect(contract.implementation.transactions.map((x: Json) => x.id)).toEqual(paid.map((x) => `tranche-${x.number}`));
    expect(contract.implementation.transactions).toContainEqual(
      expect.objectContaining({ id: 'tranche-2', value: { amount: secondTranche() / 100, currency: 'KZT' }, payee: expect.objectContaining({ id: supplierId }) }),
    );
    const milestones = contract.implementation.milestones as Json[];
    expect(milestones.map((m) => [m.id, m.type, m.status])).toEqual([
      ['report-1', 'reporting', expect.stringMatching(/^(scheduled|notMet)$/)],
      ['report-2', 'reporting', 'met'],
    ]);
    expect(milestones[1]!.dateMet).toBeTruthy();

    const roles = Object.fromEntries((release.parties as Json[]).map((x) => [x.id, x.roles]));
    expect(roles[`KZ-BIN-${p.organiserBody.bin}`]).toEqual(expect.arrayContaining(['buyer', 'procuringEntity', 'payer']));
    expect(roles[supplierId]).toEqual(expect.arrayContaining(['tenderer', 'supplier', 'payee']));
  });

  it('marks a failed lot unsuccessful, with its reason', async () => {
    const c = await makeCompetition(t.ctx, { openForMs: -40 * 86_400_000 });
    await t.ctx.db.update(lots).set({ outcome: 'failed', failureReason: 'no-applications' }).where(eq(lots.competitionId, c.competitionId));
    await t.ctx.db.update(competitions).set({ stage: 'published', publishedAt: t.ctx.clock.now() }).where(eq(competitions.id, c.competitionId));
    const [row] = await t.ctx.db.select().from(competitions).where(eq(competitions.id, c.competitionId));
    const body = (await get('/open-data/ocds.json?lang=ru')).json() as Json;
    expect(ocdsValidator()(body)).toBe(true);
    const release = (body.releases as Json[]).find((r) => r.ocid === `ocds-ortaq-${row!.number}`)!;
    expect(release.language).toBe('ru');
    expect(release.tender.status).toBe('unsuccessful');
    expect(release.tender.lots[0]).toMatchObject({ status: 'unsuccessful', statusDetails: 'Не состоялся: не поступило ни одной заявки' });
    expect(release.awards).toEqual([]);
  });
});

describe('open data: indicator results', () => {
  it('gives each project’s indicators with baseline, target and the actual value of the accepted report', async () => {
    const res = await get('/open-data/indicator-results.json');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-disposition']).toMatch(/^attachment; filename="ortaq-indicator-results-/);
    const body = res.json() as Json;
    expect(body.version).toBe('2.03');
    const activity = (body.activities as Json[]).find((a) => a.iatiIdentifier === `360G-ortaq-${p.agreementId}`)!;
    expect(activity.ocid).toBe(`ocds-ortaq-${competitionNumber}`);
    expect(activity.activityStatus).toEqual({ code: '2' });
    const [indicator] = activity.result[0].indicator as Json[];
    expect(indicator!.title).toEqual({ narrative: [{ text: 'Дөңгелек үстел', lang: 'kk' }] });
    expect(indicator!.unit).toBe('дана');
    expect(indicator!.baseline).toEqual([{ year: 2027, isoDate: '2027-02-01', value: 0 }]);
    expect(indicator!.period).toEqual([
      { periodStart: { isoDate: '2027-02-01' }, periodEnd: { isoDate: '2027-06-30' }, target: [{ value: 1 }], actual: [] },
      {
        periodStart: { isoDate: '2027-07-01' },
        periodEnd: { isoDate: '2027-11-30' },
        target: [{ value: 2 }],
        actual: [{ value: 3, comment: { narrative: [{ text: 'https://example.kz/photos', lang: 'kk' }] } }],
      },
    ]);
  });
});

describe('open data: streaming', () => {
  it('reads the projects a batch at a time after the last one read, each once', async () => {
    await makeProject(t.ctx);
    const seen: string[] = [];
    for await (const batch of fundedBatches(t.ctx.db, 1)) {
      expect(batch).toHaveLength(1);
      seen.push(batch[0]!.agreementId);
    }
    expect(seen.length).toBeGreaterThanOrEqual(2);
    expect(new Set(seen).size).toBe(seen.length);
    expect(seen).toContain(p.agreementId);
  });
});

describe('the open-data page', () => {
  it.each([
    ['kk', 'Ашық деректер', 'Лицензия'],
    ['ru', 'Открытые данные', 'Лицензия'],
    ['en', 'Open data', 'Licence'],
  ])('renders in %s with every download, the identifiers and the licence', async (lang, heading, licence) => {
    const res = await new TestClient(t.app).get(`/${lang}/open-data`);
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain(`<h1>${heading}</h1>`);
    expect(res.body).toContain(licence);
    for (const file of ['/open-data/360giving.json', '/open-data/360giving.json?lang=ru', '/open-data/360giving.csv', '/open-data/ocds.json', '/open-data/indicator-results.json']) {
      expect(res.body).toContain(`href="${file}"`);
    }
    expect(res.body).toContain('https://creativecommons.org/licenses/by/4.0/');
    expect(res.body).toMatch(/KZ-BIN-\d{12}/);
    expect(res.body).toContain('ocds-ortaq-');
    expect(res.body).toContain('360G-ortaq-');
  });
});
