/*
 * Ortaq's service worker. It keeps two things for when the network is gone:
 *  - the volunteer's own pages: /{lang}/volunteer (upcoming shifts) and
 *    /{lang}/volunteer/signups/{id}/check-in (the check-in code), network first, the last copy
 *    when offline;
 *  - the stylesheets, scripts, fonts and icons under /static/, network first too.
 * Nothing else is stored. The private copies are deleted when someone logs in or out, resets a
 * password or ends sessions, and whenever the server no longer gives a private page (the session
 * expired or was revoked elsewhere), so the next person on a shared phone never sees them.
 */
const VERSION = 'v2';
const STATIC_CACHE = `ortaq-static-${VERSION}`;
const PRIVATE_CACHE = `ortaq-volunteer-${VERSION}`;
const SHELL = [
  '/static/app.css',
  // The Cyrillic faces of the text's font (app.css declares them): Kazakh needs both subsets.
  '/static/fonts/noto-sans/files/noto-sans-cyrillic-400-normal.woff2',
  '/static/fonts/noto-sans/files/noto-sans-cyrillic-ext-400-normal.woff2',
  '/static/fonts/noto-sans/files/noto-sans-cyrillic-700-normal.woff2',
  '/static/fonts/noto-sans/files/noto-sans-cyrillic-ext-700-normal.woff2',
  '/static/htmx/htmx.min.js',
  '/static/sw-register.js',
  '/static/icons/icon-192.png',
  '/static/icons/icon-512.png',
  '/static/favicon.svg',
];
const PRIVATE_PAGE = /^\/(kk|ru|en)\/volunteer(\/signups\/[0-9a-f-]{36}\/check-in)?$/;
const SESSION_CHANGE = /^\/(kk|ru|en)\/(login|logout|password\/reset|account\/sessions)(\/|$)/;

self.addEventListener('install', (event) => {
  event.waitUntil(
    caches
      .open(STATIC_CACHE)
      .then((cache) => cache.addAll(SHELL))
      .then(() => self.skipWaiting()),
  );
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((keys) => Promise.all(keys.filter((k) => k !== STATIC_CACHE && k !== PRIVATE_CACHE).map((k) => caches.delete(k))))
      .then(() => self.clients.claim()),
  );
});

/** The network's answer, kept when it is a good one; the last kept copy when the network fails. */
async function networkFirst(request, cacheName) {
  const cache = await caches.open(cacheName);
  try {
    const response = await fetch(request);
    // A redirect (to the log-in page) or an error is not the page the volunteer wants to keep; for
    // a private page it means the session is gone, and so must the copy be.
    if (response.ok && !response.redirected && response.type === 'basic') await cache.put(request.url, response.clone());
    else if (cacheName === PRIVATE_CACHE) await cache.delete(request.url);
    return response;
  } catch (error) {
    const kept = await cache.match(request.url);
    if (kept) return kept;
    throw error;
  }
}

self.addEventListener('fetch', (event) => {
  const url = new URL(event.request.url);
  if (url.origin !== self.location.origin) return;
  if (event.request.method !== 'GET') {
    if (SESSION_CHANGE.test(url.pathname)) event.waitUntil(caches.delete(PRIVATE_CACHE));
    return;
  }
  if (PRIVATE_PAGE.test(url.pathname) && url.search === '') event.respondWith(networkFirst(event.request, PRIVATE_CACHE));
  else if (url.pathname.startsWith('/static/')) event.respondWith(networkFirst(event.request, STATIC_CACHE));
});
