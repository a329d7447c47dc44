import ical, { ICalCalendarMethod } from 'ical-generator';
import { addDays, addMonths, dateIn } from '../domain/calendarDate';
import type { PlannedMeeting } from '../domain/meetings';
import { cycleLines } from '../domain/cycleLines';
import { audienceOf, inForce, occurrences, upcomingDeadlines, type Occurrence } from '../domain/annualCycle';
import { nonWorkdayReason } from '../domain/holidays';
import { groupOf, orgLanguage, type CycleItem, type Group, type Organisation } from '../domain/organisation';
import type { UserContext } from '../domain/people';
import { may, rolesIn } from '../domain/permissions';
import { fail, ok, type Failure, type Result } from '../domain/result';
import type { OrgCatalog } from './catalog';
import { recordOf } from './groupRecord';
import type { CalendarTokenStore, Clock, GroupStateRepository, ReminderResponses } from './ports';

/** The group's coming årshjul deadlines from today, `days` ahead. */
export async function groupDeadlines(org: Organisation, group: Group, state: GroupStateRepository, now: Date, days: number): Promise<Occurrence[]> {
  const today = dateIn(now, org.timeZone);
  // Meetings from 400 days back: a meeting-minimum period (at most a year) ending on an upcoming deadline starts no earlier.
  return upcomingDeadlines(
    org,
    group,
    await recordOf(state, org.id, group.id, { members: false, meetings: { from: addDays(today, -400) } }),
    today,
    addDays(today, days),
  );
}

/** A press on a reminder card: "done" for the whole group, or "seen" for the one who pressed. */
export interface ReminderResponse {
  readonly verb: 'done' | 'seen';
  readonly org: string;
  readonly group: string;
  readonly occurrence: string;
}

/** A refusal names the group and the item, for the answer. */
export type ReminderResponseFailure =
  Failure<'unknown-occurrence'> | Failure<'not-allowed', { group: Group; item: CycleItem }> | Failure<'not-a-recipient', { group: Group; item: CycleItem }>;

/**
 * Records a response to an årshjul reminder. The occurrence must be one the group really has
 * (its deadline is the server's, not the card's). "Done" silences everyone, so it is for the
 * item's audience and the group's leads; "seen" silences only the one who pressed, so it is for
 * the audience and the group's members. A refusal changes nothing.
 */
export async function respondToReminder(
  input: { response: ReminderResponse; user: UserContext; now: Date },
  deps: { catalog: OrgCatalog; groupState: GroupStateRepository; ledger: ReminderResponses },
): Promise<Result<{ org: Organisation; group: Group; item: CycleItem }, ReminderResponseFailure>> {
  const { response, user, now } = input;
  const org = deps.catalog.get(response.org);
  const group = groupOf(org, response.group);
  const item = org?.annualCycle.find((c) => response.occurrence.startsWith(`${c.id}|`));
  if (org === undefined || group === undefined || item === undefined || !inForce(org, item, group)) return fail('unknown-occurrence');
  const today = dateIn(now, org.timeZone);
  const record = await recordOf(deps.groupState, org.id, group.id, { members: true, meetings: { from: addDays(today, -730 - 400) } });
  // Two years either way covers every card still around; an occurrence outside it is not the group's.
  const occ = occurrences(org, group, item, record, addDays(today, -730), addDays(today, 730)).find((o) => o.key === response.occurrence);
  if (occ === undefined) return fail('unknown-occurrence');
  const roles = rolesIn(user, { org: org.id, group: group.id, terms: record.terms, today }, { inAudience: audienceOf(occ, record, today).has(user.aadObjectId) });
  const key = { org: org.id, group: group.id, occurrence: occ.key };
  if (response.verb === 'done') {
    if (!may('markCycleDone', roles)) return fail('not-allowed', { group, item });
    await deps.ledger.markDone(key.org, key.group, key.occurrence, occ.deadline, user.aadObjectId, now);
  } else {
    if (!roles.audience && !may('takePart', roles)) return fail('not-a-recipient', { group, item });
    await deps.ledger.acknowledge(key.org, key.group, key.occurrence, user.aadObjectId, occ.deadline, now);
  }
  return ok({ org, group, item });
}

/**
 * The group's årshjul as an iCalendar feed that Outlook can subscribe to: one all-day event per
 * line of the årshjul card (a term end says whose; the chair's and the vice's ending the same day are one event).
 */
