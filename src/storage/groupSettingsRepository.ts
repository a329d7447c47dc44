import { odata } from '@azure/data-tables';
import { z } from 'zod';
import type { GroupSettingsRepository } from '../app/ports';
import type { GroupSettings } from '../domain/groupSettings';
import { silentLogger, type Logger } from '../logger';
import { keyPart, type TableStore } from './tables';

/**
 * Key design. OrgEdits, PK `s|{org}`: row `{group}|current` (the settings in force, one
 * partition query for the whole organisation) and `{group}|log|{at}` (every change, who and when).
 */
const settingsSchema: z.ZodType<GroupSettings> = z.object({
  deputies: z.boolean().nullable(),
  meetingGuidance: z.object({ min: z.number().int().min(0).max(52), max: z.number().int().min(0).max(52).nullable(), per: z.enum(['year', 'half-year']) }).nullable(),
  reportCadence: z.enum(['quarterly', 'half-yearly']).nullable(),
  justerareDefault: z.string().max(80).nullable(),
  inputCutoffHours: z.number().int().min(0).max(336).nullable(),
  by: z.string().max(80),
  at: z.string().max(40),
});
const row = z.object({ rowKey: z.string(), settings: z.string() });
const pk = (org: string) => `s|${keyPart(org)}`;

export class GroupSettingsTableRepository implements GroupSettingsRepository {
  constructor(
    private readonly store: TableStore,
    private readonly logger: Logger = silentLogger,
  ) {}

  async groupSettings(org: string): Promise<Map<string, GroupSettings>> {
    const out = new Map<string, GroupSettings>();
    for await (const e of this.store.table('OrgEdits').listEntities({ queryOptions: { filter: odata`PartitionKey eq ${pk(org)}` } })) {
      const r = row.safeParse(e);
      if (!r.success || !r.data.rowKey.endsWith('|current')) continue;
      try {
        const s = settingsSchema.safeParse(JSON.parse(r.data.settings));
        if (s.success) out.set(r.data.rowKey.slice(0, -'|current'.length), s.data);
        else this.logger.warn('storage.settings-unreadable', { org });
      } catch {
        this.logger.warn('storage.settings-unreadable', { org });
      }
    }
    return out;
  }

  async saveGroupSettings(org: string, group: string, settings: GroupSettings): Promise<void> {
    const json = JSON.stringify(settingsSchema.parse(settings));
    const table = this.store.table('OrgEdits');
    await table.createEntity({ partitionKey: pk(org), rowKey: `${keyPart(group)}|log|${settings.at}`, settings: json });
    await table.upsertEntity({ partitionKey: pk(org), rowKey: `${keyPart(group)}|current`, settings: json }, 'Replace');
  }
}
