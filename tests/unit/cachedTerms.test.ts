import { TERMS_ONLY, WHOLE_RECORD, type GroupRecord, type GroupStateRepository } from '../../src/app/ports';
import { cachedTermsReader } from '../../src/storage/cachedTerms';

/** A repository that counts reads and answers with the number of the read, so a cached answer shows. */
function counting(): Pick<GroupStateRepository, 'groups'> & { reads: number } {
  const repo = {
    reads: 0,
    groups: (_org: string, groups: readonly string[]) => {
      repo.reads += 1;
      const n = repo.reads;
      return Promise.resolve(new Map<string, GroupRecord>(groups.map((g) => [g, { group: g, terms: [], members: [], meetings: [], version: `v${n}` }])));
    },
  };
  return repo;
}

describe('the terms cache for help', () => {
  it('answers a repeated terms read from memory until the TTL has passed', async () => {
    const inner = counting();
    let now = 1_000;
    const cache = cachedTermsReader(inner, 30_000, () => now);
    const version = async () => (await cache.groups('gbg', ['lgs'], TERMS_ONLY)).get('lgs')?.version;
    expect([await version(), await version(), inner.reads]).toEqual(['v1', 'v1', 1]);
    now += 30_000;
    expect([await version(), inner.reads]).toEqual(['v2', 2]);
  });

  it('reads again after a term was recorded in the organisation (forget), and not for another organisation', async () => {
    const inner = counting();
    const cache = cachedTermsReader(inner, 30_000, () => 0);
    await cache.groups('gbg', ['lgs'], TERMS_ONLY);
    await cache.groups('samla', ['sg'], TERMS_ONLY);
    cache.forget('gbg');
    await cache.groups('gbg', ['lgs'], TERMS_ONLY);
    await cache.groups('samla', ['sg'], TERMS_ONLY);
    expect(inner.reads).toBe(3);
  });

  it('never caches reads of members or meetings, nor with a TTL of 0', async () => {
    const inner = counting();
    const cache = cachedTermsReader(inner, 30_000, () => 0);
    await cache.groups('gbg', ['lgs'], WHOLE_RECORD);
    await cache.groups('gbg', ['lgs'], WHOLE_RECORD);
    const off = cachedTermsReader(inner, 0, () => 0);
    await off.groups('gbg', ['lgs'], TERMS_ONLY);
    await off.groups('gbg', ['lgs'], TERMS_ONLY);
    expect(inner.reads).toBe(4);
  });

  it('does not keep a failed read', async () => {
    let fail = true;
    const inner: Pick<GroupStateRepository, 'groups'> = {
      groups: () => (fail ? Promise.reject(new Error('storage down')) : Promise.resolve(new Map<string, GroupRecord>())),
    };
    const cache = cachedTermsReader(inner, 30_000, () => 0);
    await expect(cache.groups('gbg', ['lgs'], TERMS_ONLY)).rejects.toThrow('storage down');
    fail = false;
    await expect(cache.groups('gbg', ['lgs'], TERMS_ONLY)).resolves.toEqual(new Map());
  });
});
