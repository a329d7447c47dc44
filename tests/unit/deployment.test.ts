/**
 * Deployment: infra/main.bicep against what src/config/env.ts reads, the Agents Toolkit
 * lifecycle files against the toolkit's schema, and the package's runtime shape.
 * (No Bicep compiler can be installed here, so the Bicep is read as text.)
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv, { type ValidateFunction } from 'ajv';
import YAML from 'yaml';
import { ENV_VARIABLES } from '../../src/config/env';

const ROOT = join(__dirname, '..', '..');
const read = (file: string) => readFileSync(join(ROOT, file), 'utf8');
const bicep = read('infra/main.bicep');

/** Settings the app reads that Azure deliberately does not get, each with its reason. */
const NOT_SET_IN_AZURE: Partial<Record<string, string>> = {
  PORT: 'App Service sets PORT itself',
  BOT_PASSWORD: 'the bot authenticates with its user-assigned managed identity',
  AZURE_TABLES_CONNECTION_STRING: 'the storage account allows no shared keys; managed identity via AZURE_TABLES_ENDPOINT',
  AZURITE_DIR: 'embedded Azurite is local only',
  TABLE_PREFIX: 'one storage account per environment',
  ALLOW_UNAUTHENTICATED: 'local override that must never be set in Azure',
  NODE_ENV: 'read only to refuse an unauthenticated production start; App Service runs with BOT_ID set',
  WEBSITE_INSTANCE_ID: 'set by App Service itself; read only to refuse an unauthenticated start in Azure',
};
/** Settings for the platform, not the app. */
const PLATFORM_SETTINGS = ['WEBSITE_RUN_FROM_PACKAGE'];

/** The keys of the web app's `appsettings` config resource. */
function appSettingNames(): string[] {
  const start = bicep.indexOf("resource appSettings 'Microsoft.Web/sites/config");
  expect(start).toBeGreaterThan(0);
  const block = bicep.slice(start, bicep.indexOf('\n}\n', start));
  return [...block.matchAll(/^ {4}([A-Z][A-Z0-9_]*):/gm)].map((m) => m[1]);
}

function bicepParams(): Map<string, { hasDefault: boolean }> {
  return new Map([...bicep.matchAll(/^param (\w+) \w+( =)?/gm)].map((m) => [m[1], { hasDefault: m.at(2) !== undefined }]));
}

describe('infra/main.bicep app settings against src/config/env.ts', () => {
  it('provides every setting the app reads, except the ones Azure must not have', () => {
    const provided = new Set(appSettingNames());
    const missing = ENV_VARIABLES.filter((v) => !provided.has(v) && NOT_SET_IN_AZURE[v] === undefined);
    expect(missing).toEqual([]);
    const forbidden = ENV_VARIABLES.filter((v) => provided.has(v) && NOT_SET_IN_AZURE[v] !== undefined);
    expect(forbidden).toEqual([]);
  });

  it('provides nothing the app does not read (besides platform settings)', () => {
    const unread = appSettingNames().filter((s) => !ENV_VARIABLES.includes(s) && !PLATFORM_SETTINGS.includes(s));
    expect(unread).toEqual([]);
    expect(appSettingNames()).not.toContain('TIME_ZONE');
  });

  it('wires Application Insights on a Log Analytics workspace, Node 22, the compiled start and the health check', () => {
    expect(bicep).toContain("resource logAnalytics 'Microsoft.OperationalInsights/workspaces@");
    expect(bicep).toContain("resource appInsights 'Microsoft.Insights/components@");
    expect(bicep).toContain('WorkspaceResourceId: logAnalytics.id');
    expect(bicep).toContain('APPLICATIONINSIGHTS_CONNECTION_STRING: appInsights.properties.ConnectionString');
    expect(bicep).toContain("linuxFxVersion: 'NODE|22-lts'");
    expect(bicep).toContain("appCommandLine: 'node dist/main.js'");
    expect(bicep).toContain("healthCheckPath: '/healthz'");
    expect(bicep).toContain("PUBLIC_BASE_URL: 'https://${webApp.properties.defaultHostName}'");
    expect(bicep).toContain('ALLOWED_TENANTS: empty(allowedTenants) ? identity.properties.tenantId : allowedTenants');
  });

  it('generates a unique resource suffix when none is given', () => {
    expect(bicep).toContain("param resourceSuffix string = ''");
    expect(bicep).toContain('var suffix = empty(resourceSuffix) ? uniqueString(resourceGroup().id) : resourceSuffix');
  });
});

