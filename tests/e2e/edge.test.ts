import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { createLogger } from '../../src/logger';
import { createServer, listen } from '../../src/server';
import { freePort } from '../../src/storage/azurite';
import { createAdapter, createBotAuth } from '../../src/teams/adapter';
import { actionExecute, personalMessage, USERS } from '../helpers/activities';
import { FreezableProxy } from '../helpers/freezableProxy';
import { startTestBot, testConnection, type TestBot } from '../helpers/testBot';

const opts = (bot: TestBot, user: string = USERS.memberKommun, locale = 'sv-SE') => ({ user, locale, serviceUrl: bot.connector.url });

describe('malformed activities at the edge', () => {
  let bot: TestBot;
  beforeAll(async () => {
    bot = await startTestBot();
  });
  afterAll(async () => bot.stop());
  beforeEach(() => bot.connector.clear());

  const malformed: [string, (m: Record<string, unknown>) => unknown, string[]][] = [
    ['conversation missing', ({ conversation: _c, ...m }) => m, ['conversation']],
    ['serviceUrl missing', ({ serviceUrl: _s, ...m }) => m, ['serviceUrl']],
    ['from not an object', (m) => ({ ...m, from: 'someone' }), ['from']],
    ['entities not an array', (m) => ({ ...m, entities: { type: 'clientInfo' } }), ['entities']],
    ['locale not a string', (m) => ({ ...m, locale: 7 }), ['locale']],
    ['text not a string', (m) => ({ ...m, text: { hjälp: true } }), ['text']],
    ['membersAdded not an array', (m) => ({ ...m, type: 'conversationUpdate', membersAdded: 'bot' }), ['membersAdded']],
  ];

  it.each(malformed)('answers 400 naming the field when %s, sends nothing and stores nothing', async (_name, change, fields) => {
    const m = personalMessage('hjälp', opts(bot, USERS.stranger));
    const res = await bot.post(change(m));
    expect([res.status, JSON.parse(res.body)]).toEqual([400, { error: 'malformed activity', fields }]);
    expect(bot.connector.sent).toEqual([]);
    expect(await bot.running.repos.conversations.personalReference(USERS.stranger)).toBeNull();
  });

  it('answers a card value of the wrong type with the bad-card sentence', async () => {
    const { text: _t, ...m } = personalMessage('', opts(bot));
    expect((await bot.post({ ...m, value: 42 })).status).toBe(200);
    expect((await bot.post({ ...m, value: 'closeMeeting' })).status).toBe(200);
    expect(bot.connector.texts()).toEqual([
      'Kortet skickade ofullständiga eller ogiltiga uppgifter, så inget ändrades. Öppna kortet på nytt och försök igen.',
      'Kortet skickade ofullständiga eller ogiltiga uppgifter, så inget ändrades. Öppna kortet på nytt och försök igen.',
    ]);
  });

  it('answers 400 to an Action.Execute whose value has no action, and sends nothing', async () => {
    const res = await bot.post({ ...actionExecute('attend', {}, opts(bot)), value: 'attend' });
    expect([res.status, JSON.parse(res.body)]).toEqual([400, { error: 'malformed activity', fields: ['value'] }]);
    expect(bot.connector.sent).toEqual([]);
  });

  it('refuses a command longer than 4000 characters, says the limit, and stores nothing', async () => {
    const long = `beslut lgs ${'ord '.repeat(7000)}`;
    const sv = await bot.post(personalMessage(long, opts(bot, USERS.stranger)));
    const en = await bot.post(personalMessage(long, opts(bot, USERS.stranger, 'en-US')));
    expect([sv.status, en.status]).toEqual([200, 200]);
    expect(bot.connector.texts()).toEqual([
      'Meddelandet är för långt: ett kommando får vara högst 4000 tecken. Inget har sparats. Korta texten och försök igen.',
      'The message is too long: a command may be at most 4000 characters. Nothing was saved. Shorten the text and try again.',
    ]);
    expect(await bot.running.repos.conversations.personalReference(USERS.stranger)).toBeNull();
  });

  it('answers a person whose stored rows include an unreadable one, from the rows that can be read', async () => {
    await bot.running.store.table('Members').upsertEntity({ partitionKey: `u|${USERS.memberRegion}`, rowKey: 'm|samla|broken', roles: '{not json' });
    const res = await bot.post(personalMessage('hjälp', opts(bot, USERS.memberRegion)));
    expect(res.status).toBe(200);
    expect(bot.connector.texts()).toEqual([]);
    expect(bot.connector.cards()).toHaveLength(1);
  });

  it('still answers a command of exactly 4000 characters', async () => {
    const text = `xyz${' '.repeat(3997)}`;
    await bot.post(personalMessage(text, opts(bot)));
    expect(bot.connector.texts()).toEqual(['Jag förstod inte "xyz". Skriv **hjälp** för att se vad jag kan.']);
  });
});

