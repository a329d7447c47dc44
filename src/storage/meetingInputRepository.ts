import { z } from 'zod';
import type { TransactionAction } from '@azure/data-tables';
import type { MeetingInputRepository } from '../app/ports';
import type { AttendanceAnswer, WrittenInput } from '../domain/meetings';
import { keyPart, odataString, type TableStore } from './tables';

/**
 * Key design. MeetingInputs: PK `{org}|{meetingId}`; RK `r|{member}` (attending / förhinder),
 * `i|{author}|{item}` (the latest input per item) and `h|{author}|{item}|{time}` (every
 * version, so nothing a member wrote is ever lost). A meeting's brief is one partition query.
 */
const answerRow = z.object({ rowKey: z.string(), attendance: z.enum(['attending', 'absent']), at: z.string() });
const inputRow = z.object({ author: z.string(), item: z.string(), text: z.string(), at: z.string() });

const pk = (org: string, meetingId: string) => keyPart(`${org}|${meetingId}`);

export class MeetingInputTableRepository implements MeetingInputRepository {
  constructor(private readonly store: TableStore) {}

  async load(org: string, meetingId: string): Promise<{ answers: AttendanceAnswer[]; inputs: WrittenInput[] }> {
    const answers: AttendanceAnswer[] = [];
    const inputs: WrittenInput[] = [];
    const filter = `PartitionKey eq ${odataString(pk(org, meetingId))} and ((RowKey ge 'i|' and RowKey lt 'i}') or (RowKey ge 'r|' and RowKey lt 'r}'))`;
    for await (const e of this.store.table('MeetingInputs').listEntities({ queryOptions: { filter } })) {
      const rk = e.rowKey ?? '';
      if (rk.startsWith('r|')) {
        const a = answerRow.parse(e);
        answers.push({ member: rk.slice(2), attendance: a.attendance, at: a.at });
      } else if (rk.startsWith('i|')) inputs.push(inputRow.parse(e));
    }
    return { answers, inputs };
  }

  async saveAnswer(org: string, meetingId: string, answer: AttendanceAnswer): Promise<void> {
    await this.store
      .table('MeetingInputs')
      .upsertEntity({ partitionKey: pk(org, meetingId), rowKey: `r|${answer.member}`, attendance: answer.attendance, at: answer.at }, 'Replace');
  }

  async saveInputs(org: string, meetingId: string, inputs: readonly WrittenInput[]): Promise<void> {
    const actions: TransactionAction[] = inputs.flatMap((i): TransactionAction[] => {
      const row = { author: i.author, item: i.item, text: i.text, at: i.at };
      return [
        ['upsert', { partitionKey: pk(org, meetingId), rowKey: `i|${i.author}|${keyPart(i.item)}`, ...row }, 'Replace'],
        ['upsert', { partitionKey: pk(org, meetingId), rowKey: `h|${i.author}|${keyPart(i.item)}|${i.at}`, ...row }, 'Replace'],
      ];
    });
    for (let n = 0; n < actions.length; n += 100) await this.store.table('MeetingInputs').submitTransaction(actions.slice(n, n + 100));
  }
}
