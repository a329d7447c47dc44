#!/usr/bin/env node
// `npm run playground:screenshots`: går igenom vägen från möte till minnesanteckningar i Microsoft 365
// Agents Playground som en ny processledare, ordförande och ledamot skulle göra, och tar en skärmbild
// per steg till docs/playground/NN-steg.png (se docs/playground.md).
//
// Skriptet startar själv boten (egen Azurite i en tillfällig katalog, lediga portar, påminnelser av)
// och sedan Playground via scripts/playground.mjs en gång per roll (`--som`): Playground kan inte byta
// användare i webbsidan. Webbläsaren är Debians chromium (/usr/bin/chromium, huvudlöst) som
// playwright-core styr; ingen webbläsare laddas ned. Mötet skapas några minuter fram i tiden, så att
// ledamöterna hinner svara innan det börjar; skriptet väntar sedan tills mötet har börjat innan det
// avslutas (ungefär fem minuter totalt). Det är inte en del av `npm test`.
//
// Miljö: CHROMIUM (standard /usr/bin/chromium), SCREENSHOT_DIR (standard docs/playground),
// MEETING_LEAD_MINUTES (hur många minuter fram mötet läggs, standard 4).

import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

/* global document, getComputedStyle -- page.evaluate callbacks run in the browser */

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const outDir = path.resolve(process.env.SCREENSHOT_DIR || path.join(root, 'docs', 'playground'));
const executablePath = process.env.CHROMIUM || '/usr/bin/chromium';
const leadMinutes = Number(process.env.MEETING_LEAD_MINUTES || 4);
const TZ = 'Europe/Stockholm';
const VIEWPORT = { width: 1280, height: 900 };
const BOT = 'Samverkansboten';
const PUBLISHED_URL = 'https://www.vardsamverkan.se/lgs/minnesanteckningar-demo';

const tmp = mkdtempSync(path.join(os.tmpdir(), 'samverkansboten-screenshots-'));
const children = new Set();
const log = (msg) => console.log(`[${new Date().toLocaleTimeString('sv-SE', { timeZone: TZ })}] ${msg}`);

// ---------- processer ----------

const freePort = () =>
  new Promise((resolve, reject) => {
    const s = net.createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    });
  });

