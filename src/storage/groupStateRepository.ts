import { z } from 'zod';
import { odata, type TransactionAction } from '@azure/data-tables';
import { WHOLE_RECORD, type GroupMember, type GroupRecord, type GroupStateRepository, type RecordParts } from '../app/ports';
import type { IsoDate } from '../domain/calendarDate';
import { effectiveEnd, RULE_CODES, type Term } from '../domain/chairTerms';
import { ITEM_KINDS, MEETING_LIMITS, type Meeting, type PlannedMeeting } from '../domain/meetings';
import type { GroupId } from '../domain/organisation';
import { fail, ok, type Result } from '../domain/result';
import { silentLogger, type Logger } from '../logger';
import { getOrNull, hasStatus, keyPart, type TableStore } from './tables';

/**
 * Key design. GroupState: PK `{org}`; per group a contiguous row-key range `{group}|…`:
 *   `{group}|head`                          version row; its ETag guards every term write
 *   `{group}|member|{aadObjectId}`          roster entry (party, roles)
 *   `{group}|term|{start}|{role}|{id}`      one chair or vice-chair term (history is kept)
 *   `{group}|meeting|{id}`                  a meeting with its agenda (its ETag guards revisions)
 *   `{group}|form|{key}`                    a new-meeting form shown to a lead; `meetingId` once used
 * A meeting's JSON is split over `data`, `data1`, … (30,000 characters each): a property holds
 * at most 32K UTF-16 characters, and eight 4,000-character summaries alone are 32,000.
 * Writing is strict (the schemas below); reading is tolerant: a row that does not parse is
 * logged with its kind (no content) and skipped, so one bad row never fails a group or a list.
 * So "who chairs X now" (with the group X follows and the roster) is one single-partition
 * query, and the groups list is one filtered query on the organisation's partition. A read asks
 * for the parts it needs (`RecordParts`): head and terms always, the `member|` range only where
 * the roster is used, and meetings from a date on: meeting ids begin with the meeting's date,
 * so `{group}|meeting|{from}` … is the range of meetings from that day.
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
  actualEnd: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/)
    .nullable(),
  origin: z.enum(['rotation', 'replacement', 'extension']),
  replaces: z.string().nullable(),
  exception: z.object({ rules: z.array(z.enum(RULE_CODES)), reason: z.string() }).nullable(),
  recordedBy: z.string(),
  recordedAt: z.string(),
});
const termRow = z.object({ data: z.string() });
const L = MEETING_LIMITS;
const agendaItemSchema = z.object({
  id: z.string().regex(/^[0-9a-z-]{1,40}$/),
  title: z.string().max(L.title),
  kind: z.enum(ITEM_KINDS),
  presenter: z.string().max(L.presenter),
  minutes: z.number().int().min(0).max(L.minutes),
  documents: z.array(
    z.object({
      title: z.string().max(L.doc),
      url: z
        .string()
        .max(L.doc)
        .regex(/^https?:\/\//i),
    }),
  ),
  source: z.string().max(L.source).nullable(),
  origin: z.object({ kind: z.literal('sent-back'), decision: z.object({ year: z.number().int(), seq: z.number().int() }) }).optional(),
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
  place: z.string().max(L.place).default(''),
  agenda: z.array(agendaItemSchema).max(L.items).default([]),
  revision: z.number().int().default(0),
  status: z.enum(['planned', 'held', 'minutes-approved', 'published']).default('planned'),
  cutoffHours: z.number().int().min(0).max(L.cutoffHours).default(24),
  posted: z.object({ conversationId: z.string(), activityId: z.string() }).nullable().default(null),
  summaries: z.record(z.string().max(L.summary)).default({}),
  createdBy: z.string().default(''),
  register: z.object({ present: z.array(z.string().max(80)).max(500), absent: z.array(z.string().max(80)).max(500) }).optional(),
});
const memberRow = z.object({ displayName: z.string(), party: z.string().nullish(), roles: z.string() });
const rolesSchema = z.array(z.enum(['member', 'processLeader']));

const formRow = z.object({ meetingId: z.string() });

/** A meeting's JSON in chunks of 30,000 characters: `data`, `data1`, … (at most 12, 360,000 characters). */
const CHUNK = 30_000;
const DATA_PROPS = ['data', ...Array.from({ length: 11 }, (_, i) => `data${i + 1}`)];
function dataProps(json: string): Record<string, string> {
  const chunks = Math.ceil(json.length / CHUNK) || 1;
  if (chunks > DATA_PROPS.length) throw new Error(`meeting too large to store (${json.length} characters)`);
  return Object.fromEntries(Array.from({ length: chunks }, (_, i) => [DATA_PROPS[i], json.slice(i * CHUNK, (i + 1) * CHUNK)]));
}
function dataOf(e: Record<string, unknown>): string {
  let json = '';
  for (const p of DATA_PROPS) {
    const part = e[p];
    if (typeof part !== 'string') break;
    json += part;
  }
  return json;
}
/** Parses a stored meeting; null (never a throw) when the row is unreadable. */
function meetingOf(e: Record<string, unknown>): Meeting | null {
  try {
    const parsed = meetingSchema.safeParse(JSON.parse(dataOf(e)));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}
function termOf(e: Record<string, unknown>): Term | null {
  try {
    const parsed = termSchema.safeParse(JSON.parse(termRow.parse(e).data));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

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
  constructor(
    private readonly store: TableStore,
    private readonly logger: Logger = silentLogger,
    /** Told when a person's own membership rows change (the member cache drops them). */
    private readonly personChanged: (aadObjectId: string) => void = () => undefined,
    /** Told when an organisation's chair or vice terms change (the help terms cache drops them). */
    private readonly termsChanged: (org: string) => void = () => undefined,
  ) {}

  async groups(org: string, groups: readonly GroupId[], parts: RecordParts = WHOLE_RECORD): Promise<Map<GroupId, GroupRecord>> {
    const unique = [...new Set(groups)];
    if (unique.length === 0) return new Map();
    // Each fragment is escaped by `odata`; only the escaped fragments are joined by hand.
    const range = (from: string, to: string) => odata`(RowKey ge ${from} and RowKey lt ${to})`;
    const rangesOf = (g: string): string[] => {
      if (parts.members && parts.meetings === 'all') return [range(`${g}|`, `${g}}`)];
      const out = [odata`RowKey eq ${`${g}|head`}`, range(`${g}|term|`, `${g}|term}`)];
      if (parts.members) out.push(range(`${g}|member|`, `${g}|member}`));
      if (parts.meetings === 'all') out.push(range(`${g}|meeting|`, `${g}|meeting}`));
      else if (parts.meetings !== 'none') out.push(range(`${g}|meeting|${parts.meetings.from}`, `${g}|meeting}`));
      return out;
    };
    const ranges = unique.flatMap(rangesOf).join(' or ');
    return this.read(org, `${odata`PartitionKey eq ${keyPart(org)}`} and (${ranges})`, unique);
  }

  async wholeOrg(org: string): Promise<Map<GroupId, GroupRecord>> {
    return this.read(org, odata`PartitionKey eq ${keyPart(org)}`, null);
  }

  /** Rosters, versions and terms ending on or after `on`: one filtered partition query; the server leaves out meetings, forms and old terms. */
  async currentGroups(org: string, on: IsoDate): Promise<Map<GroupId, GroupRecord>> {
    return this.read(org, odata`PartitionKey eq ${keyPart(org)} and (kind eq 'member' or kind eq 'head' or (kind eq 'term' and effectiveEnd ge ${on}))`, null);
  }

  /**
   * Meetings dated within [from, to]. With today's keys (`{group}|meeting|{id}`) this is a filter
   * on the `date` column: the service scans the partition but returns only the window, so what the
   * sweep transfers, parses and holds is the window, not the history.
   */
  async meetingsBetween(org: string, from: IsoDate, to: IsoDate): Promise<Meeting[]> {
    const filter = odata`PartitionKey eq ${keyPart(org)} and kind eq 'meeting' and date ge ${from} and date le ${to}`;
    const out: Meeting[] = [];
    for await (const e of this.store.table('GroupState').listEntities({ queryOptions: { filter } })) {
      const meeting = meetingOf(e);
      if (meeting === null) this.skipped(org, splitKey(e.rowKey ?? '')[0], 'meeting');
      else out.push(meeting);
    }
    return out;
  }

  async saveMeeting(m: PlannedMeeting | Meeting, expectedVersion?: string | null): Promise<Result<string, 'conflict'>> {
    const entity = meetingEntity(m);
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

  async openMeetingForm(org: string, group: GroupId, formKey: string, shownTo: string, at: string): Promise<void> {
    await this.store
      .table('GroupState')
      .createEntity({ partitionKey: keyPart(org), rowKey: `${group}|form|${keyPart(formKey)}`, kind: 'form', meetingId: '', shownTo, at });
  }

  async createMeetingFromForm(m: Meeting, formKey: string): Promise<Result<string, 'used' | 'unknown-form'>> {
    const table = this.store.table('GroupState');
    const formKeys = { partitionKey: keyPart(m.org), rowKey: `${m.group}|form|${keyPart(formKey)}` };
    let etag: string;
    try {
      const form = await table.getEntity(formKeys.partitionKey, formKeys.rowKey);
      const row = formRow.safeParse(form);
      if (!row.success) return fail('unknown-form');
      if (row.data.meetingId !== '') return fail('used');
      etag = form.etag;
    } catch (e) {
      if (hasStatus(e, 404)) return fail('unknown-form');
      throw e;
    }
    const entity = meetingEntity(m);
    try {
      // Both rows are in the organisation's partition: the form is used exactly when the meeting is created.
      const res = await table.submitTransaction([
        ['update', { ...formKeys, meetingId: m.id }, 'Merge', { etag }],
        ['create', entity],
      ]);
      const created = res.subResponses.find((r) => r.rowKey === entity.rowKey);
      return ok(created?.etag ?? (await table.getEntity(entity.partitionKey, entity.rowKey)).etag);
    } catch (e) {
      if (hasStatus(e, 409) || hasStatus(e, 412)) return fail('used');
      throw e;
    }
  }

  async meeting(org: string, group: GroupId, id: string): Promise<{ meeting: Meeting; version: string } | null> {
    const e = await getOrNull(this.store.table('GroupState'), keyPart(org), `${group}|meeting|${keyPart(id)}`);
    if (e === null) return null;
    const meeting = meetingOf(e);
    if (meeting === null) this.skipped(org, group, 'meeting');
    return meeting === null ? null : { meeting, version: e.etag };
  }

  private skipped(org: string, group: string, kind: string): void {
    this.logger.warn('storage.row-skipped', { table: 'GroupState', org, group, kind });
  }

  /** Reads rows into per-group records; `only` limits to those groups (and makes empty records for them). */
  private async read(org: string, filter: string, only: readonly GroupId[] | null): Promise<Map<GroupId, GroupRecord>> {
    interface Acc {
      terms: Term[];
      members: GroupMember[];
      meetings: Meeting[];
      version: string | null;
    }
    const empty = (): Acc => ({ terms: [], members: [], meetings: [], version: null });
    const records = new Map<GroupId, Acc>((only ?? []).map((g) => [g, empty()]));
    for await (const e of this.store.table('GroupState').listEntities({ queryOptions: { filter } })) {
      const [group, kind, rest] = splitKey(e.rowKey ?? '');
      if (!['head', 'term', 'member', 'meeting'].includes(kind)) continue;
      if (only === null && !records.has(group)) records.set(group, empty());
      const record = records.get(group);
      if (record === undefined) continue;
      if (kind === 'head') record.version = e.etag;
      else if (kind === 'term') {
        const term = termOf(e);
        if (term === null) this.skipped(org, group, kind);
        else record.terms.push(term);
      } else if (kind === 'member') {
        const member = memberOf(rest, e);
        if (member === null) this.skipped(org, group, kind);
        else record.members.push(member);
      } else {
        const meeting = meetingOf(e);
        if (meeting === null) this.skipped(org, group, kind);
        else record.meetings.push(meeting);
      }
    }
    return new Map([...records].map(([group, r]) => [group, { group, ...r }]));
  }

  async overview(org: string, from: IsoDate): Promise<{ terms: Term[]; meetings: Meeting[] }> {
    const filter = odata`PartitionKey eq ${keyPart(org)} and ((kind eq 'term' and effectiveEnd ge ${from}) or (kind eq 'meeting' and date ge ${from}))`;
    const terms: Term[] = [];
    const meetings: Meeting[] = [];
    for await (const e of this.store.table('GroupState').listEntities({ queryOptions: { filter, select: ['RowKey', 'kind', ...DATA_PROPS] } })) {
      const [group = '', kind = ''] = (e.rowKey ?? '').split('|');
      const value = e.kind === 'meeting' ? meetingOf(e) : termOf(e);
      if (value === null) this.skipped(org, group, kind);
      else if (e.kind === 'meeting') meetings.push(value as Meeting);
      else terms.push(value as Term);
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
      this.termsChanged(org);
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
    this.personChanged(member.aadObjectId);
  }
}

/** The entity of a meeting; the schema refuses what could not be read back (e.g. Infinity, which JSON stores as null). Exported for the bench's bulk seeding. */
export function meetingEntity(m: PlannedMeeting | Meeting) {
  const full = meetingSchema.parse(m);
  return { partitionKey: keyPart(m.org), rowKey: `${m.group}|meeting|${keyPart(m.id)}`, kind: 'meeting', date: full.date, ...dataProps(JSON.stringify(full)) };
}

function memberOf(aadObjectId: string, e: Record<string, unknown>): GroupMember | null {
  try {
    const m = memberRow.safeParse(e);
    const roles = m.success ? rolesSchema.safeParse(JSON.parse(m.data.roles)) : null;
    if (!m.success || !roles?.success) return null;
    return { aadObjectId, displayName: m.data.displayName, party: m.data.party ?? null, roles: roles.data };
  } catch {
    return null;
  }
}

/** Splits `{group}|{kind}|{rest}`; group ids never contain `|`. */
function splitKey(rowKey: string): [string, string, string] {
  const [group = '', kind = '', ...rest] = rowKey.split('|');
  return [group, kind, rest.join('|')];
}
