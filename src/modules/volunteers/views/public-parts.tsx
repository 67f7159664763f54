import { formatters } from '../../../core/format/intl.ts';
import { findRegion, regionName } from '../../../core/geo/regions.ts';
import type { Lang } from '../../../core/i18n/langs.ts';
import type { Translate } from '../../../core/i18n/messages.ts';
import { usePage } from '../../../core/views/page-context.ts';
import { localised, textLang } from '../names.ts';
import type { HostRef, LiveTotals, OpportunityItem } from '../public-queries.ts';

export { localised, textLang };

/** A text of the platform's users in the reader's language (Russian on an English page, marked so). */
export function Localised({ kk, ru, as: Tag = 'span', class: className }: { kk: string; ru: string; as?: 'span' | 'h1' | 'p' | 'a'; class?: string }) {
  const { lang } = usePage();
  return (
    <Tag lang={textLang(lang)} class={className}>
      {localised(kk, ru, lang)}
    </Tag>
  );
}

/** A region's or city's name; `KZ` is the whole country. */
export function placeName(code: string, lang: Lang, t: Translate): string {
  return findRegion(code) ? regionName(code, lang) : t('volunteers.national');
}

/** A shift's time in Kazakhstan: «12 сәуір 2026 ж., 10:00–13:00». */
export function shiftTime(startsAt: Date, endsAt: Date, lang: Lang): string {
  const { shortDate: day, clock: time } = formatters(lang);
  const sameDay = day(startsAt) === day(endsAt);
  return sameDay ? `${day(startsAt)}, ${time(startsAt)}–${time(endsAt)}` : `${day(startsAt)}, ${time(startsAt)} – ${day(endsAt)}, ${time(endsAt)}`;
}

/** Hours from minutes, to a tenth. */
export function hours(minutes: number, lang: Lang): string {
  return formatters(lang).decimal(minutes / 60);
}

/** The volunteer organisation's name, a link to its page, and a plain mark when it is an informal group. */
export function HostName({ host, link = true }: { host: HostRef; link?: boolean }) {
  const { lang, t, href } = usePage();
  return (
    <span class="volunteer-host">
      {link ? (
        <a href={href(`/volunteering/organisations/${host.id}`)} lang={textLang(lang)}>
          {localised(host.nameKk, host.nameRu, lang)}
        </a>
      ) : (
        <span lang={textLang(lang)}>{localised(host.nameKk, host.nameRu, lang)}</span>
      )}
      {host.informal ? <span class="informal-mark">{t('volunteers.informal-group')}</span> : null}
    </span>
  );
}

/** Where the work is: online, or the address (or at least the region). */
export function Place({ item }: { item: Pick<OpportunityItem, 'online' | 'address' | 'regionCode'> }) {
  const { lang, t } = usePage();
  if (item.online) return <span class="volunteer-online">{t('volunteers.online')}</span>;
  return (
    <span>
      {placeName(item.regionCode, lang, t)}
      {item.address ? (
        <>
          {', '}
          <span lang={lang === 'en' ? 'ru' : undefined}>{item.address}</span>
        </>
      ) : null}
    </span>
  );
}

/** The risk category, stressed when it is one of the law's 18+ categories. */
export function RiskNote({ risk }: { risk: OpportunityItem['risk'] }) {
  const { t } = usePage();
  return <span class={`volunteer-risk volunteer-risk--${risk}`}>{t(`volunteers.risk.${risk}`)}</span>;
}

/** The live totals of an organisation or a campaign, as figures. */
export function Totals({ totals, label }: { totals: LiveTotals; label: string }) {
  const { t, f, lang } = usePage();
  return (
    <section class="volunteer-totals" aria-label={label}>
      <ul class="figures">
        <li>
          <span class="figure-value">{f.number(totals.volunteers)}</span>
          <span class="figure-label">{t('volunteers.public.totals.volunteers')}</span>
        </li>
        <li>
          <span class="figure-value">{f.number(totals.events)}</span>
          <span class="figure-label">{t('volunteers.public.totals.events')}</span>
        </li>
        <li>
          <span class="figure-value">{hours(totals.minutes, lang)}</span>
          <span class="figure-label">{t('volunteers.public.totals.hours')}</span>
        </li>
      </ul>
    </section>
  );
}

/** A list of opportunities as cards: they read well on a phone and need no table. */
export function OpportunityCards({ items, headingLevel = 2 }: { items: (OpportunityItem & { open?: boolean })[]; headingLevel?: 2 | 3 }) {
  const { t, f, lang, href } = usePage();
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  return (
    <ul class="opportunity-cards">
      {items.map((o) => (
        <li key={o.id} class="opportunity-card">
          <Heading class="opportunity-card__title">
            <a href={href(`/volunteering/opportunities/${o.id}`)} lang={textLang(lang)}>
              {localised(o.titleKk, o.titleRu, lang)}
            </a>
          </Heading>
          <p class="opportunity-card__host">
            <HostName host={o.host} />
          </p>
          <dl class="facts opportunity-card__facts">
            <dt>{t('volunteers.public.field.place')}</dt>
            <dd>
              <Place item={o} />
            </dd>
            <dt>{t('volunteers.public.field.next-shift')}</dt>
            <dd>{o.nextShift ? f.dateTime(o.nextShift) : t('volunteers.public.closed')}</dd>
            {o.open === false ? null : (
              <>
                <dt>{t('volunteers.public.field.places-left')}</dt>
                <dd>{o.placesLeft > 0 ? f.number(o.placesLeft) : t('volunteers.public.full')}</dd>
              </>
            )}
            <dt>{t('volunteers.public.field.min-age')}</dt>
            <dd>{t('volunteers.public.min-age', { age: o.minAge })}</dd>
            <dt>{t('volunteers.public.field.risk')}</dt>
            <dd>
              <RiskNote risk={o.risk} />
            </dd>
          </dl>
        </li>
      ))}
    </ul>
  );
}
