import { startAzurite } from '../../src/storage/azurite';

/** Starts one in-memory Azurite for every suite; suites isolate themselves by table prefix. */
export default async function globalSetup(): Promise<void> {
  const azurite = await startAzurite(null);
  process.env.TEST_TABLES_CONNECTION_STRING = azurite.connectionString;
  (globalThis as { __azurite__?: typeof azurite }).__azurite__ = azurite;
}
