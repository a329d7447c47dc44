/**
 * Where a `hjälp` turn spends its CPU: the bot on Azurite as in `bench/run.ts`, 3,000 `hjälp`
 * turns in a row through /api/messages; run with `node --cpu-prof --import tsx bench/profileHelp.ts`
 * and open the .cpuprofile in Chrome DevTools or summarise it with `bench/cpuprofileTop.mjs`.
 */
import { startAzurite } from '../src/storage/azurite';
import { parseEnv } from '../src/config/env';
import { startBot } from '../src/wiring';
import { createServer, listen } from '../src/server';
import { silentLogger } from '../src/logger';
import { personalMessage, USERS } from '../tests/helpers/activities';

const expectReplies = <T extends object>(activity: T) => ({ ...activity, deliveryMode: 'expectReplies' });

const SERVICE_URL = 'https://smba.trafficmanager.net/emea/';

async function main(): Promise<void> {
  const azurite = await startAzurite(null);
  const env = parseEnv({ PORT: '0', DEMO_DATA: 'true', TABLE_PREFIX: 'prof', LOG_LEVEL: 'error' });
  if (!env.ok) throw new Error(env.message);
  const running = await startBot(env.config, { kind: 'connection-string', connectionString: azurite.connectionString }, silentLogger);
  const server = createServer({ adapter: running.adapter, bot: running.bot, store: running.store, logger: silentLogger });
  const url = `http://127.0.0.1:${await listen(server, 0, '127.0.0.1')}/api/messages`;
  const body = JSON.stringify(expectReplies(personalMessage('hjälp', { user: USERS.memberKommun, serviceUrl: SERVICE_URL })));
  const turns = Number(process.env.TURNS ?? 3000);
  const started = process.hrtime.bigint();
  for (let i = 0; i < turns; i++) {
    const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
    await res.arrayBuffer();
  }
  const ms = Number(process.hrtime.bigint() - started) / 1e6;
  console.log(`${turns} hjälp turns in ${ms.toFixed(0)} ms: ${(ms / turns).toFixed(2)} ms per turn (one at a time, client in the same process)`);
  await new Promise<void>((r) => {
    server.close(() => r());
  });
  await azurite.stop();
  process.exit(0);
}

void main();
