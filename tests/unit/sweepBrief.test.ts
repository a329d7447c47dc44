import type { MeetingInputRepository } from '../../src/app/ports';
import { CARD_BUDGET_BYTES } from '../../src/cards/adaptive';
import type { GroupCycleState } from '../../src/domain/annualCycle';
import type { Term } from '../../src/domain/chairTerms';
import type { Meeting, WrittenInput } from '../../src/domain/meetings';
import { meetingMessages } from '../../src/scheduler/meetingMessages';
import { GBG } from '../helpers/shippedOrgs';

const CHAIR = '00000000-0000-4000-8000-00000000c001';
const LEADER = '00000000-0000-4000-8000-00000000c002';
const ABSENT = [1, 2, 3, 4].map((i) => `00000000-0000-4000-8000-00000000a00${i}`);

const meeting: Meeting = {
  id: 'm1',
  org: GBG.id,
  group: 'lgs',
  date: '2026-12-03',
  startsAt: '2026-12-03T08:00:00Z',
  title: 'LGS december',
  cancelled: false,
  place: 'Rum 1',
  agenda: Array.from({ length: 8 }, (_, i) => ({
    id: `p${i + 1}`,
    title: `Punkt ${i + 1}`,
    kind: 'diskussion' as const,
    presenter: 'Anna',
    minutes: 10,
    documents: [],
    source: null,
    withdrawn: false,
  })),
  revision: 0,
  status: 'planned',
  cutoffHours: 24,
  posted: null,
  summaries: {},
  createdBy: LEADER,
};

const chairTerm: Term = {
  id: 't1',
  org: GBG.id,
  group: 'lgs',
  role: 'chair',
  holder: { aadObjectId: CHAIR, displayName: 'Ordförande', party: 'goteborg', principal: 'kommun' },
  start: '2026-01-01',
  plannedEnd: '2027-12-31',
  actualEnd: null,
  origin: 'rotation',
  replaces: null,
  exception: null,
  recordedBy: 'test',
  recordedAt: '2026-01-01T00:00:00Z',
};

const record: GroupCycleState = {
  terms: [chairTerm],
  meetings: [meeting],
  members: [
    { aadObjectId: CHAIR, displayName: 'Ordförande', party: null, roles: ['member'] },
    { aadObjectId: LEADER, displayName: 'Processledare', party: null, roles: ['processLeader'] },
    ...ABSENT.map((a, i) => ({ aadObjectId: a, displayName: `Ledamot ${i + 1}`, party: null, roles: ['member' as const] })),
  ],
};

/** Eight items, each with 4,000 characters of written input (two absent members per item). */
const inputs: MeetingInputRepository = {
  load: () =>
    Promise.resolve({
      answers: ABSENT.map((member) => ({ member, attendance: 'absent' as const, at: '2026-11-30T10:00:00Z' })),
      inputs: meeting.agenda.map((item, i): WrittenInput => ({ author: ABSENT[i % 4], item: item.id, text: `${'å'.repeat(3_999)}${i}`, at: '2026-11-30T10:00:00Z' })),
    }),
  saveAnswer: () => Promise.reject(new Error('not used')),
  saveInputs: () => Promise.reject(new Error('not used')),
  history: () => Promise.reject(new Error('not used')),
};

describe('the brief the sweep sends at the cut-off', () => {
  it('goes in parts that each fit a Teams message, with all eight items of 4,000 characters, to the chair and the process leader', async () => {
    const afterCutoff = new Date('2026-12-02T09:00:00Z');
    const out = await meetingMessages([GBG], new Map([[`${GBG.id}|lgs`, record]]), inputs, afterCutoff);
    const briefs = out.filter((o) => o.id.includes('|brief|'));
    const toChair = briefs.filter((b) => b.recipient === CHAIR);
    expect(toChair.length).toBeGreaterThan(1);
    expect(briefs.filter((b) => b.recipient === LEADER)).toHaveLength(toChair.length);
    expect(toChair.map((b) => b.id)).toEqual(toChair.map((_, i) => `${GBG.id}|lgs|meeting:m1|brief|${CHAIR}${i === 0 ? '' : `|part${i + 1}`}`));
    for (const b of briefs) {
      expect(b.channelFallback).toBe(false);
      expect(Buffer.byteLength(JSON.stringify('card' in b.message ? b.message.card : b.message), 'utf8')).toBeLessThanOrEqual(CARD_BUDGET_BYTES);
    }
    const text = JSON.stringify(toChair.map((b) => b.message));
    for (let i = 0; i < 8; i++) expect(text).toContain(`${'å'.repeat(40)}${i}`);
  });
});
