import { REGIONS } from '../../../core/geo/regions.ts';
import { type Choice, SelectField } from '../../../core/views/components.tsx';
import { usePage } from '../../../core/views/page-context.ts';
import { INSTRUMENTS, NATIONAL_REGION } from '../../competitions/index.ts';
import { AREAS } from '../../organisations/index.ts';
import type { FacetCount, ProjectFacet, ProjectList, ProjectListParams } from '../portal-queries.ts';
import { PROJECT_STATUSES } from '../schema.ts';
import { FundingCartogram } from './portal-cartogram.tsx';
import { areaName, OrganisationLink, Progress, placeName, projectTitle, StatusBadge, titleLang } from './portal-parts.tsx';

const DEFAULT_PAGE_SIZE = 20;

/** The list's address with some filters changed; empty ones and defaults are left out. */
export function listHref(base: string, p: ProjectListParams, change: Partial<ProjectListParams> = {}): string {
  const merged: Record<string, unknown> = { ...p, ...change };
  const query = new URLSearchParams();
  for (const [k, v] of Object.entries(merged)) {
    if (v === undefined || v === '' || (k === 'page' && v === 1) || (k === 'pageSize' && v === DEFAULT_PAGE_SIZE)) continue;
    query.set(k, String(v));
  }
  const qs = query.toString();
  return qs ? `${base}?${qs}` : base;
}

