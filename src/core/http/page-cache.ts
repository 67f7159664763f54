import { randomBytes } from 'node:crypto';
import { LRUCache } from 'lru-cache';
import type { Clock } from '../time/clock.ts';

/** How long a public page is served from memory at most, on the application's clock (deadlines and "days left" may be this late). */
export const PAGE_TTL_MS = 10_000;
/** Memory given to kept answers, in bytes. */
const PAGE_CACHE_BYTES = 32 * 1024 * 1024;
/** Headers that belong to one response and are never replayed from the cache. */
const OWN_HEADERS = new Set(['set-cookie', 'x-request-id', 'content-length', 'date', 'connection', 'x-cache']);

export type KeptResponse = {
  /** A page with a form: its text with the CSRF placeholder, filled for each visitor; otherwise the bytes as sent, encoded once. */
  body: string | Buffer;
  headers: Record<string, string>;
  /** The audit log's last id when the request that rendered it began. */
  mark: number;
  /** The application clock's time then. */
  renderedAt: number;
};

/** V8 keeps Cyrillic text two bytes a character. */
const sizeOf = (body: string | Buffer, key: string) => (typeof body === 'string' ? body.length * 2 : body.length) + key.length * 2 + 512;

/**
 * Rendered public pages and API answers kept for anonymous visitors, as a reverse proxy's short
 * cache would keep them: by URL (the language is in it), for at most `PAGE_TTL_MS`, and only while
 * the audit log's last id is the one read when the page was rendered — so a change made through
 * Ortaq is seen by the next request. A form's CSRF token differs for each visitor: pages are kept
 * with a placeholder in its place, filled on every answer.
 */
export class PageCache {
  /** Unguessable, so no stored text can contain it by chance or on purpose. */
  readonly csrfPlaceholder = `ortaq-csrf-${randomBytes(16).toString('hex')}`;
  private readonly kept: LRUCache<string, KeptResponse>;

  constructor(
    private readonly clock: Clock,
    maxBytes = PAGE_CACHE_BYTES,
  ) {
    this.kept = new LRUCache({ maxSize: maxBytes, sizeCalculation: (r, key) => sizeOf(r.body, key) });
  }

  get(key: string, mark: number): KeptResponse | undefined {
    const kept = this.kept.get(key);
    if (!kept) return undefined;
    const age = this.clock.now().getTime() - kept.renderedAt;
    if (kept.mark === mark && age >= 0 && age < PAGE_TTL_MS) return kept;
    this.kept.delete(key);
    return undefined;
  }

  keep(key: string, response: { body: string; headers: Record<string, unknown>; mark: number; renderedAt: number }): void {
    const body = response.body.includes(this.csrfPlaceholder) ? response.body : Buffer.from(response.body);
    if (sizeOf(body, key) > this.kept.maxSize) return;
    const headers: Record<string, string> = {};
    for (const [name, value] of Object.entries(response.headers)) {
      if (!OWN_HEADERS.has(name) && (typeof value === 'string' || typeof value === 'number')) headers[name] = String(value);
    }
    this.kept.set(key, { body, headers, mark: response.mark, renderedAt: response.renderedAt });
  }
}

/** The route config of a page or API answer that every anonymous visitor sees alike. */
export const PUBLIC_PAGE = { publicCache: true } as const;
