import {
  GENERAL,
  INPUT_REMINDER_HOURS,
  activeItems,
  agendaChanges,
  beforeStart,
  compileBrief,
  cutoffOf,
  inputOpen,
  inputRemindersDue,
  visibleInputs,
  type AgendaChange,
  type AgendaItem,
  type AttendanceAnswer,
  type Meeting,
  type MeetingPeople,
  type WrittenInput,
} from '../../src/domain/meetings';
import { agendaItem, buildMeeting } from '../helpers/meetings';

/**
 * Meetings, agendas and absent members (src/domain/meetings.ts; DOMAIN.md): the dagordning is
 * ordered and items can be withdrawn ("Punkten utgår", 003); there are no deputies, so absent
 * members leave written input per item before the cut-off, the chair and process leader get it
 * compiled, and absent members without input are reminded 72 and 24 hours before the cut-off.
 */

// ---------------------------------------------------------------- factories

const START = '2026-05-20T08:00:00.000Z';
const H = 3_600_000;
const at = (iso: string): Date => new Date(iso);
const offset = (iso: string, ms: number): Date => new Date(Date.parse(iso) + ms);

const item = agendaItem;

const meeting = (over: Partial<Meeting> = {}): Meeting => buildMeeting({ startsAt: START, ...over });

const member = (aadObjectId: string, displayName: string, isMember = true) => ({ aadObjectId, displayName, isMember });
const answer = (m: string, attendance: 'attending' | 'absent'): AttendanceAnswer => ({ member: m, attendance, at: '2026-05-01T10:00:00.000Z' });
const input = (author: string, itemId: string, text: string): WrittenInput => ({ author, item: itemId, text, at: '2026-05-02T10:00:00.000Z' });
const people = (over: Partial<MeetingPeople> = {}): MeetingPeople => ({ members: [], answers: [], inputs: [], ...over });

// ---------------------------------------------------------------- agenda order

describe('activeItems', () => {
  const cases: [string, AgendaItem[], string[]][] = [
    ['empty agenda', [], []],
    ['keeps the posted order, not alphabetical', [item('c'), item('a'), item('b')], ['c', 'a', 'b']],
    [
      'drops withdrawn items, keeps the order of the rest',
      [item('a'), item('b', { withdrawn: true }), item('c'), item('d', { withdrawn: true }), item('e')],
      ['a', 'c', 'e'],
    ],
    ['all withdrawn', [item('a', { withdrawn: true }), item('b', { withdrawn: true })], []],
  ];
  test.each(cases)('%s', (_name, agenda, ids) => {
    expect(activeItems(meeting({ agenda })).map((i) => i.id)).toEqual(ids);
  });

  test('returns the same item objects and leaves the meeting untouched', () => {
    const agenda = [item('a'), item('b', { withdrawn: true })];
    const m = meeting({ agenda });
    const out = activeItems(m);
    expect(out[0]).toBe(agenda[0]);
    expect(m.agenda).toHaveLength(2);
  });
});

// ---------------------------------------------------------------- agenda changes