export function calendarFeed(org: Organisation, group: Group, deadlines: readonly Occurrence[], now: Date): string {
  // A calendar is shared by everyone who subscribes: it is written in the organisation's language.
  const locale = orgLanguage(org);
  const t = FEED_TEXTS[locale];
  const cal = ical({ name: `${t.name} – ${group.shortName} (${org.shortName})`, method: ICalCalendarMethod.PUBLISH, timezone: org.timeZone, ttl: 60 * 60 * 6 });
  for (const { occurrence: o, title } of cycleLines(deadlines)) {
    const moved = o.movedFrom === null ? '' : ` ${t.moved(o.movedFrom, nonWorkdayReason(o.movedFrom, locale) ?? '')}`;
    const proposal = o.item.status === 'proposal';
    cal.createEvent({
      id: `${org.id}.${group.id}.${o.key.replace(/[^A-Za-z0-9.-]/g, '-')}@samverkansboten`,
      start: new Date(`${o.deadline}T00:00:00Z`),
      allDay: true,
      // A date the documents do not give is a förslag: never presented as a decided deadline.
      summary: `${title[locale]} – ${group.shortName}${proposal ? ` (${t.proposal})` : ''}`,
      description: `${t.cycleOf(group.name)}: ${title[locale]}. ${proposal ? t.proposedDate(o.deadline) : t.lastDay(o.deadline)}.${moved}`,
      stamp: now,
    });
  }
  return cal.toString();
}

/** The words of the calendar feed, in the organisation's language. */
const FEED_TEXTS = {
  sv: {
    name: 'Årshjul',
    proposal: 'förslag – inte fastställt',
    cycleOf: (group: string) => `Årshjul för ${group}`,
    proposedDate: (date: string) => `Föreslaget datum ${date} (förslag – inte fastställt)`,
    lastDay: (date: string) => `Sista dag ${date}`,
    moved: (from: string, why: string) => `Flyttad från ${from} (${why}).`,
  },
  en: {
    name: 'Annual cycle',
    proposal: 'proposal – not decided',
    cycleOf: (group: string) => `Annual cycle of ${group}`,
    proposedDate: (date: string) => `Proposed date ${date} (proposal – not decided)`,
    lastDay: (date: string) => `Deadline ${date}`,
    moved: (from: string, why: string) => `Moved from ${from} (${why}).`,
  },
} as const;

/**
 * The calendar feed behind `/ics/{token}.ics`: the group's deadlines from a month back to 18
 * months ahead, or null for an unknown token.
 */
export async function calendarForToken(
  token: string,
  deps: { tokens: CalendarTokenStore; catalog: OrgCatalog; groupState: GroupStateRepository; clock: Clock },
): Promise<string | null> {
  const target = await deps.tokens.resolve(token);
  const org = target === null ? undefined : deps.catalog.get(target.org);
  const group = target === null ? undefined : groupOf(org, target.group);
  if (org === undefined || group === undefined) return null;
  const now = deps.clock.now();
  const today = dateIn(now, org.timeZone);
  const deadlines = upcomingDeadlines(org, group, await recordOf(deps.groupState, org.id, group.id), addDays(today, -31), addDays(today, 548));
  return calendarFeed(org, group, deadlines, now);
}

/**
 * The group's year for the årshjul wheel: twelve months from the first of this month (as the
 * card's list looks ahead, not back over the calendar year), its deadlines and (not cancelled)
 * meetings in them, and today.
 */
export interface YearWheel {
  readonly org: Organisation;
  readonly group: Group;
  /** The first day of the wheel: the first of today's month. */
  readonly from: string;
  /** The last day of the wheel: the day before `from` a year later. */
  readonly to: string;
  readonly today: string;
  readonly deadlines: readonly Occurrence[];
  readonly meetings: readonly PlannedMeeting[];
}

/** The year behind `/arshjul/{token}.png` (the same token as the `.ics`), or null for an unknown token. */
export async function wheelForToken(
  token: string,
  deps: { tokens: CalendarTokenStore; catalog: OrgCatalog; groupState: GroupStateRepository; clock: Clock },
): Promise<YearWheel | null> {
  const target = await deps.tokens.resolve(token);
  const org = target === null ? undefined : deps.catalog.get(target.org);
  const group = target === null ? undefined : groupOf(org, target.group);
  if (org === undefined || group === undefined) return null;
  const today = dateIn(deps.clock.now(), org.timeZone);
  const from = `${today.slice(0, 7)}-01`;
  const to = addDays(addMonths(from, 12).date, -1);
  const record = await recordOf(deps.groupState, org.id, group.id);
  const deadlines = upcomingDeadlines(org, group, record, from, to);
  const meetings = record.meetings.filter((m) => !m.cancelled && m.date >= from && m.date <= to);
  return { org, group, from, to, today, deadlines, meetings };
}
