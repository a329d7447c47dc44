import type { z } from 'zod';
import { groupMeetings, meetingBrief, meetingView } from '../app/brief';
import type { OrgCatalog } from '../app/catalog';
import { openCloseForm, submitClose as closeHeldMeeting } from '../app/closeMeeting';
import { findMeeting, type MeetingInGroup, type MeetingRef, type PrivateDestination } from '../app/meetingAccess';
import { leadForm, newMeetingForm } from '../app/meetingForms';
import { answerFromCard, ownInputCard, submitWrittenInput as saveWrittenInput, type DeputyCall } from '../app/meetingInput';
import type { Clock, ConversationRepository, DecisionRepository, DeputyRepository, GroupStateRepository, MeetingInputRepository, MemberRepository } from '../app/ports';
import { callDeputy as callNamedDeputy } from '../app/deputies';
import { deputyCallCard, deputyTexts } from '../cards/deputyCards';
import { plain } from '../cards/escape';
import { personalChats } from './personalChats';
import { publishMeeting, refreshBoard, type PublishFailure } from '../app/publishMeeting';
import { splitCard, type AdaptiveCard } from '../cards/adaptive';
import { agendaCard, briefCard, closeCard, inputCard, meetingFormCard, meetingViewCard } from '../cards/meetingCards';
import { changeText, meetingTexts as t, when } from '../cards/meetingTexts';
import { texts } from '../cards/texts';
import { cutoffOf, type Meeting } from '../domain/meetings';
import { orgLanguage, type Group, type LocalizedText, type Locale, type Organisation } from '../domain/organisation';
import { ok, type Failure, type Result } from '../domain/result';
import type { ConversationRef } from '../domain/conversation';
import { describeError, type Logger } from '../logger';
import {
  closeSubmission,
  executeData,
  inputSubmission,
  parseMeetingForm,
  parsePerItem,
  problemText,
  saveMeetingSubmission,
  type SubmissionProblem,
} from './meetingSubmissions';
import { agendaBoard, followUp, withBoard } from './agendaBoard';
import type { ProactiveSender } from './proactive';
import { languageOfChat, languageOfPerson } from './recipients';
import { reply, replyText, replyWithCard, sendCard, type Turn } from './turn';

export { closeSubmission, executeData, inputSubmission, saveMeetingSubmission } from './meetingSubmissions';

export interface MeetingDeps {
  readonly catalog: OrgCatalog;
  readonly groupState: GroupStateRepository;
  readonly conversations: ConversationRepository;
  readonly meetingInputs: MeetingInputRepository;
  readonly proactive: ProactiveSender;
  /** For the language of each person a notice goes to. */
  readonly members: MemberRepository;
  readonly clock: Clock;
  readonly logger: Logger;
  readonly decisions: DecisionRepository;
  readonly deputies: DeputyRepository;
}

/** `org/group/meetingId` from a button or a typed command. */
function meetingRefOf(ref: string): MeetingRef {
  const [org = '', group = '', meetingId = ''] = ref.trim().split('/');
  return { org, group, meetingId };
}

/** `org/group/meetingId` from a button or a typed command (the minutes handlers use it too). */
export const meetingByRef = async (
  deps: Pick<MeetingDeps, 'catalog' | 'groupState'>,
  ref: string,
): Promise<{ org: Organisation; group: Group; meeting: Meeting; version: string } | null> => findMeeting(deps, meetingRefOf(ref));

const userAt = (turn: Turn, deps: MeetingDeps) => ({ user: turn.user, now: deps.clock.now() });

/** Sends the cards where the use case said: here (a personal chat) or to the person's personal chat, with a note here. */
async function sendPrivately(turn: Turn, deps: MeetingDeps, destination: PrivateDestination, cards: readonly AdaptiveCard[]): Promise<void> {
  if (destination.kind === 'here') {
    for (const card of cards) await sendCard(turn, card);
    return;
  }
  for (const card of cards) await deps.proactive.send(destination.ref, { card });
  return reply(turn, t.sentPrivately);
}

/** Asked in a channel or group chat by someone without a personal chat with the bot: says how to open one. */
function refusePrivately(turn: Turn, deps: MeetingDeps): Promise<void> {
  deps.logger.info('meeting.private-refused', { scope: turn.ref.conversationType, reason: 'no-personal-chat' });
  return reply(turn, t.noPersonalChat);
}

