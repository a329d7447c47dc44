import type { z } from 'zod';
import type { OrgCatalog } from '../app/catalog';
import { answerMeeting, briefFor, closeMeeting, meetingPeople, meetingViewRights, openLeadForm, openMeetingForm, ownInput, saveMeeting, submitInput } from '../app/meetings';
import type { Clock, ConversationRepository, DecisionRepository, GroupRecord, GroupStateRepository, MeetingInputRepository } from '../app/ports';
import { splitCard, type AdaptiveCard } from '../cards/adaptive';
import { agendaCard, briefCard, closeCard, inputCard, meetingFormCard, meetingViewCard } from '../cards/meetingCards';
import { changeText, meetingTexts as t, when } from '../cards/meetingTexts';
import { texts } from '../cards/texts';
import { compileBrief, cutoffOf, type AttendanceAnswer, type Meeting } from '../domain/meetings';
import type { Group, Organisation } from '../domain/organisation';
import { orgsOfUser } from '../domain/people';
import type { Logger } from '../logger';
import { closeSubmission, executeData, inputSubmission, parseMeetingForm, parsePerItem, problemText, saveMeetingSubmission } from './meetingSubmissions';
import type { ProactiveSender } from './proactive';
import { reply, replyText, replyWithCard, sendCard, type Turn } from './turn';

export { closeSubmission, executeData, inputSubmission, saveMeetingSubmission } from './meetingSubmissions';

export interface MeetingDeps {
  readonly catalog: OrgCatalog;
  readonly groupState: GroupStateRepository;
  readonly conversations: ConversationRepository;
  readonly meetingInputs: MeetingInputRepository;
  readonly proactive: ProactiveSender;
  readonly clock: Clock;
  readonly logger: Logger;
  readonly decisions: DecisionRepository;
}

/**
 * Sends cards that show written input to the person's personal chat only. In a channel or
 * group chat the conversation gets a short note instead (or how to open a personal chat).
 */
async function sendPrivately(turn: Turn, deps: MeetingDeps, cards: readonly AdaptiveCard[]): Promise<void> {
  if (turn.ref.conversationType === 'personal') {
    for (const card of cards) await sendCard(turn, card);
    return;
  }
  const personal = await deps.conversations.personalReference(turn.user.aadObjectId);
  if (personal === null) {
    deps.logger.info('meeting.private-refused', { scope: turn.ref.conversationType, reason: 'no-personal-chat' });
    return reply(turn, t.noPersonalChat);
  }
  for (const card of cards) await deps.proactive.send(personal, { card });
  return reply(turn, t.sentPrivately);
}

const groupRecord = async (deps: Pick<MeetingDeps, 'groupState'>, org: Organisation, group: Group): Promise<GroupRecord | undefined> =>
  (await deps.groupState.groups(org.id, [group.id])).get(group.id);

function resolveGroup(deps: MeetingDeps, turn: Turn, query: string): { org: Organisation; group: Group } | null {
  const found = deps.catalog.findGroup(query, orgsOfUser(turn.user));
  return found.ok ? found.value : null;
}

/** `org/group/meetingId` from a button or a typed command. */
export async function meetingByRef(deps: Pick<MeetingDeps, 'catalog' | 'groupState'>, ref: string): Promise<{ org: Organisation; group: Group; meeting: Meeting; version: string } | null> {
  const [orgId = '', groupId = '', id = ''] = ref.trim().split('/');
  const org = deps.catalog.get(orgId);
  const group = org?.groups.find((g) => g.id === groupId);
  if (org === undefined || group === undefined || !/^[0-9a-z-]{1,40}$/.test(id)) return null;
  const found = await deps.groupState.meeting(org.id, group.id, id);
  return found === null ? null : { org, group, ...found };
}

async function counts(deps: MeetingDeps, m: Meeting): Promise<{ attending: number; absent: number }> {
  return countAnswers((await deps.meetingInputs.load(m)).answers);
}

const countAnswers = (answers: readonly AttendanceAnswer[]) => ({
  attending: answers.filter((a) => a.attendance === 'attending').length,
  absent: answers.filter((a) => a.attendance === 'absent').length,
});

