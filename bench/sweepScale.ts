/**
 * Sweep scale benchmark (issue 11): what one sweep reads and holds before it sends, at 100 /
 * 1,000 / 5,000 groups with ten years of history, as production wires it (årshjul, meeting
 * messages and förankring inputs), old reads beside new on the same data:
 *   before: every group's whole record (`wholeOrg`) and every decision ever (`decisions.list` per group);
 *   after:  `loadState` (rosters and terms in force, meetings in the planners' window, open förankring, ledger).
 * Reports storage read time, in-memory planning time, table requests and the heap the loaded state
 * keeps (after GC). The send phase is measured by bench/sweep.ts; this bench sends nothing.
 *
 * Load: organisations of 100 groups (one region's partition each), 6 members per group, per group
 * 2 meetings and 2 decisions a year for 2017–2026 (20 + 20 rows), the decisions of the last
 * 60 days with förankring pending at both principals. Seeded with batch transactions of 100.
 * Run: `node --expose-gc -r tsx/cjs bench/sweepScale.ts` (BENCH_SCALE_SIZES=100,1000,5000).
 */
import type { TransactionAction } from '@azure/data-tables';
import type { Organisation } from '../src/domain/organisation';
import { silentLogger } from '../src/logger';
import { LeaseKeeper } from '../src/scheduler/leaseKeeper';
import { loadState, planOutgoing } from '../src/scheduler/plan';
import type { SweepDeps } from '../src/scheduler/sweep';
import { startAzurite } from '../src/storage/azurite';
import { dataProperties, DecisionTableRepository } from '../src/storage/decisionRepository';
import { GroupStateTableRepository, memberEntity } from '../src/storage/groupStateRepository';
import { MeetingInputTableRepository } from '../src/storage/meetingInputRepository';
import { Leases, ReminderLedger } from '../src/storage/reminderLedger';
import { keyPart, TableStore } from '../src/storage/tables';
import { synthetic } from './sweep';

const BEFORE_MAX = Number(process.env.BENCH_SCALE_BEFORE_MAX ?? 1000);
const SIZES = (process.env.BENCH_SCALE_SIZES ?? '100,1000,5000').split(',').map(Number);
const GROUPS_PER_ORG = 100;
const MEMBERS = 6;
const YEARS = Number(process.env.BENCH_SCALE_YEARS ?? 10);
const BENCH_AT = new Date('2026-09-15T06:00:00Z');
const TODAY = '2026-09-15';

const gc = (globalThis as { gc?: () => void }).gc;
const heapMb = () => {
  gc?.();
  gc?.();
  return process.memoryUsage().heapUsed / 1_048_576;
};

async function batches(store: TableStore, table: 'GroupState' | 'Decisions' | 'Forankring', rows: Record<string, unknown>[]): Promise<void> {
  const byPk = new Map<string, Record<string, unknown>[]>();
  for (const r of rows) byPk.set(r.partitionKey as string, [...(byPk.get(r.partitionKey as string) ?? []), r]);
  const work: Record<string, unknown>[][] = [];
  for (const group of byPk.values()) for (let i = 0; i < group.length; i += 100) work.push(group.slice(i, i + 100));
  let next = 0;
  await Promise.all(
    Array.from({ length: 4 }, async () => {
      while (next < work.length) {
        const batch = work[next++];
        await store.table(table).submitTransaction(batch.map((e): TransactionAction => ['create', e as { partitionKey: string; rowKey: string }]));
      }
    }),
  );
}

/** One organisation of 100 groups with ten years of meetings and decisions. */
async function seedOrg(store: TableStore, n: number): Promise<Organisation> {
  const base = synthetic(GROUPS_PER_ORG, MEMBERS);
  const id = `region${String(n).padStart(3, '0')}`;
  const org: Organisation = { ...base.org, id, groups: base.org.groups.map((g) => ({ ...g })) };
  const state: Record<string, unknown>[] = [];
  const decisions: Record<string, unknown>[] = [];
  const open: Record<string, unknown>[] = [];
  for (const [group, roster] of base.rosters) {
    state.push({ partitionKey: keyPart(id), rowKey: `${group}|head`, kind: 'head', lastChange: 'seed' });
    for (const m of roster) state.push(memberEntity(id, group, m));
    for (const t of base.terms.filter((x) => x.group === group)) {
      const term = { ...t, org: id };
      state.push({
        partitionKey: keyPart(id),
        rowKey: `${group}|term|${term.start}|${term.role}|${term.id}`,
        kind: 'term',
        data: JSON.stringify(term),
        effectiveEnd: term.plannedEnd,
      });
    }
    for (let y = 2026 - YEARS + 1; y <= 2026; y++)
      for (const [md, seq] of [
        ['03-10', 1],
        ['10-06', 2],
      ] as const) {
        const date = `${y}-${md}`;
        const meeting = {
          id: `m${y}-${seq}`,
          org: id,
          group,
          date,
          startsAt: `${date}T08:00:00Z`,
          title: `Möte ${date}`,
          cancelled: false,
          place: 'Rum',
          agenda: [],
          revision: 0,
          status: date < TODAY ? 'held' : 'planned',
          cutoffHours: 24,
          posted: null,
          summaries: {},
          createdBy: 'seed',
        };
        state.push({ partitionKey: keyPart(id), rowKey: `${group}|meeting|${meeting.id}`, kind: 'meeting', date, data: JSON.stringify(meeting) });
        // The year's second decision of 2026 (20 July, by correspondence) is still pending at both principals: 57 days old, one reminder round due.
        const isPending = y === 2026 && seq === 2;
        const dDate = isPending ? '2026-07-20' : date;
        const decision = {
          org: id,
          group,
          year: y,
          seq,
          number: `${group} ${y}:${seq}`,
          date: dDate,
          kind: 'beslut',
          outcome: 'enighet',
          title: `Beslut ${y}:${seq}`,
          text: 'Gruppen beslutar enligt förslaget.',
          rationale: '',
          meetingId: meeting.id,
          itemId: null,
          absentInputAtHand: false,
          links: [],
          dissent: null,
          forankring: ['kommun', 'region'].map((holder) => ({ holder, status: isPending ? 'pending' : 'done', doneOn: isPending ? null : dDate, reference: null })),
          recordedBy: 'seed',
          recordedAt: `${dDate}T12:00:00Z`,
          version: 1,
          correctedBy: null,
          retracted: null,
        };
        decisions.push({
          partitionKey: keyPart(`${id}|${group}`),
          rowKey: `d|${y}|${String(seq).padStart(4, '0')}`,
          ...dataProperties(JSON.stringify(decision)),
          meetingId: meeting.id,
          number: decision.number,
        });
        if (isPending)
          for (const holder of ['kommun', 'region'])
            open.push({
              partitionKey: keyPart(`~open|${id}`),
              rowKey: keyPart(`${group}|${y}|${String(seq).padStart(4, '0')}|${holder}`),
              ...dataProperties(JSON.stringify({ group, year: y, seq, number: decision.number, title: decision.title, text: decision.text, date: dDate, holder })),
            });
      }
  }
  await batches(store, 'GroupState', state);
  await batches(store, 'Decisions', decisions);
  await batches(store, 'Forankring', open);
  return org;
}

