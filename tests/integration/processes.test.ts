import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/app.ts';
import { loadConfig } from '../../src/config.ts';
import { lockDataDir } from '../../src/core/db/lock.ts';
import { seedDemo } from '../../src/core/demo/seed.ts';
import { TestClient } from '../support/app.ts';
import { engineUnderTest, freshPostgresDatabase } from '../support/database.ts';
import { freePort } from '../support/postgres-server.ts';

function runServer(env: Record<string, string>): Promise<{ code: number | null; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/server.ts'], {
      env: { ...process.env, LOG_LEVEL: 'silent', PORT: '0', ...env },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => {
      stderr += d.toString();
    });
    const timer = setTimeout(() => child.kill('SIGKILL'), 30_000);
    child.on('exit', (code) => {
      clearTimeout(timer);
      resolve({ code, stderr });
    });
  });
}

describe('one process per embedded data folder', () => {
  it('refuses a second process on a folder in use, without writing anything, and names the holder', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ortaq-lock-'));
    const release = lockDataDir(dir);
    try {
      const { code, stderr } = await runServer({ DATA_DIR: dir });
      expect(code).not.toBe(0);
      expect(stderr).toContain(`in use by another Ortaq process (pid ${process.pid})`);
      expect(fs.readdirSync(dir)).toEqual(['ortaq.lock']);
    } finally {
      release();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('takes over the lock of a process that died without releasing it', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ortaq-lock-'));
    const dead = spawn(process.execPath, ['-e', '0']);
    await new Promise((resolve) => dead.on('exit', resolve));
    fs.writeFileSync(path.join(dir, 'ortaq.lock'), String(dead.pid));
    const release = lockDataDir(dir);
    expect(fs.readFileSync(path.join(dir, 'ortaq.lock'), 'utf8')).toBe(String(process.pid));
    release();
    expect(fs.existsSync(path.join(dir, 'ortaq.lock'))).toBe(false);
    fs.rmSync(dir, { recursive: true, force: true });
  });

  // Booting migrates a fresh embedded database; on a busy 2-core machine that alone can take 20 s.
  it('serves until SIGTERM, then finishes cleanly and releases the folder', { timeout: 120_000 }, async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ortaq-term-'));
    const port = await freePort();
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/server.ts'], {
      env: { ...process.env, LOG_LEVEL: 'silent', PORT: String(port), HOST: '127.0.0.1', DATA_DIR: dir, DEMO: '0' },
      stdio: 'ignore',
    });
    const exited = new Promise<number | null>((resolve) => child.on('exit', resolve));
    try {
      let healthy = false;
      for (let i = 0; i < 450 && !healthy; i++) {
        healthy = await fetch(`http://127.0.0.1:${port}/healthz`).then((r) => r.ok, () => false);
        if (!healthy) await new Promise((r) => setTimeout(r, 200));
      }
      expect(healthy).toBe(true);
      expect(fs.readFileSync(path.join(dir, 'ortaq.lock'), 'utf8')).toBe(String(child.pid));
      child.kill('SIGTERM');
      expect(await exited).toBe(0);
      expect(fs.existsSync(path.join(dir, 'ortaq.lock'))).toBe(false);
    } finally {
      child.kill('SIGKILL');
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('stops at boot with the name of a bad configuration variable', async () => {
    const { code, stderr } = await runServer({ DATA_DIR: os.tmpdir(), PORT: 'eighty', DATABASE_URL: 'mysql://x' });
    expect(code).toBe(1);
    expect(stderr).toContain('PORT');
    expect(stderr).toContain('DATABASE_URL: must start with postgres://');
  });
});

describe.runIf(engineUnderTest() === 'postgres')('two app processes on one PostgreSQL server', () => {
  const apps: Awaited<ReturnType<typeof buildApp>>[] = [];
  const dirs: string[] = [];
  beforeAll(async () => {
    const { url } = await freshPostgresDatabase();
    for (let i = 0; i < 2; i++) {
      const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'ortaq-app-'));
      dirs.push(dataDir);
      const config = loadConfig({ NODE_ENV: 'test', DATABASE_URL: url, DATA_DIR: dataDir, LOG_LEVEL: 'silent', PUBLIC_URL: 'http://ortaq.test' });
      apps.push(await buildApp(config, { logger: false }));
    }
    await seedDemo(apps[0]!.ctx);
  });
  afterAll(async () => {
    for (const a of apps) await a.app.close();
    for (const d of dirs) fs.rmSync(d, { recursive: true, force: true });
  });

  it('keeps a session, its CSRF token and its flash message valid across processes', async () => {
    const [a, b] = apps;
    const onA = new TestClient(a!.app, {}, '10.9.0.1');
    await onA.get('/kk/login');
    const login = await onA.post('/kk/login', { email: 'admin@ortaq.kz', password: 'ortaq-demo-2026' });
    expect(login.statusCode).toBe(303);

    const onB = new TestClient(b!.app, {}, '10.9.0.1');
    for (const name of ['ortaq_session', 'ortaq_csrf', 'ortaq_flash']) onB.setCookie(name, onA.cookie(name)!);
    const home = await onB.get('/kk/');
    expect(home.body).toContain('Қош келдіңіз, Ortaq әкімшісі!');
    expect((await onB.get('/kk/admin/outbox')).statusCode).toBe(200);
    const logout = await onB.post('/kk/logout', {});
    expect(logout.statusCode).toBe(303);
    expect((await onA.get('/kk/admin/outbox')).statusCode).toBe(403);
  });

  it('counts failed logins across processes', async () => {
    const [a, b] = apps;
    const onA = new TestClient(a!.app);
    await onA.get('/en/login');
    for (let i = 0; i < 5; i++) await onA.post('/en/login', { email: 'expert@ortaq.kz', password: `wrong ${i}` });
    const onB = new TestClient(b!.app);
    await onB.get('/en/login');
    expect((await onB.post('/en/login', { email: 'expert@ortaq.kz', password: 'ortaq-demo-2026' })).statusCode).toBe(429);
  });
});
