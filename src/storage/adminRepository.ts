import { odata } from '@azure/data-tables';
import { z } from 'zod';
import type { AdminChange, AdminRepository } from '../app/ports';
import { silentLogger, type Logger } from '../logger';
import { memberEntity } from './groupStateRepository';
import { hasStatus, keyPart, type TableStore } from './tables';

/**
 * Key design. OrgEdits, PK `a|{org}`: rows `admin|{aad}` (the admins added in Teams, listed
 * with one partition query), `removed|{aad}` (removed in Teams: the shipped files do not make the
 * person admin again on a reload; adding them in Teams deletes the row) and `log|{at}|{id}` (one
 * audit row per change: who, when, what).
 * The admin right itself is the user's Members row `admin|{org}` (memberRepository.ts), so the
 * turn's one user query still finds it.
 */
const adminRow = z.object({ rowKey: z.string(), displayName: z.string() });
const changeSchema = z.object({
  id: z.string().max(80),
  action: z.enum(['addAdmin', 'removeAdmin', 'addProcessLeader', 'removeProcessLeader']),
  person: z.string().max(80),
  displayName: z.string().max(200),
  group: z.string().max(64).nullable(),
  by: z.string().max(80),
  at: z.string().max(40),
});

const pk = (org: string) => `a|${keyPart(org)}`;
const userPk = (aad: string) => `u|${keyPart(aad.toLowerCase())}`;

async function deleteIfThere(store: TableStore, table: 'Members' | 'GroupState' | 'OrgEdits', partitionKey: string, rowKey: string): Promise<void> {
  try {
    await store.table(table).deleteEntity(partitionKey, rowKey);
  } catch (e) {
    if (!hasStatus(e, 404)) throw e;
  }
}

export class AdminTableRepository implements AdminRepository {
  constructor(
    private readonly store: TableStore,
    private readonly logger: Logger = silentLogger,
    /** Told whose rights changed, so a cache of people's roles drops them at once. */
    private readonly personChanged: (aadObjectId: string) => void = () => undefined,
  ) {}

  async admins(org: string): Promise<{ aadObjectId: string; displayName: string }[]> {
    const out: { aadObjectId: string; displayName: string }[] = [];
    const filter = odata`PartitionKey eq ${pk(org)} and RowKey ge 'admin|' and RowKey lt 'admin|~'`;
    for await (const e of this.store.table('OrgEdits').listEntities({ queryOptions: { filter } })) {
      const row = adminRow.safeParse(e);
      if (row.success) out.push({ aadObjectId: row.data.rowKey.slice('admin|'.length), displayName: row.data.displayName });
      else this.logger.warn('storage.admin-row-unreadable', { org });
    }
    return out.sort((a, b) => a.displayName.localeCompare(b.displayName, 'sv'));
  }

  async setAdmin(org: string, change: AdminChange): Promise<void> {
    const aad = change.person.toLowerCase();
    if (change.action === 'addAdmin') {
      await this.store.table('Members').upsertEntity({ partitionKey: userPk(aad), rowKey: `admin|${org}`, displayName: change.displayName }, 'Replace');
      await this.store.table('OrgEdits').upsertEntity({ partitionKey: pk(org), rowKey: `admin|${keyPart(aad)}`, displayName: change.displayName }, 'Replace');
      await deleteIfThere(this.store, 'OrgEdits', pk(org), `removed|${keyPart(aad)}`);
    } else {
      // The removal is recorded first: a reload between the two writes must not make the person admin again.
      await this.store.table('OrgEdits').upsertEntity({ partitionKey: pk(org), rowKey: `removed|${keyPart(aad)}`, at: change.at }, 'Replace');
      await deleteIfThere(this.store, 'Members', userPk(aad), `admin|${org}`);
      await deleteIfThere(this.store, 'OrgEdits', pk(org), `admin|${keyPart(aad)}`);
    }
    this.personChanged(aad);
    await this.audit(org, change);
  }

  async removeFromGroup(org: string, group: string, aadObjectId: string): Promise<void> {
    const row = memberEntity(org, group, { aadObjectId, displayName: '', party: null, roles: [] });
    await deleteIfThere(this.store, 'GroupState', row.partitionKey, row.rowKey);
    await deleteIfThere(this.store, 'Members', userPk(aadObjectId), `m|${org}|${group}`);
    this.personChanged(aadObjectId.toLowerCase());
  }

  async audit(org: string, change: AdminChange): Promise<void> {
    await this.store
      .table('OrgEdits')
      .createEntity({ partitionKey: pk(org), rowKey: `log|${change.at}|${keyPart(change.id)}`, change: JSON.stringify(changeSchema.parse(change)) });
  }

  async removedAdmins(org: string): Promise<Set<string>> {
    const out = new Set<string>();
    const filter = odata`PartitionKey eq ${pk(org)} and RowKey ge 'removed|' and RowKey lt 'removed|~'`;
    for await (const e of this.store.table('OrgEdits').listEntities({ queryOptions: { filter, select: ['RowKey'] } }))
      out.add(decodeURIComponent((e.rowKey ?? '').slice('removed|'.length)));
    return out;
  }

  async auditLog(org: string, limit: number): Promise<AdminChange[]> {
    const out: AdminChange[] = [];
    const filter = odata`PartitionKey eq ${pk(org)} and RowKey ge 'log|' and RowKey lt 'log|~'`;
    for await (const e of this.store.table('OrgEdits').listEntities({ queryOptions: { filter } })) {
      try {
        const parsed = changeSchema.safeParse(JSON.parse(String((e as { change?: unknown }).change)));
        if (parsed.success) out.push(parsed.data);
      } catch {
        this.logger.warn('storage.admin-log-unreadable', { org });
      }
    }
    return out.sort((a, b) => b.at.localeCompare(a.at)).slice(0, limit);
  }
}
