import { type ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { and, eq, inArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildContext } from '../../src/app.ts';
import { loadConfig } from '../../src/config.ts';
import { verifyAuditChain } from '../../src/core/audit/audit-log.ts';
import { auditLog } from '../../src/core/audit/schema.ts';
import { createSession, SESSION_COOKIE } from '../../src/core/auth/sessions.ts';
import { files } from '../../src/core/files/schema.ts';
import { mailOutbox } from '../../src/core/mail/schema.ts';
import type { AppContext } from '../../src/core/module.ts';
import { contentFingerprint } from '../../src/modules/competitions/content.ts';
import { applicationAttachments, applications } from '../../src/modules/competitions/schema.ts';
import { organisations } from '../../src/modules/organisations/schema.ts';
import { completeApplication, makeApplicant, makeCompetition, sampleLot } from '../support/competitions.ts';
import { engineUnderTest, freshPostgresDatabase } from '../support/database.ts';
import { freePort } from '../support/postgres-server.ts';

/**
 * The server is killed with SIGKILL in the middle of a burst of application submissions and
 * started again: every submission that was acknowledged is there, complete (receipt, fingerprint
 * of exactly the stored content, audit entry, receipt letter), and no application is half-written.
 */
const APPLICANTS = 48;
let dir: string;
let env: Record<string, string>;

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ortaq-crash-submit-'));
  env = { DATA_DIR: dir, LOG_LEVEL: 'silent', DEMO: '0', HOST: '127.0.0.1' };
  if (engineUnderTest() === 'postgres') env.DATABASE_URL = (await freshPostgresDatabase()).url;
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const withContext = async <T>(fn: (ctx: AppContext) => Promise<T>): Promise<T> => {
  const ctx = await buildContext(loadConfig({ ...env, NODE_ENV: 'test' }));
  try {
    return await fn(ctx);
  } finally {
    await ctx.database.close();
  }
};

async function startServer(port: number): Promise<ChildProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/server.ts'], { env: { ...process.env, ...env, PORT: String(port) }, stdio: 'ignore' });
  for (let i = 0; i < 150; i++) {
    if (await fetch(`http://127.0.0.1:${port}/healthz`).then((r) => r.ok, () => false)) return child;
    await new Promise((r) => setTimeout(r, 200));
  }
  child.kill('SIGKILL');
  throw new Error('the server did not start');
}

const exited = (child: ChildProcess) => new Promise<void>((resolve) => (child.exitCode !== null || child.signalCode !== null ? resolve() : child.on('exit', () => resolve())));

type Applicant = { applicationId: string; cookie: string; csrf?: string };

describe('a burst of submissions killed half-way', () => {
  it('keeps every acknowledged submission whole and half-writes none', async () => {
    const applicants: Applicant[] = await withContext(async (ctx) => {
      const c = await makeCompetition(ctx, { lots: [sampleLot({ budgetTiyn: 500_000_000 })] });
      const out: Applicant[] = [];
      for (let i = 0; i < APPLICANTS; i++) {
        const { admin, organisation } = await makeApplicant(ctx, c.year);
        const applicationId = await completeApplication(ctx, admin.id, organisation.id, c.lots[0]!.id);
        out.push({ applicationId, cookie: `${SESSION_COOKIE}=${(await createSession(ctx.db, admin.id, {})).token}` });
      }
      return out;
    });

    const port = await freePort();
    const base = `http://127.0.0.1:${port}`;
    let server = await startServer(port);
    // Each applicant opens the application page first, as a browser would, for the form's CSRF token.
    for (const a of applicants) {
      const res = await fetch(`${base}/kk/applications/${a.applicationId}`, { headers: { cookie: a.cookie } });
      const html = await res.text();
      const csrfCookie = res.headers.getSetCookie().find((c) => c.startsWith('ortaq_csrf='))?.split(';')[0];
      a.csrf = /name="_csrf" value="([^"]+)"/.exec(html)?.[1];
      expect(res.status, html.slice(0, 200)).toBe(200);
      if (csrfCookie) a.cookie = `${a.cookie}; ${csrfCookie}`;
    }

    const acknowledged: string[] = [];
    let killed = false;
    const submit = async (a: Applicant) => {
      const res = await fetch(`${base}/kk/applications/${a.applicationId}/submit`, {
        method: 'POST',
        redirect: 'manual',
        headers: { cookie: a.cookie, 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ _csrf: a.csrf ?? '' }),
      }).catch(() => null);
      if (res?.status === 303 && res.headers.get('location')?.endsWith('/receipt')) acknowledged.push(a.applicationId);
      else if (res && !killed) throw new Error(`submission answered ${res.status}`);
    };
    // Ten at a time; the server dies once a third of the burst has been acknowledged.
    const queue = [...applicants];
    const workers = Array.from({ length: 10 }, async () => {
      for (let a = queue.shift(); a; a = queue.shift()) {
        if (!killed && acknowledged.length >= APPLICANTS / 3) {
          killed = true;
          server.kill('SIGKILL');
        }
        await submit(a);
      }
    });
    await Promise.all(workers);
    await exited(server);
    expect(killed).toBe(true);
    expect(acknowledged.length).toBeGreaterThanOrEqual(APPLICANTS / 3);
    expect(acknowledged.length).toBeLessThan(APPLICANTS);

    // Started again, the server serves the receipts of what it acknowledged.
    server = await startServer(port);
    for (const id of acknowledged.slice(0, 3)) {
      const a = applicants.find((x) => x.applicationId === id)!;
      const res = await fetch(`${base}/kk/applications/${id}/receipt`, { headers: { cookie: a.cookie } });
      expect(res.status).toBe(200);
    }
    server.kill('SIGTERM');
    await exited(server);

    await withContext(async (ctx) => {
      const ids = applicants.map((a) => a.applicationId);
      const rows = await ctx.db.select().from(applications).where(inArray(applications.id, ids));
      for (const id of acknowledged) expect(rows.find((r) => r.id === id)?.status).toBe('submitted');
      for (const row of rows) {
        const audits = await ctx.db.select().from(auditLog).where(and(eq(auditLog.entityId, row.id), eq(auditLog.action, 'application.submit')));
        if (row.status === 'draft') {
          expect([row.receiptNumber, row.contentSha256, row.submittedAt, audits.length]).toEqual([null, null, null, 0]);
          continue;
        }
        expect(row.status).toBe('submitted');
        expect(audits).toHaveLength(1);
        const [org] = await ctx.db.select().from(organisations).where(eq(organisations.id, row.organisationId));
        const attached = await ctx.db
          .select({ documentCode: applicationAttachments.documentCode, sha256: files.sha256 })
          .from(applicationAttachments)
          .innerJoin(files, eq(files.id, applicationAttachments.fileId))
          .where(eq(applicationAttachments.applicationId, row.id));
        expect(row.contentSha256).toBe(
          contentFingerprint({ lotId: row.lotId, organisationBin: org!.bin, language: row.language, content: row.content, attachments: attached }),
        );
      }
      const submitted = rows.filter((r) => r.status === 'submitted');
      const letters = await ctx.db.select().from(mailOutbox);
      for (const row of submitted) expect(letters.filter((m) => m.subject.includes(row.receiptNumber!))).toHaveLength(1);
      expect(new Set(submitted.map((r) => r.receiptNumber)).size).toBe(submitted.length);
      expect((await verifyAuditChain(ctx.db)).firstBreak).toBeNull();
    });
  }, 240_000);
});
