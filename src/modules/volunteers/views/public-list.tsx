import { REGIONS } from '../../../core/geo/regions.ts';
import { SelectField } from '../../../core/views/components.tsx';
import { usePage } from '../../../core/views/page-context.ts';
import { AREAS } from '../../organisations/index.ts';
import { NATIONAL, type OpportunityList, type OpportunityListParams, type RegionFigures } from '../public-queries.ts';
import { SKILLS } from '../schema.ts';
import { VolunteerCartogram } from './public-cartogram.tsx';
import { OpportunityCards, placeName } from './public-parts.tsx';

const DEFAULT_PAGE_SIZE = 20;

/** The list's address with some filters changed; empty ones and defaults are left out. */
export function listHref(base: string, p: OpportunityListParams, change: Partial<OpportunityListParams> = {}): string {
  const query = new URLSearchParams();
  for (const [k, v] of Object.entries({ ...p, ...change })) {
    if (v === undefined || v === '' || (k === 'page' && v === 1) || (k === 'pageSize' && v === DEFAULT_PAGE_SIZE)) continue;
    query.set(k, String(v));
  }
  const qs = query.toString();
  return qs ? `${base}?${qs}` : base;
}

/** Open opportunities with filters that work as a plain GET form, and the cartogram of organisations and opportunities by region. */
export function OpportunityListPage({ params, result, figures }: { params: OpportunityListParams; result: OpportunityList; figures: RegionFigures[] }) {
  const { t, f, lang, href } = usePage();
  const base = href('/volunteering');
  const any = t('volunteers.public.filter.any');
  const pages = Math.max(1, Math.ceil(result.total / result.pageSize));
  return (
    <section id="opportunity-list" class="volunteering">
      <h1>{t('volunteers.public.list.title')}</h1>
      <p class="lead">{t('volunteers.public.list.intro')}</p>
      <p class="actions">
        <a href={href('/volunteering/campaigns')}>{t('volunteers.public.campaigns.title')}</a>
      </p>
      <form method="get" action={base} class="search-form" hx-get={base} hx-target="#opportunity-list" hx-select="#opportunity-list" hx-swap="outerHTML" hx-push-url="true">
        <fieldset class="filters">
          <legend>{t('volunteers.public.filter.legend')}</legend>
          <SelectField
            name="region"
            label={t('volunteers.public.field.region')}
            value={params.region}
            anyLabel={any}
            choices={[...REGIONS.map((r) => r.code), NATIONAL].map((code) => ({ value: code, label: placeName(code, lang, t) }))}
          />
          <SelectField name="area" label={t('volunteers.public.field.area')} value={params.area} anyLabel={any} choices={AREAS.map((a) => ({ value: a, label: t(`organisations.area.${a}`) }))} />
          <SelectField name="skill" label={t('volunteers.public.field.skill')} value={params.skill} anyLabel={any} choices={SKILLS.map((s) => ({ value: s, label: t(`volunteers.skill.${s}`) }))} />
          <SelectField
            name="online"
            label={t('volunteers.public.field.format')}
            value={params.online}
            anyLabel={any}
            choices={[
              { value: 'true', label: t('volunteers.online') },
              { value: 'false', label: t('volunteers.public.on-site') },
            ]}
          />
          <div class="field">
            <label for="field-from">{t('volunteers.public.filter.from')}</label>
            <input id="field-from" type="date" name="from" value={params.from ?? ''} />
          </div>
          <div class="field">
            <label for="field-to">{t('volunteers.public.filter.to')}</label>
            <input id="field-to" type="date" name="to" value={params.to ?? ''} />
          </div>
          <p class="actions">
            <button type="submit" class="button">
              {t('volunteers.public.filter.apply')}
            </button>{' '}
            <a href={base}>{t('volunteers.public.filter.reset')}</a>
          </p>
        </fieldset>
      </form>

      <section class="results" aria-labelledby="opportunity-results-heading">
        <h2 id="opportunity-results-heading">
          {t('volunteers.public.list.found')}: <span class="count">{t('volunteers.public.list.count', { count: result.total })}</span>
        </h2>
        {result.items.length === 0 ? <p>{t('volunteers.public.list.none')}</p> : <OpportunityCards items={result.items} headingLevel={3} />}
        {pages > 1 ? (
          <nav class="pagination" aria-label={t('volunteers.public.list.pagination')}>
            {result.page > 1 ? <a href={listHref(base, params, { page: result.page - 1 })}>{t('volunteers.public.list.previous')}</a> : null}
            <span>{t('volunteers.public.list.page', { page: f.number(result.page), pages: f.number(pages) })}</span>
            {result.page < pages ? <a href={listHref(base, params, { page: result.page + 1 })}>{t('volunteers.public.list.next')}</a> : null}
          </nav>
        ) : null}
      </section>

      <VolunteerCartogram figures={figures} selected={params.region} regionHref={(code) => listHref(base, params, { region: code, page: 1 })} />
    </section>
  );
}
