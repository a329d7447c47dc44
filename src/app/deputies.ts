import type { ConversationRef } from '../domain/conversation';
import type { NamedDeputy } from '../domain/deputies';
import { hasDeputies, type Group } from '../domain/organisation';
import type { GroupMember, UserContext } from '../domain/people';
import { mayByMembership } from '../domain/permissions';
import { fail, ok, type Failure, type Result } from '../domain/result';
import type { GroupInOrg, OrgCatalog } from './catalog';
import { groupByIds, namedGroup, type NamedGroupFailure } from './chairCommands';
import { teamOfGroup } from './conversations';
import { loadMeeting, type MeetingInGroup, type MeetingRef, type UnknownMeeting } from './meetingAccess';
import { answerMeeting, mayInGroup } from './meetings';
import type { ConversationRepository, DeputyRepository, GroupStateRepository, MeetingInputRepository, PersonalChats, TeamRoster } from './ports';

export interface DeputyDeps {
  readonly catalog: OrgCatalog;
  readonly conversations: ConversationRepository;
  readonly groupState: GroupStateRepository;
  readonly deputies: DeputyRepository;
}

/** A person who can be named deputy: from the linked team, or already in one of the organisation's groups. */
export interface DeputyCandidate {
  readonly aadObjectId: string;
  readonly name: string;
}

/** What the `ersättare` card shows: each member with their deputy, who can be named, the latest changes. */
export interface DeputyView {
  readonly target: GroupInOrg;
  readonly members: readonly { readonly member: GroupMember; readonly deputy: NamedDeputy | null }[];
  readonly candidates: readonly DeputyCandidate[];
}

type GroupRefusal = Failure<'not-allowed', { group: Group }> | Failure<'no-deputies', { group: Group }>;

/** The admin or process leader check, then whether the group has deputies at all (its setting). */
function refusal(user: UserContext, { org, group }: GroupInOrg): GroupRefusal | null {
  if (!mayByMembership('nameDeputy', user, org.id, group.id)) return fail('not-allowed', { group });
  if (!hasDeputies(group)) return fail('no-deputies', { group });
  return null;
}

/** The group's members who sit for a party (process leaders have no deputies), sorted by name. */
const seated = (members: readonly GroupMember[]) => members.filter((m) => m.roles.includes('member')).sort((a, b) => a.displayName.localeCompare(b.displayName, 'sv'));

/** People one can pick: the linked team's roster and everyone in the organisation's rosters, once each, by name. */
async function candidatesOf(target: GroupInOrg, channel: ConversationRef, deps: DeputyDeps & { roster: TeamRoster }): Promise<DeputyCandidate[]> {
  const team = await teamOfGroup({ channel, target }, deps.conversations);
  const fromTeam = team === null ? [] : await deps.roster(team);
  const records = await deps.groupState.groups(
    target.org.id,
    target.org.groups.map((g) => g.id),
    { members: true, meetings: 'none' },
  );
  const known = [...records.values()].flatMap((r) => r.members.map((m) => ({ aadObjectId: m.aadObjectId, name: m.displayName })));
  const byId = new Map<string, DeputyCandidate>();
  for (const c of [...fromTeam, ...known]) if (!byId.has(c.aadObjectId)) byId.set(c.aadObjectId, c);
  return [...byId.values()].sort((a, b) => a.name.localeCompare(b.name, 'sv'));
}

/** `ersättare <grupp>`: the card's content, for the group's process leaders and admins, where the group has deputies. */
export async function deputyView(
  input: { user: UserContext; channel: ConversationRef; query: string },
  deps: DeputyDeps & { roster: TeamRoster },
): Promise<Result<DeputyView, NamedGroupFailure | GroupRefusal>> {
  const target = namedGroup(input.query, input.user, deps.catalog);
  if (!target.ok) return target;
  const refused = refusal(input.user, target.value);
  if (refused !== null) return refused;
  const { org, group } = target.value;
  const [record, named, candidates] = await Promise.all([
    deps.groupState.groups(org.id, [group.id], { members: true, meetings: 'none' }),
    deps.deputies.deputies(org.id, group.id),
    candidatesOf(target.value, input.channel, deps),
  ]);
  const members = seated(record.get(group.id)?.members ?? []).map((member) => ({ member, deputy: named.find((d) => d.member === member.aadObjectId) ?? null }));
  return ok({ target: target.value, members, candidates });
}

export type NameDeputyFailure = Failure<'group-gone', { group: string }> | GroupRefusal | Failure<'not-member'> | Failure<'unknown-person'> | Failure<'self'>;

/**
 * The `ersättare` card's submission: names a member's deputy (a person from the candidates,
 * never a typed id), or removes it (`deputy` null). The change is kept with who and when. A
 * refusal changes nothing.
 */
