import { DynamicModule, Global, Inject, Injectable, Module, OnApplicationShutdown } from '@nestjs/common';
import { drizzle } from 'drizzle-orm/node-postgres';
import pg from 'pg';
import { DATABASE, DATABASE_POOL } from './database.js';

@Injectable()
class PoolShutdown implements OnApplicationShutdown {
  constructor(@Inject(DATABASE_POOL) private readonly pool: pg.Pool) {}

  async onApplicationShutdown(): Promise<void> {
    await this.pool.end();
  }
}

/** The shared pg pool and Drizzle instance (inject DATABASE). Migrations run before Nest starts. */
@Global()
@Module({})
export class DatabaseModule {
  static forRoot(pool: pg.Pool): DynamicModule {
    return {
      module: DatabaseModule,
      providers: [
        { provide: DATABASE_POOL, useValue: pool },
        { provide: DATABASE, useFactory: () => drizzle({ client: pool }) },
        PoolShutdown,
      ],
      exports: [DATABASE, DATABASE_POOL],
    };
  }
}
