// Links the entries waiting in audit_pending into the hash chain, a batch per transaction. Reads and
// changes only append to audit_pending, so they never wait on the chain's head; the chainer takes
// the head's lock once per batch. The server runs it every second (startChainer); audit verify,
// export and anchor run it before they read, so what they see includes everything recorded so far.
import type { Database, Queryable } from '../store/database.ts';
import { chainPendingBatch } from '../store/repos/audit.ts';

/** Entries chained per transaction: the head stays locked for one batch's hashing and inserts. */
export const chainBatch = 2000;

/** Chains every pending entry committed so far; returns how many it chained. */
export async function chainPending(db: Queryable): Promise<number> {
  let total = 0;
  for (;;) {
    const n = await chainPendingBatch(db, chainBatch);
    total += n;
    if (n < chainBatch) return total;
  }
}

export interface Chainer {
  /** Stops the timer, waits for a run in progress, and chains what is left. */
  stop(): Promise<void>;
}

/**
 * Chains pending entries now and then every `intervalMs`, until stopped. A failed run (the database
 * gone for a moment) is reported and retried at the next tick: the entries stay pending, not lost.
 */
export function startChainer(db: Database, intervalMs: number, onError: (error: Error) => void): Chainer {
  let running: Promise<void> = Promise.resolve();
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  const tick = () => {
    running = chainPending(db)
      .then(
        () => undefined,
        (error: Error) => onError(error),
      )
      .finally(() => {
        if (!stopped) timer = setTimeout(tick, intervalMs).unref();
      });
  };
  tick();
  return {
    async stop() {
      stopped = true;
      clearTimeout(timer);
      await running;
      await chainPending(db).catch(onError);
    },
  };
}
