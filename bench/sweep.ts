/**
 * Sweep benchmark (part of `npm run bench`): one reminder sweep over a synthetic load of
 * 500 NOSAM groups × 20 members × 30 årshjul items, on Azurite, sending to a fake Teams
 * connector that enforces the Teams limits (bench/fakeTeamsConnector.ts).
 *
 * Measures: how many reminders are due; the storage read time (`readMs`) beside the planning time (the sweep's own `planningMs`, the
 * synchronous CPU work of working out due reminders, cross-checked with process.cpuUsage on
 * the same computation); table requests of the sweep in total and per group; send phase
 * wall time and achieved rate against the allowed per-tenant rate; 429s received; that
 * every due reminder reached its recipient exactly once (counted at the connector); and
 * that a second sweep sends nothing.
 *
 * Targets (issue): planning under 1 s; sending at ≥ 90 % of the allowed rate, with no
 * reminder lost or doubled.
 *
 * Load shape. Items are yearly, deadlines spread evenly over the year, reminded 30, 14, 7
 * and 1 days before; 27 go to the chair and the process leader, 3 to every member. On the
 * bench date (Tuesday 15 September 2026, 08:00 in Stockholm) three chair/process-leader
 * items fall within 30 days, so 500 × 3 × 2 = 3000 reminders are due (about 10 % of the
 * items, which is what a 30-day reminder horizon gives on any day of the year). Process
 * leaders are shared by pairs of groups, as NOSAM's are, so each gets 6 reminders at once.
 *
 * Rate choice. The connector enforces 7 messages/s per conversation (the Teams limit) and
 * BENCH_TENANT_RATE (default 100) messages/s per tenant; the bot's RateLimiter is given the
 * same numbers, as a deployment sets TEAMS_RATE_PER_TENANT to what its tenant allows. 100/s
 * keeps the send phase of 3000 reminders near 30 s (at the production default of 25/s it
 * would take two minutes) while still being a rate at which per-send overhead (HTTP to the
 * connector, one ETag-guarded table update per reminder) matters.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import type { TransactionAction } from '@azure/data-tables';
import { OrgCatalog } from '../src/app/catalog';
import type { Clock, GroupMember } from '../src/app/ports';
import { dueReminders, type CycleState, type GroupCycleState } from '../src/domain/annualCycle';
import { dateIn } from '../src/domain/calendarDate';
import type { Term } from '../src/domain/chairTerms';
import type { ConversationRef } from '../src/domain/conversation';
import type { CycleItem, Group, Organisation } from '../src/domain/organisation';
import { silentLogger } from '../src/logger';
import { RateLimiter } from '../src/scheduler/rateLimiter';
import { sweep, type SweepDeps, type SweepReport } from '../src/scheduler/sweep';
import { startAzurite } from '../src/storage/azurite';
import { ConversationTableRepository } from '../src/storage/conversationRepository';
import { DecisionTableRepository } from '../src/storage/decisionRepository';
import { GroupStateTableRepository, memberEntity } from '../src/storage/groupStateRepository';
import { MeetingInputTableRepository } from '../src/storage/meetingInputRepository';
import { MemberTableRepository } from '../src/storage/memberRepository';
import { Leases, ReminderLedger } from '../src/storage/reminderLedger';
import { keyPart, TableStore } from '../src/storage/tables';
import { createBotAuth } from '../src/teams/adapter';
import { ProactiveSender } from '../src/teams/proactive';
import { FakeTeamsConnector, type AcceptedMessage } from './fakeTeamsConnector';

const GROUPS = 500;
const MEMBERS_PER_GROUP = 20;
const ITEMS = 30;
const PER_CONVERSATION = 7;
const PER_TENANT = Number(process.env.BENCH_TENANT_RATE ?? 100);
const CONCURRENCY = Number(process.env.BENCH_SWEEP_CONCURRENCY ?? 8);
const ORG = 'benchorg';
const TENANT = '7e5a0000-0000-4000-8000-00000000beef';
/** Tuesday 15 September 2026, 08:00 in Stockholm. */
const BENCH_AT = new Date('2026-09-15T06:00:00Z');
const PLANNING_TARGET_MS = 1000;
const RATE_TARGET = 0.9;

const PARTIES = [
  ...Array.from({ length: 10 }, (_, i) => ({ id: `kommun-${i + 1}`, name: `Kommun ${i + 1}`, principal: 'kommun' })),
  { id: 'vgr-sjukhus', name: 'Sjukhusen', principal: 'region' },
  { id: 'vgr-primarvard', name: 'Primärvården', principal: 'region' },
];

