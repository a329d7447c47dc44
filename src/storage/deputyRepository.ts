import { randomBytes } from 'node:crypto';
import { odata } from '@azure/data-tables';
import { z } from 'zod';
import type { DeputyRepository, MeetingKey } from '../app/ports';
import type { DeputyCall, NamedDeputy } from '../domain/deputies';
import { silentLogger, type Logger } from '../logger';
import { getOrNull, hasStatus, keyPart, type TableStore } from './tables';

/**
 * Key design.
 * - GroupState, PK `{org}`, RK `{group}|deputy|{member}`: the member's named deputy, next to the
 *   roster row `{group}|member|{member}` (its own row, so rewriting the roster row never drops it).
 * - OrgEdits, PK `d|{org}`, RK `log|{group}|{at}|{random}`: every change of a deputy (who, when).
 * - MeetingInputs, PK `{org}|{group}|{meetingId}`, RK `c|{member}`: the member's deputy called to
 *   the meeting. Created if absent, so a second press (or a double click) sends nothing; a call
 *   whose deputy was not reached may be claimed again (ETag-guarded).
 */
const deputyRow = z.object({ rowKey: z.string(), deputy: z.string(), deputyName: z.string(), setBy: z.string(), setAt: z.string() });
const logRow = z.object({ member: z.string(), deputy: z.string(), deputyName: z.string(), by: z.string(), at: z.string() });
const callRow = z.object({
  member: z.string(),
  memberName: z.string(),
  deputy: z.string(),
  deputyName: z.string(),
  status: z.enum(['calling', 'reached', 'unreached']),
  at: z.string(),
});

const deputyKey = (group: string, member: string) => `${group}|deputy|${keyPart(member.toLowerCase())}`;
const meetingPk = (m: MeetingKey) => keyPart(`${m.org}|${m.group}|${m.id}`);
const callKey = (member: string) => `c|${keyPart(member.toLowerCase())}`;

export class DeputyTableRepository implements DeputyRepository {
  constructor(
    private readonly store: TableStore,
    private readonly logger: Logger = silentLogger,
  ) {}

  async deputies(org: string, group: string): Promise<NamedDeputy[]> {
    const filter = odata`PartitionKey eq ${keyPart(org)} and RowKey ge ${`${group}|deputy|`} and RowKey lt ${`${group}|deputy}`}`;
    const out: NamedDeputy[] = [];
    for await (const e of this.store.table('GroupState').listEntities({ queryOptions: { filter } })) {
      const row = deputyRow.safeParse(e);
      if (!row.success) {
        this.logger.warn('storage.row-skipped', { table: 'GroupState', org, group, kind: 'deputy' });
        continue;
      }
      const { rowKey, deputy, deputyName, setBy, setAt } = row.data;
      out.push({ member: rowKey.slice(`${group}|deputy|`.length), aadObjectId: deputy, displayName: deputyName, setBy, setAt });
    }
    return out;
  }

  async setDeputy(org: string, group: string, member: string, deputy: { aadObjectId: string; displayName: string } | null, by: string, at: string): Promise<void> {
    const table = this.store.table('GroupState');
    const keys = { partitionKey: keyPart(org), rowKey: deputyKey(group, member) };
    if (deputy === null) {
      try {
        await table.deleteEntity(keys.partitionKey, keys.rowKey);
      } catch (e) {
        if (!hasStatus(e, 404)) throw e;
      }
    } else
      await table.upsertEntity({ ...keys, kind: 'deputy', deputy: deputy.aadObjectId.toLowerCase(), deputyName: deputy.displayName, setBy: by, setAt: at }, 'Replace');
    await this.store.table('OrgEdits').createEntity({
      partitionKey: `d|${keyPart(org)}`,
      rowKey: `log|${group}|${at}|${randomBytes(6).toString('hex')}`,
      member: member.toLowerCase(),
      deputy: deputy?.aadObjectId.toLowerCase() ?? '',
      deputyName: deputy?.displayName ?? '',
      by,
      at,
    });
  }

  async deputyLog(org: string, group: string, limit: number): Promise<{ member: string; deputy: string | null; deputyName: string; by: string; at: string }[]> {
    const filter = odata`PartitionKey eq ${`d|${keyPart(org)}`} and RowKey ge ${`log|${group}|`} and RowKey lt ${`log|${group}}`}`;
    const out: { member: string; deputy: string | null; deputyName: string; by: string; at: string }[] = [];
    for await (const e of this.store.table('OrgEdits').listEntities({ queryOptions: { filter } })) {
      const row = logRow.safeParse(e);
      if (row.success) out.push({ ...row.data, deputy: row.data.deputy === '' ? null : row.data.deputy });
      else this.logger.warn('storage.row-skipped', { table: 'OrgEdits', org, group, kind: 'deputy-log' });
    }
    return out.sort((a, b) => b.at.localeCompare(a.at)).slice(0, limit);
  }

  async claimCall(meeting: MeetingKey, call: DeputyCall): Promise<boolean> {
    const table = this.store.table('MeetingInputs');
    const entity = { partitionKey: meetingPk(meeting), rowKey: callKey(call.member), ...call, status: 'calling' };
    try {
      await table.createEntity(entity);
      return true;
    } catch (e) {
      if (!hasStatus(e, 409)) throw e;
    }
    const existing = await getOrNull(table, entity.partitionKey, entity.rowKey);
    const row = existing === null ? null : callRow.safeParse(existing);
    // Only a call that did not reach the deputy is tried again; the ETag makes one of two presses win.
    if (existing === null || row?.success !== true || row.data.status !== 'unreached') return false;
    try {
      await table.updateEntity(entity, 'Replace', { etag: existing.etag });
      return true;
    } catch (e) {
      if (hasStatus(e, 412) || hasStatus(e, 404)) return false;
      throw e;
    }
  }

  async finishCall(meeting: MeetingKey, member: string, status: 'reached' | 'unreached'): Promise<void> {
    await this.store.table('MeetingInputs').updateEntity({ partitionKey: meetingPk(meeting), rowKey: callKey(member), status }, 'Merge');
  }

  async calls(meeting: MeetingKey): Promise<DeputyCall[]> {
    const filter = odata`PartitionKey eq ${meetingPk(meeting)} and RowKey ge 'c|' and RowKey lt 'c}'`;
    const out: DeputyCall[] = [];
    for await (const e of this.store.table('MeetingInputs').listEntities({ queryOptions: { filter } })) {
      const row = callRow.safeParse(e);
      if (row.success) out.push(row.data);
      else this.logger.warn('storage.row-skipped', { table: 'MeetingInputs', org: meeting.org, group: meeting.group, meeting: meeting.id, row: 'deputy-call' });
    }
    return out.sort((a, b) => a.deputyName.localeCompare(b.deputyName, 'sv'));
  }
}
