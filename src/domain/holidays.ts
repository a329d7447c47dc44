import Holidays from 'date-holidays';
import type { IsoDate } from './calendarDate';
import { addDays } from './calendarDate';
import type { Locale } from './organisation';

/**
 * Swedish non-working days from a maintained library (date-holidays): public holidays
 * ("röda dagar") and the de facto days off midsommarafton, julafton and nyårsafton. Pure
 * computation on dates; no clock.
 */
const sweden = new Holidays('SE');
const cache = new Map<string, Map<IsoDate, string>>();

/** The year's non-working holidays with their names in `locale` (asked for explicitly: the library's default follows the environment). */
function holidaysOf(year: number, locale: Locale = 'sv'): Map<IsoDate, string> {
  const key = `${locale}|${year}`;
  let map = cache.get(key);
  if (map === undefined) {
    map = new Map();
    for (const h of sweden.getHolidays(year, locale)) if (h.type === 'public' || h.type === 'bank') map.set(h.date.slice(0, 10), h.name);
    cache.set(key, map);
  }
  return map;
}

/** The name (Swedish unless asked otherwise) of a Swedish holiday, or null when the date is not a Swedish public holiday (or midsommar-, jul- or nyårsafton). */
export function swedishHoliday(date: IsoDate, locale: Locale = 'sv'): string | null {
  return holidaysOf(Number(date.slice(0, 4)), locale).get(date) ?? null;
}

/** Saturday, Sunday or a Swedish holiday. */
export function isNonWorkday(date: IsoDate): boolean {
  const day = new Date(`${date}T12:00:00Z`).getUTCDay();
  return day === 0 || day === 6 || swedishHoliday(date) !== null;
}

/** Why a date is not a working day ("annandag jul", "lördag"; in English "Boxing Day", "Saturday"), for the reminder text. */
export function nonWorkdayReason(date: IsoDate, locale: Locale = 'sv'): string | null {
  const holiday = swedishHoliday(date, locale);
  if (holiday !== null) return holiday;
  const day = new Date(`${date}T12:00:00Z`).getUTCDay();
  const weekend = locale === 'sv' ? (['söndag', 'lördag'] as const) : (['Sunday', 'Saturday'] as const);
  return day === 6 ? weekend[1] : day === 0 ? weekend[0] : null;
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
