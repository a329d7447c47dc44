import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { execFileSync } from 'node:child_process';
import { calendarForToken } from '../../src/app/annualCycle';
import { exportForToken } from '../../src/wiring';
import { systemClock } from '../../src/app/ports';
import { createLogger, runInTurn, type Logger } from '../../src/logger';
import { createServer, listen } from '../../src/server';
import { CalendarTokens } from '../../src/storage/calendarTokens';
import { freePort } from '../../src/storage/azurite';
import { allowsHttp, TableStore } from '../../src/storage/tables';
import { startTelemetry, telemetryOn } from '../../src/telemetry';
import { personalMessage, USERS } from '../helpers/activities';
import { randomPrefix, startTestBot, testConnection } from '../helpers/testBot';

const ROOT = join(__dirname, '..', '..');

/** A logger that keeps its JSON lines, for asserting what reaches the log. */
function capturingLogger(level: 'debug' | 'info' | 'error' | 'silent' = 'info'): { logger: Logger; lines: () => Record<string, unknown>[] } {
  const raw: string[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _enc, done) {
      raw.push(
        ...chunk
          .toString()
          .split('\n')
          .filter((l) => l.length > 0),
      );
      done();
    },
  });
  return { logger: createLogger(level, stream), lines: () => raw.map((l) => JSON.parse(l) as Record<string, unknown>) };
}

async function deadStore(): Promise<TableStore> {
  const dead = testConnection().connectionString.replace(/127\.0\.0\.1:\d+/, `127.0.0.1:${await freePort()}`);
  return new TableStore({ kind: 'connection-string', connectionString: dead }, randomPrefix());
}

describe('token endpoints when storage is down', () => {
  it('answer 503 with a retry message and log the outage, not 404 "does not exist"', async () => {
    const bot = await startTestBot();
    const { logger, lines } = capturingLogger();
    const tokens = new CalendarTokens(await deadStore());
    const server = createServer({
      adapter: bot.running.adapter,
      bot: bot.running.bot,
      store: bot.running.store,
      logger,
      calendar: (token) => calendarForToken(token, { tokens, catalog: bot.running.catalog, groupState: bot.running.repos.groupState, clock: systemClock }),
      exportFile: (token, format) =>
        exportForToken(token, format, { tokens, catalog: bot.running.catalog, decisions: bot.running.repos.decisions, groupState: bot.running.repos.groupState }),
    });
    const port = await listen(server, 0, '127.0.0.1');
    try {
      const token = 'A'.repeat(43);
      for (const path of [`/ics/${token}.ics`, `/export/${token}/beslut.csv`]) {
        const res = await fetch(`http://127.0.0.1:${port}${path}`);
        expect([res.status, res.headers.get('retry-after'), await res.text()]).toEqual([
          503,
          '60',
          'Tjänsten är tillfälligt otillgänglig. Försök igen om en stund. / The service is temporarily unavailable. Please try again shortly.',
        ]);
      }
      expect(lines().map((l) => [l.level, l.event])).toEqual([
        ['error', 'ics.storage-failed'],
        ['error', 'export.storage-failed'],
      ]);
      expect(JSON.stringify(lines())).not.toContain(token);
    } finally {
      await new Promise<void>((r) => {
        server.close(() => r());
      });
      await bot.stop();
    }
  });

  it('still answer 404 for an unknown token when storage answers', async () => {
    const bot = await startTestBot();
    try {
      const ics = await fetch(`${bot.url}/ics/${'B'.repeat(43)}.ics`);
      expect([ics.status, await ics.text()]).toEqual([404, 'Kalendern finns inte.']);
      const exp = await fetch(`${bot.url}/export/${'B'.repeat(43)}/beslut.md`);
      expect([exp.status, await exp.text()]).toEqual([404, 'Exporten finns inte.']);
    } finally {
      await bot.stop();
    }
  });
});

describe('structured logging (pino)', () => {
  it('writes one JSON line per event with level, time and event, and censors personal fields and tokens', () => {
    const { logger, lines } = capturingLogger('info');
    logger.debug('not.shown');
    logger.info('member.added', { group: 'lgs', name: 'Anna Andersson', text: 'hemligt', token: 'abc', nested: { email: 'a@b.se' } });
    const [line, ...rest] = lines();
    expect(rest).toEqual([]);
    expect(line).toEqual({
      level: 'info',
      time: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/) as unknown,
      event: 'member.added',
      group: 'lgs',
      name: '[redacted]',
      text: '[redacted]',
      token: '[redacted]',
      nested: { email: '[redacted]' },
    });
  });

  it('a child logger and a turn scope add their ids to every line; the silent level writes nothing', () => {
    const { logger, lines } = capturingLogger('info');
    logger.child({ component: 'sweep' }).warn('reminder.claim-lost', { group: 'lgs' });
    runInTurn(logger, { activityId: 'act-42' }, () => logger.info('command', { command: 'help' }));
    logger.info('after.turn');
    expect(lines().map(({ time: _t, ...rest }) => rest)).toEqual([
      { level: 'warn', component: 'sweep', group: 'lgs', event: 'reminder.claim-lost' },
      { level: 'info', activityId: 'act-42', command: 'help', event: 'command' },
      { level: 'info', event: 'after.turn' },
    ]);
    const silent = capturingLogger('silent');
    silent.logger.error('turn.failed', { error: 'Error' });
    expect(silent.lines()).toEqual([]);
  });

  it('every line of a turn through /api/messages carries the activity id, and none carries the user’s name or text', async () => {
    const { logger, lines } = capturingLogger('info');
    const bot = await startTestBot({}, undefined, logger);
    try {
      const activity = {
        ...personalMessage('ledamöter lgs', { user: USERS.admin, serviceUrl: bot.connector.url }),
        from: { id: `29:${USERS.admin}`, name: 'Anna Andersson', aadObjectId: USERS.admin },
      };
      const res = await bot.post(activity);
      expect(res.status).toBe(200);
      const turnLines = lines().filter((l) => l.activityId === activity.id);
      expect(turnLines.map((l) => [l.event, l.activityType, l.conversationType])).toEqual([['command', 'message', 'personal']]);
      expect(turnLines[0].command).toBe('members');
      expect(JSON.stringify(lines())).not.toMatch(/Anna Andersson|ledamöter lgs/);
    } finally {
      await bot.stop();
    }
  });
});

