import ical, { ICalCalendarMethod } from 'ical-generator';
import { addDays, dateIn } from '../domain/calendarDate';
import { upcomingDeadlines, type Occurrence } from '../domain/annualCycle';
import { nonWorkdayReason } from '../domain/holidays';
import type { Group, Organisation } from '../domain/organisation';
import { isOrgAdmin, type UserContext } from '../domain/people';
import type { OrgCatalog } from './catalog';
import type { CalendarTokenStore, Clock, GroupStateRepository } from './ports';

/** The group's coming årshjul deadlines from today, `days` ahead. */
export async function groupDeadlines(org: Organisation, group: Group, state: GroupStateRepository, now: Date, days: number): Promise<Occurrence[]> {
  const today = dateIn(now, org.timeZone);
  const record = (await state.groups(org.id, [group.id])).get(group.id);
  return upcomingDeadlines(org, group, record ?? { members: [], terms: [], meetings: [] }, today, addDays(today, days));
}

/** May the user mark the group's årshjul items done: someone in the group, or an admin. */
export const mayMarkCycle = (user: UserContext, org: Organisation, group: Group): boolean =>
  isOrgAdmin(user, org.id) || user.memberships.some((m) => m.org === org.id && m.group === group.id);

/** The group's årshjul as an iCalendar feed that Outlook can subscribe to: one all-day event per deadline. */
export function calendarFeed(org: Organisation, group: Group, deadlines: readonly Occurrence[], now: Date): string {
  const cal = ical({ name: `Årshjul – ${group.shortName} (${org.shortName})`, method: ICalCalendarMethod.PUBLISH, timezone: org.timeZone, ttl: 60 * 60 * 6 });
  for (const o of deadlines) {
    const moved = o.movedFrom === null ? '' : ` Flyttad från ${o.movedFrom} (${nonWorkdayReason(o.movedFrom) ?? ''}).`;
    cal.createEvent({
      id: `${org.id}.${group.id}.${o.key.replace(/[^A-Za-z0-9.-]/g, '-')}@samverkansboten`,
      start: new Date(`${o.deadline}T00:00:00Z`),
      allDay: true,
      summary: `${o.item.title.sv} – ${group.shortName}`,
      description: `Årshjul för ${group.name}: ${o.item.title.sv}. Sista dag ${o.deadline}.${moved}`,
      stamp: now,
    });
  }
  return cal.toString();
}

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
  const group = org?.groups.find((g) => g.id === target?.group);
  if (org === undefined || group === undefined) return null;
  const now = deps.clock.now();
  const today = dateIn(now, org.timeZone);
  const record = (await deps.groupState.groups(org.id, [group.id])).get(group.id);
  const deadlines = upcomingDeadlines(org, group, record ?? { members: [], terms: [], meetings: [] }, addDays(today, -31), addDays(today, 548));
  return calendarFeed(org, group, deadlines, now);
}
