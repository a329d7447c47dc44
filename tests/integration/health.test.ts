import { freePort } from '../../src/storage/azurite';
import { TableStore } from '../../src/storage/tables';
import { testConnection, randomPrefix } from '../helpers/testBot';

describe('storage health', () => {
  it('answers true when Azurite answers', async () => {
    const store = new TableStore(testConnection(), randomPrefix());
    await store.ensureTables();
    expect(await store.ping()).toBe(true);
    await store.dropTables();
  });

  it('answers false when nothing listens at the table endpoint', async () => {
    const port = await freePort();
    const dead = testConnection().connectionString.replace(/127\.0\.0\.1:\d+/, `127.0.0.1:${port}`);
    expect(await new TableStore({ kind: 'connection-string', connectionString: dead }, 'x').ping()).toBe(false);
  });
});

describe('GET /healthz', () => {
  it('answers 200 when storage answers and 503 when it does not', async () => {
    const { startTestBot } = await import('../helpers/testBot');
    const { createServer, listen } = await import('../../src/server');
    const { silentLogger } = await import('../../src/logger');
    const bot = await startTestBot();
    const ok = await fetch(`${bot.url}/healthz`);
    expect([ok.status, await ok.json()]).toEqual([200, { status: 'ok', storage: true }]);
    const dead = testConnection().connectionString.replace(/127\.0\.0\.1:\d+/, `127.0.0.1:${await freePort()}`);
    const server = createServer({
      adapter: bot.running.adapter,
      bot: bot.running.bot,
      store: new TableStore({ kind: 'connection-string', connectionString: dead }, 'x'),
      logger: silentLogger,
    });
    const port = await listen(server, 0, '127.0.0.1');
    const down = await fetch(`http://127.0.0.1:${port}/healthz`);
    expect([down.status, await down.json()]).toEqual([503, { status: 'storage unavailable', storage: false }]);
    await new Promise<void>((r) => {
      server.close(() => r());
    });
    await bot.stop();
  });
});
