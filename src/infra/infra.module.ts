import { DynamicModule, Module } from '@nestjs/common';
import { ConfigModule } from './config/config.module.js';
import { DatabaseModule } from './database/database.module.js';
import { loggerModule } from './logging.js';
import { QueueModule } from './queue/queue.module.js';
import { RedisModule } from './redis/redis.module.js';
import { Runtime } from './runtime.js';
import { StorageModule } from './storage/storage.module.js';

/** Config, Redis, database, queues, storage and logging: what every process (API or worker) stands on. */
@Module({})
export class InfraModule {
  static forRoot(runtime: Runtime): DynamicModule {
    return {
      module: InfraModule,
      imports: [
        ConfigModule.forRoot(runtime.config),
        loggerModule(runtime.config),
        RedisModule.forRoot(runtime.redis.url),
        DatabaseModule.forRoot(runtime.pool),
        QueueModule,
        StorageModule,
      ],
    };
  }
}
