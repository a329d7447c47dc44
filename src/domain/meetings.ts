import type { GroupId, Locale, OrgId } from './organisation';
import type { IsoDate } from './calendarDate';

/** A planned or held meeting of a group, as far as the årshjul needs it. */
export interface PlannedMeeting {
  readonly id: string;
  readonly org: OrgId;
  readonly group: GroupId;
  /** The meeting's calendar date in the organisation's time zone. */
  readonly date: IsoDate;
  /** Start as an ISO instant. */
  readonly startsAt: string;
  readonly title: string;
  readonly cancelled: boolean;
}

/** What the server accepts from the meeting, input and close forms (the cards show the same limits). */
export const MEETING_LIMITS = {
  items: 8,
  title: 200,
  presenter: 100,
  place: 300,
  doc: 500,
  source: 200,
  minutes: 480,
  cutoffHours: 168,
  input: 4000,
  summary: 4000,
  firstYear: 2000,
  lastYear: 2100,
} as const;

/** What a form field must be: drives both the submission schema and the message that names the field. */
export type FieldRule =
  | { readonly kind: 'text'; readonly max: number; readonly required?: boolean }
  | { readonly kind: 'int'; readonly min: number; readonly max: number; readonly empty: number }
  | { readonly kind: 'url'; readonly max: number }
  | { readonly kind: 'date' }
  | { readonly kind: 'time' }
  | { readonly kind: 'choice'; readonly values: readonly string[] }
  | { readonly kind: 'flag' };

/** A field the person sees, to name it in a message: a form field, or one per agenda item. */
export type FieldName =
  | { readonly field: 'date' | 'time' | 'place' | 'cutoffHours' }
  | { readonly field: 'title' | 'kind' | 'presenter' | 'minutes' | 'doc' | 'source' | 'withdrawn'; readonly item: number }
  | { readonly field: 'input' | 'summary'; readonly item: number | null };

export const ITEM_KINDS = ['information', 'diskussion', 'beslut'] as const;
export type ItemKind = (typeof ITEM_KINDS)[number];

/** A matter sent back (återremitterat) by the group's decision `year:seq`, to be taken up again. */
export interface SentBack {
  readonly kind: 'sent-back';
  readonly decision: { readonly year: number; readonly seq: number };
}

/** One point on the dagordning. */
export interface AgendaItem {
  readonly id: string;
  readonly title: string;
  readonly kind: ItemKind;
  /** Föredragande. */
  readonly presenter: string;
  readonly minutes: number;
  readonly documents: readonly { readonly title: string; readonly url: string }[];
  /** Where the item comes from: sent back earlier, or raised by another group (free text, shown as typed). */
  readonly source: string | null;
  /** The matter this item takes up again, as data (set when a queued matter is put on the agenda). */
  readonly origin?: SentBack;
  /** "Punkten utgår": kept on the agenda, marked withdrawn. */
  readonly withdrawn: boolean;
}

export type MeetingStatus = 'planned' | 'held' | 'minutes-approved' | 'published';

/** A meeting with its dagordning; `revision` counts agenda changes since it was first posted. */
export interface Meeting extends PlannedMeeting {
  readonly place: string;
  readonly agenda: readonly AgendaItem[];
  readonly revision: number;
  readonly status: MeetingStatus;
  /** Hours before the start after which written input can no longer be changed (default 24). */
  readonly cutoffHours: number;
  /** The agenda card posted in the group's channel, so a revision can update it in place. */
  readonly posted: { readonly conversationId: string; readonly activityId: string } | null;
  /** The process leader's summary per item after the meeting, until the decision log holds it. */
  readonly summaries: Readonly<Record<string, string>>;
  readonly createdBy: string;
  /** Who was there, recorded by the lead when closing the meeting; absent on meetings closed before the register existed. */
  readonly register?: AttendanceRegister;
}

/** The attendance register of a held meeting (AAD object ids): present as ticked at the close, förhinder as reported and not present. */
export interface AttendanceRegister {
  readonly present: readonly string[];
  readonly absent: readonly string[];
}

export type Attendance = 'attending' | 'absent';

/** A member's answer to the meeting: attending or förhinder. */
export interface AttendanceAnswer {
  readonly member: string;
  readonly attendance: Attendance;
  readonly at: string;
}

/** Who the close form ticks as present before the lead changes anything: those who answered "Jag kommer". */
export const expectedPresent = (answers: readonly AttendanceAnswer[]): string[] => answers.filter((a) => a.attendance === 'attending').map((a) => a.member);

