import pRetry, { AbortError } from 'p-retry';
import type { MessageSender, ProactiveMessage, SendOutcome } from '../app/ports';
import type { ConversationRef } from '../domain/conversation';
import type { SendGate } from './rateLimiter';

/** Statuses worth retrying: the service asked us to slow down or was briefly unavailable. */
const RETRYABLE = new Set([412, 429, 502, 503, 504]);
/** Statuses that mean the conversation cannot be reached (bot removed, user blocked it, gone). */
export const UNREACHABLE = new Set([403, 404]);

/** Not sent: the claim or the sweep's lease was no longer ours right before the send. */
export const NOT_OWNER = -1;
/** No answer from the connector within the send timeout (the request may still have arrived). */
export const TIMED_OUT = 0;

export type DeliveryResult =
  { readonly ok: true; readonly activityId: string } | { readonly ok: false; readonly status: number; readonly attempts: number; readonly reason: string };

export interface RetryPolicy {
  readonly maxAttempts: number;
  readonly baseDelayMs: number;
  readonly maxDelayMs: number;
}

export const defaultRetryPolicy: RetryPolicy = { maxAttempts: 5, baseDelayMs: 500, maxDelayMs: 30_000 };
/** One connector send that has not answered after this long is given up (a hung connector must not stall the sweep). */
export const DEFAULT_SEND_TIMEOUT_MS = 30_000;

type Failure = Extract<SendOutcome, { ok: false }>;

/** A failed try, as an Error so p-retry can count it. */
class FailedTry extends Error {
  constructor(readonly failure: Failure) {
    super(failure.reason);
  }
}
class NotOwner extends Error {}

/** One send, given up after `timeoutMs` (the timer does not keep the process alive). */
async function sendWithTimeout(sender: MessageSender, ref: ConversationRef, message: ProactiveMessage, timeoutMs: number): Promise<SendOutcome> {
  let timer: NodeJS.Timeout | undefined;
  const timedOut = new Promise<SendOutcome>((resolve) => {
    timer = setTimeout(() => resolve({ ok: false, status: TIMED_OUT, retryAfterSeconds: null, reason: `no answer within ${timeoutMs} ms` }), timeoutMs);
    timer.unref();
  });
  try {
    return await Promise.race([sender.trySend(ref, message), timedOut]);
  } finally {
    clearTimeout(timer);
  }
}

/**
 * Sends one message within the rate limits, retrying (with `p-retry`) only 412, 429 (after
 * Retry-After), 502, 503 and 504 with jittered exponential backoff, a bounded number of times.
 * A send that times out is not retried here: it may have arrived, so the caller records it as
 * failed and a later sweep decides.
 */
export async function deliver(
  ref: ConversationRef,
  message: ProactiveMessage,
  deps: {
    sender: MessageSender;
    limiter: SendGate;
    policy?: RetryPolicy;
    sleep?: (ms: number) => Promise<void>;
    random?: () => number;
    timeoutMs?: number;
    /** Called after the rate limiter lets a try through and right before it is sent: false stops (status NOT_OWNER). */
    guard?: (attempt: number) => Promise<boolean>;
    /** Called after a failed try, before waiting to retry it (nothing is on the wire meanwhile). */
    beforeRetry?: () => Promise<void>;
  },
): Promise<DeliveryResult> {
  const policy = deps.policy ?? defaultRetryPolicy;
  const sleep = deps.sleep ?? ((ms: number) => new Promise<void>((r) => setTimeout(r, ms)));
  const random = deps.random ?? Math.random;
  let attempts = 0;
  let lastFailure: Failure | null = null;
  const tryOnce = async (attempt: number): Promise<string> => {
    const depart = await deps.limiter.acquire(ref.conversationId, ref.tenantId);
    let mine: boolean;
    try {
      mine = deps.guard === undefined || (await deps.guard(attempt));
    } finally {
      depart(); // the request leaves now (or not at all): the rate windows count from here
    }
    if (!mine) throw new AbortError(new NotOwner('not owner'));
    attempts = attempt;
    const r = await sendWithTimeout(deps.sender, ref, message, deps.timeoutMs ?? DEFAULT_SEND_TIMEOUT_MS);
    if (r.ok) return r.activityId;
    lastFailure = r;
    if (!RETRYABLE.has(r.status)) throw new AbortError(new FailedTry(r));
    throw new FailedTry(r);
  };
  // p-retry counts the tries and stops on AbortError; the wait is ours (Retry-After, jitter, an injectable sleep).
  const waitBeforeRetry = async (e: Error & { attemptNumber: number; retriesLeft: number }): Promise<void> => {
    if (!(e instanceof FailedTry) || e.retriesLeft <= 0) return;
    const backoff = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (e.attemptNumber - 1));
    const jittered = backoff / 2 + random() * (backoff / 2);
    if (deps.beforeRetry !== undefined) await deps.beforeRetry();
    // Retry-After is honoured as given (bounded, so a bad header cannot stall the sweep for long).
    const retryAfter = e.failure.status === 429 ? e.failure.retryAfterSeconds : null;
    await sleep(retryAfter !== null ? Math.min(Math.max(retryAfter * 1000, jittered), 120_000) : jittered);
  };
  try {
    const activityId = await pRetry(tryOnce, {
      retries: Math.max(0, policy.maxAttempts - 1),
      minTimeout: 0,
      maxTimeout: 0,
      factor: 1,
      randomize: false,
      onFailedAttempt: waitBeforeRetry,
    });
    return { ok: true, activityId };
  } catch (e) {
    if (e instanceof NotOwner) return { ok: false, status: NOT_OWNER, attempts, reason: 'not owner' };
    // p-retry rejects with its most frequent error; the last one is what counts.
    const last = lastFailure as Failure | null; // set inside tryOnce, which TypeScript's narrowing does not see
    if (e instanceof FailedTry) return { ok: false, status: (last ?? e.failure).status, attempts, reason: (last ?? e.failure).reason };
    throw e;
  }
}
