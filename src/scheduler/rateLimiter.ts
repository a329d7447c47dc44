/**
 * Sliding-window rate limits for Teams: at most N messages per second per conversation and
 * M per second per tenant. `acquire` waits until a send is allowed under every key.
 */
export interface RateLimits {
  readonly perConversation: number;
  readonly perTenant: number;
}

/** Sends are counted when they leave; the service counts them when they arrive. A little margin keeps us under its limit. */
const WINDOW_MS = 1020;

export class RateLimiter {
  private readonly windows = new Map<string, number[]>();

  constructor(
    private readonly limits: RateLimits,
    private readonly now: () => number = () => performance.now(),
    private readonly sleep: (ms: number) => Promise<void> = (ms) => new Promise((r) => setTimeout(r, ms)),
  ) {}

  async acquire(conversationId: string, tenantId: string): Promise<void> {
    const keys: [string, number][] = [
      [`c:${conversationId}`, this.limits.perConversation],
      [`t:${tenantId}`, this.limits.perTenant],
    ];
    for (;;) {
      const t = this.now();
      let wait = 0;
      for (const [key, limit] of keys) {
        const w = (this.windows.get(key) ?? []).filter((x) => t - x < WINDOW_MS);
        this.windows.set(key, w);
        if (w.length >= limit) wait = Math.max(wait, w[0]! + WINDOW_MS - t);
      }
      if (wait <= 0) {
        for (const [key] of keys) this.windows.get(key)!.push(t);
        return;
      }
      await this.sleep(Math.ceil(wait));
    }
  }
}
