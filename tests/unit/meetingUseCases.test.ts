import { groupMeetings, meetingBrief } from '../../src/app/brief';
import { submitClose } from '../../src/app/closeMeeting';
import { leadForm, newMeetingForm } from '../../src/app/meetingForms';
import { answerFromCard, ownInputCard, submitWrittenInput } from '../../src/app/meetingInput';
import type { MeetingForm } from '../../src/app/meetings';
import { publishMeeting } from '../../src/app/publishMeeting';
import type { Meeting, SentBack } from '../../src/domain/meetings';
import { fail, ok } from '../../src/domain/result';
import { conversation, lgsUser, meetingPorts } from '../helpers/meetingPorts';

/**
 * The meeting use cases (src/app/meetingForms.ts, publishMeeting.ts, meetingInput.ts, brief.ts,
 * closeMeeting.ts) against in-memory ports: who may do what, what is written, what comes back.
 */

const NOW = new Date('2026-12-01T10:00:00.000Z');
const PL = lgsUser('pl', ['member', 'processLeader']);
const MEMBER = lgsUser('anna', ['member']);
const STRANGER = lgsUser('x', []);
const REF = { org: 'goteborgsomradet', group: 'lgs', meetingId: '2026-12-08-0a1b2c3d' };
const CHANNEL = conversation('19:lgs@thread.tacv2', 'channel');
const ANNA_CHAT = conversation('a:anna', 'personal');

function meeting(over: Partial<Meeting> = {}): Meeting {
  return {
    id: REF.meetingId,
    org: 'goteborgsomradet',
    group: 'lgs',
    date: '2026-12-08',
    startsAt: '2026-12-08T12:00:00.000Z',
    title: 'LGS',
    cancelled: false,
    place: 'Teams',
    revision: 0,
    status: 'planned',
    cutoffHours: 24,
    posted: null,
    summaries: {},
    createdBy: 'pl',
    agenda: [
      { id: 'p1-aaaa', title: 'Budget', kind: 'beslut', presenter: 'PL', minutes: 15, documents: [], source: null, withdrawn: false },
      { id: 'p2-bbbb', title: 'SIP', kind: 'information', presenter: 'PL', minutes: 10, documents: [], source: null, withdrawn: false },
    ],
    ...over,
  };
}

const sentBack = (seq: number): SentBack => ({ kind: 'sent-back', decision: { year: 2026, seq } });
const form = (over: Partial<MeetingForm> = {}, origins: (SentBack | undefined)[] = []): MeetingForm => ({
  date: '2026-12-08',
  time: '13:00',
  place: 'Teams',
  cutoffHours: 24,
  items: [
    { title: 'Budget', kind: 'beslut', presenter: 'PL', minutes: 15, doc: '', source: '', origin: origins[0] ?? null, withdrawn: false },
    { title: 'SIP', kind: 'information', presenter: 'PL', minutes: 10, doc: '', source: '', origin: origins[1] ?? null, withdrawn: false },
  ],
  ...over,
});

const members = [
  { aadObjectId: 'pl', displayName: 'Petra Ledare', party: null, roles: ['member', 'processLeader'] as const },
  { aadObjectId: 'anna', displayName: 'Anna Ek', party: null, roles: ['member'] as const },
];

describe('the new-meeting form', () => {
  it('records a form key for a lead and offers the matters sent back', async () => {
    const queued = [{ title: 'Rutin för SIP', origin: sentBack(2) }];
    const { ports } = meetingPorts({ queue: queued });
    const r = await newMeetingForm('LGS', { user: PL, now: NOW }, ports);
    if (!r.ok) throw new Error(r.code);
    expect(r.value.group.id).toBe('lgs');
    expect(r.value.formKey).toMatch(/^[0-9a-f]{24}$/);
    expect(r.value.queued).toEqual(queued);
  });

  it('is refused to a member who does not lead, naming the group', async () => {
    const r = await newMeetingForm('LGS', { user: MEMBER, now: NOW }, meetingPorts().ports);
    expect(!r.ok && r.code === 'not-lead' && r.group.shortName).toBe('LGS');
  });

  it('names a group nobody knows', async () => {
    expect(await newMeetingForm(' ingen sådan ', { user: PL, now: NOW }, meetingPorts().ports)).toEqual(fail('group-not-found', { query: 'ingen sådan' }));
  });
});

