import { checkDraft, completeForankring, correctDecision, newDecision, requeue, retractDecision, searchDecisions, type DecisionDraft } from '../../src/domain/decisions';
import { approve, draftMinutes, editNotes, publish, returnMinutes, sendForJustering } from '../../src/domain/minutes';
import { agendaItem, buildMeeting } from '../helpers/meetings';

const draft = (over: Partial<DecisionDraft> = {}): DecisionDraft => ({
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
  forankring: ['kommun'],
  ...over,
});
const at = { org: 'o', group: 'lgs', shortName: 'LGS', year: 2026, seq: 14, by: 'u1', now: '2026-12-08T15:00:00Z' };

describe('decision rules', () => {
  it.each([
    ['consensus and decided', draft(), null],
    ['consensus and noted', draft({ kind: 'ställningstagande', outcome: 'antecknat', forankring: [] }), null],
    ['no consensus but decided', draft({ consensus: false }), 'no-consensus-outcome'],
    ['no consensus, sent back', draft({ consensus: false, outcome: 'återremitterat', forankring: [] }), null],
    ['no consensus, struck', draft({ consensus: false, outcome: 'struket', forankring: [] }), null],
    ['consensus but struck', draft({ outcome: 'struket', forankring: [] }), 'consensus-outcome'],
    // Was refused ('forankring-on-closed-matter'); the form now starts with every principal ticked (000), so it is dropped instead.
    ['sent back with förankring', draft({ consensus: false, outcome: 'återremitterat' }), null],
    ['chair decision in a meeting', draft({ kind: 'ordförandebeslut' }), 'chair-decision-in-meeting'],
    ['chair decision between meetings', draft({ kind: 'ordförandebeslut', meetingId: null, itemId: null }), null],
    ['meeting decision without meeting', draft({ meetingId: null }), 'meeting-decision-without-meeting'],
    ['empty text', draft({ text: '  ' }), 'empty-text'],
  ])('%s', (_n, d, problem) => {
    const r = checkDraft(d);
    expect(r.ok ? null : r.code).toBe(problem);
  });

  it('a sent-back matter keeps no förankring even when the form had principals ticked', () => {
    const r = checkDraft(draft({ consensus: false, outcome: 'återremitterat', forankring: ['kommun', 'region'] }));
    expect(r.ok ? r.value.forankring : r.code).toEqual([]);
  });

  it('numbers as "LGS 2026:14", keeps versions on correction, never deletes on retraction', () => {
    const d = newDecision(draft(), at);
    expect([d.number, d.version, d.forankring]).toEqual(['LGS 2026:14', 1, [{ holder: 'kommun', status: 'pending', doneOn: null, reference: null }]]);
    const c = correctDecision(d, { text: 'Ny text' }, 'u2', 'later');
    expect(c.ok && [c.value.version, c.value.text, c.value.correctedBy]).toEqual([2, 'Ny text', 'u2']);
    const r = retractDecision(d, 'Felregistrerat', 'u2', 'later');
    expect(r.ok && [r.value.version, r.value.retracted?.reason, r.value.text]).toEqual([2, 'Felregistrerat', 'Text']);
    const again = r.ok ? correctDecision(r.value, { text: 'x' }, 'u', 'n') : null;
    expect(again && !again.ok && again.code).toBe('retracted');
  });

  it('completes förankring once per principal', () => {
    const d = newDecision(draft({ forankring: ['kommun', 'region'] }), at);
    const done = completeForankring(d, 'kommun', '2027-01-10', 'KS 2027/12', 'n', 'u');
    expect(done.ok && done.value.forankring.map((f) => `${f.holder}:${f.status}:${f.doneOn}:${f.reference}`)).toEqual([
      'kommun:done:2027-01-10:KS 2027/12',
      'region:pending:null:null',
    ]);
    const twice = done.ok ? completeForankring(done.value, 'kommun', '2027-01-11', '', 'n', 'u') : null;
    expect(twice && !twice.ok && twice.code).toBe('already-done');
    const other = completeForankring(d, 'partille', '2027-01-10', '', 'n', 'u');
    expect(!other.ok && other.code).toBe('not-required');
  });

  it('puts a sent-back matter back in the queue with its history, not a struck one', () => {
    expect(requeue(newDecision(draft({ consensus: false, outcome: 'återremitterat', forankring: [], title: 'SIP-rutin' }), at))).toEqual({
      title: 'SIP-rutin',
      origin: { kind: 'sent-back', decision: { year: 2026, seq: 14 } },
    });
    expect(requeue(newDecision(draft({ consensus: false, outcome: 'struket', forankring: [] }), at))).toBeNull();
  });

  it('searches all words, case-insensitively, and by year, newest first', () => {
    const a = newDecision(draft({ title: 'Årsrapport', text: 'fastställs' }), { ...at, seq: 1 });
    const b = newDecision(draft({ title: 'Handlingsplan', text: 'Årsrapporten bifogas' }), { ...at, seq: 2 });
    const c = newDecision(draft({ title: 'Årsrapport', date: '2025-12-01' }), { ...at, year: 2025, seq: 9 });
    expect(searchDecisions([a, b, c], ['årsrapport'], null).map((d) => d.number)).toEqual(['LGS 2026:2', 'LGS 2026:1', 'LGS 2025:9']);
    expect(searchDecisions([a, b, c], ['ÅRSRAPPORT', 'fastställs'], 2026).map((d) => d.number)).toEqual(['LGS 2026:1']);
  });
});

describe('minutes: justering lock and versions', () => {
  const meeting = buildMeeting({ org: 'o', group: 'lgs', agenda: [agendaItem('i1', { title: 'Punkt' })], summaries: { i1: 'Noterades' } });
  const m0 = draftMinutes(meeting, [], { present: ['a'], absent: ['b'] }, 'pl', ['chair']);

  it('goes draft → sent → approved (locked) → published; a change after approval is a new version', () => {
    expect([m0.status, m0.items[0].notes]).toEqual(['draft', 'Noterades']);
    const sent = sendForJustering(m0);
    const approved = sent.ok ? approve(sent.value, 'chair', '2026-12-10T09:00:00Z') : null;
    expect(approved?.ok && [approved.value.status, approved.value.approvedBy]).toEqual(['approved', 'chair']);
    if (!approved?.ok) throw new Error('unreachable');
    const edit = editNotes(approved.value, { i1: 'Ändrat' }, false);
    expect(!edit.ok && edit.code).toBe('locked');
    const v2 = editNotes(approved.value, { i1: 'Ändrat' }, true);
    expect(v2.ok && [v2.value.version, v2.value.status, v2.value.approvedBy, v2.value.items[0].notes]).toEqual([2, 'draft', null, 'Ändrat']);
    const pub = publish(approved.value, 'https://x');
    expect(pub.ok && [pub.value.status, pub.value.publishedUrl]).toEqual(['published', 'https://x']);
    const again = pub.ok ? publish(pub.value, 'https://y') : null;
    expect(again && !again.ok && again.code).toBe('already-published');
  });

  it('only sent minutes are approved or returned, and a draft cannot be published (who approves is the permission table)', () => {
    const sent = sendForJustering(m0);
    if (!sent.ok) throw new Error('unreachable');
    expect([approve(m0, 'chair', 'x'), publish(m0, 'https://x')].map((r) => (r.ok ? 'ok' : r.code))).toEqual(['not-sent', 'not-approved']);
    const back = returnMinutes(sent.value, 'chair', ' Komplettera punkt 1 ');
    expect(back.ok && [back.value.status, back.value.returnComment]).toEqual(['returned', 'Komplettera punkt 1']);
  });
});
