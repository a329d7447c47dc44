import {
  appliesTo,
  dueReminders,
  occurrences,
  periodOf,
  reachedOffset,
  upcomingDeadlines,
  type GroupCycleState,
  type Occurrence,
  type Reminder,
} from '../../src/domain/annualCycle';
import { dateIn } from '../../src/domain/calendarDate';
import type { Term, TermRole } from '../../src/domain/chairTerms';
import type { PlannedMeeting } from '../../src/domain/meetings';
import type { CycleItem, CycleSchedule, Organisation } from '../../src/domain/organisation';
import type { GroupMember, GroupRole } from '../../src/domain/people';
import { GBG, group, SAMLA } from '../helpers/shippedOrgs';
import { buildTerm, termHolder } from '../helpers/terms';

/**
 * The årshjul (src/domain/annualCycle.ts) on the shipped organisation files
 * (orgs/goteborgsomradet.yaml, orgs/samla.yaml) with synthetic meetings, rosters and terms:
 * the deadlines of every schedule kind moved off weekends and Swedish holidays
 * (lag 1930:173, DOMAIN.md "Årshjul"), the reminders due on a day and their stable ids, and
 * the coming deadlines of a group.
 *
 * Weekdays used below: 2025-03-01 Sat, 2026-01-31 Sat, 2026-02-28 Sat, 2026-03-01 Sun,
 * 2026-05-31 Sun, 2026-11-30 Mon, 2027-01-31 Sun, 2027-02-28 Sun, 2027-03-01 Mon,
 * 2028-02-29 Tue, 2028-10-15 Sun.
 */

// ---------------------------------------------------------------- fixtures

function item(org: Organisation, id: string): CycleItem {
  const i = org.annualCycle.find((x) => x.id === id);
  if (i === undefined) throw new Error(`no årshjul item ${id} in ${org.id}`);
  return i;
}

/** The organisation cut down to some groups and årshjul items, so a sweep shows only what a test is about. */
const only = (org: Organisation, groups: readonly string[], items: readonly string[]): Organisation => ({
  ...org,
  groups: groups.map((g) => group(org, g)),
  annualCycle: items.map((i) => item(org, i)),
});

/** A synthetic årshjul item for the schedule kinds and dates the shipped files do not use. */
const synthetic = (id: string, schedule: CycleSchedule, extra: Partial<CycleItem> = {}): CycleItem => ({
  id,
  title: { sv: `Test ${id}`, en: `Test ${id}` },
  appliesTo: { kinds: [], groups: [] },
  schedule,
  remindDaysBefore: [30, 14, 7, 1],
  audience: ['chair', 'processLeader'],
  status: 'confirmed',
  cadence: null,
  quote: null,
  source: 'test',
  ...extra,
});

const meeting = (id: string, date: string, cancelled = false, grp = 'nosam-hisingen', org = 'goteborgsomradet'): PlannedMeeting => ({
  id,
  org,
  group: grp,
  date,
  startsAt: `${date}T08:00:00.000Z`,
  title: `Möte ${date}`,
  cancelled,
});

function term(id: string, role: TermRole, aad: string | null, start: string, plannedEnd: string, extra: Partial<Term> = {}): Term {
  return buildTerm({ id, group: 'nosam-hisingen', role, holder: termHolder(aad, 'narhalsan', 'region', `Person ${aad ?? 'utan konto'}`), start, plannedEnd, ...extra });
}

const member = (aad: string, ...roles: GroupRole[]): GroupMember => ({ aadObjectId: aad, displayName: `Person ${aad}`, party: 'narhalsan', roles });

const EMPTY: GroupCycleState = { members: [], terms: [], meetings: [] };

/** What an occurrence is, without the org/group/item objects. */
const brief = (o: Occurrence) => ({ key: o.key, deadline: o.deadline, movedFrom: o.movedFrom });
const byDeadline = (a: { deadline: string; key: string }, b: { deadline: string; key: string }) => a.deadline.localeCompare(b.deadline) || a.key.localeCompare(b.key);

/** A sweep over a few groups with nothing done or acknowledged unless given. */
function sweep(
  orgs: readonly Organisation[],
  groups: Record<string, GroupCycleState>,
  today: string,
  done: readonly string[] = [],
  acknowledged: readonly string[] = [],
): Reminder[] {
  return dueReminders({ orgs, groups: new Map(Object.entries(groups)), done: new Set(done), acknowledged: new Set(acknowledged) }, today);
}

/** A reminder as `{id} [roles] offset/daysLeft`, sorted, for exact comparisons. */
const summary = (rs: readonly Reminder[]): string[] => rs.map((r) => `${r.id} [${r.roles.join(',')}] ${r.offset}/${r.daysLeft}`).sort();

// ---------------------------------------------------------------- the shipped årshjul

describe('the shipped årshjul applies to the right groups', () => {
  it.each([
    ['nosam-handlingsplan', 'nosam-hisingen', true],
    ['nosam-handlingsplan', 'tema-aldre', false],
    ['kvartalsrapport', 'tema-aldre', true],
    ['kvartalsrapport', 'ug-samsa', true],
    ['kvartalsrapport', 'lgs', false],
    ['lgs-arsrapport', 'lgs', true],
    ['lgs-arsrapport', 'lgs-styrgrupp', false],
    // By kind (nosam, theme) and by id (lgs-styrgrupp).
    ['nosam-ordforande-moter-lgs-styrgrupp', 'lgs-styrgrupp', true],
    ['nosam-ordforande-moter-lgs-styrgrupp', 'nosam-ockero', true],
    ['nosam-ordforande-moter-lgs-styrgrupp', 'lgs', false],
    ['motesminimum', 'lgs', true],
    ['motesminimum', 'tema-aldre', false],
  ])('%s applies to %s: %s', (itemId, groupId, expected) => {
    expect(appliesTo(item(GBG, itemId), group(GBG, groupId))).toBe(expected);
  });
});

// ---------------------------------------------------------------- periodOf

describe('periodOf', () => {
  it.each([
    ['year', '2026-01-01', '2026-01-01', '2026-12-31'],
    ['year', '2026-07-15', '2026-01-01', '2026-12-31'],
    ['year', '2026-12-31', '2026-01-01', '2026-12-31'],
    ['half-year', '2026-01-01', '2026-01-01', '2026-06-30'],
    ['half-year', '2026-06-30', '2026-01-01', '2026-06-30'],
    ['half-year', '2026-07-01', '2026-07-01', '2026-12-31'],
    ['half-year', '2026-12-31', '2026-07-01', '2026-12-31'],
  ] as const)('%s containing %s is %s – %s', (per, date, start, end) => {
    expect(periodOf(per, date)).toEqual({ start, end });
  });
});

// ---------------------------------------------------------------- occurrences

