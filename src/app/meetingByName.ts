import { addDays, dateIn } from '../domain/calendarDate';
import type { ConversationRef } from '../domain/conversation';
import { chooseMeeting, splitGroupAndDate, type MeetingPick } from '../domain/meetingChoice';
import type { Meeting } from '../domain/meetings';
import type { Group, Organisation } from '../domain/organisation';
import { orgsOfUser, type UserContext } from '../domain/people';
import { fail, ok, type Failure, type Result } from '../domain/result';
import type { GroupInOrg, OrgCatalog } from './catalog';
import { groupRecordOf } from './meetingAccess';
import type { ConversationRepository, GroupStateRepository } from './ports';

export interface MeetingByNamePorts {
  readonly catalog: OrgCatalog;
  readonly groupState: Pick<GroupStateRepository, 'groups'>;
  readonly conversations: Pick<ConversationRepository, 'linksOfChannel'>;
}

export type MeetingNameFailure =
  | Failure<'group-not-found', { query: string }>
  | Failure<'group-ambiguous', { query: string; orgs: string }>
  | Failure<'choose-group', { groups: readonly GroupInOrg[] }>
  | Failure<'no-meeting', { group: Group; date: string | null }>
  | Failure<'choose-meeting', { org: Organisation; group: Group; meetings: readonly Meeting[] }>;

const FULL_REF = /^[a-z0-9-]+\/[a-z0-9-]+\/[0-9a-z-]+$/;

/** The group a command means when none is named: the channel's linked group, then the person's only group, else a choice. */
export async function impliedGroup(ctx: { user: UserContext; channel: ConversationRef }, ports: MeetingByNamePorts): Promise<Result<GroupInOrg, MeetingNameFailure>> {
  const known = (org: string, group: string): GroupInOrg[] => {
    const o = ports.catalog.get(org);
    const g = o?.groups.find((x) => x.id === group);
    return o && g ? [{ org: o, group: g }] : [];
  };
  const linked = ctx.channel.conversationType === 'channel' ? (await ports.conversations.linksOfChannel(ctx.channel)).flatMap((l) => known(l.org, l.group)) : [];
  const onlyLinked = linked.at(0);
  if (linked.length === 1 && onlyLinked) return ok(onlyLinked);
  const own = [...new Map(ctx.user.memberships.flatMap((m) => known(m.org, m.group)).map((x) => [`${x.org.id}/${x.group.id}`, x])).values()];
  const onlyOwn = own.at(0);
  if (own.length === 1 && onlyOwn) return ok(onlyOwn);
  return fail('choose-group', { groups: linked.length > 1 ? linked : own });
}

/**
 * `sammanställning LGS`, `avsluta LGS 3 dec`, `minnesanteckningar`: the meeting a person means, as
 * the `org/group/id` reference the use cases take. A full reference (from a button) passes as it is.
 */
export async function meetingByName(
  argument: string,
  pick: MeetingPick,
  ctx: { user: UserContext; now: Date; channel: ConversationRef },
  ports: MeetingByNamePorts,
): Promise<Result<string, MeetingNameFailure>> {
  const arg = argument.trim();
  if (FULL_REF.test(arg)) return ok(arg);
  const today = dateIn(ctx.now, ports.catalog.all()[0]?.timeZone ?? 'Europe/Stockholm');
  const { groupQuery, date } = splitGroupAndDate(arg, today);
  let target: GroupInOrg;
  if (groupQuery === '') {
    const implied = await impliedGroup(ctx, ports);
    if (!implied.ok) return implied;
    target = implied.value;
  } else {
    const found = ports.catalog.findGroup(groupQuery, orgsOfUser(ctx.user));
    if (!found.ok) return found;
    target = found.value;
  }
  const { org, group } = target;
  // The year of "3 dec" is the one nearest today in the group's own organisation.
  const day = date === null ? null : splitGroupAndDate(arg, dateIn(ctx.now, org.timeZone)).date;
  // A year back covers "the latest held meeting"; the rest of the group's history is not read.
  const record = await groupRecordOf(ports.groupState, org, group, { members: false, meetings: { from: addDays(dateIn(ctx.now, org.timeZone), -365) } });
  const choice = chooseMeeting(record?.meetings ?? [], pick, day, ctx.now);
  if (choice.kind === 'none') return fail('no-meeting', { group, date: day });
  if (choice.kind === 'many') return fail('choose-meeting', { org, group, meetings: choice.meetings });
  return ok(`${org.id}/${group.id}/${choice.meeting.id}`);
}
