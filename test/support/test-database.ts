import { drizzle } from 'drizzle-orm/node-postgres';
import pg from 'pg';
import { loadConfig } from '../../src/infra/config/app-config.js';
import type { Database } from '../../src/infra/database/database.js';
import { resolveDatabase } from '../../src/infra/database/database-resolver.js';
import { runMigrations } from '../../src/infra/database/migrations.js';
import { ownServerDatabase } from './server-database.js';
import { testEnv } from './test-env.js';

export interface TestDatabase {
  db: Database;
  pool: pg.Pool;
  close(): Promise<void>;
}

/**
 * A migrated in-memory PGlite (with pgvector) of the test's own, for repository integration specs; with
 * TEST_DATABASE_URL, a migrated database of its own on that server, dropped at close.
 */
export async function createTestDatabase(): Promise<TestDatabase> {
  const database = await ownServerDatabase();
  const target = await resolveDatabase(loadConfig(testEnv(database.env)));
  const pool = new pg.Pool({ connectionString: target.url, max: 4 });
  await runMigrations(pool);
  return {
    db: drizzle({ client: pool }),
    pool,
    close: async () => {
      await pool.end();
      await target.stop();
      await database.drop();
    },
  };
}
