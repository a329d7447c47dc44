import type { ConversationRef } from '../domain/conversation';
import type { Organisation } from '../domain/organisation';
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
  return peopleOfOrganisation(target.org, await teamOfGroup({ channel, target }, deps.conversations), deps);
}

/**
 * Everyone the bot can offer by name in an organisation: its rosters, the given team's roster (null:
 * none), everyone with a personal chat with the bot, then `also` (for example people already admin);
 * once each, the first name found kept, sorted by name.
 */
export async function peopleOfOrganisation(org: Organisation, team: string | null, deps: PeopleToOfferDeps, also: readonly KnownPerson[] = []): Promise<KnownPerson[]> {
  const records = await deps.groupState.groups(
    org.id,
    org.groups.map((g) => g.id),
    { members: true, meetings: 'none' },
  );
  const rosters = [...records.values()].flatMap((r) => r.members.map((m) => ({ aadObjectId: m.aadObjectId, name: m.displayName })));
  const fromTeam = team === null ? [] : await deps.roster(team);
  const chats = await deps.conversations.personalChatPeople();
  const byId = new Map<string, KnownPerson>();
  for (const p of [...rosters, ...fromTeam, ...chats, ...also]) {
    const id = p.aadObjectId.toLowerCase();
    if (!byId.has(id)) byId.set(id, { aadObjectId: id, name: p.name });
  }
  return [...byId.values()].sort((a, b) => a.name.localeCompare(b.name, 'sv'));
}
