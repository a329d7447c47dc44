import { randomBytes } from 'node:crypto';
import { dateIn, zonedToInstant } from '../domain/calendarDate';
import {
  agendaChanges,
  attendanceRegister,
  beforeStart,
  compileBrief,
  expectedPresent,
  inputOpen,
  type AgendaChange,
  type AgendaItem,
  type Attendance,
  type Brief,
  type ItemKind,
  type Meeting,
  type MeetingPeople,
  type SentBack,
  type WrittenInput,
} from '../domain/meetings';
import type { Group, Locale, Organisation } from '../domain/organisation';
import type { GroupMember, UserContext } from '../domain/people';
import { may, participants, rolesIn, type Action, type Roles } from '../domain/permissions';
import { fail, ok, type Result } from '../domain/result';
import { TERMS_ONLY, type GroupRecord, type GroupStateRepository, type MeetingInputRepository } from './ports';

/** A person's roles in the meeting's group today (terms from the group's record), for the permission module. */
export function meetingRoles(user: UserContext, org: Organisation, group: Group, record: GroupRecord | undefined, now: Date, authorId?: string): Roles {
  return rolesIn(user, { org: org.id, group: group.id, terms: record?.terms ?? [], today: dateIn(now, org.timeZone) }, { authorId: authorId ?? null });
}

/** May the user take this meeting action in the group today (see domain/permissions.ts). */
export const mayInGroup = (action: Action, user: UserContext, org: Organisation, group: Group, record: GroupRecord | undefined, now: Date): boolean =>
  may(action, meetingRoles(user, org, group, record, now));

/** May the user create, revise and close the group's meetings (`leadMeeting`). Kept for the minutes handlers. */
export const mayLead = (user: UserContext, org: Organisation, group: Group, record: GroupRecord | undefined, now: Date): boolean =>
  mayInGroup('leadMeeting', user, org, group, record, now);

/** What the meeting view offers this person: the lead buttons, and the brief only to those who may read input. */
export const meetingViewRights = (user: UserContext, org: Organisation, group: Group, record: GroupRecord | undefined, now: Date) => ({
  lead: mayInGroup('leadMeeting', user, org, group, record, now),
  brief: mayInGroup('readInput', user, org, group, record, now),
  member: mayInGroup('takePart', user, org, group, record, now),
});

/** The people the attendance register lists: the group's ledamöter today, chair and vice included. */
export const registerRoster = (org: Organisation, record: GroupRecord | undefined, now: Date): GroupMember[] =>
  participants(record?.members ?? [], record?.terms ?? [], dateIn(now, org.timeZone));

/** May a lead open the revise form (any time; saving checks the start) or the close form (once the meeting has started). */
export function openLeadForm(
  form: 'revise' | 'close',
  ctx: { org: Organisation; group: Group; user: UserContext; meeting: Meeting; now: Date; record: GroupRecord | undefined },
): Result<void, 'not-lead' | 'not-started'> {
  if (!mayInGroup('leadMeeting', ctx.user, ctx.org, ctx.group, ctx.record, ctx.now)) return fail('not-lead');
  if (form === 'close' && beforeStart(ctx.meeting, ctx.now)) return fail('not-started');
  return ok(undefined);
}

/** The meeting form after the Teams layer's schema: every value checked and within its limit. */
export interface MeetingForm {
  readonly date: string;
  readonly time: string;
  readonly place: string;
  readonly cutoffHours: number;
  readonly items: readonly {
    readonly title: string;
    readonly kind: ItemKind;
    readonly presenter: string;
    readonly minutes: number;
    /** An http(s) link or empty. */
    readonly doc: string;
    readonly source: string;
    /** The queued matter this row takes up again, or null. */
    readonly origin?: SentBack | null;
    readonly withdrawn: boolean;
  }[];
}

export type SaveFailure = 'not-lead' | 'bad-time' | 'in-past' | 'no-items' | 'conflict' | 'unknown-meeting' | 'started' | 'already-created' | 'unknown-form';

