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

/** What one Teams message may carry, with room for the activity around the card (Teams refuses about 28 KB and more). */
export const CARD_BUDGET_BYTES = 24_000;

/**
 * Splits a long read-only card into cards that each fit a Teams message: the body in order,
 * the heading repeated with "(1/2)", the actions on the last. A card that fits is returned as is.
 */
export function splitCard(whole: AdaptiveCard, budget = CARD_BUDGET_BYTES): AdaptiveCard[] {
  const size = (x: unknown) => Buffer.byteLength(JSON.stringify(x), 'utf8');
  if (size(whole) <= budget) return [whole];
  const [head, ...rest] = whole.body;
  const frame = size({ ...whole, body: [head], actions: whole.actions }) + 100;
  let current: CardElement[] = [];
  const parts: CardElement[][] = [current];
  let used = frame;
  for (const element of rest) {
    const s = size(element) + 1;
    if (used + s > budget && current.length > 0) {
      current = [];
      parts.push(current);
      used = frame;
    }
    current.push(element);
    used += s;
  }
  // The heading's text (a string); only ever used inside a template literal, which stringifies as String() would.
  const title = (head as { text?: string } | undefined)?.text ?? whole.fallbackText;
  return parts.map((body, i) => {
    const heading_ = heading(`${title} (${i + 1}/${parts.length})`);
    const last = i === parts.length - 1;
    const { actions: _actions, ...plainCard } = whole;
    return {
      ...plainCard,
      body: [heading_, ...body],
      ...(last && whole.actions ? { actions: whole.actions } : {}),
      fallbackText: heading_.text as string,
      speak: heading_.text as string,
    };
  });
}

/** The size of a value as Teams receives it (UTF-8 JSON). */
export const jsonBytes = (x: unknown): number => Buffer.byteLength(JSON.stringify(x), 'utf8');

/**
 * How many of the leading cards fit in one message together (`reserve` keeps room for a last
 * card, e.g. "Visa fler"); at least one, so a reply never comes out empty.
 */
export function cardsThatFit(cards: readonly AdaptiveCard[], reserve = 0, budget = CARD_BUDGET_BYTES): number {
  let used = reserve;
  let n = 0;
  for (const c of cards) {
    used += jsonBytes(c) + 120; // the attachment's own envelope (contentType, separators)
    if (used > budget && n > 0) break;
    n += 1;
  }
  return n;
}
