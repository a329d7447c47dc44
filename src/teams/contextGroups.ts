import type { GroupInOrg, OrgCatalog } from '../app/catalog';
import type { ConversationRepository } from '../app/ports';
import type { Turn } from './turn';

/**
 * The groups a command without a group name is about: in a linked channel the channel's
 * groups, otherwise the user's own groups.
 */
export async function contextGroups(turn: Turn, deps: { catalog: OrgCatalog; conversations: ConversationRepository }): Promise<GroupInOrg[]> {
  const links = turn.ref.conversationType === 'channel' ? await deps.conversations.linksOfChannel(turn.ref) : [];
  const pairs = links.length > 0 ? links.map((l) => [l.org, l.group] as const) : turn.user.memberships.map((m) => [m.org, m.group] as const);
  return pairs.flatMap(([orgId, groupId]) => {
    const org = deps.catalog.get(orgId);
    const group = org?.groups.find((g) => g.id === groupId);
    return org && group ? [{ org, group }] : [];
  });
}
