import { addDays, addMonths, dateIn, daysBetween, daysInMonth, isIsoDate, yearOf } from '../../src/domain/calendarDate';
import {
  effectiveEnd,
  inOffice,
  latestTermBy,
  presidiumOn,
  RULE_CODES,
  termEnd,
  termOn,
  upcomingTerm,
  type Term,
  type TermHolder,
  type TermRole,
} from '../../src/domain/chairTerms';
import { ruleTitle } from '../../src/cards/chairTexts';
import { buildTerm } from '../helpers/terms';

/**
 * Calendar dates (src/domain/calendarDate.ts) and chair terms (src/domain/chairTerms.ts):
 * term ends for the seeds' 12-, 18- and 24-month terms (000, 001, 002), who is in office on a
 * date, and the presidium (chair + vice chair, current and already appointed).
 */

// ---------------------------------------------------------------- helpers

/** Realistic holders; parties and principals as in orgs/goteborgsomradet.yaml. */
const holder = (party: string, principal: 'kommun' | 'region', n = 1): TermHolder => ({
  aadObjectId: `aad-${party}-${n}`,
  displayName: `Ledamot ${party} ${n}`,
  party,
  principal,
});
const AVO = holder('goteborg-avo', 'kommun');
const PARTILLE = holder('partille', 'kommun');
const NARHALSAN = holder('narhalsan', 'region');
const SU = holder('su', 'region');

function term(id: string, role: TermRole, h: TermHolder, start: string, plannedEnd: string, extra: Partial<Term> = {}): Term {
  return buildTerm({ id, role, holder: h, start, plannedEnd, recordedAt: '2024-11-20T10:00:00.000Z', ...extra });
}

// ---------------------------------------------------------------- calendar

describe('isIsoDate', () => {
  it.each([
    ['2024-02-29', true], // leap year
    ['2025-02-29', false], // not a leap year
    ['2025-02-28', true],
    ['2000-02-29', true], // divisible by 400
    ['1900-02-29', false], // divisible by 100, not 400
    ['2025-04-30', true],
    ['2025-04-31', false],
    ['2025-12-31', true],
    ['2025-13-01', false],
    ['2025-00-10', false],
    ['2025-01-00', false],
    ['2025-01-32', false],
    ['2025-1-01', false],
    ['2025-01-1', false],
    ['25-01-01', false],
    ['2025/01/01', false],
    ['2025-01-01T00:00', false],
    [' 2025-01-01', false],
    ['', false],
  ])('%j → %s', (s, expected) => {
    expect(isIsoDate(s)).toBe(expected);
  });
});

describe('daysInMonth', () => {
  it.each([
    [2024, 2, 29],
    [2025, 2, 28],
    [2000, 2, 29],
    [1900, 2, 28],
    [2025, 1, 31],
    [2025, 4, 30],
    [2025, 6, 30],
    [2025, 12, 31],
  ])('%i-%i has %i days', (y, m, expected) => {
    expect(daysInMonth(y, m)).toBe(expected);
  });
});

describe('addDays', () => {
  it.each([
    ['2024-12-31', 1, '2025-01-01'],
    ['2025-01-01', -1, '2024-12-31'],
    ['2024-12-25', 10, '2025-01-04'],
    ['2025-01-04', -10, '2024-12-25'],
    ['2024-02-28', 1, '2024-02-29'],
    ['2024-02-29', 1, '2024-03-01'],
    ['2024-03-01', -1, '2024-02-29'],
    ['2025-02-28', 1, '2025-03-01'],
    ['2025-03-01', -1, '2025-02-28'],
    ['2024-01-01', 366, '2025-01-01'],
    ['2025-01-01', 365, '2026-01-01'],
    ['2025-01-01', -365, '2024-01-02'],
    ['2025-03-29', 2, '2025-03-31'], // across the spring DST change: dates only
    ['2025-10-25', 2, '2025-10-27'], // across the autumn DST change
    ['2025-06-15', 0, '2025-06-15'],
    ['2023-12-31', 60, '2024-02-29'],
  ])('%s %+d days → %s', (date, days, expected) => {
    expect(addDays(date, days)).toBe(expected);
  });

  it('refuses a string that is not an ISO date', () => {
    expect(() => addDays('2025-1-1', 1)).toThrow('not an ISO date: 2025-1-1');
  });
});

