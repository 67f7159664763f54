import { REGIONS, regionName } from '../../../core/geo/regions.ts';
import { type Choice, SelectField } from '../../../core/views/components.tsx';
import { usePage } from '../../../core/views/page-context.ts';
import { organisationName } from '../../organisations/index.ts';
import { type CompetitionList, type CompetitionListParams, PUBLIC_PHASES } from '../queries.ts';
import { localised } from '../records.ts';
import { INSTRUMENTS } from '../schema.ts';
import { placeName } from './public-parts.tsx';

const DEFAULT_PAGE_SIZE = 20;

/** The list's address with some filters changed; empty ones and defaults are left out. */
export function listHref(base: string, p: CompetitionListParams, change: Partial<CompetitionListParams> = {}): string {
  const merged: Record<string, unknown> = { ...p, ...change };
  const query = new URLSearchParams();
  for (const [k, v] of Object.entries(merged)) {
    if (v === undefined || v === '' || (k === 'page' && v === 1) || (k === 'pageSize' && v === DEFAULT_PAGE_SIZE)) continue;
    query.set(k, String(v));
  }
  const qs = query.toString();
  return qs ? `${base}?${qs}` : base;
}

/** The competitions, open and past, with filters that work as a plain GET form. */
export function CompetitionListPage({ params, result }: { params: CompetitionListParams; result: CompetitionList }) {
  const { t, f, lang, href } = usePage();
  const base = href('/competitions');
  /** The choices of a filter that some competition has (and the one chosen), each with its count. */
  const counted = (facet: keyof CompetitionList['facets'], keys: readonly string[], label: (key: string) => string): Choice[] => {
    const counts = new Map(result.facets[facet].map((c) => [c.key, c.count]));
    const chosen = params[facet] === undefined ? undefined : String(params[facet]);
    return keys.filter((k) => counts.has(k) || k === chosen).map((k) => ({ value: k, label: `${label(k)} (${f.number(counts.get(k) ?? 0)})` }));
  };
  const years = [...new Set([...result.facets.year.map((y) => y.key), ...(params.year ? [String(params.year)] : [])])].sort((a, b) => Number(b) - Number(a));
  const pages = Math.max(1, Math.ceil(result.total / result.pageSize));
  return (
    <section id="competition-list" class="competitions">
      <h1>{t('competitions.public.list.title')}</h1>
      <p class="lead">{t('competitions.public.list.intro')}</p>
      <form
        method="get"
        action={base}
        class="search-form"
        hx-get={base}
        hx-target="#competition-list"
        hx-select="#competition-list"
        hx-swap="outerHTML"
        hx-push-url="true"
        hx-trigger="submit, change from:select"
      >
        <fieldset class="filters">
          <legend>{t('competitions.public.filter.legend')}</legend>
          <SelectField
            name="instrument"
            label={t('competitions.public.field.instrument')}
            value={params.instrument}
            anyLabel={t('competitions.public.filter.any')}
            choices={counted('instrument', INSTRUMENTS, (k) => t(`competitions.instrument.${k}`))}
          />
          <SelectField
            name="status"
            label={t('competitions.public.field.phase')}
            value={params.status}
            anyLabel={t('competitions.public.filter.any')}
            choices={counted('status', PUBLIC_PHASES, (k) => t(`competitions.phase.${k}`))}
          />
          <SelectField
            name="region"
            label={t('competitions.public.field.region')}
            value={params.region}
            anyLabel={t('competitions.public.filter.any')}
            choices={counted(
              'region',
              REGIONS.map((r) => r.code),
              (k) => regionName(k, lang),
            )}
          />
          <SelectField
            name="year"
            label={t('competitions.public.field.year')}
            value={params.year ? String(params.year) : undefined}
            anyLabel={t('competitions.public.filter.any')}
            choices={counted('year', years, (k) => k)}
          />
          <p class="actions">
            <button type="submit" class="button button--secondary">
              {t('competitions.public.filter.apply')}
            </button>
            <a href={base}>{t('competitions.public.filter.reset')}</a>
          </p>
        </fieldset>
      </form>
      <section class="results" aria-labelledby="competition-results-heading">
        <h2 id="competition-results-heading">
          {t('competitions.public.list.found')}: <span class="count">{t('competitions.public.list.count', { count: result.total })}</span>
        </h2>
        {result.items.length === 0 ? (
          <p>{t('competitions.public.list.none')}</p>
        ) : (
          <section class="table-scroll" aria-labelledby="competition-table-caption" tabindex={0}>
            <table class="competition-table">
              <caption id="competition-table-caption">
                {t('competitions.public.list.caption', {
                  from: f.number((result.page - 1) * result.pageSize + 1),
                  to: f.number((result.page - 1) * result.pageSize + result.items.length),
                  total: f.number(result.total),
                })}
              </caption>
              <thead>
                <tr>
                  <th scope="col">{t('competitions.public.field.number')}</th>
                  <th scope="col">{t('competitions.public.field.title')}</th>
                  <th scope="col">{t('competitions.public.field.instrument')}</th>
                  <th scope="col">{t('competitions.public.field.organiser')}</th>
                  <th scope="col">{t('competitions.public.field.region')}</th>
                  <th scope="col">{t('competitions.public.field.year')}</th>
                  <th scope="col" class="num">
                    {t('competitions.public.field.budget')}
                  </th>
                  <th scope="col" class="num">
                    {t('competitions.public.field.lots')}
                  </th>
                  <th scope="col">{t('competitions.public.field.phase')}</th>
                  <th scope="col">{t('competitions.public.field.deadline')}</th>
                </tr>
              </thead>
              <tbody>
                {result.items.map((c) => (
                  <tr key={c.id}>
                    <td class="nowrap">{c.number}</td>
                    <th scope="row">
                      <a href={href(`/competitions/${c.id}`)} lang={lang === 'en' && !c.titleEn ? 'ru' : undefined}>
                        {localised(c, lang)}
                      </a>
                    </th>
                    <td>{t(`competitions.instrument.${c.instrument}`)}</td>
                    <td>
                      <a href={href(`/organisations/${c.organiser.bin}`)} lang={lang === 'en' && !c.organiser.nameEn ? 'kk' : undefined}>
                        {organisationName(c.organiser, lang)}
                      </a>
                    </td>
                    <td>{placeName(c.regionCode, lang, t)}</td>
                    <td>{c.year}</td>
                    <td class="num">{f.money(c.budgetTiyn)}</td>
                    <td class="num">{f.number(c.lotCount)}</td>
                    <td>
                      <span class={`phase phase--${c.phase}`}>{t(`competitions.phase.${c.phase}`)}</span>
                    </td>
                    <td>
                      <time datetime={c.deadlineAt.toISOString()}>{f.dateTime(c.deadlineAt)}</time>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </section>
        )}
        {pages > 1 ? (
          <nav class="pagination" aria-label={t('competitions.public.list.pagination')}>
            {result.page > 1 ? <a href={listHref(base, params, { page: result.page - 1 })}>{t('competitions.public.list.previous')}</a> : null}
            <span>{t('competitions.public.list.page', { page: f.number(result.page), pages: f.number(pages) })}</span>
            {result.page < pages ? <a href={listHref(base, params, { page: result.page + 1 })}>{t('competitions.public.list.next')}</a> : null}
          </nav>
        ) : null}
      </section>
    </section>
  );
}