/** `möte <grupp>`: the form for a new meeting, for leads; its key is recorded now, so a replay creates one meeting. */
export async function showMeetingForm(turn: Turn, deps: MeetingDeps, arg: string): Promise<void> {
  const target = resolveGroup(deps, turn, arg);
  if (target === null) return reply(turn, texts.groupNotFound(arg.trim()));
  const opened = await openMeetingForm({ ...target, user: turn.user, now: deps.clock.now() }, deps.groupState);
  if (!opened.ok) return reply(turn, t.notLead(target.group.shortName));
  // Matters sent back (återremitterade) are offered first, with where they come from.
  const queued = await deps.decisions.queue(target.org.id, target.group.id);
  await sendCard(turn, meetingFormCard(target.org.id, target.group, null, null, turn.locale, target.org.timeZone, opened.value, queued));
}

/** `revidera <möte>`: the form prefilled with the current agenda and its version. */
export async function showReviseForm(turn: Turn, deps: MeetingDeps, arg: string): Promise<void> {
  const found = await meetingByRef(deps, arg);
  if (found === null) return reply(turn, t.unknownMeeting);
  const allowed = openLeadForm('revise', { ...found, user: turn.user, now: deps.clock.now(), record: await groupRecord(deps, found.org, found.group) });
  if (!allowed.ok) return reply(turn, t.notLead(found.group.shortName));
  await sendCard(turn, meetingFormCard(found.org.id, found.group, found.meeting, found.version, turn.locale, found.org.timeZone));
}

/** The form's submission: every field checked, then create or revise, post the agenda card or update it in place. */
export async function submitMeeting(turn: Turn, deps: MeetingDeps, raw: z.infer<typeof saveMeetingSubmission>): Promise<void> {
  const parsed = parseMeetingForm(raw);
  if (!parsed.ok) {
    deps.logger.info('meeting.refused', { code: 'bad-field', field: parsed.problem.kind === 'field' ? parsed.problem.name.field : 'card' });
    return reply(turn, problemText(parsed.problem, texts.badCard));
  }
  const data = parsed.value;
  const org = deps.catalog.get(data.org);
  const group = org?.groups.find((g) => g.id === data.group);
  if (org === undefined || group === undefined) return reply(turn, texts.groupNotFound(data.group));
  const result = await saveMeeting(data.form, { meetingId: data.meetingId, version: data.version, formKey: data.formKey }, { org, group, user: turn.user, now: deps.clock.now() }, deps.groupState);
  if (!result.ok) {
    const messages = {
      'not-lead': t.notLead(group.shortName),
      'bad-time': t.badTime,
      'in-past': t.inPast,
      'no-items': t.noItems,
      conflict: t.conflict,
      'unknown-meeting': t.unknownMeeting,
      started: t.started,
      'already-created': t.alreadyCreated,
      'unknown-form': t.unknownForm,
    };
    deps.logger.info('meeting.refused', { org: org.id, group: group.id, code: result.code });
    return reply(turn, messages[result.code]);
  }
  const { meeting, changes, created } = result.value;
  let version = result.value.version;
  const at = when(meeting.startsAt, org.timeZone, turn.locale);
  const changeList = changes.map((c) => changeText(c, org.timeZone, 'sv')).join('; ');
  const note = created || changes.length === 0 ? null : t.revision(meeting.revision, changeList).sv;
  const agenda = agendaCard(org, group, meeting, await counts(deps, meeting), 'sv', note);
  if (!created) {
    if (changes.length === 0) return reply(turn, t.noChanges);
    const link = await deps.conversations.channelOfGroup(org.id, group.id);
    if (meeting.posted !== null && link !== null) await deps.proactive.update(link.channel, meeting.posted.activityId, { card: agenda });
    deps.logger.info('meeting.revised', { org: org.id, group: group.id, changes: changes.length });
    return reply(turn, t.revised(changes.map((c) => changeText(c, org.timeZone, turn.locale)).join('; ')));
  }
  // A matter sent back is on the agenda again: it leaves the queue (its decision keeps the history).
  for (const item of meeting.agenda) if (item.origin !== undefined) await deps.decisions.dequeue(org.id, group.id, item.origin.decision);
  const link = await deps.conversations.channelOfGroup(org.id, group.id);
  if (link === null) return replyWithCard(turn, t.createdNoChannel(group.shortName, at)[turn.locale], agenda);
  const activityId = await deps.proactive.send(link.channel, { card: agenda });
  const saved = await deps.groupState.saveMeeting({ ...meeting, posted: { conversationId: link.channel.conversationId, activityId: activityId ?? '' } }, version);
  if (saved.ok) version = saved.value;
  deps.logger.info('meeting.created', { org: org.id, group: group.id, items: meeting.agenda.length });
  return reply(turn, t.created(group.shortName, at));
}