export async function nameDeputy(
  input: { org: string; group: string; member: string; deputy: string | null },
  ctx: { user: UserContext; channel: ConversationRef; now: Date },
  deps: DeputyDeps & { roster: TeamRoster },
): Promise<Result<{ target: GroupInOrg; member: GroupMember; deputy: DeputyCandidate | null; previous: NamedDeputy | null }, NameDeputyFailure>> {
  const target = groupByIds(input.org, input.group, deps.catalog);
  if (!target.ok) return target;
  const refused = refusal(ctx.user, target.value);
  if (refused !== null) return refused;
  const { org, group } = target.value;
  const memberId = input.member.toLowerCase();
  const record = (await deps.groupState.groups(org.id, [group.id], { members: true, meetings: 'none' })).get(group.id);
  const member = seated(record?.members ?? []).find((m) => m.aadObjectId === memberId);
  if (member === undefined) return fail('not-member');
  const previous = (await deps.deputies.deputies(org.id, group.id)).find((d) => d.member === memberId) ?? null;
  if (input.deputy === null) {
    if (previous !== null) await deps.deputies.setDeputy(org.id, group.id, memberId, null, ctx.user.aadObjectId, ctx.now.toISOString());
    return ok({ target: target.value, member, deputy: null, previous });
  }
  const deputyId = input.deputy.toLowerCase();
  if (deputyId === memberId) return fail('self');
  const deputy = (await candidatesOf(target.value, ctx.channel, deps)).find((c) => c.aadObjectId === deputyId);
  if (deputy === undefined) return fail('unknown-person');
  await deps.deputies.setDeputy(org.id, group.id, memberId, { aadObjectId: deputy.aadObjectId, displayName: deputy.name }, ctx.user.aadObjectId, ctx.now.toISOString());
  return ok({ target: target.value, member, deputy, previous });
}

/** The member's named deputy in a meeting's group, where the group has deputies (null otherwise). */
export async function deputyOf(found: MeetingInGroup, member: string, deputies: Pick<DeputyRepository, 'deputies'>): Promise<NamedDeputy | null> {
  if (!hasDeputies(found.group)) return null;
  return (await deputies.deputies(found.org.id, found.group.id)).find((d) => d.member === member.toLowerCase()) ?? null;
}

/** What the messages of a call say: which meeting, whom the deputy replaces, and whether the deputy was reached. */
export interface CallFacts {
  readonly found: MeetingInGroup;
  readonly memberName: string;
  readonly deputyName: string;
  readonly reached: boolean;
}

export type CallDeputyFailure =
  | UnknownMeeting
  | Failure<'not-member', { group: Group }>
  | Failure<'started'>
  | Failure<'attending', { group: Group }>
  | Failure<'no-deputy', { group: Group }>
  | Failure<'already-called', { deputyName: string }>;

/**
 * "Kalla ersättare": sends the member's named deputy a card in their personal chat, tells the
 * process leaders, and records the call, once: a second press sends nothing (unless the deputy
 * could not be reached the first time). `M` is the message as the Teams layer builds it.
 */
export async function callDeputy<M>(
  ref: MeetingRef,
  ctx: { user: UserContext; now: Date },
  deps: {
    catalog: OrgCatalog;
    groupState: Pick<GroupStateRepository, 'meeting' | 'groups'>;
    meetingInputs: MeetingInputRepository;
    deputies: DeputyRepository;
    chats: PersonalChats<M>;
  },
  messages: { toDeputy: (f: CallFacts, to: string) => Promise<M>; toLeader: (f: CallFacts, to: string) => Promise<M> },
): Promise<Result<CallFacts & { leadersTold: boolean; markedAbsent: boolean }, CallDeputyFailure>> {
  const found = await loadMeeting(deps, ref);
  if (!found.ok) return found;
  const { org, group, meeting, record } = found.value;
  const me = ctx.user.aadObjectId;
  const member = record?.members.find((m) => m.aadObjectId === me);
  if (member === undefined || !mayInGroup('takePart', ctx.user, org, group, record, ctx.now)) return fail('not-member', { group });
  if (meeting.status !== 'planned' || meeting.cancelled || meeting.startsAt <= ctx.now.toISOString()) return fail('started');
  const deputy = await deputyOf(found.value, me, deps.deputies);
  if (deputy === null) return fail('no-deputy', { group });
  const key = { org: org.id, group: group.id, id: meeting.id };
  // A deputy replaces someone who cannot come: one who said they are coming is asked to say förhinder first; one who has not answered gets förhinder noted.
  const answer = (await deps.meetingInputs.load(key)).answers.find((a) => a.member === me)?.attendance ?? null;
  if (answer === 'attending') return fail('attending', { group });
  if (answer === null) {
    const marked = await answerMeeting('absent', { ...found.value, user: ctx.user, now: ctx.now }, deps.meetingInputs);
    if (!marked.ok) return marked.code === 'not-member' ? fail('not-member', { group }) : fail('started');
  }
  const call = {
    member: me,
    memberName: member.displayName,
    deputy: deputy.aadObjectId,
    deputyName: deputy.displayName,
    status: 'calling' as const,
    at: ctx.now.toISOString(),
  };
  if (!(await deps.deputies.claimCall(key, call))) return fail('already-called', { deputyName: deputy.displayName });
  const facts = { found: found.value, memberName: member.displayName, deputyName: deputy.displayName };
  const reached = await deps.chats.deliver(deputy.aadObjectId, await messages.toDeputy({ ...facts, reached: true }, deputy.aadObjectId));
  await deps.deputies.finishCall(key, me, reached ? 'reached' : 'unreached');
  const leaders = (record?.members ?? []).filter((m) => m.roles.includes('processLeader') && m.aadObjectId !== me);
  const told = await Promise.all(leaders.map(async (l) => deps.chats.deliver(l.aadObjectId, await messages.toLeader({ ...facts, reached }, l.aadObjectId))));
  return ok({ ...facts, reached, leadersTold: told.includes(true), markedAbsent: answer === null });
}
