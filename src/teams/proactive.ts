import { CardFactory, MessageFactory, type Activity } from 'botbuilder';
import { AuthenticationConstants, ClaimsIdentity, type BotFrameworkAuthentication, type ConnectorClient } from 'botframework-connector';
import type { MessageSender, ProactiveMessage, SendOutcome } from '../app/ports';
import { mentionName } from '../cards/escape';
import type { ConversationRef } from '../domain/conversation';

export type { Mention, ProactiveMessage } from '../app/ports';

/** A failed send, with the HTTP status and Retry-After (seconds) the connector gave. */
export class SendError extends Error {
  constructor(
    readonly status: number,
    readonly retryAfterSeconds: number | null,
    message: string,
  ) {
    super(message);
    this.name = 'SendError';
  }
}

/**
 * The one proactive sender: reminders and notices go through it to a stored conversation.
 * It talks to the connector without the SDK's own retries, so the caller decides what is
 * retried (412, 429, 502–504) and how often; errors come back as `SendError`.
 */
export class ProactiveSender implements MessageSender {
  private readonly clients = new Map<string, Promise<ConnectorClient>>();

  constructor(
    private readonly auth: BotFrameworkAuthentication,
    private readonly botAppId: string,
  ) {}

  /** Sends one message as a new post in the conversation; returns the new activity id. */
  async send(ref: ConversationRef, message: ProactiveMessage): Promise<string | undefined> {
    const client = await this.client(ref.serviceUrl);
    const activity = toActivity(message);
    activity.conversation = {
      id: ref.conversationId,
      isGroup: ref.conversationType !== 'personal',
      conversationType: ref.conversationType,
      tenantId: ref.tenantId,
      name: '',
    };
    activity.channelData = { tenant: { id: ref.tenantId } };
    try {
      const res = await client.conversations.sendToConversation(ref.conversationId, activity);
      return res.id;
    } catch (e) {
      const err = e as { statusCode?: number; response?: { headers?: { get?: (h: string) => string | undefined } }; message?: string };
      const retryAfter = Number(err.response?.headers?.get?.('retry-after'));
      throw new SendError(err.statusCode ?? 0, Number.isFinite(retryAfter) ? retryAfter : null, err.message ?? 'send failed');
    }
  }

  /** One send for the reminder sweep: a failed send is a value (status, Retry-After), not an exception. */
  async trySend(ref: ConversationRef, message: ProactiveMessage): Promise<SendOutcome> {
    try {
      return { ok: true, activityId: (await this.send(ref, message)) ?? '' };
    } catch (e) {
      if (!(e instanceof SendError)) throw e;
      return { ok: false, status: e.status, retryAfterSeconds: e.retryAfterSeconds, reason: e.message };
    }
  }

  /** Replaces a message the bot posted earlier (e.g. the agenda card after a revision). */
  async update(ref: ConversationRef, activityId: string, message: ProactiveMessage): Promise<void> {
    const client = await this.client(ref.serviceUrl);
    const activity = toActivity(message);
    activity.id = activityId;
    activity.conversation = {
      id: ref.conversationId,
      isGroup: ref.conversationType !== 'personal',
      conversationType: ref.conversationType,
      tenantId: ref.tenantId,
      name: '',
    };
    try {
      await client.conversations.updateActivity(ref.conversationId, activityId, activity);
    } catch (e) {
      const err = e as { statusCode?: number; message?: string };
      throw new SendError(err.statusCode ?? 0, null, err.message ?? 'update failed');
    }
  }

  private client(serviceUrl: string): Promise<ConnectorClient> {
    const cached = this.clients.get(serviceUrl);
    if (cached !== undefined) return cached;
    {
      const claims = new ClaimsIdentity(
        [
          { type: AuthenticationConstants.AudienceClaim, value: this.botAppId },
          { type: AuthenticationConstants.AppIdClaim, value: this.botAppId },
        ],
        true,
      );
      const client = this.auth
        .createConnectorFactory(claims)
        .create(serviceUrl, AuthenticationConstants.ToChannelFromBotOAuthScope)
        .then((c: ConnectorClient) => {
          // The SDK's default retry policy would retry statuses we must not (e.g. 500) and hide 429s.
          (c as unknown as { client?: { pipeline?: { removePolicy(o: { phase: string }): void } } }).client?.pipeline?.removePolicy({ phase: 'Retry' });
          return c;
        });
      this.clients.set(serviceUrl, client);
      return client;
    }
  }
}

function toActivity(message: ProactiveMessage): Partial<Activity> {
  const mentions = message.mentions ?? [];
  // A display name is user-controlled: it must not end the mention early or add markup.
  const mentionText = mentions.map((m) => `<at>${mentionName(m.name)}</at>`).join(' ');
  const text = [mentionText, message.text ?? ''].filter((t) => t !== '').join(' ');
  const activity: Partial<Activity> =
    'card' in message ? MessageFactory.attachment(CardFactory.adaptiveCard(message.card), text || undefined) : MessageFactory.text(text);
  if (mentions.length > 0)
    activity.entities = mentions.map((m) => ({ type: 'mention', text: `<at>${mentionName(m.name)}</at>`, mentioned: { id: m.aadObjectId, name: mentionName(m.name) } }));
  return activity;
}