/** Funding by region as a table: the figures of the map, each region a link that filters the list. */
function FundingTable({ regions, params, base }: { regions: FacetCount[]; params: ProjectListParams; base: string }) {
  const { t, f, lang } = usePage();
  const order = [...REGIONS.map((r) => r.code), NATIONAL_REGION];
  const rows = [...regions].sort((a, b) => b.amountTiyn - a.amountTiyn || order.indexOf(a.key) - order.indexOf(b.key));
  const total = rows.reduce((s, r) => ({ count: s.count + r.count, amount: s.amount + r.amountTiyn }), { count: 0, amount: 0 });
  return (
    <section class="table-scroll" aria-labelledby="funding-table-caption" tabindex={0}>
      <table class="funding-table">
        <caption id="funding-table-caption">{t('projects.portal.map.caption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('projects.portal.field.region')}</th>
            <th scope="col" class="num">
              {t('projects.portal.field.projects')}
            </th>
            <th scope="col" class="num">
              {t('projects.portal.field.amount')}
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.key} aria-current={params.region === r.key ? 'true' : undefined}>
              <th scope="row">
                <a href={listHref(base, params, { region: r.key, page: 1 })}>{placeName(r.key, lang, t)}</a>
              </th>
              <td class="num">{f.number(r.count)}</td>
              <td class="num">{f.money(r.amountTiyn)}</td>
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row">{t('projects.portal.map.total')}</th>
            <td class="num">{f.number(total.count)}</td>
            <td class="num">{f.money(total.amount)}</td>
          </tr>
        </tfoot>
      </table>
    </section>
  );
}

/** Every funded project, with filters that work as a plain GET form, and the funding by region. */
export function ProjectListPage({ params, result }: { params: ProjectListParams; result: ProjectList }) {
  const { t, f, lang, href } = usePage();
  const base = href('/projects');
  /** The choices of a filter that some project has (and the one chosen), each with its count. */
  const counted = (facet: ProjectFacet, keys: readonly string[], label: (key: string) => string): Choice[] => {
    const counts = new Map(result.facets[facet].map((c) => [c.key, c.count]));
    const chosen = params[facet] === undefined ? undefined : String(params[facet]);
    return keys.filter((k) => counts.has(k) || k === chosen).map((k) => ({ value: k, label: `${label(k)} (${f.number(counts.get(k) ?? 0)})` }));
  };
  const years = [...new Set([...result.facets.year.map((y) => y.key), ...(params.year ? [String(params.year)] : [])])].sort((a, b) => Number(b) - Number(a));
  const pages = Math.max(1, Math.ceil(result.total / result.pageSize));
  const any = t('projects.portal.filter.any');
  return (
    <section id="project-list" class="projects-portal">
      <h1>{t('projects.portal.list.title')}</h1>
      <p class="lead">{t('projects.portal.list.intro')}</p>
      <form
        method="get"
        action={base}
        class="search-form"
        hx-get={base}
        hx-target="#project-list"
        hx-select="#project-list"
        hx-swap="outerHTML"
        hx-push-url="true"
        hx-trigger="submit, change from:select"
      >
        <div class="field">
          <label for="field-q">{t('projects.portal.filter.q')}</label>
          <p class="hint" id="field-q-hint">
            {t('projects.portal.filter.q-hint')}
          </p>
          <div class="search-row">
            <input id="field-q" type="search" name="q" value={params.q ?? ''} aria-describedby="field-q-hint" autocomplete="off" maxlength={200} />
            <button type="submit" class="button">
              {t('projects.portal.filter.search')}
            </button>
          </div>
        </div>
        <fieldset class="filters">
          <legend>{t('projects.portal.filter.legend')}</legend>
          <SelectField
            name="region"
            label={t('projects.portal.field.region')}
            value={params.region}
            anyLabel={any}
            choices={counted('region', [...REGIONS.map((r) => r.code), NATIONAL_REGION], (k) => placeName(k, lang, t))}
          />
          <SelectField name="year" label={t('projects.portal.field.year')} value={params.year ? String(params.year) : undefined} anyLabel={any} choices={counted('year', years, (k) => k)} />
          <SelectField
            name="instrument"
            label={t('projects.portal.field.instrument')}
            value={params.instrument}
            anyLabel={any}
            choices={counted('instrument', INSTRUMENTS, (k) => t(`competitions.instrument.${k}`))}
          />
          <SelectField name="area" label={t('projects.portal.field.area')} value={params.area} anyLabel={any} choices={counted('area', AREAS, (k) => areaName(k, t))} />
          <SelectField
            name="status"
            label={t('projects.portal.field.status')}
            value={params.status}
            anyLabel={any}
            choices={counted('status', PROJECT_STATUSES, (k) => t(`projects.status.${k}`))}
          />
          <p class="actions">
            <button type="submit" class="button button--secondary">
              {t('projects.portal.filter.apply')}
            </button>{' '}
            <a href={base}>{t('projects.portal.filter.reset')}</a>
          </p>
        </fieldset>
      </form>

      <section class="results" aria-labelledby="project-results-heading">
        <h2 id="project-results-heading">
          {t('projects.portal.list.found')}: <span class="count">{t('projects.portal.list.count', { count: result.total })}</span>
        </h2>
        <p class="projects-total">{t('projects.portal.list.total', { amount: f.money(result.amountTiyn) })}</p>
        {result.items.length === 0 ? (
          <p>{t('projects.portal.list.none')}</p>
        ) : (
          <section class="table-scroll" aria-labelledby="project-table-caption" tabindex={0}>
            <table class="project-table">
              <caption id="project-table-caption">
                {t('projects.portal.list.caption', {
                  from: f.number((result.page - 1) * result.pageSize + 1),
                  to: f.number((result.page - 1) * result.pageSize + result.items.length),
                  total: f.number(result.total),
                })}
              </caption>
              <thead>
                <tr>
                  <th scope="col">{t('projects.portal.field.title')}</th>
                  <th scope="col">{t('projects.portal.field.organisation')}</th>
                  <th scope="col" class="num">
                    {t('projects.portal.field.amount')}
                  </th>
                  <th scope="col">{t('projects.portal.field.region')}</th>
                  <th scope="col">{t('projects.portal.field.instrument')}</th>
                  <th scope="col">{t('projects.portal.field.year')}</th>
                  <th scope="col">{t('projects.portal.field.status')}</th>
                  <th scope="col">{t('projects.portal.field.progress')}</th>
                </tr>
              </thead>
              <tbody>
                {result.items.map((p) => (
                  <tr key={p.id}>
                    <th scope="row">
                      <a href={href(`/projects/${p.id}`)} lang={titleLang(lang)}>
                        {projectTitle(p, lang)}
                      </a>
                      <span class="project-kicker">{t('projects.portal.field.agreement-number', { number: p.agreementNumber })}</span>
                    </th>
                    <td>
                      <OrganisationLink org={p.organisation} />
                    </td>
                    <td class="num">{f.money(p.amountTiyn)}</td>
                    <td>{placeName(p.regionCode, lang, t)}</td>
                    <td>{t(`competitions.instrument.${p.competition.instrument}`)}</td>
                    <td>{p.competition.year}</td>
                    <td>
                      <StatusBadge status={p.status} />
                    </td>
                    <td>
                      <Progress share={p.progress} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </section>
        )}
        {pages > 1 ? (
          <nav class="pagination" aria-label={t('projects.portal.list.pagination')}>
            {result.page > 1 ? <a href={listHref(base, params, { page: result.page - 1 })}>{t('projects.portal.list.previous')}</a> : null}
            <span>{t('projects.portal.list.page', { page: f.number(result.page), pages: f.number(pages) })}</span>
            {result.page < pages ? <a href={listHref(base, params, { page: result.page + 1 })}>{t('projects.portal.list.next')}</a> : null}
          </nav>
        ) : null}
      </section>

      <section class="funding" aria-labelledby="funding-heading">
        <h2 id="funding-heading">{t('projects.portal.map.heading')}</h2>
        <p class="note">{t('projects.portal.map.intro')}</p>
        <FundingCartogram regions={result.facets.region} selected={params.region} />
        <FundingTable regions={result.facets.region} params={params} base={base} />
      </section>
    </section>
  );
}