describe('occurrences: yearly and half-yearly dates from the shipped files, moved off weekends and holidays', () => {
  it.each([
    // NOSAM handlingsplan ready by 1 March (002): 2025-03-01 Sat, 2026-03-01 Sun, 2027-03-01 Mon.
    [
      GBG,
      'nosam-hisingen',
      'nosam-handlingsplan',
      '2025-01-01',
      '2027-12-31',
      [
        { key: 'nosam-handlingsplan|2025-03-01', deadline: '2025-03-03', movedFrom: '2025-03-01' },
        { key: 'nosam-handlingsplan|2026-03-01', deadline: '2026-03-02', movedFrom: '2026-03-01' },
        { key: 'nosam-handlingsplan|2027-03-01', deadline: '2027-03-01', movedFrom: null },
      ],
    ],
    [
      GBG,
      'nosam-ockero',
      'arsrapport-till-lgs',
      '2026-01-01',
      '2027-12-31',
      [
        { key: 'arsrapport-till-lgs|2026-01-31', deadline: '2026-02-02', movedFrom: '2026-01-31' },
        { key: 'arsrapport-till-lgs|2027-01-31', deadline: '2027-02-01', movedFrom: '2027-01-31' },
      ],
    ],
    [
      GBG,
      'tema-aldre',
      'temagrupp-handlingsplan',
      '2025-01-01',
      '2026-12-31',
      [
        { key: 'temagrupp-handlingsplan|2025-11-30', deadline: '2025-12-01', movedFrom: '2025-11-30' },
        { key: 'temagrupp-handlingsplan|2026-11-30', deadline: '2026-11-30', movedFrom: null },
      ],
    ],
    [GBG, 'lgs', 'lgs-arsrapport', '2026-01-01', '2026-12-31', [{ key: 'lgs-arsrapport|2026-03-31', deadline: '2026-03-31', movedFrom: null }]],
    [
      GBG,
      'lgs',
      'gemensamt-mote-lgs-politiskt-samrad',
      '2025-01-01',
      '2026-12-31',
      [
        { key: 'gemensamt-mote-lgs-politiskt-samrad|2025-05-31', deadline: '2025-06-02', movedFrom: '2025-05-31' },
        { key: 'gemensamt-mote-lgs-politiskt-samrad|2026-05-31', deadline: '2026-06-01', movedFrom: '2026-05-31' },
      ],
    ],
    [
      GBG,
      'lgs-styrgrupp',
      'nosam-ordforande-moter-lgs-styrgrupp',
      '2028-01-01',
      '2028-12-31',
      [{ key: 'nosam-ordforande-moter-lgs-styrgrupp|2028-10-15', deadline: '2028-10-16', movedFrom: '2028-10-15' }],
    ],
    // Half-yearly: 2024-06-30 and 2024-12-15 are Sundays.
    [
      GBG,
      'tema-aldre',
      'halvarsrapport',
      '2024-01-01',
      '2024-12-31',
      [
        { key: 'halvarsrapport|2024-06-30', deadline: '2024-07-01', movedFrom: '2024-06-30' },
        { key: 'halvarsrapport|2024-12-15', deadline: '2024-12-16', movedFrom: '2024-12-15' },
      ],
    ],
    [
      GBG,
      'tema-aldre',
      'halvarsrapport',
      '2026-01-01',
      '2026-12-31',
      [
        { key: 'halvarsrapport|2026-06-30', deadline: '2026-06-30', movedFrom: null },
        { key: 'halvarsrapport|2026-12-15', deadline: '2026-12-15', movedFrom: null },
      ],
    ],
    [
      SAMLA,
      'nosam-lerum',
      'nosam-aktivitetsplan',
      '2026-01-01',
      '2026-12-31',
      [{ key: 'nosam-aktivitetsplan|2026-03-01', deadline: '2026-03-02', movedFrom: '2026-03-01' }],
    ],
  ] as const)('%#: %s %s %s in %s – %s', (org, groupId, itemId, from, to, expected) => {
    expect(occurrences(org, group(org, groupId), item(org, itemId), EMPTY, from, to).map(brief)).toEqual(expected);
  });

  it.each([
    // The window holds the moved deadline, not the nominal date.
    ['2026-03-01', '2026-03-01', []],
    ['2026-03-02', '2026-03-02', ['2026-03-02']],
    ['2026-02-01', '2026-02-28', []],
    ['2026-03-03', '2026-12-31', []],
  ])('NOSAM handlingsplan 2026 in the window %s – %s', (from, to, deadlines) => {
    const occ = occurrences(GBG, group(GBG, 'nosam-hisingen'), item(GBG, 'nosam-handlingsplan'), EMPTY, from, to);
    expect(occ.map((o) => o.deadline)).toEqual(deadlines);
  });

  it('an organisation that chose "previous weekday" moves 1 March 2026 (a Sunday) to Friday 27 February', () => {
    const org: Organisation = { ...GBG, deadlineShift: 'previous-weekday' };
    const occ = occurrences(org, group(org, 'nosam-hisingen'), item(org, 'nosam-handlingsplan'), EMPTY, '2026-01-01', '2026-12-31');
    expect(occ.map(brief)).toEqual([{ key: 'nosam-handlingsplan|2026-03-01', deadline: '2026-02-27', movedFrom: '2026-03-01' }]);
  });

  it('an occurrence carries its organisation, group and item', () => {
    const g = group(GBG, 'nosam-hisingen');
    const i = item(GBG, 'nosam-handlingsplan');
    const [occ] = occurrences(GBG, g, i, EMPTY, '2026-01-01', '2026-12-31');
    expect(occ.org).toBe(GBG);
    expect(occ.group).toBe(g);
    expect(occ.item).toBe(i);
  });
});

describe('occurrences: synthetic yearly and quarterly dates', () => {
  const lgs = group(GBG, 'lgs');

  it.each([
    // 29 February in a non-leap year is the 28th (and that is a weekend in 2026 and 2027).
    ['2026-01-01', '2026-12-31', [{ key: 'skottdag|2026-02-28', deadline: '2026-03-02', movedFrom: '2026-02-28' }]],
    ['2027-01-01', '2027-12-31', [{ key: 'skottdag|2027-02-28', deadline: '2027-03-01', movedFrom: '2027-02-28' }]],
    ['2028-01-01', '2028-12-31', [{ key: 'skottdag|2028-02-29', deadline: '2028-02-29', movedFrom: null }]],
  ])('yearly on 29 February in %s – %s', (from, to, expected) => {
    const i = synthetic('skottdag', { kind: 'yearly', month: 2, day: 29 });
    expect(occurrences(GBG, lgs, i, EMPTY, from, to).map(brief)).toEqual(expected);
  });

  it('quarterly dates on holidays move to the next weekday', () => {
    const i = synthetic('kvartal', {
      kind: 'quarterly',
      dates: [
        { month: 1, day: 6 }, // trettondedag jul, Tuesday
        { month: 4, day: 5 }, // påskdagen
        { month: 7, day: 15 }, // a plain Wednesday
        { month: 10, day: 31 }, // alla helgons dag, Saturday
      ],
    });
    expect(occurrences(GBG, lgs, i, EMPTY, '2026-01-01', '2026-12-31').map(brief)).toEqual([
      { key: 'kvartal|2026-01-06', deadline: '2026-01-07', movedFrom: '2026-01-06' },
      { key: 'kvartal|2026-04-05', deadline: '2026-04-07', movedFrom: '2026-04-05' },
      { key: 'kvartal|2026-07-15', deadline: '2026-07-15', movedFrom: null },
      { key: 'kvartal|2026-10-31', deadline: '2026-11-02', movedFrom: '2026-10-31' },
    ]);
  });
});

