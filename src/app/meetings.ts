import { randomBytes } from 'node:crypto';
import { dateIn, zonedToInstant } from '../domain/calendarDate';
import { termOn } from '../domain/chairTerms';
import {
  agendaChanges,
  beforeStart,
  compileBrief,
  inputOpen,
  ITEM_KINDS,
  type AgendaChange,
  type AgendaItem,
  type Attendance,
  type Brief,
  type ItemKind,
  type Meeting,
  type MeetingPeople,
  type WrittenInput,
} from '../domain/meetings';
import type { Group, Organisation } from '../domain/organisation';
import { isOrgAdmin, isProcessLeader, type UserContext } from '../domain/people';
import { fail, ok, type Result } from '../domain/result';
import type { GroupRecord, GroupStateRepository, MeetingInputRepository } from './ports';

/** May the user create and revise the group's meetings: admin, process leader, chair or vice chair. */
export function mayLead(user: UserContext, org: Organisation, group: Group, record: GroupRecord | undefined, now: Date): boolean {
  if (isOrgAdmin(user, org.id) || isProcessLeader(user, org.id, group.id)) return true;
  const today = dateIn(now, org.timeZone);
  return (['chair', 'viceChair'] as const).some((role) => termOn(record?.terms ?? [], role, today)?.holder.aadObjectId === user.aadObjectId);
}

/** The meeting form as submitted, shape-checked by the Teams layer. */
export interface MeetingForm {
  readonly date: string;
  readonly time: string;
  readonly place: string;
  readonly cutoffHours: number;
  readonly items: readonly {
    readonly title: string;
    readonly kind: string;
    readonly presenter: string;
    readonly minutes: number;
    readonly doc: string;
    readonly source: string;
    readonly withdrawn: boolean;
  }[];
}

export type SaveFailure = 'not-lead' | 'bad-time' | 'in-past' | 'no-items' | 'conflict' | 'unknown-meeting' | 'started' | 'already-created';

