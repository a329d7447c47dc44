import { dateIn } from '../domain/calendarDate';
import { termOn } from '../domain/chairTerms';
import { beforeStart, type AttendanceAnswer, type AttendanceRegister, type Meeting } from '../domain/meetings';
import { approve, draftMinutes, editNotes, publish, returnMinutes, sendForJustering, type Minutes, type MinutesFailure } from '../domain/minutes';
import type { Group, Organisation } from '../domain/organisation';
import type { UserContext } from '../domain/people';
import { may, rolesIn, type Roles } from '../domain/permissions';
import { fail, ok, type Failure, type Result } from '../domain/result';
import type { OrgCatalog } from './catalog';
import { meetingPeople } from './meetings';
import type { DecisionRepository, GroupRecord, GroupStateRepository, MeetingInputRepository, PersonalChats } from './ports';

/** Where the minutes belong and who is asking. */
export interface MinutesContext {
  readonly org: Organisation;
  readonly group: Group;
  readonly meeting: Meeting;
  readonly user: UserContext;
  readonly now: Date;
}

export interface MinutesPorts {
  readonly groupState: GroupStateRepository;
  readonly decisions: DecisionRepository;
  readonly meetingInputs: MeetingInputRepository;
}

/** The minutes as this person may see them, and what they may do with them. */
export interface MinutesView {
  readonly minutes: Minutes;
  readonly etag: string;
  readonly record: GroupRecord | undefined;
  /** Draft, sent or returned minutes: for the leads and justerare only, shown in a personal chat. */
  readonly isPrivate: boolean;
  readonly mayEdit: boolean;
  readonly mayApprove: boolean;
  readonly mayNameJusterare: boolean;
}

/** Approved and published minutes are public records; every other status is a draft. */
export const isPublic = (m: Minutes) => m.status === 'approved' || m.status === 'published';

async function recordOf(ctx: MinutesContext, ports: MinutesPorts): Promise<GroupRecord | undefined> {
  // The roster names who may be justerare; meetings are read by id, never through the record.
  return (await ports.groupState.groups(ctx.org.id, [ctx.group.id], { members: true, meetings: 'none' })).get(ctx.group.id);
}

function rolesFor(ctx: MinutesContext, record: GroupRecord | undefined, m: Minutes | null): Roles {
  return rolesIn(
    ctx.user,
    { org: ctx.org.id, group: ctx.group.id, terms: record?.terms ?? [], today: dateIn(ctx.now, ctx.org.timeZone) },
    m === null ? {} : { authorId: m.writtenBy, justerareIds: m.justerare },
  );
}

function viewOf(ctx: MinutesContext, record: GroupRecord | undefined, found: { minutes: Minutes; etag: string }): MinutesView {
  const roles = rolesFor(ctx, record, found.minutes);
  return {
    ...found,
    record,
    isPrivate: !isPublic(found.minutes),
    mayEdit: may('editMinutes', roles),
    mayApprove: may('approveMinutes', roles),
    mayNameJusterare: may('nameJusterare', roles),
  };
}

/**
 * Who was there, for the minutes: the register recorded at the close, or before the close the
 * answers (Jag kommer / Förhinder); with the names as on the roster now.
 */
async function attendance(ctx: MinutesContext, record: GroupRecord | undefined, ports: MinutesPorts) {
  const register = ctx.meeting.register ?? registerFromAnswers((await meetingPeople(ctx.org.id, ctx.meeting, record, ports.meetingInputs)).answers);
  return byName(register, namesOf(register, record));
}

/** The register in alphabetical order of the names, as the minutes list people, with the names. */
function byName(register: AttendanceRegister, names: Record<string, string>) {
  const sorted = (ids: readonly string[]) => [...ids].sort((a, b) => (names[a] ?? a).localeCompare(names[b] ?? b, 'sv'));
  return { present: sorted(register.present), absent: sorted(register.absent), names };
}

/** The roster's names of the people in a register, kept with the minutes. */
function namesOf(register: AttendanceRegister, record: GroupRecord | undefined): Record<string, string> {
  const roster = new Map((record?.members ?? []).map((m) => [m.aadObjectId, m.displayName]));
  return Object.fromEntries([...register.present, ...register.absent].flatMap((a) => (roster.has(a) ? [[a, roster.get(a) ?? '']] : [])));
}

/**
 * Minutes drafted during the meeting take the register recorded at its close. Only a draft:
 * minutes already sent, returned or approved have been read by the justerare and stay as they are.
 */