describe('occurrences: quarter-end is the last weekday of each quarter', () => {
  it.each([
    [
      2026,
      [
        ['kvartalsrapport|2026-03-31', '2026-03-31'], // Tuesday
        ['kvartalsrapport|2026-06-30', '2026-06-30'], // Tuesday
        ['kvartalsrapport|2026-09-30', '2026-09-30'], // Wednesday
        ['kvartalsrapport|2026-12-31', '2026-12-30'], // nyårsafton → Wednesday
      ],
    ],
    [
      2027,
      [
        ['kvartalsrapport|2027-03-31', '2027-03-31'],
        ['kvartalsrapport|2027-06-30', '2027-06-30'],
        ['kvartalsrapport|2027-09-30', '2027-09-30'],
        ['kvartalsrapport|2027-12-31', '2027-12-30'], // nyårsafton on a Friday → Thursday
      ],
    ],
    [
      2028,
      [
        ['kvartalsrapport|2028-03-31', '2028-03-31'],
        ['kvartalsrapport|2028-06-30', '2028-06-30'],
        ['kvartalsrapport|2028-09-30', '2028-09-29'], // Saturday → Friday
        ['kvartalsrapport|2028-12-31', '2028-12-29'], // Sunday → Friday
      ],
    ],
  ])('%i', (year, expected) => {
    for (const org of [GBG, { ...GBG, deadlineShift: 'next-weekday' as const }, { ...GBG, deadlineShift: 'previous-weekday' as const }]) {
      const occ = occurrences(org, group(org, 'tema-aldre'), item(org, 'kvartalsrapport'), EMPTY, `${year}-01-01`, `${year}-12-31`);
      // The last weekday is the deadline itself, not a moved one (movedFrom null), and it never leaves the quarter.
      // When the quarter's last day is not a weekday, the deadline says where it moved from.
      expect(occ.map(brief)).toEqual(expected.map(([key, deadline]) => ({ key, deadline, movedFrom: key.endsWith(deadline) ? null : key.slice(-10) })));
    }
  });
});

describe('occurrences: after each meeting', () => {
  const hisingen = group(GBG, 'nosam-hisingen');
  const minutes = item(GBG, 'minnesanteckningar-publiceras'); // 14 days after each meeting

  it('is 14 days after every non-cancelled meeting, moved off holidays, keyed by meeting', () => {
    const state: GroupCycleState = {
      ...EMPTY,
      // Given out of order: the result follows the meeting dates.
      meetings: [
        meeting('m5', '2026-12-17'), // +14 = nyårsafton → Monday 2027-01-04
        meeting('m1', '2026-02-10'), // +14 = Tuesday 2026-02-24
        meeting('m4', '2026-09-01', true), // cancelled: no minutes
        meeting('m2', '2026-03-23'), // +14 = annandag påsk → Tuesday 2026-04-07
        meeting('m3', '2026-06-05'), // +14 = midsommarafton → Monday 2026-06-22
      ],
    };
    expect(occurrences(GBG, hisingen, minutes, state, '2026-01-01', '2027-01-31').map(brief)).toEqual([
      { key: 'minnesanteckningar-publiceras|meeting:m1', deadline: '2026-02-24', movedFrom: null },
      { key: 'minnesanteckningar-publiceras|meeting:m2', deadline: '2026-04-07', movedFrom: '2026-04-06' },
      { key: 'minnesanteckningar-publiceras|meeting:m3', deadline: '2026-06-22', movedFrom: '2026-06-19' },
      { key: 'minnesanteckningar-publiceras|meeting:m5', deadline: '2027-01-04', movedFrom: '2026-12-31' },
    ]);
    // The window filters on the moved deadline.
    expect(occurrences(GBG, hisingen, minutes, state, '2026-12-31', '2027-01-03')).toEqual([]);
  });

  it('previous-weekday organisations move the minutes deadline back before midsommar', () => {
    const org: Organisation = { ...GBG, deadlineShift: 'previous-weekday' };
    const occ = occurrences(org, hisingen, minutes, { ...EMPTY, meetings: [meeting('m3', '2026-06-05')] }, '2026-01-01', '2026-12-31');
    expect(occ.map(brief)).toEqual([{ key: 'minnesanteckningar-publiceras|meeting:m3', deadline: '2026-06-18', movedFrom: '2026-06-19' }]);
  });
});

describe('occurrences: last meeting of the year', () => {
  const hisingen = group(GBG, 'nosam-hisingen');
  const meetings = [
    meeting('a', '2026-03-10'),
    meeting('b', '2026-12-10'), // the last held meeting of 2026 (a Thursday)
    meeting('c', '2026-12-17', true), // cancelled: not the last meeting
    meeting('d', '2026-06-09'),
    meeting('e', '2027-12-08'), // the only (so last) meeting of 2027, a Wednesday
  ];

  // No shipped item uses this schedule any more: 002's "Sista NOSAM i år (2022) behöver utse en
  // ordförande" was a one-off of the 2022 reorganisation, not a yearly rule. The schedule stays for
  // organisations that choose it.
  const lastMeetingItem = synthetic('nosam-ordforande-utses', { kind: 'last-meeting-of-year', daysBefore: 0 }, { appliesTo: { kinds: ['nosam'], groups: [] } });

  it('an item with daysBefore 0 falls on the year’s last non-cancelled meeting', () => {
    const i = lastMeetingItem;
    expect(i.schedule).toEqual({ kind: 'last-meeting-of-year', daysBefore: 0 });
    expect(occurrences(GBG, hisingen, i, { ...EMPTY, meetings }, '2026-01-01', '2027-12-31').map(brief)).toEqual([
      { key: 'nosam-ordforande-utses|2026', deadline: '2026-12-10', movedFrom: null },
      { key: 'nosam-ordforande-utses|2027', deadline: '2027-12-08', movedFrom: null },
    ]);
  });

  it.each([
    [14, [{ key: 'agenda|2026', deadline: '2026-11-26', movedFrom: null }]],
    // 11 days before 2026-12-10 is Sunday 29 November: moved back (never towards the meeting) to Friday 27.
    [10, [{ key: 'agenda|2026', deadline: '2026-11-30', movedFrom: null }]],
    [11, [{ key: 'agenda|2026', deadline: '2026-11-27', movedFrom: '2026-11-29' }]],
  ])('daysBefore %i', (daysBefore, expected) => {
    const i = synthetic('agenda', { kind: 'last-meeting-of-year', daysBefore });
    // Even an organisation moving deadlines forward moves this one back: it must come before the meeting.
    expect(occurrences(GBG, hisingen, i, { ...EMPTY, meetings }, '2026-01-01', '2026-12-31').map(brief)).toEqual(expected);
  });

  it('a year without meetings has no occurrence', () => {
    const i = lastMeetingItem;
    expect(occurrences(GBG, hisingen, i, { ...EMPTY, meetings: [meeting('x', '2026-05-05', true)] }, '2026-01-01', '2026-12-31')).toEqual([]);
  });
});

