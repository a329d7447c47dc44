import type { ConversationRef } from '../domain/conversation';
import type { AgendaChange, Meeting } from '../domain/meetings';
import type { Group, Organisation } from '../domain/organisation';
import type { UserContext } from '../domain/people';
import { fail, ok, type Failure, type Result } from '../domain/result';
import type { OrgCatalog } from './catalog';
import { countAnswers, findMeeting, type AnswerCounts, type MeetingRef } from './meetingAccess';
import { saveMeeting, type MeetingForm, type SaveFailure } from './meetings';
import type { ConversationRepository, DecisionRepository, GroupStateRepository, MeetingInputRepository } from './ports';

/** The group's channel as the meeting use cases see it: the Teams layer renders and sends the agenda card (each send tried twice). */
export interface AgendaBoard {
  /** Posts the meeting's agenda card (with what a revision changed); the activity id ('' if Teams gave none), or null when it could not be posted. */
  post(channel: ConversationRef, org: Organisation, group: Group, meeting: Meeting, counts: AnswerCounts, changes?: readonly AgendaChange[]): Promise<string | null>;
  /** Updates the posted agenda card in place; false when it could not be updated. */
  update(
    channel: ConversationRef,
    activityId: string,
    org: Organisation,
    group: Group,
    meeting: Meeting,
    counts: AnswerCounts,
    changes: readonly AgendaChange[],
  ): Promise<boolean>;
}

/**
 * What became of the channel card after a saved change: updated in place, posted anew because
 * the update failed (`reposted`) or because there was none (`posted`), `failed` when neither
 * worked, `none` when the group has no linked channel.
 */
export type BoardOutcome = 'updated' | 'reposted' | 'posted' | 'failed' | 'none';

/** The saved meeting to show on the channel card. */
export interface BoardShown {
  readonly org: Organisation;
  readonly group: Group;
  readonly meeting: Meeting;
  /** The saved meeting's version, to remember a re-posted card's id. */
  readonly version: string;
  readonly changes: readonly AgendaChange[];
}

/**
 * Brings the group's channel card up to date after a saved change: the posted card is updated;
 * if that fails (or there is none) the card is posted anew and its id kept, so later updates go
 * there. The change itself is saved whatever happens here.
 */
export async function refreshBoard(
  shown: BoardShown,
  ports: Pick<PublishPorts, 'board' | 'conversations' | 'meetingInputs'> & { groupState: Pick<GroupStateRepository, 'saveMeeting'> },
): Promise<BoardOutcome> {
  const { org, group, meeting } = shown;
  const link = await ports.conversations.channelOfGroup(org.id, group.id);
  if (link === null) return 'none';
  const counts = countAnswers((await ports.meetingInputs.load(meeting)).answers);
  const posted = meeting.posted !== null && meeting.posted.activityId !== '' && meeting.posted.conversationId === link.channel.conversationId ? meeting.posted : null;
  if (posted !== null && (await ports.board.update(link.channel, posted.activityId, org, group, meeting, counts, shown.changes))) return 'updated';
  const activityId = await ports.board.post(link.channel, org, group, meeting, counts, shown.changes);
  if (activityId === null) return 'failed';
  // A lost race here only costs the in-place update of the next change (which then posts again).
  await ports.groupState.saveMeeting({ ...meeting, posted: { conversationId: link.channel.conversationId, activityId } }, shown.version);
  return posted === null ? 'posted' : 'reposted';
}

export interface PublishPorts {
  readonly catalog: OrgCatalog;
  readonly groupState: Pick<GroupStateRepository, 'groups' | 'meeting' | 'createMeetingFromForm' | 'saveMeeting'>;
  readonly conversations: Pick<ConversationRepository, 'channelOfGroup'>;
  readonly meetingInputs: Pick<MeetingInputRepository, 'load'>;
  readonly decisions: Pick<DecisionRepository, 'queue' | 'dequeue'>;
  readonly board: AgendaBoard;
}