describe('addMonths', () => {
  it.each([
    ['2025-01-31', 1, '2025-02-28', true], // clamped to February's last day
    ['2024-01-31', 1, '2024-02-29', true], // leap February
    ['2024-01-30', 1, '2024-02-29', true],
    ['2024-01-29', 1, '2024-02-29', false],
    ['2024-02-29', 12, '2025-02-28', true], // leap day + a year
    ['2024-02-29', 48, '2028-02-29', false], // leap day + four years exists
    ['2025-05-31', 1, '2025-06-30', true],
    ['2024-11-30', 3, '2025-02-28', true],
    ['2025-12-31', 2, '2026-02-28', true],
    ['2025-01-15', 1, '2025-02-15', false],
    ['2025-11-15', 2, '2026-01-15', false], // across a year end
    ['2024-07-01', 18, '2026-01-01', false],
    ['2025-01-01', 24, '2027-01-01', false],
    ['2025-01-01', 0, '2025-01-01', false],
    ['2025-03-31', -1, '2025-02-28', true],
    ['2025-01-31', -2, '2024-11-30', true],
    ['2025-01-15', -13, '2023-12-15', false],
  ])('%s %+d months → %s (clamped %s)', (date, months, expected, clamped) => {
    expect(addMonths(date, months)).toEqual({ date: expected, clamped });
  });
});

describe('daysBetween', () => {
  it.each([
    ['2025-01-01', '2025-12-31', 364],
    ['2024-01-01', '2025-01-01', 366],
    ['2025-01-01', '2026-01-01', 365],
    ['2025-01-01', '2024-01-01', -366],
    ['2025-06-15', '2025-06-15', 0],
    ['2024-02-28', '2024-03-01', 2],
    ['2025-02-28', '2025-03-01', 1],
    ['2025-03-29', '2025-03-31', 2], // a 23-hour day in between still counts as one day
    ['2025-10-25', '2025-10-27', 2], // a 25-hour day in between still counts as one day
    ['2025-10-02', '2025-12-31', 90],
    ['2025-12-31', '2025-12-01', -30],
  ])('%s → %s is %i days', (a, b, expected) => {
    expect(daysBetween(a, b)).toBe(expected);
  });
});

describe('dateIn Europe/Stockholm', () => {
  it.each([
    // winter time, UTC+1
    ['2024-12-31T22:59:59Z', '2024-12-31'],
    ['2024-12-31T23:00:00Z', '2025-01-01'],
    ['2025-01-15T23:30:00Z', '2025-01-16'],
    ['2025-01-16T00:30:00Z', '2025-01-16'],
    // summer time, UTC+2
    ['2025-06-30T21:59:59Z', '2025-06-30'],
    ['2025-06-30T22:00:00Z', '2025-07-01'],
    ['2025-06-30T23:30:00Z', '2025-07-01'], // already 1 July in Sweden, still 30 June in UTC
    // spring change, 2025-03-30 02:00 CET → 03:00 CEST
    ['2025-03-29T22:59:59Z', '2025-03-29'],
    ['2025-03-29T23:00:00Z', '2025-03-30'],
    ['2025-03-30T22:00:00Z', '2025-03-31'], // midnight after the change is UTC+2
    ['2025-03-30T21:59:59Z', '2025-03-30'],
    // autumn change, 2025-10-26 03:00 CEST → 02:00 CET
    ['2025-10-25T21:59:59Z', '2025-10-25'],
    ['2025-10-25T22:00:00Z', '2025-10-26'], // midnight before the change is UTC+2
    ['2025-10-26T22:59:59Z', '2025-10-26'], // midnight after the change is UTC+1
    ['2025-10-26T23:00:00Z', '2025-10-27'],
  ])('%s is %s in Stockholm', (instant, expected) => {
    expect(dateIn(new Date(instant), 'Europe/Stockholm')).toBe(expected);
  });

  it('uses the given zone, not the machine zone', () => {
    const instant = new Date('2025-06-30T23:30:00Z');
    expect(dateIn(instant, 'UTC')).toBe('2025-06-30');
    expect(dateIn(instant, 'Europe/Stockholm')).toBe('2025-07-01');
  });
});

describe('yearOf', () => {
  it.each([
    ['2025-01-01', 2025],
    ['2024-12-31', 2024],
  ])('%s → %i', (d, y) => expect(yearOf(d)).toBe(y));
});

// ---------------------------------------------------------------- term ends

