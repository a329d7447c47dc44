import { correctionCard, decisionCard, decisionFormCard, decisionTexts } from '../../src/cards/decisionCards';
import { decisionsJson, decisionsMarkdown } from '../../src/cards/decisionExport';
import { meetingFormCard } from '../../src/cards/meetingCards';
import { minutesCard } from '../../src/cards/minutesCards';
import { newDecision, type Decision } from '../../src/domain/decisions';
import type { Meeting } from '../../src/domain/meetings';
import type { Minutes } from '../../src/domain/minutes';
import { cardActions, cardInputs, cardTexts as textsOf } from '../helpers/cards';
import { GBG, SAMLA, group } from '../helpers/shippedOrgs';

/** The decision and minutes cards: what a reader sees and what each button sends back. */

const cardTexts = (c: unknown) => textsOf(c as Record<string, unknown>);
const actions = (c: unknown) => cardActions(c as Record<string, unknown>);
const inputs = (c: unknown) => cardInputs(c as Record<string, unknown>);
const LGS = group(GBG, 'lgs');

const decision = (over: Partial<Decision> = {}): Decision => ({
  ...newDecision(
    {
      date: '2026-12-08',
      kind: 'beslut',
      consensus: true,
      outcome: 'enighet',
      title: 'Rutin för *SIP*',
      text: 'LGS fastställer rutinen.',
      rationale: '',
      meetingId: 'm1',
      itemId: 'p1-abcd',
      absentInputAtHand: false,
      links: [],
      forankring: ['kommun', 'region'],
    },
    { org: 'goteborgsomradet', group: 'lgs', shortName: 'LGS', year: 2026, seq: 3, by: 'pl', now: '2026-12-08T15:00:00Z' },
  ),
  ...over,
});

describe('the decision card', () => {
  it('shows the number, outcome and förankring per holder, with a button per pending holder for those who record', () => {
    const d = decision({
      forankring: [
        { holder: 'kommun', status: 'done', doneOn: '2026-12-10', reference: null },
        { holder: 'region', status: 'pending', doneOn: null, reference: null },
      ],
    });
    const c = decisionCard(d, true, 'sv', GBG);
    expect(cardTexts(c)).toEqual([
      'LGS 2026:3 – Rutin för \\*SIP\\*',
      'Datum: tis 8 dec. 2026',
      'Typ: Beslut',
      'Utfall: Fattat i enighet',
      'Förankring: Kommun: klar tors 10 dec. 2026, Region (Västra Götalandsregionen): väntar',
      'LGS fastställer rutinen.',
    ]);
    expect(actions(c)).toEqual([
      ['Förankrat: Region (Västra Götalandsregionen)', { verb: 'forankringDone', org: 'goteborgsomradet', group: 'lgs', number: '2026:3', holder: 'region' }],
    ]);
    expect(actions(decisionCard(d, false, 'sv', GBG))).toEqual([]);
  });

  it('marks a retracted decision with the date and the reason as typed', () => {
    const c = decisionCard(decision({ forankring: [], retracted: { by: 'pl', at: '2026-12-12T09:00:00Z', reason: '<at>Alla</at>' } }), true, 'en', GBG);
    expect(cardTexts(c).slice(-2)).toEqual(['Retracted: Sat, 12 Dec 2026: \\<at\\>Alla\\</at\\>', 'LGS fastställer rutinen.']);
  });

  it("dates a retraction in the organisation's time zone, winter (+01:00) and summer (+02:00)", () => {
    const retractedAt = (at: string) => cardTexts(decisionCard(decision({ forankring: [], retracted: { by: 'pl', at, reason: 'Fel' } }), true, 'sv', GBG)).at(-2);
    expect(retractedAt('2026-12-12T23:30:00Z')).toBe('Återkallat: sön 13 dec. 2026: Fel');
    expect(retractedAt('2026-06-30T22:30:00Z')).toBe('Återkallat: ons 1 juli 2026: Fel');
    expect(retractedAt('2026-06-30T21:30:00Z')).toBe('Återkallat: tis 30 juni 2026: Fel');
  });

  it('names förankring holders by principal or party in English too, never by id', () => {
    const d = decision({ forankring: [{ holder: 'region', status: 'pending', doneOn: null, reference: null }] });
    expect(cardTexts(decisionCard(d, true, 'en', GBG))).toContain('Anchoring: Region (Region Västra Götaland): pending');
  });
});