/** One tap on the agenda card (Action.Execute): attending or förhinder; returns the refreshed card. */
export async function executeAnswer(turn: Turn, deps: MeetingDeps, attendance: 'attending' | 'absent', data: z.infer<typeof executeData>): Promise<AdaptiveCard | string> {
  const found = await meetingByRef(deps, `${data.org}/${data.group}/${data.meetingId}`);
  if (found === null) return t.unknownMeeting[turn.locale];
  const { org, group, meeting } = found;
  const now = deps.clock.now();
  const record = await groupRecord(deps, org, group);
  const result = await answerMeeting(attendance, { org, group, user: turn.user, meeting, now, record }, deps.meetingInputs);
  if (!result.ok) return (result.code === 'not-member' ? t.notMember(group.shortName) : t.started)[turn.locale];
  // One read after the answer serves both the refreshed counts and the member's own earlier input.
  const { answers, inputs } = await deps.meetingInputs.load(meeting);
  if (attendance === 'absent') {
    const personal = await deps.conversations.personalReference(turn.user.aadObjectId);
    const mine = inputs.filter((i) => i.author === turn.user.aadObjectId);
    if (personal !== null) await deps.proactive.send(personal, { card: inputCard(org, group, meeting, mine, turn.locale) });
  }
  deps.logger.info('meeting.answered', { org: org.id, group: group.id, attendance });
  return agendaCard(org, group, meeting, countAnswers(answers), 'sv', null);
}

/** `synpunkter <möte>`: the input card with the member's own input, in personal chat only. */
export async function showInputCard(turn: Turn, deps: MeetingDeps, arg: string): Promise<void> {
  const found = await meetingByRef(deps, arg);
  if (found === null) return reply(turn, t.unknownMeeting);
  const record = await groupRecord(deps, found.org, found.group);
  const mine = await ownInput({ ...found, user: turn.user, now: deps.clock.now(), record }, deps.meetingInputs);
  if (!mine.ok) return reply(turn, t.notMember(found.group.shortName));
  await sendPrivately(turn, deps, [inputCard(found.org, found.group, found.meeting, mine.value, turn.locale)]);
}

/** The input card's submission: every field checked, saved per item until the cut-off. */
export async function submitWrittenInput(turn: Turn, deps: MeetingDeps, data: z.infer<typeof inputSubmission>): Promise<void> {
  const found = await meetingByRef(deps, `${data.org}/${data.group}/${data.meetingId}`);
  if (found === null) return reply(turn, t.unknownMeeting);
  const parsed = parsePerItem(found.meeting, 'input', data);
  if (!parsed.ok) return reply(turn, problemText(parsed.problem, texts.badCard));
  const record = await groupRecord(deps, found.org, found.group);
  const result = await submitInput(parsed.value, { ...found, user: turn.user, now: deps.clock.now(), record }, deps.meetingInputs);
  const cutoff = when(cutoffOf(found.meeting).toISOString(), found.org.timeZone, turn.locale);
  if (!result.ok) {
    if (result.code === 'not-member') return reply(turn, t.notMember(found.group.shortName));
    if (result.code === 'cutoff-passed') return reply(turn, t.cutoffPassed(cutoff));
    return reply(turn, texts.badCard);
  }
  deps.logger.info('meeting.input', { org: found.org.id, group: found.group.id, items: result.value.saved });
  return reply(turn, result.value.saved === 0 ? t.inputNothing : t.inputSaved(result.value.saved, cutoff));
}