describe('termEnd: the last day in office', () => {
  it.each([
    // 12 months (NOSAM 002, SAMLA 001)
    ['2025-01-01', 12, '2025-12-31'],
    ['2026-01-01', 12, '2026-12-31'],
    ['2025-03-15', 12, '2026-03-14'],
    ['2023-03-01', 12, '2024-02-29'], // ends on a leap day
    ['2024-02-29', 12, '2025-02-28'], // starts on a leap day
    ['2024-03-01', 12, '2025-02-28'],
    ['2023-02-28', 12, '2024-02-27'],
    // 18 months (temagrupper, 000)
    ['2024-07-01', 18, '2025-12-31'], // crosses a year end
    ['2024-01-01', 18, '2025-06-30'],
    ['2025-07-01', 18, '2026-12-31'],
    ['2022-09-01', 18, '2024-02-29'],
    ['2023-09-01', 18, '2025-02-28'],
    ['2024-08-31', 18, '2026-02-28'], // clamped: February has no 31st
    // 24 months (LGS, politiskt samråd, 000)
    ['2023-01-01', 24, '2024-12-31'],
    ['2025-01-01', 24, '2026-12-31'],
    ['2024-02-29', 24, '2026-02-28'],
    ['2025-05-06', 24, '2027-05-05'],
    // short periods
    ['2025-01-31', 1, '2025-02-28'],
    ['2025-01-15', 1, '2025-02-14'],
  ])('start %s, %i months → last day %s', (start, months, expected) => {
    expect(termEnd(start, months)).toBe(expected);
  });

  it.each([
    ['2025-01-01', 12, ['2025-12-31', '2026-12-31', '2027-12-31', '2028-12-31']],
    ['2024-07-01', 18, ['2025-12-31', '2027-06-30', '2028-12-31', '2030-06-30']],
    ['2023-01-01', 24, ['2024-12-31', '2026-12-31', '2028-12-31', '2030-12-31']],
    ['2023-03-01', 12, ['2024-02-29', '2025-02-28', '2026-02-28', '2027-02-28']],
  ])('consecutive terms from %s (%i months) leave no gap and no overlap', (first, months, expectedEnds) => {
    const ends: string[] = [];
    let start = first;
    for (const _ of expectedEnds) {
      const end = termEnd(start, months);
      ends.push(end);
      start = addDays(end, 1);
    }
    expect(ends).toEqual(expectedEnds);
  });

  it('the holder is in office on the last day and not the day after', () => {
    const t = term('lgs-1', 'chair', SU, '2025-01-01', termEnd('2025-01-01', 24));
    expect(t.plannedEnd).toBe('2026-12-31');
    expect(termOn([t], 'chair', '2026-12-31')).toBe(t);
    expect(termOn([t], 'chair', '2027-01-01')).toBeNull();
  });

  it('a leap-day end is a day in office', () => {
    const t = term('nosam-1', 'chair', PARTILLE, '2023-03-01', termEnd('2023-03-01', 12));
    expect(termOn([t], 'chair', '2024-02-29')).toBe(t);
    expect(termOn([t], 'chair', '2024-03-01')).toBeNull();
  });
});

describe('RULE_CODES', () => {
  // That each code is produced by checkAppointment is tested from this same list in rotation.test.ts.
  it('lists each rule once, and each has its own plain-words title in Swedish and in English', () => {
    expect(new Set(RULE_CODES).size).toBe(RULE_CODES.length);
    expect(new Set(RULE_CODES.map((c) => ruleTitle(c).sv)).size).toBe(RULE_CODES.length);
    expect(new Set(RULE_CODES.map((c) => ruleTitle(c).en)).size).toBe(RULE_CODES.length);
    expect(ruleTitle('term-length')).toEqual({ sv: 'mandatperiodens längd', en: 'term length' });
  });
});

// ---------------------------------------------------------------- who is in office

describe('effectiveEnd and inOffice', () => {
  const planned = term('t', 'chair', SU, '2025-01-01', '2026-12-31');
  const endedEarly = term('t', 'chair', SU, '2025-01-01', '2026-12-31', { actualEnd: '2025-08-31' });

  it('effectiveEnd is the planned end unless the term ended early', () => {
    expect(effectiveEnd(planned)).toBe('2026-12-31');
    expect(effectiveEnd(endedEarly)).toBe('2025-08-31');
  });

  it.each([
    ['2024-12-31', false, false],
    ['2025-01-01', true, true],
    ['2025-08-31', true, true],
    ['2025-09-01', true, false],
    ['2026-12-31', true, false],
    ['2027-01-01', false, false],
  ])('on %s: planned term in office %s, ended-early term in office %s', (date, a, b) => {
    expect(inOffice(planned, date)).toBe(a);
    expect(inOffice(endedEarly, date)).toBe(b);
  });
});

