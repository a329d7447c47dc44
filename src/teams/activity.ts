import type { Activity } from 'botbuilder';
import { z } from 'zod';
import type { ConversationRef } from '../domain/conversation';
import type { Locale } from '../domain/organisation';

/** The part of an incoming activity the bot relies on, checked before anything is stored. */
const incomingSchema = z.object({
  type: z.string(),
  channelId: z.string().min(1),
  serviceUrl: z.string().url(),
  from: z.object({ id: z.string().min(1), aadObjectId: z.string().optional(), name: z.string().optional() }),
  recipient: z.object({ id: z.string().min(1), name: z.string().optional() }),
  conversation: z.object({ id: z.string().min(1), conversationType: z.string().optional(), tenantId: z.string().optional() }),
  channelData: z
    .object({
      tenant: z.object({ id: z.string() }).optional(),
      team: z.object({ id: z.string() }).optional(),
      channel: z.object({ id: z.string() }).optional(),
    })
    .passthrough()
    .optional(),
});

/** The tenant an activity comes from (conversation first, Teams channel data second). */
export function tenantOf(activity: Partial<Activity>): string | null {
  const fromChannelData = (activity.channelData as { tenant?: { id?: unknown } } | undefined)?.tenant?.id;
  return activity.conversation?.tenantId ?? (typeof fromChannelData === 'string' ? fromChannelData : null);
}

/**
 * Where to reach this conversation later. A channel message's conversation id carries
 * `;messageid=…`; the reference keeps the channel id so a proactive post starts a new thread.
 * Returns null for an activity too incomplete to answer.
 */
export function conversationRefOf(activity: Partial<Activity>): ConversationRef | null {
  const parsed = incomingSchema.safeParse(activity);
  if (!parsed.success) return null;
  const a = parsed.data;
  const type = a.conversation.conversationType === 'channel' ? 'channel' : a.conversation.conversationType === 'groupChat' ? 'groupChat' : 'personal';
  const teamId = a.channelData?.team?.id ?? null;
  const conversationId =
    type === 'channel' ? (a.channelData?.channel?.id ?? a.conversation.id.split(';')[0]!) : a.conversation.id;
  return {
    channelId: a.channelId,
    serviceUrl: a.serviceUrl,
    tenantId: tenantOf(activity) ?? '',
    conversationId,
    conversationType: type,
    botId: a.recipient.id,
    botName: a.recipient.name ?? '',
    userAadObjectId: type === 'personal' ? (a.from.aadObjectId?.toLowerCase() ?? null) : null,
    teamId,
  };
}

/** English when Teams says the user's locale is English, otherwise Swedish; a chosen language wins. */
export function localeOf(activity: Partial<Activity>, preferred: Locale | null): Locale {
  if (preferred !== null) return preferred;
  const clientInfo = (activity.entities ?? []).find((e) => e.type === 'clientInfo') as { locale?: unknown } | undefined;
  const locale = activity.locale ?? (typeof clientInfo?.locale === 'string' ? clientInfo.locale : '');
  return locale.toLowerCase().startsWith('en') ? 'en' : 'sv';
}
