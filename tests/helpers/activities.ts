/**
 * Activities shaped exactly as a Teams client sends them (../shared/teams-activities/),
 * with ids, text, locale and tenant varied per test.
 */
export const TENANT = '00000000-0000-0000-0000-0000000000001';
export const BOT = { id: '28:00000000-0000-0000-0000-00000000000011', name: 'Samverkansboten' };
export const TEAM = { id: '19:team-general@thread.tacv2', aadGroupId: '00000000-0000-0000-0000-000000000031', name: 'Vårdsamverkan (demo)' };

/** Demo people (orgs/demo/demo.yaml): roles, not invented people. */
export const USERS = {
  admin: '00000000-0000-0000-0000-0000000000020',
  processLeaderLgs: '00000000-0000-0000-0000-0000000000021',
  chairLgs: '00000000-0000-0000-0000-0000000000022',
  memberKommun: '00000000-0000-0000-0000-0000000000023',
  memberRegion: '00000000-0000-0000-0000-0000000000024',
  processLeaderNosam: '00000000-0000-0000-0000-0000000000025',
  stranger: '00000000-0000-0000-0000-0000000000099',
} as const;

export interface Options {
  user?: string;
  /** The display name Teams sends with a message (default "Demo"). */
  name?: string;
  locale?: string;
  tenant?: string;
  serviceUrl: string;
}

let seq = 0;
const id = () => `act-${++seq}-${Date.now()}`;
const personalConversation = (user: string) => `a:personal-${user}`;
const clientInfo = (locale: string) => ({ type: 'clientInfo', locale, country: locale === 'sv-SE' ? 'SE' : 'US', platform: 'Web', timezone: 'Europe/Stockholm' });

function base(o: Options) {
  const user = o.user ?? USERS.admin;
  const tenant = o.tenant ?? TENANT;
  return {
    id: id(),
    timestamp: new Date().toISOString(),
    serviceUrl: o.serviceUrl,
    channelId: 'msteams',
    from: { id: `29:${user}`, name: o.name ?? 'Demo', aadObjectId: user },
    recipient: { ...BOT },
    locale: o.locale ?? 'sv-SE',
    tenant,
  };
}

export function personalMessage(text: string, o: Options) {
  const b = base(o);
  return {
    type: 'message',
    text,
    id: b.id,
    timestamp: b.timestamp,
    localTimestamp: b.timestamp,
    localTimezone: 'Europe/Stockholm',
    serviceUrl: b.serviceUrl,
    channelId: b.channelId,
    from: b.from,
    conversation: { conversationType: 'personal', tenantId: b.tenant, id: personalConversation(b.from.aadObjectId) },
    recipient: b.recipient,
    textFormat: 'plain',
    locale: b.locale,
    entities: [clientInfo(b.locale)],
    channelData: { tenant: { id: b.tenant } },
  };
}

export function channelMessage(text: string, o: Options & { channelId?: string }) {
  const b = base(o);
  const channel = o.channelId ?? '19:lgs-channel@thread.tacv2';
  return {
    type: 'message',
    text: `<at>${BOT.name}</at> ${text}`,
    id: b.id,
    timestamp: b.timestamp,
    localTimestamp: b.timestamp,
    localTimezone: 'Europe/Stockholm',
    serviceUrl: b.serviceUrl,
    channelId: b.channelId,
    from: b.from,
    conversation: { isGroup: true, conversationType: 'channel', tenantId: b.tenant, id: `${channel};messageid=${Date.now()}` },
    recipient: b.recipient,
    textFormat: 'plain',
    locale: b.locale,
    entities: [{ type: 'mention', mentioned: { id: BOT.id, name: BOT.name }, text: `<at>${BOT.name}</at>` }, clientInfo(b.locale)],
    channelData: { teamsChannelId: channel, teamsTeamId: TEAM.id, tenant: { id: b.tenant }, team: { id: TEAM.id }, channel: { id: channel } },
  };
}

/** An Action.Submit from a card: a message with no text and the data in `value`. */
export function actionSubmit(value: Record<string, unknown>, o: Options & { channelId?: string }) {
  const m = o.channelId !== undefined ? channelMessage('', o) : personalMessage('', o);
  const { text: _text, textFormat: _tf, ...rest } = m;
  return { ...rest, entities: [clientInfo(m.locale)], replyToId: '1795321884502', value, channelData: { ...m.channelData, source: { name: 'message' } } };
}