describe('the record and correction forms', () => {
  const meeting = {
    id: 'm1',
    date: '2026-12-08',
    agenda: [
      { id: 'p1-abcd', title: 'Årsrapport', withdrawn: false },
      { id: 'p2-abcd', title: 'Utgår', withdrawn: true },
      { id: 'p3-abcd', title: 'SIP', withdrawn: false },
    ],
  } as unknown as Meeting;

  it('offers the items still on the agenda, and sends the meeting and the form key', () => {
    const c = decisionFormCard(GBG, LGS, meeting, '2026-12-01', 'sv', '0123456789abcdef');
    expect((inputs(c).itemId.choices as { title: string; value: string }[]).map((x) => x.value)).toEqual(['p1-abcd', 'p3-abcd']);
    expect(inputs(c).date.value).toBe('2026-12-08');
    expect(actions(c)).toEqual([['Registrera', { verb: 'recordDecision', org: 'goteborgsomradet', group: 'lgs', meetingId: 'm1', formKey: '0123456789abcdef' }]]);
  });

  it('asks one question about the outcome, with the rule of the organisation, and no separate consensus toggle', () => {
    const form = (org: typeof GBG, m: Meeting | null, locale: 'sv' | 'en') => decisionFormCard(org, org.groups[0], m, '2026-12-01', locale, '0123456789abcdef');
    const question = (c: unknown) => {
      const outcome = inputs(c).outcome;
      return [outcome.label, (outcome.choices as { title: string; value: string }[]).map((x) => `${x.value}: ${x.title}`)];
    };
    const gbg = form(GBG, meeting, 'sv');
    expect(inputs(gbg).consensus).toBeUndefined();
    expect(question(gbg)).toEqual([
      'Vad blev utfallet?',
      [
        'enighet: Enighet – beslutet fattas',
        'antecknat: Enighet – informationen antecknas',
        'återremitterat: Ingen enighet – ärendet återremitteras',
        'struket: Ingen enighet – ärendet stryks',
      ],
    ]);
    expect(textsOf(gbg as unknown as Record<string, unknown>)).toContain('Beslut fattas i enighet. Utan enighet återremitteras eller stryks ärendet.');
    const samla = form(SAMLA, meeting, 'en');
    expect(question(samla)).toEqual([
      'What was the outcome?',
      [
        'enighet: Consensus – the decision is taken',
        'bred-enighet: Broad consensus – the decision is taken, the dissent recorded below',
        'antecknat: Consensus – the information is noted',
        'återremitterat: No consensus – the matter is sent back',
        'struket: No consensus – the matter is struck',
      ],
    ]);
    expect(textsOf(samla as unknown as Record<string, unknown>)).toContain(
      'Decisions are taken by consensus, or by broad consensus with the dissent recorded. Otherwise the matter is sent back or struck.',
    );
    const chair = form(GBG, null, 'sv');
    expect(question(chair)).toEqual(['Vad blev utfallet?', ['enighet: Beslutet fattas', 'antecknat: Informationen antecknas']]);
    expect(textsOf(chair as unknown as Record<string, unknown>)).toContain('Ordföranden beslutar mellan mötena.');
  });

  it('as a chair decision: only that kind, dated today, without a meeting', () => {
    const c = decisionFormCard(GBG, LGS, null, '2026-12-01', 'en', 'fedcba9876543210');
    expect([inputs(c).itemId, inputs(c).date.value, (inputs(c).kind.choices as { value: string }[]).map((x) => x.value)]).toEqual([
      undefined,
      '2026-12-01',
      ['ordförandebeslut'],
    ]);
    expect(cardTexts(c)[0]).toBe("Chair's decision – LGS");
  });

  it('the correction form sends the number and the ETag it was built from', () => {
    expect(actions(correctionCard(decision(), 'W/"7"', 'sv'))).toEqual([
      ['Registrera', { verb: 'correctDecision', org: 'goteborgsomradet', group: 'lgs', number: '2026:3', etag: 'W/"7"' }],
    ]);
  });
});

describe('a matter sent back, on the next meeting form', () => {
  it('is rendered from its reference in the reader language', () => {
    const origin = { kind: 'sent-back', decision: { year: 2026, seq: 2 } } as const;
    expect(decisionTexts.sentBack(LGS, origin)).toEqual({ sv: 'Återremitterat LGS 2026:2', en: 'Sent back LGS 2026:2' });
  });

  it('fills the first rows and carries each reference in the form data, not in the text', () => {
    const queued = [
      { title: 'Rutin för SIP', origin: { kind: 'sent-back', decision: { year: 2026, seq: 2 } } } as const,
      { title: 'Hemgång', origin: { kind: 'sent-back', decision: { year: 2026, seq: 5 } } } as const,
    ];
    const c = meetingFormCard('goteborgsomradet', LGS, null, null, 'sv', GBG.timeZone, 'a'.repeat(24), queued);
    const i = inputs(c);
    expect([i.title_0.value, i.source_0.value, i.title_1.value, i.source_1.value, i.title_2.value, i.source_2.value]).toEqual([
      'Rutin för SIP',
      'Återremitterat LGS 2026:2',
      'Hemgång',
      'Återremitterat LGS 2026:5',
      '',
      '',
    ]);
    const data = actions(c)[0][1] as Record<string, string>;
    expect([data.origin_0, data.origin_1, data.origin_2]).toEqual(['2026:2', '2026:5', undefined]);
  });
});

