import { addDays, daysBetween, daysInMonth, yearOf, type IsoDate } from './calendarDate';
import { effectiveEnd, termOn, type Term, type TermRole } from './chairTerms';
import { editFor } from './cycleEdits';
import { shiftDeadline } from './holidays';
import type { PlannedMeeting } from './meetings';
import type { CycleAudience, CycleItem, Group, Organisation } from './organisation';
import type { GroupMember } from './people';

/** One deadline of an årshjul item for one group. */
export interface Occurrence {
  readonly org: Organisation;
  readonly group: Group;
  readonly item: CycleItem;
  /** Stable identity within the group: the item and the nominal date (or the term/meeting it belongs to). */
  readonly key: string;
  /** The deadline after moving it off weekends and holidays. */
  readonly deadline: IsoDate;
  /** The nominal date when it was moved, else null. */
  readonly movedFrom: IsoDate | null;
  /** The proposed date when the organisation moved the occurrence in Teams (the key keeps the proposed date). */
  readonly changedFrom?: IsoDate;
  /** For a term-end item: whose term ends, the chair's or the vice chair's. */
  readonly post?: TermRole;
}

/** What the årshjul needs to know about a group now. */
export interface GroupCycleState {
  readonly members: readonly GroupMember[];
  readonly terms: readonly Term[];
  readonly meetings: readonly PlannedMeeting[];
}

/** True when an årshjul item applies to the group (by kind or by id). */
export const appliesTo = (item: CycleItem, group: Group): boolean => item.appliesTo.kinds.includes(group.kind) || item.appliesTo.groups.includes(group.id);

/**
 * True when the item is in force for the group: it applies, and a report item belongs to the
 * cadence the organisation chose for the group's kind (000 names "kvartals- och halvårsvisa
 * information/rapporter"; an organisation follows up with one of them, not both by default).
 */
export const inForce = (org: Organisation, item: CycleItem, group: Group): boolean =>
  appliesTo(item, group) && (item.cadence === null || (group.reportCadence ?? org.reportCadence[group.kind]) === item.cadence);

/** True when the date is a förslag (proposal): shown as "förslag – inte fastställt", never as a decided deadline. */
export const isProposal = (item: CycleItem): boolean => item.status === 'proposal';

const ymd = (y: number, m: number, d: number): IsoDate => `${y}-${String(m).padStart(2, '0')}-${String(Math.min(d, daysInMonth(y, m))).padStart(2, '0')}`;

/** The meeting-minimum period containing `date`: the calendar year, or the half-year (a "termin" counts as a half-year). */
export function periodOf(per: 'year' | 'half-year' | 'term', date: IsoDate): { start: IsoDate; end: IsoDate } {
  const y = yearOf(date);
  if (per === 'year') return { start: `${y}-01-01`, end: `${y}-12-31` };
  return date <= `${y}-06-30` ? { start: `${y}-01-01`, end: `${y}-06-30` } : { start: `${y}-07-01`, end: `${y}-12-31` };
}