describe('agendaChanges', () => {
  const doc = { title: 'Underlag', url: 'https://example.org/underlag.pdf' };
  const base = meeting({ agenda: [item('a'), item('b'), item('c')] });
  const withAgenda = (agenda: AgendaItem[], over: Partial<Meeting> = {}) => meeting({ agenda, ...over });

  const cases: [string, Meeting, Meeting, AgendaChange[]][] = [
    ['nothing changed', base, withAgenda([item('a'), item('b'), item('c')], { revision: 3 }), []],
    ['added at the end', base, withAgenda([item('a'), item('b'), item('c'), item('d', { title: 'Ny punkt' })]), [{ kind: 'added', title: 'Ny punkt' }]],
    ['added at the front is not a reorder', base, withAgenda([item('d', { title: 'Först' }), item('a'), item('b'), item('c')]), [{ kind: 'added', title: 'Först' }]],
    ['withdrawn (punkten utgår)', base, withAgenda([item('a'), item('b', { withdrawn: true }), item('c')]), [{ kind: 'withdrawn', title: 'Punkt b' }]],
    ['restored', withAgenda([item('a'), item('b', { withdrawn: true }), item('c')]), base, [{ kind: 'restored', title: 'Punkt b' }]],
    ['still withdrawn: no withdrawn note again', withAgenda([item('b', { withdrawn: true })]), withAgenda([item('b', { withdrawn: true })]), []],
    [
      'title changed: the note carries the new title',
      base,
      withAgenda([item('a', { title: 'Nytt namn' }), item('b'), item('c')]),
      [{ kind: 'changed', title: 'Nytt namn', fields: ['title'] }],
    ],
    ['kind changed', base, withAgenda([item('a', { kind: 'beslut' }), item('b'), item('c')]), [{ kind: 'changed', title: 'Punkt a', fields: ['kind'] }]],
    [
      'presenter changed',
      base,
      withAgenda([item('a', { presenter: 'Ordförande' }), item('b'), item('c')]),
      [{ kind: 'changed', title: 'Punkt a', fields: ['presenter'] }],
    ],
    ['minutes changed', base, withAgenda([item('a', { minutes: 30 }), item('b'), item('c')]), [{ kind: 'changed', title: 'Punkt a', fields: ['minutes'] }]],
    ['document added', base, withAgenda([item('a', { documents: [doc] }), item('b'), item('c')]), [{ kind: 'changed', title: 'Punkt a', fields: ['documents'] }]],
    [
      'document url changed',
      withAgenda([item('a', { documents: [doc] })]),
      withAgenda([item('a', { documents: [{ ...doc, url: 'https://example.org/v2.pdf' }] })]),
      [{ kind: 'changed', title: 'Punkt a', fields: ['documents'] }],
    ],
    ['document removed', withAgenda([item('a', { documents: [doc] })]), withAgenda([item('a')]), [{ kind: 'changed', title: 'Punkt a', fields: ['documents'] }]],
    ['equal documents in new objects: no change', withAgenda([item('a', { documents: [{ ...doc }] })]), withAgenda([item('a', { documents: [{ ...doc }] })]), []],
    [
      'every field at once, in the fixed order title, kind, presenter, minutes, documents',
      base,
      withAgenda([item('a', { documents: [doc], minutes: 5, presenter: 'X', kind: 'diskussion', title: 'Allt nytt' }), item('b'), item('c')]),
      [{ kind: 'changed', title: 'Allt nytt', fields: ['title', 'kind', 'presenter', 'minutes', 'documents'] }],
    ],
    ['removed (deleted, not withdrawn)', base, withAgenda([item('a'), item('c')]), [{ kind: 'removed', title: 'Punkt b' }]],
    ['removed carries the old title', base, withAgenda([item('a'), item('b')]), [{ kind: 'removed', title: 'Punkt c' }]],
    ['reordered', base, withAgenda([item('b'), item('a'), item('c')]), [{ kind: 'reordered' }]],
    ['reordered last to first', base, withAgenda([item('c'), item('a'), item('b')]), [{ kind: 'reordered' }]],
    ['removing an item is not a reorder', base, withAgenda([item('a'), item('c')]), [{ kind: 'removed', title: 'Punkt b' }]],
    ['time', base, withAgenda(base.agenda.slice(), { startsAt: '2026-05-20T12:00:00.000Z' }), [{ kind: 'time', from: START, to: '2026-05-20T12:00:00.000Z' }]],
    ['place', base, withAgenda(base.agenda.slice(), { place: 'Digitalt (Teams)' }), [{ kind: 'place', from: 'Stadshuset, rum 3', to: 'Digitalt (Teams)' }]],
    [
      'title of the meeting, revision, status and cutoff are not agenda changes',
      base,
      withAgenda(base.agenda.slice(), { title: 'Annat', revision: 9, cutoffHours: 48, status: 'held' }),
      [],
    ],
  ];
  test.each(cases)('%s', (_name, before, after, expected) => {
    expect(agendaChanges(before, after)).toEqual(expected);
  });

  test('combination: time, place, then per item in the new order, then removed, then reordered', () => {
    const before = meeting({
      agenda: [item('a'), item('b'), item('c'), item('d', { withdrawn: true }), item('e'), item('f')],
    });
    const after = meeting({
      startsAt: '2026-05-21T07:00:00.000Z',
      place: 'Sjukhuset, aulan',
      agenda: [
        item('c', { withdrawn: true, minutes: 5 }),
        item('new1', { title: 'Ny 1' }),
        item('a', { presenter: 'Ordförande', documents: [doc] }),
        item('d'),
        item('new2', { title: 'Ny 2' }),
        item('e'),
      ],
    });
    expect(agendaChanges(before, after)).toEqual([
      { kind: 'time', from: START, to: '2026-05-21T07:00:00.000Z' },
      { kind: 'place', from: 'Stadshuset, rum 3', to: 'Sjukhuset, aulan' },
      { kind: 'withdrawn', title: 'Punkt c' },
      { kind: 'changed', title: 'Punkt c', fields: ['minutes'] },
      { kind: 'added', title: 'Ny 1' },
      { kind: 'changed', title: 'Punkt a', fields: ['presenter', 'documents'] },
      { kind: 'restored', title: 'Punkt d' },
      { kind: 'added', title: 'Ny 2' },
      { kind: 'removed', title: 'Punkt b' },
      { kind: 'removed', title: 'Punkt f' },
      { kind: 'reordered' },
    ]);
  });

  test('lists the changes in the new order and leaves both meetings as they were', () => {
    const after = meeting({ agenda: [item('b', { withdrawn: true }), item('z'), item('a', { minutes: 1 })] });
    const [beforeCopy, afterCopy] = [structuredClone(base), structuredClone(after)];
    expect(agendaChanges(base, after)).toEqual([
      { kind: 'withdrawn', title: 'Punkt b' },
      { kind: 'added', title: 'Punkt z' },
      { kind: 'changed', title: 'Punkt a', fields: ['minutes'] },
      { kind: 'removed', title: 'Punkt c' },
      { kind: 'reordered' },
    ]);
    expect([base, after]).toEqual([beforeCopy, afterCopy]);
  });
});

