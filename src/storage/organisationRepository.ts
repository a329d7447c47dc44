import { z } from 'zod';
import type { TableEntityResult, TransactionAction } from '@azure/data-tables';
import type { OrganisationRepository } from '../app/ports';
import { orgFileSchema } from '../config/orgSchema';
import type { Organisation } from '../domain/organisation';
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
  const meta = { id: org.id, name: org.name, shortName: org.shortName, timeZone: org.timeZone, deadlineShift: org.deadlineShift };
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
  constructor(private readonly store: TableStore) {}

  async loadAll(): Promise<Organisation[]> {
    const byOrg = new Map<string, Row[]>();
    for await (const e of this.store.table('Organisations').listEntities()) {
      const row = rowSchema.parse(e);
      byOrg.set(row.partitionKey, [...(byOrg.get(row.partitionKey) ?? []), row]);
    }
    return [...byOrg.values()].map((rows) => assemble(rows)).sort((a, b) => a.id.localeCompare(b.id));
  }

  async save(org: Organisation): Promise<{ written: number; deleted: number }> {
    const table = this.store.table('Organisations');
    const wanted = rowsOf(org);
    const existing = new Map<string, string>();
    const filter = `PartitionKey eq '${keyPart(org.id)}'`;
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

/** Rebuilds an organisation from its rows and validates it like a file, so a bad row is caught on read. */
function assemble(rows: readonly Row[]): Organisation {
  const sorted = [...rows].sort((a, b) => a.rowKey.localeCompare(b.rowKey));
  const items = (prefix: string) => sorted.filter((r) => r.rowKey.startsWith(`${prefix}|`)).map((r) => JSON.parse(r.data) as unknown);
  const metaRow = sorted.find((r) => r.rowKey === 'meta');
  if (metaRow === undefined) throw new Error(`organisation partition ${rows[0]?.partitionKey} has no meta row`);
  return orgFileSchema.parse({
    ...(JSON.parse(metaRow.data) as object),
    principals: items('principal'),
    parties: items('party'),
    groups: items('group'),
    annualCycle: items('cycle'),
  });
}
