import { hostname } from 'node:os';
import { loadConfig } from './infra/config/app-config.js';
import { createRedisClient } from './infra/redis/redis-client.js';
import { resolveRedis } from './infra/redis/redis-resolver.js';
import { RedisKeys } from './infra/redis/redis-keys.js';
import { allKeys } from './infra/redis/redis-scan.js';
import { parseWorkerRecord } from './infra/queue/worker-registry.js';

/**
 * Container healthcheck of a worker: healthy while a worker of this host has sent a heartbeat within two
 * intervals (the registry the queue monitor reads; on a Redis Cluster, every master is scanned). Exit 0 healthy, 1 not.
 */
const config = loadConfig();
const target = await resolveRedis(config);
const redis = createRedisClient(target.endpoint, { lazyConnect: true, maxRetriesPerRequest: 1 });
redis.on('error', () => undefined);
try {
  await redis.connect();
  const keys = await allKeys(redis, RedisKeys.workerPattern());
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
