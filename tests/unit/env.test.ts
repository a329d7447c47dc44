import { parseEnv } from '../../src/config/env';

describe('parseEnv', () => {
  it('gives local-mode defaults with embedded Azurite when nothing is set', () => {
    expect(parseEnv({})).toEqual({
      ok: true,
      config: {
        port: 3978,
        auth: null,
        allowedTenants: [],
        storage: { kind: 'embedded-azurite', dataDir: '.azurite' },
        tablePrefix: '',
        botAdmins: [],
        orgDir: 'orgs',
        loadDemoData: true,
        logLevel: 'info',
        reminderIntervalMinutes: 15,
        rateLimits: { perConversation: 7, perTenant: 25 },
        publicBaseUrl: null,
        telemetryConnectionString: undefined,
        listenHost: '127.0.0.1',
        unauthenticatedOverride: false,
        storageTimeoutMs: 5000,
        memberCacheMs: 30000,
      },
    });
  });

  it('turns authentication on with BOT_ID and uses the connection string without demo data', () => {
    const r = parseEnv({
      BOT_ID: 'app-id',
      BOT_PASSWORD: 'secret',
      AZURE_TABLES_CONNECTION_STRING: 'DefaultEndpointsProtocol=https;AccountName=x;AccountKey=y',
      ALLOWED_TENANTS: ' 00000000-0000-0000-0000-000000000001 , 00000000-0000-0000-0000-000000000002',
      BOT_ADMINS: '00000000-0000-0000-0000-000000000ABC',
    });
    expect(r.ok && r.config.auth).toEqual({ appId: 'app-id', password: 'secret', tenantId: undefined, appType: 'MultiTenant' });
    expect(r.ok && r.config.allowedTenants).toEqual(['00000000-0000-0000-0000-000000000001', '00000000-0000-0000-0000-000000000002']);
    expect(r.ok && r.config.botAdmins).toEqual(['00000000-0000-0000-0000-000000000abc']);
    expect(r.ok && r.config.loadDemoData).toBe(false);
  });

  it('uses managed identity with an endpoint and no password', () => {
    const r = parseEnv({ BOT_ID: 'client-id', BOT_TENANT_ID: 'tenant', AZURE_TABLES_ENDPOINT: 'https://acct.table.core.windows.net', AZURE_CLIENT_ID: 'client-id' });
    expect(r.ok && r.config.storage).toEqual({ kind: 'managed-identity', endpoint: 'https://acct.table.core.windows.net', clientId: 'client-id' });
    expect(r.ok && r.config.auth?.appType).toBe('UserAssignedMSI');
  });

  it.each([
    [{ PORT: 'abc' }, 'PORT'],
    [{ PORT: '70000' }, 'PORT'],
    [{ ALLOWED_TENANTS: 'not-a-guid' }, 'ALLOWED_TENANTS'],
    [{ APPLICATIONINSIGHTS_CONNECTION_STRING: 'https://example.com' }, 'APPLICATIONINSIGHTS_CONNECTION_STRING'],
    [{ BOT_PASSWORD: 'x' }, 'BOT_ID'],
    [{ BOT_ID: 'a', BOT_TYPE: 'SingleTenant', BOT_PASSWORD: 'p' }, 'BOT_TENANT_ID'],
    [{ AZURE_TABLES_ENDPOINT: 'not a url' }, 'AZURE_TABLES_ENDPOINT'],
    [{ AZURE_TABLES_CONNECTION_STRING: 'hello' }, 'AZURE_TABLES_CONNECTION_STRING'],
    [{ DEMO_DATA: 'maybe' }, 'DEMO_DATA'],
    [{ LOG_LEVEL: 'loud' }, 'LOG_LEVEL'],
    [{ TABLE_PREFIX: '1abc' }, 'TABLE_PREFIX'],
    [{ ALLOW_UNAUTHENTICATED: 'perhaps' }, 'ALLOW_UNAUTHENTICATED'],
    [{ STORAGE_TIMEOUT_SECONDS: '0' }, 'STORAGE_TIMEOUT_SECONDS'],
  ])('refuses %j with a message naming %s', (env, variable) => {
    const r = parseEnv(env);
    expect(r.ok).toBe(false);
    expect(!r.ok && r.message.split('\n')[0]).toBe('Ogiltig konfiguration:');
    expect(!r.ok && r.message.split('\n')[1].startsWith(`${variable}: `)).toBe(true);
  });

  describe('authentication fails closed', () => {
    it('refuses to start without authentication in Azure, naming the variable and the way out', () => {
      expect(parseEnv({ WEBSITE_INSTANCE_ID: 'abc123' })).toEqual({
        ok: false,
        message:
          'Ogiltig konfiguration:\nBOT_ID: saknas: utan Bot Framework-autentisering startar boten inte i Azure (WEBSITE_INSTANCE_ID är satt). Sätt BOT_ID, eller ALLOW_UNAUTHENTICATED=true om det verkligen är meningen',
      });
    });

    it('refuses to start without authentication with NODE_ENV=production', () => {
      const r = parseEnv({ NODE_ENV: 'production' });
      expect(!r.ok && r.message).toBe(
        'Ogiltig konfiguration:\nBOT_ID: saknas: utan Bot Framework-autentisering startar boten inte med NODE_ENV=production. Sätt BOT_ID, eller ALLOW_UNAUTHENTICATED=true om det verkligen är meningen',
      );
    });

    it('starts without authentication in Azure only with the explicit override, then on every interface', () => {
      const r = parseEnv({ WEBSITE_INSTANCE_ID: 'abc123', NODE_ENV: 'production', ALLOW_UNAUTHENTICATED: 'true' });
      expect(r.ok && [r.config.auth, r.config.listenHost, r.config.unauthenticatedOverride]).toEqual([null, null, true]);
    });

    it('listens on loopback only when authentication is off, on every interface when it is on', () => {
      const off = parseEnv({});
      const on = parseEnv({ BOT_ID: 'app-id', BOT_PASSWORD: 'secret', WEBSITE_INSTANCE_ID: 'abc123', NODE_ENV: 'production' });
      expect([off.ok && off.config.listenHost, on.ok && on.config.listenHost, on.ok && on.config.unauthenticatedOverride]).toEqual(['127.0.0.1', null, false]);
    });

    it("accepts the Agents Playground's ids (13 hex digits at the end) only without BOT_ID", () => {
      const playground = '00000000-0000-0000-0000-0000000000020';
      const local = parseEnv({ BOT_ADMINS: playground });
      const authenticated = parseEnv({ BOT_ID: 'app-id', BOT_PASSWORD: 'secret', BOT_ADMINS: playground });
      expect(local.ok && local.config.botAdmins).toEqual([playground]);
      expect(authenticated).toEqual({
        ok: false,
        message: 'Ogiltig konfiguration:\nBOT_ADMINS: Agents Playgrounds id:n (13 siffror i sista gruppen) gäller bara lokalt, utan BOT_ID',
      });
    });

    it('refuses 36 characters that are not a GUID', () => {
      const r = parseEnv({ BOT_ADMINS: '-'.repeat(36) });
      expect(r.ok).toBe(false);
      expect(!r.ok && r.message).toContain('BOT_ADMINS: ska vara kommaseparerade GUID:er');
    });

    it("lets only the bot's own tenant in when BOT_TENANT_ID is set and ALLOWED_TENANTS is not", () => {
      const own = parseEnv({ BOT_ID: 'app-id', BOT_PASSWORD: 'secret', BOT_TENANT_ID: '00000000-0000-0000-0000-0000000000007' });
      const listed = parseEnv({
        BOT_ID: 'app-id',
        BOT_PASSWORD: 'secret',
        BOT_TENANT_ID: '00000000-0000-0000-0000-0000000000007',
        ALLOWED_TENANTS: '00000000-0000-0000-0000-000000000008',
      });
      expect(own.ok && own.config.allowedTenants).toEqual(['00000000-0000-0000-0000-0000000000007']);
      expect(listed.ok && listed.config.allowedTenants).toEqual(['00000000-0000-0000-0000-000000000008']);
    });

    it('reads the storage timeout in seconds', () => {
      const r = parseEnv({ STORAGE_TIMEOUT_SECONDS: '2.5' });
      expect(r.ok && r.config.storageTimeoutMs).toBe(2500);
    });
  });
});