/** A document's title from its link: the last path part, or the whole link when that is empty. */
const documentTitle = (url: string): string => {
  const last = url.split('/').at(-1) ?? '';
  return last === '' ? url : last;
};
const originOf = (origin: SentBack | undefined) => (origin === undefined ? {} : { origin });

/** Builds the meeting from the form; an existing meeting keeps its item ids by position. */
export function meetingFromForm(
  form: MeetingForm,
  existing: Meeting | null,
  ctx: { org: Organisation; group: Group; user: UserContext; now: Date; id: string },
): Result<Meeting, SaveFailure> {
  const start = zonedToInstant(form.date, form.time, ctx.org.timeZone);
  if (start === null) return fail('bad-time');
  if (start.getTime() <= ctx.now.getTime()) return fail('in-past');
  const items: AgendaItem[] = form.items
    .map((it, i) => ({ it, i }))
    .filter(({ it }) => it.title.trim() !== '')
    .map(({ it, i }) => ({
      id: existing?.agenda[i]?.id ?? `p${i + 1}-${randomBytes(2).toString('hex')}`,
      title: it.title.trim(),
      kind: it.kind,
      presenter: it.presenter.trim(),
      minutes: it.minutes,
      documents: it.doc.trim() === '' ? [] : [{ title: documentTitle(it.doc.trim()), url: it.doc.trim() }],
      source: it.source.trim() === '' ? null : it.source.trim(),
      ...originOf(it.origin ?? existing?.agenda[i]?.origin),
      withdrawn: it.withdrawn,
    }));
  if (items.filter((i) => !i.withdrawn).length === 0) return fail('no-items');
  return ok({
    id: ctx.id,
    org: ctx.org.id,
    group: ctx.group.id,
    date: dateIn(start, ctx.org.timeZone),
    startsAt: start.toISOString(),
    title: ctx.group.shortName,
    cancelled: false,
    place: form.place.trim(),
    agenda: items,
    revision: existing === null ? 0 : existing.revision + 1,
    status: 'planned',
    cutoffHours: form.cutoffHours,
    posted: existing?.posted ?? null,
    summaries: existing?.summaries ?? {},
    createdBy: existing?.createdBy ?? ctx.user.aadObjectId,
  });
}

/** A new meeting id, made by the server only: the date (readable in commands) and a random part. */
export const newMeetingId = (date: string) => `${date}-${randomBytes(4).toString('hex')}`;

/** The key of a new-meeting form, fixed when the form is shown, so a replayed submission creates one meeting. */
export const newMeetingKey = () => randomBytes(12).toString('hex');

/** Shows a lead the new-meeting form: records the form's key for the group and returns it. */
export async function openMeetingForm(
  ctx: { org: Organisation; group: Group; user: UserContext; now: Date },
  state: Pick<GroupStateRepository, 'groups' | 'openMeetingForm'>,
): Promise<Result<string, 'not-lead'>> {
  const record = (await state.groups(ctx.org.id, [ctx.group.id], TERMS_ONLY)).get(ctx.group.id);
  if (!mayInGroup('leadMeeting', ctx.user, ctx.org, ctx.group, record, ctx.now)) return fail('not-lead');
  const key = newMeetingKey();
  await state.openMeetingForm(ctx.org.id, ctx.group.id, key, ctx.user.aadObjectId, ctx.now.toISOString());
  return ok(key);
}

/**
 * Creates or revises a meeting. A revision needs the version the form was built from (ETag):
 * a racing revision gets `conflict` and nothing is written. Returns what changed.
 */
