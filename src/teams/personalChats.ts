import type { ConversationRepository, Delivery, MemberRepository, PersonalChats } from '../app/ports';
import type { Locale } from '../domain/organisation';
import type { ProactiveMessage, ProactiveSender } from './proactive';
import { languageOfPerson } from './recipients';
import { retryOnce } from './retryOnce';

/** A message as it is, or built in the recipient's language once it is known. */
export type MessageFor = ProactiveMessage | ((locale: Locale) => ProactiveMessage);

/**
 * Personal chats through the stored conversation references and the one proactive sender, each
 * message in its recipient's language; a failed send is tried once more.
 */
export function personalChats(
  conversations: Pick<ConversationRepository, 'personalReference'>,
  proactive: Pick<ProactiveSender, 'send'>,
  members?: MemberRepository,
): PersonalChats<MessageFor> {
  async function reach(aadObjectId: string, message: MessageFor): Promise<Delivery> {
    const ref = await conversations.personalReference(aadObjectId);
    if (ref === null) return 'no-chat';
    const built = typeof message === 'function' ? message(members ? await languageOfPerson(aadObjectId, members) : 'sv') : message;
    return retryOnce(() => proactive.send(ref, built)).then(
      () => 'delivered',
      () => 'failed',
    );
  }
  return {
    reach,
    deliver: async (aadObjectId, message) => (await reach(aadObjectId, message)) === 'delivered',
  };
}