/** Starts a child and resolves when a line of its output matches `ready`. */
function start(name, args, env, ready, timeoutMs = 90_000) {
  const child = spawn(process.execPath, args, { cwd: root, env: { ...process.env, TZ, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  children.add(child);
  let output = '';
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${name} startade inte inom ${timeoutMs / 1000} s:\n${output.slice(-2000)}`)), timeoutMs);
    const onData = (chunk) => {
      output += chunk.toString();
      if (ready.test(output)) {
        clearTimeout(timer);
        resolve(child);
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.once('exit', (code, signal) => {
      children.delete(child);
      clearTimeout(timer);
      reject(new Error(`${name} avslutades (${signal ?? `kod ${code}`}):\n${output.slice(-2000)}`));
    });
  });
}

/** Stops a child with SIGTERM (SIGKILL after 10 s) and waits for it to exit. */
function stop(child) {
  if (!child || child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const kill = setTimeout(() => child.kill('SIGKILL'), 10_000);
    child.once('exit', () => {
      clearTimeout(kill);
      children.delete(child);
      resolve();
    });
    child.kill('SIGTERM');
  });
}

// ---------- Playground-sidan ----------

let page;
let step = 0;

/** Waits until the page's text has stopped changing (the bot has answered). */
async function settle() {
  const size = () => page.evaluate(() => document.body.innerText.length);
  let last = await size();
  let changed = false;
  let stable = 0;
  for (let i = 0; i < 120 && stable < 4; i++) {
    await page.waitForTimeout(250);
    const now = await size();
    if (now !== last) {
      changed = true;
      stable = 0;
      last = now;
    } else if (changed) stable++;
    else if (i > 24) break;
  }
}

/** Saves the next numbered screenshot; a tall last message gets a taller viewport so it is whole. */
async function shot(name, { whole = true } = {}) {
  step++;
  const file = path.join(outDir, `${String(step).padStart(2, '0')}-${name}.png`);
  let height = VIEWPORT.height;
  if (whole) {
    const need = await page.evaluate(() => {
      const cards = document.querySelectorAll('.ac-adaptiveCard');
      const last = cards[cards.length - 1];
      return last ? Math.ceil(last.getBoundingClientRect().height) : 0;
    });
    if (need + 320 > height) height = Math.min(2400, need + 320);
  }
  if (height !== VIEWPORT.height) {
    await page.setViewportSize({ width: VIEWPORT.width, height });
    await page.waitForTimeout(300);
    await scrollToEnd();
  }
  await page.screenshot({ path: file });
  if (height !== VIEWPORT.height) await page.setViewportSize(VIEWPORT);
  log(`${path.relative(root, file)}`);
}

async function scrollToEnd() {
  await page.evaluate(() => {
    for (const el of document.querySelectorAll('*'))
      if (el.scrollHeight > el.clientHeight + 10 && /(auto|scroll)/.test(getComputedStyle(el).overflowY)) el.scrollTop = el.scrollHeight;
  });
  await page.waitForTimeout(200);
}

const editor = () => page.locator('[data-lexical-editor="true"]').last();

/** Types a command in the open personal chat, as a person would, and waits for the answer. */
async function say(text) {
  await editor().click();
  await page.keyboard.type(text);
  await page.keyboard.press('Enter');
  await settle();
  await scrollToEnd();
}

/** Starts a new post in the open channel, mentioning the bot (only mentions reach it). */
async function post(text) {
  await page.locator('[data-lexical-editor="true"]').first().click();
  await page.keyboard.type('@Samv');
  await page.getByRole('menuitem', { name: BOT }).click(); // the mention picker
  await page.keyboard.type(` ${text}`);
  await page.getByRole('button', { name: 'Post', exact: true }).click();
  await settle();
}

const lastCard = () => page.locator('.ac-adaptiveCard').last();

/** Presses a button on the newest card that has it. */
async function press(title) {
  const button = page.locator('.ac-adaptiveCard').getByRole('button', { name: title, exact: true }).last();
  await button.scrollIntoViewIfNeeded();
  await button.click();
  await settle();
  await scrollToEnd();
}

/** The text inputs of a card in order, by their visible label. */
async function fillByLabel(card, label, value, nth = 0) {
  const input = card.getByLabel(label, { exact: false }).nth(nth);
  await input.fill(value);
}

async function openChat(name) {
  await page.getByRole('treeitem', { name }).click();
  await page.waitForTimeout(800);
}

async function openChannel(name) {
  await page.getByRole('treeitem', { name: `Vårdsamverkan Göteborgsområdet (demo) - ${name}` }).click();
  await page.waitForTimeout(800);
}

// ---------- roller ----------

let botPort;
let uiPort;
let context;

/** Runs `steps` as demo user `who` (number in .m365agentsplayground.yml, see --lista). */
async function as(who, steps) {
  const pg = await start(
    'Playground',
    [path.join(root, 'scripts', 'playground.mjs'), '--som', String(who)],
    { PORT: String(botPort), PLAYGROUND_PORT: String(uiPort), M365_AGENTS_PLAYGROUND_LOGFILE: path.join(tmp, 'playground.log') },
    /Listening on/,
  );
  try {
    page = await context.newPage();
    await page.goto(`http://localhost:${uiPort}`);
    // A first visit gets the welcome message; a returning person's chat starts empty (the Playground keeps no history).
    await page.locator('[data-lexical-editor="true"]').last().waitFor({ timeout: 30_000 });
    await settle();
    const hide = page.locator('button[title="Hide log panel"]');
    if (await hide.count()) await hide.click();
    await steps();
  } finally {
    await page?.close();
    await stop(pg);
  }
}

const hhmm = (d) => d.toLocaleTimeString('sv-SE', { timeZone: TZ, hour: '2-digit', minute: '2-digit' });

async function main() {
  mkdirSync(outDir, { recursive: true });
  for (const f of readdirSync(outDir).filter((n) => /^\d\d-.*\.png$/.test(n))) rmSync(path.join(outDir, f));
  botPort = await freePort();
  uiPort = await freePort();
  log(`startar boten på port ${botPort} (Azurite i ${tmp})`);
  const bot = await start(
    'boten',
    ['--import', 'tsx', path.join(root, 'src', 'main.ts')],
    { PORT: String(botPort), AZURITE_DIR: path.join(tmp, 'azurite'), REMINDER_INTERVAL_MINUTES: '0', LOG_LEVEL: 'warn', BOT_ADMINS: '' },
    /Samverkansboten lyssnar på/,
  );
  context = await chromium.launchPersistentContext(path.join(tmp, 'chromium'), {
    executablePath,
    headless: true,
    viewport: VIEWPORT,
    timezoneId: TZ,
    locale: 'sv-SE',
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  let startsAt;
  try {
    // 1. Processledaren: hjälp, grupper, koppla kanalen, skapa mötet.
    await as(2, async () => {
      await say('hjälp');
      await shot('hjalp-processledare');
      await say('grupper');
      await shot('grupper');
      await openChannel('LGS');
      await post('koppla LGS');
      await shot('koppla-kanal', { whole: false });
      await openChat('Personal Chat');
      await say('möte LGS');
      const form = lastCard();
      const start = new Date(Math.ceil((Date.now() + leadMinutes * 60_000) / 60_000) * 60_000);
      startsAt = start;
      await form.getByPlaceholder('Select a date...').click();
      await page
        .getByRole('gridcell', { name: new RegExp(`^${Number(start.toLocaleDateString('sv-SE', { timeZone: TZ, day: 'numeric' }))}\\b`) })
        .first()
        .click();
      const time = form.getByPlaceholder('Select a time...');
      await time.fill('');
      await time.pressSequentially(hhmm(start));
      await page.keyboard.press('Enter');
      await page.keyboard.press('Tab');
      await fillByLabel(form, 'Plats eller Teams-länk', 'Teams');
      await fillByLabel(form, 'Synpunkter senast', '0');
      await fillByLabel(form, 'Rubrik', 'Läget i hemgångsprocessen', 0);
      await fillByLabel(form, 'Föredragande', 'Processledare LGS', 0);
      await fillByLabel(form, 'Rubrik', 'Samverkansavtal 2027', 1);
      await fillByLabel(form, 'Föredragande', 'Ordförande LGS', 1);
      await shot('nytt-mote-formular');
      await press('Spara och publicera');
      await shot('mote-skapat', { whole: false });
      await openChannel('LGS');
      await shot('dagordning-i-kanalen', { whole: false });
    });

    // 2. Ledamot region (en vanlig ledamot i LGS): förhinder och skriftliga synpunkter.
    await as(5, async () => {
      await say('möten LGS');
      await shot('ledamot-moten');
      await press('Förhinder');
      await shot('ledamot-forhinder');
      const input = lastCard();
      await input.locator('textarea, input[type="text"]').first().fill('Regionen ser gärna att hemgångsplanen följs upp i mars.');
      await shot('ledamot-synpunkter-formular');
      await press(await submitTitle(input));
      await shot('ledamot-synpunkter-skickade', { whole: false });
    });

    // 3. Ledamot kommun (vice ordförande i LGS): jag kommer.
    await as(4, async () => {
      await say('möten LGS');
      await shot('vice-moten');
      await press('Jag kommer');
      await shot('vice-jag-kommer');
    });

    // 4. Processledaren: sammanställning; väntar tills mötet har börjat; avslutar, registrerar beslut,
    //    skriver minnesanteckningar och skickar dem för justering.
    await as(2, async () => {
      await say('sammanställning LGS');
      await shot('sammanstallning');
      const wait = startsAt.getTime() + 5_000 - Date.now();
      if (wait > 0) {
        log(`väntar ${Math.round(wait / 1000)} s tills mötet har börjat (${hhmm(startsAt)})`);
        await page.waitForTimeout(wait);
      }
      await say('avsluta LGS');
      const close = lastCard();
      const summaries = close.locator('textarea');
      const n = await summaries.count();
      for (let i = 0; i < n; i++)
        await summaries.nth(i).fill(i === 0 ? 'Hemgångsprocessen följer planen. Uppföljning i mars.' : 'Avtalet ställs ut för förankring hos huvudmännen.');
      // The register is pre-filled from the answers; the chair came without answering.
      await close.getByText('Ordförande LGS (demo)', { exact: true }).click();
      await shot('avsluta-formular');
      await press(await submitTitle(close));
      await shot('avslutat', { whole: false });
      await openChannel('LGS');
      await shot('kanalen-efter-avslut', { whole: false });
      await openChat('Personal Chat');
      await say('registrera LGS');
      await shot('registrera-beslut-formular');
      const form = lastCard();
      await form.getByRole('combobox', { name: 'Punkt på dagordningen' }).click();
      await page.getByRole('option', { name: /Samverkansavtal 2027/ }).click();
      await form.getByRole('textbox', { name: 'Rubrik' }).fill('Samverkansavtal 2027');
      await form.getByRole('textbox', { name: 'Beslutstext' }).fill('LGS ställer sig bakom samverkansavtalet 2027 och skickar det för förankring hos huvudmännen.');
      await press('Registrera');
      await shot('beslut-registrerat', { whole: false });
      await say('minnesanteckningar LGS');
      await shot('minnesanteckningar-utkast');
      await press('Skicka för justering');
      await shot('skickat-for-justering', { whole: false });
    });

    // 5. Ordföranden justerar.
    await as(3, async () => {
      await say('hjälp');
      await shot('hjalp-ordforande');
      await say('minnesanteckningar LGS');
      await shot('ordforande-minnesanteckningar');
      await press('Justera');
      await shot('justerat', { whole: false });
    });

    // 6. Processledaren publicerar, visar beslut och export, årshjulet och gruppens inställningar.
    await as(2, async () => {
      await say(`publicera LGS ${PUBLISHED_URL}`);
      await shot('publicerat', { whole: false });
      await say('beslut LGS');
      await shot('beslut');
      await say('exportera LGS');
      await shot('exportera');
      await say('årshjul LGS');
      await page.waitForTimeout(1500); // the wheel image loads after the card
      await shot('arshjul');
      await say('inställningar LGS');
      await shot('installningar');
    });
  } finally {
    await context?.close();
    await stop(bot);
    rmSync(tmp, { recursive: true, force: true });
  }
  const files = readdirSync(outDir).filter((f) => f.endsWith('.png') && /^\d\d-/.test(f));
  const total = files.reduce((s, f) => s + statSync(path.join(outDir, f)).size, 0);
  log(`${files.length} skärmbilder, ${(total / 1024 / 1024).toFixed(1)} MB i ${path.relative(root, outDir)}`);
}

/** The submit button of a form card: its last button. */
async function submitTitle(card) {
  const titles = await card.getByRole('button').allInnerTexts();
  return titles
    .filter((t) => t.trim() !== '' && t.trim() !== '...')
    .at(-1)
    .trim();
}

const cleanupAndExit = async (code) => {
  await Promise.all([...children].map(stop));
  rmSync(tmp, { recursive: true, force: true });
  process.exit(code);
};
for (const s of ['SIGINT', 'SIGTERM']) process.on(s, () => void cleanupAndExit(130));

main().then(
  () => cleanupAndExit(0),
  async (e) => {
    console.error(`playground:screenshots: ${e instanceof Error ? e.stack : String(e)}`);
    try {
      if (page && !page.isClosed()) await page.screenshot({ path: path.join(os.tmpdir(), 'samverkansboten-screenshots-fel.png') });
    } catch {
      // ingen sida
    }
    await cleanupAndExit(1);
  },
);