export async function saveMeeting(
  form: MeetingForm,
  target: { meetingId: string | null; version: string | null; formKey: string | null },
  ctx: { org: Organisation; group: Group; user: UserContext; now: Date },
  state: Pick<GroupStateRepository, 'groups' | 'meeting' | 'createMeetingFromForm' | 'saveMeeting'>,
): Promise<Result<{ meeting: Meeting; version: string; changes: AgendaChange[]; created: boolean }, SaveFailure>> {
  const record = (await state.groups(ctx.org.id, [ctx.group.id], TERMS_ONLY)).get(ctx.group.id);
  if (!mayInGroup('leadMeeting', ctx.user, ctx.org, ctx.group, record, ctx.now)) return fail('not-lead');
  let existing: { meeting: Meeting; version: string } | null = null;
  if (target.meetingId !== null) {
    existing = await state.meeting(ctx.org.id, ctx.group.id, target.meetingId);
    if (existing === null) return fail('unknown-meeting');
    if (!beforeStart(existing.meeting, ctx.now) || existing.meeting.status !== 'planned') return fail('started');
    if (target.version !== existing.version) return fail('conflict');
  }
  const built = meetingFromForm(form, existing?.meeting ?? null, { ...ctx, id: existing?.meeting.id ?? newMeetingId(form.date) });
  if (!built.ok) return built;
  if (existing === null) {
    if (target.formKey === null) return fail('unknown-form');
    const created = await state.createMeetingFromForm(built.value, target.formKey);
    if (!created.ok) return fail(created.code === 'used' ? 'already-created' : 'unknown-form');
    return ok({ meeting: built.value, version: created.value, changes: [], created: true });
  }
  const changes = agendaChanges(existing.meeting, built.value);
  const saved = await state.saveMeeting(built.value, existing.version);
  if (!saved.ok) return fail('conflict');
  return ok({ meeting: built.value, version: saved.value, changes, created: false });
}

/** The roster, answers and input of a meeting, for the brief, the view and the reminders. */
export async function meetingPeople(
  org: string,
  meeting: Meeting,
  record: GroupRecord | undefined,
  inputs: Pick<MeetingInputRepository, 'load'>,
): Promise<MeetingPeople> {
  const loaded = await inputs.load({ org, group: meeting.group, id: meeting.id });
  return {
    members: (record?.members ?? []).map((m) => ({ aadObjectId: m.aadObjectId, displayName: m.displayName, isMember: m.roles.includes('member') })),
    ...loaded,
  };
}

/** Records attending or förhinder for a member of the group, before the meeting starts. */
export async function answerMeeting(
  attendance: Attendance,
  ctx: { org: Organisation; group: Group; user: UserContext; meeting: Meeting; now: Date; record: GroupRecord | undefined },
  inputs: MeetingInputRepository,
): Promise<Result<void, 'not-member' | 'started'>> {
  if (!mayInGroup('takePart', ctx.user, ctx.org, ctx.group, ctx.record, ctx.now)) return fail('not-member');
  if (!beforeStart(ctx.meeting, ctx.now) || ctx.meeting.status !== 'planned' || ctx.meeting.cancelled) return fail('started');
  await inputs.saveAnswer(ctx.meeting, { member: ctx.user.aadObjectId, attendance, at: ctx.now.toISOString() });
  return ok(undefined);
}

/**
 * Saves an absent member's written input per item, as submitted, until the cut-off. Only
 * fields that changed are written; earlier versions are kept by the repository.
 */
export async function submitInput(
  texts: Readonly<Record<string, string>>,
  ctx: { org: Organisation; group: Group; user: UserContext; meeting: Meeting; now: Date; record: GroupRecord | undefined },
  inputs: MeetingInputRepository,
): Promise<Result<{ saved: number }, 'not-member' | 'cutoff-passed' | 'unknown-item'>> {
  if (!mayInGroup('takePart', ctx.user, ctx.org, ctx.group, ctx.record, ctx.now)) return fail('not-member');
  if (!inputOpen(ctx.meeting, ctx.now)) return fail('cutoff-passed');
  const known = new Set([...ctx.meeting.agenda.map((i) => i.id), 'general']);
  if (Object.keys(texts).some((k) => !known.has(k))) return fail('unknown-item');
  const current = (await inputs.load(ctx.meeting)).inputs.filter((i) => i.author === ctx.user.aadObjectId);
  const changed: WrittenInput[] = Object.entries(texts)
    .filter(([item, text]) => (current.find((c) => c.item === item)?.text ?? '') !== text.trim())
    .map(([item, text]) => ({ author: ctx.user.aadObjectId, item, text: text.trim(), at: ctx.now.toISOString() }));
  if (changed.length > 0) await inputs.saveInputs(ctx.meeting, changed);
  return ok({ saved: changed.length });
}

