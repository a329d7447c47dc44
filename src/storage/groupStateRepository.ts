import { z } from 'zod';
import type { TransactionAction } from '@azure/data-tables';
import type { GroupMember, GroupRecord, GroupStateRepository } from '../app/ports';
import type { IsoDate } from '../domain/calendarDate';
import { effectiveEnd, RULE_CODES, type Term } from '../domain/chairTerms';
import type { PlannedMeeting } from '../domain/meetings';
import type { GroupId } from '../domain/organisation';
import { fail, ok, type Result } from '../domain/result';
import { hasStatus, keyPart, odataString, type TableStore } from './tables';

/**
 * Key design. GroupState: PK `{org}`; per group a contiguous row-key range `{group}|…`:
 *   `{group}|head`                          version row; its ETag guards every term write
 *   `{group}|member|{aadObjectId}`          roster entry (party, roles)
 *   `{group}|term|{start}|{role}|{id}`      one chair or vice-chair term (history is kept)
 *   `{group}|meeting|{date}|{id}`           a planned meeting
 * So "who chairs X now" (with the group X follows and the roster) is one single-partition
 * query, and the groups list is one filtered query on the organisation's partition.
 */
const holderSchema = z.object({ aadObjectId: z.string().nullable(), displayName: z.string(), party: z.string(), principal: z.string() });
export const termSchema = z.object({
  id: z.string(),
  org: z.string(),
  group: z.string(),
  role: z.enum(['chair', 'viceChair']),
  holder: holderSchema,
  start: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  plannedEnd: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  actualEnd: z.string().regex(/^\d{4}-\d{2}-\d{2}$/).nullable(),
  origin: z.enum(['rotation', 'replacement', 'extension']),
  replaces: z.string().nullable(),
  exception: z.object({ rules: z.array(z.enum(RULE_CODES)), reason: z.string() }).nullable(),
  recordedBy: z.string(),
  recordedAt: z.string(),
});
const termRow = z.object({ data: z.string() });
export const meetingSchema = z.object({
  id: z.string(),
  org: z.string(),
  group: z.string(),
  date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  startsAt: z.string(),
  title: z.string(),
  cancelled: z.boolean(),
});
const memberRow = z.object({ displayName: z.string(), party: z.string().nullish(), roles: z.string() });
const rolesSchema = z.array(z.enum(['member', 'processLeader']));

const termKey = (t: Term) => `${t.group}|term|${t.start}|${t.role}|${t.id}`;
const termEntity = (t: Term) => ({ partitionKey: keyPart(t.org), rowKey: termKey(t), kind: 'term', data: JSON.stringify(t), effectiveEnd: effectiveEnd(t) });

/** The roster row of a person in a group; the member repository writes the same row for demo data. */
export function memberEntity(org: string, group: GroupId, m: GroupMember) {
  return {
    partitionKey: keyPart(org),
    rowKey: `${group}|member|${keyPart(m.aadObjectId.toLowerCase())}`,
    kind: 'member',
    displayName: m.displayName,
    party: m.party,
    roles: JSON.stringify([...m.roles].sort()),
  };
}

export class GroupStateTableRepository implements GroupStateRepository {
  constructor(private readonly store: TableStore) {}

  async groups(org: string, groups: readonly GroupId[]): Promise<Map<GroupId, GroupRecord>> {
    const unique = [...new Set(groups)];
    if (unique.length === 0) return new Map();
    const ranges = unique.map((g) => `(RowKey ge ${odataString(`${g}|`)} and RowKey lt ${odataString(`${g}}`)})`).join(' or ');
    return this.read(`PartitionKey eq ${odataString(keyPart(org))} and (${ranges})`, unique);
  }

  async wholeOrg(org: string): Promise<Map<GroupId, GroupRecord>> {
    return this.read(`PartitionKey eq ${odataString(keyPart(org))}`, null);
  }

  async saveMeeting(m: PlannedMeeting): Promise<void> {
    await this.store
      .table('GroupState')
      .upsertEntity({ partitionKey: keyPart(m.org), rowKey: `${m.group}|meeting|${m.date}|${keyPart(m.id)}`, kind: 'meeting', data: JSON.stringify(m) }, 'Replace');
  }

  /** Reads rows into per-group records; `only` limits to those groups (and makes empty records for them). */
  private async read(filter: string, only: readonly GroupId[] | null): Promise<Map<GroupId, GroupRecord>> {
    type Acc = { terms: Term[]; members: GroupMember[]; meetings: PlannedMeeting[]; version: string | null };
    const empty = (): Acc => ({ terms: [], members: [], meetings: [], version: null });
    const records = new Map<GroupId, Acc>((only ?? []).map((g) => [g, empty()]));
    for await (const e of this.store.table('GroupState').listEntities({ queryOptions: { filter } })) {
      const [group, kind, rest] = splitKey(e.rowKey ?? '');
      if (only === null && !records.has(group)) records.set(group, empty());
      const record = records.get(group);
      if (record === undefined) continue;
      if (kind === 'head') record.version = e.etag;
      else if (kind === 'term') record.terms.push(termSchema.parse(JSON.parse(termRow.parse(e).data)));
      else if (kind === 'member') {
        const m = memberRow.parse(e);
        record.members.push({ aadObjectId: rest, displayName: m.displayName, party: m.party ?? null, roles: rolesSchema.parse(JSON.parse(m.roles)) });
      } else if (kind === 'meeting') record.meetings.push(meetingSchema.parse(JSON.parse(termRow.parse(e).data)));
    }
    return new Map([...records].map(([group, r]) => [group, { group, ...r }]));
  }

  async activeTerms(org: string, from: IsoDate): Promise<Term[]> {
    const filter = `PartitionKey eq ${odataString(keyPart(org))} and kind eq 'term' and effectiveEnd ge ${odataString(from)}`;
    const terms: Term[] = [];
    for await (const e of this.store.table('GroupState').listEntities({ queryOptions: { filter, select: ['data'] } }))
      terms.push(termSchema.parse(JSON.parse(termRow.parse(e).data)));
    return terms;
  }

  async recordTerm(org: string, expectedVersion: string | null, term: Term, ended: Term | null): Promise<Result<void, 'conflict'>> {
    const head = { partitionKey: keyPart(org), rowKey: `${term.group}|head`, kind: 'head', lastChange: term.id };
    const actions: TransactionAction[] = [
      expectedVersion === null ? ['create', head] : ['update', head, 'Replace', { etag: expectedVersion }],
      ['create', termEntity(term)],
    ];
    if (ended !== null) actions.push(['update', termEntity(ended), 'Replace']);
    try {
      await this.store.table('GroupState').submitTransaction(actions);
      return ok(undefined);
    } catch (e) {
      if (hasStatus(e, 409) || hasStatus(e, 412)) return fail('conflict');
      throw e;
    }
  }

  async saveMember(org: string, group: GroupId, member: GroupMember): Promise<void> {
    const entity = memberEntity(org, group, member);
    await this.store.table('GroupState').upsertEntity(entity, 'Replace');
    await this.store.table('Members').upsertEntity(
      {
        partitionKey: `u|${keyPart(member.aadObjectId.toLowerCase())}`,
        rowKey: `m|${org}|${group}`,
        party: member.party,
        roles: entity.roles,
        displayName: member.displayName,
      },
      'Replace',
    );
  }
}

/** Splits `{group}|{kind}|{rest}`; group ids never contain `|`. */
function splitKey(rowKey: string): [string, string, string] {
  const [group = '', kind = '', ...rest] = rowKey.split('|');
  return [group, kind, rest.join('|')];
}