export function personalInstall(o: Options) {
  const b = base(o);
  return {
    type: 'installationUpdate',
    id: b.id,
    timestamp: b.timestamp,
    serviceUrl: b.serviceUrl,
    from: { id: b.from.id, aadObjectId: b.from.aadObjectId },
    conversation: { conversationType: 'personal', tenantId: b.tenant, id: personalConversation(b.from.aadObjectId) },
    recipient: b.recipient,
    locale: b.locale,
    entities: [{ type: 'clientInfo', locale: b.locale }],
    channelData: { tenant: { id: b.tenant }, source: { name: 'message' }, settings: { selectedChannel: { id: personalConversation(b.from.aadObjectId) } } },
    action: 'add',
    channelId: 'msteams',
  };
}

export function personalMembersAdded(o: Options) {
  const b = base(o);
  return {
    type: 'conversationUpdate',
    id: b.id,
    timestamp: b.timestamp,
    serviceUrl: b.serviceUrl,
    from: { id: b.from.id, aadObjectId: b.from.aadObjectId },
    conversation: { conversationType: 'personal', tenantId: b.tenant, id: personalConversation(b.from.aadObjectId) },
    recipient: b.recipient,
    membersAdded: [{ id: b.from.id, aadObjectId: b.from.aadObjectId }, { id: BOT.id }],
    channelData: { tenant: { id: b.tenant } },
    channelId: 'msteams',
  };
}

export function personalUninstall(o: Options) {
  return { ...personalInstall(o), action: 'remove' };
}

export function teamInstall(o: Options) {
  const b = base(o);
  return {
    type: 'installationUpdate',
    id: b.id,
    timestamp: b.timestamp,
    serviceUrl: b.serviceUrl,
    from: { id: b.from.id, aadObjectId: b.from.aadObjectId },
    conversation: { isGroup: true, conversationType: 'channel', tenantId: b.tenant, id: TEAM.id },
    recipient: b.recipient,
    locale: b.locale,
    entities: [{ type: 'clientInfo', locale: b.locale }],
    channelData: {
      tenant: { id: b.tenant },
      team: { id: TEAM.id, name: TEAM.name, aadGroupId: TEAM.aadGroupId },
      channel: { id: TEAM.id },
      source: { name: 'message' },
      settings: { selectedChannel: { id: TEAM.id } },
    },
    action: 'add',
    channelId: 'msteams',
  };
}

export function teamBotAdded(o: Options) {
  const b = base(o);
  return {
    type: 'conversationUpdate',
    id: b.id,
    timestamp: b.timestamp,
    serviceUrl: b.serviceUrl,
    from: { id: b.from.id, aadObjectId: b.from.aadObjectId },
    conversation: { isGroup: true, conversationType: 'channel', tenantId: b.tenant, id: TEAM.id },
    recipient: b.recipient,
    membersAdded: [{ id: BOT.id }],
    channelData: {
      tenant: { id: b.tenant },
      team: { id: TEAM.id, name: TEAM.name, aadGroupId: TEAM.aadGroupId },
      eventType: 'teamMemberAdded',
      settings: { selectedChannel: { id: TEAM.id } },
    },
    channelId: 'msteams',
  };
}

export function teamUninstall(o: Options) {
  return { ...teamInstall(o), action: 'remove' };
}

/** An Action.Execute (Universal Actions) tap: an `adaptiveCard/action` invoke that expects an invoke response. */
export function actionExecute(verb: string, data: Record<string, unknown>, o: Options & { channelId?: string }) {
  const m = o.channelId !== undefined ? channelMessage('', o) : personalMessage('', o);
  const { text: _text, textFormat: _tf, ...rest } = m;
  return {
    ...rest,
    type: 'invoke',
    name: 'adaptiveCard/action',
    entities: [{ type: 'clientInfo', locale: m.locale, country: 'SE', platform: 'Web', timezone: 'Europe/Stockholm' }],
    replyToId: '1795321884502',
    value: { action: { type: 'Action.Execute', title: verb, verb, data } },
    channelData: { ...m.channelData, source: { name: 'message' } },
  };
}
