import { z } from 'zod';
import { odata, type TableEntityResult, type TransactionAction } from '@azure/data-tables';
import type { OrganisationRepository } from '../app/ports';
import type { Organisation } from '../domain/organisation';
import { silentLogger, type Logger } from '../logger';
import { organisationEntity } from './organisationEntity';
import { keyPart, type TableStore } from './tables';

/**
 * Key design: one partition per organisation; rows `meta`, `principal|id`, `party|id`,
 * `group|id`, `cycle|id`, each holding its item as JSON in `data`. The catalogue is read
 * once at start-up; saving compares rows and writes only what changed, in batches.
 */
const rowSchema = z.object({ partitionKey: z.string(), rowKey: z.string(), data: z.string() });

type Row = { partitionKey: string; rowKey: string; data: string };

function rowsOf(org: Organisation): Row[] {
  const pk = keyPart(org.id);
  const { principals: _p, parties: _pa, groups: _g, annualCycle: _c, ...meta } = org;
  return [
    { partitionKey: pk, rowKey: 'meta', data: JSON.stringify(meta) },
    ...org.principals.map((p, i) => ({ partitionKey: pk, rowKey: `principal|${order(i)}|${p.id}`, data: JSON.stringify(p) })),
    ...org.parties.map((p, i) => ({ partitionKey: pk, rowKey: `party|${order(i)}|${p.id}`, data: JSON.stringify(p) })),
    ...org.groups.map((g, i) => ({ partitionKey: pk, rowKey: `group|${order(i)}|${g.id}`, data: JSON.stringify(g) })),
    ...org.annualCycle.map((c, i) => ({ partitionKey: pk, rowKey: `cycle|${order(i)}|${c.id}`, data: JSON.stringify(c) })),
  ];
}

/** Keeps the file's order in the row keys, so lists read back in the order the file gives. */
const order = (i: number) => String(i).padStart(4, '0');

export class OrganisationTableRepository implements OrganisationRepository {
  constructor(
    private readonly store: TableStore,
    private readonly logger: Logger = silentLogger,
  ) {}

  /**
   * Every stored organisation. Reading is tolerant: an unreadable row is logged and skipped, and
   * an organisation that cannot be rebuilt is logged and left out, so one bad row never stops
   * the others from loading.
   */
  async loadAll(): Promise<Organisation[]> {
    const byOrg = new Map<string, Row[]>();
    for await (const e of this.store.table('Organisations').listEntities()) {
      const row = rowSchema.safeParse(e);
      if (!row.success) {
        this.logger.error('storage.row-unreadable', { table: 'Organisations', org: e.partitionKey ?? '', row: rowKind(e.rowKey ?? ''), problem: 'shape' });
        continue;
      }
      byOrg.set(row.data.partitionKey, [...(byOrg.get(row.data.partitionKey) ?? []), row.data]);
    }
    const organisations: Organisation[] = [];
    for (const [org, rows] of byOrg) {
      const result = assemble(rows, (rowKey) => this.logger.error('storage.row-unreadable', { table: 'Organisations', org, row: rowKind(rowKey), problem: 'json' }));
      if (result.success) organisations.push(result.data);
      else this.logger.error('storage.organisation-unreadable', { table: 'Organisations', org, paths: result.paths.slice(0, 5) });
    }
    return organisations.sort((a, b) => a.id.localeCompare(b.id));
  }

  async save(org: Organisation): Promise<{ written: number; deleted: number }> {
    const table = this.store.table('Organisations');
    const wanted = rowsOf(org);
    const existing = new Map<string, string>();
    const filter = odata`PartitionKey eq ${keyPart(org.id)}`;
    for await (const e of table.listEntities<{ data: string }>({ queryOptions: { filter, select: ['RowKey', 'data'] } }))
      existing.set((e as TableEntityResult<{ data: string }>).rowKey ?? '', e.data);
    const actions: TransactionAction[] = [];
    for (const row of wanted) if (existing.get(row.rowKey) !== row.data) actions.push(['upsert', row, 'Replace']);
    const keep = new Set(wanted.map((r) => r.rowKey));
    let deleted = 0;
    for (const rowKey of existing.keys())
      if (!keep.has(rowKey)) {
        actions.push(['delete', { partitionKey: keyPart(org.id), rowKey }]);
        deleted += 1;
      }
    for (let i = 0; i < actions.length; i += 100) await table.submitTransaction(actions.slice(i, i + 100));
    return { written: actions.length - deleted, deleted };
  }
}

/** The kind of an organisation row (`meta`, `group`, …) with its item id: no personal data. */
const rowKind = (rowKey: string) =>
  rowKey
    .split('|')
    .filter((_, i) => i !== 1)
    .join('|')
    .slice(0, 80);

type Assembled = { success: true; data: Organisation } | { success: false; paths: string[] };

/**
 * Rebuilds an organisation from its rows and checks it against the stored shape, so a bad row is
 * caught on read. A row whose JSON cannot be read is reported and left out.
 */
function assemble(rows: readonly Row[], unreadable: (rowKey: string) => void): Assembled {
  const sorted = [...rows].sort((a, b) => a.rowKey.localeCompare(b.rowKey));
  const json = (r: Row): unknown => {
    try {
      return JSON.parse(r.data) as unknown;
    } catch {
      unreadable(r.rowKey);
      return undefined;
    }
  };
  const items = (prefix: string) =>
    sorted
      .filter((r) => r.rowKey.startsWith(`${prefix}|`))
      .map(json)
      .filter((x) => x !== undefined);
  const metaRow = sorted.find((r) => r.rowKey === 'meta');
  const meta = metaRow === undefined ? undefined : json(metaRow);
  if (typeof meta !== 'object' || meta === null) return { success: false, paths: ['meta'] };
  const parsed = organisationEntity.safeParse({ ...meta, principals: items('principal'), parties: items('party'), groups: items('group'), annualCycle: items('cycle') });
  return parsed.success ? { success: true, data: parsed.data } : { success: false, paths: parsed.error.issues.map((i) => i.path.join('.')) };
}
