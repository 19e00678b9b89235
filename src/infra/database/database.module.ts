import { BeforeApplicationShutdown, DynamicModule, Global, Inject, Injectable, Module, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { drizzle } from 'drizzle-orm/node-postgres';
import pg from 'pg';
import { DATABASE, DATABASE_POOL } from './database.js';
import { EmbeddedDbMaintenance } from './embedded-db-maintenance.js';

@Injectable()
class PoolShutdown implements OnApplicationShutdown {
  constructor(@Inject(DATABASE_POOL) private readonly pool: pg.Pool) {}

  async onApplicationShutdown(): Promise<void> {
    await this.pool.end();
  }
}

/** Runs EmbeddedDbMaintenance while the app runs; stopped before the pool closes. */
@Injectable()
class MaintenanceLifecycle implements OnApplicationBootstrap, BeforeApplicationShutdown {
  constructor(@Inject(EmbeddedDbMaintenance) private readonly maintenance: EmbeddedDbMaintenance) {}

  onApplicationBootstrap(): void {
    this.maintenance.start();
  }

  async beforeApplicationShutdown(): Promise<void> {
    await this.maintenance.stop();
  }
}

/**
 * The shared pg pool and Drizzle instance (inject DATABASE). Migrations run before Nest starts. `maintenanceMs`: how
 * often to vacuum and checkpoint the database, for the process that owns an embedded one (0: never).
 */
@Global()
@Module({})
export class DatabaseModule {
  static forRoot(pool: pg.Pool, maintenanceMs = 0): DynamicModule {
    return {
      module: DatabaseModule,
      providers: [
        { provide: DATABASE_POOL, useValue: pool },
        { provide: DATABASE, useFactory: () => drizzle({ client: pool }) },
        PoolShutdown,
        { provide: EmbeddedDbMaintenance, useValue: new EmbeddedDbMaintenance(pool, maintenanceMs) },
        MaintenanceLifecycle,
      ],
      exports: [DATABASE, DATABASE_POOL],
    };
  }
}