describe('occurrences: chair term end', () => {
  it('is each term’s last day (actualEnd when ended early), not moved off holidays', () => {
    const terms = [
      term('t2025', 'chair', 'aad-a', '2025-01-01', '2025-12-31', { actualEnd: '2025-06-15' }),
      term('r2025', 'chair', 'aad-r', '2025-06-16', '2025-12-31', { origin: 'replacement', replaces: 't2025' }),
      term('t2026', 'chair', 'aad-b', '2026-01-01', '2026-12-31'), // ends on nyårsafton: still the last day in office
      term('v2026', 'viceChair', 'aad-v', '2026-01-01', '2026-06-30'),
    ];
    const occ = occurrences(GBG, group(GBG, 'nosam-hisingen'), item(GBG, 'ordforandeperiod-slutar'), { ...EMPTY, terms }, '2025-01-01', '2026-12-31');
    expect(occ.map(brief).sort(byDeadline)).toEqual([
      { key: 'ordforandeperiod-slutar|term:t2025', deadline: '2025-06-15', movedFrom: null },
      { key: 'ordforandeperiod-slutar|term:r2025', deadline: '2025-12-31', movedFrom: null },
      { key: 'ordforandeperiod-slutar|term:v2026', deadline: '2026-06-30', movedFrom: null },
      { key: 'ordforandeperiod-slutar|term:t2026', deadline: '2026-12-31', movedFrom: null },
    ]);
  });
});

describe('occurrences: meeting minimum period ends', () => {
  it.each([
    [GBG, 'lgs', '2026-01-01', '2027-12-31', ['motesminimum|2026-12-31', 'motesminimum|2027-12-31']],
    // NOSAM: "Mötesfrekvens utifrån lokala behov" (000, 2025) supersedes 002's "minst två gånger/år": no minimum.
    [GBG, 'nosam-hisingen', '2026-01-01', '2026-12-31', []],
    // "Mötesfrekvens cirka sex-åtta gånger/år" (000) is guidance, not a minimum.
    [GBG, 'lgs-styrgrupp', '2026-01-01', '2026-12-31', []],
    // SAMLA samordningsgrupp: "cirka 2–3 gånger per halvår" (001) is guidance, not a minimum.
    [SAMLA, 'samla-samordningsgrupp', '2026-01-01', '2026-12-31', []],
    // Politiskt presidium is political (the item applies by kind) but has no minimum.
    [GBG, 'politiskt-presidium', '2026-01-01', '2026-12-31', []],
  ] as const)('%#: %s in %s – %s', (org, groupId, from, to, keys) => {
    const occ = occurrences(org, group(org, groupId), { ...item(GBG, 'motesminimum'), appliesTo: { kinds: [group(org, groupId).kind], groups: [] } }, EMPTY, from, to);
    // The period end is not a deadline to move: 31 December stays 31 December (nyårsafton).
    expect(occ.map(brief)).toEqual(keys.map((key) => ({ key, deadline: key.slice(-10), movedFrom: null })));
  });
});

describe('occurrences across the turn of the year', () => {
  // A deadline moved across New Year still belongs in the window it lands in.
  const nyar = synthetic('nyar', { kind: 'yearly', month: 12, day: 31 }, { appliesTo: { kinds: [], groups: ['lgs'] }, audience: ['processLeader'] });
  const org: Organisation = { ...GBG, groups: [group(GBG, 'lgs')], annualCycle: [nyar] };
  const state: GroupCycleState = { ...EMPTY, members: [member('aad-pl', 'processLeader')] };

  it('a window spanning both years finds it (works)', () => {
    expect(upcomingDeadlines(org, group(GBG, 'lgs'), state, '2026-12-01', '2027-01-31').map(brief)).toEqual([
      { key: 'nyar|2026-12-31', deadline: '2027-01-04', movedFrom: '2026-12-31' },
    ]);
  });

  it('a window in January 2027 shows the deadline moved from 31 December 2026', () => {
    expect(upcomingDeadlines(org, group(GBG, 'lgs'), state, '2027-01-01', '2027-01-31').map(brief)).toEqual([
      { key: 'nyar|2026-12-31', deadline: '2027-01-04', movedFrom: '2026-12-31' },
    ]);
  });

  it('the reminder 1 day before is due on 3 January 2027', () => {
    expect(summary(sweep([org], { 'goteborgsomradet|lgs': state }, '2027-01-03'))).toEqual(['goteborgsomradet|lgs|nyar|2026-12-31|1|aad-pl [processLeader] 1/1']);
  });

  it('previous weekday: 1 January 2028 (a Saturday) is due Thursday 30 December 2027, in the December 2027 calendar', () => {
    const jan1 = synthetic('nyarsdag', { kind: 'yearly', month: 1, day: 1 }, { appliesTo: { kinds: [], groups: ['lgs'] } });
    const prev: Organisation = { ...org, deadlineShift: 'previous-weekday', annualCycle: [jan1] };
    expect(upcomingDeadlines(prev, group(GBG, 'lgs'), state, '2027-12-01', '2027-12-31').map(brief)).toEqual([
      { key: 'nyarsdag|2028-01-01', deadline: '2027-12-30', movedFrom: '2028-01-01' },
    ]);
  });
});

// ---------------------------------------------------------------- reachedOffset

describe('reachedOffset', () => {
  it.each([
    // [offsets, daysLeft, expected]
    [[30, 14, 7, 1], 45, null],
    [[30, 14, 7, 1], 31, null],
    [[30, 14, 7, 1], 30, 30], // exactly on the threshold
    [[30, 14, 7, 1], 29, 30], // a missed day 30 is caught up
    [[30, 14, 7, 1], 15, 30],
    [[30, 14, 7, 1], 14, 14],
    [[30, 14, 7, 1], 13, 14],
    [[30, 14, 7, 1], 8, 14],
    [[30, 14, 7, 1], 7, 7],
    [[30, 14, 7, 1], 2, 7],
    [[30, 14, 7, 1], 1, 1],
    [[30, 14, 7, 1], 0, 1], // the deadline day itself
    [[1, 30, 7, 14], 13, 14], // the order of the offsets does not matter
    [[1, 30, 7, 14], 30, 30],
    [[90, 30, 7], 91, null],
    [[90, 30, 7], 90, 90],
    [[90, 30, 7], 31, 90],
    [[90, 30, 7], 30, 30],
    [[90, 30, 7], 7, 7],
    [[90, 30, 7], 0, 7],
    [[0], 0, 0],
    [[0], 1, null],
    [[], 0, null],
  ])('%j with %i days left → %p', (offsets, daysLeft, expected) => {
    expect(reachedOffset(offsets, daysLeft)).toBe(expected);
  });
});