export type PublishFailure = Failure<'group-not-found', { query: string }> | Failure<Exclude<SaveFailure, 'not-lead'>> | Failure<'not-lead', { group: Group }>;

/** What happened to the saved meeting: posted in the channel, created without a linked channel, revised, or unchanged. */
export type Published =
  | { readonly kind: 'created'; readonly channel: 'posted' | 'none' | 'failed'; readonly meeting: Meeting; readonly counts: AnswerCounts }
  | { readonly kind: 'revised'; readonly meeting: Meeting; readonly changes: readonly AgendaChange[]; readonly board: BoardOutcome }
  | { readonly kind: 'unchanged'; readonly meeting: Meeting };

/**
 * The meeting form's submission, checked: creates or revises the meeting, then posts its
 * agenda card in the group's channel or updates the posted one in place. Matters sent back
 * that are on a new agenda leave the queue (their decision keeps the history).
 */
export async function publishMeeting(
  form: MeetingForm,
  target: { org: string; group: string; meetingId: string | null; version: string | null; formKey: string | null },
  ctx: { user: UserContext; now: Date },
  ports: PublishPorts,
): Promise<Result<{ org: Organisation; group: Group; published: Published }, PublishFailure>> {
  const org = ports.catalog.get(target.org);
  const group = org?.groups.find((g) => g.id === target.group);
  if (org === undefined || group === undefined) return fail('group-not-found', { query: target.group });
  const saved = await saveMeeting(form, target, { org, group, ...ctx }, ports.groupState);
  if (!saved.ok) return saved.code === 'not-lead' ? fail('not-lead', { group }) : fail(saved.code);
  const { meeting, version, changes, created } = saved.value;
  const counts = countAnswers((await ports.meetingInputs.load(meeting)).answers);
  if (!created) {
    if (changes.length === 0) return ok({ org, group, published: { kind: 'unchanged', meeting } });
    const board = await refreshBoard({ org, group, meeting, version, changes }, ports);
    return ok({ org, group, published: { kind: 'revised', meeting, changes, board } });
  }
  await dequeueSentBack(meeting, org, group, ports.decisions);
  const link = await ports.conversations.channelOfGroup(org.id, group.id);
  if (link === null) return ok({ org, group, published: { kind: 'created', channel: 'none', meeting, counts } });
  const activityId = await ports.board.post(link.channel, org, group, meeting, counts);
  // Saved, but not on the channel: the person is told, and the next revision posts the card.
  if (activityId === null) return ok({ org, group, published: { kind: 'created', channel: 'failed', meeting, counts } });
  // The card's id is kept so a revision updates it in place; a lost race here only costs that.
  await ports.groupState.saveMeeting({ ...meeting, posted: { conversationId: link.channel.conversationId, activityId } }, version);
  return ok({ org, group, published: { kind: 'created', channel: 'posted', meeting, counts } });
}

/**
 * A matter sent back leaves the group's queue once it is on a new agenda: an item that carries
 * the matter's reference (as the form offered it) takes that matter off the queue; the decision
 * keeps its history.
 */
async function dequeueSentBack(meeting: Meeting, org: Organisation, group: Group, decisions: Pick<DecisionRepository, 'dequeue'>): Promise<void> {
  for (const item of meeting.agenda) if (item.origin !== undefined) await decisions.dequeue(org.id, group.id, item.origin.decision);
}

/**
 * After the minutes change the meeting's status (approved, published): the posted channel card
 * shows it, read afresh by id. A meeting without a posted card is left without one.
 */
export async function refreshMeetingCard(
  ref: MeetingRef,
  ports: Pick<PublishPorts, 'catalog' | 'board' | 'conversations' | 'meetingInputs'> & { groupState: Pick<GroupStateRepository, 'meeting' | 'saveMeeting'> },
): Promise<{ board: BoardOutcome; group: Group } | null> {
  const found = await findMeeting(ports, ref);
  if (found === null) return null;
  const board = found.meeting.posted === null ? 'none' : await refreshBoard({ ...found, changes: [] }, ports);
  return { board, group: found.group };
}
