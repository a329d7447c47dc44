import Bottleneck from 'bottleneck';

/** Teams limits: at most N messages per second per conversation and M per second per tenant. */
export interface RateLimits {
  readonly perConversation: number;
  readonly perTenant: number;
}

/** What a send waits on before it goes out. */
export interface SendGate {
  /** Resolves when a send to this conversation (in this tenant) is allowed under every limit. */
  acquire(conversationId: string, tenantId: string): Promise<void>;
}

/** Sends are spaced when they leave; the service counts them when they arrive. A little margin keeps us under its limit. */
const WINDOW_MS = 1020;
/** A conversation's (or tenant's) limiter is dropped after this long without a send, so keys do not pile up. */
const IDLE_EXPIRY_MS = 5 * 60_000;

/**
 * The Teams rate limits with `bottleneck`: a Group of limiters keyed by conversation and one
 * keyed by tenant, each spacing sends evenly (`minTime`) so no one-second window holds more
 * than the limit; idle keys expire (`timeout`).
 */
export class RateLimiter implements SendGate {
  private readonly conversations: Bottleneck.Group;
  private readonly tenants: Bottleneck.Group;

  constructor(limits: RateLimits) {
    this.conversations = new Bottleneck.Group({ maxConcurrent: null, minTime: Math.ceil(WINDOW_MS / limits.perConversation), timeout: IDLE_EXPIRY_MS });
    this.tenants = new Bottleneck.Group({ maxConcurrent: null, minTime: Math.ceil(WINDOW_MS / limits.perTenant), timeout: IDLE_EXPIRY_MS });
  }

  async acquire(conversationId: string, tenantId: string): Promise<void> {
    // The conversation's turn first, then the tenant's: the send leaves when both allow it.
    await this.conversations.key(conversationId).schedule(() => this.tenants.key(tenantId).schedule(() => Promise.resolve()));
  }

  /** How many conversation limiters are alive (idle ones expire). */
  conversationKeys(): number {
    return this.conversations.keys().length;
  }
}