describe('termOn', () => {
  const chair2023 = term('c-2023', 'chair', AVO, '2023-01-01', '2024-12-31');
  const chair2025 = term('c-2025', 'chair', SU, '2025-01-01', '2026-12-31');
  const vice2025 = term('v-2025', 'viceChair', AVO, '2025-01-01', '2026-12-31');
  const terms = [chair2025, vice2025, chair2023];

  it.each([
    ['2022-12-31', 'chair', null],
    ['2023-01-01', 'chair', 'c-2023'],
    ['2024-12-31', 'chair', 'c-2023'],
    ['2025-01-01', 'chair', 'c-2025'],
    ['2026-12-31', 'chair', 'c-2025'],
    ['2027-01-01', 'chair', null],
    ['2024-12-31', 'viceChair', null],
    ['2025-01-01', 'viceChair', 'v-2025'],
    ['2026-12-31', 'viceChair', 'v-2025'],
  ] as const)('on %s the %s is %s', (date, role, expected) => {
    expect(termOn(terms, role, date)?.id ?? null).toBe(expected);
  });

  it('overlapping records: the latest-starting term wins, whatever the order of records', () => {
    const older = term('older', 'chair', AVO, '2025-01-01', '2026-12-31');
    const newer = term('newer', 'chair', NARHALSAN, '2025-09-01', '2026-12-31');
    for (const ts of [
      [older, newer],
      [newer, older],
    ]) {
      expect(termOn(ts, 'chair', '2025-08-31')?.id).toBe('older');
      expect(termOn(ts, 'chair', '2025-09-01')?.id).toBe('newer');
      expect(termOn(ts, 'chair', '2026-12-31')?.id).toBe('newer');
    }
  });

  it('a term ended early (actualEnd) is not in office after its actual end', () => {
    const ended = term('ended', 'chair', SU, '2025-01-01', '2026-12-31', { actualEnd: '2025-08-31' });
    expect(termOn([ended], 'chair', '2025-08-31')?.id).toBe('ended');
    expect(termOn([ended], 'chair', '2025-09-01')).toBeNull();
  });

  it('does not reorder the caller’s array', () => {
    const ts = [chair2023, chair2025];
    termOn(ts, 'chair', '2025-06-01');
    expect(ts.map((t) => t.id)).toEqual(['c-2023', 'c-2025']);
  });
});

describe('latestTermBy and upcomingTerm', () => {
  const a = term('a', 'chair', AVO, '2023-01-01', '2024-12-31');
  const b = term('b', 'chair', SU, '2025-01-01', '2026-12-31', { actualEnd: '2025-03-31' });
  const c = term('c', 'chair', NARHALSAN, '2027-01-01', '2028-12-31');
  const v = term('v', 'viceChair', PARTILLE, '2026-01-01', '2026-12-31');
  const terms = [c, v, a, b];

  it.each([
    ['2022-12-31', null, 'a'],
    ['2023-01-01', 'a', 'b'],
    ['2024-12-31', 'a', 'b'],
    ['2025-01-01', 'b', 'c'],
    ['2025-06-01', 'b', 'c'], // b ended early but is still the latest started
    ['2026-12-31', 'b', 'c'],
    ['2027-01-01', 'c', null],
  ])('on %s: latest chair %s, upcoming chair %s', (date, latest, upcoming) => {
    expect(latestTermBy(terms, 'chair', date)?.id ?? null).toBe(latest);
    expect(upcomingTerm(terms, 'chair', date)?.id ?? null).toBe(upcoming);
  });

  it('filters by role', () => {
    expect(latestTermBy(terms, 'viceChair', '2026-06-01')?.id).toBe('v');
    expect(upcomingTerm(terms, 'viceChair', '2025-12-31')?.id).toBe('v');
    expect(upcomingTerm(terms, 'viceChair', '2026-01-01')).toBeNull();
  });
});

