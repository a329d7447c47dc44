import { z } from 'zod';
import type { TransactionAction } from '@azure/data-tables';
import type { GroupMember, GroupRecord, GroupStateRepository } from '../app/ports';
import type { IsoDate } from '../domain/calendarDate';
import { effectiveEnd, RULE_CODES, type Term } from '../domain/chairTerms';
import { ITEM_KINDS, type Meeting, type PlannedMeeting } from '../domain/meetings';
import type { GroupId } from '../domain/organisation';
import { fail, ok, type Result } from '../domain/result';
import { hasStatus, keyPart, odataString, type TableStore } from './tables';

/**
 * Key design. GroupState: PK `{org}`; per group a contiguous row-key range `{group}|…`:
 *   `{group}|head`                          version row; its ETag guards every term write
 *   `{group}|member|{aadObjectId}`          roster entry (party, roles)
 *   `{group}|term|{start}|{role}|{id}`      one chair or vice-chair term (history is kept)
 *   `{group}|meeting|{id}`                  a meeting with its agenda (its ETag guards revisions)
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
const agendaItemSchema = z.object({
  id: z.string(),
  title: z.string(),
  kind: z.enum(ITEM_KINDS),
  presenter: z.string(),
  minutes: z.number(),
  documents: z.array(z.object({ title: z.string(), url: z.string() })),
  source: z.string().nullable(),
  withdrawn: z.boolean(),
});
export const meetingSchema = z.object({
  id: z.string(),
  org: z.string(),
  group: z.string(),
  date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  startsAt: z.string(),
  title: z.string(),
  cancelled: z.boolean(),
  place: z.string().default(''),
  agenda: z.array(agendaItemSchema).default([]),
  revision: z.number().int().default(0),
  status: z.enum(['planned', 'held', 'minutes-approved', 'published']).default('planned'),
  cutoffHours: z.number().default(24),
  posted: z.object({ conversationId: z.string(), activityId: z.string() }).nullable().default(null),
  summaries: z.record(z.string()).default({}),
  createdBy: z.string().default(''),
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

  async saveMeeting(m: PlannedMeeting | Meeting, expectedVersion?: string | null): Promise<Result<string, 'conflict'>> {
    const full = meetingSchema.parse(m);
    const entity = { partitionKey: keyPart(m.org), rowKey: `${m.group}|meeting|${keyPart(m.id)}`, kind: 'meeting', date: full.date, data: JSON.stringify(full) };
    const table = this.store.table('GroupState');
    try {
      if (expectedVersion === undefined) return ok((await table.upsertEntity(entity, 'Replace')).etag ?? '');
      if (expectedVersion === null) return ok((await table.createEntity(entity)).etag ?? '');
      return ok((await table.updateEntity(entity, 'Replace', { etag: expectedVersion })).etag ?? '');
    } catch (e) {
      if (hasStatus(e, 409) || hasStatus(e, 412)) return fail('conflict');
      throw e;
    }
  }

  async meeting(org: string, group: GroupId, id: string): Promise<{ meeting: Meeting; version: string } | null> {
    try {
      const e = await this.store.table('GroupState').getEntity(keyPart(org), `${group}|meeting|${keyPart(id)}`);
      return { meeting: meetingSchema.parse(JSON.parse(termRow.parse(e).data)), version: e.etag };
    } catch (e) {
      if (hasStatus(e, 404)) return null;
      throw e;
    }
  }

  /** Reads rows into per-group records; `only` limits to those groups (and makes empty records for them). */
  private async read(filter: string, only: readonly GroupId[] | null): Promise<Map<GroupId, GroupRecord>> {
    type Acc = { terms: Term[]; members: GroupMember[]; meetings: Meeting[]; version: string | null };
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

  async overview(org: string, from: IsoDate): Promise<{ terms: Term[]; meetings: Meeting[] }> {
    const from_ = odataString(from);
    const filter = `PartitionKey eq ${odataString(keyPart(org))} and ((kind eq 'term' and effectiveEnd ge ${from_}) or (kind eq 'meeting' and date ge ${from_}))`;
    const terms: Term[] = [];
    const meetings: Meeting[] = [];
    for await (const e of this.store.table('GroupState').listEntities({ queryOptions: { filter, select: ['kind', 'data'] } })) {
      const data = JSON.parse(termRow.parse(e).data) as unknown;
      if (e.kind === 'meeting') meetings.push(meetingSchema.parse(data));
      else terms.push(termSchema.parse(data));
    }
    return { terms, meetings };
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