/** The brief (everyone's input): only for the chair, vice chair and process leader of the meeting's own group (`readInput`). */
export async function briefFor(
  ctx: { org: Organisation; group: Group; user: UserContext; meeting: Meeting; now: Date; record: GroupRecord | undefined; locale: Locale },
  inputs: Pick<MeetingInputRepository, 'load'>,
): Promise<Result<Brief, 'not-allowed'>> {
  if (!mayInGroup('readInput', ctx.user, ctx.org, ctx.group, ctx.record, ctx.now)) return fail('not-allowed');
  return ok(compileBrief(ctx.meeting, await meetingPeople(ctx.org.id, ctx.meeting, ctx.record, inputs), ctx.locale));
}

/** A member's own input, for the input card: nobody else's, whoever asks. */
export async function ownInput(
  ctx: { org: Organisation; group: Group; user: UserContext; meeting: Meeting; now: Date; record: GroupRecord | undefined },
  inputs: MeetingInputRepository,
): Promise<Result<WrittenInput[], 'not-member'>> {
  if (!mayInGroup('takePart', ctx.user, ctx.org, ctx.group, ctx.record, ctx.now)) return fail('not-member');
  return ok((await inputs.load(ctx.meeting)).inputs.filter((i) => i.author === ctx.user.aadObjectId));
}

export type CloseFailure = 'not-lead' | 'not-started' | 'conflict' | 'unknown-present';

/** The close form: a summary per item, and who was present (null: as answered, for a card without the register). */
export interface CloseForm {
  readonly summaries: Readonly<Record<string, string>>;
  readonly present: readonly string[] | null;
}

/**
 * Marks a meeting held with the process leader's summary per item and the attendance register
 * (only people on the group's roster may be ticked present); the sweep sends the catch-up.
 */
export async function closeMeeting(
  form: CloseForm,
  version: string,
  ctx: { org: Organisation; group: Group; user: UserContext; meeting: Meeting; now: Date; record: GroupRecord | undefined },
  state: Pick<GroupStateRepository, 'saveMeeting'>,
  inputs: Pick<MeetingInputRepository, 'load'>,
): Promise<Result<{ absent: number; meeting: Meeting; version: string }, CloseFailure>> {
  if (!mayInGroup('leadMeeting', ctx.user, ctx.org, ctx.group, ctx.record, ctx.now)) return fail('not-lead');
  if (beforeStart(ctx.meeting, ctx.now)) return fail('not-started');
  // The register lists the ledamöter only: an answer from anyone else (stored before the rule was tightened) is not attendance.
  const roster = new Set(registerRoster(ctx.org, ctx.record, ctx.now).map((m) => m.aadObjectId));
  if (form.present?.some((p) => !roster.has(p))) return fail('unknown-present');
  const answers = (await inputs.load(ctx.meeting)).answers.filter((a) => roster.has(a.member));
  // Items not in the submission keep the summary they had (a card shown before an item was added).
  const given: Readonly<Record<string, string | undefined>> = form.summaries;
  const kept: Readonly<Record<string, string | undefined>> = ctx.meeting.summaries;
  const merged = Object.fromEntries(ctx.meeting.agenda.map((i) => [i.id, given[i.id] ?? kept[i.id] ?? '']));
  const register = attendanceRegister(form.present ?? expectedPresent(answers), answers);
  const held: Meeting = { ...ctx.meeting, status: 'held', summaries: merged, register };
  const saved = await state.saveMeeting(held, version);
  if (!saved.ok) return fail('conflict');
  return ok({ absent: answers.filter((a) => a.attendance === 'absent').length, meeting: held, version: saved.value });
}
