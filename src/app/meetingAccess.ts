import type { ConversationRef } from '../domain/conversation';
import type { AttendanceAnswer, Meeting } from '../domain/meetings';
import type { Group, Organisation } from '../domain/organisation';
import { orgsOfUser, type UserContext } from '../domain/people';
import { fail, ok, type Failure, type Result } from '../domain/result';
import type { OrgCatalog } from './catalog';
import type { ConversationRepository, GroupRecord, GroupStateRepository, RecordParts } from './ports';

/** Which meeting a button or a typed command names: ids are unique within a group only. */
export interface MeetingRef {
  readonly org: string;
  readonly group: string;
  readonly meetingId: string;
}

/** A meeting with its organisation, group, version and the group's record (terms and roster), for a use case. */
export interface MeetingInGroup {
  readonly org: Organisation;
  readonly group: Group;
  readonly meeting: Meeting;
  readonly version: string;
  readonly record: GroupRecord | undefined;
}

export type UnknownMeeting = Failure<'unknown-meeting'>;

/**
 * One group's terms and roster (meetings only as `parts` asks: a meeting is read by id), or
 * undefined before anything was stored.
 */
export const groupRecordOf = async (
  state: Pick<GroupStateRepository, 'groups'>,
  org: Organisation,
  group: Group,
  parts: RecordParts = ROSTER,
): Promise<GroupRecord | undefined> => (await state.groups(org.id, [group.id], parts)).get(group.id);

const ROSTER: RecordParts = { members: true, meetings: 'none' };

/** The meeting a reference names, or null when the organisation, group or meeting is unknown or the id malformed. */
export async function findMeeting(
  ports: { readonly catalog: OrgCatalog; readonly groupState: Pick<GroupStateRepository, 'meeting'> },
  ref: MeetingRef,
): Promise<{ org: Organisation; group: Group; meeting: Meeting; version: string } | null> {
  const org = ports.catalog.get(ref.org);
  const group = org?.groups.find((g) => g.id === ref.group);
  if (org === undefined || group === undefined || !/^[0-9a-z-]{1,40}$/.test(ref.meetingId)) return null;
  const found = await ports.groupState.meeting(org.id, group.id, ref.meetingId);
  return found === null ? null : { org, group, ...found };
}

/** The meeting a reference names with its group's record: `unknown-meeting` when there is none. */
export async function loadMeeting(
  ports: { readonly catalog: OrgCatalog; readonly groupState: Pick<GroupStateRepository, 'meeting' | 'groups'> },
  ref: MeetingRef,
): Promise<Result<MeetingInGroup, UnknownMeeting>> {
  const found = await findMeeting(ports, ref);
  if (found === null) return fail('unknown-meeting');
  return ok({ ...found, record: await groupRecordOf(ports.groupState, found.org, found.group) });
}

export type GroupNotFound = Failure<'group-not-found', { query: string }>;

/** The group a person names (their own organisations first), or, with nothing named, their first membership. */
export function groupOfUser(catalog: OrgCatalog, user: UserContext, query: string): Result<{ org: Organisation; group: Group }, GroupNotFound | Failure<'no-group'>> {
  if (query.trim() === '') {
    const m = user.memberships.at(0);
    const org = m ? catalog.get(m.org) : undefined;
    const group = org?.groups.find((g) => g.id === m?.group);
    return org && group ? ok({ org, group }) : fail('no-group');
  }
  return namedGroup(catalog, user, query);
}

/** The group a person names, looked up in their own organisations first. */
export function namedGroup(catalog: OrgCatalog, user: UserContext, query: string): Result<{ org: Organisation; group: Group }, GroupNotFound> {
  const found = catalog.findGroup(query, orgsOfUser(user));
  return found.ok ? ok(found.value) : fail('group-not-found', { query: query.trim() });
}

/** Attending and absent answers counted, for the agenda card. */
export interface AnswerCounts {
  readonly attending: number;
  readonly absent: number;
}

export const countAnswers = (answers: readonly AttendanceAnswer[]): AnswerCounts => ({
  attending: answers.filter((a) => a.attendance === 'attending').length,
  absent: answers.filter((a) => a.attendance === 'absent').length,
});

/** Where cards showing written input go: here in a personal chat, else the person's personal chat. */
export type PrivateDestination = { readonly kind: 'here' } | { readonly kind: 'personal'; readonly ref: ConversationRef };

export type NoPersonalChat = Failure<'no-personal-chat'>;

/**
 * Written input is shown in the person's personal chat only: in a channel or group chat the
 * cards go to the personal chat, and without one (never opened, or inactive) nothing is shown.
 */
export async function privateDestination(
  conversations: Pick<ConversationRepository, 'personalReference'>,
  user: UserContext,
  scope: ConversationRef['conversationType'],
): Promise<Result<PrivateDestination, NoPersonalChat>> {
  if (scope === 'personal') return ok({ kind: 'here' });
  const ref = await conversations.personalReference(user.aadObjectId);
  return ref === null ? fail('no-personal-chat') : ok({ kind: 'personal', ref });
}
