import http from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A stand-in for the Bot Framework connector that ENFORCES the Teams rate limits, for the
 * sweep benchmark: POST {prefix}/v3/conversations/:id/activities is accepted only while the
 * conversation (default 7 messages per sliding second) and the tenant (configurable) are
 * under their limits; otherwise it answers 429 with `Retry-After: 1`, like Teams does.
 * A rejected attempt does not count towards the window. Every accepted message is recorded
 * with the reminder identity read from the card's action data, and every 429 is recorded.
 */
export interface ConnectorLimits {
  /** Messages per sliding 1-second window per conversation (Teams: 7). */
  readonly perConversation: number;
  /** Messages per sliding 1-second window per tenant. */
  readonly perTenant: number;
}

export interface AcceptedMessage {
  readonly conversationId: string;
  readonly tenantId: string;
  /** `performance.now()` when the connector accepted it. */
  readonly at: number;
  /** From the card's first Action.Submit data; null when the message carried no such card. */
  readonly reminder: { readonly org: string; readonly group: string; readonly occurrence: string } | null;
  /** Users @mentioned (channel fallback), by AAD object id. */
  readonly mentioned: readonly string[];
}

export interface Throttled {
  readonly conversationId: string;
  /** The reminder the refused message carried (as for accepted messages). */
  readonly reminder: AcceptedMessage['reminder'];
  readonly tenantId: string;
  readonly at: number;
  readonly limit: 'conversation' | 'tenant';
}

interface PostedActivity {
  conversation?: { tenantId?: string };
  channelData?: { tenant?: { id?: string } };
  attachments?: { contentType?: string; content?: { actions?: { data?: Record<string, unknown> }[] } }[];
  entities?: { type?: string; mentioned?: { id?: string } }[];
}

const WINDOW_MS = 1000;

export class FakeTeamsConnector {
  readonly accepted: AcceptedMessage[] = [];
  readonly throttled: Throttled[] = [];
  /** Requests the connector could not parse or route (should stay 0). */
  readonly rejected: { method: string; url: string; status: number }[] = [];
  private readonly windows = new Map<string, number[]>();
  private server: http.Server | null = null;
  private counter = 0;
  /** Fault bench: every answer comes this much later (the message counts as accepted on arrival). */
  delayMs = 0;
  /** Fault bench: while set, every message is refused with this status (not accepted). */
  failStatus: number | null = null;
  /** Fault bench: messages refused because of `failStatus`. */
  failed = 0;

  constructor(
    readonly limits: ConnectorLimits,
    private readonly now: () => number = () => performance.now(),
  ) {}

  /** The service URL to store in conversation references. */
  get url(): string {
    const addr = this.server?.address() as AddressInfo | null;
    if (!addr) throw new Error('fake connector not started');
    return `http://127.0.0.1:${addr.port}/`;
  }

  async start(): Promise<void> {
    this.server = http.createServer((req, res) => this.handle(req, res));
    this.server.keepAliveTimeout = 30_000;
    await new Promise<void>((r) => this.server!.listen(0, '127.0.0.1', () => r()));
  }

  async stop(): Promise<void> {
    const s = this.server;
    this.server = null;
    if (s === null) return;
    s.closeAllConnections();
    await new Promise<void>((r) => s.close(() => r()));
  }

  clear(): void {
    this.accepted.length = 0;
    this.throttled.length = 0;
    this.rejected.length = 0;
    this.windows.clear();
  }

  /** The most messages accepted within any 1-second sliding window, overall (one tenant) and per conversation. */
  peakPerWindow(): { tenant: number; conversation: number } {
    const peak = (times: number[]) => {
      const t = [...times].sort((a, b) => a - b);
      let best = 0;
      for (let i = 0, j = 0; i < t.length; i++) {
        while (t[i] - t[j] >= WINDOW_MS) j++;
        best = Math.max(best, i - j + 1);
      }
      return best;
    };
    const byTenant = new Map<string, number[]>();
    const byConversation = new Map<string, number[]>();
    for (const m of this.accepted) {
      byTenant.set(m.tenantId, [...(byTenant.get(m.tenantId) ?? []), m.at]);
      const c = byConversation.get(m.conversationId);
      if (c === undefined) byConversation.set(m.conversationId, [m.at]);
      else c.push(m.at);
    }
    return {
      tenant: Math.max(0, ...[...byTenant.values()].map(peak)),
      conversation: Math.max(0, ...[...byConversation.values()].map(peak)),
    };
  }