describe('the minutes card', () => {
  const minutes: Minutes = {
    org: 'goteborgsomradet',
    group: 'lgs',
    meetingId: 'm1',
    version: 1,
    status: 'sent',
    items: [{ itemId: 'p1-abcd', title: 'Årsrapport', notes: 'Diskuterades _kort_', decisions: ['LGS 2026:3 Rutin'] }],
    present: ['a1', 'a2'],
    absent: [],
    writtenBy: 'a1',
    justerare: ['a2'],
    returnComment: null,
    approvedBy: null,
    approvedAt: null,
    publishedUrl: null,
  };
  const names = (a: string) => ({ a1: 'Processledare Persson', a2: 'Ordförande Olsson' })[a] ?? a;

  it('shows status, people and notes, and gives a justerare approve and return', () => {
    const c = minutesCard(minutes, LGS, '2026-12-08', names, { edit: false, approve: true, nameJusterare: false }, 'W/"3"', 'sv');
    expect(cardTexts(c).slice(0, 7)).toEqual([
      'Minnesanteckningar – LGS tis 8 dec. 2026',
      'Status: Skickad för justering',
      'Version: 1',
      'Närvarande: Processledare Persson, Ordförande Olsson',
      'Förhinder: –',
      '**1. Årsrapport**',
      'Diskuterades \\_kort\\_',
    ]);
    const data = { org: 'goteborgsomradet', group: 'lgs', meetingId: 'm1', etag: 'W/"3"' };
    expect(actions(c)).toEqual([
      ['Justera', { verb: 'approveMinutes', ...data }],
      ['Returnera med kommentar', { verb: 'returnMinutes', ...data }],
    ]);
  });

  it('gives a lead of approved minutes only a new version', () => {
    const c = minutesCard(
      { ...minutes, status: 'approved', approvedBy: 'a2', approvedAt: '2026-12-09T10:00:00Z' },
      LGS,
      '2026-12-08',
      names,
      { edit: true, approve: false, nameJusterare: false },
      'W/"4"',
      'en',
    );
    expect(actions(c).map(([title]) => title)).toEqual(['New version']);
  });

  it("dates the justering in the organisation's time zone (summer +02:00)", () => {
    const c = minutesCard(
      { ...minutes, status: 'approved', approvedBy: 'a2', approvedAt: '2026-06-30T22:30:00Z' },
      LGS,
      '2026-06-30',
      () => 'Ordförande LGS',
      { edit: false, approve: false, nameJusterare: false },
      'W/"4"',
      'sv',
      [],
      GBG.timeZone,
    );
    expect(cardTexts(c)).toContain('Justerat ons 1 juli 2026, Ordförande LGS');
  });
});

describe('the Markdown export', () => {
  it('lists decisions with outcome and förankring, then the approved minutes', () => {
    const md = decisionsMarkdown(
      GBG,
      LGS,
      [decision()],
      [
        {
          ...({} as Minutes),
          meetingId: 'm1',
          version: 1,
          items: [{ itemId: 'p1', title: 'Årsrapport', notes: '', decisions: ['LGS 2026:3'] }],
          present: ['a1', 'a2'],
          absent: ['a3'],
          names: { a1: 'Processledare Persson', a2: 'Ordförande Olsson', a3: 'Ledamot Lind' },
          approvedAt: '2026-12-09T10:00:00Z',
          publishedUrl: null,
        },
      ],
      [{ id: 'm1', startsAt: '2026-12-08T12:00:00.000Z' } as Meeting],
    );
    expect(md.split('\n').slice(0, 9)).toEqual([
      `# Beslutslogg – ${LGS.name}`,
      '',
      `${GBG.name}. 1 beslut.`,
      '',
      '## LGS 2026:3 – Rutin för *SIP*',
      '',
      '- Datum: 2026-12-08',
      '- Typ: beslut',
      '- Utfall: fattat i enighet',
    ]);
    expect(md).toContain('- Möte: 2026-12-08 13:00\n');
    expect(md).toContain(
      '# Justerade minnesanteckningar\n\n## Möte 2026-12-08 13:00 (version 1)\n\nNärvarande: Processledare Persson, Ordförande Olsson\nFörhinder: Ledamot Lind\n\n1. **Årsrapport**\n   - LGS 2026:3\n\nJusterat 2026-12-09\n',
    );
  });

  it('the JSON export names who was present and absent, never by id', () => {
    const m = {
      ...({} as Minutes),
      meetingId: 'm1',
      items: [],
      present: ['a1'],
      absent: [],
      names: { a1: 'Processledare Persson' },
      writtenBy: 'a1',
      justerare: ['c1', 'gone'],
      approvedBy: 'c1',
    };
    const json = JSON.parse(decisionsJson(GBG, LGS, [], [m], [], { c1: 'Ordförande Olsson' })) as { minutes: Record<string, unknown>[] };
    const [out] = json.minutes;
    expect([out.present, out.absent, out.names]).toEqual([['Processledare Persson'], [], undefined]);
    // Each id with the name beside it; someone the bot no longer knows is "(namn saknas)", never blank.
    expect([out.writtenByName, out.justerare, out.justerareNames, out.approvedByName]).toEqual([
      'Processledare Persson',
      ['c1', 'gone'],
      ['Ordförande Olsson', '(namn saknas)'],
      'Ordförande Olsson',
    ]);
  });
});
