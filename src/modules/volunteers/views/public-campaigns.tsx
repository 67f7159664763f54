import { usePage } from '../../../core/views/page-context.ts';
import type { CampaignDetail, CampaignRow, LiveTotals } from '../public-queries.ts';
import { hours, Localised, localised, OpportunityCards, placeName, textLang, Totals } from './public-parts.tsx';

/** A campaign's dates: from its start, to its end when it has one. */
function Period({ campaign }: { campaign: CampaignRow }) {
  const { t, f } = usePage();
  const day = (d: string) => f.date(new Date(`${d}T12:00:00+05:00`));
  return <>{campaign.endsOn ? t('volunteers.public.campaign.period', { from: day(campaign.startsOn), to: day(campaign.endsOn) }) : t('volunteers.public.campaign.since', { from: day(campaign.startsOn) })}</>;
}

/** Every campaign, national and regional, with its live figures. */
export function CampaignListPage({ campaigns }: { campaigns: (CampaignRow & { totals: LiveTotals })[] }) {
  const { t, f, lang, href } = usePage();
  return (
    <section class="volunteering campaigns">
      <p class="kicker">
        <a href={href('/volunteering')}>{t('volunteers.public.list.title')}</a>
      </p>
      <h1>{t('volunteers.public.campaigns.title')}</h1>
      <p class="lead">{t('volunteers.public.campaigns.intro')}</p>
      {campaigns.length === 0 ? (
        <p>{t('volunteers.public.campaigns.none')}</p>
      ) : (
        <ul class="opportunity-cards">
          {campaigns.map((c) => (
            <li key={c.id} class="opportunity-card">
              <h2 class="opportunity-card__title">
                <a href={href(`/volunteering/campaigns/${c.slug}`)} lang={textLang(lang)}>
                  {localised(c.titleKk, c.titleRu, lang)}
                </a>
              </h2>
              <dl class="facts opportunity-card__facts">
                <dt>{t('volunteers.public.field.region')}</dt>
                <dd>{placeName(c.regionCode, lang, t)}</dd>
                <dt>{t('volunteers.public.field.dates')}</dt>
                <dd>
                  <Period campaign={c} />
                </dd>
                <dt>{t('volunteers.public.totals.volunteers')}</dt>
                <dd>{f.number(c.totals.volunteers)}</dd>
                <dt>{t('volunteers.public.totals.events')}</dt>
                <dd>{f.number(c.totals.events)}</dd>
                <dt>{t('volunteers.public.totals.hours')}</dt>
                <dd>{hours(c.totals.minutes, lang)}</dd>
              </dl>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

/** A campaign: its live totals on the platform, the totals reported before it (apart), and its opportunities from many organisations. */
export function CampaignPage({ data }: { data: CampaignDetail }) {
  const { t, f, lang, href } = usePage();
  const c = data.campaign;
  const reported = c.reportedVolunteers !== null || c.reportedEvents !== null;
  return (
    <article class="volunteering campaign">
      <p class="kicker">
        <a href={href('/volunteering/campaigns')}>{t('volunteers.public.campaigns.title')}</a>
      </p>
      <Localised as="h1" kk={c.titleKk} ru={c.titleRu} />
      <p class="campaign__meta">
        {placeName(c.regionCode, lang, t)} · <Period campaign={c} />
      </p>
      <Localised as="p" class="prose" kk={c.descriptionKk} ru={c.descriptionRu} />
      <section aria-labelledby="campaign-live-heading">
        <h2 id="campaign-live-heading">{t('volunteers.public.campaign.live')}</h2>
        <p class="note">{t('volunteers.public.campaign.live-note')}</p>
        <Totals totals={data.totals} label={t('volunteers.public.campaign.live')} />
      </section>
      {reported ? (
        <section class="campaign__reported" aria-labelledby="campaign-reported-heading">
          <h2 id="campaign-reported-heading">{t('volunteers.public.campaign.reported')}</h2>
          <p class="note">{t('volunteers.public.campaign.reported-note')}</p>
          <dl class="facts">
            {c.reportedVolunteers !== null ? (
              <>
                <dt>{t('volunteers.public.totals.volunteers')}</dt>
                <dd>{f.number(c.reportedVolunteers)}</dd>
              </>
            ) : null}
            {c.reportedEvents !== null ? (
              <>
                <dt>{t('volunteers.public.totals.events')}</dt>
                <dd>{f.number(c.reportedEvents)}</dd>
              </>
            ) : null}
          </dl>
        </section>
      ) : null}
      <section aria-labelledby="campaign-opportunities-heading">
        <h2 id="campaign-opportunities-heading">{t('volunteers.public.campaign.opportunities')}</h2>
        {data.opportunities.length === 0 ? <p>{t('volunteers.public.list.none')}</p> : <OpportunityCards items={data.opportunities} headingLevel={3} />}
      </section>
    </article>
  );
}
