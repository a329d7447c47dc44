import type { Decision } from './decisions';
import { activeItems, type Meeting } from './meetings';
import { fail, ok, type Result } from './result';

/**
 * Minnesanteckningar: drafted by the process leader ("vid anteckningarna"), approved
 * (justerade) by the chair, then published. Approval locks a version; a later change is a
 * new version (003, 000).
 */
export type MinutesStatus = 'draft' | 'sent' | 'returned' | 'approved' | 'published';

export interface MinutesItem {
  readonly itemId: string;
  readonly title: string;
  readonly notes: string;
  /** The recorded decisions on the item, by number. */
  readonly decisions: readonly string[];
}

export interface Minutes {
  readonly org: string;
  readonly group: string;
  readonly meetingId: string;
  readonly version: number;
  readonly status: MinutesStatus;
  readonly items: readonly MinutesItem[];
  readonly present: readonly string[];
  readonly absent: readonly string[];
  /** Display names of those present and absent when the draft was made, so the record reads the same after someone leaves the group. */
  readonly names?: Readonly<Record<string, string>>;
  readonly writtenBy: string;
  readonly justerare: readonly string[];
  readonly returnComment: string | null;
  readonly approvedBy: string | null;
  readonly approvedAt: string | null;
  readonly publishedUrl: string | null;
}

/** The first draft: per active item the process leader's summary and the decisions recorded on it. */
export function draftMinutes(
  meeting: Meeting,
  decisions: readonly Decision[],
  people: { present: readonly string[]; absent: readonly string[]; names?: Readonly<Record<string, string>> },
  by: string,
  justerare: readonly string[],
): Minutes {
  return {
    org: meeting.org,
    group: meeting.group,
    meetingId: meeting.id,
    version: 1,
    status: 'draft',
    items: activeItems(meeting).map((i) => ({
      itemId: i.id,
      title: i.title,
      notes: meeting.summaries[i.id] ?? '',
      decisions: decisions.filter((d) => d.meetingId === meeting.id && d.itemId === i.id && d.retracted === null).map((d) => `${d.number}: ${d.text}`),
    })),
    present: [...people.present],
    absent: [...people.absent],
    ...(people.names === undefined ? {} : { names: { ...people.names } }),
    writtenBy: by,
    justerare: [...justerare],
    returnComment: null,
    approvedBy: null,
    approvedAt: null,
    publishedUrl: null,
  };
}

export type MinutesFailure = 'locked' | 'not-sent' | 'not-approved' | 'not-justerare' | 'already-published' | 'no-comment';

/** Sends a draft (or returned minutes) to the chair and justerare. */
export function sendForJustering(m: Minutes): Result<Minutes, MinutesFailure> {
  if (m.status === 'approved' || m.status === 'published') return fail('locked');
  return ok({ ...m, status: 'sent', returnComment: null });
}

/** Approval: "Justerat <date>, <name>"; the version is locked. Who may approve is the permission module's rule. */
export function approve(m: Minutes, by: string, at: string): Result<Minutes, MinutesFailure> {
  if (m.status !== 'sent') return fail(m.status === 'approved' || m.status === 'published' ? 'locked' : 'not-sent');
  return ok({ ...m, status: 'approved', approvedBy: by, approvedAt: at });
}

/** An approver returns the minutes with a comment: without one the author cannot know what to change. */
export function returnMinutes(m: Minutes, _by: string, comment: string): Result<Minutes, MinutesFailure> {
  if (m.status !== 'sent') return fail(m.status === 'approved' || m.status === 'published' ? 'locked' : 'not-sent');
  if (comment.trim() === '') return fail('no-comment');
  return ok({ ...m, status: 'returned', returnComment: comment.trim() });
}

/** Changes the notes: allowed until approved; after that only as a new version (draft again). */
export function editNotes(m: Minutes, notes: Readonly<Record<string, string>>, asNewVersion: boolean): Result<Minutes, MinutesFailure> {
  const locked = m.status === 'approved' || m.status === 'published';
  if (locked && !asNewVersion) return fail('locked');
  const items = m.items.map((i) => ({ ...i, notes: notes[i.itemId] ?? i.notes }));
  return ok(locked ? { ...m, items, version: m.version + 1, status: 'draft', approvedBy: null, approvedAt: null, publishedUrl: null } : { ...m, items });
}

/** Marks approved minutes as published at a web address. */
export function publish(m: Minutes, url: string): Result<Minutes, MinutesFailure> {
  if (m.status === 'published') return fail('already-published');
  if (m.status !== 'approved') return fail('not-approved');
  return ok({ ...m, status: 'published', publishedUrl: url });
}
