import { Redis } from 'ioredis';
import { redisOutages } from './redis-outage.js';
import { redisOptions } from './redis-target.js';

/**
 * Resolves once Redis at `url` answers. A process started while Redis is down waits here (one log line for the
 * outage, one when it is back) instead of failing its start-up.
 */
export async function waitForRedis(url: string): Promise<void> {
  const client = redisOutages.watch(new Redis(url, redisOptions({ lazyConnect: true, maxRetriesPerRequest: null })));
  try {
    await new Promise<void>((resolve) => {
      client.once('ready', () => resolve());
      client.connect().catch(() => undefined); // a failed first connect keeps retrying (retryStrategy)
    });
  } finally {
    client.disconnect();
  }
}
