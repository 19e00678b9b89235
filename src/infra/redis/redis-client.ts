import { Cluster, Redis, type ClusterOptions, type RedisOptions } from 'ioredis';
import { type RedisEndpoint } from './redis-endpoint.js';

/**
 * A connection to our Redis, whichever kind it is: a single server or a Redis Cluster. Both speak the same commands
 * (ioredis' Commander); what differs is what touches several keys or every key: a multi-key command, MULTI or Lua
 * needs its keys in one hash slot, and SCAN must visit every master (see redis-scan.ts).
 */
export type RedisClient = Redis | Cluster;

/**
 * Cluster timing: a command whose slot is failing over (its master gone, CLUSTERDOWN, MOVED to a dead node) retries
 * every CLUSTER_RETRY_DELAY_MS, at most CLUSTER_MAX_REDIRECTIONS times: it rides out a failover of a few seconds
 * (cluster-node-timeout plus the election), then fails (503 at the API).
 */
const CLUSTER_RETRY_DELAY_MS = 250;
const CLUSTER_MAX_REDIRECTIONS = 40;
const SLOTS_REFRESH_TIMEOUT_MS = 2000;

/**
 * The one place a connection is made: a `Redis` for a URL, a `Cluster` for a node list. `options` are the per-node
 * options (retry, offline queue, maxRetriesPerRequest); a cluster gets the same reconnect backoff for the cluster as
 * a whole, and commands sent while a slot has no master are retried a few times and then fail (503 at the API).
 */
export function createRedisClient(endpoint: RedisEndpoint, options: RedisOptions = {}): RedisClient {
  if (endpoint.kind === 'url') return new Redis(endpoint.url, options);
  const { retryStrategy, enableOfflineQueue, lazyConnect, ...nodeOptions } = options;
  const clusterOptions: ClusterOptions = {
    redisOptions: { ...nodeOptions, ...(endpoint.password ? { password: endpoint.password } : {}) },
    clusterRetryStrategy: retryStrategy ? (attempt) => retryStrategy(attempt) : () => null,
    enableOfflineQueue: enableOfflineQueue ?? true,
    lazyConnect: lazyConnect ?? false,
    retryDelayOnFailover: CLUSTER_RETRY_DELAY_MS,
    retryDelayOnClusterDown: CLUSTER_RETRY_DELAY_MS,
    retryDelayOnTryAgain: CLUSTER_RETRY_DELAY_MS,
    // A MOVED that points at a dead master (the slots map of a node not yet updated) would otherwise be retried at once.
    retryDelayOnMoved: CLUSTER_RETRY_DELAY_MS / 5,
    slotsRefreshTimeout: SLOTS_REFRESH_TIMEOUT_MS,
    maxRedirections: CLUSTER_MAX_REDIRECTIONS,
  };
  return new Cluster(endpoint.nodes, clusterOptions);
}

export function isCluster(client: RedisClient): client is Cluster {
  return client instanceof Cluster;
}
