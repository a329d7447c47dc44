import Bottleneck from 'bottleneck';

/** Teams limits: at most N messages per second per conversation and M per second per tenant. */
export interface RateLimits {
  readonly perConversation: number;
  readonly perTenant: number;
}

/** Called once when the request leaves (or is not sent after all): its slots are held for a window from then. */
export type Departure = () => void;

/** What a send waits on before it goes out. */
export interface SendGate {
  /**
   * Resolves when a send to this conversation (in this tenant) is allowed under every limit, with
   * `depart`: call it when the request leaves (or will not), so the window is counted from then.
   */
  acquire(conversationId: string, tenantId: string): Promise<Departure>;
}

/** Sends are counted when they leave; the service counts them when they arrive. A little margin keeps us under its limit. */
const WINDOW_MS = 1020;
/** A conversation's (or tenant's) limiter is dropped after this long without a send, so keys do not pile up. */
const IDLE_EXPIRY_MS = 5 * 60_000;

const wait = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

/**
 * The Teams limits as sliding one-second windows, with `bottleneck`: a Group of limiters keyed
 * by conversation and one keyed by tenant. Each send holds one of the key's N slots
 * (`maxConcurrent`) until a window after it left (work between the grant and the departure,
 * like the claim's move to `sending`, does not eat into the window), so no window holds more than N
 * sends, while up to N go at once (a chair with several reminders is not slowed to one per
 * 1/N s). Idle keys expire (`timeout`).
 */
export class RateLimiter implements SendGate {
  private readonly conversations: Bottleneck.Group;
  private readonly tenants: Bottleneck.Group;

  /** `hold` keeps a slot taken for one window (injected in tests). */
  constructor(
    limits: RateLimits,
    private readonly hold: () => Promise<void> = () => wait(WINDOW_MS),
  ) {
    this.conversations = new Bottleneck.Group({ maxConcurrent: limits.perConversation, timeout: IDLE_EXPIRY_MS });
    this.tenants = new Bottleneck.Group({ maxConcurrent: limits.perTenant, timeout: IDLE_EXPIRY_MS });
  }

  /** Resolves once the send has a slot of its conversation and of its tenant; each is held until a window after `depart`. */
  acquire(conversationId: string, tenantId: string): Promise<Departure> {
    let depart: Departure = () => undefined;
    const departed = new Promise<void>((r) => (depart = r));
    const window = departed.then(() => this.hold());
    return new Promise<Departure>((granted) => {
      void this.conversations.key(conversationId).schedule(async () => {
        await new Promise<void>((tenantGranted) => {
          void this.tenants.key(tenantId).schedule(async () => {
            tenantGranted();
            await window;
          });
        });
        granted(depart);
        await window;
      });
    });
  }

  /** How many conversation limiters are alive (idle ones expire). */
  conversationKeys(): number {
    return this.conversations.keys().length;
  }
}
