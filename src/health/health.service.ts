import { Inject, Injectable } from '@nestjs/common';
import { sql } from 'drizzle-orm';
import { Redis } from 'ioredis';
import { DependencyUnavailableError } from '../common/errors/domain-error.js';
import { DATABASE } from '../infra/database/database.js';
import type { Database } from '../infra/database/database.js';

export interface ReadinessReport {
  status: 'ok';
  redis: 'up';
  database: 'up';
}

const CHECK_TIMEOUT_MS = 1500;

@Injectable()
export class HealthService {
  constructor(
    private readonly redis: Redis,
    @Inject(DATABASE) private readonly db: Database,
  ) {}

  /** Throws DependencyUnavailableError (503) when Redis or the database does not answer in time. */
  async readiness(): Promise<ReadinessReport> {
    const [redisUp, databaseUp] = await Promise.all([
      withTimeout(this.redis.ping()),
      withTimeout(this.db.execute(sql`select 1`)),
    ]);
    if (!redisUp) throw new DependencyUnavailableError('redis');
    if (!databaseUp) throw new DependencyUnavailableError('database');
    return { status: 'ok', redis: 'up', database: 'up' };
  }
}

async function withTimeout(check: Promise<unknown>): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<boolean>((resolve) => (timer = setTimeout(() => resolve(false), CHECK_TIMEOUT_MS)));
  try {
    return await Promise.race([check.then(() => true, () => false), timeout]);
  } finally {
    clearTimeout(timer);
  }
}
