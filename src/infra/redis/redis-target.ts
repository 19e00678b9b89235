import { type RedisOptions } from 'ioredis';

/** Where our Redis is and how it was found; `stop` shuts down an embedded server this process started. */
export interface RedisTarget {
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
