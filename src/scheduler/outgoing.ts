import type { ProactiveMessage } from '../app/ports';
import type { IsoDate } from '../domain/calendarDate';
import type { Locale } from '../domain/organisation';

/** One message the sweep sends to one person, exactly once: a reminder, a brief or a catch-up. */
export interface Outgoing {
  /** `{org}|{group}|…|{recipient}`: stable, so the claim makes it exactly-once. */
  readonly id: string;
  readonly org: string;
  readonly group: string;
  readonly recipient: string;
  /** Keeps the claim visible to later sweeps until this date has passed. */
  readonly deadline: IsoDate;
  /** In the recipient's language (their `språk` choice, else their Teams locale). */
  readonly message: ProactiveMessage;
  /** The channel fallback in the organisation's language, when that differs from `message`. */
  readonly channelMessage?: ProactiveMessage;
  /** Whether it may go to the group's channel with an @mention when there is no personal chat (never for private input). */
  readonly channelFallback: boolean;
}

/**
 * The message in the recipient's language and, when it may fall back to the channel and the
 * organisation writes there in another language, the channel's version too.
 */
export function inLanguages(build: (locale: Locale) => ProactiveMessage, recipient: Locale, channel: Locale | null): Pick<Outgoing, 'message' | 'channelMessage'> {
  const message = build(recipient);
  return channel === null || channel === recipient ? { message } : { message, channelMessage: build(channel) };
}

/** Each person's language for the sweep's messages (lower-case AAD id), Swedish for anyone not known. */
export type LanguageOf = (aadObjectId: string) => Locale;
