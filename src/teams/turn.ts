import { CardFactory, MessageFactory, type TurnContext } from 'botbuilder';
import type { AdaptiveCard } from '../cards/adaptive';
import type { ConversationRef } from '../domain/conversation';
import type { Locale, LocalizedText } from '../domain/organisation';
import type { UserContext } from '../domain/people';

/** Everything a handler knows about the turn once the user is loaded. */
export interface Turn {
  readonly context: TurnContext;
  readonly ref: ConversationRef;
  readonly user: UserContext;
  readonly locale: Locale;
}

/** Replies with a Swedish/English text in the user's language. */
export async function reply(turn: Turn, text: LocalizedText): Promise<void> {
  await turn.context.sendActivity(MessageFactory.text(text[turn.locale]));
}

/** Replies with a text already in the user's language. */
export async function replyText(turn: Turn, text: string): Promise<void> {
  await turn.context.sendActivity(MessageFactory.text(text));
}

/** Replies with an Adaptive Card. */
export async function sendCard(turn: Turn, card: AdaptiveCard): Promise<void> {
  await turn.context.sendActivity(MessageFactory.attachment(CardFactory.adaptiveCard(card)));
}

/** Replies with several cards in one message (one connector call; Teams shows them as a list). */
export async function sendCards(turn: Turn, cards: readonly AdaptiveCard[]): Promise<void> {
  if (cards.length === 0) return;
  await turn.context.sendActivity(MessageFactory.list(cards.map((c) => CardFactory.adaptiveCard(c))));
}

/** Replies with a text and a card in one message (e.g. a conflict and the current state). */
export async function replyWithCard(turn: Turn, text: string, card: AdaptiveCard): Promise<void> {
  await turn.context.sendActivity(MessageFactory.attachment(CardFactory.adaptiveCard(card), text));
}
