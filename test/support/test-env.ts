import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { TEST_REDIS_URL } from './require-redis.js';
import { fileDatabase } from './server-database.js';

/**
 * Environment for one isolated test system: real Redis with a queue prefix of its own (so parallel or leftover
 * jobs of other tests never reach its workers), an in-memory PGlite on a random port (or, with TEST_DATABASE_URL,
 * the test file's database on that server), a temporary DATA_DIR.
 */
export function testEnv(overrides: Record<string, string> = {}): Record<string, string> {
  return {
    NODE_ENV: 'test',
    LOG_LEVEL: 'silent',
    REDIS_URL: TEST_REDIS_URL,
    QUEUE_PREFIX: `test-${randomBytes(4).toString('hex')}`,
    EMBEDDED_DB_PORT: '0',
    DATA_DIR: mkdtempSync(join(tmpdir(), 'docai-test-')),
    JWT_SECRET: randomBytes(32).toString('hex'),
    ADMIN_EMAIL: 'admin@example.com',
    ADMIN_PASSWORD: 'admin-password-123',
    WORKER_HEARTBEAT_MS: '500',
    SHUTDOWN_GRACE_MS: '5000',
    // Every test client registers from 127.0.0.1: the per-IP limit is tested on its own (auth-security e2e).
    REGISTER_MAX_PER_HOUR: '100000',
    ...fileDatabase(),
    ...overrides,
  };
}
