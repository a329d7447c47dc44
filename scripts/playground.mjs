#!/usr/bin/env node
// `npm run playground`: startar Microsoft 365 Agents Playground mot den lokalt körande boten
// (starta boten med `npm start` i en annan terminal). Se docs/playground.md.
//
// Vad skriptet gör utöver att starta `agentsplayground`:
//  - lägger scripts/bin först i PATH, där en ofarlig `xdg-open` bara skriver ut adressen
//    (utan skrivbord avslutas Playground annars när den försöker öppna en webbläsare),
//  - läser .m365agentsplayground.yml och kan byta aktuell användare (--som) och den extra
//    kanalen (--kanal) genom att skriva en tillfällig kopia av filen,
//  - sätter locale (standard sv-SE) på varje aktivitet på vägen till boten: Playground skickar
//    alltid en-US och det går inte att konfigurera. Det görs av en liten proxy på 127.0.0.1,
//  - skickar vidare Ctrl+C/SIGTERM till Playground och städar efter sig.
//
// Miljövariabler: PORT (botens port, 3978), BOT_ENDPOINT (hela adressen till botens
// /api/messages), PLAYGROUND_PORT (Playgroundens port, 56150), PLAYGROUND_LOCALE (sv-SE).

import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import { createRequire } from 'node:module';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import YAML from 'yaml';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const configFile = path.resolve(process.env.M365_AGENTS_PLAYGROUND_CONFIG_PATH || path.join(root, '.m365agentsplayground.yml'));
const binDir = path.join(root, 'scripts', 'bin');
const logFile = path.join(root, 'devTools', 'm365agentsplayground.log');

let tmpDir; // tillfällig konfiguration vid --som/--kanal, tas bort vid avslut

const fail = (msg) => {
  console.error(`playground: ${msg}`);
  if (tmpDir) rmSync(tmpDir, { recursive: true, force: true });
  process.exit(1);
};

// ---------- argument ----------

const HELP = `Användning: npm run playground -- [flaggor]

  --som <vem>       Kör som en annan demoanvändare: nummer (1–6), del av namnet
                    (t.ex. "ordförande") eller aadObjectId. Standard: currentUser i
                    .m365agentsplayground.yml.
  --kanal <namn>    Ersätt teamets extra kanal (LGS) med en annan, t.ex. "NOSAM Hisingen".
  --locale <tagg>   Locale som boten ser (standard sv-SE; t.ex. en-US för engelska).
  -e <url>          Botens adress (standard http://localhost:$PORT/api/messages,
                    PORT 3978); samma som BOT_ENDPOINT.
  --lista           Visa demoanvändarna och avsluta.
  -h, --hjälp       Visa den här hjälpen.

Övriga flaggor skickas vidare till agentsplayground (t.ex. -p 56151).
Miljö: PORT eller BOT_ENDPOINT (boten), PLAYGROUND_PORT, PLAYGROUND_LOCALE.`;

const opts = { as: undefined, channel: undefined, endpoint: undefined, locale: process.env.PLAYGROUND_LOCALE || 'sv-SE', list: false };
const passthrough = [];
{
  const argv = process.argv.slice(2);
  const take = (i, name) => {
    const eq = argv[i].indexOf('=');
    if (eq >= 0) return [argv[i].slice(eq + 1), i];
    if (i + 1 >= argv.length) fail(`${name} kräver ett värde (se --hjälp)`);
    return [argv[i + 1], i + 1];
  };
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i].split('=')[0];
    if (flag === '--som') [opts.as, i] = take(i, '--som');
    else if (flag === '--kanal') [opts.channel, i] = take(i, '--kanal');
    else if (flag === '--locale') [opts.locale, i] = take(i, '--locale');
    else if (flag === '-e' || flag === '--app-endpoint') [opts.endpoint, i] = take(i, flag);
    else if (flag === '--lista') opts.list = true;
    else if (['-h', '--help', '--hjälp', '--hjalp'].includes(flag)) {
      console.log(HELP);
      process.exit(0);
    } else passthrough.push(argv[i]);
  }
}
try {
  opts.locale = Intl.getCanonicalLocales(opts.locale)[0];
} catch {
  fail(`ogiltig locale "${opts.locale}" (t.ex. sv-SE eller en-US)`);
}

// ---------- konfiguration ----------

if (!existsSync(configFile)) fail(`hittar inte ${configFile}`);
let config;
try {
  config = YAML.parse(readFileSync(configFile, 'utf8'));
} catch (e) {
  fail(`kan inte läsa .m365agentsplayground.yml: ${e.message}`);
}
if (!config?.currentUser || !Array.isArray(config.users) || !config.team || !config.personalChat)
  fail('.m365agentsplayground.yml saknar currentUser, users, personalChat eller team');
const people = [config.currentUser, ...config.users];

if (opts.list) {
  people.forEach((p, i) => console.log(`${i + 1}. ${p.name}  (aadObjectId ${p.aadObjectId})${i === 0 ? '  – standard' : ''}`));
  process.exit(0);
}

