import { DynamicModule, Global, Inject, Injectable, Module, OnApplicationShutdown } from '@nestjs/common';
import { Redis } from 'ioredis';
import { closeQuietly } from './close-quietly.js';
import { type RedisClient } from './redis-client.js';
import { REDIS_CLIENT, RedisConnector, REDIS_ENDPOINT } from './redis-connector.js';
import { type RedisEndpoint } from './redis-endpoint.js';

/** Closes the shared client when the application shuts down. */
@Injectable()
class RedisShutdown implements OnApplicationShutdown {
  constructor(@Inject(REDIS_CLIENT) private readonly redis: RedisClient) {}

  async onApplicationShutdown(): Promise<void> {
    await closeQuietly(this.redis);
  }
}

/**
 * The one shared client for our own keys, plus RedisConnector for modules that need connections of their own
 * (BullMQ workers, pub/sub subscribers). The shared client is a `Redis`, or a `Cluster` under REDIS_CLUSTER_NODES:
 * inject it as REDIS_CLIENT (typed RedisClient) where the two must differ (SCAN, multi-key commands); the `Redis`
 * token is the same object for code that only sends single-key commands, which both kinds serve alike.
 */
@Global()
@Module({})
export class RedisModule {
  static forRoot(endpoint: RedisEndpoint): DynamicModule {
    return {
      module: RedisModule,
      providers: [
        { provide: REDIS_ENDPOINT, useValue: endpoint },
        RedisConnector,
        { provide: REDIS_CLIENT, useFactory: (connector: RedisConnector) => connector.connect({ maxRetriesPerRequest: 2 }), inject: [RedisConnector] },
        // The same client under the `Redis` class token (a Cluster under REDIS_CLUSTER_NODES; see above).
        { provide: Redis, useExisting: REDIS_CLIENT },
        RedisShutdown,
      ],
      exports: [Redis, REDIS_CLIENT, REDIS_ENDPOINT, RedisConnector],
    };
  }
}