describe('the revise and close forms', () => {
  it('the revise form for a lead returns the meeting and its version', async () => {
    const { ports, seed } = meetingPorts();
    const version = seed(meeting());
    const r = await leadForm('revise', REF, { user: PL, now: NOW }, ports);
    expect(r.ok && [r.value.meeting.id, r.value.version]).toEqual([REF.meetingId, version]);
  });

  it('the close form only once the meeting has started', async () => {
    const { ports, seed } = meetingPorts();
    seed(meeting());
    expect(await leadForm('close', REF, { user: PL, now: NOW }, ports)).toEqual(fail('not-started'));
    expect((await leadForm('close', REF, { user: PL, now: new Date('2026-12-08T12:00:00.000Z') }, ports)).ok).toBe(true);
  });

  it('a member who does not lead, an unknown meeting and a malformed id are refused', async () => {
    const { ports, seed } = meetingPorts();
    seed(meeting());
    const r = await leadForm('revise', REF, { user: MEMBER, now: NOW }, ports);
    expect(!r.ok && r.code).toBe('not-lead');
    expect(await leadForm('revise', { ...REF, meetingId: '2026-12-09-ffffffff' }, { user: PL, now: NOW }, ports)).toEqual(fail('unknown-meeting'));
    expect(await leadForm('revise', { ...REF, meetingId: '../x' }, { user: PL, now: NOW }, ports)).toEqual(fail('unknown-meeting'));
  });
});

