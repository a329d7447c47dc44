import { freePort } from '../../src/storage/azurite';
import { TableStore } from '../../src/storage/tables';
import { testConnection, randomPrefix } from '../helpers/testBot';

describe('storage health', () => {
  it('answers true when Azurite answers', async () => {
    const store = new TableStore(testConnection(), randomPrefix());
    await store.ensureTables();
    expect(await store.ping()).toBe(true);
    await store.dropTables();
  });

  it('answers false when nothing listens at the table endpoint', async () => {
    const port = await freePort();
    const dead = testConnection().connectionString.replace(/127\.0\.0\.1:\d+/, `127.0.0.1:${port}`);
    expect(await new TableStore({ kind: 'connection-string', connectionString: dead }, 'x').ping()).toBe(false);
  });
});