export async function registerInDraft(
  place: { org: Organisation; group: Group; meeting: Meeting },
  record: GroupRecord | undefined,
  decisions: Pick<DecisionRepository, 'minutes' | 'saveMinutes'>,
): Promise<void> {
  const register = place.meeting.register;
  if (register === undefined) return;
  const found = await decisions.minutes(place.org.id, place.group.id, place.meeting.id);
  if (found?.minutes.status !== 'draft') return;
  // A lost race (the draft edited meanwhile) leaves the draft's attendance as it was; the lead sees it there.
  await decisions.saveMinutes({ ...found.minutes, ...byName(register, namesOf(register, record)) }, found.etag);
}

const registerFromAnswers = (answers: readonly AttendanceAnswer[]): AttendanceRegister => ({
  present: answers.filter((a) => a.attendance === 'attending').map((a) => a.member),
  absent: answers.filter((a) => a.attendance === 'absent').map((a) => a.member),
});

export type OpenFailure = 'not-allowed' | 'draft-private' | 'no-chair' | 'conflict' | 'not-started';

/**
 * The meeting's minutes: drafted from the agenda, summaries and decisions the first time (by a
 * lead, with the chair as justerare). Drafts are for the leads and the named justerare only.
 */
export async function openMinutes(ctx: MinutesContext, ports: MinutesPorts): Promise<Result<MinutesView, OpenFailure>> {
  const record = await recordOf(ctx, ports);
  let found = await ports.decisions.minutes(ctx.org.id, ctx.group.id, ctx.meeting.id);
  if (found === null) {
    if (!may('editMinutes', rolesFor(ctx, record, null))) return fail('not-allowed');
    // Minutes are of a meeting that has taken place: none are drafted before it starts.
    if (beforeStart(ctx.meeting, ctx.now)) return fail('not-started');
    const chair = termOn(record?.terms ?? [], 'chair', dateIn(ctx.now, ctx.org.timeZone))?.holder.aadObjectId ?? null;
    if (chair === null) return fail('no-chair');
    const draft = draftMinutes(ctx.meeting, await ports.decisions.list(ctx.org.id, ctx.group.id), await attendance(ctx, record, ports), ctx.user.aadObjectId, [chair]);
    const saved = await ports.decisions.saveMinutes(draft, null);
    if (!saved.ok) return fail('conflict');
    found = await ports.decisions.minutes(ctx.org.id, ctx.group.id, ctx.meeting.id);
    if (found === null) return fail('conflict');
  }
  if (!isPublic(found.minutes) && !may('readDraftMinutes', rolesFor(ctx, record, found.minutes))) {
    // A new draft after approval does not hide the approved version, which is a public record.
    const approved = (await ports.decisions.listMinutes(ctx.org.id, ctx.group.id)).find((m) => m.meetingId === ctx.meeting.id);
    if (approved === undefined) return fail('draft-private');
    return ok({ minutes: approved, etag: '', record, isPrivate: false, mayEdit: false, mayApprove: false, mayNameJusterare: false });
  }
  return ok(viewOf(ctx, record, found));
}

/** What a minutes card sends back. */
export interface MinutesActionInput {
  readonly verb: 'sendMinutes' | 'approveMinutes' | 'returnMinutes' | 'newMinutesVersion';
  readonly etag: string;
  readonly notes: Readonly<Record<string, string>>;
  /** The justerare chosen on the card (only the chair may change them); undefined when the card had no choice. */
  readonly justerare: readonly string[] | undefined;
  readonly comment: string;
}

export type ActionFailure = MinutesFailure | 'not-allowed' | 'author' | 'not-chair' | 'unknown-justerare' | 'conflict' | 'unknown-item';

/**
 * Send for justering, approve, return, or start a new version, each guarded by the ETag the
 * card was built from. The approvers are the chair and the justerare stored with the minutes
 * (named by the chair), never the card's data; the author of a version never approves it.
 */
