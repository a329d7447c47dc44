import type { ConversationRef } from '../domain/conversation';
import { SendError, type ProactiveMessage, type ProactiveSender } from '../teams/proactive';
import type { RateLimiter } from './rateLimiter';

/** Statuses worth retrying: the service asked us to slow down or was briefly unavailable. */
const RETRYABLE = new Set([412, 429, 502, 503, 504]);
/** Statuses that mean the conversation cannot be reached (bot removed, user blocked it, gone). */
export const UNREACHABLE = new Set([403, 404]);

/** Not sent: the claim or the sweep's lease was no longer ours right before the send. */
export const NOT_OWNER = -1;

export type DeliveryResult = { readonly ok: true; readonly activityId: string } | { readonly ok: false; readonly status: number; readonly attempts: number };

export interface RetryPolicy {
  readonly maxAttempts: number;
  readonly baseDelayMs: number;
  readonly maxDelayMs: number;
}

export const defaultRetryPolicy: RetryPolicy = { maxAttempts: 5, baseDelayMs: 500, maxDelayMs: 30_000 };

/**
 * Sends one message within the rate limits, retrying only 412, 429 (after Retry-After),
 * 502, 503 and 504 with jittered exponential backoff, a bounded number of times.
 */
export async function deliver(
  ref: ConversationRef,
  message: ProactiveMessage,
  deps: {
    sender: ProactiveSender;
    limiter: RateLimiter;
    policy?: RetryPolicy;
    sleep?: (ms: number) => Promise<void>;
    random?: () => number;
    /** Called after the rate limiter lets a try through and right before it is sent: false stops (status NOT_OWNER). */
    guard?: (attempt: number) => Promise<boolean>;
    /** Called after a failed try, before waiting to retry it (nothing is on the wire meanwhile). */
    beforeRetry?: () => Promise<void>;
  },
): Promise<DeliveryResult> {
  const policy = deps.policy ?? defaultRetryPolicy;
  const sleep = deps.sleep ?? ((ms: number) => new Promise<void>((r) => setTimeout(r, ms)));
  const random = deps.random ?? Math.random;
  for (let attempt = 1; ; attempt++) {
    await deps.limiter.acquire(ref.conversationId, ref.tenantId);
    if (deps.guard !== undefined && !(await deps.guard(attempt))) return { ok: false, status: NOT_OWNER, attempts: attempt - 1 };
    try {
      return { ok: true, activityId: (await deps.sender.send(ref, message)) ?? '' };
    } catch (e) {
      if (!(e instanceof SendError)) throw e;
      if (!RETRYABLE.has(e.status) || attempt >= policy.maxAttempts) return { ok: false, status: e.status, attempts: attempt };
      const backoff = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (attempt - 1));
      const jittered = backoff / 2 + random() * (backoff / 2);
      // Retry-After is honoured as given (bounded, so a bad header cannot stall the sweep for long).
      if (deps.beforeRetry !== undefined) await deps.beforeRetry();
      const wait = e.status === 429 && e.retryAfterSeconds !== null ? Math.min(Math.max(e.retryAfterSeconds * 1000, jittered), 120_000) : jittered;
      await sleep(wait);
    }
  }
}
