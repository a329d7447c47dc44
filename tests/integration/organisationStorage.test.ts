import { AdminTableRepository } from '../../src/storage/adminRepository';
import { cp, mkdtemp, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { loadOrganisations } from '../../src/app/loadOrganisations';
import { orgDirectory } from '../../src/config/orgFiles';
import { readOrgDirectory } from '../../src/config/orgFiles';
import { GroupStateTableRepository } from '../../src/storage/groupStateRepository';
import { MemberTableRepository } from '../../src/storage/memberRepository';
import { OrganisationTableRepository } from '../../src/storage/organisationRepository';
import { TableStore } from '../../src/storage/tables';
import { randomPrefix, testConnection } from '../helpers/testBot';
import { USERS } from '../helpers/activities';

let store: TableStore;
let repos: { organisations: OrganisationTableRepository; members: MemberTableRepository; groupState: GroupStateTableRepository; admins: AdminTableRepository };

beforeEach(async () => {
  store = new TableStore(testConnection(), randomPrefix());
  await store.ensureTables();
  repos = {
    organisations: new OrganisationTableRepository(store),
    members: new MemberTableRepository(store),
    groupState: new GroupStateTableRepository(store),
    admins: new AdminTableRepository(store),
  };
});
afterEach(async () => store.dropTables());

async function snapshot(): Promise<string[]> {
  const rows: string[] = [];
  for (const table of ['Organisations', 'Members', 'GroupState'] as const)
    for await (const e of store.table(table).listEntities()) rows.push(`${table}/${e.partitionKey}/${e.rowKey}/${e.etag}`);
  return rows.sort();
}

describe('loading organisation files into Azure Tables', () => {
  it('stores both organisations and reads them back exactly as the files say', async () => {
    const report = await loadOrganisations(orgDirectory('orgs', true), repos);
    const files = await readOrgDirectory('orgs', true);
    expect(report.problems).toEqual([]);
    expect(report.organisations).toEqual(files.organisations);
    expect(report.organisations.map((o) => [o.id, o.groups.length, o.parties.length, o.annualCycle.length])).toEqual([
      // One-off 002 item and SAMLA's guidance-only meeting minimum removed (issue 12).
      ['goteborgsomradet', 21, 20, 12],
      ['samla', 5, 11, 5],
    ]);
    expect(report.demoPeople).toBe(7);
  });

  it('is idempotent: loading twice writes nothing and leaves every ETag as it was', async () => {
    const first = await loadOrganisations(orgDirectory('orgs', true), repos);
    const before = await snapshot();
    const requestsBefore = store.counter.count;
    const second = await loadOrganisations(orgDirectory('orgs', true), repos);
    // One partition query per organisation, per demo person entry and per demo term, one whole-table read, and one per
    // organisation with demo admins (who was removed as admin in Teams): no writes.
    expect(store.counter.count - requestsBefore).toBe(2 + 7 + 5 + 1 + 2);
    expect(first.changes).toBeGreaterThan(90);
    expect(second.changes).toBe(0);
    expect(await snapshot()).toEqual(before);
  });

  it('refuses a broken file whole and writes nothing from it, while the good file loads', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'orgs-'));
    await cp('orgs/samla.yaml', path.join(dir, 'samla.yaml'));
    const broken = (await import('node:fs/promises')).readFile('orgs/goteborgsomradet.yaml', 'utf8');
    await writeFile(path.join(dir, 'goteborgsomradet.yaml'), (await broken).replace('principal: region', 'principal: landsting'));
    const report = await loadOrganisations(orgDirectory(dir, false), repos);
    expect(report.organisations.map((o) => o.id)).toEqual(['samla']);
    expect(report.problems).toHaveLength(1);
    expect(report.problems[0]).toMatchObject({ file: path.join(dir, 'goteborgsomradet.yaml'), reason: 'okänd huvudman "landsting"' });
    const partitions = new Set<string>();
    for await (const e of store.table('Organisations').listEntities()) partitions.add(e.partitionKey!);
    expect([...partitions]).toEqual(['samla']);
  });

  it('removes rows for groups deleted from the file on the next load', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'orgs-'));
    await cp('orgs/samla.yaml', path.join(dir, 'samla.yaml'));
    await loadOrganisations(orgDirectory(dir, false), repos);
    const text = (await import('node:fs/promises')).readFile('orgs/samla.yaml', 'utf8');
    const withoutLerum = (await text).replace(/\n {2}- id: nosam-lerum\n[\s\S]*?(?=\n {2}- id: )/, '');
    expect(withoutLerum).not.toContain('nosam-lerum');
    await writeFile(path.join(dir, 'samla.yaml'), withoutLerum);
    const report = await loadOrganisations(orgDirectory(dir, false), repos);
    expect(report.problems).toEqual([]);
    expect(report.organisations[0].groups.map((g) => g.id)).toEqual(['samla-politisk-samradsgrupp', 'samla-samordningsgrupp', 'samla-au', 'nosam-alingsas']);
  });
});

describe('members', () => {
  it("reads a user's memberships and admin rights in one single-partition query", async () => {
    await loadOrganisations(orgDirectory('orgs', true), repos);
    const before = store.counter.count;
    const user = await repos.members.userContext(USERS.processLeaderNosam, []);
    expect(store.counter.count - before).toBe(1);
    expect(user).toEqual({
      aadObjectId: USERS.processLeaderNosam,
      preferredLocale: null,
      teamsLocale: null,
      memberships: [
        { org: 'goteborgsomradet', group: 'nosam-hisingen', party: null, roles: ['processLeader'] },
        { org: 'goteborgsomradet', group: 'nosam-ockero', party: null, roles: ['processLeader'] },
      ],
      adminOf: [],
      globalAdmin: false,
    });
    expect((await repos.members.userContext(USERS.admin, [])).adminOf).toEqual(['goteborgsomradet', 'samla']);
    expect((await repos.members.userContext(USERS.stranger, [USERS.stranger])).globalAdmin).toBe(true);
  });
});
