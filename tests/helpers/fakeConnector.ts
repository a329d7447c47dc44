import http from 'node:http';
import type { AddressInfo } from 'node:net';

/** One activity the bot sent to the connector: a reply or a proactive message. */
export interface Sent {
  readonly conversationId: string;
  readonly replyToId: string | null;
  readonly activity: {
    type: string;
    text?: string;
    attachments?: { contentType: string; content: Record<string, unknown> }[];
    [k: string]: unknown;
  };
}

export interface RosterMember {
  id: string;
  aadObjectId: string;
  name: string;
  email?: string;
  userPrincipalName?: string;
}

/**
 * A local stand-in for the Bot Framework connector (the `serviceUrl` of an activity): records
 * every reply and proactive message, creates conversations and answers roster requests.
 */
export class FakeConnector {
  readonly sent: Sent[] = [];
  readonly created: Record<string, unknown>[] = [];
  /** Messages the bot replaced in place (PUT), e.g. a revised agenda card. */
  readonly updated: Sent[] = [];
  roster: RosterMember[] = [];
  /** Every POST of an activity, with when it arrived and what was answered. */
  readonly attempts: { conversationId: string; at: number; status: number }[] = [];
  private readonly scripted = new Map<string, { status: number; headers?: Record<string, string> }[]>();
  private readonly scriptedUpdates = new Map<string, number[]>();
  /** Every PUT of an activity (an update in place), with what was answered. */
  readonly updateAttempts: { conversationId: string; activityId: string; status: number }[] = [];
  private server: http.Server | null = null;
  private counter = 0;

  get url(): string {
    const addr = this.server?.address() as AddressInfo;
    return `http://127.0.0.1:${addr.port}/_connector`;
  }

  async start(): Promise<void> {
    this.server = http.createServer((req, res) => void this.handle(req, res));
    await new Promise<void>((r) => this.server!.listen(0, '127.0.0.1', () => r()));
  }

  async stop(): Promise<void> {
    await new Promise<void>((r) => (this.server ? this.server.close(() => r()) : r()));
  }

  clear(): void {
    this.sent.length = 0;
    this.updated.length = 0;
    this.created.length = 0;
    this.attempts.length = 0;
    this.updateAttempts.length = 0;
  }

  /** The next sends to a conversation get these responses (e.g. 429 with Retry-After, 403), in order. */
  script(conversationId: string, responses: { status: number; headers?: Record<string, string> }[]): void {
    this.scripted.set(conversationId, [...(this.scripted.get(conversationId) ?? []), ...responses]);
  }

  /** The next updates in place (PUT) in a conversation get these statuses (e.g. 404 for a deleted card), in order. */
  scriptUpdates(conversationId: string, statuses: number[]): void {
    this.scriptedUpdates.set(conversationId, [...(this.scriptedUpdates.get(conversationId) ?? []), ...statuses]);
  }

  /** Texts of the messages sent, in order (cards without text are not counted; see `cards`). */
  texts(): string[] {
    return this.sent.filter((s) => s.activity.type === 'message' && !(s.activity.attachments?.length && !s.activity.text)).map((s) => s.activity.text ?? '');
  }

  /** Adaptive Cards sent, in order. */
  cards(): Record<string, unknown>[] {
    return this.sent.flatMap((s) => (s.activity.attachments ?? []).filter((a) => a.contentType === 'application/vnd.microsoft.card.adaptive').map((a) => a.content));
  }

  private async handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const body = await new Promise<string>((resolve) => {
      // Decoded once at the end: a chunk boundary can fall inside a multi-byte character (å, ö).
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    });
    const url = decodeURIComponent((req.url ?? '').replace(/^\/_connector/, ''));
    const json = (status: number, value: unknown) => {
      res.writeHead(status, { 'content-type': 'application/json' });
      res.end(JSON.stringify(value));
    };
    const activityMatch = /^\/v3\/conversations\/([^/]+)\/activities(?:\/([^/]+))?$/.exec(url);
    if (req.method === 'POST' && activityMatch) {
      const scripted = this.scripted.get(activityMatch[1])?.shift();
      this.attempts.push({ conversationId: activityMatch[1], at: Date.now(), status: scripted?.status ?? 200 });
      if (scripted !== undefined) {
        res.writeHead(scripted.status, { 'content-type': 'application/json', ...(scripted.headers ?? {}) });
        res.end(JSON.stringify({ error: { code: 'Scripted', message: `scripted ${scripted.status}` } }));
        return;
      }
      this.sent.push({ conversationId: activityMatch[1], replyToId: activityMatch.at(2) ?? null, activity: JSON.parse(body) as Sent['activity'] });
      json(200, { id: `sent-${++this.counter}` });
      return;
    }
    if (req.method === 'PUT' && activityMatch) {
      const status = this.scriptedUpdates.get(activityMatch[1])?.shift();
      this.updateAttempts.push({ conversationId: activityMatch[1], activityId: activityMatch.at(2) ?? '', status: status ?? 200 });
      if (status !== undefined) {
        json(status, { error: { code: 'Scripted', message: `scripted ${status}` } });
        return;
      }
      this.updated.push({ conversationId: activityMatch[1], replyToId: activityMatch.at(2) ?? null, activity: JSON.parse(body) as Sent['activity'] });
      json(200, { id: activityMatch[2] });
      return;
    }
    if (req.method === 'POST' && url === '/v3/conversations') {
      this.created.push(JSON.parse(body) as Record<string, unknown>);
      json(200, { id: `created-${++this.counter}`, activityId: `sent-${this.counter}` });
      return;
    }
    if (req.method === 'GET' && /^\/v3\/conversations\/[^/]+\/pagedmembers/.test(url)) {
      json(200, { members: this.roster });
      return;
    }
    if (req.method === 'GET' && /^\/v3\/conversations\/[^/]+\/members$/.test(url)) {
      json(200, this.roster);
      return;
    }
    json(404, { error: { code: 'NotFound', message: `fake connector: ${req.method} ${url}` } });
  }
}