// ---------------------------------------------------------------- dueReminders

describe('dueReminders: NOSAM handlingsplan (2026-03-01, a Sunday → Monday 2 March), offsets 30/14/3', () => {
  const org = only(GBG, ['nosam-hisingen'], ['nosam-handlingsplan']); // audience chair, processLeader, members
  // No ordinary members here: who the "members" audience reaches is tested on its own below.
  const state: GroupCycleState = {
    members: [member('aad-pl', 'processLeader')],
    terms: [
      term('c2025', 'chair', 'aad-old-chair', '2025-01-01', '2025-12-31'),
      term('c2026', 'chair', 'aad-chair', '2026-01-01', '2026-12-31'),
      term('v2026', 'viceChair', 'aad-vice', '2026-01-01', '2026-12-31'), // not in the audience
    ],
    meetings: [],
  };
  const groups = { 'goteborgsomradet|nosam-hisingen': state };
  const id = (offset: number, who: string) => `goteborgsomradet|nosam-hisingen|nosam-handlingsplan|2026-03-01|${offset}|${who}`;
  const both = (offset: number, daysLeft: number) => [
    `${id(offset, 'aad-chair')} [chair] ${offset}/${daysLeft}`,
    `${id(offset, 'aad-pl')} [processLeader] ${offset}/${daysLeft}`,
  ];

  it.each([
    ['2026-01-30', []], // 31 days left
    ['2026-01-31', both(30, 30)],
    ['2026-02-01', both(30, 29)], // catch-up: the same ids as on 31 January
    ['2026-02-15', both(30, 15)],
    ['2026-02-16', both(14, 14)],
    ['2026-02-20', both(14, 10)],
    ['2026-02-27', both(3, 3)],
    ['2026-03-01', both(3, 1)], // the nominal date: the deadline is tomorrow
    ['2026-03-02', both(3, 0)], // the moved deadline itself
    ['2026-03-03', []], // past the deadline (and 2027 is far away)
  ])('on %s', (today, expected) => {
    expect(summary(sweep([org], groups, today))).toEqual(expected);
  });

  it('the reminder names the occurrence, with the deadline moved from the Sunday', () => {
    const [r] = sweep([org], groups, '2026-02-16').filter((x) => x.recipient === 'aad-pl');
    expect(r).toMatchObject({
      id: id(14, 'aad-pl'),
      offset: 14,
      daysLeft: 14,
      recipient: 'aad-pl',
      roles: ['processLeader'],
      meetingCount: null,
    });
    expect(brief(r.occurrence)).toEqual({ key: 'nosam-handlingsplan|2026-03-01', deadline: '2026-03-02', movedFrom: '2026-03-01' });
  });

  it('an occurrence marked done is skipped', () => {
    expect(sweep([org], groups, '2026-02-16', ['goteborgsomradet|nosam-hisingen|nosam-handlingsplan|2026-03-01'])).toEqual([]);
    // Done for another year or another group does not count.
    expect(
      sweep([org], groups, '2026-02-16', [
        'goteborgsomradet|nosam-hisingen|nosam-handlingsplan|2025-03-01',
        'goteborgsomradet|nosam-ockero|nosam-handlingsplan|2026-03-01',
      ]),
    ).toHaveLength(2);
  });

  it('a recipient who responded is skipped, the others are not', () => {
    const rs = sweep([org], groups, '2026-02-16', [], ['goteborgsomradet|nosam-hisingen|nosam-handlingsplan|2026-03-01|aad-chair']);
    expect(summary(rs)).toEqual([`${id(14, 'aad-pl')} [processLeader] 14/14`]);
    // An acknowledgement of another occurrence does not count.
    expect(sweep([org], groups, '2026-02-16', [], ['goteborgsomradet|nosam-hisingen|nosam-handlingsplan|2025-03-01|aad-chair'])).toHaveLength(2);
  });

  it.each([
    // A chair change on 16 February: the chair reminded is the one in office that day.
    ['2026-02-15', `${id(30, 'aad-first')} [chair] 30/15`],
    ['2026-02-16', `${id(14, 'aad-second')} [chair] 14/14`],
  ])('on %s: %s', (today, chairReminder) => {
    const terms = [term('c1', 'chair', 'aad-first', '2025-02-16', '2026-02-15'), term('c2', 'chair', 'aad-second', '2026-02-16', '2027-02-15')];
    const rs = sweep([org], { 'goteborgsomradet|nosam-hisingen': { ...state, terms } }, today);
    expect(summary(rs.filter((r) => r.roles.includes('chair')))).toEqual([chairReminder]);
  });

  it('after an early end the replacement in office is the chair reminded', () => {
    const terms = [
      term('c2026', 'chair', 'aad-chair', '2026-01-01', '2026-12-31', { actualEnd: '2026-02-10' }),
      term('r2026', 'chair', 'aad-repl', '2026-02-11', '2026-12-31', { origin: 'replacement', replaces: 'c2026' }),
    ];
    const rs = sweep([org], { 'goteborgsomradet|nosam-hisingen': { ...state, terms } }, '2026-02-16');
    expect(summary(rs)).toEqual([`${id(14, 'aad-pl')} [processLeader] 14/14`, `${id(14, 'aad-repl')} [chair] 14/14`]);
  });

  it('a chair without an AAD account gets no reminder; a group without state gets none at all', () => {
    const terms = [term('c2026', 'chair', null, '2026-01-01', '2026-12-31')];
    expect(summary(sweep([org], { 'goteborgsomradet|nosam-hisingen': { ...state, terms } }, '2026-02-16'))).toEqual([`${id(14, 'aad-pl')} [processLeader] 14/14`]);
    expect(sweep([org], {}, '2026-02-16')).toEqual([]);
  });

  it('the process leader who also chairs gets one reminder listing both roles', () => {
    const s: GroupCycleState = { members: [member('aad-pl', 'processLeader')], terms: [term('c', 'chair', 'aad-pl', '2026-01-01', '2026-12-31')], meetings: [] };
    expect(summary(sweep([org], { 'goteborgsomradet|nosam-hisingen': s }, '2026-02-16'))).toEqual([`${id(14, 'aad-pl')} [chair,processLeader] 14/14`]);
  });

  it('the same reminder has the same id every day until the next offset is reached', () => {
    const ids = (today: string) =>
      sweep([org], groups, today)
        .map((r) => r.id)
        .sort();
    const fourteenDaysBefore = [id(14, 'aad-chair'), id(14, 'aad-pl')];
    expect(ids('2026-02-17')).toEqual(fourteenDaysBefore);
    expect(ids('2026-02-26')).toEqual(fourteenDaysBefore);
    expect(ids('2026-02-27')).toEqual([id(3, 'aad-chair'), id(3, 'aad-pl')]);
  });
});

