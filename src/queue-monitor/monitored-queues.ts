import { Injectable } from '@nestjs/common';
import { Job, Queue } from 'bullmq';
import { Redis } from 'ioredis';
import { AppConfig } from '../infra/config/app-config.js';
import { ALL_QUEUES, isQueueName, QueueName } from '../infra/queue/queue-names.js';
import { DEFAULT_POOL, parsePoolQueueName } from '../infra/queue/routing/pool-queue-name.js';
import { TaskQueueService } from '../infra/queue/task-queue.service.js';
import { type QueueShard } from '../infra/queue/shards/queue-shard.js';
import { QueueNotFoundError } from './queue-monitor.errors.js';
import { assertRedisAvailable } from './redis-availability.js';

/** One worker pool's BullMQ queue of a logical queue (pool `default` is the queue's own name). */
export interface PoolQueue {
  queue: QueueName;
  pool: string;
  bull: Queue;
  /** The queue shard holding it (QUEUE_SHARDS order; "0" with one shard). */
  shard: string;
}

/**
 * The queues the monitor may show: the system's queue names, resolved to BullMQ queues (unknown name → 404; Redis
 * lost → 503 at once, as BullMQ's own connections would wait for it forever). A logical name (`file_processing`)
 * stands for every worker pool of that queue (ROUTES_FILE); a pool queue name (`file_processing@heavy`) for one.
 */
@Injectable()
export class MonitoredQueues {
  constructor(
    private readonly tasks: TaskQueueService,
    private readonly redis: Redis,
    private readonly config: AppConfig,
  ) {}

  /** True with several queue shards (QUEUE_SHARDS): answers then name each job's and count's shard. */
  get sharded(): boolean {
    return this.tasks.shards.sharded;
  }

  names(): readonly QueueName[] {
    return ALL_QUEUES;
  }

  /** The pools a queue's jobs may be routed to (`default` first). */
  pools(name: QueueName): string[] {
    return this.config.queue.routes.poolsOf(name);
  }

  /** The BullMQ queue of a name: a logical name is its `default` pool, `<queue>@<pool>` that pool. */
  get(name: string): Queue {
    const [only] = this.resolve(name);
    return name.includes('@') ? only.bull : this.tasks.queue(only.queue);
  }

  /** The pool queues a name stands for: every pool of a logical queue, or the one pool named. */
  resolve(name: string, shard?: string): PoolQueue[] {
    const parsed = this.parse(name);
    const pools = isQueueName(name) ? this.pools(parsed.queue) : [parsed.pool];
    return pools.flatMap((pool) => this.onShards(parsed.queue, pool, shard));
  }

  /**
   * One BullMQ queue by its own name (`file_processing` is pool `default` only, `file_processing@heavy` that pool)
   * on every shard that is up, or on the one `?shard=` names: what an event or a series of that queue covers.
   */
  exact(bullName: string, shard?: string): PoolQueue[] {
    const parsed = this.parse(bullName);
    return this.onShards(parsed.queue, parsed.pool, shard);
  }

  private parse(name: string): { queue: QueueName; pool: string } {
    const parsed = isQueueName(name) ? { queue: name, pool: DEFAULT_POOL } : parsePoolQueueName(name);
    if (!parsed || !this.pools(parsed.queue).includes(parsed.pool)) throw new QueueNotFoundError(name);
    assertRedisAvailable(this.redis);
    return parsed;
  }

  private onShards(queue: QueueName, pool: string, shard?: string): PoolQueue[] {
    return this.liveShards(shard).map((s) => ({ queue, pool, shard: s.name, bull: this.tasks.queue(queue, pool, s) }));
  }

  /** The shard object holding a pool queue. */
  shardOf(pool: PoolQueue): QueueShard {
    return this.tasks.shards.byName(pool.shard);
  }

  /** The shards a route reads: the one `?shard=` names (404 unknown, 503 down), else every shard that is up. */
  liveShards(shard?: string): QueueShard[] {
    const { shards } = this.tasks;
    if (shard !== undefined) return [shards.assertAvailable(shards.byName(shard))];
    return shards.all.filter((s) => s.available || !shards.sharded);
  }

  /** A job by id in whichever pool queue the name stands for holds it. */
  async findJob(name: string, jobId: string, shard?: string): Promise<{ pool: PoolQueue; job: Job } | undefined> {
    for (const pool of this.resolve(name, shard)) {
      const job = (await pool.bull.getJob(jobId)) as Job | undefined;
      if (job) return { pool, job };
    }
    return undefined;
  }
}