describe('publishing a meeting', () => {
  async function created(opts: Parameters<typeof meetingPorts>[0], origins: (SentBack | undefined)[] = []) {
    const fake = meetingPorts(opts);
    const shown = await newMeetingForm('LGS', { user: PL, now: NOW }, fake.ports);
    if (!shown.ok) throw new Error(shown.code);
    const target = { org: 'goteborgsomradet', group: 'lgs', meetingId: null, version: null, formKey: shown.value.formKey };
    const r = await publishMeeting(form({}, origins), target, { user: PL, now: NOW }, fake.ports);
    return { ...fake, r, target };
  }

  it('posts the agenda in the linked channel and keeps the card id for revisions', async () => {
    const { r, board, stored } = await created({ channel: CHANNEL });
    if (!r.ok) throw new Error(r.code);
    expect(r.value.published).toMatchObject({ kind: 'created', channel: 'posted', counts: { attending: 0, absent: 0 } });
    expect(board.posted.map((p) => [p.channel.conversationId, p.meeting.agenda.map((i) => i.title)])).toEqual([['19:lgs@thread.tacv2', ['Budget', 'SIP']]]);
    const saved = stored({ org: 'goteborgsomradet', group: 'lgs', id: r.value.published.meeting.id });
    expect(saved?.meeting.posted).toEqual({ conversationId: '19:lgs@thread.tacv2', activityId: 'activity-1' });
  });

  it('without a linked channel the meeting is created and nothing is posted', async () => {
    const { r, board } = await created({ channel: null });
    expect(r.ok && r.value.published.kind === 'created' && r.value.published.channel).toBe('none');
    expect(board.posted).toEqual([]);
  });

  it('a matter sent back leaves the queue when its reference is on the new agenda; others stay', async () => {
    const queue = [
      { title: 'Rutin för SIP', origin: sentBack(2) },
      { title: 'Budget', origin: sentBack(5) },
    ];
    const { r, dequeued, queue: left } = await created({ queue }, [undefined, sentBack(2)]);
    expect(r.ok).toBe(true);
    expect(dequeued).toEqual(['2026:2']);
    expect(left.map((q) => q.origin.decision.seq)).toEqual([5]);
  });

  it('a replayed form creates one meeting', async () => {
    const { ports, target } = await created({});
    expect(await publishMeeting(form(), target, { user: PL, now: NOW }, ports)).toEqual(fail('already-created'));
  });

  it('a revision updates the posted card with what changed; an unchanged form is reported as such', async () => {
    const fake = meetingPorts({ channel: CHANNEL });
    const version = fake.seed(meeting({ posted: { conversationId: CHANNEL.conversationId, activityId: 'act-7' } }));
    const target = { org: 'goteborgsomradet', group: 'lgs', meetingId: REF.meetingId, version, formKey: null };
    const unchanged = await publishMeeting(form(), target, { user: PL, now: NOW }, fake.ports);
    expect(unchanged.ok && unchanged.value.published.kind).toBe('unchanged');
    const current = fake.stored({ org: 'goteborgsomradet', group: 'lgs', id: REF.meetingId });
    const revised = await publishMeeting(form({ place: 'Rådhuset' }), { ...target, version: current?.version ?? '' }, { user: PL, now: NOW }, fake.ports);
    expect(revised.ok && revised.value.published.kind).toBe('revised');
    expect(fake.board.updated).toEqual([{ activityId: 'act-7', changes: [{ kind: 'place', from: 'Teams', to: 'Rådhuset' }] }]);
  });

  it('a revision from a stale form is a conflict; a member may not revise', async () => {
    const fake = meetingPorts();
    fake.seed(meeting());
    const target = { org: 'goteborgsomradet', group: 'lgs', meetingId: REF.meetingId, version: 'v0', formKey: null };
    expect(await publishMeeting(form({ place: 'Rådhuset' }), target, { user: PL, now: NOW }, fake.ports)).toEqual(fail('conflict'));
    const r = await publishMeeting(form(), target, { user: MEMBER, now: NOW }, fake.ports);
    expect(!r.ok && r.code === 'not-lead' && r.group.id).toBe('lgs');
  });

  it('an unknown organisation or group is named', async () => {
    const target = { org: 'goteborgsomradet', group: 'ingen', meetingId: null, version: null, formKey: null };
    expect(await publishMeeting(form(), target, { user: PL, now: NOW }, meetingPorts().ports)).toEqual(fail('group-not-found', { query: 'ingen' }));
  });
});

