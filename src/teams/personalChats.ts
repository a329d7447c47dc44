import type { ConversationRepository, Delivery, PersonalChats } from '../app/ports';
import type { ProactiveMessage, ProactiveSender } from './proactive';
import { retryOnce } from './retryOnce';

/** Personal chats through the stored conversation references and the one proactive sender; a failed send is tried once more. */
export function personalChats(
  conversations: Pick<ConversationRepository, 'personalReference'>,
  proactive: Pick<ProactiveSender, 'send'>,
): PersonalChats<ProactiveMessage> {
  async function reach(aadObjectId: string, message: ProactiveMessage): Promise<Delivery> {
    const ref = await conversations.personalReference(aadObjectId);
    if (ref === null) return 'no-chat';
    return retryOnce(() => proactive.send(ref, message)).then(
      () => 'delivered',
      () => 'failed',
    );
  }
  return {
    reach,
    deliver: async (aadObjectId, message) => (await reach(aadObjectId, message)) === 'delivered',
  };
}
