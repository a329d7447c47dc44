/**
 * Fault benchmark (`npm run bench:faults`, also run by `npm run bench`): reminders under faults,
 * on Azurite with the fake Teams connector (bench/fakeTeamsConnector.ts), loopback only. Every
 * scenario counts at the connector, per due reminder, how often it arrived: **lost** (never) and
 * **doubled** (more than once), after the faulty sweep(s) and the recovery sweeps that follow.
 *
 * 1. kill -9: a child process runs the sweep; it is SIGKILLed while sends are in flight; then a
 *    fresh sweep runs after the stale time. Claims the dead sweeper left `sending` are the one
 *    window of at-least-once (a request may or may not have reached the connector; the fresh
 *    sweep sends them again, so none is lost): counted, with how many of them had arrived
 *    (those are the doubles). Run with the connector answering at once and after 150 ms (as
 *    Teams, which takes 100–300 ms).
 *    The same with SIGTERM (a restart or deploy): the sweep stops cleanly, nothing is uncertain.
 * 2. Two instances, slow connector (every answer 400 ms late), lease 3 s: one sweeps, the other
 *    tries to sweep every 300 ms meanwhile.
 * 3. Storage down for 12 s mid-sweep: a TCP proxy in front of Azurite cuts every connection
 *    (requests mid-flight included) and refuses new ones, then lets them through again.
 * 4. Connector answering 500 for three sweeps (15 minutes apart), then healthy.
 *
 * Target: 0 lost, 0 doubled in every scenario. Exits 1 when missed (unless imported).
 */
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdir, writeFile } from 'node:fs/promises';
import net from 'node:net';
import { sweep, type SweepReport } from '../src/scheduler/sweep';
import { startAzurite, type RunningAzurite } from '../src/storage/azurite';
import { ReminderLedger } from '../src/storage/reminderLedger';
import type { TableStore } from '../src/storage/tables';
import { FakeTeamsConnector } from './fakeTeamsConnector';
import { BENCH_AT, expectedKeys, load, ORG, PER_CONVERSATION, PER_TENANT, runningClock, seed, storeFor, sweepDeps } from './faultSetup';

const MINUTE = 60_000;

interface Outcome {
  readonly scenario: string;
  readonly due: number;
  readonly lost: number;
  readonly doubled: number;
  readonly unexpected: number;
  readonly seconds: number;
  readonly notes: string;
  /** kill -9 only: claims left `sending`, the window in which a double cannot be ruled out. */
  readonly window?: number;
}

function count(connector: FakeTeamsConnector, expected: readonly string[]): { lost: number; doubled: number; unexpected: number } {
  const seen = new Map<string, number>();
  for (const m of connector.accepted) {
    const key = `${m.reminder?.group}|${m.reminder?.occurrence}|${m.conversationId}`;
    seen.set(key, (seen.get(key) ?? 0) + 1);
  }
  const want = new Set(expected);
  return {
    lost: expected.filter((k) => !seen.has(k)).length,
    doubled: [...seen].filter(([k]) => want.has(k)).reduce((n, [, c]) => n + Math.max(0, c - 1), 0),
    unexpected: [...seen.keys()].filter((k) => !want.has(k)).length,
  };
}

const prefix = () => `fault${randomBytes(3).toString('hex')}`;
const wait = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));
async function until(cond: () => boolean, timeoutMs: number): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!cond()) {
    if (Date.now() > end) throw new Error('fault bench: condition not reached in time');
    await wait(5);
  }
}

/** How many claims are still in state `sending` (a sweeper died between send and outcome). */
async function sendingClaims(store: TableStore): Promise<number> {
  let n = 0;
  for await (const e of store.table('Reminders').listEntities({ queryOptions: { filter: `PartitionKey eq '${ORG}'` } })) if (e.status === 'sending') n += 1;
  return n;
}

