/**
 * `npm run bench`: throughput and latency of `hjälp` through /api/messages (expect-replies
 * delivery, no connector) beside a minimal echo bot on the same stack, and Azure Table
 * requests per interactive command, counted by a pipeline policy on the table clients.
 * Target (issue 2): no interactive command makes more than 3 table requests, none scans
 * more than one partition. Exits 1 when the target is missed.
 */
import autocannon from 'autocannon';
import { mkdir, writeFile } from 'node:fs/promises';
import { parseEnv } from '../src/config/env';
import { silentLogger } from '../src/logger';
import { createServer, listen } from '../src/server';
import { startAzurite } from '../src/storage/azurite';
import { startBot } from '../src/wiring';
import { actionSubmit, channelMessage, personalMessage, USERS } from '../tests/helpers/activities';
import { createEchoServer } from './echoBot';
import { runSweepBench } from './sweep';
import { readCommandTable } from './reads';
import { dateIn } from '../src/domain/calendarDate';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 10);
/** Echo and `hjälp` alternate this many times; the medians are compared (one round is noise on a shared machine). */
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const SERVICE_URL = 'http://127.0.0.1:9/_connector'; // never called: replies come back in the HTTP response

const expectReplies = <T extends object>(activity: T) => ({ ...activity, deliveryMode: 'expectReplies' });

interface LoadResult {
  readonly name: string;
  readonly requestsPerSecond: number;
  readonly p50: number;
  readonly p99: number;
  readonly non2xx: number;
  readonly errors: number;
}

async function load(name: string, url: string, body: string): Promise<LoadResult> {
  const r = await autocannon({
    url: `${url}/api/messages`,
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body,
    connections: CONNECTIONS,
    duration: SECONDS,
  });
  return { name, requestsPerSecond: r.requests.average, p50: r.latency.p50, p99: r.latency.p99, non2xx: r.non2xx, errors: r.errors };
}

/** The round with the median throughput (its latencies belong to the same round). */
function medianOf(rounds: readonly LoadResult[]): LoadResult {
  const sorted = [...rounds].sort((a, b) => a.requestsPerSecond - b.requestsPerSecond);
  return sorted[Math.floor((sorted.length - 1) / 2)];
}

/** A table request's partitions: a point read, a `$batch` (one partition by rule) or a query's PartitionKey filter. */
function partitionsOf(line: string): string {
  if (line.includes('$batch')) return 'en partition (transaktion)';
  if (/\(PartitionKey='[^']*',RowKey='[^']*'\)/.test(line)) return line.startsWith('GET ') ? 'punktläsning' : 'punktskrivning';
  const filter = /\$filter=(.*?)(&\$|$)/.exec(line)?.[1] ?? '';
  // One partition: the filter is `PartitionKey eq '…'` ANDed with the rest, and names no other partition.
  const single = /^PartitionKey eq '[^']*'( and |$)/.test(filter) && [...filter.matchAll(/PartitionKey/g)].length === 1;
  return single ? 'en partition' : 'FLERA PARTITIONER';
}

