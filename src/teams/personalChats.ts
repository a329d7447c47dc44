import type { ConversationRepository, PersonalChats } from '../app/ports';
import type { ProactiveMessage, ProactiveSender } from './proactive';

/** Personal chats through the stored conversation references and the one proactive sender. */
export function personalChats(
  conversations: Pick<ConversationRepository, 'personalReference'>,
  proactive: Pick<ProactiveSender, 'send'>,
): PersonalChats<ProactiveMessage> {
  return {
    async deliver(aadObjectId, message) {
      const ref = await conversations.personalReference(aadObjectId);
      if (ref === null) return false;
      return proactive.send(ref, message).then(
        () => true,
        () => false,
      );
    },
  };
}
