import { z } from 'zod';
import type { GroupStateRepository } from '../app/ports';
import type { GroupSnapshot } from '../domain/groupState';
import { keyPart, odataString, type TableStore } from './tables';

/**
 * Key design: GroupState PK `{org}`, RK `{group}|chair`, `{group}|next-meeting`: the
 * denormalised "now" of every group of an organisation, read in one partition query.
 */
const chairRow = z.object({ displayName: z.string(), partyName: z.string().nullish() });
const meetingRow = z.object({ startsAt: z.string(), title: z.string() });

export class GroupStateTableRepository implements GroupStateRepository {
  constructor(private readonly store: TableStore) {}

  async snapshots(org: string): Promise<Map<string, GroupSnapshot>> {
    const result = new Map<string, GroupSnapshot>();
    const at = (group: string): GroupSnapshot => result.get(group) ?? { group, chair: null, nextMeeting: null };
    const filter = `PartitionKey eq ${odataString(keyPart(org))}`;
    for await (const e of this.store.table('GroupState').listEntities({ queryOptions: { filter } })) {
      const [group, kind] = (e.rowKey ?? '').split('|');
      if (group === undefined) continue;
      if (kind === 'chair') {
        const c = chairRow.parse(e);
        result.set(group, { ...at(group), chair: { displayName: c.displayName, partyName: c.partyName ?? null } });
      } else if (kind === 'next-meeting') result.set(group, { ...at(group), nextMeeting: meetingRow.parse(e) });
    }
    return result;
  }
}