/** The register from the people ticked present: förhinder are those who reported it and were not there after all. */
export function attendanceRegister(present: readonly string[], answers: readonly AttendanceAnswer[]): AttendanceRegister {
  const there = new Set(present);
  return { present: [...there], absent: answers.filter((a) => a.attendance === 'absent' && !there.has(a.member)).map((a) => a.member) };
}

/** Written input ("synpunkter i förväg") from an absent member, per item or general. */
export interface WrittenInput {
  readonly author: string;
  /** An agenda item id, or `general`. */
  readonly item: string;
  readonly text: string;
  readonly at: string;
}

export const GENERAL = 'general';

/** The instant after which written input is closed. */
export function cutoffOf(meeting: Meeting): Date {
  return new Date(Date.parse(meeting.startsAt) - meeting.cutoffHours * 3_600_000);
}

/** True while absent members may still leave or change written input. */
export const inputOpen = (meeting: Meeting, now: Date): boolean => meeting.status === 'planned' && !meeting.cancelled && now < cutoffOf(meeting);

/** True while the meeting has not started: answers and agenda revisions are still possible. */
export const beforeStart = (meeting: Meeting, now: Date): boolean => now.getTime() < Date.parse(meeting.startsAt);

/** The items still on the agenda, in order. */
export const activeItems = (meeting: Meeting): AgendaItem[] => meeting.agenda.filter((i) => !i.withdrawn);

/** When the meeting is planned to end: its start plus the minutes of the items still on the agenda; null without any. */
export function plannedEnd(meeting: Meeting): Date | null {
  const minutes = activeItems(meeting).reduce((sum, i) => sum + i.minutes, 0);
  return minutes === 0 ? null : new Date(Date.parse(meeting.startsAt) + minutes * 60_000);
}

/** What a revision changed, for the note on the updated card. */
export type AgendaChange =
  | { readonly kind: 'added'; readonly title: string }
  | { readonly kind: 'withdrawn'; readonly title: string }
  | { readonly kind: 'restored'; readonly title: string }
  | { readonly kind: 'changed'; readonly title: string; readonly fields: readonly string[] }
  | { readonly kind: 'removed'; readonly title: string }
  | { readonly kind: 'reordered' }
  | { readonly kind: 'time'; readonly from: string; readonly to: string }
  | { readonly kind: 'place'; readonly from: string; readonly to: string };

/** Lists what changed between two versions of a meeting's agenda, time and place. */
export function agendaChanges(before: Meeting, after: Meeting): AgendaChange[] {
  const out: AgendaChange[] = [];
  if (Date.parse(before.startsAt) !== Date.parse(after.startsAt)) out.push({ kind: 'time', from: before.startsAt, to: after.startsAt });
  if (before.place !== after.place) out.push({ kind: 'place', from: before.place, to: after.place });
  const old = new Map(before.agenda.map((i) => [i.id, i]));
  for (const item of after.agenda) {
    const prev = old.get(item.id);
    if (prev === undefined) {
      out.push({ kind: 'added', title: item.title });
      continue;
    }
    if (!prev.withdrawn && item.withdrawn) out.push({ kind: 'withdrawn', title: item.title });
    else if (prev.withdrawn && !item.withdrawn) out.push({ kind: 'restored', title: item.title });
    const fields: string[] = (['title', 'kind', 'presenter', 'minutes', 'source'] as const).filter((f) => prev[f] !== item[f]);
    const docs = (i: AgendaItem) => i.documents.map((d) => `${d.title}\u0000${d.url}`).join('\u0001');
    if (docs(prev) !== docs(item)) fields.push('documents');
    if (fields.length > 0) out.push({ kind: 'changed', title: item.title, fields });
  }
  const kept = new Set(after.agenda.map((i) => i.id));
  for (const item of before.agenda) if (!kept.has(item.id)) out.push({ kind: 'removed', title: item.title });
  const order = (m: Meeting) =>
    m.agenda
      .filter((i) => old.has(i.id) && kept.has(i.id))
      .map((i) => i.id)
      .join();
  if (order(before) !== order(after)) out.push({ kind: 'reordered' });
  return out;
}

/** The people the brief and the reminders are about: members of the group and their answers. */
export interface MeetingPeople {
  readonly members: readonly { readonly aadObjectId: string; readonly displayName: string; readonly isMember: boolean }[];
  readonly answers: readonly AttendanceAnswer[];
  readonly inputs: readonly WrittenInput[];
}

