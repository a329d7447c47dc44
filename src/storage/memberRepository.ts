import { z } from 'zod';
import { odata, type TransactionAction } from '@azure/data-tables';
import type { MemberRepository, PersonLanguages, PersonRecord } from '../app/ports';
import { recipientLanguage, type Membership, type UserContext } from '../domain/people';
import { memberEntity } from './groupStateRepository';
import { silentLogger, type Logger } from '../logger';
import { keyPart, type TableStore } from './tables';

/**
 * Key design. Members: PK `u|{aadObjectId}`; rows `profile`, `admin|{org}` and
 * `m|{org}|{group}`, so everything about one user is one single-partition query.
 * The group's own roster row lives in GroupState (see groupStateRepository.ts).
 * The `profile` row holds `locale` (the `språk` choice; '' or absent: none) and `teamsLocale`
 * (the language of the locale Teams last sent, written only when it changes). The reminder
 * sweep reads every profile row in one query (`RowKey eq 'profile'`) for the recipients' languages.
 */
const userPk = (aad: string) => `u|${keyPart(aad.toLowerCase())}`;

const memberRow = z.object({
  rowKey: z.string(),
  // '' is "no choice" (the row may still hold the Teams locale).
  locale: z
    .enum(['sv', 'en', ''])
    .nullish()
    .transform((l) => (l === '' ? null : l)),
  teamsLocale: z.enum(['sv', 'en']).nullish(),
  party: z.string().nullish(),
  roles: z.string().optional(),
  displayName: z.string().optional(),
});
const rolesSchema = z.array(z.enum(['member', 'processLeader']));

/** A stored membership's roles, or null when the stored JSON is not a list of known roles. */
function parseRoles(json: string | undefined): Membership['roles'] | null {
  try {
    const roles = rolesSchema.safeParse(JSON.parse(json ?? '[]'));
    return roles.success ? roles.data : null;
  } catch {
    return null;
  }
}

export class MemberTableRepository implements MemberRepository, PersonLanguages {
  constructor(
    private readonly store: TableStore,
    private readonly logger: Logger = silentLogger,
  ) {}

  /** Reads a row leniently: an unreadable one is logged (row kind only, no ids of people) and skipped. */
  private readRow(e: unknown): z.infer<typeof memberRow> | null {
    const row = memberRow.safeParse(e);
    if (row.success) return row.data;
    const rowKey = (e as { rowKey?: unknown }).rowKey;
    this.logger.error('storage.row-unreadable', { table: 'Members', row: typeof rowKey === 'string' ? rowKey.split('|')[0] : 'unknown', problem: 'shape' });
    return null;
  }

  async userContext(aadObjectId: string, globalAdmins: readonly string[]): Promise<UserContext> {
    const aad = aadObjectId.toLowerCase();
    const memberships: Membership[] = [];
    const adminOf: string[] = [];
    let preferredLocale: 'sv' | 'en' | null = null;
    let teamsLocale: 'sv' | 'en' | null = null;
    const filter = odata`PartitionKey eq ${userPk(aad)}`;
    for await (const e of this.store.table('Members').listEntities({ queryOptions: { filter } })) {
      const row = this.readRow(e);
      if (row === null) continue;
      if (row.rowKey === 'profile') {
        preferredLocale = row.locale ?? null;
        teamsLocale = row.teamsLocale ?? null;
      } else if (row.rowKey.startsWith('admin|')) adminOf.push(row.rowKey.slice('admin|'.length));
      else if (row.rowKey.startsWith('m|')) {
        // A stored key may have fewer parts than it should: the types say so, and the check below guards it.
        const parts: (string | undefined)[] = row.rowKey.split('|');
        const [, org, group] = parts;
        const roles = parseRoles(row.roles);
        if (org === undefined || group === undefined || roles === null) {
          this.logger.error('storage.row-unreadable', { table: 'Members', row: 'm', org: org ?? '', group: group ?? '', problem: 'roles' });
          continue;
        }
        memberships.push({ org, group, party: row.party ?? null, roles });
      }
    }
    return { aadObjectId: aad, preferredLocale, teamsLocale, memberships, adminOf, globalAdmin: globalAdmins.includes(aad) };
  }

  async setPreferredLocale(aadObjectId: string, locale: 'sv' | 'en' | null): Promise<void> {
    // Merged, so the Teams locale on the same row stays; '' is "no choice" (follow Teams again).
    await this.store.table('Members').upsertEntity({ partitionKey: userPk(aadObjectId), rowKey: 'profile', locale: locale ?? '' }, 'Merge');
  }

  async setTeamsLocale(aadObjectId: string, locale: 'sv' | 'en'): Promise<void> {
    await this.store.table('Members').upsertEntity({ partitionKey: userPk(aadObjectId), rowKey: 'profile', teamsLocale: locale }, 'Merge');
  }

  async languagesOf(aadObjectIds: readonly string[]): Promise<Map<string, 'sv' | 'en'>> {
    // Partition key → id, so an id is matched exactly as it is stored.
    const wanted = new Map(aadObjectIds.map((a) => [userPk(a), a.toLowerCase()]));
    const languages = new Map<string, 'sv' | 'en'>();
    if (wanted.size === 0) return languages;
    const queryOptions = { filter: odata`RowKey eq ${'profile'}`, select: ['PartitionKey', 'RowKey', 'locale', 'teamsLocale'] };
    for await (const e of this.store.table('Members').listEntities({ queryOptions })) {
      const row = this.readRow(e);
      const aad = wanted.get(e.partitionKey ?? '');
      if (row === null || aad === undefined) continue;
      languages.set(aad, recipientLanguage({ preferredLocale: row.locale ?? null, teamsLocale: row.teamsLocale ?? null }));
    }
    return languages;
  }

  async savePerson(person: PersonRecord): Promise<number> {
    const pk = userPk(person.aadObjectId);
    const members = this.store.table('Members');
    const existing = new Map<string, string>();
    for await (const e of members.listEntities({ queryOptions: { filter: odata`PartitionKey eq ${pk}` } })) {
      const row = this.readRow(e);
      if (row === null) continue; // rewritten below if the organisation file still has it
      existing.set(row.rowKey, JSON.stringify([row.party ?? null, row.roles ?? null, row.displayName ?? null]));
    }
    const actions: TransactionAction[] = [];
    const groupWrites: Promise<unknown>[] = [];
    if (person.orgAdmin) {
      const rowKey = `admin|${person.org}`;
      if (existing.get(rowKey) !== JSON.stringify([null, null, person.displayName]))
        actions.push(['upsert', { partitionKey: pk, rowKey, displayName: person.displayName }, 'Replace']);
    }
    for (const m of person.memberships) {
      const rowKey = `m|${m.org}|${m.group}`;
      const roles = JSON.stringify([...m.roles].sort());
      if (existing.get(rowKey) === JSON.stringify([m.party, roles, person.displayName])) continue;
      actions.push(['upsert', { partitionKey: pk, rowKey, party: m.party, roles, displayName: person.displayName }, 'Replace']);
      groupWrites.push(
        this.store
          .table('GroupState')
          .upsertEntity(memberEntity(m.org, m.group, { aadObjectId: person.aadObjectId, displayName: person.displayName, party: m.party, roles: m.roles }), 'Replace'),
      );
    }
    if (actions.length > 0) await members.submitTransaction(actions);
    await Promise.all(groupWrites);
    return actions.length;
  }
}
