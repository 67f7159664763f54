import { spawn } from 'node:child_process';

export type CliRun = { code: number | null; signal: NodeJS.Signals | null; stdout: string; stderr: string };

/**
 * Runs the real `ortaq` command with extra environment variables. `killWhen`, polled every
 * 100 ms while it runs, decides when to end it with SIGKILL (for crash tests).
 */
export function runOrtaq(args: string[], env: Record<string, string>, killWhen?: () => Promise<boolean>): Promise<CliRun> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['bin/ortaq.js', ...args], { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    let exited = false;
    child.stdout.on('data', (d: Buffer) => {
      stdout += d.toString();
    });
    child.stderr.on('data', (d: Buffer) => {
      stderr += d.toString();
    });
    const poll = async () => {
      while (killWhen && !exited) {
        if (await killWhen().catch(() => false)) child.kill('SIGKILL');
        await new Promise((r) => setTimeout(r, 100));
      }
    };
    void poll();
    child.on('exit', (code, signal) => {
      exited = true;
      resolve({ code, signal, stdout, stderr });
    });
  });
}