async function killMidSweep(
  azurite: RunningAzurite,
  connector: FakeTeamsConnector,
  expected: string[],
  answerMs: number,
  signal: 'SIGKILL' | 'SIGTERM' = 'SIGKILL',
): Promise<Outcome> {
  const t = performance.now();
  connector.delayMs = answerMs;
  const p = prefix();
  const store = storeFor(azurite.connectionString, p);
  await seed(store, connector.url);
  connector.clear();
  const child = spawn(process.execPath, ['--no-deprecation', '--import', 'tsx', 'bench/faultWorker.ts'], {
    env: { ...process.env, FAULT_STORAGE: azurite.connectionString, FAULT_PREFIX: p },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  const exited = new Promise<void>((r) => child.once('exit', () => r()));
  await until(() => connector.accepted.length >= 200 || child.exitCode !== null, 60_000);
  if (child.exitCode !== null) throw new Error(`sweep child ended before the kill: ${stderr.slice(-500)}`);
  child.kill(signal);
  await exited;
  connector.delayMs = 0;
  const atKill = connector.accepted.length;
  await wait(200); // let the connector finish requests that were on the wire
  const leftSending = await sendingClaims(store);
  const before = count(connector, expected);
  // Which of the claims left `sending` had reached the connector before the kill.
  const data = load();
  const arrived = new Set(connector.accepted.map((m) => `${m.reminder?.group}|${m.reminder?.occurrence}|${m.conversationId}`));
  const snapshot = await new ReminderLedger(store).load(ORG, '2026-09-15');
  const sendingKeys = [...snapshot.claims.values()]
    .filter((c) => c.status === 'sending')
    .map((c) => {
      const parts = c.reminderId.split('|');
      return `${parts[1]}|${parts.slice(2, -2).join('|')}|${data.people.get(parts[parts.length - 1])}`;
    });
  const sendingArrived = sendingKeys.filter((k) => arrived.has(k)).length;
  // A fresh sweep after the dead sweeper's lease and the stale time have passed.
  // After SIGTERM the sweeper handed back what it had not sent: the next regular sweep (a minute later) sends it.
  const fresh = await sweep(sweepDeps(store, 'fresh', runningClock(signal === 'SIGKILL' ? 16 * MINUTE : MINUTE)));
  const after = count(connector, expected);
  await store.dropTables();
  return {
    scenario: `${signal === 'SIGKILL' ? 'kill -9' : 'SIGTERM (omstart)'} mitt i svepet (barnprocess), sedan nytt svep; connectorn svarar efter ${answerMs} ms`,
    due: expected.length,
    ...after,
    window: leftSending,
    seconds: (performance.now() - t) / 1000,
    notes:
      `dödad efter ${atKill} mottagna; ${leftSending} anspråk kvar i läge "sending" (fönstret), varav ${sendingArrived} hade kommit fram; ` +
      `${before.lost} saknades före nytt svep; nytt svep: ${fresh.claimed} anspråk, ${fresh.uncertain ?? 0} osäkra skickade igen`,
  };
}

async function twoInstancesSlowConnector(azurite: RunningAzurite, connector: FakeTeamsConnector): Promise<Outcome> {
  const t = performance.now();
  const groups = 37;
  const expected = expectedKeys(groups);
  const store = storeFor(azurite.connectionString, prefix());
  await seed(store, connector.url, groups);
  connector.clear();
  connector.delayMs = 400;
  const settings = { leaseTtlMs: 3_000 };
  let aDone = false;
  const a = sweep(sweepDeps(store, 'instans-a', runningClock(), settings, groups)).finally(() => (aDone = true));
  let bRan = 0;
  const b = (async () => {
    // eslint-disable-next-line @typescript-eslint/no-unnecessary-condition -- aDone is set by a's .finally callback, which tsc's narrowing does not see
    while (!aDone) {
      await wait(300);
      // eslint-disable-next-line @typescript-eslint/no-unnecessary-condition -- set asynchronously by a's .finally during the wait
      if (aDone) break;
      if ((await sweep(sweepDeps(store, 'instans-b', runningClock(), settings, groups))).ran) bRan += 1;
    }
  })();
  const [reportA] = await Promise.all([a, b]);
  connector.delayMs = 0;
  const last = await sweep(sweepDeps(store, 'instans-b', runningClock(16 * MINUTE), settings, groups));
  const c = count(connector, expected);
  await store.dropTables();
  return {
    scenario: 'två instanser, långsam connector (400 ms per svar), lås 3 s',
    due: expected.length,
    ...c,
    seconds: (performance.now() - t) / 1000,
    notes: `instans A skickade ${reportA.sentPersonal + reportA.sentChannel}; B fick svepa ${bRan} gånger medan A svepte; sista svepet: ${last.claimed} anspråk`,
  };
}

/** A TCP proxy in front of Azurite that can cut every connection and refuse new ones. */
class CuttableProxy {
  up = true;
  private readonly sockets = new Set<net.Socket>();
  private server: net.Server | null = null;
  port = 0;

  async start(targetPort: number): Promise<void> {
    this.server = net.createServer((client) => {
      if (!this.up) return void client.destroy();
      const upstream = net.connect(targetPort, '127.0.0.1');
      for (const s of [client, upstream]) {
        this.sockets.add(s);
        s.on('close', () => this.sockets.delete(s));
        s.on('error', () => {
          client.destroy();
          upstream.destroy();
        });
      }
      client.pipe(upstream);
      upstream.pipe(client);
    });
    await new Promise<void>((r) => this.server!.listen(0, '127.0.0.1', () => r()));
    this.port = (this.server.address() as net.AddressInfo).port;
  }

  cut(): void {
    this.up = false;
    for (const s of this.sockets) s.destroy();
  }

  async stop(): Promise<void> {
    this.cut();
    await new Promise<void>((r) => this.server?.close(() => r()) ?? r());
  }
}

async function storageDown(azurite: RunningAzurite, connector: FakeTeamsConnector, expected: string[]): Promise<Outcome> {
  const t = performance.now();
  const proxy = new CuttableProxy();
  await proxy.start(azurite.port);
  const viaProxy = azurite.connectionString.replace(`127.0.0.1:${azurite.port}`, `127.0.0.1:${proxy.port}`);
  const p = prefix();
  await seed(storeFor(azurite.connectionString, p), connector.url);
  const store = storeFor(viaProxy, p);
  connector.clear();
  const running = sweep(sweepDeps(store, 'instans-a', runningClock()));
  await until(() => connector.accepted.length >= 150, 60_000);
  proxy.cut();
  const downAt = performance.now();
  await wait(12_000);
  proxy.up = true;
  const first: SweepReport = await running;
  const sweepMs = performance.now() - downAt;
  const duringFirst = count(connector, expected);
  const direct = storeFor(azurite.connectionString, p);
  const leftSending = await sendingClaims(direct);
  const next = await sweep(sweepDeps(direct, 'instans-a', runningClock(16 * MINUTE)));
  const c = count(connector, expected);
  await direct.dropTables();
  await proxy.stop();
  return {
    scenario: 'lagringen nere 12 s mitt i svepet (TCP-proxy klipps)',
    due: expected.length,
    ...c,
    seconds: (performance.now() - t) / 1000,
    notes:
      `första svepet: ${first.sentPersonal + first.sentChannel} skickade, ${first.deferred ?? 0} uppskjutna${first.stopped ? ` (stoppade: ${first.stopped})` : ''}, ` +
      `klart ${(sweepMs / 1000).toFixed(1)} s efter avbrottet, ${duringFirst.lost} saknades efter det, ${leftSending} kvar i "sending"; nästa svep: ${next.claimed} anspråk, ${next.uncertain ?? 0} osäkra`,
  };
}

async function connector500s(azurite: RunningAzurite, connector: FakeTeamsConnector, expected: string[]): Promise<Outcome> {
  const t = performance.now();
  const store = storeFor(azurite.connectionString, prefix());
  await seed(store, connector.url);
  connector.clear();
  connector.failed = 0;
  connector.failStatus = 500;
  const fixed = (ms: number) => ({ now: () => new Date(BENCH_AT.getTime() + ms) });
  for (const m of [0, 15, 30]) await sweep(sweepDeps(store, 'instans-a', fixed(m * MINUTE)));
  const refused = connector.failed;
  connector.failStatus = null;
  const healthy: SweepReport[] = [];
  for (const m of [60, 120, 240]) healthy.push(await sweep(sweepDeps(store, 'instans-a', fixed(m * MINUTE))));
  const c = count(connector, expected);
  await store.dropTables();
  return {
    scenario: 'connectorn svarar 500 i tre svep, sedan frisk',
    due: expected.length,
    ...c,
    seconds: (performance.now() - t) / 1000,
    notes: `${refused} sändningar fick 500; friska svep skickade ${healthy.map((h) => h.sentPersonal + h.sentChannel).join(' + ')}`,
  };
}

export async function runFaultBench(): Promise<{ ok: boolean }> {
  const azurite = await startAzurite(null);
  const connector = new FakeTeamsConnector({ perConversation: PER_CONVERSATION, perTenant: PER_TENANT });
  await connector.start();
  const expected = expectedKeys();
  const results: Outcome[] = [];
  try {
    // Teams answers a send after ~100–300 ms; the loopback fake at once. Both, since the uncertain window depends on it.
    results.push(await killMidSweep(azurite, connector, expected, 0));
    results.push(await killMidSweep(azurite, connector, expected, 150));
    results.push(await killMidSweep(azurite, connector, expected, 150, 'SIGTERM'));
    results.push(await twoInstancesSlowConnector(azurite, connector));
    results.push(await storageDown(azurite, connector, expected));
    results.push(await connector500s(azurite, connector, expected));
  } finally {
    await connector.stop();
    await azurite.stop();
  }
  console.log('\nPåminnelser under fel (Azurite, falsk Teams-connector, bara loopback)\n');
  console.log('| scenario | förfallna | förlorade | dubbla | oväntade | s | anteckning |\n|---|---|---|---|---|---|---|');
  for (const r of results) console.log(`| ${r.scenario} | ${r.due} | ${r.lost} | ${r.doubled} | ${r.unexpected} | ${r.seconds.toFixed(1)} | ${r.notes} |`);
  const exact = results.every((r) => r.lost === 0 && r.doubled === 0 && r.unexpected === 0);
  // The one window that cannot be closed: a sweeper killed between handing a message to the
  // connector and storing the outcome. Teams has no idempotency key and no way to read back
  // whether a message was posted, so such a claim is sent again (never lost) and may arrive twice.
  const ok = results.every((r) => r.lost === 0 && r.unexpected === 0 && r.doubled <= (r.window ?? 0));
  console.log(`\nMål: 0 förlorade och 0 dubbla i varje scenario: ${exact ? 'UPPFYLLT' : 'INTE UPPFYLLT'}.`);
  if (!exact)
    console.log(
      `Utom fönstret (kill -9 mellan att connectorn tog emot och att utfallet sparades, högst "samtidiga sändningar" per krasch): ${ok ? 'UPPFYLLT: 0 förlorade, dubbla bara inom fönstret' : 'INTE UPPFYLLT'}.`,
    );
  await mkdir('bench/results', { recursive: true });
  await writeFile('bench/results/faults.json', JSON.stringify({ at: new Date().toISOString(), results }, null, 2));
  return { ok };
}

if (require.main === module)
  runFaultBench().then(
    (r) => process.exit(r.ok ? 0 : 1),
    (e: unknown) => {
      console.error(e);
      process.exit(1);
    },
  );
