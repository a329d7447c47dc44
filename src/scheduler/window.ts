import { addDays, yearOf, type IsoDate } from '../domain/calendarDate';
import type { Organisation } from '../domain/organisation';

/** Days a deadline may move off weekends and holidays (Christmas to New Year is the longest run). */
const SHIFT_PAD_DAYS = 10;
/** Meeting messages look two weeks either side of a meeting's start (meetingMessages.ts), plus a day for time zones. */
const MEETING_MESSAGE_DAYS = 15;

/**
 * The dates of the meetings the sweep's planners can need on `today`, so it reads those and not
 * the history: the whole calendar year(s) up to the farthest reminder horizon (a meeting minimum
 * counts the planned meetings of its period; "the last meeting of the year" must see the year to
 * its end), meetings a reminder after each meeting can still be due for, and the two weeks either
 * side that input reminders, the brief and the catch-up look at.
 */
export function meetingWindow(org: Organisation, today: IsoDate): { from: IsoDate; to: IsoDate } {
  let horizon = 0;
  let afterDays = 0;
  let beforeDays = 0;
  for (const item of org.annualCycle) {
    horizon = Math.max(horizon, ...item.remindDaysBefore);
    const s = item.schedule;
    if (s.kind === 'after-each-meeting') afterDays = Math.max(afterDays, s.days);
    if (s.kind === 'last-meeting-of-year') beforeDays = Math.max(beforeDays, s.daysBefore);
  }
  const earliest = [addDays(today, -afterDays - SHIFT_PAD_DAYS), addDays(today, -MEETING_MESSAGE_DAYS)];
  const latest = [addDays(today, MEETING_MESSAGE_DAYS)];
  const min = (a: IsoDate, b: IsoDate) => (a < b ? a : b);
  const max = (a: IsoDate, b: IsoDate) => (a > b ? a : b);
  return { from: earliest.reduce(min, `${yearOf(today)}-01-01`), to: latest.reduce(max, `${yearOf(addDays(today, horizon + beforeDays + SHIFT_PAD_DAYS))}-12-31`) };
}
