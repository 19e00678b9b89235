import { type QueueShards } from './queue-shards.js';

/** The queue shards' part of /health/ready: absent with one shard; `degraded` names every shard that is down. */
export interface ShardHealth {
  status: 'ok' | 'degraded';
  queue_shards?: { up: string[]; down: string[] };
}

/**
 * Checks each shard's producer connection (no round trip: ioredis tracks it). A shard down degrades the system
 * (jobs routed to it answer 503 at enqueue) but does not make it unready: the other shards keep working.
 */
export function shardHealth(shards: QueueShards): ShardHealth {
  if (!shards.sharded) return { status: 'ok' };
  const down = shards.all.filter((shard) => !shard.available).map((shard) => shard.name);
  const up = shards.all.filter((shard) => shard.available).map((shard) => shard.name);
  return { status: down.length ? 'degraded' : 'ok', queue_shards: { up, down } };
}
