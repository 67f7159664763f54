import Fastify from 'fastify';
import { describe, expect, it } from 'vitest';
import { runningHandlers } from './running-handlers.ts';

describe('closing while handlers run', () => {
  it('waits for a handler whose client has left before the close hooks go on', async () => {
    const app = Fastify();
    const handlers = runningHandlers(app);
    const events: string[] = [];
    let release!: () => void;
    const gate = new Promise<void>((resolve) => {
      release = resolve;
    });
    let started!: () => void;
    const handlerStarted = new Promise<void>((resolve) => {
      started = resolve;
    });
    app.get('/slow', async () => {
      started();
      await gate;
      events.push('handler done');
      return { ok: true };
    });
    app.addHook('onClose', async () => {
      await handlers.settled(10_000);
      events.push('database closed');
    });
    await app.listen({ port: 0, host: '127.0.0.1' });
    const { port } = app.server.address() as { port: number };

    const client = new AbortController();
    const request = fetch(`http://127.0.0.1:${port}/slow`, { signal: client.signal }).catch(() => 'aborted');
    await handlerStarted;
    client.abort();
    expect(await request).toBe('aborted');

    const closed = app.close().then(() => events.push('closed'));
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(events).toEqual([]);
    release();
    await closed;
    expect(events).toEqual(['handler done', 'database closed', 'closed']);
  });

  it('stops waiting after the time it is given, for a handler that never ends', async () => {
    const app = Fastify();
    const handlers = runningHandlers(app);
    let started!: () => void;
    const handlerStarted = new Promise<void>((resolve) => {
      started = resolve;
    });
    let finished = false;
    app.get('/stuck', async () => {
      started();
      await new Promise(() => {});
      finished = true;
    });
    await app.ready();
    void app.inject('/stuck');
    await handlerStarted;
    await handlers.settled(100);
    expect(finished).toBe(false);
  });
});