/** A per-item form (input or close) parsed against the meeting's own items. */
const perItem =
  (field: 'input' | 'summary', raw: Record<string, unknown>) =>
  (found: MeetingInGroup): Result<Record<string, string>, Failure<'bad-field', { problem: SubmissionProblem }>> => {
    const parsed = parsePerItem(found.meeting, field, raw);
    return parsed.ok ? parsed : { ok: false, code: 'bad-field', problem: parsed.problem };
  };

/** Why a meeting form was not saved (besides a group unknown or a person not leading it). */
const saveRefusals: Record<Exclude<PublishFailure['code'], 'group-not-found' | 'not-lead'>, LocalizedText> = {
  'bad-time': t.badTime,
  'in-past': t.inPast,
  'no-items': t.noItems,
  conflict: t.conflict,
  'unknown-meeting': t.unknownMeeting,
  started: t.started,
  'already-created': t.alreadyCreated,
  'unknown-form': t.unknownForm,
};

/** `möte <grupp>`: the form for a new meeting, for leads; its key is recorded now, so a replay creates one meeting. */
export async function showMeetingForm(turn: Turn, deps: MeetingDeps, arg: string): Promise<void> {
  const r = await newMeetingForm(arg, userAt(turn, deps), deps);
  if (!r.ok) return reply(turn, r.code === 'group-not-found' ? texts.groupNotFound(r.query) : t.notLead(r.group.shortName));
  const { org, group, formKey, queued } = r.value;
  // Matters sent back (återremitterade) are offered first, with where they come from.
  await sendCard(turn, meetingFormCard(org.id, group, null, null, turn.locale, org.timeZone, formKey, queued));
}

/** `revidera <möte>`: the form prefilled with the current agenda and its version. */
export async function showReviseForm(turn: Turn, deps: MeetingDeps, arg: string): Promise<void> {
  const r = await leadForm('revise', meetingRefOf(arg), userAt(turn, deps), deps);
  if (!r.ok) return reply(turn, r.code === 'not-lead' ? t.notLead(r.group.shortName) : r.code === 'not-started' ? t.notStartedYet : t.unknownMeeting);
  const { org, group, meeting, version } = r.value;
  await sendCard(turn, meetingFormCard(org.id, group, meeting, version, turn.locale, org.timeZone));
}

/** The form's submission: every field checked, then create or revise, post the agenda card or update it in place. */
export async function submitMeeting(turn: Turn, deps: MeetingDeps, raw: z.infer<typeof saveMeetingSubmission>): Promise<void> {
  const parsed = parseMeetingForm(raw);
  if (!parsed.ok) {
    deps.logger.info('meeting.refused', { code: 'bad-field', field: parsed.problem.kind === 'field' ? parsed.problem.name.field : 'card' });
    return reply(turn, problemText(parsed.problem, texts.badCard));
  }
  const { form, ...target } = parsed.value;
  const r = await publishMeeting(form, target, userAt(turn, deps), { ...deps, board: agendaBoard(deps) });
  if (!r.ok) {
    if (r.code === 'group-not-found') return reply(turn, texts.groupNotFound(r.query));
    deps.logger.info('meeting.refused', { org: target.org, group: target.group, code: r.code });
    return reply(turn, r.code === 'not-lead' ? t.notLead(r.group.shortName) : saveRefusals[r.code]);
  }
  const { org, group, published } = r.value;
  switch (published.kind) {
    case 'unchanged':
      return reply(turn, t.noChanges);
    case 'revised':
      deps.logger.info('meeting.revised', { org: org.id, group: group.id, changes: published.changes.length, card: published.board });
      return replyText(
        turn,
        withBoard(t.revised(published.changes.map((c) => changeText(c, org.timeZone, turn.locale)).join('; ')), published.board, group)[turn.locale],
      );
    case 'created': {
      const at = when(published.meeting.startsAt, org.timeZone, turn.locale);
      if (published.channel === 'none')
        return replyWithCard(turn, t.createdNoChannel(group.shortName, at)[turn.locale], agendaCard(org, group, published.meeting, published.counts, turn.locale, null));
      deps.logger.info('meeting.created', { org: org.id, group: group.id, items: published.meeting.agenda.length, card: published.channel });
      if (published.channel === 'failed') return reply(turn, t.createdNotPosted(group.shortName, at));
      return reply(turn, t.created(group.shortName, at, when(cutoffOf(published.meeting).toISOString(), org.timeZone, turn.locale)));
    }
  }
}