describe('answers and written input', () => {
  it('förhinder returns the counts and sends the member their own input only', async () => {
    const fake = meetingPorts({ personal: { anna: ANNA_CHAT } });
    fake.seed(meeting());
    const key = { org: 'goteborgsomradet', group: 'lgs', id: REF.meetingId };
    await fake.ports.meetingInputs.saveInputs(key, [
      { author: 'anna', item: 'p1-aaaa', text: 'Min', at: NOW.toISOString() },
      { author: 'bo', item: 'p1-aaaa', text: 'Hans', at: NOW.toISOString() },
    ]);
    const r = await answerFromCard('absent', REF, { user: MEMBER, now: NOW }, fake.ports);
    if (!r.ok) throw new Error(r.code);
    expect(r.value.counts).toEqual({ attending: 0, absent: 1 });
    expect(r.value.inputCard?.personal).toBe(ANNA_CHAT);
    expect(r.value.inputCard?.mine.map((i) => i.text)).toEqual(['Min']);
  });

  it('attending sends no input card; a stranger and a started meeting are refused', async () => {
    const fake = meetingPorts();
    fake.seed(meeting());
    const r = await answerFromCard('attending', REF, { user: MEMBER, now: NOW }, fake.ports);
    expect(r.ok && [r.value.counts, r.value.inputCard]).toEqual([{ attending: 1, absent: 0 }, null]);
    const stranger = await answerFromCard('attending', REF, { user: STRANGER, now: NOW }, fake.ports);
    expect(!stranger.ok && stranger.code).toBe('not-member');
    expect(await answerFromCard('absent', REF, { user: MEMBER, now: new Date('2026-12-08T12:00:00.000Z') }, fake.ports)).toEqual(fail('started'));
    expect(fake.answersOf({ org: 'goteborgsomradet', group: 'lgs', id: REF.meetingId }).map((a) => [a.member, a.attendance])).toEqual([['anna', 'attending']]);
  });

  it('the input card goes to the personal chat: here, there, or nowhere', async () => {
    const fake = meetingPorts({ personal: { anna: ANNA_CHAT } });
    fake.seed(meeting());
    const here = await ownInputCard(REF, { user: MEMBER, now: NOW, scope: 'personal' }, fake.ports);
    expect(here.ok && here.value.destination).toEqual({ kind: 'here' });
    const there = await ownInputCard(REF, { user: MEMBER, now: NOW, scope: 'channel' }, fake.ports);
    expect(there.ok && there.value.destination).toEqual({ kind: 'personal', ref: ANNA_CHAT });
    const bo = lgsUser('bo', ['member']);
    expect(await ownInputCard(REF, { user: bo, now: NOW, scope: 'groupChat' }, fake.ports)).toEqual(fail('no-personal-chat'));
    const stranger = await ownInputCard(REF, { user: STRANGER, now: NOW, scope: 'channel' }, fake.ports);
    expect(!stranger.ok && stranger.code).toBe('not-member');
  });

  it('input is saved per item until the cut-off; only changed items are written', async () => {
    const fake = meetingPorts();
    fake.seed(meeting());
    const key = { org: 'goteborgsomradet', group: 'lgs', id: REF.meetingId };
    const texts = (t: Record<string, string>) => () => ok(t);
    const first = await submitWrittenInput(REF, texts({ 'p1-aaaa': ' Ja ', general: '' }), { user: MEMBER, now: NOW }, fake.ports);
    expect(first.ok && [first.value.saved, first.value.cutoff.toISOString()]).toEqual([1, '2026-12-07T12:00:00.000Z']);
    const again = await submitWrittenInput(REF, texts({ 'p1-aaaa': 'Ja', 'p2-bbbb': 'Nej' }), { user: MEMBER, now: NOW }, fake.ports);
    expect(again.ok && again.value.saved).toBe(1);
    expect(fake.inputsOf(key).map((i) => [i.item, i.text])).toEqual([
      ['p1-aaaa', 'Ja'],
      ['p2-bbbb', 'Nej'],
    ]);
    const late = await submitWrittenInput(REF, texts({ 'p1-aaaa': 'Sent' }), { user: MEMBER, now: new Date('2026-12-07T12:00:00.000Z') }, fake.ports);
    expect(!late.ok && late.code === 'cutoff-passed' && late.cutoff.toISOString()).toBe('2026-12-07T12:00:00.000Z');
    expect(await submitWrittenInput(REF, texts({ 'p9-zzzz': 'x' }), { user: MEMBER, now: NOW }, fake.ports)).toEqual(fail('unknown-item'));
  });

  it('a field refused by the parser is returned as it is, and nothing is written', async () => {
    const fake = meetingPorts();
    fake.seed(meeting());
    const refused = fail('bad-field', { problem: 'too long' });
    expect(await submitWrittenInput(REF, () => refused, { user: MEMBER, now: NOW }, fake.ports)).toBe(refused);
    expect(fake.inputsOf({ org: 'goteborgsomradet', group: 'lgs', id: REF.meetingId })).toEqual([]);
  });
});