describe('presidiumOn', () => {
  // LGS: 2023–2024 kommun chair with region vice (003), 2025–2026 region chair with kommun vice (000).
  const chair2023 = term('c-2023', 'chair', AVO, '2023-01-01', '2024-12-31');
  const vice2023 = term('v-2023', 'viceChair', SU, '2023-01-01', '2024-12-31');
  const chair2025 = term('c-2025', 'chair', SU, '2025-01-01', '2026-12-31');
  const vice2025 = term('v-2025', 'viceChair', AVO, '2025-01-01', '2026-12-31');
  const ids = (p: ReturnType<typeof presidiumOn>) => ({
    chair: p.chair?.id ?? null,
    viceChair: p.viceChair?.id ?? null,
    nextChair: p.nextChair?.id ?? null,
    nextViceChair: p.nextViceChair?.id ?? null,
  });

  it('is empty with no terms', () => {
    expect(presidiumOn([], '2025-01-01')).toEqual({ chair: null, viceChair: null, nextChair: null, nextViceChair: null });
  });

  it.each([
    ['2022-12-31', { chair: null, viceChair: null, nextChair: 'c-2023', nextViceChair: 'v-2023' }],
    ['2023-01-01', { chair: 'c-2023', viceChair: 'v-2023', nextChair: 'c-2025', nextViceChair: 'v-2025' }],
    ['2024-12-31', { chair: 'c-2023', viceChair: 'v-2023', nextChair: 'c-2025', nextViceChair: 'v-2025' }],
    ['2025-01-01', { chair: 'c-2025', viceChair: 'v-2025', nextChair: null, nextViceChair: null }],
    ['2026-12-31', { chair: 'c-2025', viceChair: 'v-2025', nextChair: null, nextViceChair: null }],
    ['2027-01-01', { chair: null, viceChair: null, nextChair: null, nextViceChair: null }],
  ])('on %s', (date, expected) => {
    expect(ids(presidiumOn([vice2025, chair2023, chair2025, vice2023], date))).toEqual(expected);
  });

  it('returns the term records themselves (holder, party, principal, end)', () => {
    const p = presidiumOn([chair2025, vice2025], '2025-06-01');
    expect(p.chair?.holder).toEqual({ aadObjectId: 'aad-su-1', displayName: 'Ledamot su 1', party: 'su', principal: 'region' });
    expect(p.viceChair?.holder.principal).toBe('kommun');
    expect(p.chair && effectiveEnd(p.chair)).toBe('2026-12-31');
  });

  it('shows the nearest of several upcoming terms as next', () => {
    const c2027 = term('c-2027', 'chair', AVO, '2027-01-01', '2028-12-31');
    const c2029 = term('c-2029', 'chair', SU, '2029-01-01', '2030-12-31');
    expect(ids(presidiumOn([c2029, chair2025, c2027], '2026-03-01'))).toEqual({ chair: 'c-2025', viceChair: null, nextChair: 'c-2027', nextViceChair: null });
  });

  it('an actualEnd shortens the term: the replacement chairs from the next day', () => {
    const original = term('c-2025', 'chair', SU, '2025-01-01', '2026-12-31', { actualEnd: '2025-08-31' });
    const replacement = term('c-2025-r', 'chair', NARHALSAN, '2025-09-01', '2026-12-31', { origin: 'replacement', replaces: 'c-2025' });
    const terms = [original, replacement, vice2025];
    expect(ids(presidiumOn(terms, '2025-08-31'))).toEqual({ chair: 'c-2025', viceChair: 'v-2025', nextChair: 'c-2025-r', nextViceChair: null });
    expect(ids(presidiumOn(terms, '2025-09-01'))).toEqual({ chair: 'c-2025-r', viceChair: 'v-2025', nextChair: null, nextViceChair: null });
    expect(ids(presidiumOn(terms, '2026-12-31'))).toEqual({ chair: 'c-2025-r', viceChair: 'v-2025', nextChair: null, nextViceChair: null });
  });

  it('an actualEnd with no successor leaves the chair empty', () => {
    const original = term('c-2025', 'chair', SU, '2025-01-01', '2026-12-31', { actualEnd: '2025-08-31' });
    expect(ids(presidiumOn([original], '2025-09-01'))).toEqual({ chair: null, viceChair: null, nextChair: null, nextViceChair: null });
  });

  it('overlapping records: the latest start wins for both roles', () => {
    const oldChair = term('old-c', 'chair', SU, '2025-01-01', '2026-12-31');
    const newChair = term('new-c', 'chair', NARHALSAN, '2025-06-01', '2026-12-31');
    const oldVice = term('old-v', 'viceChair', AVO, '2025-01-01', '2026-12-31');
    const newVice = term('new-v', 'viceChair', PARTILLE, '2025-07-01', '2026-12-31');
    const terms = [newChair, oldVice, oldChair, newVice];
    expect(ids(presidiumOn(terms, '2025-05-31'))).toEqual({ chair: 'old-c', viceChair: 'old-v', nextChair: 'new-c', nextViceChair: 'new-v' });
    expect(ids(presidiumOn(terms, '2025-06-15'))).toEqual({ chair: 'new-c', viceChair: 'old-v', nextChair: null, nextViceChair: 'new-v' });
    expect(ids(presidiumOn(terms, '2025-07-01'))).toEqual({ chair: 'new-c', viceChair: 'new-v', nextChair: null, nextViceChair: null });
  });
});