/** One tap on the agenda card (Action.Execute): attending or förhinder; returns the refreshed card. */
export async function executeAnswer(
  turn: Turn,
  deps: MeetingDeps,
  attendance: 'attending' | 'absent',
  data: z.infer<typeof executeData>,
): Promise<AdaptiveCard | string> {
  const r = await answerFromCard(attendance, data, userAt(turn, deps), deps);
  if (!r.ok) return (r.code === 'unknown-meeting' ? t.unknownMeeting : r.code === 'not-member' ? t.notMember(r.group.shortName) : t.started)[turn.locale];
  const { found, counts, inputCard: input, deputyCall } = r.value;
  // Answered on another card than the channel's (the meeting view in a chat): the channel card's counts follow.
  if (found.meeting.posted?.conversationId !== turn.ref.conversationId) await refreshChannelCounts(deps, found);
  // The answer is saved: a follow-up that cannot be sent is logged, never reported as "nothing was saved".
  const personal = input?.personal ?? null;
  if (input !== null && personal !== null)
    await followUp(deps, 'meeting.input-card-failed', () =>
      deps.proactive.send(personal, { card: inputCard(found.org, found.group, found.meeting, input.mine, turn.locale, input.deputy) }),
    );
  if (deputyCall !== null) await callDeputy(turn, deps, found, deputyCall, personal);
  deps.logger.info('meeting.answered', { org: found.org.id, group: found.group.id, attendance });
  // The refreshed card replaces the one tapped. A meeting view (and anything in a personal chat) stays this person's view, with their answer and rights.
  if (turn.ref.conversationType === 'personal' || data.card === 'view') {
    const view = await meetingView(found, { ...userAt(turn, deps), locale: turn.locale }, deps);
    return meetingViewCard(found.org, found.group, view.meeting, view.brief, view.rights, turn.locale, view.mine, view.calls);
  }
  // The channel card: everyone reads it, in the organisation's language.
  return agendaCard(found.org, found.group, found.meeting, counts, orgLanguage(found.org), null);
}

/**
 * An answer was noted away from the channel card (a tap in a chat, "Kalla ersättare", written input
 * that notes förhinder): the posted channel card's counts follow. The answer is saved either way, so
 * what goes wrong here is logged, never an error reply.
 */
async function refreshChannelCounts(deps: MeetingDeps, found: MeetingInGroup): Promise<void> {
  if (found.meeting.posted === null) return;
  try {
    const card = await refreshBoard(
      { org: found.org, group: found.group, meeting: found.meeting, version: found.version, changes: [] },
      { ...deps, board: agendaBoard(deps) },
    );
    deps.logger.info('meeting.card-refreshed', { org: found.org.id, group: found.group.id, card });
  } catch (e) {
    deps.logger.warn('meeting.card-refresh-failed', describeError(e));
  }
}

/** Förhinder in a group with deputies but no deputy named for the member: each process leader is told to call the deputy, and the member what was done. */
async function callDeputy(turn: Turn, deps: MeetingDeps, found: MeetingInGroup, call: DeputyCall, member: ConversationRef | null): Promise<void> {
  // Each process leader in their own language.
  const notice = async (ref: ConversationRef) => {
    const locale = await languageOfChat(ref, deps.members);
    return {
      text: t.deputyLeaderNotice(plain(call.member), `${found.group.shortName} ${when(found.meeting.startsAt, found.org.timeZone, locale)}`, found.group.shortName)[
        locale
      ],
    };
  };
  const sent = await Promise.all(
    call.leaders.map((ref) =>
      notice(ref)
        .then((n) => deps.proactive.send(ref, n))
        .then(
          () => true,
          (e: unknown) => {
            deps.logger.warn('meeting.deputy-notice-failed', describeError(e));
            return false;
          },
        ),
    ),
  );
  if (member !== null)
    await followUp(deps, 'meeting.deputy-member-failed', () =>
      deps.proactive.send(member, { text: (sent.includes(true) ? t.deputyTold : t.deputyNotTold)(found.group.shortName)[turn.locale] }),
    );
}

