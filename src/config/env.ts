import { z } from 'zod';
import { aadObjectIdSchema, isAadObjectId } from '../domain/aadId';
import { swedishErrorMap } from './swedishErrors';

const csv = z
  .string()
  .optional()
  .transform((s) =>
    (s ?? '')
      .split(',')
      .map((x) => x.trim())
      .filter((x) => x.length > 0),
  );

// The Playground's ids pass the schema; with BOT_ID set (a real tenant) `parseEnv` refuses them.
const guidList = csv.pipe(z.array(aadObjectIdSchema('local', 'ska vara kommaseparerade GUID:er')));

const bool = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'])
  .optional()
  .transform((v) => (v === undefined ? undefined : ['true', '1', 'yes'].includes(v)));

const emptyToUndefined = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? undefined : v);
const optionalText = z.preprocess(emptyToUndefined, z.string().optional());

/** The environment as the bot reads it, once, at start-up. Empty values count as unset. */
const envSchema = z.object({
  PORT: z.preprocess(emptyToUndefined, z.coerce.number().int().min(0).max(65535).default(3978)),
  BOT_ID: optionalText,
  BOT_PASSWORD: optionalText,
  BOT_TENANT_ID: optionalText,
  BOT_TYPE: z.preprocess(emptyToUndefined, z.enum(['MultiTenant', 'SingleTenant', 'UserAssignedMSI']).optional()),
  ALLOWED_TENANTS: z.preprocess(emptyToUndefined, guidList),
  AZURE_TABLES_CONNECTION_STRING: optionalText,
  AZURE_TABLES_ENDPOINT: z.preprocess(emptyToUndefined, z.string().url('ska vara en URL, t.ex. https://konto.table.core.windows.net').optional()),
  AZURE_CLIENT_ID: optionalText,
  TABLE_PREFIX: z.preprocess(
    emptyToUndefined,
    z
      .string()
      .regex(/^([A-Za-z][A-Za-z0-9]{0,20})?$/, 'ska börja med en bokstav och bara innehålla bokstäver och siffror')
      .default(''),
  ),
  BOT_ADMINS: z.preprocess(emptyToUndefined, guidList),
  ORG_DIR: z.preprocess(emptyToUndefined, z.string().default('orgs')),
  DEMO_DATA: z.preprocess(emptyToUndefined, bool),
  AZURITE_DIR: z.preprocess(emptyToUndefined, z.string().default('.azurite')),
  LOG_LEVEL: z.preprocess(emptyToUndefined, z.enum(['debug', 'info', 'warn', 'error', 'silent']).default('info')),
  REMINDER_INTERVAL_MINUTES: z.preprocess(
    emptyToUndefined,
    z.coerce
      .number()
      .min(0)
      .max(24 * 60)
      .default(15),
  ),
  TEAMS_RATE_PER_TENANT: z.preprocess(emptyToUndefined, z.coerce.number().int().min(1).max(1000).default(25)),
  TEAMS_RATE_PER_CONVERSATION: z.preprocess(emptyToUndefined, z.coerce.number().int().min(1).max(100).default(7)),
  PUBLIC_BASE_URL: z.preprocess(emptyToUndefined, z.string().url('ska vara en URL, t.ex. https://samverkansboten.azurewebsites.net').optional()),
  APPLICATIONINSIGHTS_CONNECTION_STRING: z.preprocess(
    emptyToUndefined,
    z
      .string()
      .regex(/InstrumentationKey=/i, 'ska vara en anslutningssträng för Application Insights (InstrumentationKey=…)')
      .optional(),
  ),
  ALLOW_UNAUTHENTICATED: z.preprocess(emptyToUndefined, bool),
  STORAGE_TIMEOUT_SECONDS: z.preprocess(emptyToUndefined, z.coerce.number().min(0.1).max(120).default(5)),
  MEMBER_CACHE_SECONDS: z.preprocess(emptyToUndefined, z.coerce.number().min(0).max(600).default(30)),
  // Read only to decide whether running without authentication is allowed.
  NODE_ENV: optionalText,
  WEBSITE_INSTANCE_ID: optionalText,
});

