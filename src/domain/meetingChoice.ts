import { daysBetween, isIsoDate, type IsoDate } from './calendarDate';
import type { Meeting } from './meetings';

/**
 * Which meeting a command means when the person names the group and perhaps a date: the next
 * one (input, brief, revision) or the latest that has started (closing, minutes, decisions).
 */
export type MeetingPick = 'next' | 'latest-started';

const MONTHS: readonly (readonly string[])[] = [
  ['jan', 'januari', 'january'],
  ['feb', 'februari', 'february'],
  ['mar', 'mars', 'march'],
  ['apr', 'april'],
  ['maj', 'may'],
  ['jun', 'juni', 'june'],
  ['jul', 'juli', 'july'],
  ['aug', 'augusti', 'august'],
  ['sep', 'sept', 'september'],
  ['okt', 'oct', 'oktober', 'october'],
  ['nov', 'november'],
  ['dec', 'december'],
];

const pad = (n: number): string => String(n).padStart(2, '0');

/** The year that puts a day and month nearest to today (within half a year either way). */
function nearestYear(month: number, day: number, today: IsoDate): IsoDate | null {
  const year = Number(today.slice(0, 4));
  const candidates = [year - 1, year, year + 1].map((y) => `${y}-${pad(month)}-${pad(day)}`).filter(isIsoDate);
  if (candidates.length === 0) return null;
  return candidates.reduce((best, c) => (Math.abs(daysBetween(today, c)) < Math.abs(daysBetween(today, best)) ? c : best));
}

/** A date as people type it ("3 dec", "3 december", "2026-12-03", "3/12"), in the year nearest `today`; null when it is not a date. */
export function parseMeetingDate(text: string, today: IsoDate): IsoDate | null {
  const t = text.trim().toLocaleLowerCase('sv').replace(/\.$/, '');
  if (isIsoDate(t)) return t;
  const numeric = /^(\d{1,2})\/(\d{1,2})$/.exec(t);
  if (numeric) return nearestYear(Number(numeric[2]), Number(numeric[1]), today);
  const named = /^(\d{1,2})\s+([a-zåäö]+)\.?(?:\s+(\d{4}))?$/.exec(t);
  if (!named) return null;
  const [, day = '', monthWord = '', year] = named;
  const month = MONTHS.findIndex((words) => words.includes(monthWord)) + 1;
  if (month === 0) return null;
  if (year) {
    const iso = `${year}-${pad(month)}-${pad(Number(day))}`;
    return isIsoDate(iso) ? iso : null;
  }
  return nearestYear(month, Number(day), today);
}

/** Splits "LGS 3 dec" into the group words and the date at the end, if there is one. */
export function splitGroupAndDate(argument: string, today: IsoDate): { groupQuery: string; date: IsoDate | null } {
  const words = argument
    .trim()
    .split(/\s+/)
    .filter((w) => w !== '');
  for (const n of [3, 2, 1]) {
    if (words.length < n) continue;
    const date = parseMeetingDate(words.slice(-n).join(' '), today);
    if (date !== null) return { groupQuery: words.slice(0, -n).join(' '), date };
  }
  return { groupQuery: words.join(' '), date: null };
}

export type MeetingChoice =
  { readonly kind: 'one'; readonly meeting: Meeting } | { readonly kind: 'none' } | { readonly kind: 'many'; readonly meetings: readonly Meeting[] };

/**
 * The meeting a command means: with a date, the meetings that day (several ask the person to
 * choose); without one, the next coming meeting or the latest that has started. Cancelled meetings are skipped.
 * When none has started yet, `latest-started` takes the next one, so the command can say it has not started.
 */
export function chooseMeeting(meetings: readonly Meeting[], pick: MeetingPick, date: IsoDate | null, now: Date): MeetingChoice {
  const live = [...meetings].filter((m) => !m.cancelled).sort((a, b) => a.startsAt.localeCompare(b.startsAt));
  if (date !== null) {
    const onDay = live.filter((m) => m.date === date);
    const only = onDay.at(0);
    if (only === undefined) return { kind: 'none' };
    return onDay.length === 1 ? { kind: 'one', meeting: only } : { kind: 'many', meetings: onDay };
  }
  const nowIso = now.toISOString();
  const started = live.filter((m) => m.startsAt <= nowIso);
  const coming = live.filter((m) => m.startsAt > nowIso);
  const chosen = pick === 'next' ? (coming.at(0) ?? started.at(-1)) : (started.at(-1) ?? coming.at(0));
  return chosen === undefined ? { kind: 'none' } : { kind: 'one', meeting: chosen };
}
