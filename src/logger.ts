import { AsyncLocalStorage } from 'node:async_hooks';
import pino, { type DestinationStream } from 'pino';

/**
 * The one logger: pino JSON lines with an event name (`event`) and non-personal fields (ids of
 * groups, codes, counts). The interface stays small so use cases and handlers don't know pino.
 */
export type LogLevel = 'debug' | 'info' | 'warn' | 'error';

export interface Logger {
  debug(event: string, fields?: Record<string, unknown>): void;
  info(event: string, fields?: Record<string, unknown>): void;
  warn(event: string, fields?: Record<string, unknown>): void;
  error(event: string, fields?: Record<string, unknown>): void;
  /** A logger whose every line also carries `bindings` (e.g. the turn's activity id). */
  child(bindings: Record<string, unknown>): Logger;
}

/**
 * Fields that could carry personal data or secrets, censored even if a caller passes them by
 * mistake: names, free text, e-mail and AAD ids of people, tokens, passwords, connection strings.
 */
export const REDACTED_FIELDS = [
  'name',
  'userName',
  'displayName',
  'text',
  'email',
  'upn',
  'aadObjectId',
  'token',
  'password',
  'authorization',
  'connectionString',
  'secret',
] as const;
const redactPaths = REDACTED_FIELDS.flatMap((f) => [f, `*.${f}`]).concat(['req.headers.authorization', 'headers.authorization']);

/** The logger of the turn being handled, so every line in a turn carries its activity, org and group. */
const turnScope = new AsyncLocalStorage<{ readonly root: pino.Logger; readonly turn: pino.Logger }>();

/** Called with every logged error (the wiring passes telemetry's `recordError`; the logger knows no layer). */
export type ErrorSink = (event: string, fields: Record<string, unknown>) => void;

/** Creates the root logger at `level` ('silent' for tests), writing to stdout or `destination`; errors also go to `onError`. */
export function createLogger(level: LogLevel | 'silent', destination?: DestinationStream, onError?: ErrorSink): Logger {
  const root = pino(
    {
      level,
      base: undefined,
      messageKey: 'event',
      timestamp: pino.stdTimeFunctions.isoTime,
      formatters: { level: (label) => ({ level: label }) },
      redact: { paths: redactPaths, censor: '[redacted]' },
    },
    destination ?? pino.destination({ dest: 1, sync: true }),
  );
  return wrap(root, true, onError);
}

const pinoOf = new WeakMap<Logger, pino.Logger>();

function wrap(p: pino.Logger, isRoot: boolean, onError: ErrorSink | undefined): Logger {
  // The root logger writes through the current turn's child, so handlers need no logger argument per turn.
  const target = (): pino.Logger => {
    const scope = isRoot ? turnScope.getStore() : undefined;
    return scope?.root === p ? scope.turn : p;
  };
  const logger: Logger = {
    debug: (event, fields = {}) => target().debug(fields, event),
    info: (event, fields = {}) => target().info(fields, event),
    warn: (event, fields = {}) => target().warn(fields, event),
    error: (event, fields = {}) => {
      target().error(fields, event);
      onError?.(event, fields);
    },
    child: (bindings) => wrap(target().child(bindings), false, onError),
  };
  pinoOf.set(logger, p);
  return logger;
}

/**
 * Runs one turn with a child of `logger` bound to `bindings` (activity id, conversation type):
 * every line the turn logs through the root logger carries them.
 */
export function runInTurn<T>(logger: Logger, bindings: Record<string, unknown>, fn: () => T): T {
  const p = pinoOf.get(logger);
  if (p === undefined) return fn();
  return turnScope.run({ root: p, turn: p.child(bindings) }, fn);
}

/** Adds fields to the current turn's logger once they are known (org and group of a card action). */
export function bindTurn(fields: { readonly org?: string; readonly group?: string }): void {
  turnScope.getStore()?.turn.setBindings(fields);
}

/** A logger that drops everything (tests that assert on replies, not logs). */
export const silentLogger: Logger = createLogger('silent');

/** An error's kind and message, without the request bodies some SDK errors carry. */
export function describeError(e: unknown): Record<string, unknown> {
  if (e instanceof Error) return { error: e.name, message: e.message.slice(0, 300) };
  return { error: String(e).slice(0, 300) };
}
