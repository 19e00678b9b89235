import { Inject, Injectable } from '@nestjs/common';
import { sql } from 'drizzle-orm';
import { Redis } from 'ioredis';
import { DependencyUnavailableError } from '../common/errors/domain-error.js';
import { DATABASE } from '../infra/database/database.js';
import type { Database } from '../infra/database/database.js';
import { shardHealth, type ShardHealth } from '../infra/queue/shards/shard-health.js';
import { TaskQueueService } from '../infra/queue/task-queue.service.js';

export interface ReadinessReport {
  /** `degraded`: a queue shard is down (named in queue_shards.down); jobs routed to the others still run. */
  status: 'ok' | 'degraded';
  redis: 'up';
  database: 'up';
  queue_shards?: ShardHealth['queue_shards'];
}

const CHECK_TIMEOUT_MS = 1500;

@Injectable()
export class HealthService {
  constructor(
    private readonly redis: Redis,
    @Inject(DATABASE) private readonly db: Database,
    private readonly tasks: TaskQueueService,
  ) {}

  /** Throws DependencyUnavailableError (503, with the reason; the error filter masks credentials) when a check fails. */
  async readiness(): Promise<ReadinessReport> {
    const [redisProblem, databaseProblem] = await Promise.all([
      problemOf(this.redis.ping()),
      problemOf(this.db.execute(sql`select 1`)),
    ]);
    if (redisProblem) throw new DependencyUnavailableError('redis', redisProblem);
    if (databaseProblem) throw new DependencyUnavailableError('database', databaseProblem);
    const shards = shardHealth(this.tasks.shards);
    return { status: shards.status, redis: 'up', database: 'up', ...(shards.queue_shards ? { queue_shards: shards.queue_shards } : {}) };
  }
}

/** undefined when the check succeeds in time; else what went wrong. */
async function problemOf(check: Promise<unknown>): Promise<string | undefined> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<string>((resolve) => {
    timer = setTimeout(() => resolve(`no answer within ${CHECK_TIMEOUT_MS} ms`), CHECK_TIMEOUT_MS);
  });
  try {
    return await Promise.race([
      check.then(
        () => undefined,
        (error: unknown) => (error instanceof Error ? error.message : String(error)),
      ),
      timeout,
    ]);
  } finally {
    clearTimeout(timer);
  }
}
