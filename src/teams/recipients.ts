import { recipientLanguages } from '../app/users';
import type { MemberRepository } from '../app/ports';
import type { ConversationRef } from '../domain/conversation';
import type { Locale } from '../domain/organisation';

/**
 * The language to write to a person in on the bot's own initiative: their `språk` choice, else
 * the locale Teams last sent for them, else Swedish (one cached read of the person).
 */
export async function languageOfPerson(aadObjectId: string, members: MemberRepository): Promise<Locale> {
  return (await recipientLanguages([aadObjectId], members)).get(aadObjectId.toLowerCase()) ?? 'sv';
}

/** The language of the person behind a personal chat (Swedish for any other conversation). */
export function languageOfChat(ref: ConversationRef, members: MemberRepository): Promise<Locale> {
  return ref.userAadObjectId === null ? Promise.resolve('sv') : languageOfPerson(ref.userAadObjectId, members);
}