describe('dueReminders: recipients by audience, from the roster', () => {
  // Each audience reaches exactly its people; one reminder per person, listing every role held.
  const roster = [
    member('aad-pl', 'processLeader'),
    member('aad-chair', 'member'),
    member('aad-m1', 'member'),
    member('aad-vice', 'member'),
    member('aad-adj'), // on the roster without a role: never reminded
  ];
  const terms = [term('c2026', 'chair', 'aad-chair', '2026-01-01', '2026-12-31'), term('v2026', 'viceChair', 'aad-vice', '2026-01-01', '2026-12-31')];
  const state: GroupCycleState = { members: roster, terms, meetings: [] };
  const groups = { 'goteborgsomradet|nosam-hisingen': state };

  it('chair, process leader and members (NOSAM handlingsplan): one reminder each, listing every role held', () => {
    const rs = sweep([only(GBG, ['nosam-hisingen'], ['nosam-handlingsplan'])], groups, '2026-02-16');
    const id = (who: string) => `goteborgsomradet|nosam-hisingen|nosam-handlingsplan|2026-03-01|14|${who}`;
    expect(summary(rs)).toEqual([
      `${id('aad-chair')} [chair,members] 14/14`,
      `${id('aad-m1')} [members] 14/14`,
      `${id('aad-pl')} [processLeader] 14/14`,
      `${id('aad-vice')} [members] 14/14`,
    ]);
  });

  it('chair and process leader only (kvartalsrapport): ordinary members get nothing', () => {
    // The organisation chose quarterly reports for NOSAM here (Göteborgsområdet's file proposes half-yearly).
    const quarterly = { ...only(GBG, ['nosam-hisingen'], ['kvartalsrapport']), reportCadence: { nosam: 'quarterly' as const } };
    const rs = sweep([quarterly], groups, '2026-03-17'); // 14 days before 31 March
    expect(summary(rs)).toEqual([
      'goteborgsomradet|nosam-hisingen|kvartalsrapport|2026-03-31|14|aad-chair [chair] 14/14',
      'goteborgsomradet|nosam-hisingen|kvartalsrapport|2026-03-31|14|aad-pl [processLeader] 14/14',
    ]);
  });

  it('chair, vice chair, process leader and members (gemensamt möte LGS–politiskt samråd): a member who is vice chair gets one reminder', () => {
    const lgsGroups = { 'goteborgsomradet|lgs': { members: roster, terms: terms.map((t) => ({ ...t, group: 'lgs' })), meetings: [] } };
    const rs = sweep([only(GBG, ['lgs'], ['gemensamt-mote-lgs-politiskt-samrad'])], lgsGroups, '2026-05-18'); // 14 days before Monday 1 June
    const id = (who: string) => `goteborgsomradet|lgs|gemensamt-mote-lgs-politiskt-samrad|2026-05-31|14|${who}`;
    expect(summary(rs)).toEqual([
      `${id('aad-chair')} [chair,members] 14/14`,
      `${id('aad-m1')} [members] 14/14`,
      `${id('aad-pl')} [processLeader] 14/14`,
      `${id('aad-vice')} [viceChair,members] 14/14`,
    ]);
  });

  it('a process leader who chairs and sits as member gets ONE reminder listing all three roles', () => {
    const s: GroupCycleState = {
      members: [member('aad-pl', 'processLeader', 'member')],
      terms: [term('c', 'chair', 'aad-pl', '2026-01-01', '2026-12-31')],
      meetings: [],
    };
    expect(summary(sweep([only(GBG, ['nosam-hisingen'], ['nosam-handlingsplan'])], { 'goteborgsomradet|nosam-hisingen': s }, '2026-02-16'))).toEqual([
      'goteborgsomradet|nosam-hisingen|nosam-handlingsplan|2026-03-01|14|aad-pl [chair,processLeader,members] 14/14',
    ]);
  });
});

describe('dueReminders: several organisations and groups', () => {
  it('keeps each organisation and group apart in the ids', () => {
    const gbg = only(GBG, ['nosam-hisingen', 'nosam-ockero'], ['nosam-handlingsplan']);
    const samla = only(SAMLA, ['nosam-lerum'], ['nosam-aktivitetsplan']);
    const pl = (aad: string): GroupCycleState => ({ ...EMPTY, members: [member(aad, 'processLeader')] });
    const rs = sweep(
      [gbg, samla],
      { 'goteborgsomradet|nosam-hisingen': pl('aad-pl1'), 'goteborgsomradet|nosam-ockero': pl('aad-pl1'), 'samla|nosam-lerum': pl('aad-pl2') },
      '2026-02-16',
    );
    expect(summary(rs)).toEqual([
      'goteborgsomradet|nosam-hisingen|nosam-handlingsplan|2026-03-01|14|aad-pl1 [processLeader] 14/14',
      'goteborgsomradet|nosam-ockero|nosam-handlingsplan|2026-03-01|14|aad-pl1 [processLeader] 14/14',
      'samla|nosam-lerum|nosam-aktivitetsplan|2026-03-01|14|aad-pl2 [processLeader] 14/14',
    ]);
  });

  it('an item with no reminder offsets never reminds', () => {
    const quiet = synthetic('tyst', { kind: 'yearly', month: 3, day: 2 }, { appliesTo: { kinds: ['nosam'], groups: [] }, remindDaysBefore: [] });
    const org: Organisation = { ...GBG, groups: [group(GBG, 'nosam-hisingen')], annualCycle: [quiet] };
    expect(sweep([org], { 'goteborgsomradet|nosam-hisingen': { ...EMPTY, members: [member('aad-pl', 'processLeader')] } }, '2026-03-02')).toEqual([]);
  });
});