const guid = (kind: number, n: number) => `00000000-0000-4000-8${kind.toString(16).padStart(3, '0')}-${n.toString(16).padStart(12, '0')}`;
const groupId = (g: number) => `nosam-${String(g + 1).padStart(3, '0')}`;

/** 30 yearly items, deadlines evenly over the year; items 5, 15 and 25 go to every member. */
function cycleItems(): CycleItem[] {
  return Array.from({ length: ITEMS }, (_, i) => {
    const d = new Date(Date.UTC(2026, 0, 8 + Math.floor((i * 365) / ITEMS)));
    const members = i % 10 === 5;
    return {
      id: `punkt-${String(i + 1).padStart(2, '0')}`,
      title: { sv: `Årshjulspunkt ${i + 1}`, en: `Annual cycle item ${i + 1}` },
      appliesTo: { kinds: ['nosam'], groups: [] },
      schedule: { kind: 'yearly', month: d.getUTCMonth() + 1, day: d.getUTCDate() },
      remindDaysBefore: [30, 14, 7, 1],
      audience: members ? ['members'] : ['chair', 'processLeader'],
      status: 'confirmed',
      cadence: null,
      quote: null,
      source: 'bench',
    };
  });
}

interface Synthetic {
  readonly org: Organisation;
  readonly rosters: Map<string, GroupMember[]>;
  readonly terms: Term[];
  /** Everyone with a personal chat: AAD object id → conversation id. */
  readonly people: Map<string, string>;
}

/** The synthetic load; the fault bench (bench/faults.ts) uses a smaller one of the same shape. */
export function synthetic(GROUPS_ = GROUPS, MEMBERS_ = MEMBERS_PER_GROUP): Synthetic {
  const groups: Group[] = [];
  const rosters = new Map<string, GroupMember[]>();
  const terms: Term[] = [];
  const people = new Map<string, string>();
  let person = 0;
  for (let g = 0; g < GROUPS_; g++) {
    const id = groupId(g);
    const partner = groupId(g % 2 === 0 ? g + 1 : g - 1);
    groups.push({
      id,
      name: `NOSAM ${g + 1}`,
      shortName: `NOSAM ${g + 1}`,
      kind: 'nosam',
      parent: null,
      meetings: { kind: 'minimum', min: 2, max: null, per: 'year', quote: null, source: null },
      deputies: null,
      chairRule: null,
      processLeaderRole: `Processledare NOSAM ${Math.floor(g / 2) + 1}`,
      processLeaderSharedWith: partner === id || (g + 1 >= GROUPS_ && g % 2 === 0) ? [] : [partner],
      source: 'bench',
    });
    // NOSAM groups share a process leader in pairs.
    const leader = guid(1, Math.floor(g / 2));
    const roster: GroupMember[] = [{ aadObjectId: leader, displayName: `Processledare ${Math.floor(g / 2) + 1}`, party: null, roles: ['processLeader'] }];
    for (let k = 1; k < MEMBERS_; k++)
      roster.push({ aadObjectId: guid(2, person++), displayName: `Ledamot ${g + 1}-${k}`, party: PARTIES[(g + k) % PARTIES.length].id, roles: ['member'] });
    rosters.set(id, roster);
    const chair = roster[1 + (g % (MEMBERS_ - 1))];
    const party = PARTIES.find((p) => p.id === chair.party)!;
    terms.push({
      id: `term-${id}`,
      org: ORG,
      group: id,
      role: 'chair',
      holder: { aadObjectId: chair.aadObjectId, displayName: chair.displayName, party: party.id, principal: party.principal },
      start: '2026-01-01',
      plannedEnd: '2026-12-31',
      actualEnd: null,
      origin: 'rotation',
      replaces: null,
      exception: null,
      recordedBy: 'bench',
      recordedAt: '2025-12-01T00:00:00Z',
    });
    for (const m of roster) people.set(m.aadObjectId, `a:bench-${m.aadObjectId}`);
  }
  const org: Organisation = {
    id: ORG,
    name: 'Benchorganisationen',
    shortName: 'Bench',
    timeZone: 'Europe/Stockholm',
    deadlineShift: 'next-weekday',
    principals: [
      { id: 'kommun', name: { sv: 'Kommun', en: 'Municipality' } },
      { id: 'region', name: { sv: 'Region', en: 'Region' } },
    ],
    parties: PARTIES,
    groups,
    annualCycle: cycleItems(),
    decisionRule: null,
    reportCadence: {},
    reportCadenceSource: 'förslag',
  };
  return { org, rosters, terms, people };
}