// ---------------------------------------------------------------- cut-off

describe('cutoffOf', () => {
  const cases: [string, string, number, string][] = [
    ['default 24 h', START, 24, '2026-05-19T08:00:00.000Z'],
    ['48 h', START, 48, '2026-05-18T08:00:00.000Z'],
    ['0 h: the cut-off is the start', START, 0, START],
    ['fractional hours', START, 1.5, '2026-05-20T06:30:00.000Z'],
    // Europe/Stockholm goes to summer time on 2026-03-29 at 01:00 UTC; 24 h are 24 real hours.
    ['across the spring DST switch', '2026-03-30T08:00:00Z', 24, '2026-03-29T08:00:00.000Z'],
    ['across the autumn DST switch', '2026-10-26T09:00:00Z', 24, '2026-10-25T09:00:00.000Z'],
  ];
  test.each(cases)('%s', (_name, startsAt, cutoffHours, expected) => {
    expect(cutoffOf(meeting({ startsAt, cutoffHours })).toISOString()).toBe(expected);
  });

  test('the meeting factory default is 24 h', () => {
    expect(meeting().cutoffHours).toBe(24);
  });
});

describe('inputOpen', () => {
  const cutoff = '2026-05-19T08:00:00.000Z';
  const cases: [string, Partial<Meeting>, Date, boolean][] = [
    ['a week before', {}, at('2026-05-13T08:00:00.000Z'), true],
    ['1 ms before the cut-off', {}, offset(cutoff, -1), true],
    ['exactly at the cut-off: closed', {}, at(cutoff), false],
    ['1 ms after the cut-off', {}, offset(cutoff, 1), false],
    ['between cut-off and start', {}, offset(START, -H), false],
    ['after the start', {}, offset(START, H), false],
    ['cancelled, long before', { cancelled: true }, at('2026-05-13T08:00:00.000Z'), false],
    ['held, long before (status wins)', { status: 'held' }, at('2026-05-13T08:00:00.000Z'), false],
    ['minutes approved', { status: 'minutes-approved' }, at('2026-05-13T08:00:00.000Z'), false],
    ['published', { status: 'published' }, at('2026-05-13T08:00:00.000Z'), false],
    ['cutoff 48 h: 25 h before the start is closed', { cutoffHours: 48 }, offset(START, -25 * H), false],
    ['cutoff 48 h: 49 h before the start is open', { cutoffHours: 48 }, offset(START, -49 * H), true],
    ['cutoff 0 h: 1 ms before the start is open', { cutoffHours: 0 }, offset(START, -1), true],
    ['DST: 1 ms before 2026-03-29T08:00Z is open', { startsAt: '2026-03-30T08:00:00Z' }, offset('2026-03-29T08:00:00Z', -1), true],
    ['DST: at 2026-03-29T08:00Z closed', { startsAt: '2026-03-30T08:00:00Z' }, at('2026-03-29T08:00:00Z'), false],
    // 07:00Z is 09:00 CEST: a wall-clock "same time the day before" rule would be wrong by an hour either way.
    ['DST: at 2026-03-29T07:30Z still open', { startsAt: '2026-03-30T08:00:00Z' }, at('2026-03-29T07:30:00Z'), true],
  ];
  test.each(cases)('%s', (_name, over, now, expected) => {
    expect(inputOpen(meeting(over), now)).toBe(expected);
  });
});