export async function actOnMinutes(
  input: MinutesActionInput,
  ctx: MinutesContext,
  ports: MinutesPorts,
): Promise<Result<{ minutes: Minutes; etag: string; defaulted: string | null }, ActionFailure>> {
  const record = await recordOf(ctx, ports);
  const current = await ports.decisions.minutes(ctx.org.id, ctx.group.id, ctx.meeting.id);
  if (current === null) return fail('not-allowed');
  const roles = rolesFor(ctx, record, current.minutes);
  const approving = input.verb === 'approveMinutes' || input.verb === 'returnMinutes';
  if (!isPublic(current.minutes) && !may('readDraftMinutes', roles)) return fail(approving ? 'not-justerare' : 'not-allowed');
  if (current.etag !== input.etag) return fail('conflict');
  const me = ctx.user.aadObjectId;
  let next: Result<Minutes, MinutesFailure>;
  let defaulted: string | null = null;
  if (input.verb === 'sendMinutes' || input.verb === 'newMinutesVersion') {
    if (!may('editMinutes', roles)) return fail('not-allowed');
    const known = new Set(current.minutes.items.map((i) => i.itemId));
    if (Object.keys(input.notes).some((id) => !known.has(id))) return fail('unknown-item');
    const edited = editNotes(current.minutes, input.notes, input.verb === 'newMinutesVersion');
    if (!edited.ok) return edited;
    // Whoever sends a version (or starts a new one) is its author, and so cannot approve it.
    let version: Minutes = { ...edited.value, writtenBy: me };
    const members = new Set((record?.members ?? []).map((m) => m.aadObjectId));
    if (input.verb === 'sendMinutes' && input.justerare !== undefined && !sameSet(input.justerare, current.minutes.justerare)) {
      if (!may('nameJusterare', roles)) return fail('not-chair');
      if (input.justerare.some((j) => !members.has(j))) return fail('unknown-justerare');
      version = { ...version, justerare: [...new Set(input.justerare)] };
    }
    // Sent without naming anyone (a process leader's card has no choice): the group's default justerare (`inställningar`) joins.
    const standing = ctx.group.justerareDefault;
    if (input.verb === 'sendMinutes' && input.justerare === undefined && standing !== undefined && members.has(standing) && standing !== me) {
      if (!version.justerare.includes(standing)) version = { ...version, justerare: [...version.justerare, standing] };
      defaulted = standing;
    }
    next = input.verb === 'sendMinutes' ? sendForJustering(version) : ok(version);
  } else {
    if (!may('approveMinutes', roles)) return fail(roles.author && (roles.chair || roles.justerare) ? 'author' : 'not-justerare');
    next = input.verb === 'approveMinutes' ? approve(current.minutes, me, ctx.now.toISOString()) : returnMinutes(current.minutes, me, input.comment);
  }
  if (!next.ok) return next;
  const saved = await ports.decisions.saveMinutes(next.value, current.etag);
  if (!saved.ok) return fail('conflict');
  if (input.verb === 'approveMinutes') await ports.groupState.saveMeeting({ ...ctx.meeting, status: 'minutes-approved' });
  const fresh = await ports.decisions.minutes(ctx.org.id, ctx.group.id, ctx.meeting.id);
  return fresh === null ? fail('conflict') : ok({ ...fresh, defaulted });
}

/** Marks approved minutes as published at a web address (the group's leads). */
export async function publishMinutes(url: string, ctx: MinutesContext, ports: MinutesPorts): Promise<Result<Minutes, MinutesFailure | 'not-allowed' | 'conflict'>> {
  const record = await recordOf(ctx, ports);
  const current = await ports.decisions.minutes(ctx.org.id, ctx.group.id, ctx.meeting.id);
  if (!may('editMinutes', rolesFor(ctx, record, current?.minutes ?? null))) return fail('not-allowed');
  if (current === null) return fail('not-approved');
  const next = publish(current.minutes, url);
  if (!next.ok) return next;
  const saved = await ports.decisions.saveMinutes(next.value, current.etag);
  if (!saved.ok) return fail('conflict');
  await ports.groupState.saveMeeting({ ...ctx.meeting, status: 'published' });
  return ok(next.value);
}

const sameSet = (a: readonly string[], b: readonly string[]) => a.length === b.length && new Set([...a, ...b]).size === new Set(b).size;

/** What the minutes commands read and write, and where drafts and notices are delivered. */
export interface MinutesCommandPorts<M> extends MinutesPorts {
  readonly catalog: OrgCatalog;
  readonly personal: PersonalChats<M>;
}

/** Who is asking, and when. */
export interface Asker {
  readonly user: UserContext;
  readonly now: Date;
}

/** Where a meeting's minutes belong. */
export interface MeetingPlace {
  readonly org: Organisation;
  readonly group: Group;
  readonly meeting: Meeting;
}

/** The meeting named by `org/group/id`, or null. */
async function meetingAt(ref: string, ports: Pick<MinutesCommandPorts<unknown>, 'catalog' | 'groupState'>): Promise<MeetingPlace | null> {
  const [orgId = '', groupId = '', id = ''] = ref.trim().split('/');
  const org = ports.catalog.get(orgId);
  const group = org?.groups.find((g) => g.id === groupId);
  if (org === undefined || group === undefined || !/^[0-9a-z-]{1,40}$/.test(id)) return null;
  const found = await ports.groupState.meeting(org.id, group.id, id);
  return found === null ? null : { org, group, meeting: found.meeting };
}

/** The minutes to show, where they belong, and the group's members (who may be named justerare). */
export type MinutesShown = MinutesView & MeetingPlace & { readonly roster: readonly string[] };

