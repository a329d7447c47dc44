import { z } from 'zod';
import { odata, type TransactionAction } from '@azure/data-tables';
import type { DecisionPage, DecisionRepository, NewestQuery, OpenForankring } from '../app/ports';
import { DECISION_KINDS, OUTCOMES, requeue, type Decision, type QueuedItem } from '../domain/decisions';
import type { Minutes } from '../domain/minutes';
import { fail, ok, type Result } from '../domain/result';
import { silentLogger, type Logger } from '../logger';
import { getOrNull, hasStatus, keyPart, type TableStore } from './tables';

/**
 * Key design. Decisions: PK `{org}|{group}`:
 *   `counter|{year}`            the next number; its ETag makes numbering safe under concurrency
 *   `d|{9999-year}|{9999-seq}`  the latest version of a decision, keyed newest first: "the latest
 *                               decisions" (of a year) is the start of one row-key range, read with
 *                               `$top`, so a listing costs what it shows, not the register's size
 *   `v|{year}|{seq}|{v:000}`    every version, never overwritten
 *   `q|{year}|{seq}`            an item sent back, waiting for a coming agenda
 *   `m|{meetingId}`             a meeting's minutes (latest; ETag-guarded)
 *   `mv|{meetingId}|{v}|{status}` every version and status of the minutes
 *   `k|{formKey}`               the decision a record form created (replays find it; written in the
 *                               same transaction as the decision, so a key records at most one)
 * Each row keeps the value as JSON in `data`, split over `data`, `data1`, … when it is longer than
 * a property may be (32K UTF-16 characters), so long minutes are never refused by the table.
 * Forankring: PK `{org}|{principal or party}`, RK `{group}|{year}|{seq}`: pending förankring per
 * principal in one query.
 * Open förankring (the reminder sweep's index): PK `~open|{org}`, RK `{group}|{year}|{seq}|{holder}`,
 * with what the reminder shows. A row exists only while that förankring is pending: it is deleted
 * when done or when the decision is retracted, so the sweep reads what is open, never the register.
 */
const decisionSchema = z.object({
  org: z.string(),
  group: z.string(),
  year: z.number().int(),
  seq: z.number().int(),
  number: z.string(),
  date: z.string(),
  kind: z.enum(DECISION_KINDS),
  outcome: z.enum(OUTCOMES),
  title: z.string(),
  text: z.string(),
  rationale: z.string(),
  meetingId: z.string().nullable(),
  itemId: z.string().nullable(),
  absentInputAtHand: z.boolean(),
  links: z.array(z.string()),
  dissent: z.string().nullable().default(null),
  forankring: z.array(z.object({ holder: z.string(), status: z.enum(['pending', 'done']), doneOn: z.string().nullable(), reference: z.string().nullable() })),
  recordedBy: z.string(),
  recordedAt: z.string(),
  version: z.number().int(),
  correctedBy: z.string().nullable(),
  retracted: z.object({ by: z.string(), at: z.string(), reason: z.string() }).nullable(),
});
const minutesSchema = z.object({
  org: z.string(),
  group: z.string(),
  meetingId: z.string(),
  version: z.number().int(),
  status: z.enum(['draft', 'sent', 'returned', 'approved', 'published']),
  items: z.array(z.object({ itemId: z.string(), title: z.string(), notes: z.string(), decisions: z.array(z.string()) })),
  present: z.array(z.string()),
  absent: z.array(z.string()),
  names: z.record(z.string().max(200)).optional(),
  writtenBy: z.string(),
  justerare: z.array(z.string()),
  returnComment: z.string().nullable(),
  approvedBy: z.string().nullable(),
  approvedAt: z.string().nullable(),
  publishedUrl: z.string().nullable(),
});
const keyRow = z.object({ year: z.number().int(), seq: z.number().int() });

/** A table property holds at most 32K UTF-16 characters; longer JSON is split over numbered properties. */
const PROPERTY_CHARS = 32_000;
/** At most 15 properties of data: 480K characters, under the 1 MiB an entity may hold (2 bytes a character). */
const MAX_PARTS = 15;

