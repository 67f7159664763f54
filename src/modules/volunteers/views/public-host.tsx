import { usePage } from '../../../core/views/page-context.ts';
import type { HostDetail } from '../public-queries.ts';
import { Localised, OpportunityCards, placeName, Totals } from './public-parts.tsx';

/** A volunteer organisation's public page: a registered organisation links to its register profile; an informal group says what it is. */
export function HostPage({ data }: { data: HostDetail }) {
  const { t, lang, href } = usePage();
  const h = data.host;
  return (
    <article class="volunteering volunteer-organisation">
      <p class="kicker">
        <a href={href('/volunteering')}>{t('volunteers.public.list.title')}</a>
      </p>
      <Localised as="h1" kk={h.nameKk} ru={h.nameRu} />
      {h.informal ? (
        <p class="informal-mark informal-mark--block">{t('volunteers.informal-group')}</p>
      ) : (
        <p>
          <a href={href(`/organisations/${h.bin}`)}>{t('volunteers.public.organisation.register')}</a>
        </p>
      )}
      {h.descriptionKk && h.descriptionRu ? <Localised as="p" class="prose" kk={h.descriptionKk} ru={h.descriptionRu} /> : null}
      <dl class="facts">
        <dt>{t('volunteers.public.field.region')}</dt>
        <dd>{placeName(h.regionCode, lang, t)}</dd>
        <dt>{t('volunteers.public.field.city')}</dt>
        <dd lang={lang === 'en' ? 'ru' : undefined}>{h.city}</dd>
      </dl>
      <h2>{t('volunteers.public.totals.heading')}</h2>
      <Totals totals={data.totals} label={t('volunteers.public.totals.heading')} />
      <section aria-labelledby="host-opportunities-heading">
        <h2 id="host-opportunities-heading">{t('volunteers.public.organisation.opportunities')}</h2>
        {data.opportunities.length === 0 ? <p>{t('volunteers.public.list.none')}</p> : <OpportunityCards items={data.opportunities} headingLevel={3} />}
      </section>
    </article>
  );
}
