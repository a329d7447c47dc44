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
      },
    });
  });

  it('turns authentication on with BOT_ID and uses the connection string without demo data', () => {
    const r = parseEnv({
      BOT_ID: 'app-id',
      BOT_PASSWORD: 'secret',
      AZURE_TABLES_CONNECTION_STRING: 'DefaultEndpointsProtocol=https;AccountName=x;AccountKey=y',
      ALLOWED_TENANTS: ' 00000000-0000-0000-0000-0000000000001 , 00000000-0000-0000-0000-0000000000002',
      BOT_ADMINS: '00000000-0000-0000-0000-0000000000ABC',
    });
    expect(r.ok && r.config.auth).toEqual({ appId: 'app-id', password: 'secret', tenantId: undefined, appType: 'MultiTenant' });
    expect(r.ok && r.config.allowedTenants).toEqual(['00000000-0000-0000-0000-0000000000001', '00000000-0000-0000-0000-0000000000002']);
    expect(r.ok && r.config.botAdmins).toEqual(['00000000-0000-0000-0000-0000000000abc']);
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
  ])('refuses %j with a message naming %s', (env, variable) => {
    const r = parseEnv(env);
    expect(r.ok).toBe(false);
    expect(!r.ok && r.message.split('\n')[0]).toBe('Ogiltig konfiguration:');
    expect(!r.ok && r.message.split('\n')[1]!.startsWith(`${variable}: `)).toBe(true);
  });
});
