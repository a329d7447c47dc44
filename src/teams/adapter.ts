import { CloudAdapter, ConfigurationBotFrameworkAuthentication, type ConversationReference } from 'botbuilder';
import type { BotAuthConfig } from '../config/env';
import type { ConversationRef } from '../domain/conversation';

/** The botbuilder adapter: Bot Framework authentication on whenever an app id is configured. */
export function createAdapter(auth: BotAuthConfig | null): CloudAdapter {
  return new CloudAdapter(
    new ConfigurationBotFrameworkAuthentication({
      MicrosoftAppId: auth?.appId ?? '',
      MicrosoftAppPassword: auth?.password ?? '',
      MicrosoftAppTenantId: auth?.tenantId ?? '',
      MicrosoftAppType: auth?.appType ?? 'MultiTenant',
    }),
  );
}

/** Turns a stored reference back into botbuilder's shape for a proactive turn. */
export function toConversationReference(ref: ConversationRef): Partial<ConversationReference> {
  return {
    channelId: ref.channelId,
    serviceUrl: ref.serviceUrl,
    bot: { id: ref.botId, name: ref.botName },
    conversation: {
      id: ref.conversationId,
      conversationType: ref.conversationType,
      tenantId: ref.tenantId,
      isGroup: ref.conversationType !== 'personal',
      name: '',
    },
    ...(ref.userAadObjectId !== null ? { user: { id: '', name: '', aadObjectId: ref.userAadObjectId } } : {}),
  };
}