  /** True (and counted) when a send is allowed now under both windows; a refused attempt counts in neither. */
  private admit(conversationId: string, tenantId: string, t: number): 'ok' | 'conversation' | 'tenant' {
    const keys: [string, number, 'conversation' | 'tenant'][] = [
      [`c:${conversationId}`, this.limits.perConversation, 'conversation'],
      [`t:${tenantId}`, this.limits.perTenant, 'tenant'],
    ];
    for (const [key, limit, which] of keys) {
      const w = this.windows.get(key) ?? [];
      let drop = 0;
      while (drop < w.length && t - w[drop] >= WINDOW_MS) drop++;
      if (drop > 0) w.splice(0, drop);
      this.windows.set(key, w);
      if (w.length >= limit) return which;
    }
    for (const [key] of keys) this.windows.get(key)!.push(t);
    return 'ok';
  }

  private handle(req: http.IncomingMessage, res: http.ServerResponse): void {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const url = req.url ?? '';
      const json = (status: number, value: unknown, headers: Record<string, string> = {}) => {
        res.writeHead(status, { 'content-type': 'application/json', ...headers });
        res.end(JSON.stringify(value));
      };
      const match = /\/v3\/conversations\/([^/?]+)\/activities\/?(?:\?.*)?$/.exec(url);
      if (req.method !== 'POST' || match === null) {
        this.rejected.push({ method: req.method ?? '', url, status: 404 });
        return json(404, { error: { code: 'NotFound', message: `fake Teams connector: ${req.method} ${url}` } });
      }
      // The arrival time is taken before the body is parsed, as close to the wire as we can.
      const t = this.now();
      const conversationId = decodeURIComponent(match[1]);
      let activity: PostedActivity;
      try {
        activity = JSON.parse(Buffer.concat(chunks).toString('utf8')) as PostedActivity;
      } catch {
        this.rejected.push({ method: 'POST', url, status: 400 });
        return json(400, { error: { code: 'BadArgument', message: 'invalid JSON' } });
      }
      const tenantId = activity.channelData?.tenant?.id ?? activity.conversation?.tenantId ?? '';
      if (tenantId === '') {
        this.rejected.push({ method: 'POST', url, status: 400 });
        return json(400, { error: { code: 'BadArgument', message: 'no tenant id' } });
      }
      const data = activity.attachments?.[0]?.content?.actions?.find((a) => a.data !== undefined)?.data;
      const reminder =
        data !== undefined && typeof data.org === 'string' && typeof data.group === 'string' && typeof data.occurrence === 'string'
          ? { org: data.org, group: data.group, occurrence: data.occurrence }
          : null;
      if (this.failStatus !== null) {
        this.failed += 1;
        return json(this.failStatus, { error: { code: 'ServiceError', message: 'fault bench' } });
      }
      const verdict = this.admit(conversationId, tenantId, t);
      if (verdict !== 'ok') {
        this.throttled.push({ conversationId, reminder, tenantId, at: t, limit: verdict });
        return json(429, { error: { code: 'Throttled', message: `too many requests (${verdict})` } }, { 'Retry-After': '1' });
      }
      const mentioned = (activity.entities ?? []).filter((e) => e.type === 'mention').map((e) => e.mentioned?.id ?? '');
      this.accepted.push({ conversationId, tenantId, at: t, reminder, mentioned });
      const id = `bench-${++this.counter}`;
      if (this.delayMs > 0) setTimeout(() => json(200, { id }), this.delayMs);
      else json(200, { id });
    });
  }
}