/**
 * "Kalla ersättare" on the input card: the named deputy gets the call in their personal chat (in
 * their own language), the process leaders are told, and the member hears what happened.
 */
export async function submitCallDeputy(turn: Turn, deps: MeetingDeps, data: z.infer<typeof executeData>): Promise<void> {
  const at = (found: MeetingInGroup, locale: Locale) => `${found.group.shortName} ${when(found.meeting.startsAt, found.org.timeZone, locale)}`;
  const r = await callNamedDeputy(
    data,
    userAt(turn, deps),
    { ...deps, chats: personalChats(deps.conversations, deps.proactive) },
    {
      // Each recipient in their own language.
      toDeputy: async (f, to) => {
        const locale = await languageOfPerson(to, deps.members);
        return { card: deputyCallCard(f.found.org, f.found.group, f.found.meeting, f.memberName, locale) };
      },
      toLeader: async (f, to) => {
        const locale = await languageOfPerson(to, deps.members);
        return { text: (f.reached ? deputyTexts.leaderCalled : deputyTexts.leaderUnreached)(plain(f.memberName), plain(f.deputyName), at(f.found, locale))[locale] };
      },
    },
  );
  if (!r.ok) {
    deps.logger.info('meeting.deputy-call-refused', { org: data.org, group: data.group, code: r.code });
    switch (r.code) {
      case 'unknown-meeting':
        return reply(turn, t.unknownMeeting);
      case 'not-member':
        return reply(turn, t.notMember(r.group.shortName));
      case 'started':
        return reply(turn, t.started);
      case 'attending':
        return reply(turn, deputyTexts.attending(r.group.shortName));
      case 'no-deputy':
        return reply(turn, deputyTexts.noneNamed(r.group.shortName));
      case 'already-called':
        return reply(turn, deputyTexts.alreadyCalled(plain(r.deputyName)));
    }
  }
  const { found, deputyName, reached, leadersTold, markedAbsent } = r.value;
  deps.logger.info('meeting.deputy-called', { org: found.org.id, group: found.group.id, reached, leadersTold });
  if (markedAbsent) await refreshChannelCounts(deps, found);
  const told = (reached ? deputyTexts.called : deputyTexts.unreached)(plain(deputyName), leadersTold)[turn.locale];
  return replyText(turn, markedAbsent ? `${told} ${deputyTexts.markedAbsent[turn.locale]}` : told);
}

/** `synpunkter <möte>`: the input card with the member's own input, in personal chat only. */
export async function showInputCard(turn: Turn, deps: MeetingDeps, arg: string): Promise<void> {
  const r = await ownInputCard(meetingRefOf(arg), { ...userAt(turn, deps), scope: turn.ref.conversationType }, deps);
  if (!r.ok) {
    if (r.code === 'no-personal-chat') return refusePrivately(turn, deps);
    return reply(turn, r.code === 'not-member' ? t.notMember(r.group.shortName) : t.unknownMeeting);
  }
  const { found, mine, deputy, destination } = r.value;
  await sendPrivately(turn, deps, destination, [inputCard(found.org, found.group, found.meeting, mine, turn.locale, deputy)]);
}

/** The input card's submission: every field checked, saved per item until the cut-off. */
export async function submitWrittenInput(turn: Turn, deps: MeetingDeps, data: z.infer<typeof inputSubmission>): Promise<void> {
  const r = await saveWrittenInput(data, perItem('input', data), userAt(turn, deps), deps);
  if (!r.ok) {
    switch (r.code) {
      case 'unknown-meeting':
        return reply(turn, t.unknownMeeting);
      case 'bad-field':
        return reply(turn, problemText(r.problem, texts.badCard));
      case 'not-member':
        return reply(turn, t.notMember(r.group.shortName));
      case 'cutoff-passed':
        return reply(turn, t.cutoffPassed(when(r.cutoff.toISOString(), r.found.org.timeZone, turn.locale)));
      case 'unknown-item':
        return reply(turn, texts.badCard);
    }
  }
  const { found, saved, cutoff, attendance } = r.value;
  deps.logger.info('meeting.input', { org: found.org.id, group: found.group.id, items: saved });
  if (attendance === 'marked-absent') await refreshChannelCounts(deps, found);
  const main = (saved === 0 ? t.inputNothing : t.inputSaved(saved, when(cutoff.toISOString(), found.org.timeZone, turn.locale)))[turn.locale];
  const note = attendance === 'marked-absent' ? t.inputMarkedAbsent[turn.locale] : attendance === 'attending' ? t.inputWhileAttending[turn.locale] : null;
  return replyText(turn, note === null ? main : `${main} ${note}`);
}