/** Every occurrence of an item for a group whose deadline falls within [from, to]. */
export function occurrences(org: Organisation, group: Group, item: CycleItem, state: GroupCycleState, from: IsoDate, to: IsoDate): Occurrence[] {
  const out: Occurrence[] = [];
  // One year either side: a deadline moved across New Year still falls inside the window.
  const years: number[] = [];
  for (let y = yearOf(from) - 1; y <= yearOf(to) + 1; y++) years.push(y);
  const edits = org.cycleEdits ?? [];
  const push = (key: string, proposed: IsoDate, shift: 'org' | 'previous' | 'none', post?: TermRole) => {
    // An edit made in Teams decides this occurrence: confirmed, moved (holiday moves still apply) or removed.
    const edit = editFor(edits, group.id, key);
    if (edit?.kind === 'remove') return;
    const nominal = edit?.kind === 'move' ? edit.date : proposed;
    const decided = edit?.kind === 'confirm' || edit?.kind === 'move' ? { ...item, status: 'confirmed' as const } : item;
    const moved =
      shift === 'none' && edit?.kind !== 'move'
        ? { date: nominal, movedFrom: null }
        : shiftDeadline(nominal, shift === 'previous' ? 'previous-weekday' : org.deadlineShift);
    if (out.some((o) => o.key === key)) return;
    const changed = edit?.kind === 'move' ? { changedFrom: proposed } : {};
    const whose = post === undefined ? {} : { post };
    if (moved.date >= from && moved.date <= to) out.push({ org, group, item: decided, key, deadline: moved.date, movedFrom: moved.movedFrom, ...changed, ...whose });
  };
  const meetings = state.meetings.filter((m) => !m.cancelled).sort((a, b) => a.date.localeCompare(b.date));
  const s = item.schedule;
  switch (s.kind) {
    case 'yearly':
      for (const y of years) push(`${item.id}|${ymd(y, s.month, s.day)}`, ymd(y, s.month, s.day), 'org');
      break;
    case 'half-yearly':
    case 'quarterly':
      for (const y of years) for (const d of s.dates) push(`${item.id}|${ymd(y, d.month, d.day)}`, ymd(y, d.month, d.day), 'org');
      break;
    case 'quarter-end':
      for (const y of years)
        for (const m of [3, 6, 9, 12]) {
          // The last weekday of the quarter: the quarter's last day, moved back when it is not one.
          const end = ymd(y, m, 31);
          push(`${item.id}|${end}`, end, 'previous');
        }
      break;
    case 'after-each-meeting':
      for (const m of meetings) push(`${item.id}|meeting:${m.id}`, addDays(m.date, s.days), 'org');
      break;
    case 'last-meeting-of-year':
      for (const y of years) {
        const last = meetings.filter((m) => yearOf(m.date) === y).at(-1);
        if (last !== undefined) push(`${item.id}|${y}`, addDays(last.date, -s.daysBefore), 'previous');
      }
      break;
    case 'term-end':
      for (const t of state.terms) push(`${item.id}|term:${t.id}`, effectiveEnd(t), 'none', t.role);
      break;
    case 'once':
      push(`${item.id}|${s.date}`, s.date, 'org');
      break;
    case 'meeting-minimum': {
      // Only a minimum is warned about; guidance ("cirka sex–åtta gånger/år") is shown, never enforced.
      if (group.meetings?.kind !== 'minimum') break;
      const per = group.meetings.per;
      for (const y of years) for (const end of per === 'year' ? [`${y}-12-31`] : [`${y}-06-30`, `${y}-12-31`]) push(`${item.id}|${end}`, end, 'none');
      break;
    }
  }
  return out;
}

/** A reminder due now for one person, with a stable identity for exactly-once sending. */
export interface Reminder {
  /** `{org}|{group}|{occurrence key}|{offset}|{recipient}`: the same reminder always has the same id. */
  readonly id: string;
  readonly occurrence: Occurrence;
  /** The reminder offset reached (days before the deadline). */
  readonly offset: number;
  readonly daysLeft: number;
  readonly recipient: string;
  readonly roles: readonly CycleAudience[];
  /** For meeting-minimum warnings: how many meetings are planned in the period and the minimum. */
  readonly meetingCount: { readonly planned: number; readonly minimum: number } | null;
}

/** What the sweep knows: organisations, each group's roster, terms and meetings, and responses. */
export interface CycleState {
  readonly orgs: readonly Organisation[];
  /** By `{org}|{group}`. */
  readonly groups: ReadonlyMap<string, GroupCycleState>;
  /** Occurrences marked done, by `{org}|{group}|{occurrence key}`. */
  readonly done: ReadonlySet<string>;
  /** Recipients who responded, by `{org}|{group}|{occurrence key}|{recipient}`. */
  readonly acknowledged: ReadonlySet<string>;
}

