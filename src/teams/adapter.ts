import {
  CallerIdConstants,
  CloudAdapter,
  ConfigurationBotFrameworkAuthentication,
  type Activity,
  type ConversationReference,
  type InvokeResponse,
  type TurnContext,
} from 'botbuilder';
import { AuthenticationConstants, AuthenticationError, type AuthenticateRequestResult, type BotFrameworkAuthentication } from 'botframework-connector';
import type { BotAuthConfig } from '../config/env';
import type { ConversationRef } from '../domain/conversation';

/**
 * Bot Framework authentication: on whenever an app id is configured. `openIdMetadataUrl`
 * replaces where the channel's signing keys are fetched from (tests point it at a dead port).
 */
export function createBotAuth(auth: BotAuthConfig | null, openIdMetadataUrl?: string): BotFrameworkAuthentication {
  return new ConfigurationBotFrameworkAuthentication({
    MicrosoftAppId: auth?.appId ?? '',
    MicrosoftAppPassword: auth?.password ?? '',
    MicrosoftAppTenantId: auth?.tenantId ?? '',
    MicrosoftAppType: auth?.appType ?? 'MultiTenant',
    // Naming one endpoint makes the SDK take every endpoint from here: the rest are the public cloud's.
    ...(openIdMetadataUrl !== undefined
      ? {
          ToBotFromChannelOpenIdMetadataUrl: openIdMetadataUrl,
          ToBotFromChannelTokenIssuer: AuthenticationConstants.ToBotFromChannelTokenIssuer,
          ToBotFromEmulatorOpenIdMetadataUrl: AuthenticationConstants.ToBotFromEmulatorOpenIdMetadataUrl,
          ToChannelFromBotLoginUrl: AuthenticationConstants.ToChannelFromBotLoginUrl,
          ToChannelFromBotOAuthScope: AuthenticationConstants.ToChannelFromBotOAuthScope,
          OAuthUrl: AuthenticationConstants.OAuthUrl,
          CallerId: CallerIdConstants.PublicAzureChannel,
        }
      : {}),
  });
}

/** How a failed authentication is answered: 401 for a rejected caller, 503 when signing keys cannot be fetched. */
export interface AuthFailure {
  readonly status: 401 | 503;
  readonly reason: string;
}

/**
 * Sorts an error from authenticating a request. The SDK reports unreachable OpenID metadata
 * as a network error or as an AuthenticationError with status 500; neither is the caller's fault.
 * Returns null for anything that is not about authentication (a bug: 500).
 */
export function authFailureOf(e: unknown): AuthFailure | null {
  if (typeof e !== 'object' || e === null) return null;
  const err = e as { name?: unknown; statusCode?: unknown; type?: unknown; code?: unknown };
  if (err.name === 'FetchError' || (err.type === 'system' && typeof err.code === 'string')) return { status: 503, reason: 'signing-keys-unreachable' };
  if (!(e instanceof AuthenticationError)) return null;
  return err.statusCode === 500 ? { status: 503, reason: 'signing-keys-unavailable' } : { status: 401, reason: 'rejected' };
}

/**
 * The botbuilder adapter for incoming activities and their replies. The server authenticates and
 * runs turns through it itself rather than through `process`, which prints stack traces, answers
 * with the SDK's messages and turns unreachable signing keys into a 500 or a 401.
 */
export class BotAdapter extends CloudAdapter {
  /** Checks the caller's token before the body is looked at; throws what authentication throws. */
  authenticate(authorization: string, activity: Partial<Activity>): Promise<AuthenticateRequestResult> {
    return this.botFrameworkAuthentication.authenticateRequest(activity as Activity, authorization);
  }

  /** Runs the turn for an activity whose caller is authenticated. */
  handle(authenticated: AuthenticateRequestResult, activity: Activity, logic: (context: TurnContext) => Promise<void>): Promise<InvokeResponse | undefined> {
    return this.processActivity(authenticated, activity, logic);
  }
}

export function createAdapter(auth: BotFrameworkAuthentication): BotAdapter {
  return new BotAdapter(auth);
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