/** `sammanställning <möte>`: the brief with everyone's input, for the group's chair, vice chair and process leader, in personal chat only. */
export async function showBrief(turn: Turn, deps: MeetingDeps, arg: string): Promise<void> {
  const r = await meetingBrief(meetingRefOf(arg), { ...userAt(turn, deps), scope: turn.ref.conversationType, locale: turn.locale }, deps);
  if (!r.ok) {
    if (r.code === 'no-personal-chat') return refusePrivately(turn, deps);
    return reply(turn, r.code === 'not-input-reader' ? t.notInputReader(r.group.shortName) : t.unknownMeeting);
  }
  const { found, brief, calls, destination } = r.value;
  // Everyone's input at its limit is more than one Teams message holds: the brief comes in parts.
  await sendPrivately(turn, deps, destination, splitCard(briefCard(found.org, found.group, found.meeting, brief, turn.locale, calls)));
}

/** `möten [grupp]`: the group's upcoming and recent meetings, a card each. */
export async function showMeetings(turn: Turn, deps: MeetingDeps, arg: string): Promise<void> {
  const r = await groupMeetings(arg, { ...userAt(turn, deps), locale: turn.locale }, deps);
  if (!r.ok) return reply(turn, r.code === 'no-group' ? texts.helpIntro : r.code === 'no-meetings' ? t.noMeetings : texts.groupNotFound(r.query));
  const { org, group, meetings, rights } = r.value;
  for (const { meeting, brief, mine, calls } of meetings) await sendCard(turn, meetingViewCard(org, group, meeting, brief, rights, turn.locale, mine, calls));
}

/** `avsluta <möte>`: the close form (summary per item, the attendance register), for leads, once the meeting has started. */
export async function showCloseForm(turn: Turn, deps: MeetingDeps, arg: string): Promise<void> {
  const r = await openCloseForm(meetingRefOf(arg), userAt(turn, deps), deps);
  if (!r.ok) return reply(turn, r.code === 'not-lead' ? t.notLead(r.group.shortName) : r.code === 'not-started' ? t.notStartedYet : t.unknownMeeting);
  await sendCard(turn, closeCard(r.value.group, r.value.meeting, r.value.version, turn.locale, r.value));
}

/** The close form's submission: every summary checked; status held with the summaries; the sweep sends the catch-up. */
export async function submitClose(turn: Turn, deps: MeetingDeps, data: z.infer<typeof closeSubmission>): Promise<void> {
  const parse = (found: MeetingInGroup) => {
    const summaries = perItem('summary', data)(found);
    return summaries.ok ? ok({ summaries: summaries.value, present: data.present }) : summaries;
  };
  const r = await closeHeldMeeting(data, data.version, parse, userAt(turn, deps), { ...deps, board: agendaBoard(deps) });
  if (!r.ok) {
    switch (r.code) {
      case 'unknown-meeting':
        return reply(turn, t.unknownMeeting);
      case 'bad-field':
        return reply(turn, problemText(r.problem, texts.badCard));
      case 'not-lead':
        return reply(turn, t.notLead(r.group.shortName));
      case 'not-started':
        return reply(turn, t.notStartedYet);
      case 'no-summaries':
        return reply(turn, t.noSummaries);
      case 'conflict':
        return reply(turn, t.conflict);
      case 'unknown-present':
        return reply(turn, t.unknownPresent);
    }
  }
  deps.logger.info('meeting.closed', { org: r.value.found.org.id, group: r.value.found.group.id, card: r.value.board });
  return replyText(turn, withBoard(t.closed(r.value.absent), r.value.board, r.value.found.group)[turn.locale]);
}
