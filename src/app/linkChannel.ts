import type { ConversationRef } from '../domain/conversation';
import { orgsOfUser, type UserContext } from '../domain/people';
import { mayByMembership } from '../domain/permissions';
import { fail, ok, type Failure, type Result } from '../domain/result';
import type { GroupInOrg, GroupLookupFailure, OrgCatalog } from './catalog';
import type { ConversationRepository } from './ports';

export type LinkFailure = Failure<'not-a-channel'> | Failure<'group-missing'> | GroupLookupFailure | Failure<'not-allowed', { group: string }>;

/**
 * Links a Teams channel to a group so later features know where to post for it. Only an
 * admin of the organisation or the group's process leader may do it.
 */
export async function linkChannel(
  input: { user: UserContext; channel: ConversationRef; groupQuery: string; now: Date },
  deps: { catalog: OrgCatalog; conversations: ConversationRepository },
): Promise<Result<GroupInOrg, LinkFailure>> {
  if (input.channel.conversationType !== 'channel') return fail('not-a-channel');
  if (input.groupQuery.trim() === '') return fail('group-missing');
  const found = deps.catalog.findGroup(input.groupQuery, orgsOfUser(input.user));
  if (!found.ok) return found;
  const { org, group } = found.value;
  if (!mayByMembership('linkChannel', input.user, org.id, group.id)) return fail('not-allowed', { group: group.shortName });
  await deps.conversations.linkChannel({
    org: org.id,
    group: group.id,
    channel: input.channel,
    linkedBy: input.user.aadObjectId,
    linkedAt: input.now.toISOString(),
  });
  return ok(found.value);
}

/** The groups a user may link a channel to: all for admins, their own for process leaders. */
export function linkableGroups(user: UserContext, catalog: OrgCatalog): GroupInOrg[] {
  return catalog
    .all()
    .flatMap((org) => org.groups.map((group) => ({ org, group })))
    .filter(({ org, group }) => mayByMembership('linkChannel', user, org.id, group.id));
}
