import { type RedisOptions } from 'ioredis';
import { ConfigError } from '../../config/config-error.js';
import { createRedisClient, type RedisClient } from '../../redis/redis-client.js';
import { type RedisEndpoint } from '../../redis/redis-endpoint.js';

/** Where one queue shard lives: a single Redis (a URL) or a Redis Cluster (its seed nodes). */
export type ShardEndpoint = RedisEndpoint;

const CLUSTER_SCHEME = 'cluster://';

/** One QUEUE_SHARDS entry: `redis://…`, `rediss://…`, or `cluster://host:port+host:port` (REDIS_PASSWORD not applied). */
export function parseShardEndpoint(entry: string): ShardEndpoint {
  if (entry.startsWith(CLUSTER_SCHEME)) {
    const nodes = entry
      .slice(CLUSTER_SCHEME.length)
      .split('+')
      .map((node) => {
        const [host, port] = node.split(':');
        const number = Number(port);
        if (!host || !Number.isInteger(number) || number < 1 || number > 65535) throw new Error(`bad cluster node "${node}"`);
        return { host, port: number };
      });
    return { kind: 'cluster', nodes };
  }
  const url = new URL(entry);
  if (url.protocol !== 'redis:' && url.protocol !== 'rediss:') throw new Error(`"${url.protocol}" is not redis: or rediss:`);
  return { kind: 'url', url: entry };
}

/**
 * What the shard hash is computed from: the endpoint without credentials (host, port, db), so a new password does
 * not move keys and adding or removing another shard leaves this one's keys where they are.
 */
export function shardIdentity(endpoint: ShardEndpoint): string {
  if (endpoint.kind === 'cluster') return `cluster:${endpoint.nodes.map((n) => `${n.host}:${n.port}`).join('+')}`;
  const url = new URL(endpoint.url);
  return `${url.hostname}:${url.port || '6379'}${url.pathname && url.pathname !== '/' ? url.pathname : '/0'}`;
}

/** The endpoint for logs and API answers (never a credential). */
export function describeShard(endpoint: ShardEndpoint): string {
  return endpoint.kind === 'cluster' ? `cluster ${endpoint.nodes.map((n) => `${n.host}:${n.port}`).join(',')}` : shardIdentity(endpoint);
}

/** A client for a shard (Redis or Cluster), from the shared endpoint factory of src/infra/redis. */
export function connectShard(endpoint: ShardEndpoint, options: RedisOptions): RedisClient {
  return createRedisClient(endpoint, options);
}

/** Validates QUEUE_SHARDS and WORKER_SHARDS at start (one clear line naming the variable). */
export function checkQueueShards(shards: readonly string[] | undefined, workerShards: readonly string[] | undefined): void {
  for (const entry of shards ?? []) {
    try {
      parseShardEndpoint(entry);
    } catch (error) {
      throw new ConfigError('QUEUE_SHARDS', `has a bad entry (${(error as Error).message})`);
    }
  }
  const identities = (shards ?? []).map((entry) => shardIdentity(parseShardEndpoint(entry)));
  if (new Set(identities).size !== identities.length) throw new ConfigError('QUEUE_SHARDS', 'names the same Redis twice');
  const count = shards?.length || 1;
  for (const name of workerShards ?? []) {
    if (!/^\d+$/.test(name) || Number(name) >= count) {
      throw new ConfigError('WORKER_SHARDS', `has unknown shard "${name}" (shards are 0..${count - 1} in QUEUE_SHARDS order)`);
    }
  }
}