/** Every environment variable the bot reads (the deployment test checks infra/main.bicep against it). */
export const ENV_VARIABLES: readonly string[] = Object.keys(envSchema.shape);

export type StorageConfig =
  | { readonly kind: 'connection-string'; readonly connectionString: string }
  | { readonly kind: 'managed-identity'; readonly endpoint: string; readonly clientId: string | undefined }
  | { readonly kind: 'embedded-azurite'; readonly dataDir: string };

export interface BotAuthConfig {
  readonly appId: string;
  readonly password: string | undefined;
  readonly tenantId: string | undefined;
  readonly appType: 'MultiTenant' | 'SingleTenant' | 'UserAssignedMSI';
}

export interface AppConfig {
  readonly port: number;
  /** `null` means local mode: no Bot Framework authentication. */
  readonly auth: BotAuthConfig | null;
  readonly allowedTenants: readonly string[];
  readonly storage: StorageConfig;
  readonly tablePrefix: string;
  readonly botAdmins: readonly string[];
  readonly orgDir: string;
  readonly loadDemoData: boolean;
  readonly logLevel: 'debug' | 'info' | 'warn' | 'error' | 'silent';
  /** 0 turns the reminder scheduler off. */
  readonly reminderIntervalMinutes: number;
  readonly rateLimits: { readonly perConversation: number; readonly perTenant: number };
  /** Where calendar links point; defaults to the local address. */
  readonly publicBaseUrl: string | null;
  /** Application Insights; telemetry is off when unset. */
  readonly telemetryConnectionString: string | undefined;
  /** WEBSITE_INSTANCE_ID: the App Service instance, when running in Azure (names this instance's reminder claims). */
  readonly azureInstanceId?: string;
  /** Loopback when authentication is off (unless overridden); null means every interface. */
  readonly listenHost: '127.0.0.1' | null;
  /** True when ALLOW_UNAUTHENTICATED let the bot run without authentication on every interface. */
  readonly unauthenticatedOverride: boolean;
  /** How long one storage request may take before the user is told storage is not answering. */
  readonly storageTimeoutMs: number;
  /** How long a person's memberships and roles are served from memory (0: read every turn). */
  readonly memberCacheMs: number;
}

export type EnvResult = { ok: true; config: AppConfig } | { ok: false; message: string };

/** Parses this process's environment (for the entry points, which read it nowhere else). */
export function parseProcessEnv(): EnvResult {
  return parseEnv(process.env);
}