/** A token that looks like the Bot Framework's (issuer, audience) but is signed by nobody. */
function fakeJwt(appId: string): string {
  const b64 = (o: object) => Buffer.from(JSON.stringify(o)).toString('base64url');
  const now = Math.floor(Date.now() / 1000);
  return `${b64({ alg: 'RS256', typ: 'JWT', kid: 'not-a-real-key' })}.${b64({ iss: 'https://api.botframework.com', aud: appId, nbf: now - 60, exp: now + 600, serviceurl: 'http://127.0.0.1' })}.c2lnbmF0dXJl`;
}

describe('authentication on', () => {
  const APP_ID = '00000000-0000-0000-0000-00000000a11d';
  let bot: TestBot;
  let metadata: http.Server;
  let metadataUrl: string;

  beforeAll(async () => {
    bot = await startTestBot({ BOT_ID: APP_ID, BOT_PASSWORD: 'not-used' });
    // Serves OpenID metadata whose key set does not hold the token's key.
    metadata = http.createServer((req, res) => {
      const base = `http://127.0.0.1:${(metadata.address() as AddressInfo).port}`;
      if (req.url === '/down') {
        res.writeHead(500);
        res.end();
        return;
      }
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify(req.url === '/keys' ? { keys: [] } : { issuer: 'https://api.botframework.com', jwks_uri: `${base}/keys` }));
    });
    await new Promise<void>((r) => metadata.listen(0, '127.0.0.1', () => r()));
    metadataUrl = `http://127.0.0.1:${(metadata.address() as AddressInfo).port}/openid`;
  });
  afterAll(async () => {
    await new Promise<void>((r) => metadata.close(() => r()));
    await bot.stop();
  });

  /** The real server and CloudAdapter path, with signing keys fetched from `keysUrl`; logs are collected. */
  async function serverWith(keysUrl: string) {
    const lines: string[] = [];
    const adapter = createAdapter(createBotAuth(bot.config.auth, keysUrl));
    const server = createServer({ adapter, bot: bot.running.bot, store: bot.running.store, logger: createLogger('debug', { write: (l: string) => void lines.push(l) }) });
    const port = await listen(server, 0, '127.0.0.1');
    const postRaw = async (activity: unknown, authorization: string | null) => {
      const res = await fetch(`http://127.0.0.1:${port}/api/messages`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(authorization !== null ? { authorization } : {}) },
        body: JSON.stringify(activity),
      });
      return { status: res.status, body: await res.text() };
    };
    const post = (authorization: string | null) => postRaw(personalMessage('hjälp', opts(bot)), authorization);
    const logged = () => lines.map((l) => JSON.parse(l) as Record<string, unknown>).map(({ time: _t, ...rest }) => rest);
    return {
      post,
      postRaw,
      logged,
      close: () =>
        new Promise<void>((r) => {
          server.close(() => r());
        }),
    };
  }

  it('answers a request without a token 401 with one log line and no stack trace', async () => {
    const consoleError = jest.spyOn(console, 'error').mockImplementation(() => undefined);
    const s = await serverWith(metadataUrl);
    const res = await s.post(null);
    expect([res.status, JSON.parse(res.body)]).toEqual([401, { error: 'unauthorized' }]);
    expect(s.logged()).toEqual([{ level: 'warn', event: 'auth.rejected', status: 401, reason: 'rejected' }]);
    expect(consoleError).not.toHaveBeenCalled();
    expect(bot.connector.sent).toEqual([]);
    consoleError.mockRestore();
    await s.close();
  });

  it('answers a malformed body without a token 401, not 400: the caller is checked first', async () => {
    const s = await serverWith(metadataUrl);
    const res = await s.postRaw({ type: 'message', text: 7 }, null);
    expect([res.status, JSON.parse(res.body)]).toEqual([401, { error: 'unauthorized' }]);
    expect(s.logged()).toEqual([{ level: 'warn', event: 'auth.rejected', status: 401, reason: 'rejected' }]);
    await s.close();
  });

  it('answers a forged token 401 with one log line that holds no token', async () => {
    const consoleError = jest.spyOn(console, 'error').mockImplementation(() => undefined);
    const s = await serverWith(metadataUrl);
    const token = fakeJwt(APP_ID);
    const res = await s.post(`Bearer ${token}`);
    expect([res.status, JSON.parse(res.body)]).toEqual([401, { error: 'unauthorized' }]);
    expect(s.logged()).toEqual([{ level: 'warn', event: 'auth.rejected', status: 401, reason: 'rejected' }]);
    expect(JSON.stringify(s.logged())).not.toContain(token.slice(0, 20));
    expect(consoleError).not.toHaveBeenCalled();
    consoleError.mockRestore();
    await s.close();
  });

  it('answers 503 with one log line when the signing keys cannot be fetched', async () => {
    const consoleError = jest.spyOn(console, 'error').mockImplementation(() => undefined);
    const s = await serverWith(`http://127.0.0.1:${await freePort()}/openid`);
    const res = await s.post(`Bearer ${fakeJwt(APP_ID)}`);
    expect([res.status, JSON.parse(res.body)]).toEqual([503, { error: 'authentication temporarily unavailable' }]);
    expect(s.logged()).toEqual([{ level: 'warn', event: 'auth.keys-unavailable', status: 503, reason: 'signing-keys-unreachable' }]);
    expect(consoleError).not.toHaveBeenCalled();
    consoleError.mockRestore();
    await s.close();
  });

  it('answers 503 when the OpenID metadata endpoint fails with a server error', async () => {
    const s = await serverWith(metadataUrl.replace('/openid', '/down'));
    const res = await s.post(`Bearer ${fakeJwt(APP_ID)}`);
    expect([res.status, JSON.parse(res.body)]).toEqual([503, { error: 'authentication temporarily unavailable' }]);
    expect(s.logged()).toEqual([{ level: 'warn', event: 'auth.keys-unavailable', status: 503, reason: 'signing-keys-unavailable' }]);
    await s.close();
  });
});

