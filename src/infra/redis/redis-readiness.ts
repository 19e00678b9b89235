import { createRedisClient } from './redis-client.js';
import { type RedisEndpoint } from './redis-endpoint.js';
import { redisOutages } from './redis-outage.js';
import { redisOptions } from './redis-target.js';

/**
 * Resolves once Redis (or, for a cluster, its slots map) answers. A process started while Redis is down waits here
 * (one log line for the outage, one when it is back) instead of failing its start-up.
 */
export async function waitForRedis(endpoint: RedisEndpoint): Promise<void> {
  const client = redisOutages.watch(createRedisClient(endpoint, redisOptions({ lazyConnect: true, maxRetriesPerRequest: null })));
  try {
    await new Promise<void>((resolve) => {
      client.once('ready', () => resolve());
      client.connect().catch(() => undefined); // a failed first connect keeps retrying (retryStrategy)
    });
  } finally {
    client.disconnect();
  }
}
