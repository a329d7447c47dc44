import { randomBytes } from 'node:crypto';
import { parseEnv, type AppConfig } from '../../src/config/env';
import { silentLogger, type Logger } from '../../src/logger';
import { createServer, listen } from '../../src/server';
import { exportForToken, startBot, wheelForTokenPng, type RunningBot } from '../../src/wiring';
import { calendarForToken } from '../../src/app/annualCycle';
import { systemClock, type Clock } from '../../src/app/ports';
import { FakeConnector } from './fakeConnector';

/** Tables on the shared Azurite, isolated by a random prefix per suite. */
export function testConnection() {
  const connectionString = process.env.TEST_TABLES_CONNECTION_STRING;
  if (!connectionString) throw new Error('TEST_TABLES_CONNECTION_STRING missing: run through jest (globalSetup starts Azurite)');
  return { kind: 'connection-string' as const, connectionString };
}

export const randomPrefix = () => `t${randomBytes(5).toString('hex')}`;

export interface TestBot {
  readonly url: string;
  readonly connector: FakeConnector;
  readonly running: RunningBot;
  readonly config: AppConfig;
  /** Posts an activity to /api/messages the way Teams does; resolves with status and body. */
  post(activity: unknown): Promise<{ status: number; body: string }>;
  /** Stops server and connector and drops the tables, unless `keepTables` (a second bot on the same storage). */
  stop(keepTables?: boolean): Promise<void>;
}

/** Starts the real restify server and bot on a free port, on Azurite (or `connection`), with a fake connector. */
export async function startTestBot(env: Record<string, string> = {}, clock?: Clock, logger: Logger = silentLogger, connection = testConnection()): Promise<TestBot> {
  const parsed = parseEnv({ PORT: '0', DEMO_DATA: 'true', TABLE_PREFIX: randomPrefix(), ...env });
  if (!parsed.ok) throw new Error(parsed.message);
  const connector = new FakeConnector();
  await connector.start();
  const running = await startBot(parsed.config, connection, logger, clock);
  const calendar = (token: string) =>
    calendarForToken(token, { tokens: running.calendarTokens, catalog: running.catalog, groupState: running.repos.groupState, clock: clock ?? systemClock });
  const exportFile = (token: string, format: 'md' | 'csv' | 'json') =>
    exportForToken(token, format, { tokens: running.calendarTokens, catalog: running.catalog, decisions: running.repos.decisions, groupState: running.repos.groupState });
  const wheel = (token: string, locale: 'sv' | 'en') =>
    wheelForTokenPng(token, locale, { tokens: running.calendarTokens, catalog: running.catalog, groupState: running.repos.groupState, clock: clock ?? systemClock });
  const server = createServer({ adapter: running.adapter, bot: running.bot, store: running.store, logger, calendar, exportFile, wheel });
  const port = await listen(server, 0, '127.0.0.1');
  const url = `http://127.0.0.1:${port}`;
  return {
    url,
    connector,
    running,
    config: parsed.config,
    async post(activity) {
      const res = await fetch(`${url}/api/messages`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: typeof activity === 'string' ? activity : JSON.stringify(activity),
      });
      return { status: res.status, body: await res.text() };
    },
    async stop(keepTables = false) {
      await new Promise<void>((r) => {
        server.close(() => r());
      });
      await connector.stop();
      if (!keepTables) await running.store.dropTables().catch(() => undefined);
    },
  };
}