/** The compiled brief for the chair and process leader: input per item, absent without input, counts. */
export interface Brief {
  readonly perItem: readonly { readonly item: AgendaItem; readonly inputs: readonly { readonly author: string; readonly text: string }[] }[];
  readonly general: readonly { readonly author: string; readonly text: string }[];
  readonly absentWithInput: readonly string[];
  readonly absentWithoutInput: readonly string[];
  readonly attending: number;
  readonly absent: number;
  readonly noAnswer: number;
  /** Members who have not answered yet, by name, for the leads' view. */
  readonly notAnswered: readonly string[];
}

/** The name shown for someone no longer on the roster (their input and answer are kept), in the reader's language: never their AAD id. */
export const FORMER_MEMBER: Readonly<Record<Locale, string>> = { sv: 'tidigare ledamot', en: 'former member' };

/** Compiles absent members' written input per agenda item (display names), for the chair, in the reader's language. */
export function compileBrief(meeting: Meeting, people: MeetingPeople, locale: Locale): Brief {
  const name = (aad: string) => people.members.find((m) => m.aadObjectId === aad)?.displayName ?? FORMER_MEMBER[locale];
  const answers = people.answers;
  const absent = answers.filter((a) => a.attendance === 'absent').map((a) => a.member);
  const textOf = (item: string) =>
    people.inputs
      .filter((i) => i.item === item && absent.includes(i.author) && i.text.trim() !== '')
      .sort((a, b) => name(a.author).localeCompare(name(b.author), 'sv'))
      .map((i) => ({ author: name(i.author), text: i.text }));
  const withInput = authorsWithInput(meeting, people);
  const answered = new Set(answers.map((a) => a.member));
  const sortNames = (ids: string[]) => ids.map(name).sort((a, b) => a.localeCompare(b, 'sv'));
  return {
    perItem: activeItems(meeting).map((item) => ({ item, inputs: textOf(item.id) })),
    general: textOf(GENERAL),
    absentWithInput: sortNames(absent.filter((a) => withInput.has(a))),
    absentWithoutInput: sortNames(absent.filter((a) => !withInput.has(a))),
    attending: answers.filter((a) => a.attendance === 'attending').length,
    absent: absent.length,
    noAnswer: people.members.filter((m) => m.isMember && !answered.has(m.aadObjectId)).length,
    notAnswered: sortNames(people.members.filter((m) => m.isMember && !answered.has(m.aadObjectId)).map((m) => m.aadObjectId)),
  };
}

/** Authors with non-blank input on an item still on the agenda, or general input. */
function authorsWithInput(meeting: Meeting, people: MeetingPeople): Set<string> {
  const active = new Set([...activeItems(meeting).map((i) => i.id), GENERAL]);
  return new Set(people.inputs.filter((i) => i.text.trim() !== '' && active.has(i.item)).map((i) => i.author));
}

/** Who may read written input: the chair, vice chair and process leader see all; others only their own. */
export function visibleInputs(inputs: readonly WrittenInput[], viewer: string, viewerLeads: boolean): WrittenInput[] {
  return viewerLeads ? [...inputs] : inputs.filter((i) => i.author === viewer);
}

/** Hours before the cut-off at which absent members without input are reminded (default 72 and 24). */
export const INPUT_REMINDER_HOURS = [72, 24] as const;

/** An input reminder due now: the tightest threshold reached, once per member and threshold. */
export interface InputReminder {
  readonly member: string;
  readonly hoursBeforeCutoff: number;
  readonly key: string;
}

/**
 * Members who reported förhinder and left no input, to be reminded now: for each, the
 * tightest threshold before the cut-off that has been reached (a missed sweep catches up).
 */
export function inputRemindersDue(meeting: Meeting, people: MeetingPeople, now: Date, hours: readonly number[] = INPUT_REMINDER_HOURS): InputReminder[] {
  if (!inputOpen(meeting, now)) return [];
  const left = (cutoffOf(meeting).getTime() - now.getTime()) / 3_600_000;
  const reached = hours
    .filter((h) => left <= h)
    .sort((a, b) => a - b)
    .at(0);
  if (reached === undefined) return [];
  const withInput = authorsWithInput(meeting, people);
  return people.answers
    .filter((a) => a.attendance === 'absent' && !withInput.has(a.member))
    .map((a) => ({ member: a.member, hoursBeforeCutoff: reached, key: `meeting:${meeting.id}|input|${reached}` }));
}
