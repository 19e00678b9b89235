import { type Redis } from 'ioredis';
import { isCluster, type RedisClient } from './redis-client.js';

/**
 * Every key matching `pattern`, one SCAN batch at a time (never KEYS). On a cluster SCAN sees one node's keys only,
 * so every master is scanned in turn.
 */
export async function* scanKeys(redis: RedisClient, pattern: string, count = 500): AsyncGenerator<string[]> {
  for (const node of isCluster(redis) ? redis.nodes('master') : [redis]) {
    let cursor = '0';
    do {
      const [next, batch] = await node.scan(cursor, 'MATCH', pattern, 'COUNT', count);
      cursor = next;
      if (batch.length > 0) yield batch;
    } while (cursor !== '0');
  }
}

/** Every key matching `pattern` (see scanKeys), in one array: for listings known to be small (the worker registry). */
export async function allKeys(redis: RedisClient, pattern: string): Promise<string[]> {
  const keys: string[] = [];
  for await (const batch of scanKeys(redis, pattern)) keys.push(...batch);
  return keys;
}

/**
 * The connection that holds `key`'s hash slot: the client itself for a single Redis, the slot's master on a
 * cluster. A cursor-paged SCAN of keys that share one hash tag (an agent's memory) runs there.
 */
export async function nodeHoldingKey(redis: RedisClient, key: string): Promise<Redis> {
  if (!isCluster(redis)) return redis;
  const slot = Number(await redis.cluster('KEYSLOT', key));
  const nodeKey = redis.slots[slot]?.[0];
  const master = redis.nodes('master').find((node) => `${node.options.host}:${node.options.port}` === nodeKey);
  if (!master) throw new Error(`CLUSTERDOWN no master holds slot ${slot}`);
  return master;
}

/** The values of `keys` (null where a key is gone): one MGET on a single Redis, one GET per key on a cluster. */
export async function getMany(redis: RedisClient, keys: readonly string[]): Promise<(string | null)[]> {
  if (keys.length === 0) return [];
  if (!isCluster(redis)) return redis.mget(...keys);
  return Promise.all(keys.map((key) => redis.get(key)));
}
