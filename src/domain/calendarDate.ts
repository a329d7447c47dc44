/**
 * Calendar dates as ISO strings (YYYY-MM-DD), free of time zones: a term starts and ends on
 * dates in the organisation's own calendar. Pure; no clock.
 */
export type IsoDate = string;

const ISO = /^(\d{4})-(\d{2})-(\d{2})$/;

/** True when the string is a real calendar date (2025-02-29 is not). */
export function isIsoDate(s: string): boolean {
  const m = ISO.exec(s);
  if (m === null) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  return mo >= 1 && mo <= 12 && d >= 1 && d <= daysInMonth(y, mo);
}

export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function parts(date: IsoDate): [number, number, number] {
  const m = ISO.exec(date);
  if (m === null) throw new Error(`not an ISO date: ${date}`);
  return [Number(m[1]), Number(m[2]), Number(m[3])];
}

const format = (y: number, m: number, d: number): IsoDate => `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;

/** Adds days (negative to go back). */
export function addDays(date: IsoDate, days: number): IsoDate {
  const [y, m, d] = parts(date);
  const t = new Date(Date.UTC(y, m - 1, d + days));
  return format(t.getUTCFullYear(), t.getUTCMonth() + 1, t.getUTCDate());
}

/**
 * The same day number `months` later; when that month is shorter, its last day
 * (as lag 1930:173 § 2 counts periods in months). Returns whether it was clamped.
 */
export function addMonths(date: IsoDate, months: number): { date: IsoDate; clamped: boolean } {
  const [y, m, d] = parts(date);
  const index = y * 12 + (m - 1) + months;
  const ny = Math.floor(index / 12);
  const nm = (index % 12) + 1;
  const last = daysInMonth(ny, nm);
  return { date: format(ny, nm, Math.min(d, last)), clamped: d > last };
}

/** Whole days from `a` to `b` (negative when b is earlier). */
export function daysBetween(a: IsoDate, b: IsoDate): number {
  const [ay, am, ad] = parts(a);
  const [by, bm, bd] = parts(b);
  return Math.round((Date.UTC(by, bm - 1, bd) - Date.UTC(ay, am - 1, ad)) / 86_400_000);
}

/**
 * One `Intl.DateTimeFormat` per locale and options, reused: building one costs far more than
 * formatting with it (it was most of the CPU of a `hjälp` turn). A memo, not state: same input,
 * same formatter.
 */
const formatters = new Map<string, Intl.DateTimeFormat>();
export function dateFormat(locale: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${locale}|${JSON.stringify(options)}`;
  let f = formatters.get(key);
  if (f === undefined) {
    f = new Intl.DateTimeFormat(locale, options);
    formatters.set(key, f);
  }
  return f;
}

/** The calendar date of an instant in a time zone (the bot's "today"). */
export function dateIn(instant: Date, timeZone: string): IsoDate {
  return dateFormat('sv-SE', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(instant);
}

export const yearOf = (date: IsoDate): number => parts(date)[0];

/**
 * The instant of a wall-clock date and time ("2026-12-08", "13:00") in a time zone, DST included.
 * A time that does not exist (skipped when clocks go forward, e.g. 2026-03-29 02:30 in
 * Europe/Stockholm) is moved forward by the length of the gap (03:30 summer time). A time that
 * happens twice (clocks go back, e.g. 2026-10-25 02:30) is the first occurrence (summer time).
 * Null when the date or time is not valid.
 */
export function zonedToInstant(date: IsoDate, time: string, timeZone: string): Date | null {
  const m = /^(\d{2}):(\d{2})$/.exec(time);
  if (!isIsoDate(date) || m === null || Number(m[1]) > 23 || Number(m[2]) > 59) return null;
  const [y, mo, d] = parts(date);
  const wall = Date.UTC(y, mo - 1, d, Number(m[1]), Number(m[2]));
  const formatter = dateFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    hour: 'numeric',
    minute: 'numeric',
  });
  const offsetAt = (instant: number) => {
    const p = Object.fromEntries(formatter.formatToParts(new Date(instant)).map((x) => [x.type, x.value]));
    return Date.UTC(Number(p.year), Number(p.month) - 1, Number(p.day), Number(p.hour), Number(p.minute)) - instant;
  };
  // The offsets in force a day either side cover any single switch on this day.
  const before = offsetAt(wall - 86_400_000);
  const after = offsetAt(wall + 86_400_000);
  const matches = [...new Set([before, after])].map((o) => wall - o).filter((t) => offsetAt(t) === wall - t);
  // Several matches: the clocks went back and the time happened twice; take the earlier one.
  if (matches.length > 0) return new Date(Math.min(...matches));
  // No match: the time fell in a gap; read it with the offset before the switch, which lands after it.
  return new Date(wall - before);
}

/**
 * An instant as ISO 8601 local time in a time zone with its offset, to the second:
 * "2026-11-27T10:15:00+01:00" in winter, "2026-06-15T14:00:00+02:00" in summer (Europe/Stockholm).
 */
export function isoWithOffset(instant: Date, timeZone: string): string {
  const p = Object.fromEntries(
    dateFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    })
      .formatToParts(instant)
      .map((x) => [x.type, x.value]),
  );
  const wall = Date.UTC(Number(p.year), Number(p.month) - 1, Number(p.day), Number(p.hour), Number(p.minute), Number(p.second));
  const offset = Math.round((wall - Math.floor(instant.getTime() / 1000) * 1000) / 60_000);
  const sign = offset < 0 ? '-' : '+';
  const hh = String(Math.floor(Math.abs(offset) / 60)).padStart(2, '0');
  const mm = String(Math.abs(offset) % 60).padStart(2, '0');
  return `${p.year}-${p.month}-${p.day}T${p.hour}:${p.minute}:${p.second}${sign}${hh}:${mm}`;
}

/** An instant's local date and time in a time zone, "2026-11-27 10:15", for texts and exports read by people. */
export function localDateTime(instant: Date, timeZone: string): string {
  return isoWithOffset(instant, timeZone).slice(0, 16).replace('T', ' ');
}