async function main(): Promise<void> {
  const azurite = await startAzurite(null);
  const env = parseEnv({ PORT: '0', DEMO_DATA: 'true', TABLE_PREFIX: 'bench', LOG_LEVEL: 'error' });
  if (!env.ok) throw new Error(env.message);
  const running = await startBot(env.config, { kind: 'connection-string', connectionString: azurite.connectionString }, silentLogger);
  const server = createServer({ adapter: running.adapter, bot: running.bot, store: running.store, logger: silentLogger });
  const botUrl = `http://127.0.0.1:${await listen(server, 0, '127.0.0.1')}`;
  const echo = createEchoServer();
  const echoUrl = `http://127.0.0.1:${await listen(echo, 0, '127.0.0.1')}`;
  const post = async (activity: object) => {
    const res = await fetch(`${botUrl}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(expectReplies(activity)) });
    if (res.status !== 200) throw new Error(`status ${res.status}`);
    return (await res.json()) as { activities: unknown[] };
  };

  // Table requests per command, for a user whose conversation is already known (steady state),
  // and once for a first message in a new conversation.
  const o = (user: string) => ({ user, serviceUrl: SERVICE_URL });
  const channel = '19:bench-lgs@thread.tacv2';
  const appointment = (holder: string, reason: string) => ({
    verb: 'appoint',
    org: 'goteborgsomradet',
    group: 'lgs',
    version: '',
    role: 'chair',
    holder,
    origin: 'rotation',
    start: '2027-01-01',
    end: '2028-12-31',
    exceptionReason: reason,
  });
  const newMember = {
    verb: 'addMember',
    org: 'goteborgsomradet',
    group: 'lgs',
    person: '00000000-0000-0000-0000-0000000000031',
    displayName: 'Ny ledamot (demo)',
    party: 'molndal',
    role: 'member',
  };
  const commands: [string, object][] = [
    ['hjälp (ledamot)', personalMessage('hjälp', o(USERS.memberKommun))],
    ['grupper (ledamot)', personalMessage('grupper', o(USERS.memberKommun))],
    ['grupper samla', personalMessage('grupper samla', o(USERS.memberKommun))],
    ['grupper (ingen grupp: välj organisation)', personalMessage('grupper', o(USERS.stranger))],
    ['grupper i kopplad kanal', channelMessage('grupper', { ...o(USERS.processLeaderLgs), channelId: channel })],
    ['koppla LGS (processledare)', channelMessage('koppla LGS', { ...o(USERS.processLeaderLgs), channelId: channel })],
    ['koppla (kort)', channelMessage('koppla', { ...o(USERS.admin), channelId: channel })],
    ['koppla-kort skickat', actionSubmit({ verb: 'linkChannel', group: 'goteborgsomradet/lgs' }, { ...o(USERS.admin), channelId: channel })],
    ['koppla nekas (ledamot)', channelMessage('koppla LGS', { ...o(USERS.memberKommun), channelId: channel })],
    ['ordförande LGS', personalMessage('ordförande LGS', o(USERS.memberKommun))],
    ['ordförande (egna grupper)', personalMessage('ordförande', o(USERS.memberKommun))],
    ['ordförande i kopplad kanal', channelMessage('ordförande', { ...o(USERS.processLeaderLgs), channelId: channel })],
    ['historik LGS', personalMessage('historik LGS', o(USERS.memberKommun))],
    ['utse LGS (formulär)', personalMessage('utse LGS', o(USERS.processLeaderLgs))],
    ['utse nekas (ledamot)', personalMessage('utse LGS', o(USERS.memberRegion))],
    ['utnämning med gammal version (konflikt)', actionSubmit(appointment(USERS.memberRegion, ''), o(USERS.processLeaderLgs))],
    ['ledamöter LGS', personalMessage('ledamöter LGS', o(USERS.memberKommun))],
    ['lägg till ledamot (skickat)', actionSubmit(newMember, o(USERS.processLeaderLgs))],
    ['språk en', personalMessage('språk en', o(USERS.memberRegion))],
    ['okänd text', personalMessage('visa budget', o(USERS.memberKommun))],
    ['ogiltigt kort', actionSubmit({ verb: 'linkChannel' }, o(USERS.memberKommun))],
  ];
  const lgsVersion = (await running.repos.groupState.groups('goteborgsomradet', ['lgs'])).get('lgs')?.version ?? '';
  commands.push(['utnämning bryter regel (nekas)', actionSubmit({ ...appointment(USERS.memberRegion, ''), version: lgsVersion }, o(USERS.processLeaderLgs))]);
  // Warm-up: every conversation once, so references are stored and cached.
  for (const [, activity] of commands) await post(activity);
  // Writes that succeed only once are measured without a warm-up of their own.
  commands.push(['utnämning enligt reglerna (sparas)', actionSubmit({ ...appointment(USERS.memberKommun, ''), version: lgsVersion }, o(USERS.processLeaderLgs))]);
  const perCommand: { command: string; requests: number; partitions: string[]; lines: string[] }[] = [];
  for (const [command, activity] of commands) {
    running.store.counter.startRecording();
    await post({ ...activity, id: `bench-${command}` });
    const lines = running.store.counter.stopRecording();
    perCommand.push({ command, requests: lines.length, partitions: lines.map(partitionsOf), lines });
  }
  running.store.counter.startRecording();
  await post(personalMessage('hjälp', o('00000000-0000-0000-0000-00000000bead')));
  const firstContact = running.store.counter.stopRecording();

  const hjalp = JSON.stringify(expectReplies(personalMessage('hjälp', o(USERS.memberKommun))));
  const warm = await post(JSON.parse(hjalp) as object);
  if (warm.activities.length !== 1) throw new Error('hjälp should answer with exactly one card');
  const echoRounds: LoadResult[] = [];
  const botRounds: LoadResult[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    echoRounds.push(await load('ekobot (samma stack, ingen lagring)', echoUrl, hjalp));
    botRounds.push(await load('Samverkansboten: hjälp', botUrl, hjalp));
  }
  const echoResult = medianOf(echoRounds);
  const botResult = medianOf(botRounds);

  console.log(
    `\nBelastning: ${SECONDS} s per server och omgång, ${ROUNDS} omgångar växelvis, ${CONNECTIONS} samtidiga anslutningar, expect-replies; median över omgångarna\n`,
  );
  console.log('| server | förfrågningar/s | p50 ms | p99 ms | icke-2xx | fel | omgångar (förfrågningar/s) |\n|---|---|---|---|---|---|---|');
  for (const [r, all] of [
    [echoResult, echoRounds],
    [botResult, botRounds],
  ] as const)
    console.log(
      `| ${r.name} | ${r.requestsPerSecond.toFixed(0)} | ${r.p50} | ${r.p99} | ${r.non2xx} | ${r.errors} | ${all.map((x) => x.requestsPerSecond.toFixed(0)).join(', ')} |`,
    );
  const share = botResult.requestsPerSecond / echoResult.requestsPerSecond;
  const p99Ratio = botResult.p99 / Math.max(1, echoResult.p99);
  console.log(
    `\nhjälp mot eko: ${(share * 100).toFixed(0)} % av ekots genomströmning (mål ≥ 70 %), p99 ${p99Ratio.toFixed(2)} × ekots (mål ≤ 1,5): ${share >= 0.7 && p99Ratio <= 1.5 ? 'UPPFYLLT' : 'INTE UPPFYLLT'}`,
  );
  console.log('\nTabellförfrågningar per kommando (känd konversation)\n\n| kommando | förfrågningar | partitioner |\n|---|---|---|');
  for (const c of perCommand) console.log(`| ${c.command} | ${c.requests} | ${c.partitions.join(', ') || '–'} |`);
  console.log(`\nFörsta meddelandet i en ny konversation: ${firstContact.length} förfrågningar (referensen sparas en gång, sedan från minnet).`);

  const worst = Math.max(...perCommand.map((c) => c.requests), firstContact.length);
  const multi = perCommand.filter((c) => c.partitions.includes('FLERA PARTITIONER'));
  const okTarget = worst <= 3 && multi.length === 0;
  console.log(`\nMål: högst 3 tabellförfrågningar och ingen sökning över flera partitioner per kommando: ${okTarget ? 'UPPFYLLT' : 'INTE UPPFYLLT'} (högst ${worst}).`);
  // Read commands against the size of the history (bench/reads.ts).
  const reader = (text: string, user: string = USERS.memberKommun) => personalMessage(text, o(user));
  const reads = await readCommandTable(
    running,
    post,
    [
      ['hjälp', reader('hjälp')],
      ['grupper', reader('grupper')],
      ['ordförande LGS', reader('ordförande LGS')],
      ['historik LGS', reader('historik LGS')],
      ['ledamöter LGS', reader('ledamöter LGS')],
      ['årshjul LGS', reader('årshjul LGS')],
      ['möten LGS', reader('möten LGS')],
      ['beslut LGS', reader('beslut LGS')],
      ['beslut LGS sällsynt', reader('beslut LGS sällsynt')],
      ['förankring region', reader('förankring region')],
      ['utse LGS (formulär)', reader('utse LGS', USERS.processLeaderLgs)],
      ['exportera LGS (länkar)', reader('exportera LGS', USERS.processLeaderLgs)],
    ],
    dateIn(new Date(), 'Europe/Stockholm'),
  );
  await mkdir('bench/results', { recursive: true });
  await writeFile(
    'bench/results/latest.json',
    JSON.stringify({ at: new Date().toISOString(), echoResult, botResult, echoRounds, botRounds, perCommand, firstContact, reads }, null, 2),
  );

  await new Promise<void>((r) => {
    server.close(() => r());
  });
  await new Promise<void>((r) => {
    echo.close(() => r());
  });
  await azurite.stop();
  // Part two: one reminder sweep over a synthetic load (bench/sweep.ts), with its own Azurite and fake Teams connector.
  const sweepBench = await runSweepBench();
  process.exit(okTarget && sweepBench.ok ? 0 : 1);
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
