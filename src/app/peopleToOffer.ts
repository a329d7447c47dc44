import type { ConversationRef } from '../domain/conversation';
import type { GroupInOrg } from './catalog';
import { teamOfGroup } from './conversations';
import type { ConversationRepository, GroupStateRepository, TeamRoster } from './ports';

/** A person the bot knows by name, to be chosen in a form (the id stays in the choice's value). */
export interface KnownPerson {
  readonly aadObjectId: string;
  readonly name: string;
}

export interface PeopleToOfferDeps {
  readonly conversations: ConversationRepository;
  readonly groupState: Pick<GroupStateRepository, 'groups'>;
  readonly roster: TeamRoster;
}

/**
 * Everyone the bot can offer by name for a group: the organisation's rosters, the linked team's
 * roster, and everyone with a personal chat with the bot; once each (the roster's name first), by name.
 * Nobody types an id: a person the bot does not know yet installs the bot or joins the linked team.
 */
export async function peopleToOffer(target: GroupInOrg, channel: ConversationRef, deps: PeopleToOfferDeps): Promise<KnownPerson[]> {
  const records = await deps.groupState.groups(
    target.org.id,
    target.org.groups.map((g) => g.id),
    { members: true, meetings: 'none' },
  );
  const rosters = [...records.values()].flatMap((r) => r.members.map((m) => ({ aadObjectId: m.aadObjectId, name: m.displayName })));
  const team = await teamOfGroup({ channel, target }, deps.conversations);
  const fromTeam = team === null ? [] : await deps.roster(team);
  const chats = await deps.conversations.personalChatPeople();
  const byId = new Map<string, KnownPerson>();
  for (const p of [...rosters, ...fromTeam, ...chats]) {
    const id = p.aadObjectId.toLowerCase();
    if (!byId.has(id)) byId.set(id, { aadObjectId: id, name: p.name });
  }
  return [...byId.values()].sort((a, b) => a.name.localeCompare(b.name, 'sv'));
}