let me = people[0];
if (opts.as !== undefined) {
  const q = opts.as.trim().toLocaleLowerCase('sv');
  const n = /^\d+$/.test(q) ? Number(q) : NaN;
  const hits = Number.isInteger(n)
    ? people.filter((_, i) => i + 1 === n)
    : people.filter((p) => [p.aadObjectId, p.id].some((x) => String(x).toLowerCase() === q) || p.name.toLocaleLowerCase('sv').includes(q));
  if (hits.length !== 1) {
    const list = people.map((p, i) => `  ${i + 1}. ${p.name}`).join('\n');
    fail(`${hits.length === 0 ? 'ingen' : 'mer än en'} demoanvändare matchar "${opts.as}". Välj en av:\n${list}`);
  }
  me = hits[0];
}

// Playground har ingen användarväxling i gränssnittet: aktuell användare bestäms vid start.
// Byts användare eller kanal skrivs en tillfällig kopia där den valda personen är currentUser
// (fortfarande exakt fem i users) och får en egen personlig chatt.
let configPath = configFile;
if (me !== people[0] || opts.channel !== undefined) {
  const copy = structuredClone(config);
  if (me !== people[0]) {
    copy.currentUser = me;
    copy.users = people.filter((p) => p !== me);
    copy.personalChat = { ...copy.personalChat, id: `${config.personalChat.id}-${people.indexOf(me) + 1}` };
  }
  if (opts.channel !== undefined) {
    const name = opts.channel.trim();
    if (!name) fail('--kanal kräver ett namn');
    const slug = name
      .toLowerCase()
      .normalize('NFD')
      .replace(/[\u0300-\u036f]/g, '')
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-|-$/g, '');
    copy.team.channels = [{ id: `19:demo-${slug || 'kanal'}@thread.tacv2`, name }];
  }
  tmpDir = mkdtempSync(path.join(os.tmpdir(), 'samverkansboten-playground-'));
  configPath = path.join(tmpDir, '.m365agentsplayground.yml');
  writeFileSync(configPath, `# Tillfällig kopia av ${configFile} (npm run playground)\n${YAML.stringify(copy)}`);
}

// ---------- adresser ----------

function envFilePort() {
  // `npm start` kan läsa PORT från env/.env.local; använd den om PORT inte är satt här.
  try {
    const m = /^\s*PORT\s*=\s*["']?(\d+)/m.exec(readFileSync(path.join(root, 'env', '.env.local'), 'utf8'));
    return m?.[1];
  } catch {
    return undefined;
  }
}
const botEndpoint = opts.endpoint || process.env.BOT_ENDPOINT || `http://localhost:${process.env.PORT || envFilePort() || 3978}/api/messages`;
let botUrl;
try {
  botUrl = new URL(botEndpoint);
} catch {
  fail(`ogiltig botadress "${botEndpoint}"`);
}
if (botUrl.protocol !== 'http:') fail(`botadressen måste börja med http:// (fick ${botEndpoint})`);

const portFree = (port) =>
  new Promise((resolve) => {
    const s = net.createServer();
    s.once('error', () => resolve(false));
    s.listen(port, () => s.close(() => resolve(true)));
  });
const randomPort = () =>
  new Promise((resolve, reject) => {
    const s = net.createServer();
    s.once('error', reject);
    s.listen(0, () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    });
  });

let uiPort;
const userSetPort = passthrough.some((a) => /^(-p|--port)(=|$)/.test(a));
if (!userSetPort) {
  const wanted = Number(process.env.PLAYGROUND_PORT || 56150);
  uiPort = (await portFree(wanted)) ? wanted : await randomPort();
  passthrough.push('--port', String(uiPort));
} else {
  const i = passthrough.findIndex((a) => /^(-p|--port)(=|$)/.test(a));
  uiPort = passthrough[i].includes('=') ? passthrough[i].split('=')[1] : passthrough[i + 1];
}

// ---------- locale-proxy ----------

// Playground skickar alltid locale en-US (aktivitetens locale och clientInfo-entiteten).
// Proxyn skriver om dem till vald locale och skickar allt annat oförändrat till boten.
// Svarar inte boten stängs anslutningen, så att Playground ser boten som nere (och inte
// som ansluten via proxyn).
const region = new Intl.Locale(opts.locale).region;
function relocalize(activity) {
  if (!activity || typeof activity !== 'object' || Array.isArray(activity)) return activity;
  activity.locale = opts.locale;
  for (const e of Array.isArray(activity.entities) ? activity.entities : []) {
    if (e?.type === 'clientInfo') {
      e.locale = opts.locale;
      if (region) e.country = region;
    }
  }
  return activity;
}

