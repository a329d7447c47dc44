/** Where to reach a person or a channel later (proactive messages), free of any SDK type. */
export interface ConversationRef {
  readonly channelId: string;
  readonly serviceUrl: string;
  readonly tenantId: string;
  /** For channels, the channel id (no `;messageid=`), so a post starts a new thread. */
  readonly conversationId: string;
  readonly conversationType: 'personal' | 'channel' | 'groupChat';
  readonly botId: string;
  readonly botName: string;
  /** The user's AAD object id for personal chats. */
  readonly userAadObjectId: string | null;
  /** The person's display name as Teams sent it with a personal message (install events carry none), to offer them by name. */
  readonly userName?: string;
  readonly teamId: string | null;
}

/** The link from a Teams channel to a group, so later features know where to post. */
export interface ChannelLink {
  readonly org: string;
  readonly group: string;
  readonly channel: ConversationRef;
  readonly linkedBy: string;
  readonly linkedAt: string;
}
