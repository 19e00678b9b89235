import { ConfigError } from '../config/config-error.js';
import { parseClusterNodes, type RedisNode } from './redis-endpoint.js';

/**
 * REDIS_CLUSTER_NODES as seed nodes (undefined when unset), checked at start. On a cluster every BullMQ queue must
 * keep its keys in one hash slot, and a flow's jobs (FlowProducer) span queues: so QUEUE_PREFIX must hold a hash tag
 * (`{docai}`), which puts every queue, and our per-prefix queue keys, in that tag's slot.
 */
export function clusterNodesFromEnv(nodes: readonly string[] | undefined, queuePrefix: string): RedisNode[] | undefined {
  if (!nodes || nodes.length === 0) return undefined;
  let parsed: RedisNode[];
  try {
    parsed = parseClusterNodes(nodes);
  } catch (error) {
    throw new ConfigError('REDIS_CLUSTER_NODES', `has a bad entry (${(error as Error).message}); expected host:port,host:port`);
  }
  if (!hasHashTag(queuePrefix)) {
    throw new ConfigError('QUEUE_PREFIX', 'must hold a hash tag, e.g. {docai}, when REDIS_CLUSTER_NODES is set (BullMQ needs each queue, and a flow, in one slot)');
  }
  return parsed;
}

/** True when `key` has a Redis Cluster hash tag: a `{`, then a non-empty text up to the first `}` after it. */
export function hasHashTag(key: string): boolean {
  const open = key.indexOf('{');
  return open >= 0 && key.indexOf('}', open + 1) > open + 1;
}
