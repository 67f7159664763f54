/**
 * The server's idea of now. Deadlines are decided by it, never by the browser. In production it
 * is the system clock; with TEST_CLOCK=1 (refused in production) it can be moved forward, so the
 * browser tests can let a deadline pass without waiting for it.
 */
export type Clock = {
  now(): Date;
  /** Present only on a movable clock. */
  setOffset?(ms: number): void;
};

export const systemClock: Clock = { now: () => new Date() };

export function movableClock(): Clock {
  let offset = 0;
  return {
    now: () => new Date(Date.now() + offset),
    setOffset: (ms) => {
      offset = ms;
    },
  };
}
