import { AdminTableRepository } from '../../src/storage/adminRepository';
import { dueReminders, type GroupCycleState } from '../../src/domain/annualCycle';
import { loadOrganisations } from '../../src/app/loadOrganisations';
import { orgDirectory } from '../../src/config/orgFiles';
import type { Term } from '../../src/domain/chairTerms';
import type { Organisation } from '../../src/domain/organisation';
import { GroupStateTableRepository } from '../../src/storage/groupStateRepository';
import { MemberTableRepository } from '../../src/storage/memberRepository';
import { OrganisationTableRepository } from '../../src/storage/organisationRepository';
import { TableStore } from '../../src/storage/tables';
import { USERS } from '../helpers/activities';
import { randomPrefix, testConnection } from '../helpers/testBot';
import { buildTerm, termHolder } from '../helpers/terms';

let store: TableStore;
let state: GroupStateTableRepository;
let orgs: readonly Organisation[];

beforeAll(async () => {
  store = new TableStore(testConnection(), randomPrefix());
  await store.ensureTables();
  state = new GroupStateTableRepository(store);
  const report = await loadOrganisations(orgDirectory('orgs', true), {
    organisations: new OrganisationTableRepository(store),
    members: new MemberTableRepository(store),
    groupState: state,
    admins: new AdminTableRepository(store),
  });
  orgs = report.organisations;
});
afterAll(async () => store.dropTables());

const term = (over: Partial<Term>): Term =>
  buildTerm({
    id: 'x',
    group: 'tema-psykiatri',
    holder: termHolder(USERS.memberRegion, 'su', 'region', 'Ledamot region (demo)'),
    start: '2027-01-01',
    plannedEnd: '2028-06-30',
    recordedBy: USERS.admin,
    recordedAt: '2026-11-22T10:00:00.000Z',
    ...over,
  });

describe('GroupState repository on Azurite', () => {
  it('reads a group with the group it follows in one single-partition query', async () => {
    const before = store.counter.count;
    const records = await state.groups('goteborgsomradet', ['lgs', 'politiskt-samrad']);
    expect(store.counter.count - before).toBe(1);
    expect(
      records
        .get('lgs')!
        .terms.map((t) => `${t.role}:${t.holder.party}`)
        .sort(),
    ).toEqual(['chair:narhalsan', 'viceChair:goteborg-avo']);
    expect(records.get('lgs')!.members.map((m) => m.aadObjectId)).toEqual([USERS.processLeaderLgs, USERS.chairLgs, USERS.memberKommun, USERS.memberRegion]);
    expect(records.get('politiskt-samrad')!.terms.map((t) => t.holder.party)).toEqual(['su']);
    expect(typeof records.get('lgs')!.version).toBe('string');
  });

  it('lets only one of two writers with the same version win (ETag), and keeps the loser out', async () => {
    const version = (await state.groups('goteborgsomradet', ['tema-psykiatri'])).get('tema-psykiatri')!.version;
    expect(version).toBeNull();
    const first = await state.recordTerm('goteborgsomradet', version, term({ id: 'a' }), null);
    const second = await state.recordTerm('goteborgsomradet', version, term({ id: 'b', holder: { ...term({}).holder, party: 'narhalsan' } }), null);
    expect([first.ok, second.ok]).toEqual([true, false]);
    const after = (await state.groups('goteborgsomradet', ['tema-psykiatri'])).get('tema-psykiatri')!;
    expect(after.terms.map((t) => t.id)).toEqual(['a']);
    const stale = await state.recordTerm('goteborgsomradet', version, term({ id: 'c', start: '2028-07-01', plannedEnd: '2029-12-31' }), null);
    const fresh = await state.recordTerm('goteborgsomradet', after.version, term({ id: 'd', start: '2028-07-01', plannedEnd: '2029-12-31' }), null);
    expect([stale.ok, fresh.ok]).toEqual([false, true]);
  });

  it('ends a replaced term in the same transaction and keeps both in the history', async () => {
    const record = (await state.groups('goteborgsomradet', ['tema-psykiatri'])).get('tema-psykiatri')!;
    const replaced = record.terms.find((t) => t.id === 'a')!;
    const r = await state.recordTerm(
      'goteborgsomradet',
      record.version,
      term({ id: 'e', start: '2027-09-01', plannedEnd: '2028-06-30', origin: 'replacement', replaces: 'a' }),
      { ...replaced, actualEnd: '2027-08-31' },
    );
    expect(r.ok).toBe(true);
    const terms = (await state.groups('goteborgsomradet', ['tema-psykiatri'])).get('tema-psykiatri')!.terms;
    expect(terms.map((t) => `${t.id}:${t.start}–${t.actualEnd ?? t.plannedEnd}`)).toEqual([
      'a:2027-01-01–2027-08-31',
      'e:2027-09-01–2028-06-30',
      'd:2028-07-01–2029-12-31',
    ]);
  });

  it('lists active terms of an organisation with one filtered partition query', async () => {
    const before = store.counter.count;
    const active = (await state.overview('goteborgsomradet', '2026-11-22')).terms;
    expect(store.counter.count - before).toBe(1);
    expect(active.map((t) => `${t.group}:${t.role}`).sort()).toContain('lgs:chair');
    expect((await state.overview('goteborgsomradet', '2027-01-01')).terms.map((t) => t.group).sort()).toEqual(['tema-psykiatri', 'tema-psykiatri', 'tema-psykiatri']);
  });
});

describe('term-end notices through the reminder model', () => {
  it('on 2026-11-22 gives the 90-day notices to each term holder and the process leader, and not the next day again', async () => {
    const groups = new Map<string, GroupCycleState>();
    for (const org of orgs) for (const [id, record] of await state.wholeOrg(org.id)) groups.set(`${org.id}|${id}`, record);
    const due = dueReminders({ orgs, groups, done: new Set(), acknowledged: new Set() }, '2026-11-22').filter((r) => r.occurrence.item.id === 'ordforandeperiod-slutar');
    expect(due.map((r) => `${r.occurrence.group.id}:${r.offset}:${r.daysLeft}:${r.roles.join('+')}:${r.recipient.slice(-2)}`).sort()).toEqual([
      'lgs:90:39:chair:22',
      'lgs:90:39:processLeader:21',
      'lgs:90:39:processLeader:21',
      'lgs:90:39:viceChair:23',
      'nosam-hisingen:90:39:chair:23',
      'nosam-hisingen:90:39:processLeader:25',
      'politiskt-samrad:90:39:processLeader:21',
      'tema-aldre:90:39:chair:24',
    ]);
    expect(new Set(due.map((r) => r.id)).size).toBe(due.length);
  });
});
