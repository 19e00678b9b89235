/** One Redis node of a cluster's seed list. */
export interface RedisNode {
  host: string;
  port: number;
}

/**
 * Where a Redis role lives: a single Redis (its URL) or a Redis Cluster (seed nodes; ioredis discovers the rest).
 * The same shape as a QUEUE_SHARDS entry, so a shard connects through the same factory (createRedisClient).
 */
export type RedisEndpoint = { kind: 'url'; url: string } | { kind: 'cluster'; nodes: RedisNode[]; password?: string };

/** `host:port` items (REDIS_CLUSTER_NODES entries); throws on the first bad one, naming it. */
export function parseClusterNodes(items: readonly string[]): RedisNode[] {
  if (items.length === 0) throw new Error('no node given');
  return items.map((item) => {
    const match = /^(\[[0-9a-fA-F:]+\]|[^:\s]+):(\d{1,5})$/.exec(item.trim());
    const port = Number(match?.[2]);
    if (!match || port < 1 || port > 65535) throw new Error(`"${item}" is not host:port`);
    return { host: match[1].replace(/^\[|\]$/g, ''), port };
  });
}

/** The endpoint for logs and banners, never with a credential: a URL as given (masked later), a cluster as its seeds. */
export function describeEndpoint(endpoint: RedisEndpoint): string {
  if (endpoint.kind === 'url') return endpoint.url;
  return `cluster://${endpoint.nodes.map((n) => `${n.host}:${n.port}`).join('+')}`;
}
