import { boundQuery } from '../../src/app/decisions';
import { decisionsCsv, neutraliseFormula } from '../../src/cards/decisionExport';
import { inDateWindow, newDecision, searchDecisions, type DecisionDraft } from '../../src/domain/decisions';
import { dataProperties } from '../../src/storage/decisionRepository';
import { isoWithOffset, localDateTime } from '../../src/domain/calendarDate';
import { decisionsJson, decisionsMarkdown } from '../../src/cards/decisionExport';
import type { Minutes } from '../../src/domain/minutes';
import { buildMeeting } from '../helpers/meetings';
import { GBG, group } from '../helpers/shippedOrgs';

const draft: DecisionDraft = {
  date: '2026-12-08',
  kind: 'beslut',
  consensus: true,
  outcome: 'enighet',
  title: 'T',
  text: 'Text',
  rationale: '',
  meetingId: 'm1',
  itemId: 'i1',
  absentInputAtHand: false,
  links: [],
  forankring: [],
};
const decision = (seq: number, over: Partial<DecisionDraft> = {}) =>
  newDecision({ ...draft, ...over }, { org: 'o', group: 'lgs', shortName: 'LGS', year: 2026, seq, by: 'u1', now: '2026-12-08T15:00:00Z' });

describe('CSV export cells', () => {
  it.each([
    ['=1+1', "'=1+1"],
    ['+1', "'+1"],
    ['-1', "'-1"],
    ['@SUM(A1)', "'@SUM(A1)"],
    ['\tx', "'\tx"],
    ['\rx', "'\rx"],
    ['a=b', 'a=b'],
    ['', ''],
  ])('%j is written as %j', (value, cell) => {
    expect(neutraliseFormula(value)).toBe(cell);
  });

  it('quotes a cell with a tab-started formula after neutralising, and a CR inside a cell', () => {
    const d = { ...decision(1), title: '\t=cmd', text: 'a\rb' };
    expect(decisionsCsv(GBG, [d]).split('\r\n')[1]).toBe(
      `LGS 2026:1;2026-12-08;beslut;fattat i enighet;'\t=cmd;"a\rb";;okänt datum;nej;;1;nej;2026-12-08T16:00:00+01:00`,
    );
  });
});

describe('searching and dates', () => {
  it('bounds a query at 10 words and 200 characters and says so', () => {
    expect(boundQuery('a b c')).toEqual({ words: ['a', 'b', 'c'], cut: false });
    expect(boundQuery('w '.repeat(11))).toEqual({ words: Array(10).fill('w'), cut: true });
    expect(boundQuery('x'.repeat(250))).toEqual({ words: ['x'.repeat(200)], cut: true });
  });

  it('finds decisions by every word, case-insensitively', () => {
    const ds = [decision(1, { title: 'Årsrapport', text: 'Fastställd' }), decision(2, { title: 'Rutin', text: 'SIP' })];
    expect(searchDecisions(ds, ['årsRAPPORT', 'fastställd'], 2026).map((d) => d.seq)).toEqual([1]);
    expect(searchDecisions(ds, ['sip', 'årsrapport'], null)).toEqual([]);
  });

  it('accepts decision dates within 2000–2100 only', () => {
    expect(['1999-12-31', '2000-01-01', '2100-12-31', '2101-01-01', '20260-01-01'].map(inDateWindow)).toEqual([false, true, true, false, false]);
  });
});

describe('long values in table rows', () => {
  it('splits JSON longer than one property (32K characters) and keeps short JSON in `data`', () => {
    expect(dataProperties('{}')).toEqual({ data: '{}' });
    const long = 'x'.repeat(70_000);
    const props = dataProperties(long);
    expect(Object.keys(props)).toEqual(['data', 'data1', 'data2']);
    expect(Object.values(props).map((p) => p.length)).toEqual([32_000, 32_000, 6_000]);
    expect(Object.values(props).join('')).toBe(long);
  });
});

