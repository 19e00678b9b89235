import pg from 'pg';
import { AppConfig } from './config/app-config.js';
import { DatabaseTarget } from './database/database-target.js';
import { resolveDatabase } from './database/database-resolver.js';
import { runMigrations } from './database/migrations.js';
import { waitForRedis } from './redis/redis-readiness.js';
import { resolveRedis } from './redis/redis-resolver.js';
import { RedisTarget } from './redis/redis-target.js';

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
  const redis = await resolveRedis(config);
  await waitForRedis(redis.url);
  const database = await resolveDatabase(config);
  const pool = new pg.Pool({ connectionString: database.url, max: 10 });
  pool.on('error', () => undefined); // an idle client lost its server: the pool replaces it; requests see the error
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
