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
        RedisModule.forRoot(runtime.redis.endpoint),
        // Only the process that started the embedded database maintains it (not one sharing another's, nor a server).
        DatabaseModule.forRoot(runtime.pool, runtime.database.source === 'embedded' ? runtime.config.database.embeddedMaintenanceMs : 0),
        QueueModule,
        StorageModule,
      ],
    };
  }
}