/** Parses the environment; a bad value gives a Swedish message naming the variable. */
export function parseEnv(env: Readonly<Record<string, string | undefined>>): EnvResult {
  const parsed = envSchema.safeParse(env, { errorMap: swedishErrorMap });
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `${String(i.path[0])}: ${i.message} (värde: "${env[String(i.path[0])] ?? ''}")`);
    return { ok: false, message: `Ogiltig konfiguration:\n${lines.join('\n')}` };
  }
  const e = parsed.data;
  const bad = (name: string, why: string): EnvResult => ({ ok: false, message: `Ogiltig konfiguration:\n${name}: ${why}` });
  for (const name of ['ALLOWED_TENANTS', 'BOT_ADMINS'] as const)
    if (e.BOT_ID !== undefined && e[name].some((id) => !isAadObjectId(id, 'strict')))
      return bad(name, 'Agents Playgrounds id:n (13 siffror i sista gruppen) gäller bara lokalt, utan BOT_ID');
  const appType = e.BOT_TYPE ?? (e.BOT_PASSWORD === undefined && e.BOT_ID !== undefined ? 'UserAssignedMSI' : 'MultiTenant');
  if (e.BOT_ID === undefined && (e.BOT_PASSWORD !== undefined || e.BOT_TENANT_ID !== undefined))
    return bad('BOT_ID', 'saknas, men BOT_PASSWORD eller BOT_TENANT_ID är satt');
  if (e.BOT_ID !== undefined && appType !== 'MultiTenant' && e.BOT_TENANT_ID === undefined) return bad('BOT_TENANT_ID', `krävs när BOT_TYPE är ${appType}`);
  if (e.BOT_ID !== undefined && appType !== 'UserAssignedMSI' && e.BOT_PASSWORD === undefined) return bad('BOT_PASSWORD', `krävs när BOT_TYPE är ${appType}`);
  const override = e.BOT_ID === undefined && e.ALLOW_UNAUTHENTICATED === true;
  if (e.BOT_ID === undefined && !override && (e.WEBSITE_INSTANCE_ID !== undefined || e.NODE_ENV === 'production'))
    return bad(
      'BOT_ID',
      `saknas: utan Bot Framework-autentisering startar boten inte ${e.WEBSITE_INSTANCE_ID !== undefined ? 'i Azure (WEBSITE_INSTANCE_ID är satt)' : 'med NODE_ENV=production'}. Sätt BOT_ID, eller ALLOW_UNAUTHENTICATED=true om det verkligen är meningen`,
    );
  if (e.AZURE_TABLES_CONNECTION_STRING !== undefined && e.AZURE_TABLES_ENDPOINT !== undefined)
    return bad('AZURE_TABLES_ENDPOINT', 'ange antingen AZURE_TABLES_CONNECTION_STRING eller AZURE_TABLES_ENDPOINT, inte båda');
  if (e.AZURE_TABLES_CONNECTION_STRING !== undefined && !/TableEndpoint=|AccountName=/i.test(e.AZURE_TABLES_CONNECTION_STRING))
    return bad('AZURE_TABLES_CONNECTION_STRING', 'ser inte ut som en anslutningssträng för Azure Storage (saknar AccountName eller TableEndpoint)');
  const storage: StorageConfig =
    e.AZURE_TABLES_CONNECTION_STRING !== undefined
      ? { kind: 'connection-string', connectionString: e.AZURE_TABLES_CONNECTION_STRING }
      : e.AZURE_TABLES_ENDPOINT !== undefined
        ? { kind: 'managed-identity', endpoint: e.AZURE_TABLES_ENDPOINT, clientId: e.AZURE_CLIENT_ID }
        : { kind: 'embedded-azurite', dataDir: e.AZURITE_DIR };
  return {
    ok: true,
    config: {
      port: e.PORT,
      auth: e.BOT_ID === undefined ? null : { appId: e.BOT_ID, password: e.BOT_PASSWORD, tenantId: e.BOT_TENANT_ID, appType },
      // Fail closed: a bot with its own tenant serves that tenant unless others are listed.
      allowedTenants: e.ALLOWED_TENANTS.length === 0 && e.BOT_ID !== undefined && e.BOT_TENANT_ID !== undefined ? [e.BOT_TENANT_ID] : e.ALLOWED_TENANTS,
      storage,
      tablePrefix: e.TABLE_PREFIX,
      botAdmins: e.BOT_ADMINS.map((x) => x.toLowerCase()),
      orgDir: e.ORG_DIR,
      loadDemoData: e.DEMO_DATA ?? storage.kind === 'embedded-azurite',
      logLevel: e.LOG_LEVEL,
      reminderIntervalMinutes: e.REMINDER_INTERVAL_MINUTES,
      rateLimits: { perConversation: e.TEAMS_RATE_PER_CONVERSATION, perTenant: e.TEAMS_RATE_PER_TENANT },
      publicBaseUrl: e.PUBLIC_BASE_URL?.replace(/\/$/, '') ?? null,
      telemetryConnectionString: e.APPLICATIONINSIGHTS_CONNECTION_STRING,
      azureInstanceId: e.WEBSITE_INSTANCE_ID,
      listenHost: e.BOT_ID === undefined && !override ? '127.0.0.1' : null,
      unauthenticatedOverride: override,
      storageTimeoutMs: Math.round(e.STORAGE_TIMEOUT_SECONDS * 1000),
      memberCacheMs: Math.round(e.MEMBER_CACHE_SECONDS * 1000),
    },
  };
}