export function dataProperties(json: string): Record<string, string> {
  const out: Record<string, string> = {};
  if (json.length > PROPERTY_CHARS * MAX_PARTS) throw new Error('value larger than one table row');
  for (let i = 0, n = 0; i < json.length || n === 0; i += PROPERTY_CHARS, n++) out[n === 0 ? 'data' : `data${n}`] = json.slice(i, i + PROPERTY_CHARS);
  return out;
}

function dataOf(e: Record<string, unknown>): unknown {
  let json = typeof e.data === 'string' ? e.data : '';
  for (let n = 1; typeof e[`data${n}`] === 'string'; n++) json += e[`data${n}`] as string;
  return JSON.parse(json);
}
const counterRow = z.object({ next: z.number().int(), etag: z.string() });

const pk = (org: string, group: string) => keyPart(`${org}|${group}`);
const openPk = (org: string) => keyPart(`~open|${org}`);
const openForankringSchema = z.object({
  group: z.string(),
  year: z.number().int(),
  seq: z.number().int(),
  number: z.string(),
  title: z.string(),
  text: z.string(),
  date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  holder: z.string(),
});
const seqKey = (d: { year: number; seq: number }) => `${d.year}|${String(d.seq).padStart(4, '0')}`;
/** Years and numbers inverted, so the table's ascending row-key order is newest first. */
const invYear = (year: number) => String(9999 - year).padStart(4, '0');
const latestKey = (d: { year: number; seq: number }) => `d|${invYear(d.year)}|${String(9999 - d.seq).padStart(4, '0')}`;
/** The decision number a `d|` row key stands for (also for a row whose data cannot be read). */
function numberOfLatestKey(rowKey: string): { year: number; seq: number } | null {
  const m = /^d\|(\d{4})\|(\d{4})$/.exec(rowKey);
  return m === null ? null : { year: 9999 - Number(m[1]), seq: 9999 - Number(m[2]) };
}
/** Rows read per request when a search scans newest first (Azure Tables returns at most 1,000). */
const MAX_PAGE = 1000;

/** A decision's register row (`d`, latest version) or version row (`v`). Exported for the bench's bulk seeding. */
export function decisionRow(kind: 'd' | 'v', d: Decision) {
  const rowKey = kind === 'd' ? latestKey(d) : `v|${seqKey(d)}|${String(d.version).padStart(3, '0')}`;
  return { partitionKey: pk(d.org, d.group), rowKey, ...dataProperties(JSON.stringify(d)), meetingId: d.meetingId ?? '', number: d.number };
}

export class DecisionTableRepository implements DecisionRepository {
  constructor(
    private readonly store: TableStore,
    private readonly logger: Logger = silentLogger,
  ) {}

  /** Reads every row of a query; a row that does not parse is logged (keys only) and skipped, never failing the list. */
  private async readAll<T>(table: 'Decisions' | 'Forankring', filter: string, parse: (e: Record<string, unknown>) => T): Promise<T[]> {
    const out: T[] = [];
    for await (const e of this.store.table(table).listEntities({ queryOptions: { filter } })) {
      try {
        out.push(parse(e));
      } catch {
        this.logger.warn('storage.unreadableRow', { table, partitionKey: e.partitionKey, rowKey: e.rowKey });
      }
    }
    return out;
  }

