import diagnostics from 'node:diagnostics_channel';
import type { FastifyInstance, FastifyRequest } from 'fastify';

/** What Fastify publishes on `fastify.request.handler` for each route handler it runs. */
type HandlerRun = { request: FastifyRequest; async: boolean };

const TRACKER = Symbol('running handlers');
type Tracked = FastifyRequest & { [TRACKER]?: Set<HandlerRun> };

const handlerRuns = diagnostics.tracingChannel<HandlerRun, HandlerRun>('fastify.request.handler');
const stop = (run: HandlerRun) => (run.request as Tracked)[TRACKER]?.delete(run);
handlerRuns.subscribe({
  start: (run) => (run.request as Tracked)[TRACKER]?.add(run),
  end: (run) => {
    if (!run.async) stop(run);
  },
  asyncStart: () => {},
  asyncEnd: stop,
  error: () => {},
});

/**
 * The app's route handlers still running. Fastify's `close` waits for open connections, not for
 * handlers whose client has already left; those would then meet a closed database. `settled`
 * answers when none is running, or after `ms` at most.
 */
export function runningHandlers(app: FastifyInstance): { settled(ms: number): Promise<void> } {
  const running = new Set<HandlerRun>();
  app.addHook('onRequest', async (req) => {
    (req as Tracked)[TRACKER] = running;
  });
  return {
    async settled(ms) {
      const until = Date.now() + ms;
      while (running.size > 0 && Date.now() < until) await new Promise((resolve) => setTimeout(resolve, 20));
    },
  };
}