describe('dueReminders: meeting minimum', () => {
  // LGS: at least 4 meetings a year (000); reminders 60 and 30 days before 31 December.
  const lgsOrg = only(GBG, ['lgs'], ['motesminimum']);
  const lgsState = (meetings: PlannedMeeting[]): Record<string, GroupCycleState> => ({
    'goteborgsomradet|lgs': {
      members: [member('aad-pl', 'processLeader')], // plain members: see the audience tests above
      terms: [term('c', 'chair', 'aad-chair', '2025-01-01', '2026-12-31', { group: 'lgs' })],
      meetings,
    },
  });
  const lgsMeeting = (id: string, date: string, cancelled = false) => meeting(id, date, cancelled, 'lgs');
  const three = [
    lgsMeeting('a', '2026-02-10'),
    lgsMeeting('b', '2026-05-12'),
    lgsMeeting('c', '2026-09-15'),
    lgsMeeting('x', '2026-11-10', true), // cancelled: does not count
    lgsMeeting('y', '2025-11-11'), // another year
    lgsMeeting('z', '2027-02-09'), // another year
  ];
  const four = [...three, lgsMeeting('d', '2026-12-08')];
  const warning = (offset: number, daysLeft: number, planned: number) => [
    `goteborgsomradet|lgs|motesminimum|2026-12-31|${offset}|aad-chair [chair] ${offset}/${daysLeft} ${planned}/4`,
    `goteborgsomradet|lgs|motesminimum|2026-12-31|${offset}|aad-pl [processLeader] ${offset}/${daysLeft} ${planned}/4`,
  ];
  const withCount = (rs: Reminder[]) =>
    rs.map((r) => `${r.id} [${r.roles.join(',')}] ${r.offset}/${r.daysLeft} ${r.meetingCount?.planned}/${r.meetingCount?.minimum}`).sort();

  it.each([
    ['3 planned, 2026-10-31 (61 days left)', three, '2026-10-31', []],
    ['3 planned, 2026-11-01', three, '2026-11-01', warning(60, 60, 3)],
    ['3 planned, 2026-12-01', three, '2026-12-01', warning(30, 30, 3)],
    ['3 planned, 2026-12-31', three, '2026-12-31', warning(30, 0, 3)],
    ['3 planned, 2027-01-01 (the period is over)', three, '2027-01-01', []],
    ['4 planned', four, '2026-11-01', []],
    ['4 planned', four, '2026-12-01', []],
    ['4 with one of them cancelled', [...three, lgsMeeting('d', '2026-12-08', true)], '2026-12-01', warning(30, 30, 3)],
    ['none planned', [], '2026-12-01', warning(30, 30, 0)],
  ])('LGS, %s on %s', (_label, meetings, today, expected) => {
    expect(withCount(sweep([lgsOrg], lgsState(meetings), today))).toEqual(expected);
  });

  it('carries meetingCount {planned: 3, minimum: 4}', () => {
    const [r] = sweep([lgsOrg], lgsState(three), '2026-11-01');
    expect(r.meetingCount).toEqual({ planned: 3, minimum: 4 });
  });

  // SAMLA samordningsgrupp: "cirka 2–3 gånger per halvår" (001) is guidance: shown, never warned about.
  it('SAMLA samordningsgrupp with one meeting in the half-year: no warning (guidance, not a minimum)', () => {
    const guidanceItem = { ...item(GBG, 'motesminimum'), appliesTo: { kinds: ['coordination' as const], groups: [] } };
    const samlaOrg = { ...only(SAMLA, ['samla-samordningsgrupp'], []), annualCycle: [guidanceItem] };
    const state = {
      'samla|samla-samordningsgrupp': {
        members: [member('aad-pl', 'processLeader')],
        terms: [],
        meetings: [meeting('a', '2026-02-10', false, 'samla-samordningsgrupp', 'samla')],
      },
    };
    expect(group(SAMLA, 'samla-samordningsgrupp').meetings).toMatchObject({ kind: 'guidance', min: 2, max: 3 });
    expect(sweep([samlaOrg], state, '2026-05-01')).toEqual([]);
  });
});

describe('dueReminders: chair term end (90, 30 and 7 days before the last day)', () => {
  const lgsOrg = only(GBG, ['lgs'], ['ordforandeperiod-slutar']); // audience chair, viceChair, processLeader
  const lgsTerm = (id: string, role: TermRole, aad: string, start: string, end: string, extra: Partial<Term> = {}) =>
    term(id, role, aad, start, end, { group: 'lgs', ...extra });
  const members = [member('aad-pl', 'processLeader')]; // plain members: see the audience tests above
  const chairOnly = {
    'goteborgsomradet|lgs': {
      members,
      terms: [lgsTerm('c1', 'chair', 'aad-a', '2025-01-01', '2026-12-31'), lgsTerm('c2', 'chair', 'aad-c', '2027-01-01', '2028-12-31')],
      meetings: [],
    },
  };
  const to = (offset: number, daysLeft: number, termId = 'c1', holder = 'aad-a') => [
    `goteborgsomradet|lgs|ordforandeperiod-slutar|term:${termId}|${offset}|${holder} [chair] ${offset}/${daysLeft}`,
    `goteborgsomradet|lgs|ordforandeperiod-slutar|term:${termId}|${offset}|aad-pl [processLeader] ${offset}/${daysLeft}`,
  ];

  it.each([
    ['2026-10-01', []], // 91 days left
    ['2026-10-02', to(90, 90)],
    ['2026-11-15', to(90, 46)],
    ['2026-12-01', to(30, 30)],
    ['2026-12-24', to(7, 7)],
    ['2026-12-31', to(7, 0)], // the last day in office
    ['2027-01-01', []], // the next term ends 2028-12-31
    ['2028-10-02', to(90, 90, 'c2', 'aad-c')],
  ])('on %s, to the term’s holder and the process leader', (today, expected) => {
    expect(summary(sweep([lgsOrg], chairOnly, today))).toEqual(expected);
  });

  it('a term ended early reminds its own holder; the replacement’s term reminds the replacement', () => {
    const groups = {
      'goteborgsomradet|lgs': {
        members,
        terms: [
          lgsTerm('c1', 'chair', 'aad-a', '2025-01-01', '2026-12-31', { actualEnd: '2026-10-31' }),
          lgsTerm('r1', 'chair', 'aad-r', '2026-11-01', '2026-12-31', { origin: 'replacement', replaces: 'c1' }),
        ],
        meetings: [],
      },
    };
    expect(summary(sweep([lgsOrg], groups, '2026-10-24'))).toEqual([...to(7, 7), ...to(90, 68, 'r1', 'aad-r')].sort());
  });

  it('a vice-chair term end reminds the vice chair (the holder of that term) and the process leader', () => {
    const groups = {
      'goteborgsomradet|lgs': { members, terms: [lgsTerm('v1', 'viceChair', 'aad-v', '2025-07-01', '2027-06-30')], meetings: [] },
    };
    expect(summary(sweep([lgsOrg], groups, '2027-04-01'))).toEqual([
      'goteborgsomradet|lgs|ordforandeperiod-slutar|term:v1|90|aad-pl [processLeader] 90/90',
      'goteborgsomradet|lgs|ordforandeperiod-slutar|term:v1|90|aad-v [viceChair] 90/90',
    ]);
  });

  // A term-end notice goes to that term's holder and the process leader, not to the other post's holder.
  it('a chair term end does not go to the vice chair in office', () => {
    const groups = {
      'goteborgsomradet|lgs': {
        members,
        terms: [lgsTerm('c1', 'chair', 'aad-a', '2025-01-01', '2026-12-31'), lgsTerm('v1', 'viceChair', 'aad-v', '2025-07-01', '2027-06-30')],
        meetings: [],
      },
    };
    expect(summary(sweep([lgsOrg], groups, '2026-10-02'))).toEqual(to(90, 90));
  });
});

