import restify from 'restify';
import type { Activity } from 'botbuilder';
import type { AuthenticateRequestResult } from 'botframework-connector';
import type { AppConfig } from './config/env';
import type { SamverkansBot } from './teams/bot';
import type { TableStore } from './storage/tables';
import { describeError, runInTurn, type Logger } from './logger';
import { parseEnvelope } from './teams/activity';
import { authFailureOf, type BotAdapter } from './teams/adapter';

/** restify and wiring: `POST /api/messages` for Teams and `GET /healthz` for the platform. */
export interface ServerDeps {
  readonly adapter: BotAdapter;
  readonly bot: SamverkansBot;
  readonly store: TableStore;
  readonly logger: Logger;
  /** Serves a group's årshjul as iCalendar for a calendar token, or null when the token is unknown. */
  readonly calendar?: (token: string) => Promise<string | null>;
  /** Serves a group's decision log (md, csv, json) for an export token, or null. */
  readonly exportFile?: (token: string, format: 'md' | 'csv' | 'json') => Promise<string | null>;
  /** Serves a group's årshjul as a wheel (PNG) for a calendar token, or null. */
  readonly wheel?: (token: string, locale: 'sv' | 'en') => Promise<Buffer | null>;
}

export function createServer(deps: ServerDeps): restify.Server {
  const server = restify.createServer({ name: 'samverkansboten', handleUncaughtExceptions: false });
  server.use(restify.plugins.bodyParser({ mapParams: false, maxBodySize: 256 * 1024 }));
  deps.adapter.onTurnError = (context, error) => deps.bot.onTurnError(context, error);

  server.post('/api/messages', async (req, res) => {
    const body: unknown = req.body;
    if (typeof body !== 'object' || body === null || Array.isArray(body)) {
      deps.logger.warn('messages.malformed', { fields: ['(body)'] });
      res.send(400, { error: 'malformed activity', fields: ['(body)'] });
      return;
    }
    // The caller first: with authentication on, nobody without a valid token learns anything about the body.
    let authenticated: AuthenticateRequestResult;
    try {
      authenticated = await deps.adapter.authenticate(req.headers.authorization ?? '', body);
    } catch (e) {
      const auth = authFailureOf(e);
      if (auth === null) {
        deps.logger.error('auth.failed', describeError(e));
        res.send(500, { error: 'internal error' });
        return;
      }
      deps.logger.warn(auth.status === 401 ? 'auth.rejected' : 'auth.keys-unavailable', { status: auth.status, reason: auth.reason });
      if (auth.status === 503) res.header('retry-after', '30');
      res.send(auth.status, { error: auth.status === 401 ? 'unauthorized' : 'authentication temporarily unavailable' });
      return;
    }
    const envelope = parseEnvelope(body);
    if (!envelope.ok) {
      deps.logger.warn('messages.malformed', { fields: envelope.fields.slice(0, 10) });
      res.send(400, { error: 'malformed activity', fields: envelope.fields });
      return;
    }
    try {
      // One child logger per turn: every line of the turn (and of its error handler) carries these ids.
      const invoke = await runInTurn(deps.logger, turnBindings(body), () =>
        deps.adapter.handle(authenticated, envelope.activity as Activity, (context) => deps.bot.run(context)),
      );
      if (invoke?.body !== undefined) res.send(invoke.status, invoke.body);
      else res.send(invoke?.status ?? 200);
    } catch (e) {
      deps.logger.error('messages.failed', describeError(e));
      if (!res.headersSent) res.send(500, { error: 'internal error' });
    }
  });

  server.get('/ics/:file', async (req, res) => {
    const token = param(req, 'file').replace(/\.ics$/, '');
    const body = deps.calendar ? await deps.calendar(token).catch((e: unknown) => storageDown(deps.logger, 'ics', e)) : null;
    if (body === STORAGE_DOWN) {
      unavailable(res);
      return;
    }
    if (body === null) {
      res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' });
      res.end('Kalendern finns inte.');
      return;
    }
    res.writeHead(200, { 'content-type': 'text/calendar; charset=utf-8', 'cache-control': 'private, max-age=3600' });
    res.end(body);
  });

  server.get('/arshjul/:file', async (req, res) => {
    const token = /^([A-Za-z0-9_-]{1,100})\.png$/.exec(param(req, 'file'))?.[1];
    const locale = new URL(req.url ?? '/', 'http://x').searchParams.get('lang') === 'en' ? 'en' : 'sv';
    const body = token && deps.wheel ? await deps.wheel(token, locale).catch((e: unknown) => storageDown(deps.logger, 'arshjul', e)) : null;
    if (body === STORAGE_DOWN) {
      unavailable(res);
      return;
    }
    if (body === null) {
      res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' });
      res.end('Årshjulet finns inte.');
      return;
    }
    res.writeHead(200, { 'content-type': 'image/png', 'cache-control': 'private, max-age=600' });
    res.end(body);
  });

  server.get('/export/:token/:file', async (req, res) => {
    const format = /^beslut\.(md|csv|json)$/.exec(param(req, 'file'))?.[1] as 'md' | 'csv' | 'json' | undefined;
    const body = format && deps.exportFile ? await deps.exportFile(param(req, 'token'), format).catch((e: unknown) => storageDown(deps.logger, 'export', e)) : null;
    if (body === STORAGE_DOWN) {
      unavailable(res);
      return;
    }
    if (body === null || format === undefined) {
      res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' });
      res.end('Exporten finns inte.');
      return;
    }
    const types = { md: 'text/markdown; charset=utf-8', csv: 'text/csv; charset=utf-8', json: 'application/json; charset=utf-8' };
    res.writeHead(200, { 'content-type': types[format], 'content-disposition': `attachment; filename="beslut.${format}"`, 'cache-control': 'no-store' });
    res.end(body);
  });

  server.get('/healthz', async (_req, res) => {
    const storageOk = await deps.store.ping();
    res.send(storageOk ? 200 : 503, { status: storageOk ? 'ok' : 'storage unavailable', storage: storageOk });
  });
  return server;
}

