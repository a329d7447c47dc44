import type { Activity } from 'botbuilder';
import { z } from 'zod';
import type { ConversationRef } from '../domain/conversation';
import type { Locale } from '../domain/organisation';
import { languageOfTeamsLocale } from '../domain/people';

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

/**
 * The envelope every incoming activity must have before the bot looks at it: without a
 * conversation and a service URL nobody can be answered (400); fields with the wrong type
 * mean the sender is not Teams (400). A missing `from` is answered in the chat instead.
 */
const envelopeSchema = z
  .object({
    type: z.string().min(1),
    serviceUrl: z.string().min(1),
    conversation: z.object({ id: z.string().min(1) }).passthrough(),
    from: z.object({ id: z.string().optional(), aadObjectId: z.string().optional(), name: z.string().nullish() }).passthrough().optional(),
    recipient: z.object({ id: z.string() }).passthrough().optional(),
    channelId: z.string().optional(),
    text: z.string().nullish(),
    locale: z.string().nullish(),
    entities: z.array(z.object({ type: z.string().optional() }).passthrough()).nullish(),
    membersAdded: z.array(z.object({ id: z.string() }).passthrough()).nullish(),
    membersRemoved: z.array(z.object({ id: z.string() }).passthrough()).nullish(),
    channelData: z.object({}).passthrough().nullish(),
    action: z.string().nullish(),
    name: z.string().nullish(),
    timestamp: z.string().nullish(),
    localTimestamp: z.string().nullish(),
  })
  .passthrough()
  .superRefine((a, ctx) => {
    // A Universal Action tap without its action cannot be routed to a card handler.
    const value = (a as { value?: unknown }).value;
    const action = typeof value === 'object' && value !== null ? (value as { action?: unknown }).action : undefined;
    if (a.type === 'invoke' && a.name === 'adaptiveCard/action' && (typeof action !== 'object' || action === null))
      ctx.addIssue({ code: z.ZodIssueCode.custom, path: ['value'], message: 'adaptiveCard/action needs value.action' });
  });

export type EnvelopeResult = { readonly ok: true; readonly activity: Partial<Activity> } | { readonly ok: false; readonly fields: readonly string[] };

/** Checks an activity's envelope; on failure names the bad fields (never their values). */
export function parseEnvelope(body: unknown): EnvelopeResult {
  const parsed = envelopeSchema.safeParse(body);
  if (!parsed.success) return { ok: false, fields: [...new Set(parsed.error.issues.map((i) => i.path.join('.') || '(body)'))] };
  const a = parsed.data as Record<string, unknown>;
  // As botbuilder's own validator does: timestamps become Dates, the raw strings are kept.
  for (const [key, raw] of [
    ['timestamp', 'rawTimestamp'],
    ['localTimestamp', 'rawLocalTimestamp'],
  ] as const)
    if (typeof a[key] === 'string') {
      a[raw] = a[key];
      a[key] = new Date(a[key]);
    }
  return { ok: true, activity: a };
}

/** The longest message text a command may be: Teams allows ~28 KB, no command needs more than this. */
export const MAX_MESSAGE_TEXT = 4000;

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
  const conversationId = type === 'channel' ? (a.channelData?.channel?.id ?? a.conversation.id.split(';')[0]) : a.conversation.id;
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
    // One line: a name with a line break would break every card it is on.
    ...(type === 'personal' && a.from.name !== undefined && a.from.name.trim() !== '' ? { userName: a.from.name.replace(/\p{Cc}+/gu, ' ').trim() } : {}),
  };
}

/** English when Teams says the user's locale is English, otherwise Swedish; a chosen language wins. */
export function localeOf(activity: Partial<Activity>, preferred: Locale | null): Locale {
  return preferred ?? teamsLanguageOf(activity) ?? 'sv';
}

/** The language of the locale Teams sent with the activity (`en*` English, anything else Swedish), or null when it sent none. */
export function teamsLanguageOf(activity: Partial<Activity>): Locale | null {
  const clientInfo = (activity.entities ?? []).find((e) => e.type === 'clientInfo') as { locale?: unknown } | undefined;
  const locale = activity.locale ?? (typeof clientInfo?.locale === 'string' ? clientInfo.locale : '');
  return locale === '' ? null : languageOfTeamsLocale(locale);
}
