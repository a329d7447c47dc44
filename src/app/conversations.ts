import type { ConversationRef } from '../domain/conversation';
import { groupOf } from '../domain/organisation';
import type { UserContext } from '../domain/people';
import type { GroupInOrg, OrgCatalog } from './catalog';
import type { ConversationRepository } from './ports';

/**
 * Remembers where a conversation is reached, on every turn, so proactive messages can find it.
 * `install` asks first whether the conversation was already known (a repeated install event);
 * a removal is not saved again. Returns whether it was known before (only asked on install).
 */
export async function rememberConversation(
  input: { ref: ConversationRef; event: 'install' | 'removal' | 'other' },
  conversations: ConversationRepository,
): Promise<{ knownBefore: boolean }> {
  const knownBefore = input.event === 'install' ? await conversations.hasReference(input.ref) : false;
  if (input.event !== 'removal') await conversations.saveReference(input.ref);
  return { knownBefore };
}

/** Forgets a conversation after the bot was removed from it (idempotent). */
export async function forgetConversation(ref: ConversationRef, conversations: ConversationRepository): Promise<void> {
  await conversations.removeReference(ref);
}

/**
 * The groups a command without a group name is about: in a linked channel the channel's
 * groups, otherwise the user's own groups.
 */
export async function groupsInContext(
  input: { user: UserContext; channel: ConversationRef },
  deps: { catalog: OrgCatalog; conversations: ConversationRepository },
): Promise<GroupInOrg[]> {
  const links = input.channel.conversationType === 'channel' ? await deps.conversations.linksOfChannel(input.channel) : [];
  const pairs = links.length > 0 ? links.map((l) => [l.org, l.group] as const) : input.user.memberships.map((m) => [m.org, m.group] as const);
  return pairs.flatMap(([orgId, groupId]) => {
    const org = deps.catalog.get(orgId);
    const group = groupOf(org, groupId);
    return org && group ? [{ org, group }] : [];
  });
}

/** The Teams team whose roster belongs to a group: this channel's team, else the team of the group's linked channel. */
export async function teamOfGroup(input: { channel: ConversationRef; target: GroupInOrg }, conversations: ConversationRepository): Promise<string | null> {
  return input.channel.teamId ?? (await conversations.channelOfGroup(input.target.org.id, input.target.group.id))?.channel.teamId ?? null;
}
