import { parseEnv, type AppConfig } from '../../src/config/env';
import { silentLogger } from '../../src/logger';
import { authMode, createServer, listenAsConfigured, listeningOn } from '../../src/server';
import { startTestBot, type TestBot } from '../helpers/testBot';

let bot: TestBot;
beforeAll(async () => {
  bot = await startTestBot();
});
afterAll(async () => bot.stop());

function configOf(env: Record<string, string>): AppConfig {
  const r = parseEnv({ PORT: '0', ...env });
  if (!r.ok) throw new Error(r.message);
  return r.config;
}

async function boundAddress(config: AppConfig): Promise<string> {
  const server = createServer({ adapter: bot.running.adapter, bot: bot.running.bot, store: bot.running.store, logger: silentLogger });
  await listenAsConfigured(server, config);
  const address = server.address().address;
  await new Promise<void>((r) => {
    server.close(() => r());
  });
  return address;
}

describe('where the bot listens', () => {
  it('listens on loopback only when authentication is off, and the start-up line says so', async () => {
    const config = configOf({});
    expect(await boundAddress(config)).toBe('127.0.0.1');
    expect(listeningOn(config, 3978)).toBe('http://127.0.0.1:3978/api/messages (bara loopback)');
    expect(authMode(config)).toBe('AV – lokalt läge utan Bot Framework-autentisering, bara loopback, bara för utveckling');
  });

  it('listens on every interface with authentication on', async () => {
    const config = configOf({ BOT_ID: 'app-id', BOT_PASSWORD: 'secret' });
    expect(await boundAddress(config)).not.toBe('127.0.0.1');
    expect(listeningOn(config, 3978)).toBe('port 3978 på alla nätverksgränssnitt (/api/messages)');
    expect(authMode(config)).toBe('PÅ (app-id app-id, MultiTenant)');
  });

  it('says loudly when ALLOW_UNAUTHENTICATED opened every interface without authentication', async () => {
    const config = configOf({ ALLOW_UNAUTHENTICATED: 'true' });
    expect(await boundAddress(config)).not.toBe('127.0.0.1');
    expect(authMode(config)).toBe('AV genom ALLOW_UNAUTHENTICATED=true – utan Bot Framework-autentisering på alla gränssnitt');
  });
});