describe('frozen storage', () => {
  let bot: TestBot;
  let proxy: FreezableProxy;

  beforeAll(async () => {
    const connection = testConnection();
    const azurite = /127\.0\.0\.1:(\d+)/.exec(connection.connectionString)!;
    proxy = new FreezableProxy({ host: '127.0.0.1', port: Number(azurite[1]) });
    const port = await proxy.start();
    bot = await startTestBot({ STORAGE_TIMEOUT_SECONDS: '1' }, undefined, undefined, {
      kind: 'connection-string',
      connectionString: connection.connectionString.replace(/127\.0\.0\.1:\d+/, `127.0.0.1:${port}`),
    });
  });
  afterAll(async () => {
    proxy.thaw();
    await bot.stop();
    await proxy.stop();
  });

  it('tells the user storage is not answering, in their language, within seconds', async () => {
    proxy.freeze();
    const started = Date.now();
    await bot.post(personalMessage('hjälp', opts(bot)));
    await bot.post(personalMessage('hjälp', opts(bot, USERS.memberRegion, 'en-US')));
    const elapsed = Date.now() - started;
    proxy.thaw();
    expect(bot.connector.texts()).toEqual([
      'Lagringen svarar inte just nu. Försök igen om en stund.',
      'Storage is not responding right now. Please try again in a while.',
    ]);
    expect(elapsed).toBeLessThan(8000);
  });

  it('answers /healthz 503 within seconds while storage is frozen, and 200 again after', async () => {
    proxy.freeze();
    const started = Date.now();
    const down = await fetch(`${bot.url}/healthz`);
    const elapsed = Date.now() - started;
    expect([down.status, await down.json()]).toEqual([503, { status: 'storage unavailable', storage: false }]);
    expect(elapsed).toBeLessThan(4000);
    proxy.thaw();
    const up = await fetch(`${bot.url}/healthz`);
    expect([up.status, await up.json()]).toEqual([200, { status: 'ok', storage: true }]);
  });
});
