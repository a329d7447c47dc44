import type { MessageSender, SendOutcome } from '../../src/app/ports';
import type { ConversationRef } from '../../src/domain/conversation';
import { deliver, TIMED_OUT } from '../../src/scheduler/delivery';
import { RateLimiter } from '../../src/scheduler/rateLimiter';

const ref: ConversationRef = {
  channelId: 'msteams', serviceUrl: 'http://connector.invalid', tenantId: 'tenant', conversationId: 'a:1', conversationType: 'personal',
  botId: '28:bot', botName: 'Samverkansboten', userAadObjectId: null, teamId: null,
};
const open = { acquire: () => Promise.resolve() };
const noWait = () => Promise.resolve();
const recordWait = (waits: number[]) => (ms: number) => {
  waits.push(ms);
  return Promise.resolve();
};

/** A sender that answers with the given outcomes in turn and counts its calls. */
const scripted = (...outcomes: SendOutcome[]) => {
  const calls: number[] = [];
  const sender: MessageSender = {
    trySend: () => {
      calls.push(calls.length + 1);
      return Promise.resolve(outcomes[Math.min(calls.length - 1, outcomes.length - 1)] ?? failure(0));
    },
  };
  return { sender, calls };
};
const failure = (status: number, retryAfterSeconds: number | null = null): SendOutcome => ({ ok: false, status, retryAfterSeconds, reason: `HTTP ${status}` });

describe('deliver: one message, retried with p-retry', () => {
  it('gives up a send the connector never answers after the timeout, without retrying it (it may have arrived)', async () => {
    let calls = 0;
    const hung: MessageSender = {
      trySend: () => {
        calls += 1;
        return new Promise<SendOutcome>(() => undefined);
      },
    };
    const r = await deliver(ref, { text: 'hej' }, { sender: hung, limiter: open, sleep: noWait, timeoutMs: 20 });
    expect(r).toEqual({ ok: false, status: TIMED_OUT, attempts: 1, reason: 'no answer within 20 ms' });
    expect(calls).toBe(1);
  });

  it('retries 503 until it goes through, waiting the jittered backoff before each retry', async () => {
    const { sender, calls } = scripted(failure(503), failure(503), { ok: true, activityId: 'act-1' });
    const waits: number[] = [];
    const r = await deliver(ref, { text: 'hej' }, { sender, limiter: open, sleep: recordWait(waits), random: () => 1, policy: { maxAttempts: 5, baseDelayMs: 100, maxDelayMs: 1_000 } });
    expect(r).toEqual({ ok: true, activityId: 'act-1' });
    expect(calls).toEqual([1, 2, 3]);
    expect(waits).toEqual([100, 200]);
  });

  it('waits Retry-After on 429 and reports the last status after the bounded number of attempts', async () => {
    const { sender, calls } = scripted(failure(429, 2), failure(502));
    const waits: number[] = [];
    const r = await deliver(ref, { text: 'hej' }, { sender, limiter: open, sleep: recordWait(waits), random: () => 0, policy: { maxAttempts: 3, baseDelayMs: 100, maxDelayMs: 1_000 } });
    expect(r).toEqual({ ok: false, status: 502, attempts: 3, reason: 'HTTP 502' });
    expect(calls).toEqual([1, 2, 3]);
    expect(waits).toEqual([2_000, 100]);
  });

  it('does not retry 500, and stops before sending when the guard says the claim is no longer ours', async () => {
    const { sender, calls } = scripted(failure(500));
    expect(await deliver(ref, { text: 'hej' }, { sender, limiter: open, sleep: noWait })).toEqual({ ok: false, status: 500, attempts: 1, reason: 'HTTP 500' });
    expect(await deliver(ref, { text: 'hej' }, { sender, limiter: open, sleep: noWait, guard: () => Promise.resolve(false) })).toEqual({ ok: false, status: -1, attempts: 0, reason: 'not owner' });
    expect(calls).toEqual([1]);
  });
});

describe('RateLimiter (bottleneck)', () => {
  it('spaces sends to one conversation to its limit per second, while another conversation goes at once', async () => {
    const limiter = new RateLimiter({ perConversation: 4, perTenant: 1_000 });
    const t0 = performance.now();
    for (let i = 0; i < 3; i++) await limiter.acquire('a:1', 'tenant');
    const oneConversation = performance.now() - t0;
    const t1 = performance.now();
    await limiter.acquire('a:2', 'tenant');
    // 4 per second: at least 255 ms between two sends to a:1 (1020 ms / 4); a:2 waits for no one.
    expect(oneConversation).toBeGreaterThanOrEqual(2 * 255 - 5);
    expect(performance.now() - t1).toBeLessThan(255);
    expect(limiter.conversationKeys()).toBe(2);
  });
});