/** `sammanställning <möte>`: the brief with everyone's input, for the group's chair, vice chair and process leader, in personal chat only. */
export async function showBrief(turn: Turn, deps: MeetingDeps, arg: string): Promise<void> {
  const found = await meetingByRef(deps, arg);
  if (found === null) return reply(turn, t.unknownMeeting);
  const record = await groupRecord(deps, found.org, found.group);
  const brief = await briefFor({ ...found, user: turn.user, now: deps.clock.now(), record }, deps.meetingInputs);
  if (!brief.ok) return reply(turn, t.notInputReader(found.group.shortName));
  // Everyone's input at its limit is more than one Teams message holds: the brief comes in parts.
  await sendPrivately(turn, deps, splitCard(briefCard(found.org, found.group, found.meeting, brief.value, turn.locale)));
}

/** `möten [grupp]`: the group's upcoming and recent meetings, a card each. */
export async function showMeetings(turn: Turn, deps: MeetingDeps, arg: string): Promise<void> {
  const target =
    arg.trim() !== ''
      ? resolveGroup(deps, turn, arg)
      : (() => {
          const m = turn.user.memberships[0];
          const org = m ? deps.catalog.get(m.org) : undefined;
          const group = org?.groups.find((g) => g.id === m?.group);
          return org && group ? { org, group } : null;
        })();
  if (target === null) return reply(turn, arg.trim() === '' ? texts.helpIntro : texts.groupNotFound(arg.trim()));
  const record = await groupRecord(deps, target.org, target.group);
  const meetings = [...(record?.meetings ?? [])].sort((a, b) => a.startsAt.localeCompare(b.startsAt));
  if (meetings.length === 0) return reply(turn, t.noMeetings);
  const now = deps.clock.now();
  const nowIso = now.toISOString();
  const shown = [...meetings.filter((m) => m.startsAt < nowIso).slice(-1), ...meetings.filter((m) => m.startsAt >= nowIso).slice(0, 3)];
  const buttons = meetingViewRights(turn.user, target.org, target.group, record, now);
  for (const m of shown) {
    const people = await meetingPeople(target.org.id, m, record, deps.meetingInputs);
    await sendCard(turn, meetingViewCard(target.org, target.group, m, compileBrief(m, people), buttons, turn.locale));
  }
}

/** `avsluta <möte>`: the close form (summary per item), for leads, once the meeting has started. */
export async function showCloseForm(turn: Turn, deps: MeetingDeps, arg: string): Promise<void> {
  const found = await meetingByRef(deps, arg);
  if (found === null) return reply(turn, t.unknownMeeting);
  const allowed = openLeadForm('close', { ...found, user: turn.user, now: deps.clock.now(), record: await groupRecord(deps, found.org, found.group) });
  if (!allowed.ok) return reply(turn, allowed.code === 'not-lead' ? t.notLead(found.group.shortName) : t.notStartedYet);
  await sendCard(turn, closeCard(found.group, found.meeting, found.version, turn.locale));
}

/** The close form's submission: every summary checked; status held with the summaries; the sweep sends the catch-up. */
export async function submitClose(turn: Turn, deps: MeetingDeps, data: z.infer<typeof closeSubmission>): Promise<void> {
  const found = await meetingByRef(deps, `${data.org}/${data.group}/${data.meetingId}`);
  if (found === null) return reply(turn, t.unknownMeeting);
  const parsed = parsePerItem(found.meeting, 'summary', data);
  if (!parsed.ok) return reply(turn, problemText(parsed.problem, texts.badCard));
  const record = await groupRecord(deps, found.org, found.group);
  const closed = await closeMeeting(parsed.value, data.version, { ...found, user: turn.user, now: deps.clock.now(), record }, deps.groupState, deps.meetingInputs);
  if (!closed.ok) return reply(turn, { 'not-lead': t.notLead(found.group.shortName), 'not-started': t.notStartedYet, conflict: t.conflict }[closed.code]);
  deps.logger.info('meeting.closed', { org: found.org.id, group: found.group.id });
  return replyText(turn, t.closed(closed.value.absent)[turn.locale]);
}
