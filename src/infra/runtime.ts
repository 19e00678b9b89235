import type pg from 'pg';
import { type AppConfig } from './config/app-config.js';
import { type DatabaseTarget } from './database/database-target.js';
import { createDatabasePool } from './database/database-pool.js';
import { resolveDatabase } from './database/database-resolver.js';
import { runMigrations } from './database/migrations.js';
import { waitForRedis } from './redis/redis-readiness.js';
import { resolveRedis } from './redis/redis-resolver.js';
import { type RedisTarget } from './redis/redis-target.js';

/** What a process needs before Nest starts: config, a Redis, a migrated database. */
export interface Runtime {
  config: AppConfig;
  redis: RedisTarget;
  database: DatabaseTarget;
  pool: pg.Pool;
  /** Stops embedded servers this process started (after Nest has closed its connections). */
  stopEmbedded(): Promise<void>;
}

export async function startRuntime(config: AppConfig): Promise<Runtime> {
  // At once: an embedded database's start (seconds; initdb on a first start) need not wait for Redis.
  const [redis, database] = await Promise.all([resolveAndWaitForRedis(config), resolveDatabase(config)]);
  const pool = createDatabasePool(database.url, config.database);
  await runMigrations(pool);
  return {
    config,
    redis,
    database,
    pool,
    stopEmbedded: async () => {
      await database.stop();
      await redis.stop();
    },
  };
}

async function resolveAndWaitForRedis(config: AppConfig): Promise<RedisTarget> {
  const redis = await resolveRedis(config);
  await waitForRedis(redis.endpoint);
  return redis;
}
