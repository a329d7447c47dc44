import { boundQuery } from '../../src/app/decisions';
import { decisionsCsv, neutraliseFormula } from '../../src/cards/decisionExport';
import { inDateWindow, newDecision, searchDecisions, type DecisionDraft } from '../../src/domain/decisions';
import { dataProperties } from '../../src/storage/decisionRepository';

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
    expect(decisionsCsv([d]).split('\r\n')[1]).toBe(`LGS 2026:1;2026-12-08;beslut;fattat i enighet;'\t=cmd;"a\rb";;m1;nej;;1;nej;2026-12-08T15:00:00Z`);
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
