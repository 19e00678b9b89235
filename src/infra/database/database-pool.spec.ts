import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import pg from 'pg';
import { testEnv } from '../../../test/support/test-env.js';
import { loadConfig } from '../config/app-config.js';
import { type DatabaseTarget } from './database-target.js';
import { resolveDatabase } from './database-resolver.js';
import { createDatabasePool } from './database-pool.js';

// The statement timeout is PostgreSQL's (PGlite cannot interrupt a statement); no pgvector needed here.
const POSTGRES_URL = process.env.TEST_DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/postgres';

describe('createDatabasePool', () => {
  describe('on a PostgreSQL server (TEST_DATABASE_URL, default 127.0.0.1:5432)', () => {
    beforeAll(async () => {
      const probe = new pg.Client({ connectionString: POSTGRES_URL, connectionTimeoutMillis: 3000 });
      await probe.connect().catch((error: Error) => {
        throw new Error(`This spec needs PostgreSQL at ${new URL(POSTGRES_URL).host} (set TEST_DATABASE_URL): ${error.message}`);
      });
      await probe.end();
    });

    it('gives every connection DATABASE_STATEMENT_TIMEOUT_MS, and the server cancels a longer statement', async () => {
      const config = loadConfig(testEnv({ DATABASE_URL: POSTGRES_URL, DATABASE_STATEMENT_TIMEOUT_MS: '150' }));
      const pool = createDatabasePool(POSTGRES_URL, config.database);
      try {
        const clients = await Promise.all([pool.connect(), pool.connect()]);
        for (const client of clients) {
          expect((await client.query<{ statement_timeout: string }>('show statement_timeout')).rows[0]).toEqual({
            statement_timeout: '150ms',
          });
        }
        await expect(clients[0].query('select pg_sleep(5)')).rejects.toMatchObject({ code: '57014' });
        clients.forEach((client) => client.release());
      } finally {
        await pool.end();
      }
    });

    it('leaves the server default (no limit) when DATABASE_STATEMENT_TIMEOUT_MS is 0', async () => {
      const config = loadConfig(testEnv({ DATABASE_URL: POSTGRES_URL }));
      expect(config.database.statementTimeoutMs).toBe(0);
      const pool = createDatabasePool(POSTGRES_URL, config.database);
      try {
        expect((await pool.query<{ statement_timeout: string }>('show statement_timeout')).rows[0].statement_timeout).toBe('0');
      } finally {
        await pool.end();
      }
    });
  });

  describe('on the embedded PGlite', () => {
    let target: DatabaseTarget;

    beforeAll(async () => {
      target = await resolveDatabase(loadConfig(testEnv({ DATABASE_URL: '' })));
    });

    afterAll(async () => {
      await target.stop();
    });

    it('opens at most DATABASE_POOL_SIZE connections: the next request waits for one to be released', async () => {
      const config = loadConfig(testEnv({ DATABASE_POOL_SIZE: '2' }));
      expect(config.database.poolSize).toBe(2);
      const pool = createDatabasePool(target.url, config.database);
      try {
        const held = await Promise.all([pool.connect(), pool.connect()]);
        const third = pool.connect();
        await new Promise((resolve) => setImmediate(resolve));
        expect({ total: pool.totalCount, waiting: pool.waitingCount }).toEqual({ total: 2, waiting: 1 });
        held[0].release();
        const client = await third;
        expect((await client.query<{ one: number }>('select 1 as one')).rows).toEqual([{ one: 1 }]);
        client.release();
        held[1].release();
      } finally {
        await pool.end();
      }
    });
  });
});
