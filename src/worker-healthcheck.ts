import { hostname } from 'node:os';
import { Redis } from 'ioredis';
import { loadConfig } from './infra/config/app-config.js';
import { resolveRedis } from './infra/redis/redis-resolver.js';
import { RedisKeys } from './infra/redis/redis-keys.js';
import { parseWorkerRecord } from './infra/queue/worker-registry.js';

/**
 * Container healthcheck of a worker: healthy while a worker of this host has sent a heartbeat within two
 * intervals (the registry the queue monitor reads). Exit 0 healthy, 1 not.
 */
const config = loadConfig();
const target = await resolveRedis(config);
const redis = new Redis(target.url, { lazyConnect: true, maxRetriesPerRequest: 1 });
try {
  await redis.connect();
  const keys = await redis.keys(RedisKeys.workerPattern());
  const records = await Promise.all(keys.map(async (key) => parseWorkerRecord(await redis.hgetall(key))));
  const fresh = records.some(
    (w) => w.hostname === hostname() && Date.now() - Date.parse(w.last_heartbeat) < 2 * w.heartbeat_interval_ms,
  );
  process.exitCode = fresh ? 0 : 1;
} catch {
  process.exitCode = 1;
} finally {
  redis.disconnect();
}