describe('infra/main.parameters.json', () => {
  const parameters = (JSON.parse(read('infra/main.parameters.json')) as { parameters: Partial<Record<string, { value: unknown }>> }).parameters;

  it('names only parameters the Bicep declares, and gives every one without a default', () => {
    const declared = bicepParams();
    expect(Object.keys(parameters).filter((p) => !declared.has(p))).toEqual([]);
    expect([...declared].filter(([p, d]) => !d.hasDefault && parameters[p] === undefined).map(([p]) => p)).toEqual([]);
  });

  it('passes BOT_ADMINS, ALLOWED_TENANTS and RESOURCE_SUFFIX from env/', () => {
    expect(parameters.botAdmins?.value).toBe('${{BOT_ADMINS}}');
    expect(parameters.allowedTenants?.value).toBe('${{ALLOWED_TENANTS}}');
    expect(parameters.resourceSuffix?.value).toBe('${{RESOURCE_SUFFIX}}');
  });

  it('hands botAdmins on to the web app as BOT_ADMINS, so a provisioned bot has admins from the first minute (issue 12)', () => {
    expect(read('infra/main.bicep')).toMatch(/^\s*BOT_ADMINS: botAdmins$/m);
  });
});

describe('Agents Toolkit lifecycle files against the toolkit schema (v1.7)', () => {
  const schema = JSON.parse(read('tests/fixtures/agents-toolkit/yaml.schema.v1.7.json')) as object;
  let validate: ValidateFunction;
  beforeAll(() => {
    validate = new Ajv({ allErrors: true, strict: false }).compile(schema);
  });
  const errorsOf = (doc: unknown) => (validate(doc) ? [] : (validate.errors ?? []).map((e) => `${e.instancePath} ${e.message ?? ''}`));

  it.each(['teamsapp.yml', 'teamsapp.local.yml'])('%s is valid', (file) => {
    const doc = YAML.parse(read(file)) as { version: string };
    expect(doc.version).toBe('v1.7');
    expect(errorsOf(doc)).toEqual([]);
  });

  it('the schema check refuses a misspelt action', () => {
    const doc = YAML.parse(read('teamsapp.yml')) as { deploy: { uses: string }[] };
    doc.deploy[0].uses = 'cli/runNpmCommandd';
    expect(errorsOf(doc).length).toBeGreaterThan(0);
  });

  it('deploy builds, then keeps only production dependencies, then uploads', () => {
    const doc = YAML.parse(read('teamsapp.yml')) as { deploy: { uses: string; with: { args?: string } }[] };
    expect(doc.deploy.map((s) => `${s.uses} ${s.with.args ?? ''}`.trim())).toEqual([
      'cli/runNpmCommand ci --no-audit --no-fund',
      'cli/runNpmCommand run build',
      'cli/runNpmCommand ci --omit=dev --no-audit --no-fund',
      'azureAppService/zipDeploy',
    ]);
  });

  it('the local file registers the bot at the dev tunnel and writes the local bot settings', () => {
    const doc = YAML.parse(read('teamsapp.local.yml')) as {
      provision: { uses: string; with?: Record<string, unknown> }[];
      deploy: { uses: string; with?: { target?: string; envs?: Record<string, string> } }[];
    };
    expect(doc.provision.find((s) => s.uses === 'botFramework/create')?.with?.messagingEndpoint).toBe('${{BOT_ENDPOINT}}/api/messages');
    const settings = doc.deploy.find((s) => s.uses === 'file/createOrUpdateEnvironmentFile')?.with;
    expect(settings?.target).toBe('./.localConfigs');
    expect(Object.keys(settings?.envs ?? {}).filter((k) => !ENV_VARIABLES.includes(k))).toEqual([]);
  });
});

describe('package.json: what ships and how it starts', () => {
  const pkg = JSON.parse(read('package.json')) as {
    engines: { node: string };
    scripts: Record<string, string>;
    dependencies: Record<string, string>;
    devDependencies: Record<string, string>;
  };

  it('runs compiled JavaScript, with tsx, Azurite and test tools as devDependencies only', () => {
    expect(pkg.scripts.build).toBe('tsc -p tsconfig.build.json');
    expect(pkg.scripts.start).toBe('node dist/main.js');
    for (const tool of ['tsx', 'azurite', 'jest', 'ts-jest', 'typescript', 'autocannon', 'ajv']) {
      expect(pkg.dependencies[tool]).toBeUndefined();
      expect(pkg.devDependencies[tool]).toBeDefined();
    }
    expect(Object.values(pkg.scripts).filter((s) => s.includes('--no-deprecation'))).toEqual([]);
  });

  it('engines names the tested Node lines (20 and 22), and CI runs the README test command on both', () => {
    expect(pkg.engines.node).toBe('^20.19.0 || ^22.12.0');
    const ci = read('.ci/run');
    const readme = read('README.md');
    expect(readme).toContain('```sh\nnpm install && npm test\n```');
    expect(ci).toContain('\nnpm install && npm test\n');
    expect(ci).toContain('npx -y -p node@22 -- bash -c "npm install && npm test"');
  });
});
