import { confirmForankring, openCorrection, pendingForankring, retractInGroup, submitCorrection } from '../../src/app/decisionChanges';
import { listDecisions, openDecisionForm, recordFromForm } from '../../src/app/decisions';
import { exportLinks } from '../../src/app/exportDecisions';
import type { DecisionDraft } from '../../src/domain/decisions';
import { LGS_MEETING, lgsPorts, lgsUser, PEOPLE } from '../helpers/decisionPorts';

/** The decision use cases with in-memory ports: what the Teams layer gets back, and what is stored. */

const now = new Date('2026-12-08T15:00:00Z');
const lead = { user: lgsUser(PEOPLE.processLeader, ['member', 'processLeader']), now };
const member = { user: lgsUser(PEOPLE.member, ['member']), now };
const outsider = { user: lgsUser(PEOPLE.outsider, []), now };

const draft = (over: Partial<DecisionDraft> = {}): DecisionDraft => ({
  date: '2026-12-08',
  kind: 'beslut',
  consensus: true,
  outcome: 'enighet',
  title: 'Årsrapport 2026',
  text: 'LGS fastställer årsrapporten.',
  rationale: '',
  meetingId: LGS_MEETING.id,
  itemId: 'p1-abcd',
  absentInputAtHand: false,
  links: [],
  forankring: ['kommun'],
  ...over,
});

const record = (ports: ReturnType<typeof lgsPorts>, over: Partial<DecisionDraft> = {}, formKey = '0123456789abcdef', who = lead) =>
  recordFromForm({ org: 'goteborgsomradet', group: 'lgs', formKey, draft: draft(over) }, who, ports);

describe('recording a decision from the form', () => {
  it('numbers the decision in the group and year, and a replayed form records nothing new', async () => {
    const ports = lgsPorts();
    const first = await record(ports);
    const again = await record(ports);
    expect(first.ok && [first.value.decision.number, first.value.replayed]).toEqual(['LGS 2026:1', false]);
    expect(again.ok && [again.value.decision.number, again.value.replayed]).toEqual(['LGS 2026:1', true]);
    expect((await ports.decisions.list('goteborgsomradet', 'lgs')).length).toBe(1);
  });

  it('refuses a holder that is neither a principal nor a party of the organisation, and stores nothing', async () => {
    const ports = lgsPorts();
    expect(await record(ports, { forankring: ['kommun', 'okand-part'] })).toEqual({ ok: false, code: 'unknown-holder' });
    expect(await ports.decisions.list('goteborgsomradet', 'lgs')).toEqual([]);
  });

  it('names the group when a member may not record, and an unknown group by its id', async () => {
    const ports = lgsPorts();
    const refused = await record(ports, {}, '0123456789abcdef', member);
    expect(!refused.ok && refused.code === 'not-allowed' && refused.group.shortName).toBe('LGS');
    expect(await recordFromForm({ org: 'goteborgsomradet', group: 'finns-inte', formKey: '0123456789abcdef', draft: draft() }, lead, ports)).toEqual({
      ok: false,
      code: 'unknown-group',
      group: 'finns-inte',
    });
  });

  it('queues a matter sent back by its structured reference, not by a text', async () => {
    const ports = lgsPorts();
    await record(ports, { consensus: false, outcome: 'återremitterat', forankring: [], title: 'Rutin för SIP' });
    expect(await ports.decisions.queue('goteborgsomradet', 'lgs')).toEqual([{ title: 'Rutin för SIP', origin: { kind: 'sent-back', decision: { year: 2026, seq: 1 } } }]);
  });
});

describe('listing and the record form', () => {
  it('finds the group in the first words and searches with the rest; only leads may record', async () => {
    const ports = lgsPorts();
    await record(ports, { title: 'Rutin för SIP' }, '1111111111111111');
    await record(ports, { title: 'Årsrapport' }, '2222222222222222');
    const forLead = await listDecisions(['LGS', 'sip'], lead, ports);
    const forMember = await listDecisions(['LGS'], member, ports);
    expect(forLead.ok && [forLead.value.decisions.map((d) => d.title), forLead.value.canRecord, forLead.value.cut]).toEqual([['Rutin för SIP'], true, false]);
    expect(forMember.ok && [forMember.value.decisions.length, forMember.value.canRecord]).toEqual([2, false]);
    expect(await listDecisions(['Ingen', 'sådan', 'grupp'], lead, ports)).toEqual({ ok: false, code: 'group-not-found' });
  });

  it('opens the form for a meeting with the date in the organisation and a fresh form key', async () => {
    const ports = lgsPorts();
    const form = await openDecisionForm({ meetingRef: `goteborgsomradet/lgs/${LGS_MEETING.id}` }, { ...lead, now: new Date('2026-12-08T23:30:00Z') }, ports);
    expect(form.ok && [form.value.meeting?.id, form.value.today, /^[0-9a-f]{16}$/.test(form.value.formKey)]).toEqual([LGS_MEETING.id, '2026-12-09', true]);
    expect(await openDecisionForm({ meetingRef: 'goteborgsomradet/lgs/2026-01-01-ffffffff' }, lead, ports)).toEqual({ ok: false, code: 'unknown-meeting' });
    const refused = await openDecisionForm({ groupQuery: 'LGS' }, member, ports);
    expect(!refused.ok && refused.code).toBe('not-allowed');
  });
});

