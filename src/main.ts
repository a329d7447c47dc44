import './instrument'; // first: telemetry hooks http before anything else loads
import { calendarForToken } from './app/annualCycle';
import { systemClock } from './app/ports';
import { parseEnv } from './config/env';
import { formatProblems } from './config/yamlFile';
import { createLogger } from './logger';
import type { RunningAzurite } from './storage/azurite';
import type { TableConnection } from './storage/tables';
import { authMode, createServer, listenAsConfigured, listeningOn } from './server';
import { recordError, stopTelemetry, telemetryOn } from './telemetry';
import { exportForToken, startBot, wheelForTokenPng } from './wiring';

/**
 * `npm start`: parse the environment, start embedded Azurite when no storage is configured,
 * load the organisations, listen, and print one line saying where and how the bot runs.
 */
async function main(): Promise<void> {
  const env = parseEnv(process.env);
  if (!env.ok) {
    process.stderr.write(`${env.message}\n`);
    process.exit(2);
  }
  const config = env.config;
  const logger = createLogger(config.logLevel, undefined, recordError);
  let azurite: RunningAzurite | null = null;
  let connection: TableConnection;
  if (config.storage.kind === 'embedded-azurite') {
    // Loaded only for local mode: Azurite is a devDependency and absent from the deployed package.
    azurite = await (await import('./storage/azurite')).startAzurite(config.storage.dataDir);
    connection = { kind: 'connection-string', connectionString: azurite.connectionString };
  } else if (config.storage.kind === 'managed-identity') connection = config.storage;
  else connection = { kind: 'connection-string', connectionString: config.storage.connectionString };

  const bot = await startBot(config, connection, logger);
  if (bot.load.problems.length > 0)
    process.stderr.write(`\nFöljande organisationsfiler avvisades helt (inget från dem sparades):\n${formatProblems(bot.load.problems)}\n\n`);
  const calendar = (token: string) => calendarForToken(token, { tokens: bot.calendarTokens, catalog: bot.catalog, groupState: bot.repos.groupState, clock: systemClock });
  const exportFile = (token: string, format: 'md' | 'csv' | 'json') =>
    exportForToken(token, format, { tokens: bot.calendarTokens, catalog: bot.catalog, decisions: bot.repos.decisions, groupState: bot.repos.groupState });
  const wheel = (token: string, locale: 'sv' | 'en') =>
    wheelForTokenPng(token, locale, { tokens: bot.calendarTokens, catalog: bot.catalog, groupState: bot.repos.groupState, clock: systemClock });
  const server = createServer({ adapter: bot.adapter, bot: bot.bot, store: bot.store, logger, calendar, exportFile, wheel });
  const port = await listenAsConfigured(server, config);
  // Handlers before the start-up line: a SIGTERM right after it must stop cleanly, not kill.
  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info('shutdown', { signal });
    await bot.scheduler.stop();
    await new Promise<void>((resolve) => {
      server.close(() => resolve());
    });
    await azurite?.stop();
    await stopTelemetry();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));

  const storage =
    azurite !== null ? `inbäddad Azurite (${config.storage.kind === 'embedded-azurite' ? config.storage.dataDir : ''}, port ${azurite.port})` : bot.store.describe();
  process.stdout.write(
    `Samverkansboten lyssnar på ${listeningOn(config, port)} · lagring: ${storage} · autentisering: ${authMode(config)} · ${bot.load.organisations.length} organisationer inlästa · påminnelser ${config.reminderIntervalMinutes > 0 ? `var ${config.reminderIntervalMinutes}:e minut` : 'avstängda'} · telemetri: ${telemetryOn() ? 'Application Insights' : 'av'}\n`,
  );
  if (config.unauthenticatedOverride) logger.warn('auth.off-by-override', { listenHost: 'all-interfaces' });
  if (config.auth === null)
    process.stdout.write(
      config.unauthenticatedOverride
        ? 'VARNING: ALLOW_UNAUTHENTICATED=true. Boten tar emot aktiviteter UTAN autentisering på alla nätverksgränssnitt. Vem som helst som når porten kan skicka kommandon i någons namn.\n'
        : 'VARNING: LOKALT LÄGE. Boten tar emot aktiviteter utan autentisering och lyssnar bara på 127.0.0.1. Sätt BOT_ID för att slå på autentisering.\n',
    );

  bot.scheduler.start();
}

main().catch((e: unknown) => {
  process.stderr.write(`Samverkansboten kunde inte starta: ${e instanceof Error ? e.message : String(e)}\n`);
  process.exit(1);
});
