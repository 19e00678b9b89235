import { type RedisClient } from './redis-client.js';

/** Resolves when `work` settles or after `ms`, whichever is first; never rejects. For shutdown paths only. */
export async function settleWithin(work: Promise<unknown>, ms: number): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  await Promise.race([
    work.catch(() => undefined),
    new Promise((resolve) => (timer = setTimeout(resolve, ms))),
  ]);
  clearTimeout(timer);
}

/** Closes a connection without hanging when Redis is already gone (QUIT would wait for a reconnect forever). */
export async function closeQuietly(redis: RedisClient, ms = 1000): Promise<void> {
  if (redis.status === 'ready') await settleWithin(redis.quit(), ms);
  redis.disconnect();
}