async function measure(store: TableStore, orgs: Organisation[]) {
  const groupState = new GroupStateTableRepository(store, silentLogger);
  const decisions = new DecisionTableRepository(store, silentLogger);
  const deps = {
    catalog: { all: () => orgs },
    groupState,
    decisions,
    meetings: new MeetingInputTableRepository(store),
    ledger: new ReminderLedger(store),
    leases: new Leases(store),
    clock: { now: () => BENCH_AT },
    logger: silentLogger,
    instanceId: 'bench',
    settings: { leaseTtlMs: 5 * 60_000, staleClaimMs: 15 * 60_000, concurrency: 8 },
  } as unknown as SweepDeps;

  // Before: what the sweep read until issue 11 (whole records, every decision of every group); skipped above BEFORE_MAX groups (it takes minutes).
  let h0 = heapMb();
  let r0 = store.counter.count;
  let t0 = performance.now();
  const old: unknown[] = [];
  for (const org of orgs.length * GROUPS_PER_ORG <= BEFORE_MAX ? orgs : []) {
    old.push(await groupState.wholeOrg(org.id));
    for (const g of org.groups) old.push(await decisions.list(org.id, g.id));
  }
  const before = orgs.length * GROUPS_PER_ORG > BEFORE_MAX ? null : { readMs: performance.now() - t0, requests: store.counter.count - r0, heapMb: heapMb() - h0 };
  old.length = 0;

  // After: the sweep's own load and plan, as production wires them.
  h0 = heapMb();
  r0 = store.counter.count;
  t0 = performance.now();
  const keeper = new LeaseKeeper(deps, BENCH_AT, 'bench');
  const state = await loadState(deps, orgs, BENCH_AT, keeper);
  const readMs = performance.now() - t0;
  const stateMb = heapMb() - h0;
  const p0 = performance.now();
  const { due } = await planOutgoing(deps, state, BENCH_AT);
  const planMs = performance.now() - p0;
  const after = {
    readMs,
    planMs,
    requests: store.counter.count - r0,
    stateMb,
    heapMb: heapMb() - h0,
    due: due.length,
    meetingsHeld: [...state.groups.values()].reduce((n, g) => n + g.meetings.length, 0),
  };
  return { before, after };
}

async function main(): Promise<void> {
  if (gc === undefined) console.warn('run with --expose-gc for heap figures');
  const azurite = await startAzurite(null);
  const rows: string[] = [];
  try {
    for (const size of SIZES) {
      const store = new TableStore({ kind: 'connection-string', connectionString: azurite.connectionString }, `scale${size}`);
      await store.ensureTables();
      const s0 = performance.now();
      const orgs: Organisation[] = [];
      for (let n = 0; n < size / GROUPS_PER_ORG; n++) orgs.push(await seedOrg(store, n));
      const seedS = (performance.now() - s0) / 1000;
      const { before, after } = await measure(store, orgs);
      const b = before === null ? '– | – | –' : `${before.requests} | ${before.readMs.toFixed(0)} ms | ${before.heapMb.toFixed(1)} MB`;
      const line = `| ${size} | ${seedS.toFixed(0)} s | ${b} | ${after.requests} | ${after.readMs.toFixed(0)} ms | ${after.planMs.toFixed(0)} ms | ${after.stateMb.toFixed(1)} MB | ${after.heapMb.toFixed(1)} MB | ${after.due} | ${after.meetingsHeld} |`;
      console.log(line);
      rows.push(line);
      await store.dropTables();
    }
  } finally {
    await azurite.stop();
  }
  console.log(
    '\n| groups | seed | before: requests | before: read | before: heap | after: requests | after: read | after: plan | after: heap of state | after: heap with due messages | due | meetings held |',
  );
  console.log('|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|');
  for (const r of rows) console.log(r);
}

void main();