  /**
   * Records a new decision with the next number of its group and year. The counter, the
   * decision and its first version are written in one transaction guarded by the counter's
   * ETag, so two decisions recorded at once never get the same number (the loser retries).
   */
  async record(org: string, group: string, year: number, build: (seq: number) => Decision, formKey: string): Promise<{ decision: Decision; replayed: boolean }> {
    const table = this.store.table('Decisions');
    const keyRowKey = `k|${keyPart(formKey)}`;
    for (let attempt = 0; attempt < 20; attempt++) {
      const earlier = await this.byFormKey(org, group, keyRowKey);
      if (earlier !== null) return { decision: earlier, replayed: true };
      let next = 1;
      let etag: string | null = null;
      try {
        const c = counterRow.parse(await table.getEntity(pk(org, group), `counter|${year}`));
        next = c.next;
        etag = c.etag;
      } catch (e) {
        if (!hasStatus(e, 404)) throw e;
      }
      const decision = build(next);
      const counter = { partitionKey: pk(org, group), rowKey: `counter|${year}`, next: next + 1 };
      const actions: TransactionAction[] = [
        etag === null ? ['create', counter] : ['update', counter, 'Replace', { etag }],
        ['create', this.row('d', decision)],
        ['create', this.row('v', decision)],
        ['create', { partitionKey: pk(org, group), rowKey: keyRowKey, year: decision.year, seq: decision.seq }],
      ];
      const queued = requeue(decision);
      if (queued !== null) actions.push(['upsert', this.queueRow(decision, queued)]);
      try {
        await table.submitTransaction(actions);
        await this.indexForankring(decision);
        return { decision, replayed: false };
      } catch (e) {
        if (!hasStatus(e, 409) && !hasStatus(e, 412)) throw e;
        await new Promise((r) => setTimeout(r, Math.random() * 20 * (attempt + 1)));
      }
    }
    throw new Error('could not number the decision after 20 attempts');
  }

  /** The decision an earlier submission of the same form recorded, if any. */
  private async byFormKey(org: string, group: string, rowKey: string): Promise<Decision | null> {
    const row = await getOrNull(this.store.table('Decisions'), pk(org, group), rowKey);
    if (row === null) return null;
    const k = keyRow.parse(row);
    return (await this.get(org, group, k.year, k.seq))?.decision ?? null;
  }

  /** The latest version of every decision of a group, newest first (one partition query; the export and the sweep). */
  async list(org: string, group: string): Promise<Decision[]> {
    const filter = odata`PartitionKey eq ${pk(org, group)} and RowKey ge 'd|' and RowKey lt 'd}'`;
    const out = await this.readAll('Decisions', filter, (e) => decisionSchema.parse(dataOf(e)));
    return out.sort((a, b) => b.year - a.year || b.seq - a.seq);
  }

