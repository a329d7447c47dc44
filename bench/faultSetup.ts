/**
 * Shared by the fault bench (bench/faults.ts) and its sweep child process (bench/faultWorker.ts):
 * the synthetic load (the sweep bench's shape, fewer groups), seeding it into Azurite, and the
 * sweep's dependencies. Loopback only.
 */
import type { TransactionAction } from '@azure/data-tables';
import { OrgCatalog } from '../src/app/catalog';
import type { Clock } from '../src/app/ports';
import { dueReminders, type CycleState, type GroupCycleState } from '../src/domain/annualCycle';
import { dateIn } from '../src/domain/calendarDate';
import type { ConversationRef } from '../src/domain/conversation';
import { silentLogger } from '../src/logger';
import { RateLimiter } from '../src/scheduler/rateLimiter';
import { defaultSweepSettings, type SweepDeps, type SweepSettings } from '../src/scheduler/sweep';
import { ConversationTableRepository } from '../src/storage/conversationRepository';
import { GroupStateTableRepository, memberEntity } from '../src/storage/groupStateRepository';
import { Leases, ReminderLedger } from '../src/storage/reminderLedger';
import { keyPart, TableStore } from '../src/storage/tables';
import { createBotAuth } from '../src/teams/adapter';
import { ProactiveSender } from '../src/teams/proactive';
import { synthetic } from './sweep';

/** 84 groups × 3 due items × chair and process leader: 504 reminders. */
export const FAULT_GROUPS = 84;
const MEMBERS = 4;
export const ORG = 'benchorg';
const TENANT = '7e5a0000-0000-4000-8000-00000000beef';
/** Tuesday 15 September 2026, 08:00 in Stockholm (as the sweep bench). */
export const BENCH_AT = new Date('2026-09-15T06:00:00Z');
export const PER_CONVERSATION = 7;
export const PER_TENANT = 200;

export function load(groups = FAULT_GROUPS) {
  return synthetic(groups, MEMBERS);
}

/** `{group}|{occurrence}|{conversation}` of every reminder due at BENCH_AT. */
export function expectedKeys(groups = FAULT_GROUPS): string[] {
  const data = load(groups);
  const state: CycleState = {
    orgs: [data.org],
    groups: new Map<string, GroupCycleState>(
      [...data.rosters].map(([g, roster]) => [`${ORG}|${g}`, { members: roster, terms: data.terms.filter((t) => t.group === g), meetings: [] }]),
    ),
    done: new Set(),
    acknowledged: new Set(),
  };
  return dueReminders(state, dateIn(BENCH_AT, data.org.timeZone)).map((r) => `${r.occurrence.group.id}|${r.occurrence.key}|${data.people.get(r.recipient)}`);
}

export function storeFor(connectionString: string, prefix: string): TableStore {
  return new TableStore({ kind: 'connection-string', connectionString }, prefix);
}

export async function seed(store: TableStore, connectorUrl: string, groups = FAULT_GROUPS): Promise<void> {
  await store.ensureTables();
  const data = load(groups);
  const groupState = new GroupStateTableRepository(store);
  for (const t of data.terms) {
    const r = await groupState.recordTerm(ORG, null, t, null);
    if (!r.ok) throw new Error(`could not record the term of ${t.group}`);
  }
  const rows = [...data.rosters].flatMap(([group, roster]) => roster.map((m) => memberEntity(ORG, group, m)));
  for (let i = 0; i < rows.length; i += 100) await store.table('GroupState').submitTransaction(rows.slice(i, i + 100).map((e): TransactionAction => ['create', e]));
  const ref = (aad: string, conversationId: string): ConversationRef => ({
    channelId: 'msteams',
    serviceUrl: connectorUrl,
    tenantId: TENANT,
    conversationId,
    conversationType: 'personal',
    botId: '28:bench-bot',
    botName: 'Samverkansboten',
    userAadObjectId: aad,
    teamId: null,
  });
  const refRows = [...data.people].map(([aad, c]) => ({ partitionKey: 'personal', rowKey: keyPart(aad.toLowerCase()), ref: JSON.stringify(ref(aad, c)), teamId: '' }));
  for (let i = 0; i < refRows.length; i += 100)
    await store.table('Conversations').submitTransaction(refRows.slice(i, i + 100).map((e): TransactionAction => ['create', e]));
}

/** A clock running in real time from BENCH_AT + offset (leases and backoff see time pass). */
export function runningClock(offsetMs = 0): Clock {
  const base = Date.now();
  return { now: () => new Date(BENCH_AT.getTime() + offsetMs + (Date.now() - base)) };
}

export function sweepDeps(store: TableStore, instanceId: string, clock: Clock, settings: Partial<SweepSettings> = {}, groups = FAULT_GROUPS): SweepDeps {
  return {
    catalog: new OrgCatalog([load(groups).org]),
    groupState: new GroupStateTableRepository(store),
    conversations: new ConversationTableRepository(store),
    ledger: new ReminderLedger(store),
    leases: new Leases(store),
    sender: new ProactiveSender(createBotAuth(null), ''),
    limiter: new RateLimiter({ perConversation: PER_CONVERSATION, perTenant: PER_TENANT }),
    clock,
    logger: silentLogger,
    instanceId,
    settings: { ...defaultSweepSettings, ...settings },
  };
}
