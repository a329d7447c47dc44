import type { ConversationRef } from '../domain/conversation';
import { cutoffOf, type Attendance, type WrittenInput } from '../domain/meetings';
import { hasDeputies, type Group } from '../domain/organisation';
import type { UserContext } from '../domain/people';
import { fail, ok, type Failure, type Result } from '../domain/result';
import type { OrgCatalog } from './catalog';
import {
  countAnswers,
  loadMeeting,
  privateDestination,
  type AnswerCounts,
  type MeetingInGroup,
  type MeetingRef,
  type NoPersonalChat,
  type PrivateDestination,
  type UnknownMeeting,
} from './meetingAccess';
import { answerMeeting, ownInput, submitInput } from './meetings';
import type { ConversationRepository, DeputyRepository, GroupStateRepository, MeetingInputRepository } from './ports';
import type { NamedDeputy } from '../domain/deputies';
import { deputyOf } from './deputies';

export interface MeetingInputPorts {
  readonly catalog: OrgCatalog;
  readonly groupState: Pick<GroupStateRepository, 'meeting' | 'groups'>;
  readonly meetingInputs: MeetingInputRepository;
  readonly conversations: Pick<ConversationRepository, 'personalReference'>;
  readonly deputies: Pick<DeputyRepository, 'deputies'>;
}

export type NotMember = Failure<'not-member', { group: Group }>;

/** Who is told that a member of a group with deputies (ersättare) but no named deputy has förhinder: the process leaders' personal chats. */
export interface DeputyCall {
  readonly member: string;
  readonly leaders: readonly ConversationRef[];
}

/**
 * One tap on the agenda card: attending or förhinder. Returns the refreshed counts and, after
 * förhinder, the member's own earlier input and their personal chat (null when there is none)
 * to send the input card to, and, where the group has deputies, the member's named deputy (the
 * input card offers to call them) or, with none named, whom to tell (`deputyCall`).
 */
export async function answerFromCard(
  attendance: Attendance,
  ref: MeetingRef,
  ctx: { user: UserContext; now: Date },
  ports: MeetingInputPorts,
): Promise<
  Result<
    {
      found: MeetingInGroup;
      counts: AnswerCounts;
      inputCard: { personal: ConversationRef | null; mine: WrittenInput[]; deputy: NamedDeputy | null } | null;
      deputyCall: DeputyCall | null;
    },
    UnknownMeeting | NotMember | Failure<'started'>
  >
> {
  const found = await loadMeeting(ports, ref);
  if (!found.ok) return found;
  const answered = await answerMeeting(attendance, { ...found.value, ...ctx }, ports.meetingInputs);
  if (!answered.ok) return answered.code === 'not-member' ? fail('not-member', { group: found.value.group }) : fail('started');
  // One read after the answer serves both the refreshed counts and the member's own earlier input.
  const { answers, inputs } = await ports.meetingInputs.load(found.value.meeting);
  const deputy = attendance === 'absent' ? await deputyOf(found.value, ctx.user.aadObjectId, ports.deputies) : null;
  const inputCard =
    attendance === 'absent'
      ? { personal: await ports.conversations.personalReference(ctx.user.aadObjectId), mine: inputs.filter((i) => i.author === ctx.user.aadObjectId), deputy }
      : null;
  // With a deputy named, the member calls them from the input card; without one, the process leaders are told.
  const deputyCall = attendance === 'absent' && hasDeputies(found.value.group) && deputy === null ? await deputyCallOf(found.value, ctx.user.aadObjectId, ports) : null;
  return ok({ found: found.value, counts: countAnswers(answers), inputCard, deputyCall });
}

/** The member's name and the personal chats of the group's process leaders (the member excepted). */
async function deputyCallOf(found: MeetingInGroup, member: string, ports: MeetingInputPorts): Promise<DeputyCall> {
  const members = found.record?.members ?? [];
  const leaders = members.filter((m) => m.roles.includes('processLeader') && m.aadObjectId !== member);
  const refs = await Promise.all(leaders.map((m) => ports.conversations.personalReference(m.aadObjectId)));
  return { member: members.find((m) => m.aadObjectId === member)?.displayName ?? '', leaders: refs.filter((r): r is ConversationRef => r !== null) };
}

/** `synpunkter <möte>`: the member's own input, and where the card showing it may go (personal chat only). */
export async function ownInputCard(
  ref: MeetingRef,
  ctx: { user: UserContext; now: Date; scope: ConversationRef['conversationType'] },
  ports: MeetingInputPorts,
): Promise<
  Result<{ found: MeetingInGroup; mine: WrittenInput[]; deputy: NamedDeputy | null; destination: PrivateDestination }, UnknownMeeting | NotMember | NoPersonalChat>
> {
  const found = await loadMeeting(ports, ref);
  if (!found.ok) return found;
  const mine = await ownInput({ ...found.value, ...ctx }, ports.meetingInputs);
  if (!mine.ok) return fail('not-member', { group: found.value.group });
  const destination = await privateDestination(ports.conversations, ctx.user, ctx.scope);
  if (!destination.ok) return destination;
  const deputy = await deputyOf(found.value, ctx.user.aadObjectId, ports.deputies);
  return ok({ found: found.value, mine: mine.value, deputy, destination: destination.value });
}

/**
 * The input card's submission, its fields parsed by the Teams layer (`parse` gets the meeting
 * to know its items): saved per item until the cut-off, which is returned for the message.
 */
export async function submitWrittenInput<P>(
  ref: MeetingRef,
  parse: (found: MeetingInGroup) => Result<Readonly<Record<string, string>>, Failure<'bad-field', { problem: P }>>,
  ctx: { user: UserContext; now: Date },
  ports: Omit<MeetingInputPorts, 'conversations' | 'deputies'>,
): Promise<
  Result<
    { found: MeetingInGroup; saved: number; cutoff: Date; attendance: 'absent' | 'attending' | 'marked-absent' },
    UnknownMeeting | Failure<'bad-field', { problem: P }> | NotMember | Failure<'cutoff-passed', { cutoff: Date; found: MeetingInGroup }> | Failure<'unknown-item'>
  >
> {
  const found = await loadMeeting(ports, ref);
  if (!found.ok) return found;
  const texts = parse(found.value);
  if (!texts.ok) return texts;
  const result = await submitInput(texts.value, { ...found.value, ...ctx }, ports.meetingInputs);
  const cutoff = cutoffOf(found.value.meeting);
  if (!result.ok) {
    if (result.code === 'not-member') return fail('not-member', { group: found.value.group });
    if (result.code === 'cutoff-passed') return fail('cutoff-passed', { cutoff, found: found.value });
    return fail('unknown-item');
  }
  // Input reaches the brief only from those with förhinder: a member who had not answered gets
  // förhinder noted (and is told so); one who said they are coming is told it stays out of the brief.
  const mine = (await ports.meetingInputs.load(found.value.meeting)).answers.find((a) => a.member === ctx.user.aadObjectId)?.attendance ?? null;
  const wrote = Object.values(texts.value).some((x) => x.trim() !== '');
  if (mine === null && wrote) {
    const marked = await answerMeeting('absent', { ...found.value, ...ctx }, ports.meetingInputs);
    if (marked.ok) return ok({ found: found.value, saved: result.value.saved, cutoff, attendance: 'marked-absent' });
  }
  return ok({ found: found.value, saved: result.value.saved, cutoff, attendance: mine === 'attending' ? 'attending' : 'absent' });
}
