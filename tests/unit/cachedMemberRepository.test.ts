import type { MemberRepository, PersonRecord } from '../../src/app/ports';
import type { UserContext } from '../../src/domain/people';
import { CachedMemberRepository } from '../../src/storage/cachedMemberRepository';

const AAD = '00000000-0000-0000-0000-00000000000a';

/** A member repository in memory that counts its reads. */
function fakeRepository() {
  const state = { reads: 0, locale: null as 'sv' | 'en' | null, teamsLocale: null as 'sv' | 'en' | null, groups: ['lgs'], fail: false };
  const repo: MemberRepository = {
    userContext: (aad, admins): Promise<UserContext> => {
      state.reads += 1;
      if (state.fail) return Promise.reject(new Error('storage down'));
      const memberships = state.groups.map((group) => ({ org: 'goteborgsomradet', group, party: 'molndal', roles: ['member' as const] }));
      return Promise.resolve({
        aadObjectId: aad,
        preferredLocale: state.locale,
        teamsLocale: state.teamsLocale,
        memberships,
        adminOf: [],
        globalAdmin: admins.includes(aad),
      });
    },
    setPreferredLocale: (_aad, locale) => {
      state.locale = locale;
      return Promise.resolve();
    },
    setTeamsLocale: (_aad, locale) => {
      state.teamsLocale = locale;
      return Promise.resolve();
    },
    savePerson: (p: PersonRecord) => {
      state.groups = p.memberships.map((m) => m.group);
      return Promise.resolve(1);
    },
  };
  return { state, repo };
}

describe('the person cache in front of the member repository', () => {
  it('reads a person once within the TTL and again after it', async () => {
    const { state, repo } = fakeRepository();
    let now = 1_000;
    const cached = new CachedMemberRepository(repo, 30_000, () => now);
    await cached.userContext(AAD, []);
    await cached.userContext(AAD.toUpperCase(), []);
    now += 29_999;
    await cached.userContext(AAD, []);
    expect(state.reads).toBe(1);
    now += 1;
    await cached.userContext(AAD, []);
    expect(state.reads).toBe(2);
  });

  it('shares one read between concurrent turns of the same person', async () => {
    const { state, repo } = fakeRepository();
    const cached = new CachedMemberRepository(repo, 30_000, () => 0);
    await Promise.all([cached.userContext(AAD, []), cached.userContext(AAD, []), cached.userContext(AAD, [])]);
    expect(state.reads).toBe(1);
  });

  it('shows a language choice at once', async () => {
    const { repo } = fakeRepository();
    const cached = new CachedMemberRepository(repo, 30_000, () => 0);
    expect((await cached.userContext(AAD, [])).preferredLocale).toBeNull();
    await cached.setPreferredLocale(AAD, 'en');
    expect((await cached.userContext(AAD, [])).preferredLocale).toBe('en');
  });

  it('shows a changed Teams locale at once (so it is not written again on the next turn)', async () => {
    const { repo } = fakeRepository();
    const cached = new CachedMemberRepository(repo, 30_000, () => 0);
    expect((await cached.userContext(AAD, [])).teamsLocale).toBeNull();
    await cached.setTeamsLocale(AAD, 'en');
    expect((await cached.userContext(AAD, [])).teamsLocale).toBe('en');
  });

  it('shows changed memberships at once after savePerson or forget', async () => {
    const { state, repo } = fakeRepository();
    const cached = new CachedMemberRepository(repo, 30_000, () => 0);
    await cached.userContext(AAD, []);
    await cached.savePerson({
      aadObjectId: AAD,
      displayName: 'A',
      org: 'goteborgsomradet',
      orgAdmin: false,
      memberships: [{ org: 'goteborgsomradet', group: 'nosam', party: null, roles: ['member'] }],
    });
    expect((await cached.userContext(AAD, [])).memberships.map((m) => m.group)).toEqual(['nosam']);
    state.groups = ['lgs', 'nosam'];
    cached.forget(AAD.toUpperCase());
    expect((await cached.userContext(AAD, [])).memberships.map((m) => m.group)).toEqual(['lgs', 'nosam']);
  });

  it('computes bot admin rights from the configuration of each call, not from the cache', async () => {
    const { repo } = fakeRepository();
    const cached = new CachedMemberRepository(repo, 30_000, () => 0);
    expect((await cached.userContext(AAD, [])).globalAdmin).toBe(false);
    expect((await cached.userContext(AAD, [AAD])).globalAdmin).toBe(true);
  });

  it('does not keep a failed read, and reads every time with a TTL of 0', async () => {
    const { state, repo } = fakeRepository();
    const cached = new CachedMemberRepository(repo, 30_000, () => 0);
    state.fail = true;
    await expect(cached.userContext(AAD, [])).rejects.toThrow('storage down');
    state.fail = false;
    expect((await cached.userContext(AAD, [])).memberships).toHaveLength(1);
    expect(state.reads).toBe(2);
    const uncached = new CachedMemberRepository(repo, 0, () => 0);
    await uncached.userContext(AAD, []);
    await uncached.userContext(AAD, []);
    expect(state.reads).toBe(4);
  });
});
