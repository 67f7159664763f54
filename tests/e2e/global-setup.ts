import { type ChildProcess, spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { SMTPServer } from 'smtp-server';
import type { TestProject } from 'vitest/node';
import { freePort } from '../support/postgres-server.ts';
import { buildServer } from '../support/server-build.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The running app, e.g. http://127.0.0.1:41234 (no trailing slash). */
    baseUrl: string;
    /** A folder where the SMTP receiver drops every message it accepts, one JSON file each. */
    mailDir: string;
    /** The Chromium binary the tests drive. */
    chromiumPath: string;
  }
}

/** What the SMTP receiver writes for each accepted message. */
export type DroppedMail = { from: string; to: string[]; raw: string; receivedAt: string };

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

function findChromium(): string {
  const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
  if (fs.existsSync(chromiumPath)) return chromiumPath;
  const why = process.env.CI === 'true' ? 'CI=true, and the browser tests must run in CI' : 'the browser tests never skip silently';
  throw new Error(
    `Chromium was not found at ${chromiumPath} (${why}). Install it with \`apt-get install -y chromium\`, or set CHROMIUM_PATH to a Chromium binary.`,
  );
}

/** A real SMTP receiver; each message lands in `mailDir` atomically (written aside, then renamed). */
async function startSmtpReceiver(mailDir: string): Promise<{ port: number; close(): Promise<void> }> {
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('error', callback);
      stream.on('end', () => {
        const mail: DroppedMail = {
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
          to: session.envelope.rcptTo.map((r) => r.address.toLowerCase()),
          raw: Buffer.concat(chunks).toString('utf8'),
          receivedAt: new Date().toISOString(),
        };
        const name = `${Date.now()}-${randomUUID()}`;
        const aside = path.join(mailDir, `.${name}.tmp`);
        fs.writeFileSync(aside, JSON.stringify(mail));
        fs.renameSync(aside, path.join(mailDir, `${name}.json`));
        callback();
      });
    },
  });
  const port = await freePort();
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve());
  });
  return { port, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

/** Starts the app as a child process and waits until /healthz answers, or explains why it did not. */
async function startApp(env: NodeJS.ProcessEnv, baseUrl: string): Promise<ChildProcess> {
  const child = spawn(process.execPath, [buildServer()], { cwd: repoRoot, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  const keep = (chunk: Buffer) => {
    const text = chunk.toString('utf8');
    output = (output + text).slice(-20_000);
    process.stderr.write(text.replace(/^(?=.)/gm, '[app] '));
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  let exited: string | null = null;
  child.once('exit', (code, signal) => {
    exited = `exited with ${signal ?? `code ${code}`}`;
  });

  const deadline = Date.now() + 90_000;
  while (Date.now() < deadline) {
    if (exited) throw new Error(`The app ${exited} before it was ready:\n${output}`);
    try {
      const res = await fetch(`${baseUrl}/healthz`);
      if (res.ok) return child;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  await stopApp(child);
  throw new Error(`The app did not answer ${baseUrl}/healthz within 90 s:\n${output}`);
}

async function stopApp(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null || child.pid === undefined) return;
  const pid = child.pid;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  process.kill(pid, 'SIGTERM');
  const timer = setTimeout(() => {
    if (child.exitCode === null && child.signalCode === null) process.kill(pid, 'SIGKILL');
  }, 15_000);
  await exited;
  clearTimeout(timer);
}

/**
 * One SMTP receiver and one app process for the whole e2e run: the app has a fresh data folder
 * with the demo data, and sends its mail to the receiver through its outbox worker. Vitest calls
 * `setup` once before the test files and the function it returns after them.
 */
export async function setup(project: TestProject): Promise<() => Promise<void>> {
  const chromiumPath = findChromium();
  const tempDir = fs.mkdtempSync(path.join(os.tmpdir(), 'ortaq-e2e-'));
  const mailDir = path.join(tempDir, 'mail');
  fs.mkdirSync(mailDir);

  let smtp: Awaited<ReturnType<typeof startSmtpReceiver>> | null = null;
  let app: ChildProcess | null = null;
  const teardown = async () => {
    if (app) await stopApp(app);
    if (smtp) await smtp.close();
    fs.rmSync(tempDir, { recursive: true, force: true });
  };

  try {
    smtp = await startSmtpReceiver(mailDir);
    const port = await freePort();
    const baseUrl = `http://127.0.0.1:${port}`;
    app = await startApp(
      {
        ...process.env,
        NODE_ENV: 'test',
        // Lets the competition flow move the server's clock past a deadline (POST /__test/clock).
        TEST_CLOCK: '1',
        // The browser tests stand for many people on one machine: each visitor sends its own
        // X-Forwarded-For, as if through one proxy (tests/e2e/support.ts).
        TRUST_PROXY: '1',
        HOST: '127.0.0.1',
        PORT: String(port),
        PUBLIC_URL: baseUrl,
        DATA_DIR: path.join(tempDir, 'data'),
        DATABASE_URL: '',
        DEMO: '1',
        LOG_LEVEL: 'warn',
        SMTP_URL: `smtp://127.0.0.1:${smtp.port}`,
        SECRET_KEY: '',
      },
      baseUrl,
    );
    project.provide('baseUrl', baseUrl);
    project.provide('mailDir', mailDir);
    project.provide('chromiumPath', chromiumPath);
  } catch (err) {
    await teardown();
    throw err;
  }
  return teardown;
}
