import type { ComponentChildren } from 'preact';
import { LANGS, type Lang } from '../i18n/langs.ts';
import { Form, FlashMessage } from './components.tsx';
import { usePage } from './page-context.ts';

/** Each language is named in itself, so a reader finds their own whatever the page's language. */
const LANGUAGE_NAMES: Record<Lang, string> = { kk: 'Қазақша', ru: 'Русский', en: 'English' };

// htmx may swap error statuses too: a boosted navigation must show what a plain one would.
const HTMX_CONFIG = JSON.stringify({
  responseHandling: [
    { code: '204', swap: false },
    { code: '[2345]..', swap: true },
  ],
  includeIndicatorStyles: false,
  allowEval: false,
  allowScriptTags: false,
  historyCacheSize: 0,
  scrollIntoViewOnBoost: false,
});

export function Layout({ title, children }: { title: string; children: ComponentChildren }) {
  const { lang, t, actor, nav, path, href } = usePage();
  const visible = (area: string) => nav.filter((n) => n.area === area && (!n.visible || n.visible(actor)));
  const current = path.split('?')[0];
  return (
    <html lang={lang}>
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{title.startsWith('Ortaq') ? title : `${title} — Ortaq`}</title>
        <meta name="htmx-config" content={HTMX_CONFIG} />
        <link rel="stylesheet" href="/static/app.css" />
        {LANGS.map((l) => (
          <link key={l} rel="alternate" hreflang={l} href={`/${l}${path}`} />
        ))}
        <link rel="icon" href="/static/favicon.svg" type="image/svg+xml" />
        <link rel="manifest" href="/manifest.webmanifest" />
        <meta name="theme-color" content="#08476a" />
        <link rel="apple-touch-icon" href="/static/icons/icon-192.png" />
        <script src="/static/htmx/htmx.min.js" defer />
        <script src="/static/sw-register.js" defer />
      </head>
      <body hx-boost="true">
        <a class="skip-link" href="#main">
          {t('layout.skip-to-content')}
        </a>
        <header class="site-header">
          <div class="site-header__inner">
            <a class="brand" href={href('/')}>
              Ortaq
            </a>
            <nav class="main-nav" aria-label={t('layout.nav.main')}>
              <ul>
                {visible('main').map((item) => (
                  <li key={item.path}>
                    <a href={href(item.path)} aria-current={current === item.path ? 'page' : undefined}>
                      {t(item.label)}
                    </a>
                  </li>
                ))}
              </ul>
            </nav>
            <nav class="account-nav" aria-label={t('layout.nav.account')}>
              <ul>
                {[...visible('account'), ...visible('admin')].map((item) => (
                  <li key={item.path}>
                    <a href={href(item.path)} aria-current={current === item.path ? 'page' : undefined}>
                      {t(item.label)}
                    </a>
                  </li>
                ))}
                {actor.userId ? (
                  <li>
                    <Form action={href('/logout')} class="inline-form">
                      <button type="submit" class="link-button">
                        {t('layout.logout')}
                      </button>
                    </Form>
                  </li>
                ) : null}
              </ul>
            </nav>
            <nav class="lang-nav" aria-label={t('layout.nav.languages')}>
              <ul>
                {LANGS.map((l) => (
                  <li key={l}>
                    <a href={`/${l}${path}`} lang={l} hreflang={l} aria-current={l === lang ? 'true' : undefined} hx-boost="false">
                      {LANGUAGE_NAMES[l]}
                    </a>
                  </li>
                ))}
              </ul>
            </nav>
          </div>
        </header>
        <main id="main" tabindex={-1}>
          <FlashMessage />
          {children}
        </main>
        <footer class="site-footer">
          <p>{t('layout.footer.about')}</p>
          <p>{t('layout.footer.licence')}</p>
        </footer>
      </body>
    </html>
  );
}