  /**
   * Newest first from the start of the `d|` range (of one year, and after `before`): reads at
   * most `scan` rows, in pages of at most 1,000, and stops at `limit` matches plus one.
   */
  async newest(org: string, group: string, q: NewestQuery): Promise<DecisionPage> {
    const year = q.year === null ? null : invYear(q.year);
    const from = q.before !== null ? odata`RowKey gt ${latestKey(q.before)}` : odata`RowKey ge ${year === null ? 'd|' : `d|${year}|`}`;
    const to = odata`RowKey lt ${year === null ? 'd}' : `d|${year}}`}`;
    const filter = `${odata`PartitionKey eq ${pk(org, group)}`} and ${from} and ${to}`;
    const found: Decision[] = [];
    let scanned = 0;
    let lastKey: string | null = null;
    let exhausted = true;
    const pages = this.store
      .table('Decisions')
      .listEntities({ queryOptions: { filter } })
      .byPage({ maxPageSize: Math.min(q.scan, MAX_PAGE) });
    outer: for await (const page of pages) {
      for (const e of page) {
        if (scanned >= q.scan || found.length > q.limit) {
          exhausted = false;
          break outer;
        }
        scanned += 1;
        lastKey = e.rowKey ?? lastKey;
        try {
          const d = decisionSchema.parse(dataOf(e));
          if (q.matches(d)) found.push(d);
        } catch {
          this.logger.warn('storage.unreadableRow', { table: 'Decisions', partitionKey: e.partitionKey, rowKey: e.rowKey });
        }
      }
      if (page.continuationToken === undefined) break;
      if (scanned >= q.scan || found.length > q.limit) {
        exhausted = false;
        break;
      }
    }
    const shown = found.slice(0, q.limit);
    const last = shown.at(-1);
    // Older rows may follow: continue after the last decision shown (more matches) or the last row read (scan spent).
    const more = found.length > q.limit && last !== undefined ? { year: last.year, seq: last.seq } : exhausted || lastKey === null ? null : numberOfLatestKey(lastKey);
    return { decisions: shown, more, scanned };
  }

  /** One decision by number, with its ETag for a guarded change. */
  async get(org: string, group: string, year: number, seq: number): Promise<{ decision: Decision; etag: string } | null> {
    const e = await getOrNull(this.store.table('Decisions'), pk(org, group), latestKey({ year, seq }));
    return e === null ? null : { decision: decisionSchema.parse(dataOf(e)), etag: e.etag };
  }

  /** Every version of a decision, oldest first. */
  async versions(org: string, group: string, year: number, seq: number): Promise<Decision[]> {
    const prefix = `v|${seqKey({ year, seq })}|`;
    const filter = odata`PartitionKey eq ${pk(org, group)} and RowKey ge ${prefix} and RowKey lt ${`${prefix}~`}`;
    const out = await this.readAll('Decisions', filter, (e) => decisionSchema.parse(dataOf(e)));
    return out.sort((a, b) => a.version - b.version);
  }

  /** Saves a new version (correction, retraction, förankring done) if nobody changed it since. */
  async saveVersion(decision: Decision, etag: string): Promise<Result<void, 'conflict'>> {
    try {
      await this.store.table('Decisions').submitTransaction([
        ['update', this.row('d', decision), 'Replace', { etag }],
        ['create', this.row('v', decision)],
      ]);
      await this.indexForankring(decision);
      return ok(undefined);
    } catch (e) {
      if (hasStatus(e, 409) || hasStatus(e, 412)) return fail('conflict');
      throw e;
    }
  }

  /** Items sent back and waiting for a coming agenda. */
  async queue(org: string, group: string): Promise<QueuedItem[]> {
    const filter = odata`PartitionKey eq ${pk(org, group)} and RowKey ge 'q|' and RowKey lt 'q}'`;
    const row = z.object({ title: z.string(), originKind: z.literal('sent-back'), year: z.number().int(), seq: z.number().int() });
    return this.readAll('Decisions', filter, (e) => {
      const q = row.parse(e);
      return { title: q.title, origin: { kind: q.originKind, decision: { year: q.year, seq: q.seq } } };
    });
  }

  /** Takes a sent-back matter off the queue once it is on a new agenda (the decision keeps its history). */
  async dequeue(org: string, group: string, decision: { year: number; seq: number }): Promise<void> {
    try {
      await this.store.table('Decisions').deleteEntity(pk(org, group), `q|${seqKey(decision)}`);
    } catch (e) {
      if (!hasStatus(e, 404)) throw e;
    }
  }

  /** Decisions with förankring still pending for a principal or party. */
  async pendingForankring(org: string, holder: string): Promise<{ group: string; number: string; title: string }[]> {
    const filter = odata`PartitionKey eq ${keyPart(`${org}|${holder}`)} and status eq 'pending'`;
    return this.readAll('Forankring', filter, (e) => z.object({ group: z.string(), number: z.string(), title: z.string() }).parse(e));
  }

  /** Every pending förankring of the organisation: one partition query over the open index. */
  async openForankring(org: string): Promise<OpenForankring[]> {
    const filter = odata`PartitionKey eq ${openPk(org)}`;
    return this.readAll('Forankring', filter, (e) => openForankringSchema.parse(dataOf(e)));
  }

  /**
   * Puts förankring recorded before the open index existed into it: per holder, the rows still
   * `pending` in the holder index, each with its decision (a point read). Idempotent; reads only
   * what is pending, so it is cheap to run at every start. Returns how many rows it wrote.
   */
  async reindexOpenForankring(org: string, holders: readonly string[]): Promise<number> {
    let written = 0;
    for (const holder of holders) {
      const pending = await this.readAll('Forankring', odata`PartitionKey eq ${keyPart(`${org}|${holder}`)} and status eq 'pending'`, (e) => String(e.rowKey));
      for (const rowKey of pending) {
        const [group = '', year = '', seq = ''] = rowKey.split('|');
        const d = (await this.get(org, group, Number(year), Number(seq)))?.decision;
        const f = d?.forankring.find((x) => x.holder === holder);
        if (d === undefined || f?.status !== 'pending' || d.retracted !== null) continue;
        const value: OpenForankring = { group: d.group, year: d.year, seq: d.seq, number: d.number, title: d.title, text: d.text, date: d.date, holder };
        await this.store
          .table('Forankring')
          .upsertEntity({ partitionKey: openPk(org), rowKey: keyPart(`${d.group}|${seqKey(d)}|${holder}`), ...dataProperties(JSON.stringify(value)) }, 'Replace');
        written += 1;
      }
    }
    return written;
  }

  /** The latest minutes of a meeting with their ETag. */
  async minutes(org: string, group: string, meetingId: string): Promise<{ minutes: Minutes; etag: string } | null> {
    const e = await getOrNull(this.store.table('Decisions'), pk(org, group), `m|${keyPart(meetingId)}`);
    return e === null ? null : { minutes: minutesSchema.parse(dataOf(e)), etag: e.etag };
  }

  /**
   * Per meeting, the latest approved (or published) version of the minutes, from the version
   * history: a new draft after approval does not hide the approved text from the export.
   */
  async listMinutes(org: string, group: string): Promise<Minutes[]> {
    const filter = odata`PartitionKey eq ${pk(org, group)} and RowKey ge 'mv|' and RowKey lt 'mv}'`;
    const best = new Map<string, Minutes>();
    for (const m of await this.readAll('Decisions', filter, (e) => minutesSchema.parse(dataOf(e)))) {
      if (m.status !== 'approved' && m.status !== 'published') continue;
      const prev = best.get(m.meetingId);
      if (!prev || m.version > prev.version || (m.version === prev.version && m.status === 'published')) best.set(m.meetingId, m);
    }
    return [...best.values()].sort((a, b) => b.meetingId.localeCompare(a.meetingId));
  }

  /** Saves minutes (create when `etag` is null) and keeps every status of every version. */
  async saveMinutes(m: Minutes, etag: string | null): Promise<Result<void, 'conflict'>> {
    const data = dataProperties(JSON.stringify(m));
    const row = { partitionKey: pk(m.org, m.group), rowKey: `m|${keyPart(m.meetingId)}`, ...data };
    const history = { partitionKey: pk(m.org, m.group), rowKey: `mv|${keyPart(m.meetingId)}|${String(m.version).padStart(3, '0')}|${m.status}`, ...data };
    try {
      await this.store.table('Decisions').submitTransaction([etag === null ? ['create', row] : ['update', row, 'Replace', { etag }], ['upsert', history, 'Replace']]);
      return ok(undefined);
    } catch (e) {
      if (hasStatus(e, 409) || hasStatus(e, 412)) return fail('conflict');
      throw e;
    }
  }

  private row(kind: 'd' | 'v', d: Decision) {
    return decisionRow(kind, d);
  }

  private queueRow(d: Decision, q: QueuedItem) {
    // The reference is stored as columns (`originKind`, `year`, `seq`): table entities hold no nested objects.
    return {
      partitionKey: pk(d.org, d.group),
      rowKey: `q|${seqKey(d)}`,
      title: q.title,
      originKind: q.origin.kind,
      year: q.origin.decision.year,
      seq: q.origin.decision.seq,
    };
  }

  private async indexForankring(d: Decision): Promise<void> {
    const table = this.store.table('Forankring');
    for (const f of d.forankring) {
      await table.upsertEntity(
        {
          partitionKey: keyPart(`${d.org}|${f.holder}`),
          rowKey: `${d.group}|${seqKey(d)}`,
          group: d.group,
          number: d.number,
          title: d.title,
          status: d.retracted ? 'retracted' : f.status,
        },
        'Replace',
      );
      const open = { partitionKey: openPk(d.org), rowKey: keyPart(`${d.group}|${seqKey(d)}|${f.holder}`) };
      if (f.status === 'pending' && d.retracted === null) {
        const value: OpenForankring = { group: d.group, year: d.year, seq: d.seq, number: d.number, title: d.title, text: d.text, date: d.date, holder: f.holder };
        await table.upsertEntity({ ...open, ...dataProperties(JSON.stringify(value)) }, 'Replace');
      } else {
        try {
          await table.deleteEntity(open.partitionKey, open.rowKey);
        } catch (e) {
          if (!hasStatus(e, 404)) throw e;
        }
      }
    }
  }
}
