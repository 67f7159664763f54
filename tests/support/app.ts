import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { FastifyInstance, LightMyRequestResponse, RouteOptions } from 'fastify';
import { buildApp } from '../../src/app.ts';
import { loadConfig } from '../../src/config.ts';
import type { Database } from '../../src/core/db/client.ts';
import type { AppContext } from '../../src/core/module.ts';
import { freshDatabase } from './database.ts';

export type TestApp = { app: FastifyInstance; ctx: AppContext; database: Database; close(): Promise<void> };

export async function testApp(env: Record<string, string> = {}, options: { onRoute?: (route: RouteOptions) => void } = {}): Promise<TestApp> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'ortaq-app-'));
  const config = loadConfig({ NODE_ENV: 'test', DATA_DIR: dataDir, LOG_LEVEL: 'silent', PUBLIC_URL: 'http://ortaq.test', ...env });
  const database = await freshDatabase();
  const { app, ctx } = await buildApp(config, { database, logger: false, onRoute: options.onRoute });
  await app.ready();
  return {
    app,
    ctx,
    database,
    async close() {
      await app.close();
      await database.close();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/**
 * A browser stand-in over `inject`: keeps cookies, and sends forms with the CSRF token of the
 * last page it loaded, as a real browser would.
 */
let nextAddress = 0;

export class TestClient {
  private readonly cookies = new Map<string, string>();
  private csrfToken = '';
  lastResponse: LightMyRequestResponse | null = null;
  /** Each client comes from its own address, as separate people do (rate limits are per address). */
  readonly remoteAddress: string;

  constructor(
    private readonly app: FastifyInstance,
    private readonly headers: Record<string, string> = {},
    remoteAddress?: string,
  ) {
    nextAddress++;
    this.remoteAddress = remoteAddress ?? `10.${(nextAddress >> 16) & 255}.${(nextAddress >> 8) & 255}.${nextAddress & 255}`;
  }

  private cookieHeader(): string {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  }

  private remember(res: LightMyRequestResponse): LightMyRequestResponse {
    for (const c of res.cookies as { name: string; value: string; expires?: Date; maxAge?: number }[]) {
      const expired = c.value === '' || (c.expires && c.expires.getTime() < Date.now()) || c.maxAge === 0;
      if (expired) this.cookies.delete(c.name);
      else this.cookies.set(c.name, c.value);
    }
    const token = /name="_csrf" value="([^"]+)"/.exec(res.body);
    if (token) this.csrfToken = token[1]!;
    this.lastResponse = res;
    return res;
  }

  cookie(name: string): string | undefined {
    return this.cookies.get(name);
  }

  setCookie(name: string, value: string): void {
    this.cookies.set(name, value);
  }

  async get(url: string, headers: Record<string, string> = {}): Promise<LightMyRequestResponse> {
    return this.remember(await this.app.inject({ method: 'GET', url, remoteAddress: this.remoteAddress, headers: { ...this.headers, ...headers, cookie: this.cookieHeader() } }));
  }

  /** Posts a urlencoded form; the CSRF token is added unless the form already names one. */
  async post(url: string, form: Record<string, string>, headers: Record<string, string> = {}): Promise<LightMyRequestResponse> {
    const body = new URLSearchParams({ _csrf: this.csrfToken, ...form }).toString();
    return this.remember(
      await this.app.inject({
        method: 'POST',
        url,
        remoteAddress: this.remoteAddress,
        payload: body,
        headers: { ...this.headers, ...headers, 'content-type': 'application/x-www-form-urlencoded', cookie: this.cookieHeader() },
      }),
    );
  }

  /** Follows a redirect the way a browser does after Post/Redirect/Get. */
  async follow(): Promise<LightMyRequestResponse> {
    const location = this.lastResponse?.headers.location;
    if (!location) throw new Error('The last response was not a redirect');
    return this.get(String(location));
  }
}
