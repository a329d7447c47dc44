import { calendarFeed } from '../../src/app/annualCycle';
import type { ChairView } from '../../src/app/chairs';
import { chairCard } from '../../src/cards/chairCards';
import { decisionFormCard } from '../../src/cards/decisionCards';
import { inputCard } from '../../src/cards/meetingCards';
import { cycleCard, reminderCard } from '../../src/cards/reminderCards';
import { dueReminders, occurrences, upcomingDeadlines, type GroupCycleState } from '../../src/domain/annualCycle';
import { OPEN_END, presidiumOn, type Term, type TermHolder } from '../../src/domain/chairTerms';
import { checkDraft, defaultForankring, newDecision, type DecisionDraft } from '../../src/domain/decisions';
import type { Meeting } from '../../src/domain/meetings';
import { hasDeputies, type Group, type Organisation } from '../../src/domain/organisation';
import { applyAppointment, checkAppointment, nextChair } from '../../src/domain/rotation';
import { cardInputs, cardTexts as textsOf } from '../helpers/cards';
import { GBG, group, SAMLA } from '../helpers/shippedOrgs';

/**
 * The rules corrected against the source documents (issue 12, part 1), each with the quote it
 * rests on. Where the documents are silent the bot invents no rule: it shows a förslag.
 */
const texts = (c: unknown) => textsOf(c as Record<string, unknown>);
const inputs = (c: unknown) => cardInputs(c as Record<string, unknown>);
const EMPTY: GroupCycleState = { members: [], terms: [], meetings: [] };

const holder = (org: Organisation, party: string, n = 1): TermHolder => ({
  aadObjectId: `aad-${party}-${n}`,
  displayName: `Ledamot ${party} ${n}`,
  party,
  principal: org.parties.find((p) => p.id === party)!.principal,
});
const term = (org: Organisation, g: Group, id: string, h: TermHolder, start: string, plannedEnd: string): Term => ({
  id,
  org: org.id,
  group: g.id,
  role: 'chair',
  holder: h,
  start,
  plannedEnd,
  actualEnd: null,
  origin: 'rotation',
  replaces: null,
  exception: null,
  recordedBy: 'aad-pl',
  recordedAt: '2025-01-01T00:00:00.000Z',
});

describe('no invented term lengths: politiskt samråd, SAMLA political group and NOSAM (000, 001, 002, 004)', () => {
  const SAMRAD = group(GBG, 'politiskt-samrad');
  const NOSAM = group(GBG, 'nosam-hisingen');
  const table = GBG.parties.map((p) => ({ id: p.id, principal: p.principal }));

  it.each([
    ['politiskt-samrad', GBG],
    ['nosam-hisingen', GBG],
    ['samla-politisk-samradsgrupp', SAMLA],
  ] as const)('%s has no term length in its rule', (id, org) => {
    expect(group(org, id).chairRule?.termMonths).toBeNull();
  });

  it('a samråd chair with no length: the next change is decided by the group, starting today at the earliest', () => {
    const open = term(GBG, SAMRAD, 's1', holder(GBG, 'goteborgs-stad'), '2023-01-01', OPEN_END);
    const next = nextChair({ group: SAMRAD, terms: [open] }, null, ['kommun', 'region'], table, '2026-03-01');
    expect(next).toMatchObject({
      decidedByGroup: true,
      startsOn: '2026-03-01',
      plannedEnd: OPEN_END,
      principal: { kind: 'alternate', previous: 'kommun', next: 'region' },
    });
  });

  it('NOSAM: "det ska varvas mellan kommun/region" (002) – the next chair from the region may start any day, mid-year, and ends the open term', () => {
    const open = term(GBG, NOSAM, 'n1', holder(GBG, 'goteborg-ifo'), '2025-01-01', OPEN_END);
    const p = { role: 'chair' as const, holder: holder(GBG, 'narhalsan'), start: '2026-05-12', plannedEnd: OPEN_END, origin: 'rotation' as const, replaces: null };
    expect(checkAppointment({ group: NOSAM, terms: [open] }, null, ['kommun', 'region'], p)).toEqual([]);
    const { ended } = applyAppointment({ group: NOSAM, terms: [open] }, p, { id: 'n2', org: GBG.id, recordedBy: 'aad-pl', recordedAt: 'x', exception: null });
    expect(ended).toMatchObject({ id: 'n1', actualEnd: '2026-05-11' });
    // Still alternating: kommun again is a breach.
    const again = { ...p, holder: holder(GBG, 'goteborg-avo') };
    expect(checkAppointment({ group: NOSAM, terms: [open] }, null, ['kommun', 'region'], again).map((b) => b.rule)).toEqual(['principal-alternation']);
  });

  it('an open-ended term sends no term-end reminder', () => {
    const open = term(GBG, NOSAM, 'n1', holder(GBG, 'goteborg-ifo'), '2025-01-01', OPEN_END);
    const item = GBG.annualCycle.find((c) => c.id === 'ordforandeperiod-slutar')!;
    expect(occurrences(GBG, NOSAM, item, { ...EMPTY, terms: [open] }, '2025-01-01', '2030-12-31')).toEqual([]);
  });

  it('the chair card says "Nästa byte: fastställs av gruppen" and shows the term as lasting until the next chair', () => {
    const open = term(GBG, SAMRAD, 's1', holder(GBG, 'goteborgs-stad'), '2023-01-01', OPEN_END);
    const view: ChairView = {
      org: GBG,
      group: SAMRAD,
      today: '2026-03-01',
      presidium: presidiumOn([open], '2026-03-01'),
      next: nextChair({ group: SAMRAD, terms: [open] }, null, ['kommun', 'region'], table, '2026-03-01'),
      terms: [open],
      members: [],
      version: null,
      canAppoint: false,
    };
    const shown = texts(chairCard([view], 'sv'));
    expect(shown).toContain('Mandatperiod: 2023-01-01 – tills nästa ordförande registreras');
    expect(shown).toContain('Nästa byte: fastställs av gruppen');
    expect(shown.some((l) => l.startsWith('Dagar kvar') || l.startsWith('Nästa period'))).toBe(false);
  });
});