/** Runs `fn` over `items` with at most `n` in flight. */
async function pool<T>(items: readonly T[], n: number, fn: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: n }, async () => {
      while (next < items.length) await fn(items[next++]);
    }),
  );
}

/** What a sweep's table requests were for, by the table and operation. */
function classify(line: string): string {
  const table = /\/(?:devstoreaccount1\/)?benchsweep([A-Za-z]+)/.exec(line)?.[1] ?? (line.includes('$batch') ? 'batch' : '?');
  const method = line.split(' ')[0];
  if (line.includes('$batch')) return 'transaktion (Reminders: anspråk, några i taget strax före sändning)';
  if (table === 'Leases') return 'Leases (lås: ta, förnya, släpp)';
  if (table === 'GroupState') return 'GroupState (rostrar och gällande perioder; möten i planerarnas fönster; sidor)';
  if (table === 'Conversations') return method === 'GET' ? 'Conversations (personliga referenser, sidor)' : `Conversations ${method}`;
  if (table === 'Reminders') return method === 'GET' ? 'Reminders (reskontra, sidor)' : 'Reminders ("skickas" och utfall per påminnelse, ETag)';
  return `${table} ${method}`;
}

export interface SweepBenchResult {
  readonly ok: boolean;
}

export async function runSweepBench(): Promise<SweepBenchResult> {
  const started = performance.now();
  const azurite = await startAzurite(null);
  const connector = new FakeTeamsConnector({ perConversation: PER_CONVERSATION, perTenant: PER_TENANT });
  await connector.start();
  try {
    const store = new TableStore({ kind: 'connection-string', connectionString: azurite.connectionString }, 'benchsweep');
    await store.ensureTables();
    const groupState = new GroupStateTableRepository(store);
    const conversations = new ConversationTableRepository(store);
    const data = synthetic();

    // Seed, in table transactions: a chair term per group (recordTerm: head row and term in one
    // transaction), rosters in batches of 100 rows (one partition, the organisation), a personal
    // chat per person in batches of 100 (partition 'personal'). Azurite handles one
    // request at a time and looks each row up by a scan of its partition, so a transaction gets
    // slower as the partition grows: the batches go one after another, as inserts (the tables are
    // new), which scan once per row where an upsert scans twice.
    const seedStart = performance.now();
    await pool(data.terms, 8, async (t) => {
      const r = await groupState.recordTerm(ORG, null, t, null);
      if (!r.ok) throw new Error(`could not record the term of ${t.group}`);
    });
    const rows = [...data.rosters].flatMap(([group, roster]) => roster.map((m) => memberEntity(ORG, group, m)));
    for (let i = 0; i < rows.length; i += 100) await store.table('GroupState').submitTransaction(rows.slice(i, i + 100).map((e): TransactionAction => ['create', e]));
    const ref = (aad: string, conversationId: string): ConversationRef => ({
      channelId: 'msteams',
      serviceUrl: connector.url,
      tenantId: TENANT,
      conversationId,
      conversationType: 'personal',
      botId: '28:bench-bot',
      botName: 'Samverkansboten',
      userAadObjectId: aad,
      teamId: null,
    });
    // The row ConversationTableRepository.saveReference writes for a personal chat (checked below by reading them back through it).
    const refRows = [...data.people].map(([aad, conversation]) => ({
      partitionKey: 'personal',
      rowKey: keyPart(aad.toLowerCase()),
      ref: JSON.stringify(ref(aad, conversation)),
      teamId: '',
    }));
    for (let i = 0; i < refRows.length; i += 100)
      await store.table('Conversations').submitTransaction(refRows.slice(i, i + 100).map((e): TransactionAction => ['create', e]));
    const stored = await conversations.activePersonalReferences();
    const mismatched = [...data.people].filter(([aad, conversation]) => stored.get(aad)?.conversationId !== conversation || stored.get(aad)?.tenantId !== TENANT);
    if (stored.size !== data.people.size || mismatched.length > 0)
      throw new Error(`personal chats read back: ${stored.size} of ${data.people.size}, ${mismatched.length} wrong`);
    // Every tenth person's Teams client is English (a profile row each, as a turn writes it): the sweep reads the languages in one query.
    const members = new MemberTableRepository(store);
    const english = [...data.people.keys()].filter((_, i) => i % 10 === 0);
    for (let i = 0; i < english.length; i += 50) await Promise.all(english.slice(i, i + 50).map((aad) => members.setTeamsLocale(aad, 'en')));
    const seedMs = performance.now() - seedStart;
    const recipientOf = new Map([...data.people].map(([aad, c]) => [c, aad]));

    // What is due, computed here from the in-memory model (the same rosters and terms the sweep reads back).
    const today = dateIn(BENCH_AT, data.org.timeZone);
    const groups = new Map<string, GroupCycleState>(
      [...data.rosters].map(([g, roster]) => [`${ORG}|${g}`, { members: roster, terms: data.terms.filter((t) => t.group === g), meetings: [] }]),
    );
    const state: CycleState = { orgs: [data.org], groups, done: new Set(), acknowledged: new Set() };
    dueReminders(state, today); // warm-up (holiday tables, JIT), as a long-running bot would be
    const cpu0 = process.cpuUsage();
    const expected = dueReminders(state, today);
    const cpu = process.cpuUsage(cpu0);
    const planningCpuMs = (cpu.user + cpu.system) / 1000;
    const key = (org: string, group: string, occurrence: string, recipient: string) => `${org}|${group}|${occurrence}|${recipient}`;
    const expectedKeys = new Set(expected.map((r) => key(ORG, r.occurrence.group.id, r.occurrence.key, r.recipient)));

    const catalog = new OrgCatalog([data.org]);
    const ledger = new ReminderLedger(store);
    const sender = new ProactiveSender(createBotAuth(null), '');
    const limiter = new RateLimiter({ perConversation: PER_CONVERSATION, perTenant: PER_TENANT });
    const deps = (clock: Clock): SweepDeps => ({
      // As src/wiring.ts wires it: the meeting and förankring inputs too (empty here: the årshjul load is what is due).
      catalog,
      groupState,
      conversations,
      ledger,
      leases: new Leases(store),
      sender,
      limiter,
      clock,
      logger: silentLogger,
      meetings: new MeetingInputTableRepository(store),
      decisions: new DecisionTableRepository(store),
      languages: members,
      instanceId: 'bench',
      settings: { leaseTtlMs: 5 * 60_000, staleClaimMs: 10 * 60_000, maxSweepsPerReminder: 3, concurrency: CONCURRENCY },
    });

    // First sweep.
    connector.clear();
    const before = store.counter.count;
    store.counter.startRecording();
    const t0 = performance.now();
    const first: SweepReport = await sweep(deps({ now: () => BENCH_AT }));
    const t1 = performance.now();
    const lines = store.counter.stopRecording();
    const requests = store.counter.count - before;
    const firstAttempt = Math.min(...connector.accepted.map((m) => m.at), ...connector.throttled.map((m) => m.at));
    const lastAccepted = Math.max(...connector.accepted.map((m) => m.at));
    const sendMs = t1 - firstAttempt;
    const sent = first.sentPersonal + first.sentChannel;
    const rate = sent / (sendMs / 1000);
    const peak = connector.peakPerWindow();
    const throttled = {
      total: connector.throttled.length,
      tenant: connector.throttled.filter((t) => t.limit === 'tenant').length,
      conversation: connector.throttled.filter((t) => t.limit === 'conversation').length,
    };
    // Each 429 is retried after Retry-After (1 s): how long after the 429 the same message got through.
    const sameMessage = (a: { conversationId: string; reminder: AcceptedMessage['reminder'] }, b: typeof a) =>
      a.conversationId === b.conversationId &&
      a.reminder?.org === b.reminder?.org &&
      a.reminder?.group === b.reminder?.group &&
      a.reminder?.occurrence === b.reminder?.occurrence;
    const retryDelays = connector.throttled.map((th) => {
      const next = connector.accepted.find((m) => sameMessage(m, th) && m.at > th.at);
      return next === undefined ? Number.POSITIVE_INFINITY : next.at - th.at;
    });
    const retryDelay = retryDelays.length === 0 ? null : { min: Math.min(...retryDelays), max: Math.max(...retryDelays) };
    const byKind = new Map<string, number>();
    for (const l of lines) byKind.set(classify(l), (byKind.get(classify(l)) ?? 0) + 1);

    // Exactly once: every due reminder reached its recipient once, nothing else arrived.
    const seen = new Map<string, number>();
    let unidentified = 0;
    for (const m of connector.accepted) {
      const recipient = m.mentioned.at(0) ?? recipientOf.get(m.conversationId);
      if (m.reminder === null || recipient === undefined) {
        unidentified += 1;
        continue;
      }
      const k = key(m.reminder.org, m.reminder.group, m.reminder.occurrence, recipient);
      seen.set(k, (seen.get(k) ?? 0) + 1);
    }
    const missing = [...expectedKeys].filter((k) => !seen.has(k));
    const doubled = [...seen].filter(([, n]) => n > 1).map(([k]) => k);
    const unexpected = [...seen.keys()].filter((k) => !expectedKeys.has(k));
    const exactlyOnce =
      expected.length > 0 &&
      expectedKeys.size === expected.length &&
      missing.length === 0 &&
      doubled.length === 0 &&
      unexpected.length === 0 &&
      unidentified === 0 &&
      first.due === expected.length;

    // Second sweep, a quarter of an hour later: everything is claimed, nothing is sent.
    connector.clear();
    const before2 = store.counter.count;
    const s0 = performance.now();
    const second = await sweep(deps({ now: () => new Date(BENCH_AT.getTime() + 15 * 60_000) }));
    const secondMs = performance.now() - s0;
    const requests2 = store.counter.count - before2;
    const secondSent = connector.accepted.length + connector.throttled.length;
    const secondOk = second.ran && second.claimed === 0 && second.sentPersonal + second.sentChannel === 0 && secondSent === 0;

    const okPlanning = first.planningMs < PLANNING_TARGET_MS;
    const okRate = rate >= RATE_TARGET * PER_TENANT;
    const okDelivery = exactlyOnce && first.failed === 0 && first.undeliverable === 0 && sent === expected.length;
    const ok = first.ran && okPlanning && okRate && okDelivery && secondOk && peak.tenant <= PER_TENANT && peak.conversation <= PER_CONVERSATION;

    const yes = (b: boolean) => (b ? 'UPPFYLLT' : 'INTE UPPFYLLT');
    const f0 = (n: number) => n.toFixed(0);
    console.log(
      `\nPåminnelsesvep: ${GROUPS} grupper × ${MEMBERS_PER_GROUP} ledamöter × ${ITEMS} årshjulspunkter, ${today} (Azurite, falsk Teams-connector som upprätthåller gränserna)\n`,
    );
    console.log(
      `Gränser: ${PER_CONVERSATION} meddelanden/s per konversation, ${PER_TENANT}/s per klientorganisation (tenant), glidande 1-sekundsfönster; ${CONCURRENCY} samtidiga sändningar.`,
    );
    console.log(
      `Testdata: ${rows.length} ledamotsrader, ${data.terms.length} ordförandeperioder, ${data.people.size} personliga chattar, skrivna på ${f0(seedMs)} ms.\n`,
    );
    console.log('| mått | värde | mål |\n|---|---|---|');
    console.log(`| förfallna påminnelser | ${first.due} (förväntat ${expected.length}) | – |`);
    console.log(`| läsning från lagringen (svepets readMs) | ${(first.readMs ?? 0).toFixed(1)} ms | – |`);
    console.log(`| planering (svepets planningMs) | ${first.planningMs.toFixed(1)} ms | < ${PLANNING_TARGET_MS} ms: ${yes(okPlanning)} |`);
    console.log(`| planering, CPU-tid (process.cpuUsage, samma beräkning utanför svepet, uppvärmd) | ${planningCpuMs.toFixed(1)} ms | – |`);
    console.log(
      `| tabellförfrågningar i svepet | ${requests} (${(requests / GROUPS).toFixed(2)} per grupp, ${(requests / Math.max(1, first.due)).toFixed(2)} per påminnelse) | – |`,
    );
    console.log(`| före första sändningen (läsa, planera, göra anspråk) | ${f0(firstAttempt - t0)} ms | – |`);
    console.log(`| sändfas (första försöket till svepets slut) | ${f0(sendMs)} ms (sista mottaget ${f0(lastAccepted - firstAttempt)} ms in) | – |`);
    console.log(
      `| skickade | ${sent} (personligt ${first.sentPersonal}, kanal ${first.sentChannel}; misslyckade ${first.failed}, ej nåbara ${first.undeliverable}) | ${expected.length} |`,
    );
    console.log(
      `| uppnådd takt | ${rate.toFixed(1)}/s = ${((rate / PER_TENANT) * 100).toFixed(1)} % av tillåtna ${PER_TENANT}/s | ≥ ${RATE_TARGET * 100} %: ${yes(okRate)} |`,
    );
    console.log(`| högst mottagna inom 1 s (tenant / konversation) | ${peak.tenant} / ${peak.conversation} | ≤ ${PER_TENANT} / ≤ ${PER_CONVERSATION} |`);
    const retried = retryDelay === null ? '' : `; samma meddelande kom fram ${f0(retryDelay.min)}–${f0(retryDelay.max)} ms efter 429`;
    console.log(`| 429 från connectorn | ${throttled.total} (tenant ${throttled.tenant}, konversation ${throttled.conversation})${retried} | – |`);
    console.log(
      `| exakt en gång | saknas ${missing.length}, dubbla ${doubled.length}, oväntade ${unexpected.length}, oidentifierade ${unidentified} | 0: ${yes(okDelivery)} |`,
    );
    console.log(
      `| andra svepet (15 min senare) | förfallna ${second.due}, anspråk ${second.claimed}, skickade ${secondSent}, ${requests2} tabellförfrågningar, ${f0(secondMs)} ms | 0 skickade: ${yes(secondOk)} |`,
    );
    console.log(
      '\nTakt = skickade / sändfasen (från connectorns första försök tills svepet sparat sista utfallet); med glidande fönster kan en perfekt sändare hamna strax över 100 %.' +
        ' 429: botens RateLimiter räknar en sändning när den tar sin plats, connectorn när anropet kommer fram, så när ett anrop går fortare fram än det som tog platsen en sekund tidigare' +
        ' ser connectorn en för mycket i sitt fönster; varje 429 kostar en plats i botens fönster och meddelandet skickas igen efter Retry-After.',
    );
    console.log('\nTabellförfrågningar i första svepet\n\n| slag | förfrågningar |\n|---|---|');
    for (const [kind, n] of [...byKind].sort((a, b) => b[1] - a[1])) console.log(`| ${kind} | ${n} |`);
    console.log(
      `\nMål för svepet (planering < 1 s, takt ≥ 90 %, ingen påminnelse borttappad eller dubblerad, andra svepet skickar inget): ${yes(ok)}. Hela svepdelen tog ${f0((performance.now() - started) / 1000)} s.`,
    );

    await mkdir('bench/results', { recursive: true });
    await writeFile(
      'bench/results/sweep.json',
      JSON.stringify(
        {
          at: new Date().toISOString(),
          load: { groups: GROUPS, membersPerGroup: MEMBERS_PER_GROUP, items: ITEMS, people: data.people.size, benchDate: today },
          limits: { perConversation: PER_CONVERSATION, perTenant: PER_TENANT, concurrency: CONCURRENCY },
          seedMs,
          first: {
            report: first,
            expectedDue: expected.length,
            planningCpuMs,
            tableRequests: requests,
            tableRequestsPerGroup: requests / GROUPS,
            tableRequestsByKind: Object.fromEntries(byKind),
            beforeFirstSendMs: firstAttempt - t0,
            sendMs,
            lastAcceptedMs: lastAccepted - firstAttempt,
            sent,
            ratePerSecond: rate,
            rateShare: rate / PER_TENANT,
            peakPerWindow: peak,
            throttled,
            retryDelayMs: retryDelay,
            exactlyOnce: {
              ok: exactlyOnce,
              missing: missing.length,
              doubled: doubled.length,
              unexpected: unexpected.length,
              unidentified,
              examples: { missing: missing.slice(0, 5), doubled: doubled.slice(0, 5), unexpected: unexpected.slice(0, 5) },
            },
          },
          second: { report: second, sent: secondSent, tableRequests: requests2, ms: secondMs, ok: secondOk },
          targets: { planningMs: PLANNING_TARGET_MS, rateShare: RATE_TARGET, okPlanning, okRate, okDelivery, secondOk, ok },
        },
        null,
        2,
      ),
    );
    return { ok };
  } finally {
    await connector.stop();
    await azurite.stop();
  }
}

if (require.main === module) {
  runSweepBench().then(
    (r) => process.exit(r.ok ? 0 : 1),
    (e: unknown) => {
      console.error(e);
      process.exit(1);
    },
  );
}
