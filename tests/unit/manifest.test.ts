/**
 * Teams-apppaketet: manifest, översättning, ikoner och miljövariabler.
 *
 * Manifestet valideras mot Microsofts officiella JSON-schema som följer med
 * @microsoft/app-manifest (samma version som manifestVersion), så att ett fel
 * upptäcks här och inte först när Teams Toolkit eller Teams admin center vägrar paketet.
 */
import { readFileSync, existsSync, readdirSync } from 'fs';
import { join } from 'path';
import Ajv, { type AnySchemaObject, type ErrorObject, type ValidateFunction } from 'ajv';
import type AjvCore from 'ajv/dist/core';
import draft06MetaSchema from 'ajv/dist/refs/json-schema-draft-06.json';
import Ajv2019 from 'ajv/dist/2019';
import Ajv2020 from 'ajv/dist/2020';
import AjvDraft04 from 'ajv-draft-04';
import addFormats from 'ajv-formats';
import { helpCard } from '../../src/cards/helpCard';
import type { Membership, UserContext } from '../../src/domain/people';
import { GBG, SAMLA } from '../helpers/shippedOrgs';

// pngjs has no bundled typings (and @types/pngjs is not installed); type what we use.
interface PngImage {
  width: number;
  height: number;
  data: Buffer;
}
// eslint-disable-next-line @typescript-eslint/no-require-imports -- pngjs ships no typings (@types/pngjs is not installed); the cast types what we use, as in tests/e2e/wheel.test.ts
const { PNG } = require('pngjs') as { PNG: { sync: { read(buffer: Buffer): PngImage } } };

const ROOT = join(__dirname, '..', '..');
const APP_PACKAGE = join(ROOT, 'appPackage');
const SCHEMA_ROOT = join(ROOT, 'node_modules', '@microsoft', 'app-manifest', 'build', 'json-schemas', 'teams');

interface Command {
  title: string;
  description: string;
}
interface CommandList {
  scopes: string[];
  commands: Command[];
}
interface Manifest {
  $schema: string;
  manifestVersion: string;
  id: string;
  version: string;
  name: { short: string; full: string };
  description: { short: string; full: string };
  developer: { name: string; websiteUrl: string; privacyUrl: string; termsOfUseUrl: string };
  icons: { color: string; outline: string };
  accentColor: string;
  localizationInfo: {
    defaultLanguageTag: string;
    additionalLanguages: { languageTag: string; file: string }[];
  };
  bots: {
    botId: string;
    scopes: string[];
    supportsFiles: boolean;
    isNotificationOnly: boolean;
    commandLists: CommandList[];
  }[];
  validDomains: string[];
}

/** Example values used where Teams Toolkit would substitute `${{NAME}}` from env/.env.<env>. */
const PACKAGE_VERSION = (JSON.parse(readFileSync(join(__dirname, '..', '..', 'package.json'), 'utf8')) as { version: string }).version;
const SAMPLE_VALUES: Partial<Record<string, string>> = {
  APP_VERSION: PACKAGE_VERSION,
  PRIVACY_URL: 'https://www.vardsamverkan.se/goteborgsomradet/',
  TERMS_OF_USE_URL: 'https://www.vardsamverkan.se/goteborgsomradet/',
  TEAMS_APP_ID: '5f0c4a5e-7d3b-4c1e-9a51-2b6f8e0d1c01',
  BOT_ID: '0b7d9e3a-4c2f-4e8b-a1d6-93f5c7e2b402',
  BOT_DOMAIN: 'samverkanabc123.azurewebsites.net',
};

const PLACEHOLDER = /\$\{\{\s*([A-Za-z_][A-Za-z0-9_]*)\s*\}\}/g;

function readText(path: string): string {
  return readFileSync(path, 'utf8');
}

function placeholdersIn(text: string): string[] {
  return [...text.matchAll(PLACEHOLDER)].map((m) => m[1]);
}

/** Resolve `${{NAME}}` like Teams Toolkit does, then parse. Unknown names fail loudly. */
function resolveJson(path: string): unknown {
  const resolved = readText(path).replace(PLACEHOLDER, (_whole, name: string) => {
    const value = SAMPLE_VALUES[name];
    if (value === undefined) throw new Error(`No sample value for placeholder ${name} in ${path}`);
    return value;
  });
  return JSON.parse(resolved) as unknown;
}

