import { z } from 'zod';
import type { OrgCatalog } from '../app/catalog';
import { mayLead, meetingPeople } from '../app/meetings';
import type { Clock, ConversationRepository, DecisionRepository, GroupStateRepository, MeetingInputRepository } from '../app/ports';
import { meetingTexts } from '../cards/meetingTexts';
import { minutesCard, minutesTexts as t } from '../cards/minutesCards';
import { dateIn } from '../domain/calendarDate';
import { termOn } from '../domain/chairTerms';
import { approve, draftMinutes, editNotes, publish, returnMinutes, sendForJustering, type Minutes } from '../domain/minutes';
import type { Logger } from '../logger';
import { meetingByRef } from './meetingHandlers';
import type { ProactiveSender } from './proactive';
import { reply, sendCard, type Turn } from './turn';

export interface MinutesDeps {
  readonly catalog: OrgCatalog;
  readonly groupState: GroupStateRepository;
  readonly conversations: ConversationRepository;
  readonly meetingInputs: MeetingInputRepository;
  readonly decisions: DecisionRepository;
  readonly proactive: ProactiveSender;
  readonly clock: Clock;
  readonly logger: Logger;
}

const slug = z.string().regex(/^[a-z0-9][a-z0-9-]{0,62}$/);
export const minutesAction = z
  .object({
  verb: z.enum(['sendMinutes', 'approveMinutes', 'returnMinutes', 'newMinutesVersion']),
  org: slug,
  group: slug,
  meetingId: z.string().regex(/^[0-9a-z-]{1,40}$/),
  etag: z.string().min(1).max(200),
  comment: z.string().max(2000).optional().default(''),
  justerare: z.string().max(2000).optional(),
  })
  .passthrough();

async function names(deps: MinutesDeps, org: string, group: string): Promise<(aad: string) => string> {
  const record = (await deps.groupState.groups(org, [group])).get(group);
  const map = new Map((record?.members ?? []).map((m) => [m.aadObjectId, m.displayName]));
  return (aad) => map.get(aad) ?? aad;
}

/** `minnesanteckningar <möte>`: the minutes (drafted from the agenda, summaries and decisions the first time). */
export async function showMinutes(turn: Turn, deps: MinutesDeps, arg: string): Promise<void> {
  const found = await meetingByRef(deps, arg);
  if (found === null) return reply(turn, meetingTexts.unknownMeeting);
  const { org, group, meeting } = found;
  const record = (await deps.groupState.groups(org.id, [group.id])).get(group.id);
  const lead = mayLead(turn.user, org, group, record, deps.clock.now());
  let current = await deps.decisions.minutes(org.id, group.id, meeting.id);
  if (current === null) {
    if (!lead) return reply(turn, meetingTexts.notLead(group.shortName));
    const chair = termOn(record?.terms ?? [], 'chair', dateIn(deps.clock.now(), org.timeZone))?.holder.aadObjectId ?? null;
    if (chair === null) return reply(turn, t.noJusterare);
    const people = await meetingPeople(org.id, meeting, record, deps.meetingInputs);
    const draft = draftMinutes(
      meeting,
      await deps.decisions.list(org.id, group.id),
      { present: people.answers.filter((a) => a.attendance === 'attending').map((a) => a.member), absent: people.answers.filter((a) => a.attendance === 'absent').map((a) => a.member) },
      turn.user.aadObjectId,
      [chair],
    );
    const saved = await deps.decisions.saveMinutes(draft, null);
    if (!saved.ok) return reply(turn, t.failures.conflict);
    current = await deps.decisions.minutes(org.id, group.id, meeting.id);
  }
  const role = lead ? 'lead' : current!.minutes.justerare.includes(turn.user.aadObjectId) ? 'justerare' : 'none';
  const roster = (record?.members ?? []).filter((m) => m.roles.includes('member')).map((m) => m.aadObjectId);
  await sendCard(turn, minutesCard(current!.minutes, group, meeting.date, await names(deps, org.id, group.id), role, current!.etag, turn.locale, roster));
}

