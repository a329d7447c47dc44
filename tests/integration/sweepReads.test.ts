import type { Decision } from '../../src/domain/decisions';
import type { Meeting } from '../../src/domain/meetings';
import { DecisionTableRepository } from '../../src/storage/decisionRepository';
import { GroupStateTableRepository } from '../../src/storage/groupStateRepository';
import { TableStore } from '../../src/storage/tables';
import { randomPrefix, testConnection } from '../helpers/testBot';

let store: TableStore;
let decisions: DecisionTableRepository;
let state: GroupStateTableRepository;

beforeAll(async () => {
  store = new TableStore(testConnection(), randomPrefix());
  await store.ensureTables();
  decisions = new DecisionTableRepository(store);
  state = new GroupStateTableRepository(store);
});
afterAll(async () => store.dropTables());

const decision = (seq: number, over: Partial<Decision> = {}): Decision => ({
  org: 'org1',
  group: 'lgs',
  year: 2026,
  seq,
  number: `LGS 2026:${seq}`,
  date: '2026-03-10',
  kind: 'beslut',
  outcome: 'enighet',
  title: `Beslut ${seq}`,
  text: 'Gruppen beslutar enligt förslaget.',
  rationale: '',
  meetingId: null,
  itemId: null,
  absentInputAtHand: false,
  links: [],
  dissent: null,
  forankring: [
    { holder: 'kommun', status: 'pending', doneOn: null, reference: null },
    { holder: 'region', status: 'pending', doneOn: null, reference: null },
  ],
  recordedBy: 'test',
  recordedAt: '2026-03-10T12:00:00Z',
  version: 1,
  correctedBy: null,
  retracted: null,
  ...over,
});

describe("the sweep's windowed reads", () => {
  it('keeps only pending förankring in the open index: done and retracted ones leave it', async () => {
    for (const seq of [1, 2, 3]) await decisions.record('org1', 'lgs', 2026, () => decision(seq), `form-${seq}`);
    const open = async () => (await decisions.openForankring('org1')).map((f) => `${f.number}:${f.holder}:${f.date}`).sort();
    expect(await open()).toEqual([
      'LGS 2026:1:kommun:2026-03-10',
      'LGS 2026:1:region:2026-03-10',
      'LGS 2026:2:kommun:2026-03-10',
      'LGS 2026:2:region:2026-03-10',
      'LGS 2026:3:kommun:2026-03-10',
      'LGS 2026:3:region:2026-03-10',
    ]);
    const one = (await decisions.get('org1', 'lgs', 2026, 1))!;
    const done = {
      ...one.decision,
      version: 2,
      forankring: one.decision.forankring.map((f) => (f.holder === 'kommun' ? { ...f, status: 'done' as const, doneOn: '2026-04-01' } : f)),
    };
    expect((await decisions.saveVersion(done, one.etag)).ok).toBe(true);
    const two = (await decisions.get('org1', 'lgs', 2026, 2))!;
    expect((await decisions.saveVersion({ ...two.decision, version: 2, retracted: { by: 'test', at: '2026-04-02T00:00:00Z', reason: 'fel' } }, two.etag)).ok).toBe(true);
    expect(await open()).toEqual(['LGS 2026:1:region:2026-03-10', 'LGS 2026:3:kommun:2026-03-10', 'LGS 2026:3:region:2026-03-10']);
  });

  it('puts förankring recorded before the open index into it at start-up', async () => {
    // As stored before the index existed: the decision and the holder index only.
    await store.table('Forankring').deleteEntity('~open|org1', 'lgs|2026|0003|kommun');
    expect((await decisions.openForankring('org1')).filter((f) => f.seq === 3).map((f) => f.holder)).toEqual(['region']);
    expect(await decisions.reindexOpenForankring('org1', ['kommun', 'region'])).toBe(3);
    expect((await decisions.openForankring('org1')).map((f) => `${f.seq}:${f.holder}`).sort()).toEqual(['1:region', '3:kommun', '3:region']);
  });

  it('reads the meetings in a window and the terms in force, not the history', async () => {
    const meeting = (date: string): Meeting => ({
      id: `m-${date}`,
      org: 'org2',
      group: 'lgs',
      date,
      startsAt: `${date}T08:00:00Z`,
      title: 'Möte',
      cancelled: false,
      place: '',
      agenda: [],
      revision: 0,
      status: 'held',
      cutoffHours: 24,
      posted: null,
      summaries: {},
      createdBy: 'test',
    });
    for (const date of ['2016-03-01', '2020-03-01', '2025-12-31', '2026-01-01', '2026-06-01', '2026-12-31', '2027-01-01']) await state.saveMeeting(meeting(date));
    expect((await state.meetingsBetween('org2', '2026-01-01', '2026-12-31')).map((m) => m.date).sort()).toEqual(['2026-01-01', '2026-06-01', '2026-12-31']);
    await state.saveMember('org2', 'lgs', { aadObjectId: '00000000-0000-4000-8000-000000000001', displayName: 'Ledamot', party: null, roles: ['member'] });
    const before = store.counter.count;
    const groups = await state.currentGroups('org2', '2026-09-15');
    expect(store.counter.count - before).toBe(1);
    expect(groups.get('lgs')).toMatchObject({ meetings: [], members: [{ displayName: 'Ledamot', roles: ['member'] }] });
  });
});