describe('the brief and the list of meetings', () => {
  it('the brief is for the leads, in their personal chat', async () => {
    const fake = meetingPorts({ members, personal: { pl: conversation('a:pl', 'personal') } });
    fake.seed(meeting());
    const key = { org: 'goteborgsomradet', group: 'lgs', id: REF.meetingId };
    await fake.ports.meetingInputs.saveAnswer(key, { member: 'anna', attendance: 'absent', at: NOW.toISOString() });
    await fake.ports.meetingInputs.saveInputs(key, [{ author: 'anna', item: 'p1-aaaa', text: 'Ja', at: NOW.toISOString() }]);
    const r = await meetingBrief(REF, { user: PL, now: NOW, scope: 'channel', locale: 'sv' }, fake.ports);
    if (!r.ok) throw new Error(r.code);
    expect(r.value.destination).toEqual({ kind: 'personal', ref: conversation('a:pl', 'personal') });
    expect(r.value.brief.perItem[0]?.inputs).toEqual([{ author: 'Anna Ek', text: 'Ja' }]);
    expect(r.value.brief.absentWithInput).toEqual(['Anna Ek']);
    const member = await meetingBrief(REF, { user: MEMBER, now: NOW, scope: 'personal', locale: 'sv' }, fake.ports);
    expect(!member.ok && member.code).toBe('not-input-reader');
  });

  it('shows the latest past meeting and the next three, in order, with what the person may do', async () => {
    const fake = meetingPorts({ members });
    const days = ['2026-11-03', '2026-11-24', '2026-12-08', '2027-01-12', '2027-02-09', '2027-03-09'];
    for (const [i, d] of days.entries()) fake.seed(meeting({ id: `${d}-0000000${i}`, date: d, startsAt: `${d}T12:00:00.000Z` }));
    const r = await groupMeetings('', { user: MEMBER, now: NOW, locale: 'sv' }, fake.ports);
    if (!r.ok) throw new Error(r.code);
    expect(r.value.meetings.map((m) => m.meeting.date)).toEqual(['2026-11-24', '2026-12-08', '2027-01-12', '2027-02-09']);
    expect(r.value.rights).toEqual({ lead: false, brief: false, member: true });
    const lead = await groupMeetings('LGS', { user: PL, now: NOW, locale: 'sv' }, fake.ports);
    expect(lead.ok && lead.value.rights).toEqual({ lead: true, brief: true, member: true });
  });

  it('no group, no meetings', async () => {
    expect(await groupMeetings('', { user: STRANGER, now: NOW, locale: 'sv' }, meetingPorts().ports)).toEqual(fail('no-group'));
    expect(await groupMeetings('LGS', { user: MEMBER, now: NOW, locale: 'sv' }, meetingPorts().ports)).toEqual(fail('no-meetings'));
  });
});

describe('closing a meeting', () => {
  const summaries = () => ok({ summaries: { 'p1-aaaa': 'Beslutat' }, present: null });
  const STARTED = new Date('2026-12-08T13:00:00.000Z');

  it('marks it held with the summaries (items not submitted keep theirs) and counts förhinder', async () => {
    const fake = meetingPorts({ members: [...members] });
    const version = fake.seed(meeting({ summaries: { 'p2-bbbb': 'Informerat' } }));
    await fake.ports.meetingInputs.saveAnswer(
      { org: 'goteborgsomradet', group: 'lgs', id: REF.meetingId },
      { member: 'anna', attendance: 'absent', at: NOW.toISOString() },
    );
    const r = await submitClose(REF, version, summaries, { user: PL, now: STARTED }, fake.ports);
    expect(r.ok && r.value.absent).toBe(1);
    const saved = fake.stored({ org: 'goteborgsomradet', group: 'lgs', id: REF.meetingId })?.meeting;
    expect([saved?.status, saved?.summaries]).toEqual(['held', { 'p1-aaaa': 'Beslutat', 'p2-bbbb': 'Informerat' }]);
  });

  it('not before the start, not by a member, not from a stale form', async () => {
    const fake = meetingPorts();
    const version = fake.seed(meeting());
    expect(await submitClose(REF, version, summaries, { user: PL, now: NOW }, fake.ports)).toEqual(fail('not-started'));
    const member = await submitClose(REF, version, summaries, { user: MEMBER, now: STARTED }, fake.ports);
    expect(!member.ok && member.code).toBe('not-lead');
    expect(await submitClose(REF, 'v-old', summaries, { user: PL, now: STARTED }, fake.ports)).toEqual(fail('conflict'));
    expect(fake.written).toEqual([]);
  });
});
