import { type RedisOptions } from 'ioredis';
import { type RedisEndpoint } from './redis-endpoint.js';

/** Where our Redis is and how it was found; `stop` shuts down an embedded server this process started. */
export interface RedisTarget {
  endpoint: RedisEndpoint;
  /** The URL, or `cluster://host:port+…` for a cluster (for banners and logs; a URL may hold a password: mask it). */
  url: string;
  source: 'configured' | 'local' | 'embedded';
  stop(): Promise<void>;
}

/** ioredis options shared by every connection: reconnect with capped exponential backoff. */
export function redisOptions(extra: RedisOptions = {}): RedisOptions {
  return {
    retryStrategy: (attempt) => Math.min(50 * 2 ** attempt, 5000),
    enableOfflineQueue: true,
    ...extra,
  };
}

/** ioredis options for connections BullMQ uses (BullMQ requires maxRetriesPerRequest: null). */
export function bullRedisOptions(): RedisOptions {
  return redisOptions({ maxRetriesPerRequest: null });
}
