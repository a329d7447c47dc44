import type { MemberRepository, PersonRecord } from '../app/ports';
import type { UserContext } from '../domain/people';

/** Default time a person's memberships and roles are served from memory. */
export const DEFAULT_PERSON_TTL_MS = 30_000;

/**
 * A caching decorator for the member repository: every turn needs the person's memberships and
 * roles, and reading them is most of the cost of a command that needs nothing else. Entries live
 * `ttlMs` and are dropped on every change this instance makes (language, roster, organisation
 * files; `forget` for changes written through another repository). Another instance's change is
 * seen at the latest after `ttlMs`: the TTL bounds the staleness across instances.
 */
export class CachedMemberRepository implements MemberRepository {
  /** The pending or finished read per lower-case AAD id, shared by concurrent turns of one person. */
  private readonly entries = new Map<string, { readonly context: Promise<UserContext>; readonly expires: number }>();

  constructor(
    private readonly inner: MemberRepository,
    private readonly ttlMs: number = DEFAULT_PERSON_TTL_MS,
    private readonly nowMs: () => number = Date.now,
    /** A bound on memory: past it, the oldest entries go first (Map keeps insertion order). */
    private readonly maxEntries = 50_000,
  ) {}

  async userContext(aadObjectId: string, globalAdmins: readonly string[]): Promise<UserContext> {
    const aad = aadObjectId.toLowerCase();
    const now = this.nowMs();
    let entry = this.entries.get(aad);
    if (entry === undefined || entry.expires <= now || this.ttlMs <= 0) {
      // Bot admins come from configuration, so the cached value never depends on them.
      const context = this.inner.userContext(aad, []);
      entry = { context, expires: now + this.ttlMs };
      const mine = entry;
      this.entries.delete(aad);
      if (this.ttlMs > 0) this.entries.set(aad, entry);
      this.evictOverflow();
      // A failed read is not kept: the next turn tries storage again.
      context.catch(() => {
        if (this.entries.get(aad) === mine) this.entries.delete(aad);
      });
    }
    const context = await entry.context;
    return { ...context, globalAdmin: globalAdmins.includes(aad) };
  }

  async setPreferredLocale(aadObjectId: string, locale: 'sv' | 'en' | null): Promise<void> {
    try {
      await this.inner.setPreferredLocale(aadObjectId, locale);
    } finally {
      this.forget(aadObjectId);
    }
  }

  async setTeamsLocale(aadObjectId: string, locale: 'sv' | 'en'): Promise<void> {
    try {
      await this.inner.setTeamsLocale(aadObjectId, locale);
    } finally {
      this.forget(aadObjectId);
    }
  }

  async savePerson(person: PersonRecord): Promise<number> {
    try {
      return await this.inner.savePerson(person);
    } finally {
      this.forget(person.aadObjectId);
    }
  }

  /** Drops what is cached about a person after a change (an in-flight read is not stored either). */
  forget(aadObjectId: string): void {
    this.entries.delete(aadObjectId.toLowerCase());
  }

  private evictOverflow(): void {
    while (this.entries.size > this.maxEntries) {
      const oldest = this.entries.keys().next();
      if (oldest.done === true) return;
      this.entries.delete(oldest.value);
    }
  }
}