describe('beforeStart', () => {
  const cases: [string, Partial<Meeting>, Date, boolean][] = [
    ['a day before', {}, offset(START, -24 * H), true],
    ['after the cut-off but before the start', {}, offset(START, -H), true],
    ['1 ms before the start', {}, offset(START, -1), true],
    ['exactly at the start', {}, at(START), false],
    ['after the start', {}, offset(START, 1), false],
    // beforeStart is about time only; callers check status and cancellation themselves.
    ['cancelled but before the start', { cancelled: true }, offset(START, -H), true],
  ];
  test.each(cases)('%s', (_name, over, now, expected) => {
    expect(beforeStart(meeting(over), now)).toBe(expected);
  });
});

// ---------------------------------------------------------------- the brief

describe('compileBrief', () => {
  const members = [
    member('u-orjan', 'Örjan Olsson'),
    member('u-asa', 'Åsa Åberg'),
    member('u-zara', 'Zara Zetterlund'),
    member('u-anna', 'Anna Andersson'),
    member('u-arla', 'Ärla Ek'),
    member('u-bo', 'Bo Berg'),
    member('u-cia', 'Cia Carlsson'),
    member('u-pl', 'Petra Processledare', false),
  ];
  const agenda = [item('a', { title: 'Budget' }), item('b', { title: 'SRO', withdrawn: true }), item('c', { title: 'Rapporter' })];
  const m = meeting({ agenda });

  test('the full brief with exact values', () => {
    const p = people({
      members,
      answers: [
        answer('u-orjan', 'absent'),
        answer('u-asa', 'absent'),
        answer('u-zara', 'absent'),
        answer('u-anna', 'absent'),
        answer('u-arla', 'absent'),
        answer('u-bo', 'attending'),
        answer('u-pl', 'attending'),
      ],
      inputs: [
        input('u-orjan', 'a', 'Ö om budget'),
        input('u-asa', 'a', 'Å om budget'),
        input('u-zara', 'a', 'Z om budget'),
        input('u-anna', 'a', 'A om budget'),
        input('u-arla', 'a', 'Ä om budget'),
        input('u-bo', 'a', 'närvarande: syns inte'),
        input('u-asa', 'b', 'om utgången punkt'),
        input('u-zara', 'c', '   '),
        input('u-anna', 'c', 'A om rapporter'),
        input('u-orjan', GENERAL, 'Allmänt från Örjan'),
        input('u-bo', GENERAL, 'närvarande allmänt'),
        input('u-asa', GENERAL, ''),
      ],
    });
    const brief = compileBrief(m, p, 'sv');
    expect(brief.perItem.map((p) => p.item.id)).toEqual(['a', 'c']);
    expect(brief.perItem[0].item).toBe(agenda[0]);
    expect(brief.perItem[0].inputs).toEqual([
      { author: 'Anna Andersson', text: 'A om budget' },
      { author: 'Zara Zetterlund', text: 'Z om budget' },
      { author: 'Åsa Åberg', text: 'Å om budget' },
      { author: 'Ärla Ek', text: 'Ä om budget' },
      { author: 'Örjan Olsson', text: 'Ö om budget' },
    ]);
    expect(brief.perItem[1].inputs).toEqual([{ author: 'Anna Andersson', text: 'A om rapporter' }]);
    expect(brief.general).toEqual([{ author: 'Örjan Olsson', text: 'Allmänt från Örjan' }]);
    expect(brief.absentWithInput).toEqual(['Anna Andersson', 'Zara Zetterlund', 'Åsa Åberg', 'Ärla Ek', 'Örjan Olsson']);
    expect(brief.absentWithoutInput).toEqual([]);
    expect(brief.attending).toBe(2);
    expect(brief.absent).toBe(5);
    // Cia is a member and has not answered; Petra (process leader, not a member) answered anyway.
    expect(brief.noAnswer).toBe(1);
  });

  test('names someone no longer on the roster "tidigare ledamot" (English: "former member"), never by their AAD id', () => {
    const gone = '3f2504e0-4f89-11d3-9a0c-0305e82c3301';
    const brief = compileBrief(m, people({ members, answers: [answer(gone, 'absent')], inputs: [input(gone, 'a', 'Skrev innan jag slutade')] }), 'sv');
    expect(brief.perItem[0].inputs).toEqual([{ author: 'tidigare ledamot', text: 'Skrev innan jag slutade' }]);
    expect(brief.absentWithInput).toEqual(['tidigare ledamot']);
    const read = compileBrief(m, people({ members, answers: [answer(gone, 'absent')], inputs: [input(gone, 'a', 'Wrote before leaving')] }), 'en');
    expect([read.perItem[0].inputs, read.absentWithInput]).toEqual([[{ author: 'former member', text: 'Wrote before leaving' }], ['former member']]);
  });

  test('absent with and without input, names sorted with Swedish collation', () => {
    const p = people({
      members,
      answers: [answer('u-orjan', 'absent'), answer('u-asa', 'absent'), answer('u-zara', 'absent'), answer('u-anna', 'absent'), answer('u-arla', 'absent')],
      inputs: [input('u-arla', GENERAL, 'bara allmänt'), input('u-zara', 'a', ' \n\t '), input('u-anna', 'a', 'text')],
    });
    const brief = compileBrief(m, p, 'sv');
    expect(brief.absentWithInput).toEqual(['Anna Andersson', 'Ärla Ek']);
    expect(brief.absentWithoutInput).toEqual(['Zara Zetterlund', 'Åsa Åberg', 'Örjan Olsson']);
    expect(brief.general).toEqual([{ author: 'Ärla Ek', text: 'bara allmänt' }]);
    expect(brief.perItem).toEqual([
      { item: agenda[0], inputs: [{ author: 'Anna Andersson', text: 'text' }] },
      { item: agenda[2], inputs: [] },
    ]);
  });

  test('input is kept as written (not trimmed) once it is non-blank', () => {
    const brief = compileBrief(m, people({ members, answers: [answer('u-bo', 'absent')], inputs: [input('u-bo', 'a', '  Se bilaga.  ')] }), 'sv');
    expect(brief.perItem[0].inputs).toEqual([{ author: 'Bo Berg', text: '  Se bilaga.  ' }]);
  });

  test('input from a member who answered attending, or never answered, is left out', () => {
    const brief = compileBrief(
      m,
      people({ members, answers: [answer('u-bo', 'attending')], inputs: [input('u-bo', 'a', 'x'), input('u-cia', 'a', 'y'), input('u-cia', GENERAL, 'z')] }),
      'sv',
    );
    expect(brief.perItem.map((p) => p.inputs)).toEqual([[], []]);
    expect(brief.general).toEqual([]);
    expect(brief.absentWithInput).toEqual([]);
    expect(brief.absentWithoutInput).toEqual([]);
  });

  test('input only on a withdrawn item does not count: the chair would see nothing of it', () => {
    const brief = compileBrief(m, people({ members, answers: [answer('u-asa', 'absent')], inputs: [input('u-asa', 'b', 'om SRO')] }), 'sv');
    expect(brief.perItem.map((p) => p.inputs)).toEqual([[], []]);
    expect(brief.absentWithInput).toEqual([]);
    expect(brief.absentWithoutInput).toEqual(['Åsa Åberg']);
  });

  const counts: [string, MeetingPeople, [number, number, number]][] = [
    ['nobody answered', people({ members }), [0, 0, 7]],
    ['empty roster', people(), [0, 0, 0]],
    ['only non-members on the roster', people({ members: [member('x', 'X', false), member('y', 'Y', false)] }), [0, 0, 0]],
    ['everyone answered', people({ members, answers: members.map((mm, n) => answer(mm.aadObjectId, n % 2 === 0 ? 'absent' : 'attending')) }), [4, 4, 0]],
    [
      'non-member answers count as attending/absent but not against noAnswer',
      people({ members, answers: [answer('u-pl', 'absent'), answer('u-bo', 'attending')] }),
      [1, 1, 6],
    ],
    ['an answer from someone not on the roster', people({ members, answers: [answer('u-ghost', 'attending')] }), [1, 0, 7]],
  ];
  test.each(counts)('counts: %s', (_name, p, [attending, absent, noAnswer]) => {
    const brief = compileBrief(m, p, 'sv');
    expect({ attending: brief.attending, absent: brief.absent, noAnswer: brief.noAnswer }).toEqual({ attending, absent, noAnswer });
  });

  test('an agenda with every item withdrawn has no per-item section', () => {
    const brief = compileBrief(
      meeting({ agenda: [item('a', { withdrawn: true })] }),
      people({ members, answers: [answer('u-bo', 'absent')], inputs: [input('u-bo', GENERAL, 'g')] }),
      'sv',
    );
    expect(brief.perItem).toEqual([]);
    expect(brief.general).toEqual([{ author: 'Bo Berg', text: 'g' }]);
  });
});

