import { Inject, Injectable } from '@nestjs/common';
import { type RedisOptions } from 'ioredis';
import { createRedisClient, type RedisClient } from './redis-client.js';
import { type RedisEndpoint } from './redis-endpoint.js';
import { redisOutages } from './redis-outage.js';
import { bullRedisOptions, redisOptions } from './redis-target.js';

export const REDIS_ENDPOINT = Symbol('REDIS_ENDPOINT');
/** The shared client as a RedisClient (a Redis, or a Cluster under REDIS_CLUSTER_NODES). */
export const REDIS_CLIENT = Symbol('REDIS_CLIENT');

/**
 * Makes the connections a module needs of its own (BullMQ queues and workers, pub/sub subscribers) to the main Redis
 * (REDIS_URL or REDIS_CLUSTER_NODES) or to another endpoint (a queue shard). Every connection it makes reports
 * outages to the one outage log; the caller closes it (closeQuietly).
 */
@Injectable()
export class RedisConnector {
  constructor(@Inject(REDIS_ENDPOINT) readonly endpoint: RedisEndpoint) {}

  /** A connection for our own commands or a subscriber (capped reconnect backoff, offline queue). */
  connect(extra: RedisOptions = {}, endpoint: RedisEndpoint = this.endpoint): RedisClient {
    return redisOutages.watch(createRedisClient(endpoint, redisOptions(extra)));
  }

  /** A connection for BullMQ (Queue, Worker, FlowProducer, QueueEvents): maxRetriesPerRequest null, as it requires. */
  connectForBull(endpoint: RedisEndpoint = this.endpoint): RedisClient {
    return redisOutages.watch(createRedisClient(endpoint, bullRedisOptions()));
  }
}
