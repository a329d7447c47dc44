import { CloudAdapter, ConfigurationBotFrameworkAuthentication, type ConversationReference } from 'botbuilder';
import type { BotFrameworkAuthentication } from 'botframework-connector';
import type { BotAuthConfig } from '../config/env';
import type { ConversationRef } from '../domain/conversation';

/** Bot Framework authentication: on whenever an app id is configured. */
export function createBotAuth(auth: BotAuthConfig | null): BotFrameworkAuthentication {
  return new ConfigurationBotFrameworkAuthentication({
    MicrosoftAppId: auth?.appId ?? '',
    MicrosoftAppPassword: auth?.password ?? '',
    MicrosoftAppTenantId: auth?.tenantId ?? '',
    MicrosoftAppType: auth?.appType ?? 'MultiTenant',
  });
}

/** The botbuilder adapter for incoming activities and their replies. */
export function createAdapter(auth: BotFrameworkAuthentication): CloudAdapter {
  return new CloudAdapter(auth);
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