describe('förankring, corrections and retraction', () => {
  it('marks förankring done once; a malformed number on the card is a bad card', async () => {
    const ports = lgsPorts();
    await record(ports);
    const target = { org: 'goteborgsomradet', group: 'lgs', number: '2026:1', holder: 'kommun' };
    const done = await confirmForankring(target, lead, ports);
    expect(done.ok && done.value.forankring).toEqual([{ holder: 'kommun', status: 'done', doneOn: '2026-12-08', reference: '' }]);
    expect(await confirmForankring(target, lead, ports)).toEqual({ ok: false, code: 'already-done' });
    expect(await confirmForankring({ ...target, number: 'x' }, lead, ports)).toEqual({ ok: false, code: 'bad-card' });
  });

  it('corrects as a new version only with the ETag the form was built from', async () => {
    const ports = lgsPorts();
    await record(ports);
    const opened = await openCorrection({ groupQuery: 'LGS', number: '2026:1' }, lead, ports);
    if (!opened.ok) throw new Error(opened.code);
    const changes = { title: 'Årsrapport 2026 (rättad)', text: 'LGS fastställer den rättade årsrapporten.', rationale: '' };
    const corrected = await submitCorrection({ org: 'goteborgsomradet', group: 'lgs', number: '2026:1', etag: opened.value.etag }, changes, lead, ports);
    expect(corrected.ok && [corrected.value.version, corrected.value.title]).toEqual([2, 'Årsrapport 2026 (rättad)']);
    expect(await submitCorrection({ org: 'goteborgsomradet', group: 'lgs', number: '2026:1', etag: opened.value.etag }, changes, lead, ports)).toEqual({
      ok: false,
      code: 'conflict',
    });
  });

  it('retracts with a reason; a retracted decision cannot be opened for correction', async () => {
    const ports = lgsPorts();
    await record(ports);
    const retracted = await retractInGroup({ groupQuery: 'LGS', number: '2026:1', reason: 'Fel möte' }, lead, ports);
    expect(retracted.ok && retracted.value.retracted?.reason).toBe('Fel möte');
    expect(await openCorrection({ groupQuery: 'LGS', number: '2026:1' }, lead, ports)).toEqual({ ok: false, code: 'retracted' });
    expect(await retractInGroup({ groupQuery: 'Ingen grupp', number: '2026:1', reason: 'x' }, lead, ports)).toEqual({ ok: false, code: 'bad-target' });
  });

  it('lists what waits for a principal by id or by its name in the reader language', async () => {
    const ports = lgsPorts();
    await record(ports, { title: 'Rutin för SIP' });
    const byName = await pendingForankring('Municipality', 'en', lead.user, ports);
    expect(byName.ok && [byName.value.holder, byName.value.pending]).toEqual([{ sv: 'Kommun', en: 'Municipality' }, [{ number: 'LGS 2026:1', title: 'Rutin för SIP' }]]);
    expect(await pendingForankring('Municipality', 'sv', lead.user, ports)).toEqual({ ok: false, code: 'unknown-holder' });
  });
});

describe('export links', () => {
  it('gives a lead the export token, and refuses rotation to anyone but an admin', async () => {
    const ports = lgsPorts();
    const link = await exportLinks({ groupQuery: 'LGS', rotate: false }, lead, ports);
    expect(link.ok && [link.value.token, link.value.rotated]).toEqual(['export-goteborgsomradet-lgs-0', false]);
    expect(await exportLinks({ groupQuery: 'LGS', rotate: true }, lead, ports)).toEqual({ ok: false, code: 'not-allowed', rotate: true });
    expect(await exportLinks({ groupQuery: 'LGS', rotate: false }, outsider, ports)).toEqual({ ok: false, code: 'not-allowed', rotate: false });
    expect(ports.calendarTokens.rotations).toBe(0);
  });
});
