import Holidays from 'date-holidays';
import type { IsoDate } from './calendarDate';
import { addDays } from './calendarDate';

/**
 * Swedish non-working days from a maintained library (date-holidays): public holidays
 * ("röda dagar") and the de facto days off midsommarafton, julafton and nyårsafton. Pure
 * computation on dates; no clock.
 */
const sweden = new Holidays('SE');
const cache = new Map<number, Map<IsoDate, string>>();

function holidaysOf(year: number): Map<IsoDate, string> {
  let map = cache.get(year);
  if (map === undefined) {
    map = new Map();
    for (const h of sweden.getHolidays(year)) if (h.type === 'public' || h.type === 'bank') map.set(h.date.slice(0, 10), h.name);
    cache.set(year, map);
  }
  return map;
}

/** The holiday's Swedish name, or null when the date is not a Swedish public holiday (or midsommar-, jul- or nyårsafton). */
export function swedishHoliday(date: IsoDate): string | null {
  return holidaysOf(Number(date.slice(0, 4))).get(date) ?? null;
}

/** Saturday, Sunday or a Swedish holiday. */
export function isNonWorkday(date: IsoDate): boolean {
  const day = new Date(`${date}T12:00:00Z`).getUTCDay();
  return day === 0 || day === 6 || swedishHoliday(date) !== null;
}

/** Why a date is not a working day, in Swedish, for the reminder text. */
export function nonWorkdayReason(date: IsoDate): string | null {
  const holiday = swedishHoliday(date);
  if (holiday !== null) return holiday;
  const day = new Date(`${date}T12:00:00Z`).getUTCDay();
  return day === 6 ? 'lördag' : day === 0 ? 'söndag' : null;
}

/**
 * Moves a deadline off a weekend or holiday: to the next weekday (as lag 1930:173 does for
 * statutory deadlines) or, where the organisation says so, to the previous one.
 */
export function shiftDeadline(date: IsoDate, shift: 'next-weekday' | 'previous-weekday'): { date: IsoDate; movedFrom: IsoDate | null } {
  let d = date;
  for (let i = 0; i < 14 && isNonWorkday(d); i++) d = addDays(d, shift === 'next-weekday' ? 1 : -1);
  return { date: d, movedFrom: d === date ? null : date };
}

/** The last weekday (not a weekend or holiday) on or before `date`. */
export function lastWorkdayOnOrBefore(date: IsoDate): IsoDate {
  return shiftDeadline(date, 'previous-weekday').date;
}