describe("the organisation's time zone in exports", () => {
  it('writes an instant as ISO 8601 with the Stockholm offset, winter +01:00 and summer +02:00', () => {
    expect(isoWithOffset(new Date('2026-11-27T09:15:00Z'), 'Europe/Stockholm')).toBe('2026-11-27T10:15:00+01:00');
    expect(isoWithOffset(new Date('2026-06-15T12:00:00.500Z'), 'Europe/Stockholm')).toBe('2026-06-15T14:00:00+02:00');
    // The night clocks go back: 00:30 UTC is still summer time, 01:30 UTC winter time.
    expect(isoWithOffset(new Date('2026-10-25T00:30:00Z'), 'Europe/Stockholm')).toBe('2026-10-25T02:30:00+02:00');
    expect(isoWithOffset(new Date('2026-10-25T01:30:00Z'), 'Europe/Stockholm')).toBe('2026-10-25T02:30:00+01:00');
    expect(isoWithOffset(new Date('2026-12-31T23:30:00Z'), 'Europe/Stockholm')).toBe('2027-01-01T00:30:00+01:00');
    expect(localDateTime(new Date('2026-06-30T22:30:00Z'), 'Europe/Stockholm')).toBe('2026-07-01 00:30');
  });

  const meetingWinter = buildMeeting({ id: '2026-12-08-abc123', org: GBG.id, group: 'lgs', date: '2026-12-08', startsAt: '2026-12-08T12:00:00.000Z' });
  const meetingSummer = buildMeeting({ id: '2026-06-10-def456', org: GBG.id, group: 'lgs', date: '2026-06-10', startsAt: '2026-06-10T11:00:00.000Z' });
  const winter = {
    ...newDecision(
      { ...draft, meetingId: meetingWinter.id, forankring: ['kommun', 'region'] },
      { org: GBG.id, group: 'lgs', shortName: 'LGS', year: 2026, seq: 1, by: 'u1', now: '2026-12-08T23:30:00.000Z' },
    ),
    retracted: { by: 'u1', at: '2026-12-31T23:15:00.000Z', reason: 'Fel möte' },
  };
  const summer = newDecision(
    { ...draft, date: '2026-06-10', meetingId: meetingSummer.id, forankring: ['narhalsan'] },
    { org: GBG.id, group: 'lgs', shortName: 'LGS', year: 2026, seq: 2, by: 'u1', now: '2026-06-10T22:05:09.000Z' },
  );

  it('CSV: the meeting by its local date and time, förankring by name, registrerat with offset, the retraction with its local date', () => {
    const rows = decisionsCsv(GBG, [winter, summer], [meetingWinter, meetingSummer]).split('\r\n');
    expect(rows[1]).toBe(
      'LGS 2026:1;2026-12-08;beslut;fattat i enighet;T;Text;;2026-12-08 13:00;nej;Kommun: väntar, Region (Västra Götalandsregionen): väntar;1;ja, 2027-01-01: Fel möte;2026-12-09T00:30:00+01:00',
    );
    expect(rows[2]).toBe('LGS 2026:2;2026-06-10;beslut;fattat i enighet;T;Text;;2026-06-10 13:00;nej;Närhälsan (VGPV): väntar;1;nej;2026-06-11T00:05:09+02:00');
  });

  it('Markdown: meetings by local date and time, local retraction and approval dates, no ids', () => {
    const minutes = {
      org: GBG.id,
      group: 'lgs',
      meetingId: meetingSummer.id,
      version: 1,
      status: 'approved',
      items: [],
      present: [],
      absent: [],
      writtenBy: 'u1',
      justerare: [],
      returnComment: null,
      approvedBy: 'u2',
      approvedAt: '2026-06-30T22:30:00.000Z',
      publishedUrl: null,
    } as Minutes;
    const md = decisionsMarkdown(GBG, group(GBG, 'lgs'), [winter, summer], [minutes], [meetingWinter, meetingSummer]);
    expect(md).toContain('- Möte: 2026-12-08 13:00\n');
    expect(md).toContain('- Förankring: Kommun: väntar, Region (Västra Götalandsregionen): väntar\n');
    expect(md).toContain('*Återkallat 2027-01-01: Fel möte*');
    expect(md).toContain('## Möte 2026-06-10 13:00 (version 1)\n\n\nJusterat 2026-07-01');
    expect(md).not.toMatch(/abc123|def456|kommun:|narhalsan/);
  });

  it('JSON keeps the ids as data and names them beside', () => {
    const json = JSON.parse(decisionsJson(GBG, group(GBG, 'lgs'), [summer], [], [meetingSummer])) as {
      organisationName: string;
      decisions: { meetingId: string; meeting: string; forankring: { holder: string; holderName: string }[] }[];
    };
    expect(json.organisationName).toBe('Vårdsamverkan i Göteborgsområdet – Kommun och sjukvård');
    expect(json.decisions[0]).toMatchObject({
      meetingId: '2026-06-10-def456',
      meeting: '2026-06-10 13:00',
      forankring: [{ holder: 'narhalsan', holderName: 'Närhälsan (VGPV)' }],
    });
  });
});