describe('telemetry', () => {
  it('stays off without APPLICATIONINSIGHTS_CONNECTION_STRING and never loads the Azure Monitor SDK', () => {
    expect(startTelemetry(undefined)).toBe(false);
    expect(telemetryOn()).toBe(false);
    expect(Object.keys(require.cache).filter((m) => m.includes('monitor-opentelemetry'))).toEqual([]);
  });
});

describe('table connections', () => {
  it('allow plain http only for a loopback Azurite, never for Azure', () => {
    const cs = (endpoint: string) => ({ kind: 'connection-string' as const, connectionString: `AccountName=a;AccountKey=k;TableEndpoint=${endpoint};` });
    expect(allowsHttp(cs('http://127.0.0.1:10002/devstoreaccount1'))).toBe(true);
    expect(allowsHttp(cs('http://localhost:10002/devstoreaccount1'))).toBe(true);
    expect(allowsHttp(cs('http://tables.example.se/konto'))).toBe(false);
    expect(allowsHttp(cs('https://konto.table.core.windows.net'))).toBe(false);
    expect(allowsHttp({ kind: 'connection-string', connectionString: 'DefaultEndpointsProtocol=https;AccountName=a;AccountKey=k' })).toBe(false);
    expect(allowsHttp({ kind: 'managed-identity', endpoint: 'http://127.0.0.1:10002', clientId: undefined })).toBe(false);
  });

  it('share one managed-identity credential across every table', () => {
    const store = new TableStore({ kind: 'managed-identity', endpoint: 'https://konto.table.core.windows.net', clientId: '00000000-0000-0000-0000-000000000001' }, 'x');
    const credentials = (['Organisations', 'Members', 'Decisions'] as const).map((t) => Reflect.get(store.table(t), 'credential') as unknown);
    expect(credentials[0]).toBeDefined();
    expect(new Set(credentials).size).toBe(1);
  });
});

describe('compiled start (node dist/main.js)', () => {
  beforeAll(() => {
    // `npm test` builds first; a single-file run builds here.
    if (!existsSync(join(ROOT, 'dist', 'main.js')))
      execFileSync(process.execPath, [require.resolve('typescript/bin/tsc'), '-p', join(ROOT, 'tsconfig.build.json')], { cwd: ROOT });
  }, 120_000);

  it('starts against configured storage without spawning Azurite or telemetry, answers /healthz and stops on SIGTERM', async () => {
    const port = await freePort();
    const env: NodeJS.ProcessEnv = {
      PATH: process.env.PATH,
      PORT: String(port),
      AZURE_TABLES_CONNECTION_STRING: testConnection().connectionString,
      TABLE_PREFIX: randomPrefix(),
      REMINDER_INTERVAL_MINUTES: '0',
      LOG_LEVEL: 'warn',
    };
    const child = spawn(process.execPath, [join(ROOT, 'dist', 'main.js')], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr.on('data', (d: Buffer) => (out += d.toString()));
    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    try {
      await new Promise<void>((resolve, reject) => {
        const onData = () => out.includes('Samverkansboten lyssnar') && resolve();
        child.stdout.on('data', onData);
        void exited.then((code) => reject(new Error(`exited ${code}: ${out}`)));
      });
      const line = out.split('\n').find((l) => l.startsWith('Samverkansboten lyssnar'))!;
      expect(line).toContain(`http://127.0.0.1:${port}/api/messages (bara loopback)`);
      expect(line).toMatch(/lagring: Azure Tables http:\/\/127\.0\.0\.1:\d+\/devstoreaccount1 /);
      expect(line).not.toContain('inbäddad Azurite');
      expect(line).toContain('telemetri: av');
      const health = await fetch(`http://127.0.0.1:${port}/healthz`);
      expect([health.status, await health.json()]).toEqual([200, { status: 'ok', storage: true }]);
    } finally {
      child.kill('SIGTERM');
    }
    expect(await exited).toBe(0);
    await new TableStore({ kind: 'connection-string', connectionString: testConnection().connectionString }, env.TABLE_PREFIX!).dropTables().catch(() => undefined);
  });
});
