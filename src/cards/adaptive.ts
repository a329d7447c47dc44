/** Minimal Adaptive Card JSON shapes the bot uses (schema 1.5, which Teams renders). */
export type CardElement = Record<string, unknown>;

export interface AdaptiveCard {
  readonly type: 'AdaptiveCard';
  readonly $schema: string;
  readonly version: '1.5';
  readonly lang: string;
  readonly body: CardElement[];
  readonly actions?: CardElement[];
  readonly fallbackText: string;
  readonly speak: string;
}

/** A card with a heading, a body and actions; `fallbackText`/`speak` serve screen readers and old clients. */
export function card(lang: 'sv' | 'en', title: string, body: CardElement[], actions: CardElement[] = []): AdaptiveCard {
  return {
    type: 'AdaptiveCard',
    $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
    version: '1.5',
    lang: lang === 'sv' ? 'sv-SE' : 'en-US',
    body: [heading(title), ...body],
    ...(actions.length > 0 ? { actions } : {}),
    fallbackText: title,
    speak: title,
  };
}

export const heading = (text: string): CardElement => ({ type: 'TextBlock', text, style: 'heading', size: 'Large', weight: 'Bolder', wrap: true });

export const textBlock = (text: string, extra: Record<string, unknown> = {}): CardElement => ({ type: 'TextBlock', text, wrap: true, ...extra });

export const facts = (pairs: readonly (readonly [string, string])[]): CardElement => ({
  type: 'FactSet',
  facts: pairs.map(([title, value]) => ({ title, value })),
});

/** A button that runs a bot command as if the user had typed it. */
export const commandButton = (title: string, command: string): CardElement => ({
  type: 'Action.Submit',
  title,
  data: { verb: 'command', command },
});