/** The people an item's audience names in a group today. For a term end: that term's holder, not today's chair. */
function recipients(item: CycleItem, g: GroupCycleState, today: IsoDate, term: Term | null): Map<string, CycleAudience[]> {
  const out = new Map<string, CycleAudience[]>();
  const add = (aad: string | null | undefined, role: CycleAudience) => {
    if (!aad) return;
    out.set(aad, [...(out.get(aad) ?? []), role]);
  };
  for (const role of item.audience) {
    if (role === 'chair' || role === 'viceChair') {
      // A term-end notice goes to that term's holder only, not to whoever holds the other post.
      const holder = term !== null ? (term.role === role ? term : null) : termOn(g.terms, role, today);
      add(holder?.holder.aadObjectId, role);
    } else {
      const needed = role === 'processLeader' ? 'processLeader' : 'member';
      for (const m of g.members) if (m.roles.includes(needed)) add(m.aadObjectId, role);
    }
  }
  return out;
}

/** The people an occurrence is addressed to on `today`, with their roles: whom it reminds, and who may mark it done. */
export function audienceOf(occ: Pick<Occurrence, 'item' | 'key'>, g: GroupCycleState, today: IsoDate): Map<string, CycleAudience[]> {
  const term = occ.item.schedule.kind === 'term-end' ? (g.terms.find((t) => occ.key.endsWith(`term:${t.id}`)) ?? null) : null;
  return recipients(occ.item, g, today, term);
}

/** The tightest reminder offset reached `daysLeft` days before a deadline, if any. */
export function reachedOffset(offsets: readonly number[], daysLeft: number): number | null {
  const reached = offsets.filter((d) => daysLeft <= d).sort((a, b) => a - b);
  return reached[0] ?? null;
}

/**
 * Every reminder due on `today`: for each occurrence not marked done whose tightest reached
 * offset (e.g. 30, 14, 7 or 1 days before) has come, one reminder per responsible person who
 * has not responded. A missed day is caught up (the tightest offset reached is due), and
 * a meeting-minimum warning is due only while the planned meetings fall short.
 */
export function dueReminders(state: CycleState, today: IsoDate): Reminder[] {
  const out: Reminder[] = [];
  for (const org of state.orgs)
    for (const group of org.groups) {
      const g = state.groups.get(`${org.id}|${group.id}`) ?? { members: [], terms: [], meetings: [] };
      for (const item of org.annualCycle) {
        if (!inForce(org, item, group) || item.remindDaysBefore.length === 0) continue;
        const horizon = addDays(today, Math.max(...item.remindDaysBefore));
        for (const occ of occurrences(org, group, item, g, today, horizon)) {
          const occId = `${org.id}|${group.id}|${occ.key}`;
          if (state.done.has(occId)) continue;
          const daysLeft = daysBetween(today, occ.deadline);
          const offset = reachedOffset(item.remindDaysBefore, daysLeft);
          if (offset === null) continue;
          let meetingCount: Reminder['meetingCount'] = null;
          if (item.schedule.kind === 'meeting-minimum' && group.meetings !== null) {
            const period = periodOf(group.meetings.per, occ.deadline);
            const planned = g.meetings.filter((m) => !m.cancelled && m.date >= period.start && m.date <= period.end).length;
            if (planned >= group.meetings.min) continue;
            meetingCount = { planned, minimum: group.meetings.min };
          }
          for (const [recipient, roles] of audienceOf(occ, g, today)) {
            if (state.acknowledged.has(`${occId}|${recipient}`)) continue;
            out.push({ id: `${occId}|${offset}|${recipient}`, occurrence: occ, offset, daysLeft, recipient, roles, meetingCount });
          }
        }
      }
    }
  return out;
}

/** The coming deadlines of a group (for the årshjul card and the calendar export). */
export function upcomingDeadlines(org: Organisation, group: Group, state: GroupCycleState, from: IsoDate, to: IsoDate): Occurrence[] {
  return org.annualCycle
    .filter((item) => inForce(org, item, group))
    .flatMap((item) => occurrences(org, group, item, state, from, to))
    .sort((a, b) => a.deadline.localeCompare(b.deadline) || a.item.id.localeCompare(b.item.id));
}