/** `minnesanteckningar <org/grupp/möte>`: the minutes as this person may see them (drafted the first time). */
export async function showMinutes(
  ref: string,
  asker: Asker,
  ports: MinutesCommandPorts<unknown>,
): Promise<Result<MinutesShown, Failure<'unknown-meeting'> | Failure<OpenFailure, { group: Group }>>> {
  const place = await meetingAt(ref, ports);
  if (place === null) return fail('unknown-meeting');
  const opened = await openMinutes({ ...place, ...asker }, ports);
  if (!opened.ok) return fail(opened.code, { group: place.group });
  const roster = (opened.value.record?.members ?? []).filter((m) => m.roles.includes('member')).map((m) => m.aadObjectId);
  return ok({ ...opened.value, ...place, roster });
}

/** What the justerare receive: the minutes to approve, built by the Teams layer. */
export type JusteringMessage<M> = (sent: MeetingPlace & { minutes: Minutes; etag: string; record: GroupRecord | undefined }) => M;

/** An action on the minutes, done: the new minutes, and for `sendMinutes` the justerare who could not be reached. */
export interface MinutesActed extends MeetingPlace {
  readonly minutes: Minutes;
  readonly etag: string;
  readonly record: GroupRecord | undefined;
  readonly unreachable: readonly string[];
  /** The justerare with a personal chat whose message could not be sent, also when tried again. */
  readonly undelivered: readonly string[];
  /** The group's default justerare, when the minutes were sent to them without anyone being named. */
  readonly defaulted: string | null;
}

/**
 * A minutes card's action (send for justering, approve, return, new version) on the meeting
 * `org/group/meetingId`. After `sendMinutes` each justerare (but the sender) gets the minutes
 * in their personal chat; whoever has no personal chat, or could not be sent to, is returned.
 */
export async function actOnMinutesCard<M>(
  input: MinutesActionInput & { org: string; group: string; meetingId: string },
  asker: Asker,
  ports: MinutesCommandPorts<M>,
  justeringMessage: JusteringMessage<M>,
  outcomeMessage?: (outcome: MeetingPlace & { minutes: Minutes; record: GroupRecord | undefined; by: string }) => M,
): Promise<Result<MinutesActed, Failure<'unknown-meeting'> | Failure<ActionFailure, { group: Group }>>> {
  const place = await meetingAt(`${input.org}/${input.group}/${input.meetingId}`, ports);
  if (place === null) return fail('unknown-meeting');
  const result = await actOnMinutes(input, { ...place, ...asker }, ports);
  if (!result.ok) return fail(result.code, { group: place.group });
  const { minutes, etag, defaulted } = result.value;
  const record = await recordOf({ ...place, ...asker }, ports);
  const unreachable: string[] = [];
  const undelivered: string[] = [];
  if (input.verb === 'sendMinutes') {
    for (const j of minutes.justerare) {
      if (j === asker.user.aadObjectId) continue;
      const delivery = await ports.personal.reach(j, justeringMessage({ ...place, minutes, etag, record }));
      if (delivery === 'no-chat') unreachable.push(j);
      if (delivery === 'failed') undelivered.push(j);
    }
  }
  // Approved or returned: the group's process leaders and the version's author hear it where they are.
  if ((input.verb === 'approveMinutes' || input.verb === 'returnMinutes') && outcomeMessage !== undefined) {
    const leaders = (record?.members ?? []).filter((m) => m.roles.includes('processLeader')).map((m) => m.aadObjectId);
    const told = new Set([...leaders, minutes.writtenBy]);
    told.delete(asker.user.aadObjectId);
    for (const person of told) await ports.personal.deliver(person, outcomeMessage({ ...place, minutes, record, by: asker.user.aadObjectId }));
  }
  return ok({ ...place, minutes, etag, record, unreachable, undelivered, defaulted });
}

/** A web address the minutes may be published at. */
const publicUrl = (url: string) => /^https?:\/\/\S+$/i.test(url) && url.length <= 500;

/**
 * `publicera <org/grupp/möte> <url>`: approved minutes marked as published; those who were
 * absent learn where ("ta del av mötesinformation i efterhand", 001).
 */
export async function publishMinutesAt<M>(
  request: { ref: string; url: string },
  asker: Asker,
  ports: MinutesCommandPorts<M>,
  absentNotice: (published: MeetingPlace & { url: string }) => M,
): Promise<Result<Minutes, Failure<'unknown-meeting'> | Failure<'bad-url'> | Failure<MinutesFailure | 'not-allowed' | 'conflict', { group: Group }>>> {
  const place = await meetingAt(request.ref, ports);
  if (place === null) return fail('unknown-meeting');
  if (!publicUrl(request.url)) return fail('bad-url');
  const result = await publishMinutes(request.url, { ...place, ...asker }, ports);
  if (!result.ok) return fail(result.code, { group: place.group });
  const absent = (await ports.meetingInputs.load(place.meeting)).answers.filter((a) => a.attendance === 'absent');
  for (const a of absent) await ports.personal.deliver(a.member, absentNotice({ ...place, url: request.url }));
  return result;
}
