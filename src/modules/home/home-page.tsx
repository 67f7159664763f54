import type { HomeFigure } from '../../core/module.ts';
import { usePage } from '../../core/views/page-context.ts';

export function HomePage({ figures, at }: { figures: HomeFigure[]; at: Date }) {
  const { t, f, href, actor } = usePage();
  return (
    <>
      <section class="hero">
        <h1>{t('home.title')}</h1>
        <p class="lead">{t('home.lead')}</p>
        <p class="actions">
          <a class="button" href={href('/organisations')}>
            {t('home.cta.organisations')}
          </a>
          {actor.userId ? null : (
            <a class="button button--secondary" href={href('/signup')}>
              {t('home.cta.signup')}
            </a>
          )}
        </p>
      </section>
      <section aria-labelledby="figures-heading">
        <h2 id="figures-heading">{t('home.figures')}</h2>
        <ul class="figures">
          {figures.map((fig) => (
            <li key={fig.label}>
              <span class="figure-value">{fig.kind === 'money' ? f.money(fig.value) : f.number(fig.value)}</span>
              <span class="figure-label">{t(fig.label)}</span>
            </li>
          ))}
        </ul>
        <p class="note">{t('home.figures.note', { time: f.dateTime(at) })}</p>
      </section>
    </>
  );
}
