import { TERMS_ONLY, type GroupRecord, type GroupStateRepository, type RecordParts } from '../app/ports';
import type { GroupId, OrgId } from '../domain/organisation';

/**
 * Chair and vice terms for what `hjälp` shows, from memory for `ttlMs` (as the member cache,
 * `MEMBER_CACHE_SECONDS`): help is the most frequent command and needs only to name a person's
 * role. Permission checks never read through this: they read the terms fresh. A change of terms
 * made in this instance drops the organisation's entries (`forget`); another instance's is seen
 * within `ttlMs`. Any other read
 * (members, meetings) goes straight to the repository. A failed read is not kept.
 */
export function cachedTermsReader(
  inner: Pick<GroupStateRepository, 'groups'>,
  ttlMs: number,
  nowMs: () => number = Date.now,
): Pick<GroupStateRepository, 'groups'> & { forget(org: OrgId): void } {
  const entries = new Map<string, { readonly value: Promise<Map<GroupId, GroupRecord>>; readonly expires: number }>();
  const MAX_ENTRIES = 10_000;
  return {
    /** Drops an organisation's entries: its terms changed in this instance. */
    forget(org: OrgId) {
      for (const key of [...entries.keys()]) if (key.startsWith(`${org}|`)) entries.delete(key);
    },
    groups(org: OrgId, groups: readonly GroupId[], parts?: RecordParts) {
      const termsOnly = parts?.members === TERMS_ONLY.members && parts.meetings === TERMS_ONLY.meetings;
      if (!termsOnly || ttlMs <= 0) return inner.groups(org, groups, parts);
      const key = `${org}|${[...groups].sort().join(',')}`;
      const now = nowMs();
      const known = entries.get(key);
      if (known !== undefined && known.expires > now) return known.value;
      const value = inner.groups(org, groups, parts);
      const entry = { value, expires: now + ttlMs };
      entries.delete(key);
      entries.set(key, entry);
      const oldest = entries.keys().next();
      if (entries.size > MAX_ENTRIES && oldest.done !== true) entries.delete(oldest.value);
      value.catch(() => {
        if (entries.get(key) === entry) entries.delete(key);
      });
      return value;
    },
  };
}
