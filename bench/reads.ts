/**
 * Part of `npm run bench`: what each read command costs as the group's history grows. LGS gets
 * N past meetings and N decisions (N = 10, then 1,000, then 10,000, written in bulk), and each
 * command is measured at each N: table requests and entities read (counted by the table
 * clients' pipeline policy) and p50/p99 of sequential requests. Flat is the target.
 */
import type { TransactionAction } from '@azure/data-tables';
import { addDays, type IsoDate } from '../src/domain/calendarDate';
import { newDecision } from '../src/domain/decisions';
import type { Meeting } from '../src/domain/meetings';
import { decisionRow } from '../src/storage/decisionRepository';
import { meetingEntity } from '../src/storage/groupStateRepository';
import type { TableStore } from '../src/storage/tables';
import type { RunningBot } from '../src/wiring';

const ORG = 'goteborgsomradet';
const GROUP = 'lgs';
const PER_YEAR = 500;
const SAMPLES = Number(process.env.BENCH_READ_SAMPLES ?? 20);

async function inBatches(store: TableStore, table: 'GroupState' | 'Decisions', rows: Record<string, unknown>[]): Promise<void> {
  for (let i = 0; i < rows.length; i += 100) {
    const actions = rows.slice(i, i + 100).map((r): TransactionAction => ['upsert', r as { partitionKey: string; rowKey: string }, 'Replace']);
    await store.table(table).submitTransaction(actions);
  }
}

/** Past meetings (one a day back from `today`) and decisions (500 a year back from this year), `from` to `to`. */
async function seedHistory(store: TableStore, today: IsoDate, from: number, to: number): Promise<void> {
  const meetings: Record<string, unknown>[] = [];
  const decisions: Record<string, unknown>[] = [];
  const year = Number(today.slice(0, 4));
  for (let i = from; i < to; i++) {
    const date = addDays(today, -(i + 30));
    const meeting: Meeting = {
      id: `${date}-${i.toString(16).padStart(8, '0')}`,
      org: ORG,
      group: GROUP,
      date,
      startsAt: `${date}T12:00:00.000Z`,
      title: 'LGS',
      cancelled: false,
      place: 'Teams',
      agenda: [1, 2, 3, 4].map((n) => ({
        id: `p${n}-${i.toString(16)}`,
        title: `Punkt ${n}: uppföljning av samverkansavtalet`,
        kind: 'beslut',
        presenter: 'Processledare',
        minutes: 20,
        documents: [],
        source: null,
        withdrawn: false,
      })),
      revision: 0,
      status: 'held',
      cutoffHours: 24,
      posted: null,
      summaries: {},
      createdBy: 'bench',
    };
    meetings.push(meetingEntity(meeting));
    const y = year - Math.floor(i / PER_YEAR);
    const seq = (i % PER_YEAR) + 1;
    const rare = i % 100 === 0 ? ' sällsynt' : '';
    const d = newDecision(
      {
        date: `${y}-06-01`,
        kind: 'beslut',
        consensus: true,
        outcome: 'enighet',
        title: `Beslut ${i}${rare}`,
        text: 'LGS fastställer rutinen för samordnad individuell plan. '.repeat(8),
        rationale: '',
        dissent: null,
        meetingId: null,
        itemId: null,
        absentInputAtHand: false,
        links: [],
        forankring: [],
      } as never,
      { org: ORG, group: GROUP, shortName: 'LGS', year: y, seq, by: 'bench', now: `${y}-06-01T10:00:00Z` },
    );
    decisions.push(decisionRow('d', d));
  }
  await inBatches(store, 'GroupState', meetings);
  await inBatches(store, 'Decisions', decisions);
}

export interface ReadRow {
  readonly command: string;
  readonly n: number;
  readonly requests: number;
  readonly entities: number;
  readonly p50: number;
  readonly p99: number;
}

const percentile = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)] ?? 0;
};

/** Measures every read command at N = 10, 1,000 and 10,000 history rows; prints the table and returns it. */
export async function readCommandTable(
  running: RunningBot,
  post: (activity: object) => Promise<unknown>,
  commands: readonly [string, object][],
  today: IsoDate,
): Promise<ReadRow[]> {
  const rows: ReadRow[] = [];
  let seeded = 0;
  for (const n of [10, 1_000, 10_000]) {
    const started = Date.now();
    await seedHistory(running.store, today, seeded, n);
    seeded = n;
    console.error(`historik: ${n} möten och ${n} beslut i LGS (${Date.now() - started} ms att skriva)`);
    for (const [command, activity] of commands) {
      await post(activity); // warm: the person cache and the conversation reference
      running.store.counter.startRecording();
      await post(activity);
      const requests = running.store.counter.stopRecording().length;
      running.store.counter.startRecording();
      await post(activity);
      const entities = running.store.counter.entitiesRecorded;
      running.store.counter.stopRecording();
      const times: number[] = [];
      for (let i = 0; i < SAMPLES; i++) {
        const t0 = performance.now();
        await post(activity);
        times.push(performance.now() - t0);
      }
      rows.push({ command, n, requests, entities, p50: percentile(times, 50), p99: percentile(times, 99) });
    }
  }
  console.log(`\nLäskommandon mot historikens storlek (N möten + N beslut i LGS; ${SAMPLES} förfrågningar i följd per mätpunkt)\n`);
  console.log('| kommando | förfrågningar N=10 / 1 000 / 10 000 | entiteter lästa N=10 / 1 000 / 10 000 | p50 ms | p99 ms |\n|---|---|---|---|---|');
  for (const [command] of commands) {
    const r = rows.filter((x) => x.command === command);
    const f = (k: 'requests' | 'entities') => r.map((x) => x[k]).join(' / ');
    const ms = (k: 'p50' | 'p99') => r.map((x) => x[k].toFixed(0)).join(' / ');
    console.log(`| ${command} | ${f('requests')} | ${f('entities')} | ${ms('p50')} | ${ms('p99')} |`);
  }
  return rows;
}
