import type { MessageSender, SendOutcome } from '../../src/app/ports';
import type { ConversationRef } from '../../src/domain/conversation';
import { deliver, TIMED_OUT } from '../../src/scheduler/delivery';
import { RateLimiter } from '../../src/scheduler/rateLimiter';

const ref: ConversationRef = {
  channelId: 'msteams',
  serviceUrl: 'http://connector.invalid',
  tenantId: 'tenant',
  conversationId: 'a:1',
  conversationType: 'personal',
  botId: '28:bot',
  botName: 'Samverkansboten',
  userAadObjectId: null,
  teamId: null,
};
const open = { acquire: () => Promise.resolve(() => undefined) };
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
    const r = await deliver(
      ref,
      { text: 'hej' },
      { sender, limiter: open, sleep: recordWait(waits), random: () => 1, policy: { maxAttempts: 5, baseDelayMs: 100, maxDelayMs: 1_000 } },
    );
    expect(r).toEqual({ ok: true, activityId: 'act-1' });
    expect(calls).toEqual([1, 2, 3]);
    expect(waits).toEqual([100, 200]);
  });

  it('waits Retry-After on 429 and reports the last status after the bounded number of attempts', async () => {
    const { sender, calls } = scripted(failure(429, 2), failure(502));
    const waits: number[] = [];
    const r = await deliver(
      ref,
      { text: 'hej' },
      { sender, limiter: open, sleep: recordWait(waits), random: () => 0, policy: { maxAttempts: 3, baseDelayMs: 100, maxDelayMs: 1_000 } },
    );
    expect(r).toEqual({ ok: false, status: 502, attempts: 3, reason: 'HTTP 502' });
    expect(calls).toEqual([1, 2, 3]);
    expect(waits).toEqual([2_000, 100]);
  });

  it('does not retry 500, and stops before sending when the guard says the claim is no longer ours', async () => {
    const { sender, calls } = scripted(failure(500));
    expect(await deliver(ref, { text: 'hej' }, { sender, limiter: open, sleep: noWait })).toEqual({ ok: false, status: 500, attempts: 1, reason: 'HTTP 500' });
    expect(await deliver(ref, { text: 'hej' }, { sender, limiter: open, sleep: noWait, guard: () => Promise.resolve(false) })).toEqual({
      ok: false,
      status: -1,
      attempts: 0,
      reason: 'not owner',
    });
    expect(calls).toEqual([1]);
  });
});

describe('RateLimiter (bottleneck)', () => {
  /** A hold the test ends by hand: a slot is free again only when its window is released. */
  const windows = () => {
    const open: (() => void)[] = [];
    return { hold: () => new Promise<void>((r) => open.push(r)), releaseAll: () => open.splice(0).forEach((r) => r()) };
  };
  /** Whether the acquire has gone through within 50 ms (bottleneck schedules in a few ms). */
  const settled = async (p: Promise<unknown>) => Promise.race([p.then(() => true), new Promise<boolean>((r) => setTimeout(() => r(false), 50))]);
  /** Takes a slot and sends at once. */
  const send = async (limiter: RateLimiter, conversation: string, tenant: string) => (await limiter.acquire(conversation, tenant))();

  it('lets N sends to one conversation go at once, holds the next until a window ends, and does not hold another conversation', async () => {
    const w = windows();
    const limiter = new RateLimiter({ perConversation: 2, perTenant: 100 }, w.hold);
    await send(limiter, 'a:1', 'tenant');
    await send(limiter, 'a:1', 'tenant');
    const third = send(limiter, 'a:1', 'tenant');
    expect(await settled(third)).toBe(false);
    await send(limiter, 'a:2', 'tenant');
    w.releaseAll(); // the windows of the sends so far end
    await third; // goes through now (a test that hangs here fails on jest's timeout)
    expect(limiter.conversationKeys()).toBe(2);
  });

  it('holds sends beyond the tenant limit across conversations', async () => {
    const w = windows();
    const limiter = new RateLimiter({ perConversation: 7, perTenant: 2 }, w.hold);
    await send(limiter, 'a:1', 'tenant');
    await send(limiter, 'a:2', 'tenant');
    const third = send(limiter, 'a:3', 'tenant');
    expect(await settled(third)).toBe(false);
    await send(limiter, 'a:4', 'other-tenant'); // another tenant is not held
  });
});