describe('dueReminders: "today" in Stockholm across the DST changes and the new year', () => {
  // LGS with its årsrapport (31 March), chair term ends and the meeting minimum (3 of 4 planned).
  const org = only(GBG, ['lgs'], ['lgs-arsrapport', 'ordforandeperiod-slutar', 'motesminimum']);
  const lgsTerm = (id: string, aad: string, start: string, end: string) => term(id, 'chair', aad, start, end, { group: 'lgs' });
  const groups = {
    'goteborgsomradet|lgs': {
      members: [member('aad-pl', 'processLeader')],
      terms: [lgsTerm('x', 'aad-x', '2025-11-25', '2026-11-24'), lgsTerm('y', 'aad-y', '2026-11-25', '2027-04-01')],
      meetings: [
        meeting('a', '2026-02-10', false, 'lgs'),
        meeting('b', '2026-05-12', false, 'lgs'),
        meeting('c', '2026-09-15', false, 'lgs'),
        meeting('d', '2026-11-10', true, 'lgs'),
      ],
    },
  };
  const toPl = (today: string) =>
    sweep([org], groups, today)
      .filter((r) => r.recipient === 'aad-pl')
      .map((r) => `${r.occurrence.key} ${r.offset}/${r.daysLeft}`)
      .sort();

  it.each([
    // Winter time (+1): 23:30Z on 28 March is already 29 March (the night DST starts).
    ['2026-03-28T23:30:00Z', '2026-03-29', ['lgs-arsrapport|2026-03-31 3/2']],
    ['2026-03-29T00:30:00Z', '2026-03-29', ['lgs-arsrapport|2026-03-31 3/2']],
    // Summer time (+2) from 01:00Z on 29 March: 22:30Z is 00:30 on the 30th.
    ['2026-03-29T22:30:00Z', '2026-03-30', ['lgs-arsrapport|2026-03-31 3/1']],
    // Summer time (+2): 22:30Z on 24 October is 00:30 on 25 October (the night DST ends).
    ['2026-10-24T22:30:00Z', '2026-10-25', ['ordforandeperiod-slutar|term:x 30/30']],
    ['2026-10-25T00:30:00Z', '2026-10-25', ['ordforandeperiod-slutar|term:x 30/30']],
    // Winter time again (+1) from 01:00Z: 22:30Z on 25 October is still the 25th (23:30).
    ['2026-10-25T22:30:00Z', '2026-10-25', ['ordforandeperiod-slutar|term:x 30/30']],
    ['2026-10-25T23:30:00Z', '2026-10-26', ['ordforandeperiod-slutar|term:x 30/29']],
    // 22:30Z on nyårsafton is 23:30 in Stockholm: still 2026, the minimum warning is due.
    ['2026-12-31T22:30:00Z', '2026-12-31', ['motesminimum|2026-12-31 30/0']],
    // 23:30Z on nyårsafton is already 2027 in Stockholm: no 2026 warning; term y ends in 90 days.
    ['2026-12-31T23:30:00Z', '2027-01-01', ['ordforandeperiod-slutar|term:y 90/90']],
  ])('%s is %s in Stockholm', (instant, today, expected) => {
    const date = dateIn(new Date(instant), 'Europe/Stockholm');
    expect(date).toBe(today);
    expect(toPl(date)).toEqual(expected);
  });

  it('the shipped organisations run on Stockholm time', () => {
    expect([GBG.timeZone, SAMLA.timeZone]).toEqual(['Europe/Stockholm', 'Europe/Stockholm']);
  });
});

// ---------------------------------------------------------------- upcomingDeadlines

describe('upcomingDeadlines', () => {
  it('NOSAM Hisingen 2026: every applicable item, sorted by deadline and then item id', () => {
    const state: GroupCycleState = {
      members: [],
      terms: [term('t', 'chair', 'aad-a', '2026-01-01', '2026-12-31')],
      meetings: [meeting('a', '2026-04-21'), meeting('b', '2026-11-19'), meeting('c', '2026-12-03', true)],
    };
    const list = upcomingDeadlines(GBG, group(GBG, 'nosam-hisingen'), state, '2026-01-01', '2026-12-31');
    expect(list.map((o) => `${o.deadline} ${o.key}${o.movedFrom === null ? '' : ` (från ${o.movedFrom})`}`)).toEqual([
      '2026-02-02 arsrapport-till-lgs|2026-01-31 (från 2026-01-31)',
      '2026-03-02 nosam-handlingsplan|2026-03-01 (från 2026-03-01)',
      // Göteborgsområdet's cadence for NOSAM is half-yearly (a förslag): no quarterly reports.
      '2026-05-05 minnesanteckningar-publiceras|meeting:a',
      '2026-06-30 halvarsrapport|2026-06-30',
      '2026-10-15 nosam-ordforande-moter-lgs-styrgrupp|2026-10-15',
      '2026-12-03 minnesanteckningar-publiceras|meeting:b',
      '2026-12-15 halvarsrapport|2026-12-15',
      '2026-12-31 ordforandeperiod-slutar|term:t',
    ]);
  });

  it('LGS, second half of 2026: only the items that apply to LGS', () => {
    const list = upcomingDeadlines(GBG, group(GBG, 'lgs'), EMPTY, '2026-07-01', '2026-12-31');
    expect(list.map((o) => `${o.deadline} ${o.item.id}`)).toEqual(['2026-12-10 lgs-handlingsplan-uppfoljning', '2026-12-31 motesminimum']);
  });

  it('is sorted by deadline even when the items are not', () => {
    const list = upcomingDeadlines(GBG, group(GBG, 'tema-aldre'), EMPTY, '2025-01-01', '2027-12-31');
    const deadlines = list.map((o) => o.deadline);
    expect(deadlines).toEqual([...deadlines].sort());
    // årsrapport, handlingsplan, 2 half-years (the cadence chosen for theme groups), dialogue per year
    expect(list).toHaveLength(3 * (1 + 1 + 2 + 1));
  });

  it('follows the report cadence the organisation chose per group kind (000: "kvartals- och halvårsvisa"), never both', () => {
    const ids = (org: Organisation) => [...new Set(upcomingDeadlines(org, group(org, 'tema-aldre'), EMPTY, '2026-01-01', '2026-12-31').map((o) => o.item.id))];
    expect(ids(GBG).filter((id) => id.endsWith('rapport'))).toEqual(['halvarsrapport']);
    const quarterly: Organisation = { ...GBG, reportCadence: { ...GBG.reportCadence, theme: 'quarterly' } };
    expect(ids(quarterly).filter((id) => id.endsWith('rapport'))).toEqual(['kvartalsrapport']);
    const none: Organisation = { ...GBG, reportCadence: {} };
    expect(ids(none).filter((id) => id.endsWith('rapport'))).toEqual([]);
  });
});