/** A token endpoint whose lookup failed: not "unknown token" (404) but "try again" (503). */
const STORAGE_DOWN = Symbol('storageDown');

function storageDown(logger: Logger, endpoint: 'ics' | 'export' | 'arshjul', e: unknown): typeof STORAGE_DOWN {
  logger.error(`${endpoint}.storage-failed`, describeError(e));
  return STORAGE_DOWN;
}

/** A route parameter: restify gives them as strings (the decoded path segment) but types `params` as `any`. */
function param(req: restify.Request, name: string): string {
  return (req.params as Partial<Record<string, string>>)[name] ?? '';
}

function unavailable(res: restify.Response): void {
  res.writeHead(503, { 'content-type': 'text/plain; charset=utf-8', 'retry-after': '60', 'cache-control': 'no-store' });
  res.end('Tjänsten är tillfälligt otillgänglig. Försök igen om en stund. / The service is temporarily unavailable. Please try again shortly.');
}

/** Ids for the per-turn logger: activity id and type, conversation type and tenant (no names, no text). */
function turnBindings(body: object): Record<string, unknown> {
  const a = body as { id?: unknown; type?: unknown; conversation?: { conversationType?: unknown; tenantId?: unknown } };
  const str = (v: unknown) => (typeof v === 'string' ? v.slice(0, 100) : undefined);
  return { activityId: str(a.id), activityType: str(a.type), conversationType: str(a.conversation?.conversationType), tenant: str(a.conversation?.tenantId) };
}

/** Starts listening on the port (0 picks a free one) and resolves with the bound port. */
export function listen(server: restify.Server, port: number, host?: string): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      const addr = server.address();
      resolve(addr.port);
    });
  });
}

/** Listens where the configuration says: loopback only while authentication is off (unless overridden). */
export function listenAsConfigured(server: restify.Server, config: Pick<AppConfig, 'port' | 'listenHost'>): Promise<number> {
  return listen(server, config.port, config.listenHost ?? undefined);
}

/** Where the start-up line says the bot listens: loopback only when authentication is off. */
export function listeningOn(config: Pick<AppConfig, 'listenHost'>, port: number): string {
  return config.listenHost === null ? `port ${port} på alla nätverksgränssnitt (/api/messages)` : `http://${config.listenHost}:${port}/api/messages (bara loopback)`;
}

/** The authentication part of the start-up line. */
export function authMode(config: Pick<AppConfig, 'auth' | 'unauthenticatedOverride'>): string {
  if (config.auth !== null) return `PÅ (app-id ${config.auth.appId}, ${config.auth.appType})`;
  return config.unauthenticatedOverride
    ? 'AV genom ALLOW_UNAUTHENTICATED=true – utan Bot Framework-autentisering på alla gränssnitt'
    : 'AV – lokalt läge utan Bot Framework-autentisering, bara loopback, bara för utveckling';
}
