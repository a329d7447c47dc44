import { chooseMeeting, parseMeetingDate, splitGroupAndDate } from '../../src/domain/meetingChoice';
import type { Meeting } from '../../src/domain/meetings';

const meeting = (id: string, startsAt: string, cancelled = false): Meeting => ({
  id,
  org: 'o',
  group: 'g',
  date: startsAt.slice(0, 10),
  startsAt,
  title: 'G',
  cancelled,
  place: '',
  agenda: [],
  revision: 0,
  status: 'planned',
  cutoffHours: 24,
  posted: null,
  summaries: {},
  createdBy: 'x',
});

describe('parseMeetingDate', () => {
  it.each([
    ['3 dec', '2026-11-22', '2026-12-03'],
    ['3 december', '2026-11-22', '2026-12-03'],
    ['3 dec.', '2026-11-22', '2026-12-03'],
    ['12 jan', '2026-11-22', '2027-01-12'],
    ['20 nov', '2027-01-05', '2026-11-20'],
    ['3/12', '2026-11-22', '2026-12-03'],
    ['2026-12-03', '2026-01-01', '2026-12-03'],
    ['3 dec 2025', '2026-11-22', '2025-12-03'],
  ])('reads "%s" (today %s) as %s', (text, today, expected) => expect(parseMeetingDate(text, today)).toBe(expected));

  it.each(['LGS', '31 feb', 'äldre', '2026-02-30', '32/1'])('is not a date: "%s"', (text) => expect(parseMeetingDate(text, '2026-11-22')).toBeNull());
});

describe('splitGroupAndDate', () => {
  it('takes the date off the end and keeps the group words', () => {
    expect(splitGroupAndDate('Ledningsgruppen för samverkan 3 dec', '2026-11-22')).toEqual({ groupQuery: 'Ledningsgruppen för samverkan', date: '2026-12-03' });
    expect(splitGroupAndDate('LGS', '2026-11-22')).toEqual({ groupQuery: 'LGS', date: null });
    expect(splitGroupAndDate('8 dec', '2026-11-22')).toEqual({ groupQuery: '', date: '2026-12-08' });
  });
});

describe('chooseMeeting', () => {
  const now = new Date('2026-12-08T13:00:00Z');
  const past = meeting('a', '2026-11-10T12:00:00Z');
  const today = meeting('b', '2026-12-08T12:00:00Z');
  const later = meeting('c', '2026-12-08T15:00:00Z');
  const cancelled = meeting('d', '2026-12-20T12:00:00Z', true);

  it('takes the next coming meeting, or the latest started one (the next when none has started)', () => {
    expect(chooseMeeting([later, past, today, cancelled], 'next', null, now)).toEqual({ kind: 'one', meeting: later });
    expect(chooseMeeting([later, past, today], 'latest-started', null, now)).toEqual({ kind: 'one', meeting: today });
    expect(chooseMeeting([past], 'next', null, now)).toEqual({ kind: 'one', meeting: past });
    expect(chooseMeeting([later], 'latest-started', null, now)).toEqual({ kind: 'one', meeting: later });
    expect(chooseMeeting([cancelled], 'latest-started', null, now)).toEqual({ kind: 'none' });
  });

  it('asks to choose when several meetings fall on the named day', () => {
    expect(chooseMeeting([later, past, today], 'next', '2026-12-08', now)).toEqual({ kind: 'many', meetings: [today, later] });
    expect(chooseMeeting([later, past, today], 'next', '2026-11-10', now)).toEqual({ kind: 'one', meeting: past });
    expect(chooseMeeting([cancelled], 'next', '2026-12-20', now)).toEqual({ kind: 'none' });
  });
});
