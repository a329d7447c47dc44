import {
  TableClient,
  TableServiceClient,
  type GetTableEntityOptions,
  type GetTableEntityResponse,
  type TableEntityResult,
  type TableServiceClientOptions,
} from '@azure/data-tables';
import { DefaultAzureCredential, type TokenCredential } from '@azure/identity';
import { isRestError, type PipelinePolicy } from '@azure/core-rest-pipeline';

/** Every table the bot uses. Names get the configured prefix (tests isolate by prefix). */
export const TABLES = [
  'Organisations',
  'Members',
  'GroupState',
  'Conversations',
  'ChannelLinks',
  'Reminders',
  'Leases',
  'CalendarTokens',
  'MeetingInputs',
  'Decisions',
  'Forankring',
  'OrgEdits',
] as const;
export type TableName = (typeof TABLES)[number];

/** How the bot reaches Azure Tables: a connection string (Azurite, dev) or an endpoint with managed identity. */
export type TableConnection =
  | { readonly kind: 'connection-string'; readonly connectionString: string }
  | { readonly kind: 'managed-identity'; readonly endpoint: string; readonly clientId: string | undefined };

/** Counts HTTP requests sent to the table service; the bench reads it per command. */
export class TableRequestCounter {
  private total = 0;
  readonly policy: PipelinePolicy = {
    name: 'samverkansbotenRequestCounter',
    sendRequest: async (request, next) => {
      this.total += 1;
      this.log?.push(`${request.method} ${new URL(request.url).pathname}${decodeURIComponent(new URL(request.url).search)}`);
      const response = await next(request);
      // Entities returned (queries and point reads), counted only while recording: the bench's "entities read".
      if (this.log !== undefined) this.entityCount += (response.bodyAsText?.match(/"odata\.etag"/g) ?? []).length;
      return response;
    },
  };
  private log: string[] | undefined;
  private entityCount = 0;
  /** Entities the table service returned since `startRecording`. */
  get entitiesRecorded(): number {
    return this.entityCount;
  }
  get count(): number {
    return this.total;
  }
  /** Starts recording request lines (method, path and query) until `stopRecording`. */
  startRecording(): void {
    this.log = [];
    this.entityCount = 0;
  }
  stopRecording(): string[] {
    const l = this.log ?? [];
    this.log = undefined;
    return l;
  }
}

/** How long one storage request (retries included) may take unless configured otherwise. */
export const DEFAULT_STORAGE_TIMEOUT_MS = 5000;

/** A storage request that did not finish in time; users are told storage is not answering. */
export class StorageTimeoutError extends Error {
  override readonly name = 'StorageTimeoutError';
}

/**
 * Bounds each storage call, retries included: the SDK's own `timeout` covers one attempt up to
 * the response headers only, so a frozen table service could otherwise hang a turn for minutes.
 * Sits before the retry policy and aborts through the request's abort signal.
 */
export function timeoutPolicy(ms: number): PipelinePolicy {
  return {
    name: 'samverkansbotenStorageTimeout',
    sendRequest: async (request, next) => {
      const controller = new AbortController();
      const outer = request.abortSignal;
      const forward = () => controller.abort();
      outer?.addEventListener('abort', forward);
      let timedOut = false;
      const timer = setTimeout(() => {
        timedOut = true;
        controller.abort();
      }, ms);
      request.abortSignal = controller.signal;
      try {
        return await next(request);
      } catch (e) {
        // eslint-disable-next-line @typescript-eslint/no-unnecessary-condition -- set by the timer callback above, which TypeScript's narrowing does not see
        if (timedOut) throw new StorageTimeoutError(`table request did not finish within ${ms} ms`);
        throw e;
      } finally {
        clearTimeout(timer);
        outer?.removeEventListener('abort', forward);
        request.abortSignal = outer;
      }
    },
  };
}

const UNREACHABLE = new Set(['ECONNREFUSED', 'ECONNRESET', 'ENOTFOUND', 'ETIMEDOUT', 'EAI_AGAIN', 'EHOSTUNREACH']);

/** True when an error means the table service is not answering (timeout, connection refused, 503); implements the app port `StorageUnavailable`. */
export function isStorageUnavailable(e: unknown): boolean {
  if (e instanceof Error && e.name === 'StorageTimeoutError') return true;
  if (!isRestError(e)) return false;
  return (e.code !== undefined && UNREACHABLE.has(e.code)) || e.statusCode === 503;
}

