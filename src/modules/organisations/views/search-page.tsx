import { kazakhOrder } from '../../../core/format/intl.ts';
import { DISTRICTS } from '../../../core/geo/districts.ts';
import { REGIONS, regionName } from '../../../core/geo/regions.ts';
import { type Choice, SelectField } from '../../../core/views/components.tsx';
import { usePage } from '../../../core/views/page-context.ts';
import type { Facet, SearchParams } from '../inputs.ts';
import { organisationName } from '../queries.ts';
import { AREAS, LEGAL_FORMS, ORGANISATION_STATUSES, SETTLEMENTS } from '../schema.ts';
import type { SearchResult } from '../search.ts';
import { CompilationLinks } from './compilation-links.tsx';

/** The query string of a search, with some parameters changed; empty ones are left out. */
export function searchHref(base: string, p: SearchParams, change: Partial<SearchParams> = {}): string {
  const merged: Record<string, unknown> = { ...p, ...change };
  const query = new URLSearchParams();
  for (const [k, v] of Object.entries(merged)) {
    if (v === undefined || v === '' || (k === 'page' && v === 1) || (k === 'pageSize' && v === 20)) continue;
    query.set(k, String(v));
  }
  const qs = query.toString();
  return qs ? `${base}?${qs}` : base;
}

function useFacetChoices(result: SearchResult) {
  const { t, f, lang } = usePage();
  const counted = (facet: Facet, label: (key: string) => string, order?: string[]): Choice[] => {
    const counts = new Map(result.facets[facet].map((c) => [c.key, c.count]));
    const keys = order ? [...order, ...[...counts.keys()].filter((k) => !order.includes(k))] : [...counts.keys()];
    return keys.filter((k) => counts.has(k)).map((k) => ({ value: k, label: `${label(k)} (${f.number(counts.get(k)!)})` }));
  };
  const districtName = new Map(DISTRICTS.map((d) => [d.kato, d.name[lang]]));
  return {
    region: counted('region', (k) => regionName(k, lang), REGIONS.map((r) => r.code)),
    district: counted('district', (k) => districtName.get(k) ?? k).sort((a, b) => kazakhOrder(a.label, b.label)),
    // In the schema's order: the counts come in no particular order.
    legalForm: counted('legalForm', (k) => t(`organisations.legal-form.${k}`), [...LEGAL_FORMS]),
    area: counted('area', (k) => t(`organisations.area.${k}`), [...AREAS]),
    status: counted('status', (k) => t(`organisations.status.${k}`), [...ORGANISATION_STATUSES]),
    settlement: counted('settlement', (k) => t(`organisations.settlement.${k}`), [...SETTLEMENTS]),
  };
}