/** Send for justering, approve, or return: each guarded by the minutes' ETag. */
export async function submitMinutesAction(turn: Turn, deps: MinutesDeps, data: z.infer<typeof minutesAction>): Promise<void> {
  const found = await meetingByRef(deps, `${data.org}/${data.group}/${data.meetingId}`);
  const current = found ? await deps.decisions.minutes(data.org, data.group, data.meetingId) : null;
  if (found === null || current === null) return reply(turn, meetingTexts.unknownMeeting);
  if (current.etag !== data.etag) return reply(turn, t.failures.conflict);
  const { org, group, meeting } = found;
  const record = (await deps.groupState.groups(org.id, [group.id])).get(group.id);
  const now = deps.clock.now();
  let next;
  if (data.verb === 'sendMinutes' || data.verb === 'newMinutesVersion') {
    if (!mayLead(turn.user, org, group, record, now)) return reply(turn, meetingTexts.notLead(group.shortName));
    const raw = data as Record<string, unknown>;
    const notes = Object.fromEntries(current.minutes.items.filter((i) => typeof raw[`notes_${i.itemId}`] === 'string').map((i) => [i.itemId, String(raw[`notes_${i.itemId}`]).slice(0, 4000)]));
    const edited = editNotes(current.minutes, notes, data.verb === 'newMinutesVersion');
    if (!edited.ok) return reply(turn, t.failures[edited.code]);
    if (data.verb === 'newMinutesVersion') {
      const saved = await deps.decisions.saveMinutes(edited.value, current.etag);
      return reply(turn, saved.ok ? t.newVersionCreated(edited.value.version) : t.failures.conflict);
    }
    const members = new Set((record?.members ?? []).map((m) => m.aadObjectId));
    const named = (data.justerare ?? '').split(',').map((x) => x.trim()).filter((x) => members.has(x));
    next = sendForJustering(named.length > 0 ? { ...edited.value, justerare: named } : edited.value);
  } else if (data.verb === 'approveMinutes') next = approve(current.minutes, turn.user.aadObjectId, now.toISOString());
  else next = returnMinutes(current.minutes, turn.user.aadObjectId, data.comment);
  if (!next.ok) return reply(turn, t.failures[next.code]);
  const saved = await deps.decisions.saveMinutes(next.value, current.etag);
  if (!saved.ok) return reply(turn, t.failures.conflict);
  const nameOf = await names(deps, org.id, group.id);
  if (data.verb === 'sendMinutes') {
    const fresh = (await deps.decisions.minutes(org.id, group.id, meeting.id))!;
    for (const j of next.value.justerare) {
      const ref = await deps.conversations.personalReference(j);
      if (ref !== null) await deps.proactive.send(ref, { card: minutesCard(fresh.minutes, group, meeting.date, nameOf, 'justerare', fresh.etag, 'sv') });
    }
    return reply(turn, t.sent(next.value.justerare.map(nameOf).join(', ')));
  }
  if (data.verb === 'approveMinutes') {
    await deps.groupState.saveMeeting({ ...meeting, status: 'minutes-approved' });
    deps.logger.info('minutes.approved', { org: org.id, group: group.id });
    return reply(turn, t.approved(group.shortName));
  }
  return reply(turn, t.returnedNote);
}

/** `publicera <möte> <url>`: approved minutes marked as published at a web address. */
export async function publishMinutes(turn: Turn, deps: MinutesDeps, arg: string): Promise<void> {
  const [ref = '', url = ''] = arg.trim().split(/\s+/);
  const found = await meetingByRef(deps, ref);
  if (found === null) return reply(turn, meetingTexts.unknownMeeting);
  if (!/^https:\/\/\S+$/.test(url)) return reply(turn, t.failures['bad-url']);
  const { org, group, meeting } = found;
  const record = (await deps.groupState.groups(org.id, [group.id])).get(group.id);
  if (!mayLead(turn.user, org, group, record, deps.clock.now())) return reply(turn, meetingTexts.notLead(group.shortName));
  const current = await deps.decisions.minutes(org.id, group.id, meeting.id);
  if (current === null) return reply(turn, t.failures['not-approved']);
  const next = publish(current.minutes, url);
  if (!next.ok) return reply(turn, t.failures[next.code]);
  const saved = await deps.decisions.saveMinutes(next.value as Minutes, current.etag);
  if (!saved.ok) return reply(turn, t.failures.conflict);
  await deps.groupState.saveMeeting({ ...meeting, status: 'published' });
  // Those who were absent learn where the approved minutes are ("ta del av mötesinformation i efterhand", 001).
  const absent = (await deps.meetingInputs.load(meeting)).answers.filter((a) => a.attendance === 'absent');
  for (const a of absent) {
    const ref = await deps.conversations.personalReference(a.member);
    if (ref !== null) await deps.proactive.send(ref, { text: t.linkToAbsent(group.shortName, meeting.date, url).sv });
  }
  return reply(turn, t.publishedNote(url));
}
