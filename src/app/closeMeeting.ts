import { expectedPresent, type Meeting } from '../domain/meetings';
import type { Group } from '../domain/organisation';
import type { UserContext } from '../domain/people';
import { fail, ok, type Failure, type Result } from '../domain/result';
import type { OrgCatalog } from './catalog';
import { loadMeeting, type MeetingInGroup, type MeetingRef, type UnknownMeeting } from './meetingAccess';
import type { NotLead } from './meetingForms';
import { closeMeeting, openLeadForm, registerRoster, type CloseForm } from './meetings';
import { registerInDraft } from './minutes';
import type { ConversationRepository, DecisionRepository, GroupStateRepository, MeetingInputRepository } from './ports';
import { refreshBoard, type AgendaBoard, type BoardOutcome } from './publishMeeting';

export interface CloseMeetingPorts {
  readonly catalog: OrgCatalog;
  readonly groupState: Pick<GroupStateRepository, 'meeting' | 'groups' | 'saveMeeting'>;
  readonly meetingInputs: Pick<MeetingInputRepository, 'load'>;
}

/** Closing also shows the meeting as held on the group's channel card, and gives a draft of the minutes the register. */
export interface SubmitClosePorts extends CloseMeetingPorts {
  readonly conversations: Pick<ConversationRepository, 'channelOfGroup'>;
  readonly board: AgendaBoard;
  readonly decisions: Pick<DecisionRepository, 'minutes' | 'saveMinutes'>;
}

/** One person the close form offers in the attendance register. */
export interface RegisterChoice {
  readonly aadObjectId: string;
  readonly displayName: string;
}

/**
 * `avsluta <möte>`: the close form for a lead once the meeting has started, with the group's
 * roster for the attendance register and those who answered "Jag kommer" ticked.
 */
export async function openCloseForm(
  ref: MeetingRef,
  ctx: { user: UserContext; now: Date },
  ports: CloseMeetingPorts,
): Promise<Result<MeetingInGroup & { roster: readonly RegisterChoice[]; present: readonly string[] }, UnknownMeeting | NotLead | Failure<'not-started'>>> {
  const found = await loadMeeting(ports, ref);
  if (!found.ok) return found;
  const allowed = openLeadForm('close', { ...found.value, ...ctx });
  if (!allowed.ok) return allowed.code === 'not-lead' ? fail('not-lead', { group: found.value.group }) : fail('not-started');
  const roster = registerRoster(found.value.org, found.value.record, ctx.now).map((m) => ({ aadObjectId: m.aadObjectId, displayName: m.displayName }));
  const listed = new Set(roster.map((m) => m.aadObjectId));
  // A form opened again after the close shows the register as recorded.
  const present = found.value.meeting.register?.present ?? expectedPresent((await ports.meetingInputs.load(found.value.meeting)).answers).filter((p) => listed.has(p));
  return ok({ ...found.value, roster, present });
}

export type CloseSubmitFailure<P> =
  | UnknownMeeting
  | Failure<'bad-field', { problem: P }>
  | Failure<'not-lead', { group: Group }>
  | Failure<'not-started'>
  | Failure<'no-summaries'>
  | Failure<'conflict'>
  | Failure<'unknown-present'>;

/**
 * The close form's submission (summaries and the register parsed by the Teams layer against the
 * meeting's items): the meeting is marked held with the summaries and who was present; the sweep
 * sends the catch-up. The posted channel card then shows the meeting as held (re-posted if it
 * cannot be updated). Returns how many members had förhinder, the held meeting and the card's fate.
 */
export async function submitClose<P>(
  ref: MeetingRef,
  version: string,
  parse: (found: MeetingInGroup) => Result<CloseForm, Failure<'bad-field', { problem: P }>>,
  ctx: { user: UserContext; now: Date },
  ports: SubmitClosePorts,
): Promise<Result<{ found: MeetingInGroup; absent: number; meeting: Meeting; board: BoardOutcome }, CloseSubmitFailure<P>>> {
  const found = await loadMeeting(ports, ref);
  if (!found.ok) return found;
  const form = parse(found.value);
  if (!form.ok) return form;
  // A close form sent with every summary empty is most likely a slip: nothing to record, so refused.
  if (Object.values(form.value.summaries).every((s) => s.trim() === '')) return fail('no-summaries');
  const closed = await closeMeeting(form.value, version, { ...found.value, ...ctx }, ports.groupState, ports.meetingInputs);
  if (!closed.ok) return closed.code === 'not-lead' ? fail('not-lead', { group: found.value.group }) : fail(closed.code);
  const { meeting, absent } = closed.value;
  const { org, group } = found.value;
  await registerInDraft({ org, group, meeting }, found.value.record, ports.decisions);
  const board = meeting.posted === null ? 'none' : await refreshBoard({ org, group, meeting, version: closed.value.version, changes: [] }, ports);
  return ok({ found: found.value, absent, meeting, board });
}
