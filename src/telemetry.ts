import { metrics, SpanStatusCode, trace } from '@opentelemetry/api';
import type { AzureMonitorOpenTelemetryOptions } from '@azure/monitor-opentelemetry';
import type { SweepMetrics } from './app/ports';

/**
 * Application Insights through OpenTelemetry, on only when a connection string is configured.
 * `@azure/monitor-opentelemetry` is required lazily, so a start without it loads none of it;
 * without an SDK the OpenTelemetry API calls below are no-ops.
 */
let started = false;

/**
 * Starts the Azure Monitor distro: incoming requests and outgoing HTTP (Azure Tables, Bot
 * Connector) as requests and dependencies, exceptions, and the metrics recorded here.
 * Returns whether telemetry is on. Must run before restify and the SDKs are loaded.
 */
export function startTelemetry(connectionString: string | undefined): boolean {
  if (connectionString === undefined || started) return started;
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- loaded synchronously and only when telemetry is on: it must hook http before restify loads
  const { useAzureMonitor } = require('@azure/monitor-opentelemetry') as typeof import('@azure/monitor-opentelemetry');
  const options: AzureMonitorOpenTelemetryOptions = {
    azureMonitorExporterOptions: { connectionString },
    instrumentationOptions: { http: { enabled: true }, azureSdk: { enabled: true } },
    enableLiveMetrics: false,
  };
  useAzureMonitor(options);
  started = true;
  return true;
}

/** Sends what is buffered and stops (on SIGTERM, so the last minute of telemetry is not lost). */
export async function stopTelemetry(): Promise<void> {
  if (!started) return;
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- loaded only when telemetry was started (the module is never loaded otherwise)
  const { shutdownAzureMonitor } = require('@azure/monitor-opentelemetry') as typeof import('@azure/monitor-opentelemetry');
  await shutdownAzureMonitor().catch(() => undefined);
}

/** True once Application Insights is on (the start-up line says so). */
export function telemetryOn(): boolean {
  return started;
}

const meter = metrics.getMeter('samverkansboten');
const sweepCounters = {
  due: meter.createCounter('reminders.due', { description: 'Påminnelser som var aktuella i ett svep' }),
  sent: meter.createCounter('reminders.sent', { description: 'Skickade påminnelser (personligt eller i kanal)' }),
  failed: meter.createCounter('reminders.failed', { description: 'Påminnelser som inte kunde skickas' }),
  undeliverable: meter.createCounter('reminders.undeliverable', { description: 'Påminnelser utan mottagare' }),
};
const sweepPlanning = meter.createHistogram('reminders.planning_ms', { unit: 'ms', description: 'Planeringstid för ett svep' });

/** The counts of one reminder sweep, as metrics (no personal data: counts only). */
export function recordSweep(report: {
  readonly ran: boolean;
  readonly due: number;
  readonly sentPersonal: number;
  readonly sentChannel: number;
  readonly failed: number;
  readonly undeliverable: number;
  readonly planningMs: number;
}): void {
  if (!report.ran) return;
  sweepCounters.due.add(report.due);
  sweepCounters.sent.add(report.sentPersonal, { target: 'personal' });
  sweepCounters.sent.add(report.sentChannel, { target: 'channel' });
  sweepCounters.failed.add(report.failed);
  sweepCounters.undeliverable.add(report.undeliverable);
  sweepPlanning.record(report.planningMs);
}

/** The sweep's metrics port, as the wiring hands it to the scheduler. */
export const sweepMetrics: SweepMetrics = { recordSweep };

/** A logged error as an exception: on the current request's span, or on a span of its own. */
export function recordError(event: string, fields: Record<string, unknown>): void {
  if (!started) return;
  // An error line's `error` and `message` come from describeError: strings.
  const { error, message } = fields as { error?: string; message?: string };
  const exception = { name: error ?? event, message: `${event}: ${message ?? ''}` };
  const active = trace.getActiveSpan();
  if (active !== undefined) {
    active.recordException(exception);
    active.setStatus({ code: SpanStatusCode.ERROR });
    return;
  }
  trace.getTracer('samverkansboten').startActiveSpan(event, (span) => {
    span.recordException(exception);
    span.setStatus({ code: SpanStatusCode.ERROR });
    span.end();
  });
}
