import { addDays, dateIn } from '../domain/calendarDate';
import type { ConversationRef } from '../domain/conversation';
import { compileBrief, type Attendance, type Brief, type Meeting } from '../domain/meetings';
import { hasDeputies, type Group, type Locale, type Organisation } from '../domain/organisation';
import type { UserContext } from '../domain/people';
import { fail, ok, type Failure, type Result } from '../domain/result';
import type { OrgCatalog } from './catalog';
import {
  groupOfUser,
  groupRecordOf,
  loadMeeting,
  privateDestination,
  type GroupNotFound,
  type MeetingInGroup,
  type MeetingRef,
  type NoPersonalChat,
  type PrivateDestination,
  type UnknownMeeting,
} from './meetingAccess';
import { briefFor, meetingPeople, meetingViewRights } from './meetings';
import type { ConversationRepository, DeputyRepository, GroupStateRepository, MeetingInputRepository } from './ports';
import type { DeputyCall } from '../domain/deputies';

export interface BriefPorts {
  readonly catalog: OrgCatalog;
  readonly groupState: Pick<GroupStateRepository, 'meeting' | 'groups'>;
  readonly meetingInputs: Pick<MeetingInputRepository, 'load'>;
  readonly conversations: Pick<ConversationRepository, 'personalReference'>;
}

/** `sammanställning <möte>`: the brief with everyone's input, for those who may read it, and where it may go (personal chat only). */
export async function meetingBrief(
  ref: MeetingRef,
  ctx: { user: UserContext; now: Date; scope: ConversationRef['conversationType']; locale: Locale },
  ports: BriefPorts & { readonly deputies: Pick<DeputyRepository, 'calls'> },
): Promise<
  Result<
    { found: MeetingInGroup; brief: Brief; calls: DeputyCall[]; destination: PrivateDestination },
    UnknownMeeting | Failure<'not-input-reader', { group: Group }> | NoPersonalChat
  >
> {
  const found = await loadMeeting(ports, ref);
  if (!found.ok) return found;
  const brief = await briefFor({ ...found.value, ...ctx }, ports.meetingInputs);
  if (!brief.ok) return fail('not-input-reader', { group: found.value.group });
  const destination = await privateDestination(ports.conversations, ctx.user, ctx.scope);
  if (!destination.ok) return destination;
  // Which deputies were called (issue 12), for the chair and the process leader.
  const calls = await ports.deputies.calls({ org: found.value.org.id, group: found.value.group.id, id: found.value.meeting.id });
  return ok({ found: found.value, brief: brief.value, calls, destination: destination.value });
}

/** How many past and coming meetings `möten` shows. */
export const MEETINGS_SHOWN = { past: 1, coming: 3 } as const;

/**
 * `möten [grupp]`: the group's latest past meeting and next coming ones, each with its brief
 * (the card shows only what the person may see) and the buttons the person may use.
 */
export async function groupMeetings(
  query: string,
  ctx: { user: UserContext; now: Date; locale: Locale },
  ports: Omit<BriefPorts, 'conversations'> & { readonly deputies: Pick<DeputyRepository, 'calls'> },
): Promise<
  Result<
    {
      org: Organisation;
      group: Group;
      meetings: { meeting: Meeting; brief: Brief; mine: Attendance | null; calls: DeputyCall[] }[];
      rights: { lead: boolean; brief: boolean; member: boolean };
    },
    GroupNotFound | Failure<'no-group'> | Failure<'no-meetings'>
  >
> {
  const target = groupOfUser(ports.catalog, ctx.user, query);
  if (!target.ok) return target;
  const { org, group } = target.value;
  // The meetings shown are the next ones and the latest one held within a year: read from a year back, not the whole history.
  const record = await groupRecordOf(ports.groupState, org, group, { members: true, meetings: { from: addDays(dateIn(ctx.now, org.timeZone), -365) } });
  const meetings = [...(record?.meetings ?? [])].sort((a, b) => a.startsAt.localeCompare(b.startsAt));
  if (meetings.length === 0) return fail('no-meetings');
  const nowIso = ctx.now.toISOString();
  const shown = [
    ...meetings.filter((m) => m.startsAt < nowIso).slice(-MEETINGS_SHOWN.past),
    ...meetings.filter((m) => m.startsAt >= nowIso).slice(0, MEETINGS_SHOWN.coming),
  ];
  const rights = meetingViewRights(ctx.user, org, group, record, ctx.now);
  const withBriefs: MeetingView[] = [];
  for (const meeting of shown) withBriefs.push(await viewOf({ org, group, meeting, record }, rights, ctx, ports));
  return ok({ org, group, meetings: withBriefs, rights });
}

/** One meeting as the person's meeting view shows it: the brief, their own answer, and the deputies called where they may see them. */
export interface MeetingView {
  readonly meeting: Meeting;
  readonly brief: Brief;
  readonly mine: Attendance | null;
  readonly calls: DeputyCall[];
}

async function viewOf(
  found: Pick<MeetingInGroup, 'org' | 'group' | 'meeting' | 'record'>,
  rights: { brief: boolean },
  ctx: { user: UserContext; locale: Locale },
  ports: { readonly meetingInputs: Pick<MeetingInputRepository, 'load'>; readonly deputies: Pick<DeputyRepository, 'calls'> },
): Promise<MeetingView> {
  const { org, group, meeting, record } = found;
  const people = await meetingPeople(org.id, meeting, record, ports.meetingInputs);
  const mine = people.answers.find((a) => a.member === ctx.user.aadObjectId)?.attendance ?? null;
  // Deputies called (issue 12) are read only for those who see the brief, in groups with deputies.
  const calls = rights.brief && hasDeputies(group) ? await ports.deputies.calls({ org: org.id, group: group.id, id: meeting.id }) : [];
  return { meeting, brief: compileBrief(meeting, people, ctx.locale), mine, calls };
}

/** The meeting view of one meeting already loaded (after an answer on a view card): what `möten` would show this person for it. */
export async function meetingView(
  found: MeetingInGroup,
  ctx: { user: UserContext; now: Date; locale: Locale },
  ports: { readonly meetingInputs: Pick<MeetingInputRepository, 'load'>; readonly deputies: Pick<DeputyRepository, 'calls'> },
): Promise<MeetingView & { rights: { lead: boolean; brief: boolean; member: boolean } }> {
  const rights = meetingViewRights(ctx.user, found.org, found.group, found.record, ctx.now);
  return { ...(await viewOf(found, rights, ctx, ports)), rights };
}