function loadSchema(path: string): AnySchemaObject {
  // Same workaround as @microsoft/app-manifest: some schema versions use the regex escape
  // "\a", which JavaScript's RegExp (unicode mode) rejects.
  return JSON.parse(readText(path).replace(/\\\\a/g, '\\\\x07')) as AnySchemaObject;
}

/** Compile with the Ajv flavour matching the schema's declared draft. */
function compile(schema: AnySchemaObject): ValidateFunction {
  const declared = schema.$schema ?? '';
  // strict: false – Microsoft's schemas use keywords/formats Ajv's strict mode rejects.
  // unicodeRegExp: false – the localization schema has patterns such as "\\b]" (an unescaped "]")
  // that are valid ECMAScript regexes but invalid in unicode ("u") mode, Ajv's default.
  const options = { allErrors: true, strict: false, unicodeRegExp: false } as const;
  let ajv: AjvCore;
  if (declared.includes('draft-04')) {
    ajv = new AjvDraft04(options);
  } else if (declared.includes('2020-12')) {
    ajv = new Ajv2020(options);
  } else if (declared.includes('2019-09')) {
    ajv = new Ajv2019(options);
  } else {
    ajv = new Ajv(options);
    if (declared.includes('draft-06')) {
      ajv.addMetaSchema(draft06MetaSchema);
    }
  }
  addFormats(ajv);
  return ajv.compile(schema);
}

function describeErrors(errors: ErrorObject[] | null | undefined): string[] {
  return (errors ?? []).map((e) => `${e.instancePath || '/'} ${e.message ?? ''} ${JSON.stringify(e.params)}`);
}

function readPng(file: string): PngImage {
  return PNG.sync.read(readFileSync(join(APP_PACKAGE, file)));
}

function envTemplateNames(): Set<string> {
  const names = new Set<string>();
  for (const line of readText(join(ROOT, 'env', '.env.dev')).split(/\r?\n/)) {
    const m = /^\s*([A-Za-z_][A-Za-z0-9_]*)\s*=/.exec(line);
    if (m) names.add(m[1]);
  }
  return names;
}

const validators = new Map<string, ValidateFunction>();
/** Compiling Microsoft's schema takes ~0.5 s, so compile each one once. */
function validatorFor(schemaPath: string): ValidateFunction {
  let validate = validators.get(schemaPath);
  if (!validate) {
    validate = compile(loadSchema(schemaPath));
    validators.set(schemaPath, validate);
  }
  return validate;
}

const manifestPath = join(APP_PACKAGE, 'manifest.json');
const manifest = resolveJson(manifestPath) as Manifest;
const schemaDir = join(SCHEMA_ROOT, `v${manifest.manifestVersion}`);
const localization = manifest.localizationInfo.additionalLanguages.at(0);
const localizationPath = join(APP_PACKAGE, localization?.file ?? 'missing.json');
const english = resolveJson(localizationPath) as Record<string, string>;