// ---------------------------------------------------------------- who sees input

describe('visibleInputs', () => {
  const all = [input('u-a', 'a', '1'), input('u-b', 'a', '2'), input('u-a', GENERAL, '3'), input('u-c', 'b', '4')];
  const cases: [string, string, boolean, string[]][] = [
    ['a lead sees everything, in order', 'u-lead', true, ['1', '2', '3', '4']],
    ['a lead who also wrote sees everything', 'u-a', true, ['1', '2', '3', '4']],
    ['a member sees only their own', 'u-a', false, ['1', '3']],
    ['another member sees only their own', 'u-c', false, ['4']],
    ['a member without input sees nothing', 'u-z', false, []],
  ];
  test.each(cases)('%s', (_name, viewer, leads, texts) => {
    expect(visibleInputs(all, viewer, leads).map((i) => i.text)).toEqual(texts);
  });

  test('returns a new array, the input is not modified', () => {
    const out = visibleInputs(all, 'x', true);
    expect(out).not.toBe(all);
    expect(out).toEqual(all);
  });
});

// ---------------------------------------------------------------- reminders

describe('inputRemindersDue', () => {
  const cutoff = '2026-05-19T08:00:00.000Z'; // START - 24 h
  const before = (hours: number, ms = 0) => offset(cutoff, -hours * H + ms);
  const p = people({
    members: [member('u-1', 'Ett'), member('u-2', 'Två'), member('u-3', 'Tre'), member('u-4', 'Fyra'), member('u-5', 'Fem')],
    answers: [answer('u-1', 'absent'), answer('u-2', 'attending'), answer('u-3', 'absent'), answer('u-4', 'absent'), answer('u-5', 'absent')],
    inputs: [input('u-3', 'a', 'klar'), input('u-4', 'a', '   '), input('u-4', GENERAL, ''), input('u-2', 'a', '')],
  });
  const due = (hours: number) => ['u-1', 'u-4', 'u-5'].map((mm) => ({ member: mm, hoursBeforeCutoff: hours, key: `meeting:m1|input|${hours}` }));

  test('default thresholds are 72 and 24 hours', () => {
    expect([...INPUT_REMINDER_HOURS]).toEqual([72, 24]);
  });

  const cases: [string, Date, ReturnType<typeof due> | []][] = [
    ['a week before the cut-off: nothing', before(168), []],
    ['1 ms more than 72 h before: nothing', before(72, -1), []],
    ['exactly 72 h before: the 72 h reminder', before(72), due(72)],
    ['48 h before: still the 72 h reminder', before(48), due(72)],
    ['1 ms more than 24 h before: the 72 h reminder', before(24, -1), due(72)],
    ['exactly 24 h before: the 24 h reminder', before(24), due(24)],
    ['a missed sweep 10 h before: only the tightest (24 h)', before(10), due(24)],
    ['1 ms before the cut-off: 24 h', before(0, -1), due(24)],
    ['at the cut-off: nothing', at(cutoff), []],
    ['after the cut-off, before the start: nothing', offset(START, -H), []],
    ['after the start: nothing', offset(START, H), []],
  ];
  test.each(cases)('%s', (_name, now, expected) => {
    expect(inputRemindersDue(meeting(), p, now)).toEqual(expected);
  });

  test('only absent members without non-blank input, in answer order', () => {
    expect(inputRemindersDue(meeting(), p, before(30)).map((r) => r.member)).toEqual(['u-1', 'u-4', 'u-5']);
  });

  test('general input alone counts as input', () => {
    const q = people({ answers: [answer('u-1', 'absent'), answer('u-2', 'absent')], inputs: [input('u-1', GENERAL, 'allmänt')] });
    expect(inputRemindersDue(meeting(), q, before(30))).toEqual([{ member: 'u-2', hoursBeforeCutoff: 72, key: 'meeting:m1|input|72' }]);
  });

  const closed: [string, Partial<Meeting>][] = [
    ['cancelled', { cancelled: true }],
    ['held', { status: 'held' }],
    ['minutes approved', { status: 'minutes-approved' }],
    ['published', { status: 'published' }],
  ];
  test.each(closed)('%s meeting: nothing', (_name, over) => {
    expect(inputRemindersDue(meeting(over), p, before(30))).toEqual([]);
  });

  test('no absent members: nothing', () => {
    expect(inputRemindersDue(meeting(), people({ answers: [answer('u-1', 'attending')] }), before(30))).toEqual([]);
  });

  test('key uses the meeting id', () => {
    const out = inputRemindersDue(meeting({ id: '2026-05-20-ab12' }), people({ answers: [answer('u-1', 'absent')] }), before(1));
    expect(out).toEqual([{ member: 'u-1', hoursBeforeCutoff: 24, key: 'meeting:2026-05-20-ab12|input|24' }]);
  });

  test('thresholds follow the meeting cut-off, not the start (cutoff 48 h)', () => {
    const m = meeting({ cutoffHours: 48 }); // cut-off 2026-05-18T08:00Z
    const q = people({ answers: [answer('u-1', 'absent')] });
    expect(inputRemindersDue(m, q, offset('2026-05-18T08:00:00.000Z', -72 * H))).toEqual([{ member: 'u-1', hoursBeforeCutoff: 72, key: 'meeting:m1|input|72' }]);
    expect(inputRemindersDue(m, q, offset('2026-05-18T08:00:00.000Z', -72 * H - 1))).toEqual([]);
    expect(inputRemindersDue(m, q, offset('2026-05-18T08:00:00.000Z', -24 * H))).toEqual([{ member: 'u-1', hoursBeforeCutoff: 24, key: 'meeting:m1|input|24' }]);
  });

  test('across the DST switch thresholds are real hours', () => {
    const m = meeting({ startsAt: '2026-03-30T08:00:00Z' }); // cut-off 2026-03-29T08:00Z
    const q = people({ answers: [answer('u-1', 'absent')] });
    expect(inputRemindersDue(m, q, at('2026-03-26T08:00:00Z'))).toEqual([{ member: 'u-1', hoursBeforeCutoff: 72, key: 'meeting:m1|input|72' }]);
    expect(inputRemindersDue(m, q, at('2026-03-26T07:59:59.999Z'))).toEqual([]);
    expect(inputRemindersDue(m, q, at('2026-03-28T08:00:00Z'))).toEqual([{ member: 'u-1', hoursBeforeCutoff: 24, key: 'meeting:m1|input|24' }]);
    expect(inputRemindersDue(m, q, at('2026-03-29T08:00:00Z'))).toEqual([]);
  });

  const custom: [string, number[], number, number | null][] = [
    ['single 48: 50 h before', [48], 50, null],
    ['single 48: 48 h before', [48], 48, 48],
    ['single 48: 1 h before', [48], 1, 48],
    ['unsorted 48, 6, 12: 30 h before', [48, 6, 12], 30, 48],
    ['unsorted 48, 6, 12: 10 h before', [48, 6, 12], 10, 12],
    ['unsorted 48, 6, 12: 5 h before', [48, 6, 12], 5, 6],
    ['fractional 0.5: 20 min before', [0.5], 1 / 3, 0.5],
    ['no thresholds', [], 1, null],
  ];
  test.each(custom)('custom hours %s', (_name, hours, left, reached) => {
    const out = inputRemindersDue(meeting(), people({ answers: [answer('u-1', 'absent')] }), before(left), hours);
    expect(out).toEqual(reached === null ? [] : [{ member: 'u-1', hoursBeforeCutoff: reached, key: `meeting:m1|input|${reached}` }]);
  });
});