describe('årshjul dates the documents do not give are förslag', () => {
  const LGS = group(GBG, 'lgs');
  const lgsArsrapport = { ...GBG, groups: [LGS], annualCycle: GBG.annualCycle.filter((c) => c.id === 'lgs-arsrapport') };
  const state = new Map([
    [
      'goteborgsomradet|lgs',
      { members: [{ aadObjectId: 'aad-pl', displayName: 'PL', roles: ['processLeader'], party: null }], terms: [], meetings: [] } as unknown as GroupCycleState,
    ],
  ]);

  it('"Årsrapporterar via processledaren enligt fastställt årshjul" (000) names the duty, not the date: the reminder says förslag, never "Sista dag"', () => {
    const r = dueReminders({ orgs: [lgsArsrapport], groups: state, done: new Set(), acknowledged: new Set() }, '2026-03-17').at(0);
    if (r === undefined) throw new Error('no reminder due');
    const shown = texts(reminderCard(r, 'sv'));
    expect(shown).toContain('Föreslaget datum: tis 31 mars 2026 (förslag – inte fastställt)');
    expect(shown.some((l) => l.startsWith('Sista dag'))).toBe(false);
  });

  it('the årshjul card marks each proposal', () => {
    const list = upcomingDeadlines(GBG, LGS, EMPTY, '2026-03-01', '2026-04-30');
    expect(texts(cycleCard('LGS', list, null, 'sv'))).toEqual(['Årshjul – LGS', 'tis 31 mars 2026: LGS årsrapport (förslag – inte fastställt)']);
  });

  it('the calendar feed marks each proposal in SUMMARY and DESCRIPTION', () => {
    const list = upcomingDeadlines(GBG, LGS, EMPTY, '2026-03-01', '2026-04-30');
    const ics = calendarFeed(GBG, LGS, list, new Date('2026-03-01T00:00:00Z')).replace(/\r\n /g, '');
    expect(ics).toContain('SUMMARY:LGS årsrapport – LGS (förslag – inte fastställt)');
    expect(ics).toContain('Föreslaget datum 2026-03-31 (förslag – inte fastställt)');
    expect(ics).not.toContain('Sista dag');
  });

  it('a rule-derived item (a term with a length ends) is not a proposal', () => {
    expect(GBG.annualCycle.find((c) => c.id === 'ordforandeperiod-slutar')?.status).toBe('confirmed');
  });

  it('002\'s one-off dates are not yearly rules: no "last NOSAM meeting appoints next year\'s chair" item', () => {
    expect(GBG.annualCycle.map((c) => c.id)).not.toContain('nosam-ordforande-utses');
    expect(GBG.annualCycle.find((c) => c.id === 'nosam-handlingsplan')?.status).toBe('proposal');
  });
});

describe('meeting frequency as the documents put it', () => {
  it('LGS "Mötesfrekvens minst fyra gånger/år." is a minimum; styrgrupp "cirka sex-åtta gånger/år" and SAMLA "cirka 2–3 gånger per halvår" are guidance', () => {
    expect(group(GBG, 'lgs').meetings?.kind).toBe('minimum');
    expect(group(GBG, 'lgs-styrgrupp').meetings?.kind).toBe('guidance');
    expect(group(SAMLA, 'samla-samordningsgrupp').meetings?.kind).toBe('guidance');
  });

  it('NOSAM: "Mötesfrekvens utifrån lokala behov" (000, 2025) supersedes 002: no minimum', () => {
    expect(group(GBG, 'nosam-partille').meetings).toBeNull();
  });
});