let botDownWarned = false;
const proxy = http.createServer((req, res) => {
  const chunks = [];
  req.on('data', (c) => chunks.push(c));
  req.on('end', () => {
    let body = Buffer.concat(chunks);
    if (body.length > 0 && /json/i.test(req.headers['content-type'] ?? '')) {
      try {
        body = Buffer.from(JSON.stringify(relocalize(JSON.parse(body.toString('utf8')))));
      } catch {
        // inte JSON – skicka som det är
      }
    }
    const target = new URL(botUrl);
    const q = req.url.indexOf('?');
    if (q >= 0) target.search = req.url.slice(q);
    const headers = { ...req.headers, host: target.host };
    delete headers['content-length'];
    delete headers['transfer-encoding'];
    if (body.length > 0 || !['GET', 'HEAD'].includes(req.method)) headers['content-length'] = String(body.length);
    const up = http.request(target, { method: req.method, headers }, (upRes) => {
      botDownWarned = false;
      res.writeHead(upRes.statusCode ?? 502, upRes.headers);
      upRes.pipe(res);
    });
    up.on('error', (e) => {
      if (!botDownWarned) {
        botDownWarned = true;
        console.error(`playground: boten svarar inte på ${botEndpoint} (${e.code ?? e.message}) – kör den med \`npm start\` i en annan terminal.`);
      }
      req.socket.destroy();
    });
    up.end(body);
  });
});
await new Promise((resolve, reject) => {
  proxy.once('error', reject);
  proxy.listen(0, '127.0.0.1', resolve);
});
const proxyEndpoint = `http://127.0.0.1:${proxy.address().port}${botUrl.pathname}`;

// ---------- starta Playground ----------

let cli;
try {
  cli = require.resolve('@microsoft/m365agentsplayground/cli.js');
} catch {
  fail('hittar inte @microsoft/m365agentsplayground – kör npm install');
}

const cleanup = () => {
  proxy.close();
  proxy.closeAllConnections?.();
  if (tmpDir) rmSync(tmpDir, { recursive: true, force: true });
};

const startedAt = Date.now() - 1000;
const child = spawn(process.execPath, [cli, '--app-endpoint', proxyEndpoint, '--channel-id', 'msteams', '--disable-telemetry', ...passthrough], {
  cwd: root,
  stdio: 'inherit',
  env: {
    ...process.env,
    PATH: `${binDir}${path.delimiter}${process.env.PATH ?? ''}`,
    M365_AGENTS_PLAYGROUND_CONFIG_PATH: configPath,
    M365_AGENTS_PLAYGROUND_LOGFILE: process.env.M365_AGENTS_PLAYGROUND_LOGFILE || logFile,
    TZ: process.env.TZ || 'Europe/Stockholm',
  },
});

console.log(
  `Microsoft 365 Agents Playground startar på http://localhost:${uiPort} – som ${me.name}, locale ${opts.locale}, mot boten på ${botEndpoint} (Ctrl+C avslutar).`,
);

// Tala om direkt om boten inte är igång (Playground väntar annars bara i 15 s när sidan öppnas).
{
  const probe = net.connect({ host: botUrl.hostname, port: Number(botUrl.port || 80) });
  probe.setTimeout(2000);
  probe.once('connect', () => probe.destroy());
  probe.once('timeout', () => probe.destroy());
  probe.once('error', () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    botDownWarned = true;
    console.error(`playground: boten svarar inte ännu på ${botEndpoint} – starta den med \`npm start\` i en annan terminal.`);
  });
}

let stopping = null;
let killTimer;
const forward = (signal) => {
  if (child.exitCode !== null || child.signalCode !== null) return;
  if (stopping) {
    child.kill('SIGKILL');
    return;
  }
  stopping = signal;
  child.kill(signal);
  killTimer = setTimeout(() => child.kill('SIGKILL'), 5000);
  killTimer.unref();
};
for (const s of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.on(s, () => forward(s));

child.on('error', (e) => {
  cleanup();
  fail(`kunde inte starta Playground: ${e.message}`);
});
child.on('exit', (code, signal) => {
  clearTimeout(killTimer);
  cleanup();
  // Ctrl+C i en terminal når också Playground direkt; den avslutar då med kod 0.
  if (stopping || code === 0 || signal === 'SIGINT' || signal === 'SIGTERM') {
    console.log('Playground stoppad.');
    process.exit(0);
  }
  const log = process.env.M365_AGENTS_PLAYGROUND_LOGFILE || logFile;
  console.error(`playground: Playground avslutades oväntat (${signal ?? `kod ${code}`}).`);
  try {
    // Utan terminal skriver Playground sina fel bara till loggfilen; visa slutet av den
    // (om den skrivits av just den här körningen).
    if (statSync(log).mtimeMs >= startedAt) {
      console.error(`Slutet av ${path.relative(process.cwd(), log) || log}:`);
      console.error(readFileSync(log, 'utf8').trimEnd().split('\n').slice(-15).join('\n'));
    }
  } catch {
    // ingen logg
  }
  process.exit(code || 1);
});
