import { createLogger } from '../../src/logger';
import { GroupStateTableRepository } from '../../src/storage/groupStateRepository';
import { MeetingInputTableRepository } from '../../src/storage/meetingInputRepository';
import { TableStore } from '../../src/storage/tables';
import { randomPrefix, testConnection } from '../helpers/testBot';

/** An unreadable row is skipped with one log line that carries ids and the row's kind, never its content. */
let store: TableStore;
const lines: string[] = [];
const logger = createLogger('debug', { write: (l: string) => void lines.push(l) });
const event = (l: string) => {
  const { time: _time, ...rest } = JSON.parse(l) as Record<string, unknown>;
  return rest;
};

beforeAll(async () => {
  store = new TableStore(testConnection(), randomPrefix());
  await store.ensureTables();
});
afterAll(async () => store.dropTables());
beforeEach(() => (lines.length = 0));

describe('tolerant reads', () => {
  it('GroupState: a member row with broken roles and a meeting that is not JSON are skipped and logged without their text', async () => {
    const state = new GroupStateTableRepository(store, logger);
    await store.table('GroupState').createEntity({ partitionKey: 'org', rowKey: 'grp|member|u1', kind: 'member', displayName: 'Anna Hemlig', roles: 'inte json' });
    await store.table('GroupState').createEntity({ partitionKey: 'org', rowKey: 'grp|meeting|m1', kind: 'meeting', date: '2026-12-08', data: '{"place": "Hemligt rum"' });
    const record = (await state.groups('org', ['grp'])).get('grp')!;
    expect([record.members, record.meetings]).toEqual([[], []]);
    expect(lines.map(event)).toEqual([
      { level: 'warn', event: 'storage.row-skipped', table: 'GroupState', org: 'org', group: 'grp', kind: 'meeting' },
      { level: 'warn', event: 'storage.row-skipped', table: 'GroupState', org: 'org', group: 'grp', kind: 'member' },
    ]);
    expect(lines.join()).not.toMatch(/Hemlig/);
    expect(await state.meeting('org', 'grp', 'm1')).toBeNull();
  });

  it('MeetingInputs: an input row without text is skipped; the other rows are read', async () => {
    const inputs = new MeetingInputTableRepository(store, logger);
    const m = { org: 'org', group: 'grp', id: 'm2' };
    await inputs.saveInputs(m, [{ author: 'u1', item: 'general', text: 'Läsbar', at: '2026-12-01T10:00:00.000Z' }]);
    await store
      .table('MeetingInputs')
      .createEntity({ partitionKey: 'org|grp|m2', rowKey: 'i|u2|general', author: 'u2', item: 'general', at: 'x', words: 'Hemlig synpunkt' });
    expect((await inputs.load(m)).inputs.map((i) => i.text)).toEqual(['Läsbar']);
    expect(lines.map(event)).toEqual([{ level: 'warn', event: 'storage.row-skipped', table: 'MeetingInputs', org: 'org', group: 'grp', meeting: 'm2', row: 'input' }]);
  });
});
