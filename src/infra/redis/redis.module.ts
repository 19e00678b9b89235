import { DynamicModule, Global, Inject, Injectable, Module, OnApplicationShutdown } from '@nestjs/common';
import { Redis } from 'ioredis';
import { closeQuietly } from './close-quietly.js';
import { redisOutages } from './redis-outage.js';
import { redisOptions } from './redis-target.js';

export const REDIS_URL = Symbol('REDIS_URL');

/** Closes the shared client when the application shuts down. */
@Injectable()
class RedisShutdown implements OnApplicationShutdown {
  constructor(@Inject(Redis) private readonly redis: Redis) {}

  async onApplicationShutdown(): Promise<void> {
    await closeQuietly(this.redis);
  }
}

/**
 * The one shared ioredis client for our own keys (inject `Redis`), plus REDIS_URL for modules that need
 * their own connections (BullMQ workers, pub/sub subscribers).
 */
@Global()
@Module({})
export class RedisModule {
  static forRoot(url: string): DynamicModule {
    return {
      module: RedisModule,
      providers: [
        { provide: REDIS_URL, useValue: url },
        { provide: Redis, useFactory: () => redisOutages.watch(new Redis(url, redisOptions({ maxRetriesPerRequest: 2 }))) },
        RedisShutdown,
      ],
      exports: [Redis, REDIS_URL],
    };
  }
}