export function SearchPage({ params, result }: { params: SearchParams; result: SearchResult }) {
  const { t, f, lang, href } = usePage();
  const base = href('/organisations');
  const choices = useFacetChoices(result);
  const pages = Math.max(1, Math.ceil(result.total / result.pageSize));
  return (
    <section id="register-search" class="register">
      <h1>{t('organisations.list.title')}</h1>
      <p>{t('organisations.list.intro')}</p>
      <p class="register-links">
        <a href={href(params.region ? `/organisations/figures?region=${params.region}` : '/organisations/figures')}>{t('organisations.figures.title')}</a>
        {params.region ? <> · {t('organisations.compilation.for-region', { region: regionName(params.region, lang) })} <CompilationLinks regionCode={params.region} /></> : null}
      </p>
      <form
        method="get"
        action={base}
        class="search-form"
        hx-get={base}
        hx-target="#register-search"
        hx-select="#register-search"
        hx-swap="outerHTML"
        hx-push-url="true"
        hx-trigger="submit, input changed delay:400ms from:#field-q, change from:select"
      >
        <div class="field search-box">
          <label for="field-q">{t('organisations.search.label')}</label>
          <p class="hint" id="field-q-hint">
            {t('organisations.search.hint')}
          </p>
          <div class="search-row">
            <input id="field-q" type="search" name="q" value={params.q ?? ''} aria-describedby="field-q-hint" autocomplete="off" />
            <button type="submit" class="button">
              {t('organisations.search.submit')}
            </button>
          </div>
        </div>
        <fieldset class="filters">
          <legend>{t('organisations.search.filters')}</legend>
          <SelectField name="region" label={t('organisations.field.region')} value={params.region} choices={choices.region} anyLabel={t('organisations.search.any')} />
          {params.region ? (
            <SelectField name="district" label={t('organisations.field.district')} value={params.district} choices={choices.district} anyLabel={t('organisations.search.any')} />
          ) : null}
          <SelectField name="legalForm" label={t('organisations.field.legal-form')} value={params.legalForm} choices={choices.legalForm} anyLabel={t('organisations.search.any')} />
          <SelectField name="area" label={t('organisations.field.area')} value={params.area} choices={choices.area} anyLabel={t('organisations.search.any')} />
          <SelectField name="status" label={t('organisations.field.status')} value={params.status} choices={choices.status} anyLabel={t('organisations.search.any')} />
          <SelectField name="settlement" label={t('organisations.field.settlement')} value={params.settlement} choices={choices.settlement} anyLabel={t('organisations.search.any')} />
          <SelectField
            name="sort"
            label={t('organisations.search.sort')}
            value={params.sort}
            anyLabel={t(params.q ? 'organisations.search.sort.relevance' : 'organisations.search.sort.name')}
            choices={[
              { value: 'name', label: t('organisations.search.sort.name') },
              { value: 'relevance', label: t('organisations.search.sort.relevance') },
            ]}
          />
          <p class="actions">
            <button type="submit" class="button button--secondary">
              {t('organisations.search.apply')}
            </button>
            <a href={base}>{t('organisations.search.reset')}</a>
          </p>
        </fieldset>
      </form>
      <section class="results" aria-labelledby="results-heading">
        <h2 id="results-heading">
          {t('organisations.search.results')}: <span class="count">{t('organisations.list.count', { count: result.total })}</span>
        </h2>
        {result.total > 0 ? (
          <p class="export-links">
            {t('organisations.export.label')}:{' '}
            <a href={searchHref(href('/organisations/export.csv'), params, { page: 1, pageSize: 20 })} type="text/csv" hx-boost="false" download>
              {t('organisations.export.csv')}
            </a>{' '}
            ·{' '}
            <a href={searchHref(href('/organisations/export.xlsx'), params, { page: 1, pageSize: 20 })} hx-boost="false" download>
              {t('organisations.export.xlsx')}
            </a>
          </p>
        ) : null}
        {result.items.length === 0 ? (
          <p>{t('organisations.search.none')}</p>
        ) : (
          <ul class="result-list">
            {result.items.map((org) => (
              <li key={org.id} class="result">
                <a class="result-name" href={href(`/organisations/${org.bin}`)} lang={lang === 'en' && !org.nameEn ? 'kk' : undefined}>
                  {organisationName(org, lang)}
                </a>
                <span class="result-meta">
                  {t(`organisations.legal-form.${org.legalForm}`)} · {regionName(org.regionCode, lang)} · {t(`organisations.status.${org.status}`)} ·{' '}
                  {t('organisations.field.bin')} {org.bin}
                </span>
              </li>
            ))}
          </ul>
        )}
        {pages > 1 ? (
          <nav class="pagination" aria-label={t('organisations.search.pagination')}>
            {result.page > 1 ? <a href={searchHref(base, params, { page: result.page - 1 })}>{t('organisations.search.previous')}</a> : null}
            <span>{t('organisations.search.page', { page: f.number(result.page), pages: f.number(pages) })}</span>
            {result.page < pages ? <a href={searchHref(base, params, { page: result.page + 1 })}>{t('organisations.search.next')}</a> : null}
          </nav>
        ) : null}
      </section>
    </section>
  );
}
