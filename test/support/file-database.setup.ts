import { afterAll, expect } from '@jest/globals';
import { createServerDatabase, setFileDatabaseUrl, TEST_DATABASE_SERVER_URL } from './server-database.js';

// With TEST_DATABASE_URL, every e2e file gets a database of its own on that server (dropped after the file), which
// testEnv() hands to the processes the file starts; createTestApp and createTestDatabase make one per system.
if (TEST_DATABASE_SERVER_URL && expect.getState().testPath?.endsWith('.e2e-spec.ts')) {
  const database = await createServerDatabase(TEST_DATABASE_SERVER_URL);
  setFileDatabaseUrl(database.url);
  afterAll(async () => {
    setFileDatabaseUrl(undefined);
    await database.drop();
  });
}
