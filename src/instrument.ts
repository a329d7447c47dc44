import { parseProcessEnv } from './config/env';
import { startTelemetry } from './telemetry';

/**
 * Imported first by main.ts: Application Insights has to hook `http` before restify, botbuilder
 * and the Azure SDK are loaded. Off (and `@azure/monitor-opentelemetry` never loaded) unless
 * APPLICATIONINSIGHTS_CONNECTION_STRING is set; a bad environment is reported by main.
 */
const env = parseProcessEnv();
if (env.ok) startTelemetry(env.config.telemetryConnectionString);