/** The one table client factory: same connection, prefix, counting and timeout policy for every table. */
export class TableStore {
  private readonly clients = new Map<TableName, TableClient>();
  /** One managed-identity credential for every table (one token cache, one token request). */
  private credential: TokenCredential | undefined;

  constructor(
    private readonly connection: TableConnection,
    private readonly prefix: string,
    readonly counter: TableRequestCounter = new TableRequestCounter(),
    private readonly timeoutMs: number = DEFAULT_STORAGE_TIMEOUT_MS,
  ) {}

  /** A short description for the start-up line, without secrets. */
  describe(): string {
    if (this.connection.kind === 'managed-identity') return `Azure Tables ${this.connection.endpoint} (hanterad identitet)`;
    const endpoint = /TableEndpoint=([^;]+)/i.exec(this.connection.connectionString)?.[1];
    const account = /AccountName=([^;]+)/i.exec(this.connection.connectionString)?.[1];
    return `Azure Tables ${endpoint ?? `konto ${account ?? '?'}`}`;
  }

  table(name: TableName): TableClient {
    let client = this.clients.get(name);
    if (client === undefined) {
      const full = `${this.prefix}${name}`;
      const options: TableServiceClientOptions = { allowInsecureConnection: allowsHttp(this.connection), retryOptions: { maxRetries: 2 } };
      client =
        this.connection.kind === 'connection-string'
          ? TableClient.fromConnectionString(this.connection.connectionString, full, options)
          : new TableClient(
              this.connection.endpoint,
              full,
              (this.credential ??= new DefaultAzureCredential({ managedIdentityClientId: this.connection.clientId })),
              options,
            );
      client.pipeline.addPolicy(this.counter.policy);
      client.pipeline.addPolicy(timeoutPolicy(this.timeoutMs));
      this.clients.set(name, client);
    }
    return client;
  }

  /** Creates every table that does not exist yet (idempotent). */
  async ensureTables(): Promise<void> {
    await Promise.all(TABLES.map((t) => this.table(t).createTable()));
  }

  /** True when the table service answers a cheap query. */
  async ping(): Promise<boolean> {
    try {
      const page = await this.table('Organisations')
        .listEntities({ queryOptions: { select: ['PartitionKey'] } })
        .byPage({ maxPageSize: 1 })
        .next();
      return page.done !== undefined;
    } catch {
      return false;
    }
  }

  /** Deletes every table of this prefix (tests only). */
  async dropTables(): Promise<void> {
    const service =
      this.connection.kind === 'connection-string'
        ? TableServiceClient.fromConnectionString(this.connection.connectionString, { allowInsecureConnection: allowsHttp(this.connection) })
        : undefined;
    if (service === undefined) throw new Error('dropTables is only for connection-string stores');
    await Promise.all(TABLES.map((t) => service.deleteTable(`${this.prefix}${t}`)));
  }
}

/** Plain http only for a local Azurite (a loopback table endpoint); Azure is always https. */
export function allowsHttp(connection: TableConnection): boolean {
  if (connection.kind !== 'connection-string') return false;
  const endpoint = /TableEndpoint=([^;]+)/i.exec(connection.connectionString)?.[1];
  if (endpoint === undefined) return false;
  try {
    const url = new URL(endpoint);
    return url.protocol === 'http:' && ['127.0.0.1', 'localhost', '[::1]'].includes(url.hostname);
  } catch {
    return false;
  }
}

/** Makes a string safe as a PartitionKey/RowKey: '/', '\\', '#', '?' and control characters are not allowed. */
export function keyPart(s: string): string {
  // eslint-disable-next-line no-control-regex -- control characters are exactly what must be escaped here
  return s.replace(/[/\\#?%\u0000-\u001f\u007f-\u009f]/g, (c) => `%${c.charCodeAt(0).toString(16).padStart(2, '0')}`);
}

/** True when an Azure SDK error has the given HTTP status. */
export function hasStatus(e: unknown, status: number): boolean {
  return isRestError(e) && e.statusCode === status;
}

/** One entity by its keys, or null when it does not exist (404); other failures throw. */
export async function getOrNull<T extends object = Record<string, unknown>>(
  table: TableClient,
  partitionKey: string,
  rowKey: string,
  options?: GetTableEntityOptions,
): Promise<GetTableEntityResponse<TableEntityResult<T>> | null> {
  try {
    return await table.getEntity<T>(partitionKey, rowKey, options);
  } catch (e) {
    if (hasStatus(e, 404)) return null;
    throw e;
  }
}
