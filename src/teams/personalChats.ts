import type { ConversationRepository, MemberRepository, PersonalChats } from '../app/ports';
import type { Locale } from '../domain/organisation';
import type { ProactiveMessage, ProactiveSender } from './proactive';
import { languageOfPerson } from './recipients';

/** A message as it is, or built in the recipient's language once it is known. */
export type MessageFor = ProactiveMessage | ((locale: Locale) => ProactiveMessage);

/** Personal chats through the stored conversation references and the one proactive sender, each message in its recipient's language. */
export function personalChats(
  conversations: Pick<ConversationRepository, 'personalReference'>,
  proactive: Pick<ProactiveSender, 'send'>,
  members?: MemberRepository,
): PersonalChats<MessageFor> {
  return {
    async deliver(aadObjectId, message) {
      const ref = await conversations.personalReference(aadObjectId);
      if (ref === null) return false;
      const built = typeof message === 'function' ? message(members ? await languageOfPerson(aadObjectId, members) : 'sv') : message;
      return proactive.send(ref, built).then(
        () => true,
        () => false,
      );
    },
  };
}
