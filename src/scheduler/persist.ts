import pRetry from 'p-retry';
import { describeError, type Logger } from '../logger';

/** The storage stayed down through every retry of a write: the sweep stops and leaves the rest for the next one. */
export class StorageDown extends Error {}

/**
 * A storage write, retried with backoff by `p-retry` (a brief outage is waited out; the wait
 * goes through `sleep`, so tests inject it); StorageDown when it stays down.
 */
export async function persist<T>(deps: { readonly logger: Logger; readonly sleep?: (ms: number) => Promise<void> }, attempts: number, op: () => Promise<T>): Promise<T> {
  const sleep = deps.sleep ?? ((ms: number) => new Promise<void>((r) => setTimeout(r, ms)));
  try {
    return await pRetry(
      async () => {
        try {
          return await op();
        } catch (e) {
          // p-retry retries Errors only; a storage SDK error always is one, but be safe.
          throw e instanceof Error ? e : new Error(String(e));
        }
      },
      {
        retries: Math.max(0, attempts - 1),
        minTimeout: 0,
        maxTimeout: 0,
        factor: 1,
        randomize: false,
        onFailedAttempt: async (e) => {
          if (e.retriesLeft > 0) await sleep(Math.min(5_000, 200 * 2 ** (e.attemptNumber - 1)));
        },
      },
    );
  } catch (e) {
    deps.logger.warn('reminders.storage-write-failed', describeError(e));
    throw new StorageDown('storage unavailable');
  }
}
