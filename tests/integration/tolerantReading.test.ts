import { createLogger } from '../../src/logger';
import { MemberTableRepository } from '../../src/storage/memberRepository';
import { OrganisationTableRepository } from '../../src/storage/organisationRepository';
import { TableStore } from '../../src/storage/tables';
import { GBG, SAMLA } from '../helpers/shippedOrgs';
import { randomPrefix, testConnection } from '../helpers/testBot';

const AAD = '00000000-0000-0000-0000-0000000000777';
let store: TableStore;
let lines: string[];
const logger = () => createLogger('debug', { write: (l: string) => void lines.push(l) });
const logged = () => lines.map((l) => JSON.parse(l) as Record<string, unknown>).map(({ time: _t, ...rest }) => rest);

beforeEach(async () => {
  lines = [];
  store = new TableStore(testConnection(), randomPrefix());
  await store.ensureTables();
});
afterEach(async () => store.dropTables());

describe('reading members tolerantly', () => {
  it('skips and logs an unreadable membership row and keeps the rest of the person', async () => {
    const members = new MemberTableRepository(store, logger());
    await members.savePerson({
      aadObjectId: AAD,
      displayName: 'Test Person',
      org: 'samla',
      orgAdmin: false,
      memberships: [{ org: 'samla', group: 'lgs', party: null, roles: ['member'] }],
    });
    await store.table('Members').upsertEntity({ partitionKey: `u|${AAD}`, rowKey: 'm|samla|broken', roles: '{not json' });
    await store.table('Members').upsertEntity({ partitionKey: `u|${AAD}`, rowKey: 'm|samla|odd', roles: 42 });
    const user = await members.userContext(AAD, []);
    expect(user.memberships).toEqual([{ org: 'samla', group: 'lgs', party: null, roles: ['member'] }]);
    expect(logged()).toEqual([
      { level: 'error', event: 'storage.row-unreadable', table: 'Members', row: 'm', org: 'samla', group: 'broken', problem: 'roles' },
      { level: 'error', event: 'storage.row-unreadable', table: 'Members', row: 'm', problem: 'shape' },
    ]);
    expect(JSON.stringify(logged())).not.toContain(AAD);
  });
});

describe('reading organisations tolerantly', () => {
  it('loads the other organisations when one has an unreadable row, and logs which', async () => {
    const organisations = new OrganisationTableRepository(store, logger());
    await organisations.save(GBG);
    await organisations.save(SAMLA);
    await store.table('Organisations').updateEntity({ partitionKey: 'samla', rowKey: 'meta', data: '{"id": "samla", "name": ' }, 'Replace');
    await store.table('Organisations').upsertEntity({ partitionKey: 'goteborgsomradet', rowKey: 'zzz|0000|stray' });
    const loaded = await organisations.loadAll();
    expect(loaded).toEqual([GBG]);
    expect(logged()).toEqual([
      { level: 'error', event: 'storage.row-unreadable', table: 'Organisations', org: 'goteborgsomradet', row: 'zzz|stray', problem: 'shape' },
      { level: 'error', event: 'storage.row-unreadable', table: 'Organisations', org: 'samla', row: 'meta', problem: 'json' },
      { level: 'error', event: 'storage.organisation-unreadable', table: 'Organisations', org: 'samla', paths: ['meta'] },
    ]);
  });
});