/** Builds the meeting from the form; an existing meeting keeps its item ids by position. */
export function meetingFromForm(form: MeetingForm, existing: Meeting | null, ctx: { org: Organisation; group: Group; user: UserContext; now: Date; id: string }): Result<Meeting, SaveFailure> {
  const start = zonedToInstant(form.date, form.time, ctx.org.timeZone);
  if (start === null) return fail('bad-time');
  if (start.getTime() <= ctx.now.getTime()) return fail('in-past');
  const items: AgendaItem[] = form.items
    .map((it, i) => ({ it, i }))
    .filter(({ it }) => it.title.trim() !== '')
    .map(({ it, i }) => ({
      id: existing?.agenda[i]?.id ?? `p${i + 1}-${randomBytes(2).toString('hex')}`,
      title: it.title.trim(),
      kind: (ITEM_KINDS as readonly string[]).includes(it.kind) ? (it.kind as ItemKind) : 'information',
      presenter: it.presenter.trim(),
      minutes: Math.max(0, Math.round(it.minutes)),
      documents: it.doc.trim() === '' ? [] : [{ title: it.doc.trim().split('/').pop() || it.doc.trim(), url: it.doc.trim() }],
      source: it.source.trim() === '' ? null : it.source.trim(),
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

/** A new meeting id: the date and a key fixed when the form was shown, readable in commands. */
export const newMeetingId = (date: string, key: string = newMeetingKey()) => `${date}-${key}`;

/** The random part of a new meeting's id, put on the form so a replayed submission is recognised. */
export const newMeetingKey = () => randomBytes(3).toString('hex');

/**
 * Creates or revises a meeting. A revision needs the version the form was built from (ETag):
 * a racing revision gets `conflict` and nothing is written. Returns what changed.
 */
export async function saveMeeting(
  form: MeetingForm,
  target: { meetingId: string | null; version: string | null; newId?: string | null },
  ctx: { org: Organisation; group: Group; user: UserContext; now: Date },
  state: GroupStateRepository,
): Promise<Result<{ meeting: Meeting; version: string; changes: AgendaChange[]; created: boolean }, SaveFailure>> {
  const record = (await state.groups(ctx.org.id, [ctx.group.id])).get(ctx.group.id);
  if (!mayLead(ctx.user, ctx.org, ctx.group, record, ctx.now)) return fail('not-lead');
  let existing: { meeting: Meeting; version: string } | null = null;
  if (target.meetingId !== null) {
    existing = await state.meeting(ctx.org.id, ctx.group.id, target.meetingId);
    if (existing === null) return fail('unknown-meeting');
    if (!beforeStart(existing.meeting, ctx.now) || existing.meeting.status !== 'planned') return fail('started');
    if (target.version !== existing.version) return fail('conflict');
  }
  const built = meetingFromForm(form, existing?.meeting ?? null, { ...ctx, id: existing?.meeting.id ?? newMeetingId(form.date, target.newId ?? undefined) });
  if (!built.ok) return built;
  const changes = existing === null ? [] : agendaChanges(existing.meeting, built.value);
  const saved = await state.saveMeeting(built.value, existing === null ? null : existing.version);
  if (!saved.ok) return fail(existing === null ? 'already-created' : 'conflict');
  return ok({ meeting: built.value, version: saved.value, changes, created: existing === null });
}

/** The roster, answers and input of a meeting, for the brief, the view and the reminders. */
export async function meetingPeople(org: string, meeting: Meeting, record: GroupRecord | undefined, inputs: MeetingInputRepository): Promise<MeetingPeople> {
  const loaded = await inputs.load(org, meeting.id);
  return {
    members: (record?.members ?? []).map((m) => ({ aadObjectId: m.aadObjectId, displayName: m.displayName, isMember: m.roles.includes('member') })),
    ...loaded,
  };
}

/** Records attending or förhinder for a member of the group, before the meeting starts. */
export async function answerMeeting(
  attendance: Attendance,
  ctx: { org: Organisation; group: Group; user: UserContext; meeting: Meeting; now: Date },
  inputs: MeetingInputRepository,
): Promise<Result<void, 'not-member' | 'started'>> {
  const member = ctx.user.memberships.some((m) => m.org === ctx.org.id && m.group === ctx.group.id && m.roles.includes('member'));
  if (!member) return fail('not-member', { group: ctx.group.shortName });
  if (!beforeStart(ctx.meeting, ctx.now) || ctx.meeting.status !== 'planned' || ctx.meeting.cancelled) return fail('started');
  await inputs.saveAnswer(ctx.org.id, ctx.meeting.id, { member: ctx.user.aadObjectId, attendance, at: ctx.now.toISOString() });
  return ok(undefined);
}

/**
 * Saves an absent member's written input per item, as submitted, until the cut-off. Only
 * fields that changed are written; earlier versions are kept by the repository.
 */
export async function submitInput(
  texts: Readonly<Record<string, string>>,
  ctx: { org: Organisation; group: Group; user: UserContext; meeting: Meeting; now: Date },
  inputs: MeetingInputRepository,
): Promise<Result<{ saved: number }, 'not-member' | 'cutoff-passed' | 'unknown-item'>> {
  const member = ctx.user.memberships.some((m) => m.org === ctx.org.id && m.group === ctx.group.id && m.roles.includes('member'));
  if (!member) return fail('not-member', { group: ctx.group.shortName });
  if (!inputOpen(ctx.meeting, ctx.now)) return fail('cutoff-passed');
  const known = new Set([...ctx.meeting.agenda.map((i) => i.id), 'general']);
  if (Object.keys(texts).some((k) => !known.has(k))) return fail('unknown-item');
  const current = (await inputs.load(ctx.org.id, ctx.meeting.id)).inputs.filter((i) => i.author === ctx.user.aadObjectId);
  const changed: WrittenInput[] = Object.entries(texts)
    .filter(([item, text]) => (current.find((c) => c.item === item)?.text ?? '') !== text.trim())
    .map(([item, text]) => ({ author: ctx.user.aadObjectId, item, text: text.trim(), at: ctx.now.toISOString() }));
  if (changed.length > 0) await inputs.saveInputs(ctx.org.id, ctx.meeting.id, changed);
  return ok({ saved: changed.length });
}

/** The brief for a lead (chair, vice, process leader, admin). */
export async function briefFor(meeting: Meeting, record: GroupRecord | undefined, org: string, inputs: MeetingInputRepository): Promise<Brief> {
  return compileBrief(meeting, await meetingPeople(org, meeting, record, inputs));
}
