import pRetry from 'p-retry';

/**
 * A follow-up send after a saved change (updating the channel card, a message to a justerare),
 * tried once more at once if it fails: a second failure is the caller's to report truthfully.
 * `p-retry` counts the tries; there is no wait, the person is waiting for the reply.
 */
export function retryOnce<T>(op: () => Promise<T>): Promise<T> {
  return pRetry(
    async () => {
      try {
        return await op();
      } catch (e) {
        // p-retry retries Errors only.
        throw e instanceof Error ? e : new Error(String(e));
      }
    },
    { retries: 1, minTimeout: 0, maxTimeout: 0, factor: 1, randomize: false },
  );
}
