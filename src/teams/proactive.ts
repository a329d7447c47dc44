import { CardFactory, MessageFactory, type CloudAdapter, type ConversationReference } from 'botbuilder';
import type { AdaptiveCard } from '../cards/adaptive';
import type { ConversationRef } from '../domain/conversation';
import { toConversationReference } from './adapter';

/** A message the bot sends on its own: text or an Adaptive Card. */
export type ProactiveMessage = { readonly text: string } | { readonly card: AdaptiveCard };

/** The one proactive sender: reminders and notices go through it to a stored conversation. */
export class ProactiveSender {
  constructor(
    private readonly adapter: CloudAdapter,
    private readonly botAppId: string,
  ) {}

  /** Sends one message; returns the new activity id. */
  async send(ref: ConversationRef, message: ProactiveMessage): Promise<string | undefined> {
    let id: string | undefined;
    const activity = 'text' in message ? MessageFactory.text(message.text) : MessageFactory.attachment(CardFactory.adaptiveCard(message.card));
    await this.adapter.continueConversationAsync(this.botAppId, toConversationReference(ref) as ConversationReference, async (context) => {
      id = (await context.sendActivity(activity))?.id;
    });
    return id;
  }
}
