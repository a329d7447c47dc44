import { MemberTableRepository } from '../../src/storage/memberRepository';
import { TableStore } from '../../src/storage/tables';
import { randomPrefix, testConnection } from '../helpers/testBot';

/** Each person's language as the reminder sweep reads it: the `språk` choice, else the Teams locale, in one read for many people. */

const A = '00000000-0000-4000-8000-00000000000a';
const B = '00000000-0000-4000-8000-00000000000b';
const C = '00000000-0000-4000-8000-00000000000c';
const D = '00000000-0000-4000-8000-00000000000d';
let store: TableStore;
let members: MemberTableRepository;

beforeAll(async () => {
  store = new TableStore(testConnection(), randomPrefix());
  await store.ensureTables();
  members = new MemberTableRepository(store);
});
afterAll(async () => store.dropTables());

describe('languages of the people a sweep writes to', () => {
  it('lets the språk choice win over the Teams locale, keeps the Teams locale when the choice is dropped, and reads once', async () => {
    await members.setTeamsLocale(A, 'en'); // English Teams, no choice
    await members.setTeamsLocale(B, 'en');
    await members.setPreferredLocale(B, 'sv'); // English Teams, chose Swedish
    await members.setPreferredLocale(C, 'en');
    await members.setPreferredLocale(C, null); // chose English, then "auto" again: no Teams locale known
    await members.setTeamsLocale(D.toUpperCase(), 'en');
    await members.setPreferredLocale(D, 'sv');
    await members.setPreferredLocale(D, null); // back to following Teams, which said English
    const before = store.counter.count;
    const languages = await members.languagesOf([A, B, C, D, '00000000-0000-4000-8000-0000000000ff']);
    expect(store.counter.count - before).toBe(1);
    expect([...languages].sort()).toEqual([
      [A, 'en'],
      [B, 'sv'],
      [C, 'sv'],
      [D, 'en'],
    ]);
    expect(await members.userContext(D, [])).toMatchObject({ preferredLocale: null, teamsLocale: 'en' });
    expect(await members.userContext(B, [])).toMatchObject({ preferredLocale: 'sv', teamsLocale: 'en' });
  });

  it('reads nothing for nobody', async () => {
    const before = store.counter.count;
    expect(await members.languagesOf([])).toEqual(new Map());
    expect(store.counter.count - before).toBe(0);
  });
});
