import { usePage } from '../../../core/views/page-context.ts';
import type { OpenDataSummary } from '../open-data/funded.ts';
import { GRANT_PREFIX, grantId, LICENCE_URL, OCID_PREFIX, OPEN_DATA_PATHS, ocid, ORGANISATION_PREFIX, organisationId } from '../open-data/identifiers.ts';

/** The files, each with its name, format and fields (message keys), its media type, and whether it comes in Kazakh and Russian. */
const FILES = [
  {
    name: 'projects.opendata.file.360-json.name',
    format: 'projects.opendata.file.360-json.format',
    fields: 'projects.opendata.file.360-json.fields',
    path: OPEN_DATA_PATHS.threeSixtyGivingJson,
    type: 'application/json',
    languages: true,
  },
  {
    name: 'projects.opendata.file.360-csv.name',
    format: 'projects.opendata.file.360-csv.format',
    fields: 'projects.opendata.file.360-csv.fields',
    path: OPEN_DATA_PATHS.threeSixtyGivingCsv,
    type: 'text/csv',
    languages: true,
  },
  {
    name: 'projects.opendata.file.ocds.name',
    format: 'projects.opendata.file.ocds.format',
    fields: 'projects.opendata.file.ocds.fields',
    path: OPEN_DATA_PATHS.ocds,
    type: 'application/json',
    languages: true,
  },
  {
    name: 'projects.opendata.file.results.name',
    format: 'projects.opendata.file.results.format',
    fields: 'projects.opendata.file.results.fields',
    path: OPEN_DATA_PATHS.indicatorResults,
    type: 'application/json',
    languages: false,
  },
] as const;

const STANDARDS = [
  { name: '360Giving Data Standard', url: 'https://standard.threesixtygiving.org/' },
  { name: 'Open Contracting Data Standard (OCDS) 1.1', url: 'https://standard.open-contracting.org/1.1/' },
  { name: 'OCDS lots extension', url: 'https://extensions.open-contracting.org/en/extensions/lots/' },
  { name: 'IATI Standard 2.03: result', url: 'https://iatistandard.org/en/iati-standard/203/activity-standard/iati-activities/iati-activity/result/' },
  { name: 'org-id.guide: KZ-BIN', url: 'https://org-id.guide/list/KZ-BIN' },
] as const;

/** Paths of the indicator results file, each with what it holds. */
const RESULT_FIELDS = [
  ['activities[].iatiIdentifier', 'identifier'],
  ['activities[].ocid', 'ocid'],
  ['activities[].activityStatus.code', 'status'],
  ['activities[].result[].indicator[].title, unit', 'indicator'],
  ['…indicator[].baseline[].value', 'baseline'],
  ['…indicator[].period[].periodStart.isoDate, periodEnd.isoDate', 'period'],
  ['…indicator[].period[].target[].value', 'target'],
  ['…indicator[].period[].actual[].value, comment', 'actual'],
] as const;

/** The open-data page: what is published, each file with its format and fields, identifiers, licence. */
export function OpenDataPage({ summary, publicUrl }: { summary: OpenDataSummary; publicUrl: string }) {
  const { t, f, href } = usePage();
  const example = summary.example;
  return (
    <article class="open-data">
      <h1>{t('projects.opendata.title')}</h1>
      <p class="lead">{t('projects.opendata.lead')}</p>
      {summary.date ? (
        <p>
          <strong>
            {t('projects.opendata.date', { date: f.dateTime(summary.date) })}
          </strong>{' '}
          {t('projects.opendata.counts', { projects: summary.projects, competitions: summary.competitions })}
        </p>
      ) : (
        <p>{t('projects.opendata.no-data')}</p>
      )}

      <h2>{t('projects.opendata.published.heading')}</h2>
      <p>{t('projects.opendata.published.body')}</p>

      <h2 id="downloads">{t('projects.opendata.downloads.heading')}</h2>
      <section class="table-scroll" tabindex={0} aria-labelledby="downloads">
        <table>
          <thead>
            <tr>
              <th scope="col">{t('projects.opendata.col.file')}</th>
              <th scope="col">{t('projects.opendata.col.format')}</th>
              <th scope="col">{t('projects.opendata.col.contents')}</th>
              <th scope="col">{t('projects.opendata.col.download')}</th>
            </tr>
          </thead>
          <tbody>
            {FILES.map((file) => (
              <tr key={file.path}>
                <th scope="row">{t(file.name)}</th>
                <td>{t(file.format)}</td>
                <td>{t(file.fields)}</td>
                <td>
                  {file.languages ? (
                    <ul class="download-links">
                      <li>
                        <a href={file.path} type={file.type} hreflang="kk" hx-boost="false" download>
                          <span class="visually-hidden">{t(file.name)}, </span>
                          {t('projects.opendata.lang-kk')}
                        </a>
                      </li>
                      <li>
                        <a href={`${file.path}?lang=ru`} type={file.type} hreflang="ru" hx-boost="false" download>
                          <span class="visually-hidden">{t(file.name)}, </span>
                          {t('projects.opendata.lang-ru')}
                        </a>
                      </li>
                    </ul>
                  ) : (
                    <a href={file.path} type={file.type} hx-boost="false" download>
                      {file.path.split('/').pop()}
                    </a>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
      <p class="note">{t('projects.opendata.languages')}</p>
      <p class="note">{t('projects.opendata.fresh')}</p>

      <h2 id="identifiers">{t('projects.opendata.identifiers.heading')}</h2>
      <ul>
        <li>{t('projects.opendata.identifiers.org', { example: example ? organisationId(example.bin) : `${ORGANISATION_PREFIX}-<BIN>` })}</li>
        <li>{t('projects.opendata.identifiers.grant', { example: example ? grantId(example.agreementId) : `${GRANT_PREFIX}-<agreement>` })}</li>
        <li>{t('projects.opendata.identifiers.ocid', { example: example ? ocid(example.competitionNumber) : `${OCID_PREFIX}-<number>` })}</li>
        <li>{t('projects.opendata.identifiers.regions')}</li>
        <li>{t('projects.opendata.identifiers.values')}</li>
      </ul>

      <h2 id="indicator-results">{t('projects.opendata.results-shape.heading')}</h2>
      <p>{t('projects.opendata.results-shape.intro')}</p>
      <section class="table-scroll" tabindex={0} aria-labelledby="indicator-results">
        <table>
          <thead>
            <tr>
              <th scope="col">{t('projects.opendata.results-shape.field')}</th>
              <th scope="col">{t('projects.opendata.results-shape.meaning')}</th>
            </tr>
          </thead>
          <tbody>
            {RESULT_FIELDS.map(([path, meaning]) => (
              <tr key={path}>
                <th scope="row">
                  <code>{path}</code>
                </th>
                <td>{t(`projects.opendata.results-shape.${meaning}`)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>

      <h2 id="licence">{t('projects.opendata.licence.heading')}</h2>
      <p>{t('projects.opendata.licence.body', { url: `${publicUrl}${href('/open-data')}` })}</p>
      <p>
        <a href={LICENCE_URL} rel="license">
          {t('projects.opendata.licence.link')}
        </a>
      </p>

      <h2 id="standards">{t('projects.opendata.standards.heading')}</h2>
      <p>{t('projects.opendata.standards.body')}</p>
      <ul>
        {STANDARDS.map((s) => (
          <li key={s.url}>
            <a href={s.url} hreflang="en">
              {s.name}
            </a>
          </li>
        ))}
      </ul>
    </article>
  );
}