describe('Teams-manifestet (appPackage/manifest.json)', () => {
  test('använder den nyaste icke-preview-schemaversionen som följer med @microsoft/app-manifest', () => {
    const versions = readdirSync(SCHEMA_ROOT)
      .filter((d) => /^v\d+\.\d+$/.test(d))
      .map((d) => d.slice(1));
    const newest = versions.sort((a, b) => {
      const [aMajor, aMinor] = a.split('.').map(Number) as [number, number];
      const [bMajor, bMinor] = b.split('.').map(Number) as [number, number];
      return aMajor - bMajor || aMinor - bMinor;
    })[versions.length - 1];
    expect(manifest.manifestVersion).toBe('1.30');
    expect(manifest.manifestVersion).toBe(newest);
    expect(manifest.$schema).toBe(`https://developer.microsoft.com/en-us/json-schemas/teams/v${manifest.manifestVersion}/MicrosoftTeams.schema.json`);
  });

  test('validerar mot Microsofts officiella schema', () => {
    const validate = validatorFor(join(schemaDir, 'MicrosoftTeams.schema.json'));
    const ok = validate(manifest);
    expect(describeErrors(validate.errors)).toEqual([]);
    expect(ok).toBe(true);
  });

  test('schemavalideringen underkänner faktiskt fel (utvecklarnamn över 32 tecken)', () => {
    const validate = validatorFor(join(schemaDir, 'MicrosoftTeams.schema.json'));
    const broken: Manifest = {
      ...manifest,
      developer: { ...manifest.developer, name: 'Samverkanskontoret, Vårdsamverkan i Göteborgsområdet' },
    };
    expect(validate(broken)).toBe(false);
    expect(describeErrors(validate.errors).join('\n')).toContain('/developer/name');
  });

  test('id:n och domän kommer från miljön', () => {
    const raw = JSON.parse(readText(manifestPath)) as Manifest;
    expect(raw.id).toBe('${{TEAMS_APP_ID}}');
    expect(raw.bots[0]?.botId).toBe('${{BOT_ID}}');
    expect(raw.validDomains).toEqual(['${{BOT_DOMAIN}}']);
  });

  test('version, integritetspolicy och villkor kommer från miljön; versionen sätts från package.json', () => {
    const raw = JSON.parse(readText(manifestPath)) as Manifest;
    expect(raw.version).toBe('${{APP_VERSION}}');
    expect(raw.developer.privacyUrl).toBe('${{PRIVACY_URL}}');
    expect(raw.developer.termsOfUseUrl).toBe('${{TERMS_OF_USE_URL}}');
    const yml = readText(join(ROOT, 'teamsapp.yml'));
    expect(yml).toContain(`node -e "console.log('::set-teamsfx-env APP_VERSION=' + require('./package.json').version)"`);
  });

  test('den fullständiga beskrivningen nämner varje kommando i README (svenska och engelska)', () => {
    const readme = readText(join(ROOT, 'README.md'));
    const rows = [...readme.matchAll(/^\| `([^`]+)` \| `([^`]+)` \|/gm)].map((m) => [m[1], m[2]]);
    expect(rows.length).toBeGreaterThanOrEqual(25);
    const word = (command: string) => command.replace(/ [<[].*$/, '').replace(/ sv\\\|en\\\|auto$/, '');
    // the command as a whole word ("möte" is not found inside "möten")
    const mentions = (text: string, w: string) => new RegExp(`(?<![\\p{L}-])${w}(?![\\p{L}-])`, 'u').test(text);
    const missingSv = rows.map(([sv]) => word(sv)).filter((w) => !mentions(manifest.description.full, w));
    const missingEn = rows.map(([, en]) => word(en)).filter((w) => !mentions(english['description.full'], w));
    expect(missingSv).toEqual([]);
    expect(missingEn).toEqual([]);
    expect(manifest.description.full.length).toBeLessThanOrEqual(4000);
  });

  test('namn, beskrivning, utvecklare och färg', () => {
    expect(manifest.version).toBe(PACKAGE_VERSION);
    expect(manifest.name).toEqual({
      short: 'Samverkansboten',
      full: 'Samverkansboten – stöd för samverkansgrupper i vårdsamverkan',
    });
    expect(manifest.description.short.length).toBeLessThanOrEqual(80);
    expect(manifest.description.full).toContain('Samverkanskontoret, Vårdsamverkan i Göteborgsområdet');
    expect(manifest.developer.websiteUrl).toBe('https://www.vardsamverkan.se/goteborgsomradet/');
    for (const url of [manifest.developer.websiteUrl, manifest.developer.privacyUrl, manifest.developer.termsOfUseUrl]) {
      expect(url).toMatch(/^https:\/\//);
    }
    expect(manifest.accentColor).toBe('#005A9E');
    expect(manifest.icons).toEqual({ color: 'color.png', outline: 'outline.png' });
    expect(manifest.localizationInfo).toEqual({
      defaultLanguageTag: 'sv-SE',
      additionalLanguages: [
        { languageTag: 'en', file: 'en.json' },
        { languageTag: 'en-US', file: 'en-US.json' },
      ],
    });
  });

  test('botten: scope, inga filer, konversationell, kommandon per scope', () => {
    expect(manifest.bots).toHaveLength(1);
    const bot = manifest.bots[0];
    expect(bot.scopes).toEqual(['personal', 'team', 'groupChat']);
    expect(bot.supportsFiles).toBe(false);
    expect(bot.isNotificationOnly).toBe(false);

    const byScope = Object.fromEntries(bot.commandLists.map((list) => [list.scopes.join(','), list.commands.map((c) => c.title)]));
    // Personal chat: reading, and the admin and process-leader work that concerns people (settings, deputies, admins);
    // channel: the group's shared business; group chat: the few that make sense without a group. See the README.
    expect(byScope).toEqual({
      personal: ['hjälp', 'grupper', 'möten', 'beslut', 'ordförande', 'årshjul', 'ledamöter', 'inställningar', 'ersättare', 'administratörer'],
      team: ['hjälp', 'grupper', 'koppla', 'ordförande', 'möten', 'årshjul', 'beslut', 'ledamöter', 'utse', 'inställningar'],
      groupChat: ['hjälp', 'grupper', 'ordförande', 'årshjul', 'beslut', 'språk'],
    });
    for (const list of bot.commandLists) expect(list.commands.length).toBeLessThanOrEqual(10);

    const descriptions = new Map(bot.commandLists.flatMap((l) => l.commands.map((c) => [c.title, c.description])));
    expect(Object.fromEntries(descriptions)).toEqual({
      hjälp: 'Visa vad du kan göra med boten',
      grupper: 'Lista samverkansgrupperna med ordförande och nästa möte',
      koppla: 'Koppla den här kanalen till en grupp – för administratör eller processledare',
      ordförande: 'Visa ordförande, vice ordförande och mandatperiod',
      årshjul: 'Visa årshjulets kommande datum och kalenderlänk – ändra med ”årshjul <grupp> ändra”',
      möten: 'Visa gruppens möten med dagordning, närvaro och synpunkter',
      beslut: 'Sök i gruppens beslutslogg med förankringsstatus',
      ledamöter: 'Visa gruppens ledamöter med part och roll',
      utse: 'Registrera ordförande eller vice – reglerna kontrolleras',
      språk: 'Byt språk: svenska eller engelska',
      inställningar: 'Ändra gruppens inställningar: ersättare, mötesvägledning, rapporttakt, justerare – för administratör eller processledare',
      administratörer: 'Lägg till och ta bort administratörer och processledare – för administratör',
      ersättare: 'Namnge ledamöternas ersättare i grupper med ersättare – för administratör eller processledare',
    });
    // Teams shows at most 32 characters of a command title and 128 of its description.
    for (const [title, description] of descriptions) {
      expect(title.length).toBeLessThanOrEqual(32);
      expect(description.length).toBeLessThanOrEqual(128);
    }
  });
});

describe('kommandon som inte står i alla listor', () => {
  test('hjälp visar dem ändå: lägg till, utse och språk för en processledare, ersättare och administratörer för en administratör', () => {
    const lgs: Membership = { org: 'goteborgsomradet', group: 'lgs', party: null, roles: ['processLeader'] };
    const person: UserContext = { aadObjectId: 'aad', preferredLocale: null, memberships: [lgs], adminOf: [], globalAdmin: false };
    const shown = (u: UserContext) =>
      helpCard(u, [GBG, SAMLA], 'sv').body.flatMap((e) =>
        ((e as { facts?: { title: string }[] }).facts ?? []).map((f) => f.title.replaceAll('\\<', '<').replaceAll('\\>', '>')),
      );
    expect(shown(person)).toEqual(expect.arrayContaining(['lägg till <grupp>', 'utse <grupp>', 'språk sv | en', 'inställningar <grupp>']));
    expect(shown({ ...person, adminOf: ['goteborgsomradet'] })).toEqual(expect.arrayContaining(['ersättare <grupp>', 'administratörer [organisation]']));
  });
});

describe('Engelsk översättning (appPackage/en.json och en-US.json)', () => {
  test('en (alla engelska klienter) och en-US har samma text', () => {
    expect(readText(join(APP_PACKAGE, 'en.json'))).toBe(readText(join(APP_PACKAGE, 'en-US.json')));
  });

  test('validerar mot Teams lokaliseringsschema', () => {
    const schemaPath = join(schemaDir, 'MicrosoftTeams.Localization.schema.json');
    expect(existsSync(schemaPath)).toBe(true);
    const validate = validatorFor(schemaPath);
    const ok = validate(english);
    expect(describeErrors(validate.errors)).toEqual([]);
    expect(ok).toBe(true);
    expect(english.$schema).toBe(`https://developer.microsoft.com/en-us/json-schemas/teams/v${manifest.manifestVersion}/MicrosoftTeams.Localization.schema.json`);
  });

  test('översätter namn och beskrivningar', () => {
    expect(english['name.short']).toBe('Samverkansboten');
    expect(english['name.full']).toBe('Samverkansboten – support for collaboration groups in health and social care');
    expect((english['description.short'] ?? '').length).toBeLessThanOrEqual(80);
    expect(english['description.full']).not.toBe(manifest.description.full);
  });

  test('varje svenskt kommando har exakt en engelsk titel och beskrivning', () => {
    const lists = manifest.bots[0].commandLists;
    const swedishTitles = lists.flatMap((l) => l.commands.map((c) => c.title));
    const titleKeys = Object.keys(english).filter((k) => /^bots\[0\]\.commandLists\[\d+\]\.commands\[\d+\]\.title$/.test(k));
    const descriptionKeys = Object.keys(english).filter((k) => /^bots\[0\]\.commandLists\[\d+\]\.commands\[\d+\]\.description$/.test(k));
    expect(swedishTitles).toHaveLength(26);
    expect(titleKeys).toHaveLength(swedishTitles.length);
    expect(descriptionKeys).toHaveLength(swedishTitles.length);

    const translation: Partial<Record<string, string>> = {};
    lists.forEach((list, i) =>
      list.commands.forEach((command, j) => {
        const title = english[`bots[0].commandLists[${i}].commands[${j}].title`];
        const description = english[`bots[0].commandLists[${i}].commands[${j}].description`];
        expect(title).toBeDefined();
        expect(description).toBeDefined();
        expect(description).not.toBe(command.description);
        // the same Swedish command must translate the same way in every scope
        if (translation[command.title] !== undefined) expect(title).toBe(translation[command.title]);
        translation[command.title] = title;
      }),
    );
    expect(translation).toEqual({
      hjälp: 'help',
      grupper: 'groups',
      koppla: 'link',
      ordförande: 'chair',
      årshjul: 'cycle',
      möten: 'meetings',
      beslut: 'decisions',
      ledamöter: 'members',
      utse: 'appoint',
      språk: 'language',
      inställningar: 'settings',
      administratörer: 'admins',
      ersättare: 'deputies',
    });
  });
});

describe('Ikoner', () => {
  test('color.png är en 192x192 PNG med bakgrund i accentfärgen', () => {
    const png = readPng(manifest.icons.color);
    expect([png.width, png.height]).toEqual([192, 192]);
    const center = (96 * 192 + 20) * 4; // a background pixel left of the circles
    expect([...png.data.subarray(center, center + 4)]).toEqual([0x00, 0x5a, 0x9e, 255]);
    const whitePixels = countPixels(png, (r, g, b, a) => r === 255 && g === 255 && b === 255 && a === 255);
    expect(whitePixels).toBeGreaterThan(1000); // the circles are actually drawn
  });

  test('outline.png är en 32x32 PNG med bara vita eller helt transparenta pixlar', () => {
    const png = readPng(manifest.icons.outline);
    expect([png.width, png.height]).toEqual([32, 32]);
    const offending = countPixels(png, (r, g, b, a) => a !== 0 && !(r === 255 && g === 255 && b === 255));
    expect(offending).toBe(0);
    expect(countPixels(png, (_r, _g, _b, a) => a === 255)).toBeGreaterThan(50); // not blank
    expect(countPixels(png, (_r, _g, _b, a) => a === 0)).toBeGreaterThan(300); // transparent background
  });
});

describe('Miljövariabler', () => {
  test('varje ${{…}} som används finns i env/.env.dev', () => {
    const files = [join('appPackage', 'manifest.json'), join('appPackage', 'en-US.json'), join('infra', 'main.parameters.json'), 'teamsapp.yml'];
    const declared = envTemplateNames();
    const used = new Set(files.flatMap((f) => placeholdersIn(readText(join(ROOT, f)))));
    expect([...used].filter((name) => !declared.has(name))).toEqual([]);
    for (const name of [
      'TEAMS_APP_ID',
      'BOT_ID',
      'BOT_DOMAIN',
      'BOT_AZURE_APP_SERVICE_RESOURCE_ID',
      'RESOURCE_SUFFIX',
      'BOT_ADMINS',
      'ALLOWED_TENANTS',
      'APP_VERSION',
      'PRIVACY_URL',
      'TERMS_OF_USE_URL',
    ]) {
      expect(used.has(name)).toBe(true);
    }
  });

  test('env/.env.dev innehåller inga hemligheter', () => {
    const text = readText(join(ROOT, 'env', '.env.dev'));
    expect(text).not.toMatch(/^\s*(SECRET_\w*|BOT_PASSWORD|\w*CONNECTION_STRING)\s*=\s*\S/m);
    expect(text).toMatch(/^TEAMSFX_ENV=dev$/m);
  });
});

function countPixels(png: PngImage, predicate: (r: number, g: number, b: number, a: number) => boolean): number {
  let count = 0;
  for (let i = 0; i < png.data.length; i += 4) {
    if (predicate(png.data[i], png.data[i + 1], png.data[i + 2], png.data[i + 3])) count++;
  }
  return count;
}