describe('deputies per group', () => {
  const meeting = (g: Group): Meeting =>
    ({
      id: '2026-12-08-0a1b2c3d',
      org: 'goteborgsomradet',
      group: g.id,
      date: '2026-12-08',
      startsAt: '2026-12-08T12:00:00.000Z',
      title: g.shortName,
      cancelled: false,
      place: 'Rum',
      agenda: [],
      revision: 0,
      status: 'planned',
      cutoffHours: 24,
      posted: null,
      summaries: {},
      createdBy: 'pl',
    }) as unknown as Meeting;

  it('"Politiskt samråd – består av ordförande och ersättare" (004): deputies; LGS "ersättare utses inte" (000): none', () => {
    expect(hasDeputies(group(GBG, 'politiskt-samrad'))).toBe(true);
    expect(hasDeputies(group(GBG, 'lgs'))).toBe(false);
    expect(hasDeputies(group(GBG, 'nosam-ockero'))).toBe(false);
    expect(hasDeputies(group(SAMLA, 'samla-samordningsgrupp'))).toBe(false);
  });

  it('the förhinder card never tells politicians that no deputies exist', () => {
    const samrad = group(GBG, 'politiskt-samrad');
    const politician = texts(inputCard(GBG, samrad, meeting(samrad), [], 'sv')).join('\n');
    expect(politician).not.toContain('ersättare inte utses');
    expect(politician).toContain('Kontakta din ersättare');
    const lgs = group(GBG, 'lgs');
    expect(texts(inputCard(GBG, lgs, meeting(lgs), [], 'sv')).join('\n')).toContain(
      'Kan du inte komma? Eftersom ersättare inte utses, når dina synpunkter mötet bara skriftligt: skriv per punkt det du vill att ordföranden tar med.',
    );
  });
});

describe('decision rules per organisation', () => {
  const draft = (over: Partial<DecisionDraft> = {}): DecisionDraft => ({
    date: '2026-05-01',
    kind: 'beslut',
    outcome: 'enighet',
    title: 'Titel',
    text: 'Text',
    rationale: '',
    meetingId: 'm1',
    itemId: 'i1',
    absentInputAtHand: false,
    links: [],
    consensus: true,
    forankring: [],
    ...over,
  });
  const broad = draft({ consensus: false, outcome: 'bred-enighet', dissent: 'Lerums kommun reserverar sig.' });

  it('Göteborgsområdet: "Om enighet inte uppnås i en fråga ska ärendet återremitteras för förnyad beredning eller strykas." (000)', () => {
    expect(checkDraft(broad, GBG.decisionRule?.kind)).toEqual({ ok: false, code: 'broad-consensus-not-allowed' });
    expect(checkDraft(draft({ consensus: false }), GBG.decisionRule?.kind)).toEqual({ ok: false, code: 'no-consensus-outcome' });
  });

  it('SAMLA: "strävar efter att alla beslut fattas i bred enighet" (001): without full consensus a decision is possible, with the dissent recorded', () => {
    expect(checkDraft(broad, SAMLA.decisionRule?.kind).ok).toBe(true);
    expect(checkDraft({ ...broad, dissent: ' ' }, SAMLA.decisionRule?.kind)).toEqual({ ok: false, code: 'dissent-missing' });
    const d = newDecision(broad, {
      org: 'samla',
      group: 'samla-samordningsgrupp',
      shortName: 'SAMLA Samordningsgrupp',
      year: 2026,
      seq: 3,
      by: 'aad-pl',
      now: '2026-05-01T10:00:00Z',
    });
    expect(d.dissent).toBe('Lerums kommun reserverar sig.');
    expect(newDecision(draft(), { org: 'samla', group: 'g', shortName: 'G', year: 2026, seq: 4, by: 'x', now: 'x' }).dissent).toBeNull();
  });

  it('the decision form offers "bred enighet" and a dissent field only where the organisation allows it', () => {
    const samla = inputs(
      decisionFormCard(SAMLA, group(SAMLA, 'samla-samordningsgrupp'), { id: 'm1', agenda: [] } as unknown as Meeting, '2026-05-01', 'sv', '0123456789abcdef'),
    );
    const gbg = inputs(decisionFormCard(GBG, group(GBG, 'lgs'), { id: 'm1', agenda: [] } as unknown as Meeting, '2026-05-01', 'sv', '0123456789abcdef'));
    expect(Object.keys(samla)).toContain('dissent');
    expect(Object.keys(gbg)).not.toContain('dissent');
    expect((gbg.outcome.choices as { value: string }[]).map((c) => c.value)).not.toContain('bred-enighet');
  });

  it('förankring: "varje huvudman ansvarar för att fatta formellt beslut" (000) – the form starts with every principal, editable', () => {
    expect(defaultForankring(GBG)).toEqual(['kommun', 'region']);
    const form = inputs(decisionFormCard(GBG, group(GBG, 'lgs'), null, '2026-05-01', 'sv', '0123456789abcdef'));
    expect(form.forankring.value).toBe('kommun,region');
  });
});
