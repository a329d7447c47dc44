import { randomBytes } from 'node:crypto';
import { z } from 'zod';
import { odata, type TransactionAction } from '@azure/data-tables';
import type { MeetingInputRepository, MeetingKey } from '../app/ports';
import type { AttendanceAnswer, WrittenInput } from '../domain/meetings';
import { silentLogger, type Logger } from '../logger';
import { keyPart, type TableStore } from './tables';

/**
 * Key design. MeetingInputs: PK `{org}|{group}|{meetingId}` (a meeting id is only unique within
 * its group, so the group is part of the key: one group's lead never reads another group's
 * input); RK `r|{member}` (attending / förhinder), `i|{author}|{item}` (the latest input per
 * item) and `h|{author}|{item}|{time}|{random}` (every version: the random part keeps two saves
 * in the same millisecond apart, and `create` never overwrites one). A meeting's brief is one
 * partition query. A text is at most 4,000 characters, far below a property's 32K.
 */
const answerRow = z.object({ rowKey: z.string(), attendance: z.enum(['attending', 'absent']), at: z.string() });
const inputRow = z.object({ author: z.string(), item: z.string(), text: z.string(), at: z.string() });

const pk = (m: MeetingKey) => keyPart(`${m.org}|${m.group}|${m.id}`);

export class MeetingInputTableRepository implements MeetingInputRepository {
  constructor(
    private readonly store: TableStore,
    private readonly logger: Logger = silentLogger,
  ) {}

  async load(m: MeetingKey): Promise<{ answers: AttendanceAnswer[]; inputs: WrittenInput[] }> {
    const answers: AttendanceAnswer[] = [];
    const inputs: WrittenInput[] = [];
    const filter = odata`PartitionKey eq ${pk(m)} and ((RowKey ge 'i|' and RowKey lt 'i}') or (RowKey ge 'r|' and RowKey lt 'r}'))`;
    for await (const e of this.store.table('MeetingInputs').listEntities({ queryOptions: { filter } })) {
      const rk = e.rowKey ?? '';
      // Reading is tolerant: one unreadable row is logged (ids only) and skipped, never fails the meeting.
      if (rk.startsWith('r|')) {
        const a = answerRow.safeParse(e);
        if (a.success) answers.push({ member: rk.slice(2), attendance: a.data.attendance, at: a.data.at });
        else this.unreadable(m, 'answer');
      } else if (rk.startsWith('i|')) {
        const i = inputRow.safeParse(e);
        if (i.success) inputs.push(i.data);
        else this.unreadable(m, 'input');
      }
    }
    return { answers, inputs };
  }

  async saveAnswer(m: MeetingKey, answer: AttendanceAnswer): Promise<void> {
    await this.store.table('MeetingInputs').upsertEntity({ partitionKey: pk(m), rowKey: `r|${answer.member}`, attendance: answer.attendance, at: answer.at }, 'Replace');
  }

  async saveInputs(m: MeetingKey, inputs: readonly WrittenInput[]): Promise<void> {
    const actions: TransactionAction[] = inputs.flatMap((i): TransactionAction[] => {
      const row = { author: i.author, item: i.item, text: i.text, at: i.at };
      return [
        ['upsert', { partitionKey: pk(m), rowKey: `i|${i.author}|${keyPart(i.item)}`, ...row }, 'Replace'],
        ['create', { partitionKey: pk(m), rowKey: `h|${i.author}|${keyPart(i.item)}|${i.at}|${randomBytes(6).toString('hex')}`, ...row }],
      ];
    });
    for (let n = 0; n < actions.length; n += 100) await this.store.table('MeetingInputs').submitTransaction(actions.slice(n, n + 100));
  }

  async history(m: MeetingKey, author: string): Promise<WrittenInput[]> {
    const prefix = `h|${author}|`;
    const filter = odata`PartitionKey eq ${pk(m)} and RowKey ge ${prefix} and RowKey lt ${`h|${author}}`}`;
    const out: WrittenInput[] = [];
    for await (const e of this.store.table('MeetingInputs').listEntities({ queryOptions: { filter } })) {
      const i = inputRow.safeParse(e);
      if (i.success) out.push(i.data);
      else this.unreadable(m, 'history');
    }
    return out.sort((a, b) => a.at.localeCompare(b.at));
  }

  private unreadable(m: MeetingKey, row: string): void {
    this.logger.warn('storage.row-skipped', { table: 'MeetingInputs', org: m.org, group: m.group, meeting: m.id, row });
  }
}
