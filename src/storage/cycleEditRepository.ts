import { odata } from '@azure/data-tables';
import { z } from 'zod';
import type { CycleEditRepository } from '../app/ports';
import { CYCLE_AUDIENCES, type CycleEdit } from '../domain/organisation';
import { silentLogger, type Logger } from '../logger';
import { keyPart, type TableStore } from './tables';

/**
 * Key design. OrgEdits: PK `c|{org}|{year}` (the årshjul edits of one organisation and year),
 * RK `{at}|{id}`: append-only, so every change stays with who and when, and the latest edit of
 * an occurrence is simply the last one read. An organisation's edits are one range query over
 * its partitions (`c|{org}|` up to `c|{org}|~`), read at start-up and after each edit.
 */
const date = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
const base = {
  id: z.string().min(1).max(80),
  group: z.string().max(64).nullable(),
  year: z.number().int().min(2000).max(2100),
  by: z.string().max(80),
  at: z.string().max(40),
};
const editSchema: z.ZodType<CycleEdit> = z.discriminatedUnion('kind', [
  z.object({ ...base, kind: z.literal('confirm'), target: z.string().max(200) }),
  z.object({ ...base, kind: z.literal('move'), target: z.string().max(200), date }),
  z.object({ ...base, kind: z.literal('remove'), target: z.string().max(200) }),
  z.object({
    ...base,
    kind: z.literal('add'),
    item: z.string().max(80),
    date,
    title: z.string().max(200),
    audience: z.array(z.enum(CYCLE_AUDIENCES)),
    remindDaysBefore: z.array(z.number().int().min(0).max(365)),
  }),
]);
const row = z.object({ edit: z.string() });

const pk = (org: string, year: number) => `c|${keyPart(org)}|${year}`;

export class CycleEditTableRepository implements CycleEditRepository {
  constructor(
    private readonly store: TableStore,
    private readonly logger: Logger = silentLogger,
  ) {}

  async cycleEdits(org: string): Promise<CycleEdit[]> {
    const prefix = `c|${keyPart(org)}|`;
    const out: CycleEdit[] = [];
    const rows = this.store.table('OrgEdits').listEntities({ queryOptions: { filter: odata`PartitionKey ge ${prefix} and PartitionKey lt ${`${prefix}~`}` } });
    for await (const entity of rows) {
      const r = row.safeParse(entity);
      let parsed: ReturnType<typeof editSchema.safeParse> | null;
      try {
        parsed = r.success ? editSchema.safeParse(JSON.parse(r.data.edit)) : null;
      } catch {
        parsed = null;
      }
      // A row this version cannot read is skipped (and logged), never guessed at.
      if (parsed?.success) out.push(parsed.data);
      else this.logger.warn('storage.cycle-edit-unreadable', { org });
    }
    return out.sort((a, b) => a.at.localeCompare(b.at));
  }

  async saveCycleEdit(org: string, edit: CycleEdit): Promise<void> {
    await this.store
      .table('OrgEdits')
      .createEntity({ partitionKey: pk(org, edit.year), rowKey: `${edit.at}|${keyPart(edit.id)}`, edit: JSON.stringify(editSchema.parse(edit)) });
  }
}
